import { defineNode, defineRel, refOf } from '@skygraph/core';
import { AWSAccount } from './organization.ts';

/** An IAM Identity Center instance, keyed by its ARN, as Cartography writes it. */
export const IdentityCenter = defineNode({
  label: 'AWSIdentityCenter',
  key: 'id',
  properties: {
    id: 'string',
    arn: 'string',
    identity_store_id: 'string?',
    /** Seconds since the epoch. */
    created_date: 'number?',
    /** `ACTIVE`, `CREATE_IN_PROGRESS` or `DELETE_IN_PROGRESS`. */
    status: 'string?',
    region: 'string',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  description: 'An IAM Identity Center instance (sso-admin ListInstances).',
});

/**
 * A permission set, keyed by its ARN. skygraph adds its policies:
 * `managed_policy_arns`, `inline_policy` (JSON), `inline_policy_allows_all`
 * and `grants_admin` (the AWS managed AdministratorAccess is attached, or the
 * inline policy allows `*` on `*` without a condition). The
 * `aws_identity_center_roles` analysis links it `ASSIGNED_TO_ROLE` the
 * `AWSReservedSSO_<name>_<hash>` role it provisions in each account once the
 * roles are synced (not declared here: the loader's cleanup would drop it).
 */
export const PermissionSet = defineNode({
  label: 'AWSPermissionSet',
  extraLabels: ['PermissionRole'],
  key: 'id',
  properties: {
    id: 'string',
    arn: 'string',
    name: 'string?',
    description: 'string?',
    /** ISO-8601 duration, e.g. `PT1H`. */
    session_duration: 'string?',
    instance_arn: 'string',
    region: 'string',
    managed_policy_arns: 'string[]?',
    inline_policy: 'string?',
    /** The inline policy allows `*` on `*` without a condition. */
    inline_policy_allows_all: 'boolean?',
    /** AdministratorAccess is attached, or the inline policy allows everything. */
    grants_admin: 'boolean?',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  relationships: {
    instance: defineRel('HAS_PERMISSION_SET', refOf(IdentityCenter, 'arn'), {
      direction: 'in',
      description: 'the instance the permission set belongs to',
    }),
  },
  description:
    'An IAM Identity Center permission set with its policies (sso-admin ListPermissionSets, DescribePermissionSet, ListManagedPoliciesInPermissionSet, GetInlinePolicyForPermissionSet).',
});

/** `<account id>|<permission set ARN>`: where a principal's assignments give it access. */
const ACCOUNT_ASSIGNMENTS = 'string[]?' as const;

/** A group of the Identity Center identity store, keyed by its group id. */
export const SSOGroup = defineNode({
  label: 'AWSSSOGroup',
  extraLabels: ['UserGroup'],
  key: 'id',
  properties: {
    id: 'string',
    display_name: 'string?',
    description: 'string?',
    identity_store_id: 'string',
    external_id: 'string?',
    region: 'string',
    /** Each `<account id>|<permission set ARN>` the group is assigned (ListAccountAssignmentsForPrincipal). */
    account_assignments: ACCOUNT_ASSIGNMENTS,
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  relationships: {
    permissionSets: defineRel('HAS_PERMISSION_SET', refOf(PermissionSet, 'arn'), {
      description: 'the permission sets assigned to the group (on some account)',
    }),
    roles: defineRel('HAS_ROLE', refOf(PermissionSet, 'arn'), {
      description: "the same, under Cartography's ontology edge",
    }),
  },
  description:
    'An IAM Identity Center group (identitystore ListGroups, sso-admin ListAccountAssignmentsForPrincipal).',
});

/** A user of the Identity Center identity store, keyed by its user id. */
export const SSOUser = defineNode({
  label: 'AWSSSOUser',
  extraLabels: ['UserAccount'],
  key: 'id',
  properties: {
    id: 'string',
    user_name: 'string?',
    identity_store_id: 'string',
    external_id: 'string?',
    region: 'string',
    /** Each `<account id>|<permission set ARN>` the user is assigned directly (not through a group). */
    account_assignments: ACCOUNT_ASSIGNMENTS,
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  relationships: {
    identity: defineRel(
      'CAN_ASSUME_IDENTITY',
      { label: 'UserAccount', key: 'id' },
      {
        direction: 'in',
        description: "the identity provider's user (Okta, ...) whose id is the user's external id",
      },
    ),
    groups: defineRel('MEMBER_OF_SSO_GROUP', refOf(SSOGroup), { description: 'the groups the user is in' }),
    memberOf: defineRel('MEMBER_OF', refOf(SSOGroup), {
      description: "the same, under Cartography's ontology edge",
    }),
    permissionSets: defineRel('HAS_PERMISSION_SET', refOf(PermissionSet, 'arn'), {
      description: 'the permission sets assigned to the user directly',
    }),
    roles: defineRel('HAS_ROLE', refOf(PermissionSet, 'arn'), {
      description: "the same, under Cartography's ontology edge",
    }),
  },
  description:
    'An IAM Identity Center user (identitystore ListUsers, ListGroupMemberships, sso-admin ListAccountAssignmentsForPrincipal).',
});
