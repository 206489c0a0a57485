import { DEFAULT_REGION_ORDER } from './aws-regions.ts';
import type { AwsAccount, AwsAccountStatus, AwsEstate, AwsOrganizationalUnit } from './estate-types.ts';
import { generateAutoScaling } from './generate-autoscaling.ts';
import { generateTrails, makeTrail, trailBucket, trailKey } from './generate-cloudtrail.ts';
import { generateContainers } from './generate-containers.ts';
import { generateDynamoDb } from './generate-dynamodb.ts';
import { generateEks } from './generate-eks.ts';
import { generateGuardDuty } from './generate-guardduty.ts';
import { awsManagedPolicyCatalogue, generateIam, STRONG_PASSWORD_POLICY } from './generate-iam.ts';
import { generateIdentityCenter } from './generate-identity-center.ts';
import { generateKms } from './generate-kms.ts';
import { generateLambda } from './generate-lambda.ts';
import { generateMessaging } from './generate-messaging.ts';
import { generateOrganizationPolicies } from './generate-organization-policies.ts';
import { type AwsResourceCounts, generateRegion, resourceCounts } from './generate-region.ts';
import { generateRoute53 } from './generate-route53.ts';
import { accountPublicAccessBlock, generateBuckets } from './generate-s3.ts';
import { generateSecrets } from './generate-secrets-manager.ts';
import { generateSettings } from './generate-settings.ts';
import { generateSnapshots } from './generate-snapshots.ts';
import { generateSsm } from './generate-ssm.ts';
import { accessKeyId, ec2Id, iamUniqueId } from './ids.ts';
import { Rng } from './random.ts';

/** Size knobs of a generated estate. */
export interface AwsEstateScale {
  /** Accounts in the organisation, the management (hub) account included. Default 4. */
  accounts?: number;
  /** Regions populated in each account (the first N of `regions`). Default 2. */
  regionsPerAccount?: number;
  /** Pool of regions to populate, in order. Default us-east-1, eu-west-1, us-west-2, eu-central-1, ... */
  regions?: string[];
  /** K: generic resources of each kind per region (VPCs, load balancers and DBs scale down from it). Default 6. */
  resourcesPerRegion?: number;
  /** Per-kind overrides of the counts derived from K. */
  counts?: Partial<AwsResourceCounts>;
  /** Accounts (taken from the end) that are SUSPENDED. Default 1 when there are at least 4 accounts. */
  suspendedAccounts?: number;
  /** Generic IAM users per account, besides the seeded ones. Default 4. */
  usersPerAccount?: number;
  /** Generic IAM roles per account, besides the seeded ones. Default 2. */
  rolesPerAccount?: number;
  /** Generic buckets per account, besides the seeded ones. Default 3. */
  bucketsPerAccount?: number;
  /** Member accounts (taken from the end, before the suspended ones) without the audit role. Default 0. */
  accountsWithoutAuditRole?: number;
}

export interface GenerateAwsEstateOptions extends AwsEstateScale {
  seed?: string | number;
  /** Role the hub assumes in every account. Default `role-security-audit`. */
  auditRoleName?: string;
  /** Seed the deliberate misconfigurations. Default true. */
  misconfigurations?: boolean;
  /** Reference time; default today at 00:00 UTC (ids stay the same whatever the day). */
  now?: string | Date;
  /** Prefix of account names and emails. Default `acme`. */
  orgName?: string;
}

const ACCOUNT_NAMES = [
  'management',
  'security',
  'log-archive',
  'shared-services',
  'prod-payments',
  'prod-web',
  'staging',
  'dev',
  'data-platform',
  'sandbox',
];

const DAY = 86_400_000;

export const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

interface AccountContext {
  seed: string;
  now: number;
  managementAccountId: string;
  externalAccountId: string | undefined;
  auditRoleName: string;
  counts: AwsResourceCounts;
  usersPerAccount: number;
  rolesPerAccount: number;
  bucketsPerAccount: number;
}

