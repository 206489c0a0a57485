import type {
  AwsEksAccessEntry,
  AwsEksCluster,
  AwsEksNodegroup,
  AwsSecurityGroup,
  AwsSubnet,
} from './estate-types.ts';
import { uuid } from './ids.ts';
import type { Rng } from './random.ts';

export interface EksGenerationInput {
  rng: Rng;
  /** Reference time of the estate (ms). */
  now: number;
  accountId: string;
  accountName: string;
  region: string;
  /** Generic clusters; the seeded misconfigured ones come on top. */
  clusters: number;
  /** The region's subnets and security groups, for the clusters' VPC config. */
  subnets: readonly AwsSubnet[];
  securityGroups: readonly AwsSecurityGroup[];
  /** The account's roles: the cluster role, the node role and the principals of access entries. */
  roleArns: { cluster: string; node: string; admins: readonly string[] };
  /** A customer managed key of the region for secrets encryption, when there is one. */
  kmsKeyArn: string | undefined;
  /** Seed the deliberate misconfigurations in this region. */
  misconfigurations: boolean;
}

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** Kubernetes versions EKS supports in standard support; the generic clusters run these. */
const SUPPORTED_VERSIONS = ['1.31', '1.32', '1.33'];

/**
 * A self-signed CA certificate (PEM, base64-encoded as EKS returns
 * `certificateAuthority.data`): real enough for the collector to parse.
 */
export const EKS_CA_DATA =
  'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUJnRENDQVNXZ0F3SUJBZ0lVYkpxVzVRTDZSSDFXQStRZ3k3cXZPMWxOb3h3d0NnWUlLb1pJemowRUF3SXcKRlRFVE1CRUdBMVVFQXd3S2EzVmlaWEp1WlhSbGN6QWVGdzB5TmpFeU1EY3hOek13TXpaYUZ3MHpOakV5TURReApOek13TXpaYU1CVXhFekFSQmdOVkJBTU1DbXQxWW1WeWJtVjBaWE13V1RBVEJnY3Foa2pPUFFJQkJnZ3Foa2pPClBRTUJCd05DQUFTMGFPa1FkaGduVUlFTGc0NC9oL21vcG1zWHBIdFZsQjE0eXU3WUhaOGtuM2E4VGVGUm9LeU4KdDEzeXhHcjJkdk9YMHQvQklrSy9WR2tULzhwVi90cEhvMU13VVRBZEJnTlZIUTRFRmdRVXplMEQ5cnZncmZGVgovQ2JzRGdodXQwdGZmcTB3SHdZRFZSMGpCQmd3Rm9BVXplMEQ5cnZncmZGVi9DYnNEZ2h1dDB0ZmZxMHdEd1lEClZSMFRBUUgvQkFVd0F3RUIvekFLQmdncWhrak9QUVFEQWdOSkFEQkdBaUVBa0VwaGJML1AwcExVSmpsS0hQck0KNEhtelRCbnFvRC9kMlpEQjFoWkczeUVDSVFERk4zS20xYnVaT0djdUdCcEc1TnRjUDFXQWlCMTJnMG40cDl2agorQkdaTWc9PQotLS0tLUVORCBDRVJUSUZJQ0FURS0tLS0tCg==';

/**
 * The EKS clusters of one region: generic private clusters on supported
 * versions with audit logging, secrets encryption and one managed node group,
 * and where misconfigurations are seeded a cluster whose public endpoint is
 * open to 0.0.0.0/0 with control plane logging off, an old (1.24) cluster
 * without secrets encryption, and a safe twin whose public endpoint admits
 * only an office range.
 */
