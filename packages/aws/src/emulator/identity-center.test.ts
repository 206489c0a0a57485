import {
  IdentitystoreClient,
  ListGroupMembershipsCommand,
  ListGroupsCommand,
  paginateListUsers,
} from '@aws-sdk/client-identitystore';
import {
  DescribePermissionSetCommand,
  GetInlinePolicyForPermissionSetCommand,
  ListAccountAssignmentsForPrincipalCommand,
  ListInstancesCommand,
  ListManagedPoliciesInPermissionSetCommand,
  ListPermissionSetsCommand,
  SSOAdminClient,
} from '@aws-sdk/client-sso-admin';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AwsIdentityCenter } from './estate-types.ts';
import { assumeAuditRole, clientConfig, rejectionOf } from './sdk-test-support.ts';
import { type AwsEmulator, startAwsEmulator } from './server.ts';

let emulator: AwsEmulator;

beforeAll(async () => {
  emulator = await startAwsEmulator({ seed: 29, scale: { accounts: 4, regionsPerAccount: 2 } });
});
afterAll(() => emulator.close());

const instance = (): AwsIdentityCenter => {
  const ic = emulator.estate.accounts[0]?.identityCenter;
  if (!ic) throw new Error('no Identity Center instance');
  return ic;
};
const admin = (region = 'us-east-1') => new SSOAdminClient(clientConfig(emulator, { region }));
const store = () => new IdentitystoreClient(clientConfig(emulator));

describe('IAM Identity Center emulation', () => {
  it('lists the management account instance in its region only', async () => {
    const ic = instance();
    const listed = await admin().send(new ListInstancesCommand({}));
    expect(listed.Instances).toEqual([
      {
        InstanceArn: ic.instanceArn,
        IdentityStoreId: ic.identityStoreId,
        OwnerAccountId: emulator.estate.accounts[0]?.id,
        Name: 'organization',
        CreatedDate: new Date(ic.createdDate),
        Status: 'ACTIVE',
      },
    ]);
    expect((await admin('eu-west-1').send(new ListInstancesCommand({}))).Instances).toEqual([]);
    const member = emulator.estate.accounts[1];
    if (!member) throw new Error('no member');
    const credentials = await assumeAuditRole(emulator, member.id);
    const fromMember = await new SSOAdminClient(clientConfig(emulator, { credentials })).send(
      new ListInstancesCommand({}),
    );
    expect(fromMember.Instances).toEqual([]);
  });

  it('describes permission sets with their managed and inline policies', async () => {
    const ic = instance();
    const InstanceArn = ic.instanceArn;
    const page = await admin().send(new ListPermissionSetsCommand({ InstanceArn, MaxResults: 2 }));
    expect(page.PermissionSets).toEqual(ic.permissionSets.slice(0, 2).map((p) => p.arn));
    expect(page.NextToken).toBeTruthy();
    const legacy = ic.permissionSets.find((p) => p.name === 'LegacyFullAccess');
    const adminSet = ic.permissionSets.find((p) => p.name === 'AdministratorAccess');
    if (!legacy || !adminSet) throw new Error('seeded permission sets missing');
    const described = await admin().send(
      new DescribePermissionSetCommand({ InstanceArn, PermissionSetArn: adminSet.arn }),
    );
    expect(described.PermissionSet).toMatchObject({ Name: 'AdministratorAccess', SessionDuration: 'PT1H' });
    const managed = await admin().send(
      new ListManagedPoliciesInPermissionSetCommand({ InstanceArn, PermissionSetArn: adminSet.arn }),
    );
    expect(managed.AttachedManagedPolicies).toEqual([
      { Arn: 'arn:aws:iam::aws:policy/AdministratorAccess', Name: 'AdministratorAccess' },
    ]);
    const inline = await admin().send(
      new GetInlinePolicyForPermissionSetCommand({ InstanceArn, PermissionSetArn: legacy.arn }),
    );
    expect(JSON.parse(inline.InlinePolicy ?? '{}').Statement[0]).toEqual({
      Effect: 'Allow',
      Action: '*',
      Resource: '*',
    });
    const none = await admin().send(
      new GetInlinePolicyForPermissionSetCommand({ InstanceArn, PermissionSetArn: adminSet.arn }),
    );
    expect(none.InlinePolicy).toBe('');
    const missing = await rejectionOf(
      admin().send(new DescribePermissionSetCommand({ InstanceArn, PermissionSetArn: `${adminSet.arn}x` })),
    );
    expect(missing.name).toBe('ResourceNotFoundException');
  });

  it('lists account assignments per principal, and users, groups and memberships', async () => {
    const ic = instance();
    const alice = ic.users.find((u) => u.userName === 'alice.admin');
    if (!alice) throw new Error('no alice');
    const assigned = await admin().send(
      new ListAccountAssignmentsForPrincipalCommand({
        InstanceArn: ic.instanceArn,
        PrincipalId: alice.userId,
        PrincipalType: 'USER',
      }),
    );
    expect(assigned.AccountAssignments?.map((a) => a.AccountId).sort()).toEqual(
      emulator.estate.accounts
        .filter((a) => a.parentId !== undefined && a.status === 'ACTIVE')
        .map((a) => a.id)
        .sort(),
    );
    const users: string[] = [];
    for await (const page of paginateListUsers(
      { client: store() },
      { IdentityStoreId: ic.identityStoreId, MaxResults: 2 },
    ))
      users.push(...(page.Users ?? []).map((u) => u.UserName ?? ''));
    expect(users).toEqual(ic.users.map((u) => u.userName));
    const groups = await store().send(new ListGroupsCommand({ IdentityStoreId: ic.identityStoreId }));
    expect(groups.Groups?.map((g) => g.DisplayName)).toEqual(ic.groups.map((g) => g.displayName));
    const [first] = ic.groups;
    const members = await store().send(
      new ListGroupMembershipsCommand({ IdentityStoreId: ic.identityStoreId, GroupId: first?.groupId }),
    );
    expect(
      members.GroupMemberships?.map((m) => m.MemberId && 'UserId' in m.MemberId && m.MemberId.UserId),
    ).toEqual(first?.memberIds);
  });

  it('provisions an AWSReservedSSO role per permission set assigned in an account', () => {
    const ic = instance();
    for (const account of emulator.estate.accounts.filter(
      (a) => a.parentId !== undefined && a.status === 'ACTIVE',
    )) {
      const sets = new Set(
        ic.assignments.filter((a) => a.accountId === account.id).map((a) => a.permissionSetArn),
      );
      const roles = account.iam.roles.filter((r) => r.roleName.startsWith('AWSReservedSSO_'));
      expect(roles).toHaveLength(sets.size);
      for (const r of roles) expect(r.arn).toContain(':role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_');
    }
  });
});
