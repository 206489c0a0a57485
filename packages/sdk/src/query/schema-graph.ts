import {
  GCPBucket,
  GCPBucketLabel,
  GCPFirewall,
  GCPFolder,
  GCPInstance,
  GCPIpRange,
  GCPIpRule,
  GCPNetworkInterface,
  GCPNetworkTag,
  GCPNicAccessConfig,
  GCPOrganization,
  GCPProject,
  GCPSubnet,
  GCPVpc,
  GKECluster,
} from '@skygraph/gcp/schema';
import { GSuiteGroup, GSuiteTenant, GSuiteUser } from '@skygraph/gsuite/schema';
import { createGraph } from './create-graph.ts';

/** The GCP node schemas the builder knows. */
export const gcpSchemas = [
  GCPOrganization,
  GCPFolder,
  GCPProject,
  GCPInstance,
  GCPNetworkInterface,
  GCPNicAccessConfig,
  GCPNetworkTag,
  GCPVpc,
  GCPSubnet,
  GCPFirewall,
  GCPIpRule,
  GCPIpRange,
  GKECluster,
  GCPBucket,
  GCPBucketLabel,
] as const;

/** The Google Workspace node schemas the builder knows. */
export const gsuiteSchemas = [GSuiteTenant, GSuiteUser, GSuiteGroup] as const;

/**
 * The query builder over every provider schema: what `collect` writes.
 *
 * @example
 * const q = graph
 *   .match('p', 'GCPProject')
 *   .match('c', 'GKECluster', { owner: 'p' })
 *   .where('c.basic_auth', '=', true)
 *   .return('p.id as project', 'c.name as cluster');
 */
export const graph = createGraph([...gcpSchemas, ...gsuiteSchemas]);