export function generateEks(input: EksGenerationInput): { eksClusters: AwsEksCluster[] } {
  const { rng, accountId, region, accountName } = input;
  const at = (daysAgo: number) => iso(input.now - daysAgo * DAY - rng.int(0, 86_399) * 1000);
  const clusters: AwsEksCluster[] = [];
  const vpcSubnets = (vpcId: string) => input.subnets.filter((s) => s.vpcId === vpcId).map((s) => s.subnetId);
  const nodegroup = (cluster: AwsEksCluster, name: string): AwsEksNodegroup => {
    const created = at(rng.int(1, 200));
    const desired = rng.int(2, 6);
    return {
      nodegroupName: name,
      nodegroupArn: `arn:aws:eks:${region}:${accountId}:nodegroup/${cluster.name}/${name}/${uuid(rng)}`,
      status: 'ACTIVE',
      capacityType: rng.chance(0.3) ? 'SPOT' : 'ON_DEMAND',
      instanceTypes: [rng.pick(['m6i.large', 't3.large', 'm7g.xlarge'])],
      amiType: 'AL2023_x86_64_STANDARD',
      nodeRole: input.roleArns.node,
      subnetIds: cluster.subnetIds,
      scaling: { minSize: 1, maxSize: desired + 2, desiredSize: desired },
      diskSize: 20,
      version: cluster.version,
      releaseVersion: `${cluster.version}.0-20250101`,
      createdAt: created,
      modifiedAt: created,
      tags: [{ key: 'team', value: 'platform' }],
    };
  };
  const accessEntry = (principalArn: string, type: string, groups: string[]): AwsEksAccessEntry => {
    const created = at(rng.int(1, 200));
    return {
      principalArn,
      type,
      username: principalArn,
      kubernetesGroups: groups,
      createdAt: created,
      modifiedAt: created,
    };
  };
  const cluster = (name: string, fields: Partial<AwsEksCluster> = {}): AwsEksCluster | undefined => {
    const group = input.securityGroups[0];
    if (!group) return undefined;
    const id = rng.hex(32).toUpperCase();
    const c: AwsEksCluster = {
      name,
      arn: `arn:aws:eks:${region}:${accountId}:cluster/${name}`,
      version: rng.pick(SUPPORTED_VERSIONS),
      platformVersion: 'eks.8',
      status: 'ACTIVE',
      roleArn: input.roleArns.cluster,
      createdAt: at(rng.int(30, 700)),
      endpoint: `https://${id}.gr7.${region}.eks.amazonaws.com`,
      endpointPublicAccess: false,
      endpointPrivateAccess: true,
      publicAccessCidrs: [],
      vpcId: group.vpcId,
      subnetIds: vpcSubnets(group.vpcId).slice(0, 3),
      securityGroupIds: [group.groupId],
      clusterSecurityGroupId: `sg-0${rng.hex(16)}`,
      enabledLogTypes: ['api', 'audit', 'authenticator'],
      ...(input.kmsKeyArn ? { secretsKeyArn: input.kmsKeyArn } : {}),
      authenticationMode: 'API_AND_CONFIG_MAP',
      certificateAuthorityData: EKS_CA_DATA,
      nodegroups: [],
      accessEntries: [],
      tags: [{ key: 'team', value: 'platform' }],
      ...fields,
    };
    c.nodegroups.push(nodegroup(c, `${name}-default`));
    if (c.authenticationMode !== 'CONFIG_MAP') {
      // EKS creates the node role's entry with the cluster; admins get one each.
      c.accessEntries.push(accessEntry(input.roleArns.node, 'EC2_LINUX', ['system:nodes']));
      for (const admin of input.roleArns.admins) c.accessEntries.push(accessEntry(admin, 'STANDARD', []));
    }
    clusters.push(c);
    return c;
  };

  for (let i = 0; i < input.clusters; i++) cluster(`${accountName}-apps-${i + 1}`);
  if (input.misconfigurations) {
    cluster(`${accountName}-public-api`, {
      endpointPublicAccess: true,
      publicAccessCidrs: ['0.0.0.0/0'],
      enabledLogTypes: [],
    });
    const legacy = cluster(`${accountName}-legacy`, { version: '1.24', authenticationMode: 'CONFIG_MAP' });
    if (legacy) delete legacy.secretsKeyArn;
    cluster(`${accountName}-office-only`, {
      endpointPublicAccess: true,
      publicAccessCidrs: ['203.0.113.0/24'],
    });
  }
  return { eksClusters: clusters };
}
