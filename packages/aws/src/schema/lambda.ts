import { defineNode, defineRel, refOf } from '@skygraph/core';
import { AWS_PRINCIPAL, AWSRole } from './iam-principal.ts';
import { AWSAccount } from './organization.ts';
import { EC2SecurityGroup } from './security-group.ts';
import { EC2Subnet } from './subnet.ts';

/**
 * The properties the `aws_lambda_exposure` analysis job sets on functions.
 * Computed: typed for queries, never written by the collector.
 */
export const LAMBDA_EXPOSURE_PROPERTIES = {
  /** True when anyone on the internet can invoke the function. */
  exposed_internet: 'boolean?',
  /** How: `function_url` (a URL with auth type NONE), `policy` (a resource policy that lets anyone invoke it). */
  exposed_internet_type: 'string[]?',
} as const;

/**
 * A Lambda function, keyed by its ARN as Cartography keys it. `anonymous_access`
 * is true when the resource policy lets anyone invoke it or its function URL
 * needs no authentication (Cartography's meaning); `cross_account_principals`
 * names the principals of other accounts the policy allows. The VPC edges are
 * skygraph's: Cartography keeps no link from a function to its network.
 */
export const AWSLambda = defineNode({
  label: 'AWSLambda',
  extraLabels: ['Function'],
  key: 'id',
  properties: {
    id: 'string',
    arn: 'string',
    name: 'string',
    /** LastModified as the API returns it (`2024-05-01T10:00:00.000+0000`). */
    modifieddate: 'string?',
    runtime: 'string?',
    description: 'string?',
    timeout: 'number?',
    memory: 'number?',
    codesize: 'number?',
    handler: 'string?',
    version: 'string?',
    tracingconfigmode: 'string?',
    revisionid: 'string?',
    /** `Zip` or `Image`. */
    packagetype: 'string?',
    signingprofileversionarn: 'string?',
    signingjobarn: 'string?',
    codesha256: 'string?',
    architectures: 'string[]?',
    /** `amd64` or `arm64`, from the first architecture. */
    architecture_normalized: 'string?',
    masterarn: 'string?',
    kmskeyarn: 'string?',
    /** The execution role's ARN. */
    role: 'string?',
    /** Unset when the resource policy could not be read. */
    anonymous_access: 'boolean?',
    anonymous_actions: 'string[]?',
    /** AWS principals (`arn:aws:iam::<account>:root` for an account) of other accounts the resource policy allows. */
    cross_account_principals: 'string[]?',
    /** The resource policy as JSON; unset when the function has none. */
    policy: 'string?',
    function_url: 'string?',
    /** `NONE` (anyone may call the URL) or `AWS_IAM`; unset when the function has no URL. */
    function_url_auth_type: 'string?',
    vpc_id: 'string?',
    region: 'string',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  computed: LAMBDA_EXPOSURE_PROPERTIES,
  relationships: {
    principal: defineRel('STS_ASSUMEROLE_ALLOW', AWS_PRINCIPAL, {
      description: 'the execution role (linked once the account IAM is synced)',
    }),
    executionRole: defineRel('ASSUMES', refOf(AWSRole, 'arn'), {
      description: 'the execution role the function runs as (linked once the account IAM is synced)',
    }),
    subnets: defineRel('PART_OF_SUBNET', refOf(EC2Subnet), {
      description: 'a subnet of the function’s VPC config',
    }),
    securityGroups: defineRel('MEMBER_OF_EC2_SECURITY_GROUP', refOf(EC2SecurityGroup), {
      description: 'a security group of the function’s VPC config',
    }),
  },
  description:
    'A Lambda function with its resource policy analysis and function URL (Lambda ListFunctions, GetPolicy, ListFunctionUrlConfigs).',
});

/** A layer version a function uses, keyed by its ARN (Cartography's one node per layer version). */
export const AWSLambdaLayer = defineNode({
  label: 'AWSLambdaLayer',
  key: 'id',
  properties: {
    id: 'string',
    arn: 'string',
    codesize: 'number?',
    signingprofileversionarn: 'string?',
    signingjobarn: 'string?',
    /** The ARN of a function that uses the layer (the last one written). */
    functionarn: 'string?',
    region: 'string',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  relationships: {
    functions: defineRel('HAS', refOf(AWSLambda), {
      direction: 'in',
      description: 'a function that uses the layer',
    }),
  },
  description: 'A Lambda layer version a function uses (from the function configuration).',
});

/** An alias of a function, keyed by its ARN. */
export const AWSLambdaFunctionAlias = defineNode({
  label: 'AWSLambdaFunctionAlias',
  key: 'id',
  properties: {
    id: 'string',
    arn: 'string',
    aliasname: 'string',
    functionversion: 'string?',
    description: 'string?',
    revisionid: 'string?',
    functionarn: 'string',
    region: 'string',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  relationships: {
    function: defineRel('KNOWN_AS', refOf(AWSLambda), {
      direction: 'in',
      description: 'the function the alias names',
    }),
  },
  description: 'An alias of a Lambda function (Lambda ListAliases).',
});
