import type {
  AwsBucket,
  AwsGuardDutyDetector,
  AwsGuardDutyFinding,
  AwsGuardDutyResource,
  AwsIamUser,
  AwsInstance,
} from './estate-types.ts';
import type { Rng } from './random.ts';

export interface GuardDutyGenerationInput {
  rng: Rng;
  /** Reference time of the estate (ms). */
  now: number;
  accountId: string;
  /** Position of the account in the organisation (0 = management). */
  accountIndex: number;
  region: string;
  /** Position of the region among the account's regions, and how many it has. */
  regionIndex: number;
  regionCount: number;
  /** Generic findings of an enabled detector; the seeded high-severity ones come on top. */
  findings: number;
  /** Seed the deliberate misconfigurations (GuardDuty off or suspended, high-severity findings). */
  misconfigurations: boolean;
  instances: readonly AwsInstance[];
  /** The account's buckets (findings name those of this region). */
  buckets: readonly AwsBucket[];
  users: readonly AwsIamUser[];
  /** The account-region's EKS clusters. */
  eksClusters: readonly { name: string; arn: string }[];
  /** The account outside the organisation a seeded finding's API calls come from. */
  externalAccountId: string | undefined;
}

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

type Kind = AwsGuardDutyResource['resourceType'];
/** A finding type: type, title, base severity, action type. */
type FindingType = readonly [type: string, title: string, severity: number, actionType: string];

/** Low and medium finding types a healthy estate shows now and then, by the kind of resource they name. */
const ROUTINE: Record<Kind, readonly FindingType[]> = {
  Instance: [
    [
      'Recon:EC2/PortProbeUnprotectedPort',
      'Unprotected port on EC2 instance is being probed.',
      2,
      'PORT_PROBE',
    ],
    [
      'UnauthorizedAccess:EC2/SSHBruteForce',
      'SSH brute force attacks against an EC2 instance.',
      2,
      'NETWORK_CONNECTION',
    ],
    ['Recon:EC2/Portscan', 'Unusual outbound port scan from an EC2 instance.', 5, 'NETWORK_CONNECTION'],
  ],
  S3Bucket: [
    [
      'Policy:S3/BucketBlockPublicAccessDisabled',
      'Amazon S3 Block Public Access was disabled for a bucket.',
      2,
      'AWS_API_CALL',
    ],
  ],
  AccessKey: [
    ['Policy:IAMUser/RootCredentialUsage', 'Root credentials were used.', 2, 'AWS_API_CALL'],
    [
      'Discovery:IAMUser/AnomalousBehavior',
      'An API commonly used in discovery tactics was invoked anomalously.',
      5,
      'AWS_API_CALL',
    ],
  ],
  EKSCluster: [
    [
      'CredentialAccess:Kubernetes/MaliciousIPCaller',
      'An API was invoked from a known malicious IP address.',
      5,
      'KUBERNETES_API_CALL',
    ],
  ],
};

/**
 * The GuardDuty detector of one account-region, or none. The seeded
 * misconfigurations: the last region of every fifth account (from the third)
 * has never had GuardDuty, that of the account before it has a suspended
 * (`DISABLED`) detector; the first region of each account holds
 * high-severity findings on its instances, buckets and access keys (and an
 * archived one, which a reader of active findings leaves out).
 */
export function generateGuardDuty(input: GuardDutyGenerationInput): AwsGuardDutyDetector[] {
  const { rng, now } = input;
  const lastRegion = input.regionIndex === input.regionCount - 1;
  const slot = input.accountIndex % 5;
  if (input.misconfigurations && lastRegion && slot === 2) return [];
  const suspended = input.misconfigurations && lastRegion && slot === 1;
  const createdAt = now - rng.int(200, 900) * DAY;
  const updatedAt = suspended ? now - rng.int(5, 60) * DAY : createdAt;
  const status = suspended ? 'DISABLED' : 'ENABLED';
  const feature = (name: string, enabled: boolean) => ({
    name,
    status: enabled && !suspended ? ('ENABLED' as const) : ('DISABLED' as const),
    updatedAt: iso(updatedAt),
  });
  const detector: AwsGuardDutyDetector = {
    detectorId: rng.hex(32),
    status,
    findingPublishingFrequency: rng.pick(['FIFTEEN_MINUTES', 'SIX_HOURS', 'SIX_HOURS'] as const),
    serviceRole: `arn:aws:iam::${input.accountId}:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty`,
    createdAt: iso(createdAt),
    updatedAt: iso(updatedAt),
    features: [
      feature('CLOUD_TRAIL', true),
      feature('DNS_LOGS', true),
      feature('FLOW_LOGS', true),
      feature('S3_DATA_EVENTS', rng.chance(0.7)),
      feature('EKS_AUDIT_LOGS', rng.chance(0.5)),
      feature('EBS_MALWARE_PROTECTION', rng.chance(0.3)),
      feature('RDS_LOGIN_EVENTS', rng.chance(0.3)),
      feature('RUNTIME_MONITORING', rng.chance(0.2)),
      feature('LAMBDA_NETWORK_LOGS', rng.chance(0.3)),
    ],
    findings: [],
    tags: [{ key: 'managed-by', value: 'security' }],
  };
  // A suspended detector keeps what it found before: its old findings are archived by then.
  if (!suspended) detector.findings = findingsOf(input);
  return [detector];
}

