import { type AnyNodeSchema, defineNode, defineRel, type PropSpec, refOf } from '@skygraph/core';
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

/** The properties Cartography's exposure analysis sets (not collected, so not in the provider schemas). */
const EXPOSURE = { exposed_internet: 'boolean?', exposed_internet_type: 'string?' } as const;

/**
 * A schema as queries see it: with the properties (and relationships) the
 * providers' analysis jobs add after loading. Only for reading: the loader
 * keeps using the provider's own schema.
 */
function asAnalysed<
  S extends AnyNodeSchema,
  const P extends Record<string, PropSpec>,
  // biome-ignore lint/complexity/noBannedTypes: no added relationships by default
  const R extends Record<string, ReturnType<typeof defineRel>> = {},
>(schema: S, properties: P, relationships?: R) {
  return defineNode({
    label: schema.label as S['label'],
    key: schema.key as S['key'],
    properties: { ...(schema.properties as S['properties']), ...properties },
    extraLabels: schema.extraLabels,
    scope: schema.scope,
    relationships: { ...(schema.relationships as S['relationships']), ...(relationships ?? ({} as R)) },
    description: schema.description,
  });
}

/** The GCP node schemas the builder knows (with `exposed_internet` and FIREWALL_INGRESS from the analysis). */
export const gcpSchemas = [
  GCPOrganization,
  GCPFolder,
  GCPProject,
  asAnalysed(GCPInstance, EXPOSURE),
  GCPNetworkInterface,
  GCPNicAccessConfig,
  GCPNetworkTag,
  GCPVpc,
  GCPSubnet,
  asAnalysed(GCPFirewall, {}, { appliesTo: defineRel('FIREWALL_INGRESS', refOf(GCPInstance)) }),
  GCPIpRule,
  GCPIpRange,
  asAnalysed(GKECluster, EXPOSURE),
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