export interface AccountSpec {
  id: string;
  name: string;
  email: string;
  status: AwsAccountStatus;
  parentId: string | undefined;
  regions: string[];
  isManagement: boolean;
  withAuditRole: boolean;
  toolingAccountId: string | undefined;
  misconfigurations: boolean;
  joinedMethod: 'INVITED' | 'CREATED';
  /** Index used to spread VPC CIDRs. */
  index: number;
}

function buildAccount(ctx: AccountContext, spec: AccountSpec): AwsAccount {
  const timeRng = new Rng(`${ctx.seed}/${spec.id}/time`);
  const daysAgo = (days: number) => iso(ctx.now - days * DAY - timeRng.int(0, 86_399) * 1000);
  const rng = new Rng(`${ctx.seed}/${spec.id}`);
  const canonicalUserId = rng.hex(64);
  const iam = generateIam({
    rng: new Rng(`${ctx.seed}/${spec.id}/iam`),
    accountId: spec.id,
    accountName: spec.name,
    managementAccountId: ctx.managementAccountId,
    toolingAccountId: spec.toolingAccountId,
    externalAccountId: ctx.externalAccountId,
    auditRoleName: spec.withAuditRole ? ctx.auditRoleName : undefined,
    isManagement: spec.isManagement,
    misconfigurations: spec.misconfigurations,
    users: ctx.usersPerAccount,
    roles: ctx.rolesPerAccount,
    daysAgo,
    accountIndex: spec.index,
    now: ctx.now,
  });
  const profile = iam.roles.find((r) => r.roleName === 'ec2-app-role')?.instanceProfiles[0];
  const regions: AwsAccount['regions'] = {};
  const regionSettings: NonNullable<AwsAccount['regionSettings']> = {};
  spec.regions.forEach((region, i) => {
    regions[region] = generateRegion({
      rng: new Rng(`${ctx.seed}/${spec.id}/${region}`),
      accountId: spec.id,
      accountName: spec.name,
      region,
      counts: ctx.counts,
      misconfigurations: spec.misconfigurations && i === 0,
      vpcOctetBase: (spec.index * 16 + i * 4) % 256,
      instanceProfile: profile ? { arn: profile.arn, id: profile.instanceProfileId } : undefined,
      daysAgo,
    });
    // KMS draws on its own random streams, so adding it left every other resource as it was.
    Object.assign(
      regions[region],
      generateKms({
        rng: new Rng(`${ctx.seed}/${spec.id}/${region}/kms`),
        now: ctx.now,
        accountId: spec.id,
        accountName: spec.name,
        region,
        keys: ctx.counts.kmsKeys,
        misconfigurations: spec.misconfigurations && i === 0,
        externalAccountId: ctx.externalAccountId,
      }),
    );
    // Secrets Manager too, after KMS: its secrets use the region's customer keys.
    Object.assign(
      regions[region],
      generateSecrets({
        rng: new Rng(`${ctx.seed}/${spec.id}/${region}/secretsmanager`),
        now: ctx.now,
        accountId: spec.id,
        accountName: spec.name,
        region,
        secrets: ctx.counts.secrets,
        kmsKeys: regions[region]?.kmsKeys ?? [],
        misconfigurations: spec.misconfigurations && i === 0,
        externalAccountId: ctx.externalAccountId,
      }),
    );
    // ECS and ECR on their own random streams; services use the region's network and the account's task roles.
    Object.assign(
      regions[region],
      generateContainers({
        rng: new Rng(`${ctx.seed}/${spec.id}/${region}/containers`),
        now: ctx.now,
        accountId: spec.id,
        accountName: spec.name,
        region,
        services: ctx.counts.ecsServices,
        repositories: ctx.counts.ecrRepositories,
        resources: regions[region] as AwsAccount['regions'][string],
        roleArns: iam.roles.filter((r) => r.roleName.startsWith('ecs-')).map((r) => r.arn),
        misconfigurations: spec.misconfigurations && i === 0,
        externalAccountId: ctx.externalAccountId,
      }),
    );
    // Lambda on its own random stream; functions run as the account's lambda-exec-role, some in the region's VPCs.
    const resources = regions[region] as AwsAccount['regions'][string];
    Object.assign(
      resources,
      generateLambda({
        rng: new Rng(`${ctx.seed}/${spec.id}/${region}/lambda`),
        now: ctx.now,
        accountId: spec.id,
        accountName: spec.name,
        region,
        functions: ctx.counts.lambdaFunctions,
        roleArn:
          iam.roles.find((r) => r.roleName === 'lambda-exec-role')?.arn ??
          `arn:aws:iam::${spec.id}:role/service-role/lambda-exec-role`,
        subnets: resources.subnets,
        securityGroups: resources.securityGroups,
        misconfigurations: spec.misconfigurations && i === 0,
        externalAccountId: ctx.externalAccountId,
      }),
    );
    // EKS on its own random stream, in the region's network, its secrets under a customer key of the region.
    const roleArn = (name: string) => iam.roles.find((r) => r.roleName === name)?.arn;
    Object.assign(
      resources,
      generateEks({
        rng: new Rng(`${ctx.seed}/${spec.id}/${region}/eks`),
        now: ctx.now,
        accountId: spec.id,
        accountName: spec.name,
        region,
        clusters: ctx.counts.eksClusters,
        subnets: resources.subnets,
        securityGroups: resources.securityGroups,
        roleArns: {
          // The IAM estate has no EKS service role: the cluster role is named only.
          cluster: `arn:aws:iam::${spec.id}:role/eks-cluster-role`,
          node: roleArn('ec2-app-role') ?? `arn:aws:iam::${spec.id}:role/ec2-app-role`,
          admins: [roleArn('OrganizationAccountAccessRole')].filter((a): a is string => a !== undefined),
        },
        kmsKeyArn: resources.kmsKeys.find(
          (k) => k.keyManager === 'CUSTOMER' && k.keySpec === 'SYMMETRIC_DEFAULT' && k.keyState === 'Enabled',
        )?.arn,
        misconfigurations: spec.misconfigurations && i === 0,
      }),
    );
    // DynamoDB after KMS: some tables use the region's customer keys.
    Object.assign(
      regions[region],
      generateDynamoDb({
        rng: new Rng(`${ctx.seed}/${spec.id}/${region}/dynamodb`),
        now: ctx.now,
        region,
        tables: ctx.counts.dynamodbTables,
        kmsKeys: regions[region]?.kmsKeys ?? [],
        misconfigurations: spec.misconfigurations && i === 0,
      }),
    );
    // SQS and SNS after KMS: some queues and topics use the region's customer keys.
    Object.assign(
      regions[region],
      generateMessaging({
        rng: new Rng(`${ctx.seed}/${spec.id}/${region}/messaging`),
        now: ctx.now,
        accountId: spec.id,
        region,
        queues: ctx.counts.sqsQueues,
        topics: ctx.counts.snsTopics,
        kmsKeys: regions[region]?.kmsKeys ?? [],
        misconfigurations: spec.misconfigurations && i === 0,
        externalAccountId: ctx.externalAccountId,
      }),
    );
    // SSM after EC2 and KMS: managed instances are the region's, SecureStrings use its keys.
    Object.assign(
      regions[region],
      generateSsm({
        rng: new Rng(`${ctx.seed}/${spec.id}/${region}/ssm`),
        now: ctx.now,
        accountId: spec.id,
        instances: regions[region]?.instances ?? [],
        kmsKeys: regions[region]?.kmsKeys ?? [],
        parameters: ctx.counts.ssmParameters,
        misconfigurations: spec.misconfigurations && i === 0,
      }),
    );
    // Snapshots and images, after the volumes and DB instances they are taken of.
    Object.assign(
      regions[region],
      generateSnapshots({
        rng: new Rng(`${ctx.seed}/${spec.id}/${region}/snapshots`),
        now: ctx.now,
        accountId: spec.id,
        accountName: spec.name,
        region,
        resources: regions[region] as AwsAccount['regions'][string],
        counts: ctx.counts,
        misconfigurations: spec.misconfigurations && i === 0,
        externalAccountId: ctx.externalAccountId,
        peerAccountId: [ctx.managementAccountId, spec.toolingAccountId].find((id) => id && id !== spec.id),
      }),
    );
    // Auto Scaling after the snapshots: launch templates run the region's AMIs.
    Object.assign(
      regions[region],
      generateAutoScaling({
        rng: new Rng(`${ctx.seed}/${spec.id}/${region}/autoscaling`),
        now: ctx.now,
        accountId: spec.id,
        accountName: spec.name,
        region,
        resources: regions[region] as AwsAccount['regions'][string],
        groups: ctx.counts.autoScalingGroups,
        misconfigurations: spec.misconfigurations && i === 0,
      }),
    );
    regionSettings[region] = generateSettings({
      rng: new Rng(`${ctx.seed}/${spec.id}/${region}/settings`),
      now: ctx.now,
      accountId: spec.id,
      regionIndex: i,
      misconfigurations: spec.misconfigurations,
    });
  });
  const buckets = generateBuckets({
    rng: new Rng(`${ctx.seed}/${spec.id}/s3`),
    accountId: spec.id,
    accountName: spec.name,
    canonicalUserId,
    regions: spec.regions.length > 0 ? spec.regions : ['us-east-1'],
    buckets: ctx.bucketsPerAccount,
    misconfigurations: spec.misconfigurations,
    daysAgo,
  });
  // GuardDuty after S3: its findings name the account's instances, buckets and access keys.
  spec.regions.forEach((region, i) => {
    const resources = regions[region];
    if (!resources) return;
    resources.guardDutyDetectors = generateGuardDuty({
      rng: new Rng(`${ctx.seed}/${spec.id}/${region}/guardduty`),
      now: ctx.now,
      accountId: spec.id,
      accountIndex: spec.index,
      region,
      regionIndex: i,
      regionCount: spec.regions.length,
      findings: ctx.counts.guardDutyFindings,
      misconfigurations: spec.misconfigurations,
      instances: resources.instances,
      buckets,
      users: iam.users,
      eksClusters: resources.eksClusters,
      externalAccountId: ctx.externalAccountId,
    });
  });
  return {
    id: spec.id,
    name: spec.name,
    email: spec.email,
    status: spec.status,
    joinedMethod: spec.joinedMethod,
    joinedTimestamp: daysAgo(rng.int(200, 2500)),
    parentId: spec.parentId,
    canonicalUserId,
    enabledRegions: [...spec.regions],
    regions,
    regionSettings,
    iam,
    buckets,
    ...withAccountPublicAccessBlock(accountPublicAccessBlock(spec.misconfigurations, spec.index)),
    hostedZones: generateRoute53({
      rng: new Rng(`${ctx.seed}/${spec.id}/route53`),
      accountName: spec.name,
      regions,
      buckets,
      misconfigurations: spec.misconfigurations,
    }),
    trails: generateTrails({
      rng: new Rng(`${ctx.seed}/${spec.id}/cloudtrail`),
      now: ctx.now,
      accountId: spec.id,
      accountName: spec.name,
      regions: spec.regions,
      resources: regions,
      buckets,
      // The second account relies on the organisation trail alone.
      ownMultiRegionTrail: spec.index !== 1 || spec.parentId === undefined,
      misconfiguration: !spec.misconfigurations
        ? undefined
        : spec.index === 0
          ? 'no-kms'
          : spec.index === 1
            ? 'no-validation'
            : undefined,
    }),
  };
}

