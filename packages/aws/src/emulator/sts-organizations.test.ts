import { DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';
import {
  DescribeOrganizationCommand,
  ListParentsCommand,
  ListRootsCommand,
  OrganizationsClient,
  paginateListAccounts,
  paginateListAccountsForParent,
  paginateListOrganizationalUnitsForParent,
} from '@aws-sdk/client-organizations';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assumeAuditRole, clientConfig, rejectionOf } from './sdk-test-support.ts';
import { type AwsEmulator, startAwsEmulator } from './server.ts';

let emulator: AwsEmulator;

beforeAll(async () => {
  emulator = await startAwsEmulator({
    seed: 21,
    scale: { accounts: 12, regionsPerAccount: 1, resourcesPerRegion: 3, accountsWithoutAuditRole: 1 },
  });
});
afterAll(() => emulator.close());

const members = () => emulator.estate.accounts.filter((a) => a.parentId !== undefined);

describe('STS emulation', () => {
  it('identifies the hub caller as a user of the management account', async () => {
    const sts = new STSClient(clientConfig(emulator));
    const me = await sts.send(new GetCallerIdentityCommand({}));
    expect(me.Account).toBe(emulator.estate.organization.managementAccountId);
    expect(me.Arn).toBe(`arn:aws:iam::${me.Account}:user/skygraph-hub`);
    expect(me.UserId).toMatch(/^AIDA/);
  });

  it('assumes the audit role and then sees only the target account', async () => {
    const target = members().find((a, i) => i > 0 && a.status === 'ACTIVE');
    if (!target) throw new Error('no member account');
    const credentials = await assumeAuditRole(emulator, target.id);
    expect(credentials.accessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    const sts = new STSClient(clientConfig(emulator, { credentials }));
    const me = await sts.send(new GetCallerIdentityCommand({}));
    expect(me.Account).toBe(target.id);
    expect(me.Arn).toBe(`arn:aws:sts::${target.id}:assumed-role/role-security-audit/skygraph-test`);
    const ec2 = new EC2Client(clientConfig(emulator, { credentials }));
    const vpcs = await ec2.send(new DescribeVpcsCommand({}));
    expect(vpcs.Vpcs?.map((v) => v.VpcId)).toEqual(target.regions['us-east-1']?.vpcs.map((v) => v.vpcId));
    expect(vpcs.Vpcs?.every((v) => v.OwnerId === target.id)).toBe(true);
  });

  it('returns the documented AssumeRole shape', async () => {
    const target = members()[1];
    const sts = new STSClient(clientConfig(emulator));
    const out = await sts.send(
      new AssumeRoleCommand({
        RoleArn: `arn:aws:iam::${target?.id}:role/role-security-audit`,
        RoleSessionName: 'shape',
        DurationSeconds: 900,
      }),
    );
    expect(out.Credentials?.Expiration).toBeInstanceOf(Date);
    expect(out.Credentials?.SessionToken?.length).toBeGreaterThan(100);
    expect(out.AssumedRoleUser?.AssumedRoleId).toMatch(/^AROA[A-Z2-7]{17}:shape$/);
  });

  it('denies AssumeRole where the role is missing, the account is suspended or the trust does not allow it', async () => {
    const sts = new STSClient(clientConfig(emulator));
    const assume = (accountId: string, role = 'role-security-audit') =>
      rejectionOf(
        sts.send(
          new AssumeRoleCommand({
            RoleArn: `arn:aws:iam::${accountId}:role/${role}`,
            RoleSessionName: 'deny',
          }),
        ),
      );
    const withoutRole = members().find(
      (a) => a.status === 'ACTIVE' && !a.iam.roles.some((r) => r.roleName === 'role-security-audit'),
    );
    const suspended = members().find((a) => a.status === 'SUSPENDED');
    const denied = await assume(withoutRole?.id ?? '');
    expect(denied.name).toBe('AccessDenied');
    expect(denied.$metadata?.httpStatusCode).toBe(403);
    expect((await assume(suspended?.id ?? '')).name).toBe('AccessDenied');
    expect((await assume('000000000000')).name).toBe('AccessDenied');
    // The vendor role trusts only the outside vendor account, not the hub.
    expect((await assume(members()[1]?.id ?? '', 'cross-account-vendor-role')).name).toBe('AccessDenied');
  });

  it('rejects unknown access keys with InvalidClientTokenId', async () => {
    const sts = new STSClient(
      clientConfig(emulator, { credentials: { accessKeyId: 'AKIAUNKNOWNKEY000000', secretAccessKey: 'x' } }),
    );
    expect((await rejectionOf(sts.send(new GetCallerIdentityCommand({})))).name).toBe('InvalidClientTokenId');
  });
});

describe('Organizations emulation', () => {
  const org = () => new OrganizationsClient(clientConfig(emulator));

  it('describes the organisation and its root', async () => {
    const out = await org().send(new DescribeOrganizationCommand({}));
    expect(out.Organization).toMatchObject({
      Id: emulator.estate.organization.id,
      MasterAccountId: emulator.estate.organization.managementAccountId,
      FeatureSet: 'ALL',
    });
    const roots = await org().send(new ListRootsCommand({}));
    expect(roots.Roots?.[0]?.Id).toMatch(/^r-[0-9a-z]{4}$/);
  });

  it('lists every account across pages, ACTIVE and SUSPENDED', async () => {
    const accounts: { Id?: string; Status?: string; JoinedTimestamp?: Date }[] = [];
    let pages = 0;
    for await (const page of paginateListAccounts({ client: org(), pageSize: 5 }, {})) {
      pages++;
      accounts.push(...(page.Accounts ?? []));
    }
    expect(pages).toBe(3);
    expect(accounts.map((a) => a.Id)).toEqual(members().map((a) => a.id));
    expect(new Set(accounts.map((a) => a.Status))).toEqual(new Set(['ACTIVE', 'SUSPENDED']));
    expect(accounts[0]?.JoinedTimestamp).toBeInstanceOf(Date);
  });

  it('walks nested OUs and answers ListParents', async () => {
    const rootId = emulator.estate.organization.rootId;
    const walk = async (parentId: string, depth: number): Promise<{ accounts: number; maxDepth: number }> => {
      let accounts = 0;
      for await (const page of paginateListAccountsForParent({ client: org() }, { ParentId: parentId }))
        accounts += page.Accounts?.length ?? 0;
      let maxDepth = depth;
      for await (const page of paginateListOrganizationalUnitsForParent(
        { client: org() },
        { ParentId: parentId },
      )) {
        for (const ou of page.OrganizationalUnits ?? []) {
          const sub = await walk(ou.Id ?? '', depth + 1);
          accounts += sub.accounts;
          maxDepth = Math.max(maxDepth, sub.maxDepth);
        }
      }
      return { accounts, maxDepth };
    };
    const tree = await walk(rootId, 0);
    expect(tree.accounts).toBe(members().length);
    expect(tree.maxDepth).toBe(3);
    const sandboxAccount = members().find(
      (a) => emulator.estate.organizationalUnits.find((o) => o.id === a.parentId)?.name === 'Sandbox',
    );
    const parents = await org().send(new ListParentsCommand({ ChildId: sandboxAccount?.id }));
    expect(parents.Parents).toEqual([{ Id: sandboxAccount?.parentId, Type: 'ORGANIZATIONAL_UNIT' }]);
    const missing = await rejectionOf(org().send(new ListParentsCommand({ ChildId: '999999999999' })));
    expect(missing.name).toBe('ChildNotFoundException');
  });

  it('is only for the management account: members get AccessDeniedException, outsiders AWSOrganizationsNotInUseException', async () => {
    const member = members()[2];
    const memberOrg = new OrganizationsClient(
      clientConfig(emulator, { credentials: await assumeAuditRole(emulator, member?.id ?? '') }),
    );
    const denied = await rejectionOf(memberOrg.send(new ListRootsCommand({})));
    expect(denied.name).toBe('AccessDeniedException');
    expect((await memberOrg.send(new DescribeOrganizationCommand({}))).Organization?.Id).toBe(
      emulator.estate.organization.id,
    );
    const vendor = emulator.estate.accounts.find((a) => a.parentId === undefined);
    const key = vendor?.iam.users[0]?.accessKeys[0]?.accessKeyId ?? '';
    const outsider = new OrganizationsClient(
      clientConfig(emulator, { credentials: { accessKeyId: key, secretAccessKey: 'x' } }),
    );
    expect((await rejectionOf(outsider.send(new DescribeOrganizationCommand({})))).name).toBe(
      'AWSOrganizationsNotInUseException',
    );
  });
});
