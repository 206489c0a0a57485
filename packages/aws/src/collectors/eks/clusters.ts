import { X509Certificate } from 'node:crypto';
import {
  type AccessEntry,
  type Cluster,
  DescribeAccessEntryCommand,
  DescribeClusterCommand,
  DescribeNodegroupCommand,
  type EKSClient,
  ListAccessEntriesCommand,
  ListClustersCommand,
  ListNodegroupsCommand,
  type Nodegroup,
} from '@aws-sdk/client-eks';
import { type CollectContext, defineCollector, load, type NodeRow } from '@skygraph/core';
import pLimit from 'p-limit';
import { streamWith } from '../../aws-clients.ts';
import type { AwsScopeContext } from '../../aws-context.ts';
import { paginate, requestSignal } from '../../paging.ts';
import { EKSAccessEntry, EKSCluster, EKSNodegroup } from '../../schema/eks.ts';
import { unlessRefused } from '../unless-refused.ts';
import { isoDate, present, type Where } from '../where.ts';

/** One cluster with what was read about it; a part is undefined when it could not be read. */
export interface ClusterDetails {
  cluster: Cluster;
  nodegroups: Nodegroup[] | undefined;
  /** Access entries (none for a `CONFIG_MAP` cluster, which has no access entries). */
  accessEntries: AccessEntry[] | undefined;
}

/** A page of the collector: the clusters of one ListClusters page with their details. */
export interface EksPage {
  clusters: ClusterDetails[];
}

type CertificateFields = Pick<
  NodeRow<typeof EKSCluster>,
  | 'certificate_authority_data_present'
  | 'certificate_authority_parse_status'
  | 'certificate_authority_parse_error'
  | 'certificate_authority_sha256_fingerprint'
  | 'certificate_authority_subject'
  | 'certificate_authority_issuer'
  | 'certificate_authority_not_before'
  | 'certificate_authority_not_after'
>;

/** The cluster CA certificate's fields as Cartography derives them (base64 of a PEM or DER certificate). */
export function certificateFields(data: string | undefined): CertificateFields {
  if (!data)
    return { certificate_authority_data_present: false, certificate_authority_parse_status: 'missing' };
  const present = { certificate_authority_data_present: true };
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(data) || data.length % 4 !== 0) {
    return {
      ...present,
      certificate_authority_parse_status: 'invalid_base64',
      certificate_authority_parse_error: 'Invalid base64-encoded string',
    };
  }
  try {
    const cert = new X509Certificate(Buffer.from(data, 'base64'));
    return {
      ...present,
      certificate_authority_parse_status: 'parsed',
      certificate_authority_sha256_fingerprint: cert.fingerprint256.replaceAll(':', '').toLowerCase(),
      // RFC 4514 order: the most specific attribute first.
      certificate_authority_subject: cert.subject.split('\n').reverse().join(','),
      certificate_authority_issuer: cert.issuer.split('\n').reverse().join(','),
      certificate_authority_not_before: isoDate(cert.validFrom),
      certificate_authority_not_after: isoDate(cert.validTo),
    };
  } catch (error) {
    return {
      ...present,
      certificate_authority_parse_status: 'invalid_certificate',
      certificate_authority_parse_error: (error as Error).message,
    };
  }
}

function clusterRow(c: Cluster, where: Where): NodeRow<typeof EKSCluster> | undefined {
  if (!c.arn || !c.name) return undefined;
  const enabled = (c.logging?.clusterLogging ?? []).filter((l) => l.enabled).flatMap((l) => l.types ?? []);
  const secretsKey = c.encryptionConfig?.find((e) => e.resources?.includes('secrets'))?.provider?.keyArn;
  const vpc = c.resourcesVpcConfig;
  return {
    id: c.arn,
    arn: c.arn,
    name: c.name,
    region: where.region,
    created_at: isoDate(c.createdAt),
    endpoint: c.endpoint,
    endpoint_public_access: vpc?.endpointPublicAccess,
    endpoint_private_access: vpc?.endpointPrivateAccess,
    public_access_cidrs: vpc?.endpointPublicAccess ? present(vpc.publicAccessCidrs) : [],
    rolearn: c.roleArn,
    version: c.version,
    platform_version: c.platformVersion,
    status: c.status,
    audit_logging: enabled.includes('audit'),
    logging_types: [...enabled].sort(),
    secrets_encryption_key_arn: secretsKey,
    vpc_id: vpc?.vpcId,
    authentication_mode: c.accessConfig?.authenticationMode,
    ...certificateFields(c.certificateAuthority?.data),
    secretsKey,
  };
}

