import type {
  AwsAccount,
  AwsOrganizationPolicy,
  AwsOrganizationPolicyType,
  AwsPolicyTypeSummary,
  PolicyDocument,
  PolicyStatement,
} from './estate-types.ts';
import type { Rng } from './random.ts';

/** The OUs the generator attaches guardrails to. */
export interface GuardrailOus {
  security: string;
  infrastructure: string;
  workloads: string;
  prod: string;
  sandbox: string;
  suspended: string;
}

export interface OrganizationPolicyInput {
  rng: Rng;
  orgId: string;
  managementAccountId: string;
  rootId: string;
  /** Every OU id, for the AWS managed policies attached everywhere. */
  ouIds: readonly string[];
  ous: GuardrailOus;
  /** The organisation's member accounts (parentId set). */
  members: readonly AwsAccount[];
  /** The log archive account, whose trail buckets get their own SCP. */
  logArchiveAccountId: string | undefined;
  /** Regions the region-restriction SCP allows. */
  regions: readonly string[];
  misconfigurations: boolean;
}

const VERSION = '2012-10-17';

const TYPE_PATH: Record<AwsOrganizationPolicyType, string> = {
  SERVICE_CONTROL_POLICY: 'service_control_policy',
  RESOURCE_CONTROL_POLICY: 'resource_control_policy',
};

/** AWS's own policy of a type: the same id and ARN in every organisation. */
function awsManaged(type: AwsOrganizationPolicyType, statement: PolicyStatement): AwsOrganizationPolicy {
  const name = type === 'SERVICE_CONTROL_POLICY' ? 'FullAWSAccess' : 'RCPFullAWSAccess';
  return {
    id: `p-${name}`,
    arn: `arn:aws:organizations::aws:policy/${TYPE_PATH[type]}/p-${name}`,
    name,
    description: 'Allows access to every operation',
    type,
    awsManaged: true,
    content: { Version: VERSION, Statement: [statement] },
    targetIds: [],
  };
}

/**
 * The SCPs and RCPs of a generated organisation. As in AWS, enabling a type
 * attaches its AWS managed full-access policy to the root, every OU and
 * every account. On top of that, the guardrails a landing zone sets: deny
 * leaving the organisation, a region restriction on workloads, a quarantine
 * for suspended accounts, protection of the log archive, cost guards on
 * sandboxes, and RCPs enforcing TLS and a data perimeter.
 *
 * With `misconfigurations`, the Security OU was left out of the guardrails
 * (its accounts have only FullAWSAccess unless an SCP is attached to them
 * directly), the log archive's SCP is attached to the account rather than an
 * OU, and each sandbox account carries its own copy of the cost guard.
 */
