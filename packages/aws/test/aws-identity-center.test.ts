import { describe, expect, it } from 'vitest';
import { activeMembers, expectGraphMatchesEstate } from './estate-expectations.ts';
import { count, useEmulatedAws } from './sync-helpers.ts';

describe('AWS IAM Identity Center', () => {
  const aws = useEmulatedAws({ estate: { seed: 83, accounts: 4 } });

  const instance = () => {
    const ic = aws.estate.accounts[0]?.identityCenter;
    if (!ic) throw new Error('no instance');
    return ic;
  };

  it('writes the instance, permission sets, users and groups, and links them to the roles they provision', async () => {
    const { result, warnings } = await aws.sync();
    expect(result.errors).toEqual([]);
    expect(result.status).toBe('success');
    expect(warnings.filter((w) => w.collector === 'identitycenter:instances')).toEqual([]);
    await expectGraphMatchesEstate(aws.store, aws.estate);
    const ic = instance();
    const management = aws.estate.accounts[0];

    expect(
      await count(
        aws.store,
        `MATCH (:AWSAccount {id: $account})-[:RESOURCE]->(:AWSIdentityCenter {arn: $arn})-[:HAS_PERMISSION_SET]->(ps:AWSPermissionSet:PermissionRole)
         RETURN count(ps) AS c`,
        { account: management?.id, arn: ic.instanceArn },
      ),
    ).toBe(ic.permissionSets.length);
    // Every provisioned role is linked to its permission set, whatever account holds it.
    const provisioned = activeMembers(aws.estate).flatMap((a) =>
      a.iam.roles.filter((r) => r.roleName.startsWith('AWSReservedSSO_')),
    );
    expect(
      await count(
        aws.store,
        'MATCH (:AWSPermissionSet)-[:ASSIGNED_TO_ROLE]->(r:AWSRole) RETURN count(r) AS c',
      ),
    ).toBe(provisioned.length);

    // alice.admin reaches AdministratorAccess in every account directly; groups through their assignments.
    const alice = ic.users.find((u) => u.userName === 'alice.admin');
    const adminRoles = await aws.store.read(
      `MATCH (a:AWSAccount)-[:RESOURCE]->(r:AWSRole)-[x:ALLOWED_BY]->(:AWSSSOUser:UserAccount {id: $user})
       RETURN a.id AS account, x.permission_set_arn AS permission_set ORDER BY account`,
      { user: alice?.userId },
    );
    const adminSet = ic.permissionSets.find((p) => p.name === 'AdministratorAccess');
    expect(adminRoles).toEqual(
      activeMembers(aws.estate)
        .map((a) => ({ account: a.id, permission_set: adminSet?.arn }))
        .sort((x, y) => x.account.localeCompare(y.account)),
    );
    const auditors = ic.groups.find((g) => g.displayName === 'auditors');
    expect(
      await count(
        aws.store,
        'MATCH (:AWSRole)-[:ALLOWED_BY]->(g:AWSSSOGroup:UserGroup {id: $group}) RETURN count(*) AS c',
        { group: auditors?.groupId },
      ),
    ).toBe(activeMembers(aws.estate).length);
    expect(
      await count(
        aws.store,
        'MATCH (u:AWSSSOUser)-[:MEMBER_OF]->(g:AWSSSOGroup {id: $group}) MATCH (u)-[:MEMBER_OF_SSO_GROUP]->(g) RETURN count(u) AS c',
        { group: auditors?.groupId },
      ),
    ).toBe(auditors?.memberIds.length);
    const [legacy] = await aws.store.read(
      "MATCH (ps:AWSPermissionSet {name: 'LegacyFullAccess'}) RETURN ps.grants_admin AS admin, ps.inline_policy AS inline",
    );
    expect(legacy?.admin).toBe(true);
    expect(JSON.parse(String(legacy?.inline)).Statement[0].Action).toBe('*');

    // Requests: one ListInstances per account-region; the instance's region reads the rest.
    const stats = aws.emulator.stats().byOperation ?? {};
    const regions = activeMembers(aws.estate).reduce((n, a) => n + a.enabledRegions.length, 0);
    expect(stats['sso:ListInstances']).toBe(regions);
    expect(stats['sso:DescribePermissionSet']).toBe(ic.permissionSets.length);
    expect(stats['sso:ListAccountAssignmentsForPrincipal']).toBe(ic.users.length + ic.groups.length);
    expect(stats['identitystore:ListGroupMemberships']).toBe(ic.groups.length);
  });

  it('drops ALLOWED_BY when an assignment is removed', async () => {
    await aws.sync();
    const ic = instance();
    const alice = ic.users.find((u) => u.userName === 'alice.admin');
    ic.assignments = ic.assignments.filter((a) => a.principalId !== alice?.userId);
    const { result } = await aws.sync();
    expect(result.status).toBe('success');
    expect(
      await count(
        aws.store,
        'MATCH (:AWSRole)-[x:ALLOWED_BY]->(:AWSSSOUser {id: $user}) RETURN count(x) AS c',
        {
          user: alice?.userId,
        },
      ),
    ).toBe(0);
  });

  it('skips a region where Identity Center is refused with one warning', async () => {
    const ic = instance();
    aws.emulator.setFaults([
      { service: 'sso', region: ic.region, operation: 'ListInstances', kind: 'AccessDenied' },
    ]);
    const { result, warnings } = await aws.sync({ awsServices: ['identitycenter'] });
    expect(result.status).toBe('success');
    // One per account with that region: the refusal is the same everywhere.
    expect(warnings.filter((w) => w.collector === 'identitycenter:instances')).toHaveLength(
      activeMembers(aws.estate).filter((a) => a.enabledRegions.includes(ic.region)).length,
    );
    expect(await count(aws.store, 'MATCH (n:AWSIdentityCenter) RETURN count(n) AS c')).toBe(0);
  });
});