function startOfTodayUtc(): number {
  const d = new Date();
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
}

/**
 * Generates an organisation-shaped AWS estate, the same for the same seed and knobs.
 *
 * @example
 * const estate = generateAwsEstate({ seed: 7, accounts: 20, regionsPerAccount: 4, resourcesPerRegion: 150 });
 */
export function generateAwsEstate(options: GenerateAwsEstateOptions = {}): AwsEstate {
  const seed = String(options.seed ?? 1);
  const rng = new Rng(`${seed}/org`);
  const org = options.orgName ?? 'acme';
  const accountCount = Math.max(1, options.accounts ?? 4);
  const regionPool = options.regions ?? [...DEFAULT_REGION_ORDER];
  const regions = regionPool.slice(0, Math.max(0, options.regionsPerAccount ?? 2));
  const misconfigurations = options.misconfigurations ?? true;
  const suspended = Math.min(accountCount - 1, options.suspendedAccounts ?? (accountCount >= 4 ? 1 : 0));
  const withoutAudit = Math.min(accountCount - 1 - suspended, options.accountsWithoutAuditRole ?? 0);
  const auditRoleName = options.auditRoleName ?? 'role-security-audit';
  const now = options.now === undefined ? startOfTodayUtc() : new Date(options.now).getTime();

  const usedIds = new Set<string>();
  const accountId = () => {
    for (;;) {
      const id = `${rng.int(1, 9)}${rng.digits(11)}`;
      if (!usedIds.has(id)) {
        usedIds.add(id);
        return id;
      }
    }
  };
  const managementAccountId = accountId();
  const orgId = `o-${rng.lowerAlnum(10)}`;
  const rootSuffix = rng.lowerAlnum(4);
  const rootId = `r-${rootSuffix}`;
  const orgArn = (kind: string, id: string) =>
    `arn:aws:organizations::${managementAccountId}:${kind}/${orgId}/${id}`;
  const ous: AwsOrganizationalUnit[] = [];
  const ou = (name: string, parentId: string) => {
    const id = `ou-${rootSuffix}-${rng.lowerAlnum(8)}`;
    ous.push({ id, arn: orgArn('ou', id), name, parentId });
    return id;
  };
  const securityOu = ou('Security', rootId);
  const infraOu = ou('Infrastructure', rootId);
  const workloadsOu = ou('Workloads', rootId);
  const prodOu = ou('Prod', workloadsOu);
  const nonProdOu = ou('NonProd', workloadsOu);
  const sandboxOu = ou('Sandbox', nonProdOu);
  const suspendedOu = ou('Suspended', rootId);
  const workloadOus = [prodOu, nonProdOu, sandboxOu];

  const externalAccountId = misconfigurations ? accountId() : undefined;
  const ids = [managementAccountId, ...Array.from({ length: accountCount - 1 }, accountId)];
  const toolingAccountId = ids[3] ?? managementAccountId;

  const ctx: AccountContext = {
    seed,
    now,
    managementAccountId,
    externalAccountId,
    auditRoleName,
    counts: resourceCounts(Math.max(0, options.resourcesPerRegion ?? 6), options.counts),
    usersPerAccount: options.usersPerAccount ?? 4,
    rolesPerAccount: options.rolesPerAccount ?? 2,
    bucketsPerAccount: options.bucketsPerAccount ?? 3,
  };

  const accounts: AwsAccount[] = ids.map((id, index) => {
    const base = ACCOUNT_NAMES[index] ?? `workload-${String(index).padStart(2, '0')}`;
    const isSuspended = index >= accountCount - suspended;
    const lacksAudit = !isSuspended && index >= accountCount - suspended - withoutAudit;
    let parentId: string;
    if (index === 0) parentId = rootId;
    else if (isSuspended) parentId = suspendedOu;
    else if (index <= 2) parentId = securityOu;
    else if (index === 3) parentId = infraOu;
    else parentId = workloadOus[(index - 4) % workloadOus.length] ?? prodOu;
    return buildAccount(ctx, {
      id,
      name: `${org}-${base}`,
      email: `aws+${base}@${org}.example`,
      status: isSuspended ? 'SUSPENDED' : 'ACTIVE',
      parentId,
      regions,
      isManagement: index === 0,
      withAuditRole: !lacksAudit,
      toolingAccountId: index === 0 || id === toolingAccountId ? managementAccountId : toolingAccountId,
      misconfigurations,
      joinedMethod: index === 0 ? 'INVITED' : 'CREATED',
      index,
    });
  });

  if (externalAccountId) {
    const extRng = new Rng(`${seed}/${externalAccountId}`);
    accounts.push({
      id: externalAccountId,
      name: 'vendor-external',
      email: 'aws@vendor.example',
      status: 'ACTIVE',
      joinedMethod: 'INVITED',
      joinedTimestamp: iso(now - 900 * DAY),
      parentId: undefined,
      canonicalUserId: extRng.hex(64),
      enabledRegions: ['us-east-1'],
      regions: {},
      iam: {
        users: [
          {
            userName: 'vendor-integration',
            userId: iamUniqueId(extRng, 'AIDA'),
            arn: `arn:aws:iam::${externalAccountId}:user/vendor-integration`,
            path: '/',
            createDate: iso(now - 800 * DAY),
            groups: [],
            attachedPolicyArns: [],
            inlinePolicies: [],
            accessKeys: [
              { accessKeyId: accessKeyId(extRng), status: 'Active', createDate: iso(now - 800 * DAY) },
            ],
            mfaDevices: [],
            tags: [],
          },
        ],
        groups: [],
        roles: [],
        policies: [],
        root: { createDate: iso(now - 1200 * DAY), mfaDevices: [], accessKeys: [] },
        passwordPolicy: { ...STRONG_PASSWORD_POLICY },
      },
      buckets: [],
      trails: [],
    });
    seedCrossAccountPeering(accounts, externalAccountId, new Rng(`${seed}/peering`));
  }

  seedOrganizationTrail(accounts, {
    seed,
    now,
    org,
    logArchiveAccountId: ids[2],
    stopped: misconfigurations,
  });

  // The management account's Identity Center instance, on its own random stream; its assignments
  // provision AWSReservedSSO_* roles in the active accounts.
  const management = accounts[0];
  if (management) {
    const identityCenter = generateIdentityCenter({
      rng: new Rng(`${seed}/identity-center`),
      now,
      management,
      accounts: accounts.filter((a) => a.parentId !== undefined && a.status === 'ACTIVE'),
      users: Math.max(3, accountCount),
      misconfigurations,
    });
    if (identityCenter) management.identityCenter = identityCenter;
  }

  // Their own random stream: adding policies changes no other id of the estate.
  const organizationPolicies = generateOrganizationPolicies({
    rng: new Rng(`${seed}/org-policies`),
    orgId,
    managementAccountId,
    rootId,
    ouIds: ous.map((o) => o.id),
    ous: {
      security: securityOu,
      infrastructure: infraOu,
      workloads: workloadsOu,
      prod: prodOu,
      sandbox: sandboxOu,
      suspended: suspendedOu,
    },
    members: accounts.filter((a) => a.parentId !== undefined),
    logArchiveAccountId: ids[2],
    regions,
    misconfigurations,
  });

  return {
    seed,
    generatedAt: iso(now),
    organization: {
      id: orgId,
      arn: `arn:aws:organizations::${managementAccountId}:organization/${orgId}`,
      featureSet: 'ALL',
      managementAccountId,
      managementAccountEmail: accounts[0]?.email ?? '',
      rootId,
      rootArn: orgArn('root', rootId),
      rootName: 'Root',
      policyTypes: organizationPolicies.policyTypes,
    },
    organizationalUnits: ous,
    accounts,
    auditRoleName,
    awsManagedPolicies: awsManagedPolicyCatalogue(),
    organizationPolicies: organizationPolicies.policies,
  };
}

