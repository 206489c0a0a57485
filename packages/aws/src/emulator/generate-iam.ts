import type {
  AwsAccessKey,
  AwsIam,
  AwsIamGroup,
  AwsIamRole,
  AwsIamUser,
  AwsInlinePolicy,
  AwsManagedPolicy,
  AwsPasswordPolicy,
  AwsRootUser,
  PolicyDocument,
} from './estate-types.ts';
import { accessKeyId, iamUniqueId } from './ids.ts';
import { Rng } from './random.ts';

export const AWS_POLICY = {
  administratorAccess: 'arn:aws:iam::aws:policy/AdministratorAccess',
  powerUserAccess: 'arn:aws:iam::aws:policy/PowerUserAccess',
  readOnlyAccess: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
  securityAudit: 'arn:aws:iam::aws:policy/SecurityAudit',
  s3ReadOnly: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
  s3Full: 'arn:aws:iam::aws:policy/AmazonS3FullAccess',
  ec2Full: 'arn:aws:iam::aws:policy/AmazonEC2FullAccess',
  ec2ReadOnly: 'arn:aws:iam::aws:policy/AmazonEC2ReadOnlyAccess',
  iamFull: 'arn:aws:iam::aws:policy/IAMFullAccess',
  billing: 'arn:aws:iam::aws:policy/job-function/Billing',
  lambdaBasic: 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
  ssmCore: 'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore',
} as const;

const doc = (statements: PolicyDocument['Statement']): PolicyDocument => ({
  Version: '2012-10-17',
  Statement: statements,
});

const allow = (action: string | string[], resource: string | string[] = '*'): PolicyDocument =>
  doc([{ Effect: 'Allow', Action: action, Resource: resource }]);

/** A small catalogue of AWS managed policies, with their real names, paths and (abridged) documents. */
export function awsManagedPolicyCatalogue(): AwsManagedPolicy[] {
  const rng = new Rng('aws-managed-policies');
  const created = '2015-02-06T18:39:46Z';
  const entries: [string, string, string, PolicyDocument][] = [
    [AWS_POLICY.administratorAccess, 'Provides full access to AWS services and resources.', 'v1', allow('*')],
    [
      AWS_POLICY.powerUserAccess,
      'Provides full access to AWS services and resources, but does not allow management of Users and groups.',
      'v5',
      doc([
        { Effect: 'Allow', NotAction: ['iam:*', 'organizations:*', 'account:*'], Resource: '*' },
        {
          Effect: 'Allow',
          Action: ['iam:CreateServiceLinkedRole', 'iam:DeleteServiceLinkedRole', 'iam:ListRoles'],
          Resource: '*',
        },
      ]),
    ],
    [
      AWS_POLICY.readOnlyAccess,
      'Provides read-only access to AWS services and resources.',
      'v120',
      allow(['ec2:Describe*', 's3:Get*', 's3:List*', 'iam:Get*', 'iam:List*', 'rds:Describe*']),
    ],
    [
      AWS_POLICY.securityAudit,
      'The security audit template grants access to read security configuration metadata.',
      'v40',
      allow([
        'ec2:Describe*',
        'elasticloadbalancing:Describe*',
        'iam:GetAccountAuthorizationDetails',
        's3:GetBucket*',
      ]),
    ],
    [
      AWS_POLICY.s3ReadOnly,
      'Provides read only access to all buckets via the AWS Management Console.',
      'v3',
      allow(['s3:Get*', 's3:List*']),
    ],
    [
      AWS_POLICY.s3Full,
      'Provides full access to all buckets via the AWS Management Console.',
      'v2',
      allow(['s3:*', 's3-object-lambda:*']),
    ],
    [
      AWS_POLICY.ec2Full,
      'Provides full access to Amazon EC2 via the AWS Management Console.',
      'v8',
      allow(['ec2:*', 'elasticloadbalancing:*']),
    ],
    [
      AWS_POLICY.ec2ReadOnly,
      'Provides read only access to Amazon EC2 via the AWS Management Console.',
      'v4',
      allow(['ec2:Describe*']),
    ],
    [
      AWS_POLICY.iamFull,
      'Provides full access to IAM via the AWS Management Console.',
      'v2',
      allow(['iam:*', 'organizations:DescribeOrganization']),
    ],
    [
      AWS_POLICY.billing,
      'Grants permissions for billing and cost management.',
      'v6',
      allow(['aws-portal:*', 'budgets:*', 'ce:*']),
    ],
    [
      AWS_POLICY.lambdaBasic,
      'Provides write permissions to CloudWatch Logs.',
      'v1',
      allow(['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents']),
    ],
    [
      AWS_POLICY.ssmCore,
      'The policy for Amazon EC2 Role to enable AWS Systems Manager service core functionality.',
      'v2',
      allow(['ssm:UpdateInstanceInformation', 'ssmmessages:*', 'ec2messages:*']),
    ],
  ];
  return entries.map(([arn, description, versionId, document]) => {
    const name = arn.slice(arn.lastIndexOf('/') + 1);
    const path = arn.slice('arn:aws:iam::aws:policy'.length, arn.lastIndexOf('/') + 1);
    return {
      policyName: name,
      policyId: iamUniqueId(rng, 'ANPA'),
      arn,
      path,
      description,
      createDate: created,
      updateDate: '2023-11-16T09:00:00Z',
      isAttachable: true,
      versions: [{ versionId, document, isDefaultVersion: true, createDate: '2023-11-16T09:00:00Z' }],
    };
  });
}

