import { type ConfigOf, defineOption, optionSchemas } from '@skygraph/core';
import { z } from 'zod';

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const ACCOUNT_ID = /^\d{12}$/;
const OU_OR_ROOT_ID = /^(ou-[0-9a-z]{4,32}-[0-9a-z]{8,32}|r-[0-9a-z]{4,32})$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;

/** How the provider finds the accounts to sync. */
export const AWS_DISCOVERY = ['organizations', 'profiles', 'accounts'] as const;
export type AwsDiscovery = (typeof AWS_DISCOVERY)[number];

/** The AWS API families a sync can cover. */
export const AWS_SERVICES = [
  'ec2',
  'iam',
  'rds',
  's3',
  'elb',
  'kms',
  'secretsmanager',
  'cloudtrail',
  'autoscaling',
  'config',
  'guardduty',
  'identitycenter',
  'lambda',
  'eks',
  'ecs',
  'ecr',
  'dynamodb',
  'sqs',
  'sns',
  'ssm',
  'organizations',
  'route53',
  'tags',
] as const;
export type AwsService = (typeof AWS_SERVICES)[number];

/**
 * The settings of the AWS provider. Every option is also an environment
 * variable `SKYGRAPH_<FLAG>` (e.g. `SKYGRAPH_AWS_ROLE_NAME`) and a config-file
 * key. The flag names are a contract: scripts and docs rely on them.
 */
export const awsOptions = {
  awsDiscovery: defineOption({
    flag: 'aws-discovery',
    kind: 'string',
    valueName: '<strategy>',
    description:
      'How to find accounts: organizations (list the organisation from the management or delegated administrator account), profiles (every profile of the shared AWS config files), accounts (the --aws-accounts list)',
    schema: z
      .enum(AWS_DISCOVERY, { error: `expected one of ${AWS_DISCOVERY.join(', ')}` })
      .default('organizations'),
    group: 'aws',
  }),
  awsAccounts: defineOption({
    flag: 'aws-accounts',
    kind: 'list',
    valueName: '<ids>',
    description:
      'Account ids to sync, comma-separated; with --aws-discovery accounts the list to sync, otherwise a filter on what discovery finds',
    schema: z.array(z.string().regex(ACCOUNT_ID, 'expected a 12-digit account id')).default([]),
    group: 'aws',
  }),
  awsExcludeAccounts: defineOption({
    flag: 'aws-exclude-accounts',
    kind: 'list',
    valueName: '<ids-or-names>',
    description:
      'Accounts to skip, comma-separated account ids or account names (profile names with profiles)',
    schema: optionSchemas.list(),
    group: 'aws',
  }),
  awsIncludeOus: defineOption({
    flag: 'aws-include-ous',
    kind: 'list',
    valueName: '<ids>',
    description:
      'Only accounts under these organisational units (at any depth), comma-separated ou-... or r-... ids (organizations discovery)',
    schema: z
      .array(z.string().regex(OU_OR_ROOT_ID, 'expected an OU id (ou-...) or a root id (r-...)'))
      .default([]),
    group: 'aws',
  }),
  awsExcludeOus: defineOption({
    flag: 'aws-exclude-ous',
    kind: 'list',
    valueName: '<ids>',
    description:
      'Skip the accounts under these organisational units (at any depth), comma-separated ou-... ids',
    schema: z
      .array(z.string().regex(OU_OR_ROOT_ID, 'expected an OU id (ou-...) or a root id (r-...)'))
      .default([]),
    group: 'aws',
  }),
  awsRoleName: defineOption({
    flag: 'aws-role-name',
    kind: 'string',
    valueName: '<name>',
    description: 'Role assumed in every spoke account (arn:aws:iam::<account>:role/<name>)',
    schema: z.string().regex(ROLE_NAME, 'expected an IAM role name').default('role-security-audit'),
    group: 'aws',
  }),
  awsExternalIdEnvVar: defineOption({
    flag: 'aws-external-id-env-var',
    kind: 'string',
    valueName: '<NAME>',
    description:
      'Name of the environment variable holding the external id the spoke roles require (the id itself is never a flag)',
    schema: z
      .string()
      .regex(ENV_NAME, 'expected the name of an environment variable, e.g. AWS_EXTERNAL_ID')
      .optional(),
    group: 'aws',
  }),
  awsRoleSessionName: defineOption({
    flag: 'aws-role-session-name',
    kind: 'string',
    valueName: '<name>',
    description: 'Session name of the assumed roles, as CloudTrail records it',
    schema: z
      .string()
      .regex(SESSION_NAME, 'expected 2-64 characters of [A-Za-z0-9+=,.@_-]')
      .default('skygraph'),
    group: 'aws',
  }),
  awsRoleDuration: defineOption({
    flag: 'aws-role-duration',
    kind: 'number',
    valueName: '<seconds>',
    description: 'Lifetime of the assumed-role sessions (900-43200); they are refreshed before they expire',
    schema: z
      .number({ error: 'expected a number of seconds' })
      .int('expected a whole number of seconds')
      .min(900, 'expected at least 900 seconds')
      .max(43_200, 'expected at most 43200 seconds')
      .default(3600),
    group: 'aws',
  }),
  awsRegions: defineOption({
    flag: 'aws-regions',
    kind: 'list',
    valueName: '<list>',
    description: 'Regions to sync, comma-separated (default: the regions each account has enabled)',
    schema: z.array(z.string().regex(REGION, 'expected a region name such as eu-west-1')).default([]),
    group: 'aws',
  }),
  awsServices: defineOption({
    flag: 'aws-services',
    kind: 'list',
    valueName: '<list>',
    description: `What to sync, comma-separated: ${AWS_SERVICES.join(',')} (default: all)`,
    schema: z
      .array(z.enum(AWS_SERVICES, { error: `expected some of ${AWS_SERVICES.join(', ')}` }))
      .default([])
      .transform((list) => (list.length === 0 ? [...AWS_SERVICES] : [...new Set(list)])),
    group: 'aws',
  }),
  awsConcurrency: defineOption({
    flag: 'aws-concurrency',
    kind: 'number',
    valueName: '<n>',
    description:
      'AWS accounts and regions discovered and synced at once (the global --concurrency still applies)',
    schema: optionSchemas.positiveInt(8),
    group: 'aws',
  }),
  awsEndpoint: defineOption({
    flag: 'aws-endpoint',
    kind: 'string',
    valueName: '<url>',
    description:
      'One endpoint for every AWS API (a proxy, private endpoint or emulator); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> work too',
    schema: z.url({ error: 'expected a URL such as https://aws-proxy.internal.example.com' }).optional(),
    group: 'aws',
  }),
};

/** The validated AWS settings. */
export type AwsConfig = ConfigOf<typeof awsOptions>;
