import type { Migration } from '@skygraph/core';

/**
 * What a graph written by an earlier skygraph holds that the current schema
 * no longer writes. Renamed ids need nothing here: the next successful sync
 * of a scope deletes the nodes under their old ids as stale.
 */
export const awsMigrations: readonly Migration[] = [
  {
    // Renamed to Cartography's metadatahttptokens.
    name: 'aws_instance_metadata_http_tokens',
    cypher:
      'MATCH (n:AWSEC2Instance) WHERE n.metadata_http_tokens IS NOT NULL WITH n LIMIT $batch REMOVE n.metadata_http_tokens RETURN count(n) AS migrated',
  },
  {
    // Classic load balancers now point at their subnets with PART_OF_SUBNET only, as in Cartography.
    name: 'aws_classic_load_balancer_subnet_edges',
    cypher:
      'MATCH (:AWSLoadBalancer)-[r:SUBNET]->(:AWSEC2Subnet) WITH r LIMIT $batch DELETE r RETURN count(r) AS migrated',
  },
];