/**
 * The management account's organisation trail, delivering to the log archive
 * account's bucket; stopped when the misconfigurations are seeded, which
 * leaves the member that relies on it alone without a logging multi-Region trail.
 */
function seedOrganizationTrail(
  accounts: AwsAccount[],
  o: { seed: string; now: number; org: string; logArchiveAccountId: string | undefined; stopped: boolean },
): void {
  const management = accounts[0];
  const home = management?.enabledRegions[0];
  if (!management || !home) return;
  const archive = accounts.find((a) => a.id === o.logArchiveAccountId) ?? management;
  const bucket = trailBucket(archive.buckets);
  if (!bucket) return;
  management.trails.unshift(
    makeTrail(new Rng(`${o.seed}/${management.id}/cloudtrail/organization`), o.now, management.id, {
      name: `${o.org}-organization-trail`,
      homeRegion: home,
      multiRegion: true,
      organization: true,
      key: trailKey(management.regions[home]),
      bucket: bucket.name,
      logging: !o.stopped,
      validation: true,
    }),
  );
}

/** Peers the management account's first VPC with another member's and with the outside vendor. */
function seedCrossAccountPeering(accounts: AwsAccount[], externalAccountId: string, rng: Rng): void {
  const management = accounts[0];
  const member = accounts.find((a, i) => i > 0 && a.parentId !== undefined && a.status === 'ACTIVE');
  const region = management?.enabledRegions[0];
  if (!management || !region) return;
  const local = management.regions[region];
  const localVpc = local?.vpcs[0];
  if (!local || !localVpc) return;
  const requester = { ownerId: management.id, vpcId: localVpc.vpcId, cidrBlock: localVpc.cidrBlock, region };
  const remoteVpc = member?.regions[region]?.vpcs[0];
  if (member && remoteVpc) {
    local.vpcPeeringConnections.push({
      vpcPeeringConnectionId: ec2Id(rng, 'pcx'),
      requesterVpcInfo: requester,
      accepterVpcInfo: { ownerId: member.id, vpcId: remoteVpc.vpcId, cidrBlock: remoteVpc.cidrBlock, region },
      statusCode: 'active',
      statusMessage: 'Active',
      tags: [{ key: 'Name', value: 'cross-account-peering' }],
    });
  }
  local.vpcPeeringConnections.push({
    vpcPeeringConnectionId: ec2Id(rng, 'pcx'),
    requesterVpcInfo: requester,
    accepterVpcInfo: {
      ownerId: externalAccountId,
      vpcId: ec2Id(rng, 'vpc'),
      cidrBlock: '192.168.0.0/16',
      region: 'us-east-1',
    },
    statusCode: 'active',
    statusMessage: 'Active',
    tags: [{ key: 'Name', value: 'vendor-peering' }],
  });
}

