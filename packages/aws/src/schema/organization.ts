import { defineNode, defineRel, refOf } from '@skygraph/core';
import { AWS_ACCOUNT_IAM_PROPERTIES } from './account-iam.ts';

/**
 * An AWS account. Every account-level resource hangs off it:
 * `(:AWSAccount {id})-[:RESOURCE]->(n)`. Written by the organisation scope
 * (all member accounts, `inscope` telling which ones are synced) or, without
 * an organisation, by each account's own global scope.
 */
export const AWSAccount = defineNode({
  label: 'AWSAccount',
  extraLabels: ['Tenant'],
  key: 'id',
  properties: {
    /** The 12-digit account id. */
    id: 'string',
    name: 'string?',
    /** Whether this run syncs the account (false for excluded, suspended or unreachable members). */
    inscope: 'boolean?',
    /** Whether the account is outside the configured sync scope. */
    foreign: 'boolean?',
    arn: 'string?',
    email: 'string?',
    /** Organizations lifecycle state, e.g. ACTIVE, SUSPENDED. */
    state: 'string?',
    /** The legacy Organizations status field (same values as `state`). */
    status: 'string?',
    joined_method: 'string?',
    joined_timestamp: 'string?',
    org_id: 'string?',
  },
  // Written from each account's own scope by `AWSAccountIam`, never by the account writer.
  computed: AWS_ACCOUNT_IAM_PROPERTIES,
  description: 'An AWS account; the owner of every account-level and regional resource node.',
});

/** An AWS organisation: the owner of the organisation scope (roots, OUs). */
export const AWSOrganization = defineNode({
  label: 'AWSOrganization',
  extraLabels: ['Tenant'],
  key: 'id',
  properties: {
    /** The organisation id, e.g. `o-a1b2c3d4e5`. */
    id: 'string',
    arn: 'string?',
    feature_set: 'string?',
    management_account_id: 'string?',
    management_account_arn: 'string?',
    management_account_email: 'string?',
  },
  description: 'An AWS Organizations organisation.',
});

/** The root of an organisation's OU tree, keyed `<org id>/<root id>` (root ids are unique per organisation only). */
export const AWSOrganizationRoot = defineNode({
  label: 'AWSOrganizationRoot',
  key: 'id',
  properties: {
    id: 'string',
    root_id: 'string',
    arn: 'string?',
    name: 'string?',
    org_id: 'string',
  },
  scope: { owner: refOf(AWSOrganization), rel: 'RESOURCE' },
  relationships: {
    organization: defineRel('PARENT', refOf(AWSOrganization), {
      description: 'the organisation the root belongs to',
    }),
    accounts: defineRel('RESOURCE', refOf(AWSAccount), {
      description: 'accounts placed directly under the root',
    }),
    accountParents: defineRel('PARENT', refOf(AWSAccount), {
      direction: 'in',
      description: 'an account placed directly under the root points at it',
    }),
  },
  description: 'The root of an AWS organisation: the top of the OU tree.',
});

/** An organisational unit, keyed `<org id>/<ou id>` (OU ids are unique per organisation only). */
export const AWSOrganizationalUnit = defineNode({
  label: 'AWSOrganizationalUnit',
  key: 'id',
  properties: {
    id: 'string',
    ou_id: 'string',
    arn: 'string?',
    name: 'string?',
    org_id: 'string',
    /** The skygraph id of the root of the tree (`<org id>/<root id>`). */
    root_id: 'string?',
    /** Set when the OU sits directly under the root. */
    parent_root_id: 'string?',
    /** Set when the OU is nested under another OU. */
    parent_ou_id: 'string?',
  },
  scope: { owner: refOf(AWSOrganization), rel: 'RESOURCE' },
  relationships: {
    parentRoot: defineRel('PARENT', refOf(AWSOrganizationRoot), { description: 'the root it sits under' }),
    parentOu: defineRel(
      'PARENT',
      { label: 'AWSOrganizationalUnit', key: 'id' },
      {
        description: 'the OU it is nested under',
      },
    ),
    rootResource: defineRel('RESOURCE', refOf(AWSOrganizationRoot), {
      direction: 'in',
      description: 'the root of the tree holds the OU (every OU, however deeply nested)',
    }),
    ouResource: defineRel(
      'RESOURCE',
      { label: 'AWSOrganizationalUnit', key: 'id' },
      {
        direction: 'in',
        description: 'the parent OU holds the OU',
      },
    ),
    accounts: defineRel('RESOURCE', refOf(AWSAccount), { description: 'accounts placed in the OU' }),
    accountParents: defineRel('PARENT', refOf(AWSAccount), {
      direction: 'in',
      description: 'an account placed in the OU points at it',
    }),
  },
  description: 'An AWS organisational unit; OUs nest under the root and under each other.',
});
