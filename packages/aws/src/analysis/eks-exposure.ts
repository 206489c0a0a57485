import type { AnalysisJob } from '@skygraph/core';

/**
 * Cartography's `aws_eks_asset_exposure`: sets `exposed_internet` on EKS
 * clusters whose public API server endpoint is on (whatever CIDRs it admits:
 * the `eks_cluster_public_endpoint_open` finding narrows to 0.0.0.0/0).
 * Every run first clears the flag, so a cluster made private disappears.
 */
export const eksExposureJob: AnalysisJob = {
  name: 'aws_eks_asset_exposure',
  description: 'Flags EKS clusters whose public API server endpoint is on',
  statements: [
    `MATCH (c:AWSEKSCluster) WHERE c.exposed_internet IS NOT NULL
REMOVE c.exposed_internet`,
    `MATCH (c:AWSEKSCluster) WHERE c.endpoint_public_access = true
SET c.exposed_internet = true`,
  ],
};