export interface AddAccountOptions {
  name: string;
  /** Root or OU id; default the root. Pass `null` for an account outside the organisation. */
  parentId?: string | null;
  regions?: string[];
  resourcesPerRegion?: number;
  counts?: Partial<AwsResourceCounts>;
  status?: AwsAccountStatus;
  withAuditRole?: boolean;
  misconfigurations?: boolean;
  seed?: string;
}

/**
 * Generates one more account into an existing estate (for tests that grow the estate between syncs).
 *
 * @example
 * const account = addGeneratedAccount(estate, { name: 'acme-new-team', regions: ['us-east-1'] });
 */
export function addGeneratedAccount(estate: AwsEstate, options: AddAccountOptions): AwsAccount {
  const seed = options.seed ?? `${estate.seed}/${options.name}`;
  const rng = new Rng(`${seed}/id`);
  let id = '';
  do id = `${rng.int(1, 9)}${rng.digits(11)}`;
  while (estate.accounts.some((a) => a.id === id));
  const management = estate.organization.managementAccountId;
  const account = buildAccount(
    {
      seed,
      now: new Date(estate.generatedAt).getTime(),
      managementAccountId: management,
      externalAccountId: estate.accounts.find((a) => a.parentId === undefined)?.id,
      auditRoleName: estate.auditRoleName,
      counts: resourceCounts(options.resourcesPerRegion ?? 3, options.counts),
      usersPerAccount: 2,
      rolesPerAccount: 1,
      bucketsPerAccount: 2,
    },
    {
      id,
      name: options.name,
      email: `aws+${options.name}@example.com`,
      status: options.status ?? 'ACTIVE',
      parentId: options.parentId === null ? undefined : (options.parentId ?? estate.organization.rootId),
      regions: options.regions ?? [estate.accounts[0]?.enabledRegions[0] ?? 'us-east-1'],
      isManagement: false,
      withAuditRole: options.withAuditRole ?? true,
      toolingAccountId: management,
      misconfigurations: options.misconfigurations ?? false,
      joinedMethod: 'CREATED',
      index: estate.accounts.length,
    },
  );
  estate.accounts.push(account);
  // As in AWS, a new member gets the full-access policy of every enabled type.
  if (account.parentId !== undefined) {
    const enabled = new Set(
      estate.organization.policyTypes.filter((t) => t.status === 'ENABLED').map((t) => t.type),
    );
    for (const policy of estate.organizationPolicies) {
      if (policy.awsManaged && enabled.has(policy.type)) policy.targetIds.push(account.id);
    }
  }
  return account;
}

/** The account's `s3PublicAccessBlock` field, absent when the account never set one. */
function withAccountPublicAccessBlock(block: AwsAccount['s3PublicAccessBlock']) {
  return block ? { s3PublicAccessBlock: block } : {};
}
