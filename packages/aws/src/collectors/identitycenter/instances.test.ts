import { IdentitystoreClient, ListUsersCommand } from '@aws-sdk/client-identitystore';
import {
  ListAccountAssignmentsForPrincipalCommand,
  ListInstancesCommand,
  SSOAdminClient,
} from '@aws-sdk/client-sso-admin';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientConfig } from '../../emulator/sdk-test-support.ts';
import { type AwsEmulator, startAwsEmulator } from '../../emulator/server.ts';
import { allowsEverything, transformGroups, transformInstance, transformUsers } from './instances.ts';

const where = { accountId: '111122223333', region: 'us-east-1' };
const INSTANCE = 'arn:aws:sso:::instance/ssoins-1111222233334444';
const SET = 'arn:aws:sso:::permissionSet/ssoins-1111222233334444/ps-aaaabbbbccccdddd';

let emulator: AwsEmulator;
beforeAll(async () => {
  emulator = await startAwsEmulator({ seed: 37, scale: { accounts: 3, regionsPerAccount: 1 } });
});
afterAll(() => emulator.close());

describe('Identity Center transforms', () => {
  it('recognises inline policies that allow everything without a condition', () => {
    const doc = (statement: object) => JSON.stringify({ Version: '2012-10-17', Statement: statement });
    expect(allowsEverything(doc({ Effect: 'Allow', Action: '*', Resource: '*' }))).toBe(true);
    expect(allowsEverything(doc([{ Effect: 'Allow', Action: ['s3:*', '*'], Resource: ['*'] }]))).toBe(true);
    expect(allowsEverything(doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' }))).toBe(false);
    expect(
      allowsEverything(
        doc({
          Effect: 'Allow',
          Action: '*',
          Resource: '*',
          Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
        }),
      ),
    ).toBe(false);
    expect(allowsEverything('')).toBe(false);
  });

  it('writes the instance and permission sets with Cartography ids and their policies', () => {
    const [instances, sets] = transformInstance(
      {
        instance: {
          InstanceArn: INSTANCE,
          IdentityStoreId: 'd-1234567890',
          CreatedDate: new Date('2024-01-01T00:00:00Z'),
          Status: 'ACTIVE',
        },
        permissionSets: [
          {
            permissionSet: { PermissionSetArn: SET, Name: 'AdministratorAccess', SessionDuration: 'PT1H' },
            managedPolicyArns: ['arn:aws:iam::aws:policy/AdministratorAccess'],
            inlinePolicy: '',
          },
        ],
      },
      where,
    );
    expect(instances?.rows).toEqual([
      {
        id: INSTANCE,
        arn: INSTANCE,
        identity_store_id: 'd-1234567890',
        created_date: 1704067200,
        status: 'ACTIVE',
        region: 'us-east-1',
      },
    ]);
    expect(sets?.rows[0]).toMatchObject({
      id: SET,
      name: 'AdministratorAccess',
      instance_arn: INSTANCE,
      grants_admin: true,
      inline_policy: undefined,
      instance: INSTANCE,
    });
  });

  it("keeps principals' assignments and group memberships as the edges Cartography writes", async () => {
    const ic = emulator.estate.accounts[0]?.identityCenter;
    if (!ic) throw new Error('no instance');
    const sso = new SSOAdminClient(clientConfig(emulator, { region: ic.region }));
    const [instance] = (await sso.send(new ListInstancesCommand({}))).Instances ?? [];
    const users = await new IdentitystoreClient(clientConfig(emulator, { region: ic.region })).send(
      new ListUsersCommand({ IdentityStoreId: ic.identityStoreId }),
    );
    const alice = users.Users?.find((u) => u.UserName === 'alice.admin');
    if (!instance?.InstanceArn || !alice?.UserId) throw new Error('no alice');
    const assignments = await sso.send(
      new ListAccountAssignmentsForPrincipalCommand({
        InstanceArn: instance.InstanceArn,
        PrincipalId: alice.UserId,
        PrincipalType: 'USER',
      }),
    );
    const [load] = transformUsers(
      {
        identityStoreId: ic.identityStoreId,
        users: [{ principal: alice, assignments: assignments.AccountAssignments ?? [], groupIds: ['g-1'] }],
      },
      where,
    );
    const row = load?.rows[0];
    const adminSet = ic.permissionSets.find((p) => p.name === 'AdministratorAccess')?.arn;
    expect(row).toMatchObject({
      id: alice.UserId,
      user_name: 'alice.admin',
      identity_store_id: ic.identityStoreId,
      groups: ['g-1'],
      memberOf: ['g-1'],
      permissionSets: [adminSet],
      roles: [adminSet],
    });
    expect(row?.account_assignments).toHaveLength(
      ic.assignments.filter((a) => a.principalId === alice.UserId).length,
    );
    const [groups] = transformGroups(
      {
        identityStoreId: ic.identityStoreId,
        groups: [
          {
            principal: {
              GroupId: 'g-1',
              IdentityStoreId: ic.identityStoreId,
              ExternalIds: [{ Issuer: 'okta', Id: 'x1' }],
            },
            assignments: [],
          },
        ],
      },
      where,
    );
    expect(groups?.rows[0]).toMatchObject({
      id: 'g-1',
      external_id: 'x1',
      account_assignments: [],
      permissionSets: [],
    });
  });
});
