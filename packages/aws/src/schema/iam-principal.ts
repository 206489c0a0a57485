import { defineNode, defineRel, refOf } from '@skygraph/core';
import { AWS_POLICY } from './iam-policy.ts';
import { AWSAccount } from './organization.ts';

/** Any principal node (user, group, role, root, service, federated), as relationships match it. */
export const AWS_PRINCIPAL = { label: 'AWSPrincipal', key: 'arn' } as const;

/** An IAM group, keyed by its ARN. */
export const AWSGroup = defineNode({
  label: 'AWSGroup',
  extraLabels: ['AWSPrincipal', 'UserGroup'],
  key: 'id',
  properties: {
    id: 'string',
    arn: 'string',
    groupid: 'string?',
    name: 'string',
    path: 'string?',
    createdate: 'string?',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  relationships: {
    policies: defineRel('POLICY', AWS_POLICY, { description: 'a managed or inline policy of the group' }),
  },
  description: 'An IAM group.',
});

/** An IAM user, keyed by its ARN. */
export const AWSUser = defineNode({
  label: 'AWSUser',
  extraLabels: ['AWSPrincipal', 'UserAccount'],
  key: 'id',
  properties: {
    id: 'string',
    arn: 'string',
    userid: 'string?',
    name: 'string',
    path: 'string?',
    createdate: 'string?',
    /** When the console password was last used (IAM ListUsers). */
    passwordlastused: 'string?',
    /** Whether the user has a console password (credential report). */
    password_enabled: 'boolean?',
    password_last_changed: 'string?',
    /** When the password policy makes the user change it. */
    password_next_rotation: 'string?',
    /** Whether the user has an MFA device (credential report). */
    mfa_active: 'boolean?',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  relationships: {
    policies: defineRel('POLICY', AWS_POLICY, { description: 'a managed or inline policy of the user' }),
    groups: defineRel(
      'MEMBER_AWS_GROUP',
      { label: 'AWSGroup', key: 'name' },
      {
        sameScope: true,
        description: 'a group of the same account the user belongs to (matched by name)',
      },
    ),
    memberOf: defineRel(
      'MEMBER_OF',
      { label: 'AWSGroup', key: 'name' },
      {
        sameScope: true,
        description: "the same membership under Cartography's newer, cross-provider relationship type",
      },
    ),
  },
  description: 'An IAM user.',
});

/**
 * An IAM role, keyed by its ARN. `trusted_aws_principals` lists the `AWS`
 * principals of its trust policy (account ids normalised to root ARNs).
 */
export const AWSRole = defineNode({
  label: 'AWSRole',
  extraLabels: ['AWSPrincipal', 'PermissionRole'],
  key: 'id',
  properties: {
    id: 'string',
    arn: 'string',
    roleid: 'string?',
    name: 'string',
    path: 'string?',
    createdate: 'string?',
    trusted_aws_principals: 'string[]?',
    /** The trust policy as JSON. */
    trust_policy: 'string?',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  relationships: {
    policies: defineRel('POLICY', AWS_POLICY, { description: 'a managed or inline policy of the role' }),
    trusts: defineRel('TRUSTS_AWS_PRINCIPAL', AWS_PRINCIPAL, {
      description: 'a principal the trust policy lets assume the role',
    }),
  },
  description: 'An IAM role.',
});

/** The root principal of an account (`arn:aws:iam::<account>:root`), which trust policies name to trust a whole account. */
export const AWSRootPrincipal = defineNode({
  label: 'AWSRootPrincipal',
  extraLabels: ['AWSPrincipal'],
  key: 'id',
  properties: {
    id: 'string',
    arn: 'string',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  description: "An account's root principal.",
});

/**
 * A service principal such as `ec2.amazonaws.com`, keyed by its name. Shared
 * by every account that trusts it; the `aws_global_cleanup` analysis job
 * removes those no role trusts any more.
 */
export const AWSServicePrincipal = defineNode({
  label: 'AWSServicePrincipal',
  extraLabels: ['AWSPrincipal', 'ServiceAccount'],
  key: 'id',
  properties: {
    id: 'string',
    arn: 'string',
    /** Always `Service` (Cartography's value). */
    type: 'string',
  },
  description: 'An AWS service principal named in a role trust policy.',
});

/**
 * A federated principal (a SAML or OIDC provider ARN, or a web identity
 * provider such as `cognito-identity.amazonaws.com`), keyed by that name.
 * Shared like service principals; each account whose roles trust it points at
 * it with `RESOURCE`, as in Cartography.
 */
export const AWSFederatedPrincipal = defineNode({
  label: 'AWSFederatedPrincipal',
  extraLabels: ['AWSPrincipal'],
  key: 'id',
  properties: {
    id: 'string',
    arn: 'string',
    /** Always `Federated` (Cartography's value). */
    type: 'string',
  },
  relationships: {
    accounts: defineRel('RESOURCE', refOf(AWSAccount), {
      direction: 'in',
      description: 'an account whose roles trust the provider',
    }),
  },
  description: 'A federated identity provider named in a role trust policy.',
});