export function generateOrganizationPolicies(input: OrganizationPolicyInput): {
  policyTypes: AwsPolicyTypeSummary[];
  policies: AwsOrganizationPolicy[];
} {
  const { rng, ous, misconfigurations } = input;
  const everything = [input.rootId, ...input.ouIds, ...input.members.map((a) => a.id)];
  const policy = (
    type: AwsOrganizationPolicyType,
    name: string,
    description: string,
    statements: PolicyStatement[],
    targetIds: string[],
  ): AwsOrganizationPolicy => {
    const id = `p-${rng.lowerAlnum(8)}`;
    return {
      id,
      arn: `arn:aws:organizations::${input.managementAccountId}:policy/${input.orgId}/${TYPE_PATH[type]}/${id}`,
      name,
      description,
      type,
      awsManaged: false,
      content: { Version: VERSION, Statement: statements } satisfies PolicyDocument,
      targetIds,
    };
  };
  const scp = (name: string, description: string, statements: PolicyStatement[], targetIds: string[]) =>
    policy('SERVICE_CONTROL_POLICY', name, description, statements, targetIds);
  const rcp = (name: string, description: string, statements: PolicyStatement[], targetIds: string[]) =>
    policy('RESOURCE_CONTROL_POLICY', name, description, statements, targetIds);
  const guarded = misconfigurations
    ? [ous.infrastructure, ous.workloads]
    : [ous.security, ous.infrastructure, ous.workloads];

  const fullAccess = awsManaged('SERVICE_CONTROL_POLICY', { Effect: 'Allow', Action: '*', Resource: '*' });
  fullAccess.targetIds = [...everything];
  const rcpFullAccess = awsManaged('RESOURCE_CONTROL_POLICY', {
    Effect: 'Allow',
    Principal: '*',
    Action: '*',
    Resource: '*',
  });
  rcpFullAccess.targetIds = [...everything];

  const policies: AwsOrganizationPolicy[] = [
    fullAccess,
    scp(
      'deny-leave-organization',
      'Member accounts cannot leave the organisation',
      [
        {
          Sid: 'DenyLeaveOrganization',
          Effect: 'Deny',
          Action: 'organizations:LeaveOrganization',
          Resource: '*',
        },
      ],
      guarded,
    ),
    scp(
      'region-restriction',
      'Workloads run only in the approved regions',
      [
        {
          Sid: 'DenyOutsideApprovedRegions',
          Effect: 'Deny',
          NotAction: [
            'iam:*',
            'organizations:*',
            'sts:*',
            'support:*',
            'route53:*',
            'cloudfront:*',
            'budgets:*',
            'health:*',
          ],
          Resource: '*',
          Condition: { StringNotEquals: { 'aws:RequestedRegion': [...input.regions] } },
        },
      ],
      [ous.workloads],
    ),
    scp(
      'quarantine-deny-all',
      'Suspended accounts can do nothing',
      [{ Sid: 'DenyAll', Effect: 'Deny', Action: '*', Resource: '*' }],
      [ous.suspended],
    ),
  ];
  if (input.logArchiveAccountId) {
    policies.push(
      scp(
        'protect-log-archive',
        'Nobody deletes or stops the organisation trail and its logs',
        [
          {
            Sid: 'ProtectTrailLogs',
            Effect: 'Deny',
            Action: [
              'cloudtrail:DeleteTrail',
              'cloudtrail:StopLogging',
              's3:DeleteBucket',
              's3:PutBucketPolicy',
              's3:PutLifecycleConfiguration',
            ],
            Resource: '*',
          },
        ],
        [misconfigurations ? input.logArchiveAccountId : ous.security],
      ),
    );
  }
  const costGuard: PolicyStatement[] = [
    {
      Sid: 'DenyLargeInstances',
      Effect: 'Deny',
      Action: 'ec2:RunInstances',
      Resource: 'arn:aws:ec2:*:*:instance/*',
      Condition: { StringNotLike: { 'ec2:InstanceType': ['t3.*', 't4g.*'] } },
    },
    {
      Sid: 'DenyCommitments',
      Effect: 'Deny',
      Action: ['ec2:PurchaseReservedInstancesOffering', 'savingsplans:CreateSavingsPlan'],
      Resource: '*',
    },
  ];
  if (misconfigurations) {
    for (const account of input.members.filter((a) => a.parentId === ous.sandbox)) {
      policies.push(
        scp(`sandbox-cost-guard-${account.name}`, `Cost guard of ${account.name}`, costGuard, [account.id]),
      );
    }
  } else {
    policies.push(scp('sandbox-cost-guard', 'Sandboxes use small instances only', costGuard, [ous.sandbox]));
  }

  policies.push(
    rcpFullAccess,
    rcp(
      'rcp-enforce-secure-transport',
      'Resources answer only requests over TLS',
      [
        {
          Sid: 'EnforceSecureTransport',
          Effect: 'Deny',
          Principal: '*',
          Action: ['s3:*', 'sts:*', 'kms:*', 'sqs:*', 'secretsmanager:*'],
          Resource: '*',
          Condition: { BoolIfExists: { 'aws:SecureTransport': 'false' } },
        },
      ],
      guarded,
    ),
    rcp(
      'rcp-data-perimeter',
      'Production data stays with principals of the organisation',
      [
        {
          Sid: 'EnforceOrgIdentities',
          Effect: 'Deny',
          Principal: '*',
          Action: ['s3:*', 'kms:*', 'secretsmanager:*'],
          Resource: '*',
          Condition: {
            StringNotEqualsIfExists: { 'aws:PrincipalOrgID': input.orgId },
            BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' },
          },
        },
      ],
      [ous.prod],
    ),
  );
  return {
    policyTypes: [
      { type: 'SERVICE_CONTROL_POLICY', status: 'ENABLED' },
      { type: 'RESOURCE_CONTROL_POLICY', status: 'ENABLED' },
    ],
    policies,
  };
}