export interface IamGenerationInput {
  rng: Rng;
  accountId: string;
  accountName: string;
  managementAccountId: string;
  /** Another account of the organisation that deploys into this one (cross-account trust). */
  toolingAccountId: string | undefined;
  /** An account outside the organisation (a vendor) that some roles trust. */
  externalAccountId: string | undefined;
  auditRoleName: string | undefined;
  isManagement: boolean;
  misconfigurations: boolean;
  users: number;
  roles: number;
  daysAgo: (days: number) => string;
  /** The account's place in the organisation (0 = management): spreads the account-level misconfigurations. */
  accountIndex: number;
  /** Reference time (ms) for the account-level timestamps, drawn apart from `daysAgo` so region data stays as it was. */
  now: number;
}

/** What CIS asks of a password policy: 14 characters, every class, 24 remembered, 90 days. */
export const STRONG_PASSWORD_POLICY: AwsPasswordPolicy = {
  minimumPasswordLength: 14,
  requireSymbols: true,
  requireNumbers: true,
  requireUppercaseCharacters: true,
  requireLowercaseCharacters: true,
  allowUsersToChangePassword: true,
  maxPasswordAge: 90,
  passwordReusePrevention: 24,
  hardExpiry: false,
};

/** A policy set up long ago and never tightened. */
const WEAK_PASSWORD_POLICY: AwsPasswordPolicy = {
  minimumPasswordLength: 8,
  requireSymbols: false,
  requireNumbers: true,
  requireUppercaseCharacters: false,
  requireLowercaseCharacters: true,
  allowUsersToChangePassword: true,
  hardExpiry: false,
};

const GENERIC_GROUPS: [string, string[]][] = [
  ['admins', [AWS_POLICY.administratorAccess]],
  ['developers', [AWS_POLICY.powerUserAccess]],
  ['readonly', [AWS_POLICY.readOnlyAccess]],
  ['billing', [AWS_POLICY.billing]],
  ['auditors', [AWS_POLICY.securityAudit]],
  ['s3-users', [AWS_POLICY.s3ReadOnly]],
  ['ec2-operators', [AWS_POLICY.ec2Full]],
  ['support', []],
];

const FIRST_NAMES = [
  'alex',
  'sam',
  'jordan',
  'taylor',
  'morgan',
  'casey',
  'riley',
  'jamie',
  'robin',
  'quinn',
];

