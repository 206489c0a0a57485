import { defineNode, defineRel, refOf } from '@skygraph/core';
import { GSuiteTenant } from './tenant.ts';
import { GSuiteUser } from './user.ts';

const groupProperties = {
  id: 'string',
  group_id: 'string',
  email: 'string',
  name: 'string?',
  description: 'string?',
  admin_created: 'boolean?',
  /** As the API reports it (an int64 string). */
  direct_members_count: 'string?',
  aliases: 'string[]?',
  etag: 'string?',
  kind: 'string?',
  customer_id: 'string?',
} as const;

const group = { label: 'GSuiteGroup', key: 'id' } as const;
const role = { role: 'string?' } as const;

/**
 * A Workspace group with its direct members: users and nested groups, each
 * as Cartography's legacy MEMBER_GSUITE_GROUP and its newer MEMBER_OF edge
 * (member -> group, with the member's `role`), owners also as OWNER_GSUITE_GROUP.
 * `members_error` says why the members could not be listed this time.
 */
export const GSuiteGroup = defineNode({
  label: 'GSuiteGroup',
  extraLabels: ['GCPPrincipal', 'UserGroup'],
  key: 'id',
  properties: { ...groupProperties, members_error: 'string?' },
  scope: { owner: refOf(GSuiteTenant), rel: 'RESOURCE' },
  relationships: {
    memberUsers: defineRel('MEMBER_GSUITE_GROUP', refOf(GSuiteUser), { direction: 'in', properties: role }),
    memberOfUsers: defineRel('MEMBER_OF', refOf(GSuiteUser), { direction: 'in', properties: role }),
    ownerUsers: defineRel('OWNER_GSUITE_GROUP', refOf(GSuiteUser), { direction: 'in' }),
    memberGroups: defineRel('MEMBER_GSUITE_GROUP', group, { direction: 'in', properties: role }),
    memberOfGroups: defineRel('MEMBER_OF', group, { direction: 'in', properties: role }),
    ownerGroups: defineRel('OWNER_GSUITE_GROUP', group, { direction: 'in' }),
  },
  description: 'A Google Workspace group and its direct members.',
});

/**
 * The group node alone, as the groups collector writes it before any
 * membership (nested groups must exist before edges can point at them).
 * It leaves `members_error` alone. Internal: not part of `@skygraph/gsuite/schema`.
 */
export const GSuiteGroupNode = defineNode({
  label: 'GSuiteGroup',
  extraLabels: ['GCPPrincipal', 'UserGroup'],
  key: 'id',
  properties: groupProperties,
  scope: { owner: refOf(GSuiteTenant), rel: 'RESOURCE' },
  description: 'A Google Workspace group (node only).',
});
