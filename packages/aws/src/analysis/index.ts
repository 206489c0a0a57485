import type { AnalysisJob } from '@skygraph/core';
import { assumeRoleJob } from './assume-role.ts';
import { crossScopeLinksJob } from './cross-scope-links.ts';
import { danglingDnsJob } from './dangling-dns.ts';
import { eksExposureJob } from './eks-exposure.ts';
import { exposureJob } from './exposure.ts';
import { globalCleanupJob } from './global-cleanup.ts';
import { identityCenterRolesJob } from './identity-center-roles.ts';
import { lambdaExposureJob } from './lambda-exposure.ts';
import { tagsCleanupJob } from './tags-cleanup.ts';

/** The AWS analysis jobs, in the order they run: links first, as the others follow them. */
export const awsAnalysisJobs: readonly AnalysisJob[] = [
  crossScopeLinksJob,
  // After the links: Identity Center's provisioned roles and who may use them.
  identityCenterRolesJob,
  globalCleanupJob,
  tagsCleanupJob,
  danglingDnsJob,
  assumeRoleJob,
  exposureJob,
  lambdaExposureJob,
  eksExposureJob,
];

export {
  assumeRoleJob,
  crossScopeLinksJob,
  danglingDnsJob,
  eksExposureJob,
  exposureJob,
  globalCleanupJob,
  identityCenterRolesJob,
  lambdaExposureJob,
  tagsCleanupJob,
};