export function generateIam(input: IamGenerationInput): AwsIam {
  const { rng, accountId, daysAgo } = input;
  const arn = (kind: string, name: string, path = '/') => `arn:aws:iam::${accountId}:${kind}${path}${name}`;
  const trustAccount = (
    principalAccount: string,
    condition?: PolicyDocument['Statement'][number]['Condition'],
  ) =>
    doc([
      {
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${principalAccount}:root` },
        Action: 'sts:AssumeRole',
        ...(condition ? { Condition: condition } : {}),
      },
    ]);
  const trustService = (service: string) =>
    doc([{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }]);

  const groups: AwsIamGroup[] = GENERIC_GROUPS.map(([name, policies]) => ({
    groupName: name,
    groupId: iamUniqueId(rng, 'AGPA'),
    arn: arn('group', name),
    path: '/',
    createDate: daysAgo(rng.int(400, 1500)),
    attachedPolicyArns: [...policies],
    inlinePolicies:
      name === 'support'
        ? [{ policyName: 'support-access', document: allow(['support:*', 'trustedadvisor:Describe*']) }]
        : [],
  }));

  const customerPolicies: AwsManagedPolicy[] = [];
  const customerPolicy = (name: string, description: string, documents: PolicyDocument[]): string => {
    const policyArn = arn('policy', name);
    const created = daysAgo(rng.int(300, 1200));
    customerPolicies.push({
      policyName: name,
      policyId: iamUniqueId(rng, 'ANPA'),
      arn: policyArn,
      path: '/',
      description,
      createDate: created,
      updateDate: daysAgo(rng.int(10, 290)),
      isAttachable: true,
      versions: documents.map((document, i) => ({
        versionId: `v${i + 1}`,
        document,
        isDefaultVersion: i === documents.length - 1,
        createDate: i === 0 ? created : daysAgo(rng.int(10, 290)),
      })),
    });
    return policyArn;
  };
  const appBucketRead = customerPolicy('app-bucket-read', 'Read the application buckets', [
    allow(['s3:GetObject'], `arn:aws:s3:::${input.accountName}-*/*`),
    allow(
      ['s3:GetObject', 's3:ListBucket'],
      [`arn:aws:s3:::${input.accountName}-*`, `arn:aws:s3:::${input.accountName}-*/*`],
    ),
  ]);
  const ec2Describe = customerPolicy('ec2-describe', 'Describe EC2 resources', [allow('ec2:Describe*')]);
  const assumeAudit = customerPolicy('assume-audit-role', 'Assume the audit role in every account', [
    allow('sts:AssumeRole', `arn:aws:iam::*:role/${input.auditRoleName ?? 'role-security-audit'}`),
  ]);

  const users: AwsIamUser[] = [];
  const key = (
    createdDaysAgo: number,
    status: AwsAccessKey['status'] = 'Active',
    usedDaysAgo?: number,
  ): AwsAccessKey => ({
    accessKeyId: accessKeyId(rng),
    status,
    createDate: daysAgo(createdDaysAgo),
    ...(usedDaysAgo !== undefined
      ? {
          lastUsedDate: daysAgo(usedDaysAgo),
          lastUsedService: rng.pick(['s3', 'ec2', 'sts', 'iam']),
          lastUsedRegion: 'us-east-1',
        }
      : {}),
  });
  const user = (name: string, fields: Partial<AwsIamUser>): AwsIamUser => {
    const u: AwsIamUser = {
      userName: name,
      userId: iamUniqueId(rng, 'AIDA'),
      arn: arn('user', name),
      path: '/',
      createDate: daysAgo(rng.int(200, 1800)),
      groups: [],
      attachedPolicyArns: [],
      inlinePolicies: [],
      accessKeys: [],
      mfaDevices: [],
      tags: [],
      ...fields,
    };
    users.push(u);
    return u;
  };
  const consoleAccess = (lastUsedDaysAgo: number | undefined) => ({
    loginProfile: { createDate: daysAgo(rng.int(200, 900)), passwordResetRequired: false },
    ...(lastUsedDaysAgo !== undefined ? { passwordLastUsed: daysAgo(lastUsedDaysAgo) } : {}),
  });
  const mfa = (name: string) => [{ serialNumber: arn('mfa', name), enableDate: daysAgo(rng.int(30, 600)) }];

  if (input.isManagement) {
    user('skygraph-hub', {
      attachedPolicyArns: [assumeAudit],
      tags: [{ key: 'purpose', value: 'skygraph collector hub identity' }],
    });
  }
  if (input.misconfigurations) {
    user('admin-alice', {
      ...consoleAccess(1),
      attachedPolicyArns: [AWS_POLICY.administratorAccess],
      mfaDevices: mfa('admin-alice'),
      accessKeys: [key(45, 'Active', 2)],
    });
    const inlineAdmin: AwsInlinePolicy = { policyName: 'break-glass', document: allow('*', '*') };
    user('ops-bob', {
      ...consoleAccess(20),
      inlinePolicies: [inlineAdmin],
      accessKeys: [key(1900, 'Active', 3)],
    });
    user('many-groups-carol', {
      ...consoleAccess(5),
      groups: ['developers', 'readonly', 'billing', 'auditors', 's3-users', 'ec2-operators'],
      mfaDevices: mfa('many-groups-carol'),
    });
    user('ci-deployer', {
      accessKeys: [key(730, 'Active', 0), key(20, 'Active', 1)],
      attachedPolicyArns: [ec2Describe, appBucketRead],
      tags: [{ key: 'team', value: 'platform' }],
    });
    user('assume-anything-dave', {
      inlinePolicies: [{ policyName: 'assume-any-role', document: allow('sts:AssumeRole', '*') }],
      accessKeys: [key(100, 'Active', 10)],
    });
    user('dormant-erin', {
      ...consoleAccess(undefined),
      accessKeys: [key(1200, 'Inactive')],
      groups: ['readonly'],
    });
  }
  const staff: AwsIamUser[] = [];
  for (let i = 0; i < input.users; i++) {
    const name = `${rng.pick(FIRST_NAMES)}.${rng.lowerAlnum(4)}`;
    const groupNames = rng.sample(
      ['developers', 'readonly', 's3-users', 'ec2-operators', 'support'],
      rng.int(0, 2),
    );
    const withConsole = rng.chance(0.6);
    const member = user(name, {
      ...(withConsole ? consoleAccess(rng.chance(0.8) ? rng.int(0, 60) : undefined) : {}),
      groups: groupNames,
      accessKeys: rng.chance(0.5) ? [key(rng.int(5, 700), 'Active', rng.int(0, 30))] : [],
      mfaDevices: withConsole && rng.chance(0.7) ? mfa(name) : [],
    });
    staff.push(member);
  }

  const roles: AwsIamRole[] = [];
  const role = (name: string, trust: PolicyDocument, fields: Partial<AwsIamRole> = {}): AwsIamRole => {
    const r: AwsIamRole = {
      roleName: name,
      roleId: iamUniqueId(rng, 'AROA'),
      arn: arn('role', name, fields.path ?? '/'),
      path: '/',
      createDate: daysAgo(rng.int(100, 1500)),
      maxSessionDuration: 3600,
      assumeRolePolicyDocument: trust,
      attachedPolicyArns: [],
      inlinePolicies: [],
      instanceProfiles: [],
      tags: [],
      ...fields,
    };
    roles.push(r);
    return r;
  };
  if (input.auditRoleName) {
    role(input.auditRoleName, trustAccount(input.managementAccountId), {
      description: 'Read-only access for the skygraph security inventory',
      attachedPolicyArns: [AWS_POLICY.securityAudit, AWS_POLICY.readOnlyAccess],
      roleLastUsed: { lastUsedDate: daysAgo(1), region: 'us-east-1' },
    });
  }
  if (!input.isManagement) {
    role('OrganizationAccountAccessRole', trustAccount(input.managementAccountId), {
      attachedPolicyArns: [AWS_POLICY.administratorAccess],
    });
  }
  const appRole = role('ec2-app-role', trustService('ec2.amazonaws.com'), {
    description: 'Instance role of the application servers',
    attachedPolicyArns: [AWS_POLICY.ssmCore, appBucketRead],
    roleLastUsed: { lastUsedDate: daysAgo(0), region: 'us-east-1' },
  });
  appRole.instanceProfiles.push({
    instanceProfileName: 'ec2-app-profile',
    instanceProfileId: iamUniqueId(rng, 'AIPA'),
    arn: arn('instance-profile', 'ec2-app-profile'),
    path: '/',
    createDate: appRole.createDate,
  });
  role('lambda-exec-role', trustService('lambda.amazonaws.com'), {
    path: '/service-role/',
    attachedPolicyArns: [AWS_POLICY.lambdaBasic],
  });
  if (input.misconfigurations) {
    if (input.externalAccountId) {
      role('cross-account-vendor-role', trustAccount(input.externalAccountId), {
        description: 'Vendor access without an external id',
        attachedPolicyArns: [AWS_POLICY.readOnlyAccess],
      });
    }
    if (input.toolingAccountId) {
      role('ci-deploy-role', trustAccount(input.toolingAccountId), {
        description: 'Deployments from the tooling account',
        attachedPolicyArns: [AWS_POLICY.powerUserAccess],
      });
    }
    role(
      'trust-everyone-role',
      doc([{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }]),
      {
        description: 'Trusts any AWS principal',
        inlinePolicies: [{ policyName: 's3-all', document: allow('s3:*') }],
      },
    );
    role(
      'saml-admin-role',
      doc([
        {
          Effect: 'Allow',
          Principal: { Federated: `arn:aws:iam::${accountId}:saml-provider/corporate-idp` },
          Action: 'sts:AssumeRoleWithSAML',
          Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } },
        },
      ]),
      { attachedPolicyArns: [AWS_POLICY.administratorAccess], maxSessionDuration: 43200 },
    );
  }
  for (let i = 0; i < input.roles; i++) {
    const service = rng.pick([
      'ec2.amazonaws.com',
      'lambda.amazonaws.com',
      'ecs-tasks.amazonaws.com',
      'glue.amazonaws.com',
    ]);
    role(`${service.split('.')[0]}-${rng.lowerAlnum(6)}-role`, trustService(service), {
      attachedPolicyArns: rng.chance(0.5) ? [AWS_POLICY.s3ReadOnly] : [ec2Describe],
    });
  }

  // Account-level settings draw after everything above, so the principals stay as they were.
  const at = (days: number) =>
    new Date(input.now - days * 86_400_000 - rng.int(0, 86_399) * 1000)
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z');
  // Some people carry a hardware token instead of an authenticator app.
  const carol = users.filter((u) => u.userName === 'many-groups-carol');
  for (const u of [...carol, ...staff.filter(() => rng.chance(0.2))]) {
    const device = u.mfaDevices[0];
    if (device) u.mfaDevices = [{ serialNumber: `GAHT${rng.digits(8)}`, enableDate: device.enableDate }];
  }
  if (input.misconfigurations) {
    // A key handed out for a one-off job, still active, unused for months.
    users
      .find((u) => u.userName === 'dormant-erin')
      ?.accessKeys.push({
        accessKeyId: accessKeyId(rng),
        status: 'Active',
        createDate: at(300),
        lastUsedDate: at(150),
        lastUsedService: 's3',
        lastUsedRegion: 'us-east-1',
      });
  }
  // Member accounts Organizations created have a root user nobody secured: every other one in a
  // misconfigured estate, and one in four of those keeps root access keys from its early days.
  const sloppyRoot = input.misconfigurations && !input.isManagement && input.accountIndex % 2 === 1;
  const root: AwsRootUser = {
    createDate: at(rng.int(1500, 2500)),
    ...(input.isManagement || sloppyRoot ? { passwordLastUsed: at(rng.int(20, 200)) } : {}),
    mfaDevices: sloppyRoot
      ? []
      : [
          {
            serialNumber: `arn:aws:iam::${accountId}:mfa/root-account-mfa-device`,
            enableDate: at(rng.int(400, 1400)),
          },
        ],
    accessKeys:
      sloppyRoot && input.accountIndex % 4 === 1
        ? [
            {
              accessKeyId: accessKeyId(rng),
              status: 'Active',
              createDate: at(1400),
              lastUsedDate: at(rng.int(100, 400)),
              lastUsedService: 'ec2',
              lastUsedRegion: 'us-east-1',
            },
          ]
        : [],
  };
  // One account in three keeps a weak policy, the next one none at all.
  const policyKind = !input.misconfigurations || input.isManagement ? 0 : input.accountIndex % 3;
  const passwordPolicy =
    policyKind === 0 ? STRONG_PASSWORD_POLICY : policyKind === 1 ? WEAK_PASSWORD_POLICY : undefined;

  return {
    users,
    groups,
    roles,
    policies: customerPolicies,
    root,
    ...(passwordPolicy ? { passwordPolicy: { ...passwordPolicy } } : {}),
  };
}