function findingsOf(input: GuardDutyGenerationInput): AwsGuardDutyFinding[] {
  const { rng, now, accountId, region } = input;
  const resources = resourcesOf(input);
  const findings: AwsGuardDutyFinding[] = [];
  const add = (
    resource: AwsGuardDutyResource,
    [type, title, severity, actionType]: FindingType,
    options: { archived?: boolean; remoteAccountId?: string | undefined } = {},
  ) => {
    const first = now - rng.int(1, 60) * DAY;
    const last = Math.min(now, first + rng.int(0, 10) * DAY);
    findings.push({
      id: rng.hex(32),
      type,
      title,
      description: `${title} (${resourceName(resource)} in ${accountId}, ${region})`,
      // One decimal, as GuardDuty scores.
      severity: Math.round((severity + rng.int(0, 9) / 10) * 10) / 10,
      confidence: rng.int(5, 9),
      createdAt: iso(first),
      updatedAt: iso(last),
      archived: options.archived ?? false,
      count: rng.int(1, 40),
      eventFirstSeen: iso(first),
      eventLastSeen: iso(last),
      resource,
      actionType,
      ...(actionType === 'AWS_API_CALL'
        ? {
            apiCall: {
              api: rng.pick(['GetObject', 'ListBuckets', 'DescribeInstances', 'PutBucketPublicAccessBlock']),
              serviceName: rng.pick(['s3.amazonaws.com', 'ec2.amazonaws.com', 'iam.amazonaws.com']),
              callerType: 'Remote IP',
              remoteIp: `198.51.100.${rng.int(1, 254)}`,
              ...(options.remoteAccountId ? { remoteAccountId: options.remoteAccountId } : {}),
            },
          }
        : {}),
    });
  };
  const kinds = (Object.keys(ROUTINE) as Kind[]).filter((k) => resources[k].length > 0);
  for (let i = 0; i < input.findings && kinds.length > 0; i++) {
    const kind = kinds[i % kinds.length] ?? 'Instance';
    add(rng.pick(resources[kind]), rng.pick(ROUTINE[kind]));
  }
  if (input.misconfigurations && input.regionIndex === 0) {
    const [instance] = resources.Instance;
    const [bucket] = resources.S3Bucket;
    const [key] = resources.AccessKey;
    const [cluster] = resources.EKSCluster;
    if (cluster) {
      add(cluster, [
        'Policy:Kubernetes/AnonymousAccessGranted',
        'The system:anonymous user was granted API permission on a Kubernetes cluster.',
        8,
        'KUBERNETES_API_CALL',
      ]);
    }
    if (instance) {
      add(instance, [
        'CryptoCurrency:EC2/BitcoinTool.B!DNS',
        'Bitcoin-related domain queried by EC2 instance.',
        8,
        'DNS_REQUEST',
      ]);
      add(
        instance,
        [
          'Backdoor:EC2/C&CActivity.B',
          'EC2 instance communicating with a command and control server.',
          8,
          'NETWORK_CONNECTION',
        ],
        {
          archived: true,
        },
      );
    }
    if (key) {
      add(
        key,
        [
          'UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS',
          'Credentials for an EC2 instance used from an external IP address.',
          8,
          'AWS_API_CALL',
        ],
        {
          remoteAccountId: input.externalAccountId,
        },
      );
    }
    if (bucket) {
      add(bucket, [
        'Exfiltration:S3/AnomalousBehavior',
        'An S3 API commonly used to exfiltrate data was invoked anomalously.',
        8,
        'AWS_API_CALL',
      ]);
      add(bucket, [
        'AttackSequence:S3/CompromisedData',
        'Potential data compromise of S3 buckets.',
        9,
        'AWS_API_CALL',
      ]);
    }
  }
  return findings;
}

/** The account-region's resources a finding may name, by kind. */
function resourcesOf(input: GuardDutyGenerationInput): Record<Kind, AwsGuardDutyResource[]> {
  return {
    Instance: input.instances.map((i) => ({ resourceType: 'Instance' as const, instanceId: i.instanceId })),
    S3Bucket: input.buckets
      .filter((b) => b.region === input.region)
      .map((b) => ({
        resourceType: 'S3Bucket' as const,
        bucketName: b.name,
        bucketArn: `arn:aws:s3:::${b.name}`,
      })),
    AccessKey: input.users.flatMap((u) =>
      u.accessKeys.map((k) => ({
        resourceType: 'AccessKey' as const,
        accessKeyId: k.accessKeyId,
        principalId: u.userId,
        userName: u.userName,
        userType: 'IAMUser' as const,
      })),
    ),
    EKSCluster: input.eksClusters.map((c) => ({
      resourceType: 'EKSCluster' as const,
      clusterName: c.name,
      clusterArn: c.arn,
    })),
  };
}

function resourceName(r: AwsGuardDutyResource): string {
  switch (r.resourceType) {
    case 'Instance':
      return r.instanceId;
    case 'S3Bucket':
      return r.bucketName;
    case 'AccessKey':
      return r.accessKeyId;
    case 'EKSCluster':
      return r.clusterName;
  }
}
