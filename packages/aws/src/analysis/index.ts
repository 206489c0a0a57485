import type { AnalysisJob } from '@skygraph/core';
import { assumeRoleJob } from './assume-role.ts';
import { crossScopeLinksJob } from './cross-scope-links.ts';
import { exposureJob } from './exposure.ts';
import { globalCleanupJob } from './global-cleanup.ts';

/** The AWS analysis jobs, in the order they run: links first, as the others follow them. */
export const awsAnalysisJobs: readonly AnalysisJob[] = [
  crossScopeLinksJob,
  globalCleanupJob,
  assumeRoleJob,
  exposureJob,
];

export { assumeRoleJob, crossScopeLinksJob, exposureJob, globalCleanupJob };
