import { awsQuery } from './provider-query.ts';

/** Lambda functions: who may invoke them, and what they run on. */

const FUNCTION_COLUMNS = {
  account_id: 'string',
  account_name: 'string?',
  region: 'string',
  function_name: 'string',
  function_arn: 'string',
  runtime: 'string?',
} as const;

/**
 * The functions that pass `where` (over `f`, empty for all), each with its
 * account, returning the shared function columns, then `extra`.
 */
function functionsCypher(where: string, extra: string): string {
  return `MATCH (a:AWSAccount)-[:RESOURCE]->(f:AWSLambda)
${where ? `WHERE ${where}\n` : ''}RETURN a.id AS account_id, a.name AS account_name, f.region AS region, f.name AS function_name, f.arn AS function_arn, f.runtime AS runtime, ${extra}
ORDER BY account_name, region, function_arn`;
}

export const lambdaFunctions = awsQuery({
  name: 'lambda_functions',
  title: 'Lambda functions',
  group: 'lambda',
  tags: ['inventory', 'list'],
  description:
    'Lambda functions with their runtime, execution role, VPC, function URL auth type and whether anyone may invoke them',
  cypher: functionsCypher(
    '',
    `f.role AS role, f.vpc_id AS vpc_id, f.function_url_auth_type AS url_auth_type, f.anonymous_access AS anonymous_access`,
  ),
  columns: {
    ...FUNCTION_COLUMNS,
    role: 'string?',
    vpc_id: 'string?',
    url_auth_type: 'string?',
    anonymous_access: 'boolean?',
  },
  identity: ['function_arn'],
});

export const lambdaPublicUrl = awsQuery({
  name: 'lambda_public_function_url',
  title: 'Lambda functions with a public URL',
  group: 'lambda',
  tags: ['security', 'exposure', 'misconfig'],
  description:
    'Lambda functions with a function URL whose auth type is NONE: anyone on the internet who knows the URL can invoke the function',
  severity: 'critical',
  remediation:
    'Set the URL auth type to AWS_IAM (UpdateFunctionUrlConfig) and sign the callers’ requests, or delete the URL and put the function behind API Gateway with authentication.',
  cypher: functionsCypher(`f.function_url_auth_type = 'NONE'`, `f.function_url AS url, f.role AS role`),
  columns: { ...FUNCTION_COLUMNS, url: 'string?', role: 'string?' },
  identity: ['function_arn'],
});

export const lambdaPublicPolicy = awsQuery({
  name: 'lambda_public_invoke_policy',
  title: 'Lambda functions anyone may invoke through their policy',
  group: 'lambda',
  tags: ['security', 'exposure', 'misconfig'],
  description:
    'Lambda functions whose resource policy allows everyone (Principal "*") without a condition that narrows the caller: any AWS account can invoke them',
  severity: 'high',
  remediation:
    'Remove the statement (RemovePermission) and add one that names the service, account or organisation that invokes the function, with aws:SourceArn or aws:SourceAccount for services.',
  cypher: functionsCypher(
    `any(x IN coalesce(f.anonymous_actions, []) WHERE x <> 'lambda:InvokeFunctionUrl')`,
    `f.anonymous_actions AS anonymous_actions`,
  ),
  columns: { ...FUNCTION_COLUMNS, anonymous_actions: 'string[]?' },
  identity: ['function_arn'],
});

export const lambdaCrossAccount = awsQuery({
  name: 'lambda_cross_account_invoke',
  title: 'Lambda functions other accounts may invoke',
  group: 'lambda',
  tags: ['security', 'identity'],
  description:
    'Lambda functions whose resource policy allows principals of other AWS accounts; check each is an account you mean to let invoke the function',
  severity: 'medium',
  remediation:
    'Remove the permissions naming accounts that should not invoke the function (RemovePermission), or narrow them to the roles that need it.',
  cypher: functionsCypher(
    `size(coalesce(f.cross_account_principals, [])) > 0`,
    `f.cross_account_principals AS principals`,
  ),
  columns: { ...FUNCTION_COLUMNS, principals: 'string[]' },
  identity: ['function_arn'],
});

/** Runtimes AWS has deprecated (no more security patches), as of the Lambda runtime deprecation schedule. */
const DEPRECATED_RUNTIMES = [
  'nodejs',
  'nodejs4.3',
  'nodejs4.3-edge',
  'nodejs6.10',
  'nodejs8.10',
  'nodejs10.x',
  'nodejs12.x',
  'nodejs14.x',
  'nodejs16.x',
  'python2.7',
  'python3.6',
  'python3.7',
  'python3.8',
  'java8',
  'dotnetcore1.0',
  'dotnetcore2.0',
  'dotnetcore2.1',
  'dotnetcore3.1',
  'dotnet5.0',
  'dotnet6',
  'dotnet7',
  'ruby2.5',
  'ruby2.7',
  'go1.x',
  'provided',
];

export const lambdaDeprecatedRuntime = awsQuery({
  name: 'lambda_deprecated_runtime',
  title: 'Lambda functions on a deprecated runtime',
  group: 'lambda',
  tags: ['security', 'misconfig'],
  description:
    'Lambda functions whose runtime AWS has deprecated: it gets no security patches, and AWS blocks creating and then updating such functions',
  severity: 'medium',
  remediation:
    'Move the function to a supported runtime version (UpdateFunctionConfiguration) and test it there.',
  parameters: [
    {
      name: 'runtimes',
      type: 'string[]',
      default: DEPRECATED_RUNTIMES,
      description: 'Runtime identifiers to report',
    },
  ],
  cypher: functionsCypher(`f.runtime IN $runtimes`, `f.modifieddate AS last_modified`),
  columns: { ...FUNCTION_COLUMNS, last_modified: 'string?' },
  identity: ['function_arn'],
});

export const awsLambdaQueries = [
  lambdaFunctions,
  lambdaPublicUrl,
  lambdaPublicPolicy,
  lambdaCrossAccount,
  lambdaDeprecatedRuntime,
] as const;