/** Cluster rows, then their node groups and access entries. */
export function transformClusters(page: EksPage, where: Where) {
  const clusters: NodeRow<typeof EKSCluster>[] = [];
  const nodegroups: NodeRow<typeof EKSNodegroup>[] = [];
  const entries: NodeRow<typeof EKSAccessEntry>[] = [];
  for (const d of page.clusters) {
    const row = clusterRow(d.cluster, where);
    if (!row) continue;
    clusters.push(row);
    for (const n of d.nodegroups ?? []) {
      if (!n.nodegroupArn || !n.nodegroupName) continue;
      nodegroups.push({
        id: n.nodegroupArn,
        arn: n.nodegroupArn,
        name: n.nodegroupName,
        cluster_name: row.name,
        status: n.status,
        version: n.version,
        release_version: n.releaseVersion,
        capacity_type: n.capacityType,
        instance_types: n.instanceTypes,
        ami_type: n.amiType,
        node_role: n.nodeRole,
        min_size: n.scalingConfig?.minSize,
        max_size: n.scalingConfig?.maxSize,
        desired_size: n.scalingConfig?.desiredSize,
        disk_size: n.diskSize,
        created_at: isoDate(n.createdAt),
        modified_at: isoDate(n.modifiedAt),
        region: where.region,
        cluster: row.id,
        subnets: present(n.subnets),
      });
    }
    for (const e of d.accessEntries ?? []) {
      if (!e.principalArn) continue;
      entries.push({
        // Cartography's id: the cluster ARN, `/access-entry/` and the principal ARN.
        id: `${row.arn}/access-entry/${e.principalArn}`,
        arn: e.accessEntryArn,
        cluster_name: row.name,
        principal_arn: e.principalArn,
        username: e.username,
        type: e.type,
        kubernetes_groups: e.kubernetesGroups,
        created_at: isoDate(e.createdAt),
        modified_at: isoDate(e.modifiedAt),
        region: where.region,
        cluster: row.arn,
        principal: e.principalArn,
      });
    }
  }
  return [load(EKSCluster, clusters), load(EKSNodegroup, nodegroups), load(EKSAccessEntry, entries)] as const;
}

type Ctx = CollectContext<AwsScopeContext>;

/** A cluster deleted since ListClusters is gone, and a permission boundary can deny a detail call. */
const CLUSTER_REFUSED = 'an EKS request refused; left unknown';

/** Every name of a per-cluster nextToken listing. */
async function names<P extends { nextToken?: string | undefined }>(
  ctx: Ctx,
  operation: string,
  send: (nextToken: string | undefined) => Promise<P>,
  items: (page: P) => string[] | undefined,
): Promise<string[]> {
  const out: string[] = [];
  for await (const page of paginate(ctx, `eks:${operation}`, send, (p) => p.nextToken))
    out.push(...(items(page) ?? []));
  return out;
}

async function detailsOf(ctx: Ctx, eks: EKSClient, clusterName: string): Promise<ClusterDetails | undefined> {
  const signal = () => ({ abortSignal: requestSignal(ctx.signal) });
  // Node groups and access entries are described a few at a time, as clusters are.
  const limit = pLimit(4);
  const refused = (operation: string) => ({ message: CLUSTER_REFUSED, cluster: clusterName, operation });
  const described = await unlessRefused(ctx, refused('DescribeCluster'), () =>
    ctx.call('eks:DescribeCluster', () =>
      eks.send(new DescribeClusterCommand({ name: clusterName }), signal()),
    ),
  );
  const cluster = described?.cluster;
  if (!cluster) return undefined;
  const nodegroups = await unlessRefused(ctx, refused('DescribeNodegroup'), async () => {
    const list = await names(
      ctx,
      'ListNodegroups',
      (nextToken) =>
        eks.send(new ListNodegroupsCommand({ clusterName, nextToken, maxResults: 100 }), signal()),
      (p) => p.nodegroups,
    );
    const out = await Promise.all(
      list.map((nodegroupName) =>
        limit(() =>
          ctx.call('eks:DescribeNodegroup', () =>
            eks.send(new DescribeNodegroupCommand({ clusterName, nodegroupName }), signal()),
          ),
        ),
      ),
    );
    return present(out.map((o) => o.nodegroup));
  });
  // A CONFIG_MAP cluster has no access entries: EKS refuses the listing with InvalidRequestException.
  const accessEntries =
    cluster.accessConfig?.authenticationMode === 'CONFIG_MAP'
      ? []
      : await unlessRefused(ctx, refused('DescribeAccessEntry'), async () => {
          const list = await names(
            ctx,
            'ListAccessEntries',
            (nextToken) =>
              eks.send(new ListAccessEntriesCommand({ clusterName, nextToken, maxResults: 100 }), signal()),
            (p) => p.accessEntries,
          );
          const out = await Promise.all(
            list.map((principalArn) =>
              limit(() =>
                ctx.call('eks:DescribeAccessEntry', () =>
                  eks.send(new DescribeAccessEntryCommand({ clusterName, principalArn }), signal()),
                ),
              ),
            ),
          );
          return present(out.map((o) => o.accessEntry));
        });
  return { cluster, nodegroups, accessEntries };
}

async function* eksPages(ctx: Ctx, eks: EKSClient): AsyncIterable<EksPage> {
  const limit = pLimit(4);
  for await (const page of paginate(
    ctx,
    'eks:ListClusters',
    (nextToken) =>
      eks.send(new ListClustersCommand({ nextToken, maxResults: 100 }), {
        abortSignal: requestSignal(ctx.signal),
      }),
    (p) => p.nextToken,
  )) {
    const details = await Promise.all(
      (page.clusters ?? []).map((name) => limit(() => detailsOf(ctx, eks, name))),
    );
    yield { clusters: details.filter((d): d is ClusterDetails => d !== undefined) };
  }
}

/** EKS clusters of a region with their node groups and access entries. */
export const eksClustersCollector = defineCollector<AwsScopeContext, EksPage>({
  name: 'eks:clusters',
  schemas: [EKSCluster, EKSNodegroup, EKSAccessEntry],
  fetch: (ctx) => streamWith(ctx.context.clients.eks(ctx.context.region), (eks) => eksPages(ctx, eks)),
  transform: (page, ctx) => transformClusters(page, ctx.context),
});
