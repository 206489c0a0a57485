import { describe, expect, it } from 'vitest';
import { type MembersPage, transformMembers } from './group-members-collector.ts';
import { transformGroups } from './groups-collector.ts';

const group = {
  kind: 'admin#directory#group',
  id: '03ep43zb2k1nxyz',
  etag: '"g"',
  email: 'eng@example.com',
  name: 'Engineering',
  directMembersCount: '4',
  description: 'All engineers',
  adminCreated: true,
  aliases: ['engineers@example.com'],
};

// members.list as documented: users, nested groups and the whole domain (CUSTOMER, no email).
const page: MembersPage = {
  group,
  members: [
    {
      kind: 'admin#directory#member',
      id: '111',
      email: 'owner@example.com',
      role: 'OWNER',
      type: 'USER',
      status: 'ACTIVE',
    },
    {
      kind: 'admin#directory#member',
      id: '222',
      email: 'dev@example.com',
      role: 'MEMBER',
      type: 'USER',
      status: 'SUSPENDED',
    },
    {
      kind: 'admin#directory#member',
      id: '03ep43zbplatfrm',
      email: 'platform@example.com',
      role: 'MEMBER',
      type: 'GROUP',
    },
    { kind: 'admin#directory#member', id: 'C03az79cb', role: 'MEMBER', type: 'CUSTOMER' },
  ],
};

describe('transformMembers', () => {
  it('links users and nested groups both ways Cartography does, with roles, and owners', () => {
    const [rows] = transformMembers(page, 'C03az79cb');
    expect(rows?.schema.label).toBe('GSuiteGroup');
    const users = [
      { key: '111', props: { role: 'OWNER' } },
      { key: '222', props: { role: 'MEMBER' } },
    ];
    const groups = [{ key: '03ep43zbplatfrm', props: { role: 'MEMBER' } }];
    expect(rows?.rows).toEqual([
      {
        id: '03ep43zb2k1nxyz',
        group_id: '03ep43zb2k1nxyz',
        email: 'eng@example.com',
        name: 'Engineering',
        description: 'All engineers',
        admin_created: true,
        direct_members_count: '4',
        aliases: ['engineers@example.com'],
        etag: '"g"',
        kind: 'admin#directory#group',
        customer_id: 'C03az79cb',
        members_error: null,
        memberUsers: users,
        memberOfUsers: users,
        ownerUsers: ['111'],
        memberGroups: groups,
        memberOfGroups: groups,
        ownerGroups: [],
      },
    ]);
  });

  it('records why members could not be listed', () => {
    const [rows] = transformMembers(
      { group, members: [], error: 'Not Authorized to access this resource/api' },
      'C1',
    );
    expect(rows?.rows[0]).toMatchObject({
      members_error: 'Not Authorized to access this resource/api',
      memberUsers: [],
    });
  });
});

describe('transformGroups', () => {
  it('writes group nodes without touching memberships or members_error', () => {
    const [rows] = transformGroups({ kind: 'admin#directory#groups', groups: [group] }, 'C1');
    expect(rows?.schema.label).toBe('GSuiteGroup');
    expect(Object.keys(rows?.schema.properties ?? {})).not.toContain('members_error');
    expect(rows?.rows[0]).toMatchObject({ id: group.id, email: group.email, direct_members_count: '4' });
  });
});
