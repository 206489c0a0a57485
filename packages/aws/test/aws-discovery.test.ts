import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAwsProvider } from '@skygraph/aws';
import {
  type AwsEmulator,
  type AwsEstate,
  generateAwsEstate,
  startAwsEmulator,
} from '@skygraph/aws/emulator';
import {
  ConfigError,
  type GraphStore,
  type PlanContext,
  type Scope,
  silentLogger,
  sync,
} from '@skygraph/core';
import { openTestStore } from '@skygraph/core/testing';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { awsConfig, count, emulatedProvider, FAST_RETRY, syncAws } from './sync-helpers.ts';

/** Plans without collecting, as the CLI's dry run does, recording the API operations planning made. */
async function dryRun(
  emulator: AwsEmulator,
  values: Record<string, unknown> = {},
  env: NodeJS.ProcessEnv = {},
) {
  const operations: string[] = [];
  const ctx: PlanContext = {
    updateTag: 1,
    signal: new AbortController().signal,
    log: silentLogger(),
    call: (operation, request) => {
      operations.push(operation);
      return request();
    },
  };
  const scopes: Scope[] = [];
  for await (const scope of emulatedProvider(emulator, values, env).plan(ctx)) scopes.push(scope);
  return { scopes, operations };
}

describe('AWS account discovery and planning', () => {
  let estate: AwsEstate;
  let emulator: AwsEmulator;
  let store: GraphStore;

  beforeAll(async () => {
    estate = generateAwsEstate({ seed: 51, accounts: 5, regionsPerAccount: 2, now: '2025-06-01T00:00:00Z' });
    emulator = await startAwsEmulator({ estate });
  });
  afterAll(async () => {
    await emulator.close();
  });
  beforeEach(async () => {
    store = await openTestStore();
    emulator.resetStats();
  });
  afterEach(async () => {
    await store.close();
  });

  const ouNamed = (name: string) => estate.organizationalUnits.find((o) => o.name === name)?.id as string;

  it('plans without collecting: discovery calls only, readable scopes and collector names', async () => {
    const { scopes, operations } = await dryRun(emulator);
    const members = estate.accounts.filter((a) => a.parentId !== undefined && a.status === 'ACTIVE');
    expect(scopes).toHaveLength(1 + members.length * 3);
    expect(new Set(operations)).toEqual(
      new Set([
        'sts:GetCallerIdentity',
        'organizations:DescribeOrganization',
        'organizations:ListRoots',
        'organizations:ListAccountsForParent',
        'organizations:ListOrganizationalUnitsForParent',
        'sts:AssumeRole',
        'ec2:DescribeRegions',
      ]),
    );
    // The suspended account is not planned.
    expect(estate.accounts.some((a) => a.status === 'SUSPENDED')).toBe(true);
    expect(
      scopes.some((s) => estate.accounts.find((a) => a.id === s.labels.account)?.status === 'SUSPENDED'),
    ).toBe(false);
    const organization = scopes[0];
    expect(organization?.id).toBe(`aws/organization/${estate.organization.id}`);
    expect(organization?.collectors.map((c) => c.name)).toEqual([
      'organizations:tree',
      'organizations:policies',
    ]);
    const member = members[1];
    const global = scopes.find((s) => s.id === `aws/${member?.id}/global`);
    expect(global?.labels).toEqual({ account: member?.id, accountName: member?.name, region: 'global' });
    expect(global?.collectors.map((c) => c.name)).toEqual([
      'iam:managed-policies',
      'iam:groups',
      'iam:users',
      'iam:mfa-devices',
      'iam:roles',
      'iam:account',
      's3:buckets',
      'route53:zones',
    ]);
    const regional = scopes.find((s) => s.id === `aws/${member?.id}/${member?.enabledRegions[0]}`);
    expect(regional?.labels).toEqual({
      account: member?.id,
      accountName: member?.name,
      region: member?.enabledRegions[0],
    });
    expect(regional?.filters).toEqual({ region: member?.enabledRegions[0] });
    expect(regional?.collectors.map((c) => c.name)).toEqual([
      'ec2:vpcs',
      'ec2:subnets',
      'ec2:security-groups',
      'ec2:key-pairs',
      'ec2:network-interfaces',
      'ec2:instances',
      'ec2:snapshots',
      'ec2:volumes',
      'ec2:images',
      'ec2:launch-templates',
      'ec2:ebs-default-encryption',
      'ec2:internet-gateways',
      'ec2:vpc-peering',
      'elb:load-balancers',
      'elbv2:load-balancers',
      'autoscaling:groups',
      'config:recorders',
      'rds:subnet-groups',
      'rds:clusters',
      'rds:instances',
      'rds:snapshots',
      'kms:keys',
      'secretsmanager:secrets',
      'cloudtrail:trails',
      'lambda:functions',
      'eks:clusters',
      'dynamodb:tables',
      'ecr:repositories',
      'sqs:queues',
      'sns:topics',
      'ssm:instances-parameters',
      'ecs:clusters',
      'guardduty:detectors',
      'identitycenter:instances',
      's3:account-public-access-block',
      'tagging:resources',
    ]);
    // Nothing but discovery reached the emulator.
    const served = Object.keys(emulator.stats().byOperation);
    expect(served.every((op) => /^(sts|organizations):|^ec2:DescribeRegions$/.test(op))).toBe(true);
  });

  it('filters accounts by OU, id and name, and marks the rest of the organisation out of scope', async () => {
    const security = ouNamed('Security');
    const inSecurity = estate.accounts.filter((a) => a.parentId === security);
    expect(inSecurity.length).toBeGreaterThanOrEqual(2);
    const [kept, excluded] = inSecurity;
    const result = await syncAws(store, emulator, {
      awsIncludeOus: [security],
      awsExcludeAccounts: [excluded?.name],
      awsServices: ['organizations', 'iam'],
    });
    expect(result.status).toBe('success');
    expect(new Set(result.scopes.map((s) => s.id))).toEqual(
      new Set([`aws/organization/${estate.organization.id}`, `aws/${kept?.id}/global`]),
    );
    const inscope = await store.read('MATCH (a:AWSAccount) WHERE a.inscope = true RETURN a.id AS id');
    expect(inscope).toEqual([{ id: kept?.id }]);
    expect(await count(store, 'MATCH (a:AWSAccount) RETURN count(a) AS c')).toBe(
      estate.accounts.filter((a) => a.parentId !== undefined).length,
    );
    // No regional service asked for: regions are never listed.
    expect(emulator.stats().byOperation['ec2:DescribeRegions']).toBeUndefined();
  });

  it('syncs an explicit account list in the given regions, the hub account with its own credentials', async () => {
    const hub = estate.organization.managementAccountId;
    const member = estate.accounts[3];
    const region = estate.accounts[0]?.enabledRegions[1] as string;
    const result = await syncAws(store, emulator, {
      awsDiscovery: 'accounts',
      awsAccounts: [hub, member?.id],
      awsRegions: [region],
      awsServices: ['ec2', 'iam'],
    });
    expect(result.status).toBe('success');
    expect(result.scopes.map((s) => s.id).sort()).toEqual(
      [
        `aws/${hub}/global`,
        `aws/${hub}/${region}`,
        `aws/${member?.id}/global`,
        `aws/${member?.id}/${region}`,
      ].sort(),
    );
    // Only the member's role is assumed; no organisation is read.
    expect(emulator.stats().byOperation['sts:AssumeRole']).toBe(1);
    expect(Object.keys(emulator.stats().byOperation).some((op) => op.startsWith('organizations:'))).toBe(
      false,
    );
    const accounts = await store.read(
      'MATCH (a:AWSAccount) RETURN a.id AS id, a.inscope AS inscope ORDER BY id',
    );
    expect(accounts).toEqual([hub, member?.id].sort().map((id) => ({ id, inscope: true })));
    expect(
      await count(store, 'MATCH (:AWSAccount {id: $id})-[:RESOURCE]->(i:EC2Instance) RETURN count(i) AS c', {
        id: member?.id,
      }),
    ).toBe(member?.regions[region]?.instances.length);
  });

  it('syncs every profile of the shared config files with its own credentials', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'skygraph-aws-profiles-'));
    try {
      const member = estate.accounts[1];
      const userKey = member?.iam.users
        .find((u) => u.accessKeys.some((k) => k.status === 'Active'))
        ?.accessKeys.find((k) => k.status === 'Active');
      writeFileSync(
        join(dir, 'credentials'),
        [
          '[default]',
          `aws_access_key_id = ${emulator.hubCredentials.accessKeyId}`,
          `aws_secret_access_key = ${emulator.hubCredentials.secretAccessKey}`,
          '[team]',
          `aws_access_key_id = ${userKey?.accessKeyId}`,
          'aws_secret_access_key = any',
          '# the same account again under another name: synced once',
          '[team-again]',
          `aws_access_key_id = ${userKey?.accessKeyId}`,
          'aws_secret_access_key = any',
        ].join('\n'),
      );
      writeFileSync(
        join(dir, 'config'),
        '[default]\nregion = us-east-1\n[sso-session corp]\nsso_region = us-east-1\n',
      );
      const env = {
        AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
        AWS_CONFIG_FILE: join(dir, 'config'),
      };
      const provider = createAwsProvider(awsConfig({ awsDiscovery: 'profiles', awsServices: ['iam'] }), {
        endpoint: emulator.url,
        env,
      });
      const result = await sync({ store, providers: [provider], retry: FAST_RETRY });
      expect(result.status).toBe('success');
      expect(result.scopes.map((s) => s.labels.accountName).sort()).toEqual(['default', 'team']);
      expect(result.scopes.map((s) => s.labels.account).sort()).toEqual(
        [estate.organization.managementAccountId, member?.id].sort(),
      );
      expect(emulator.stats().byOperation['sts:AssumeRole']).toBeUndefined();
      const [team] = await store.read('MATCH (a:AWSAccount {id: $id}) RETURN a.name AS name', {
        id: member?.id,
      });
      expect(team).toEqual({ name: 'team' });
      expect(
        await count(store, 'MATCH (:AWSAccount {id: $id})-[:RESOURCE]->(u:AWSUser) RETURN count(u) AS c', {
          id: member?.id,
        }),
      ).toBe(member?.iam.users.length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects settings it cannot act on before any request', () => {
    expect(() => createAwsProvider(awsConfig({ awsDiscovery: 'accounts' }))).toThrow(ConfigError);
    expect(() =>
      createAwsProvider(
        awsConfig({
          awsDiscovery: 'accounts',
          awsAccounts: ['123456789012'],
          awsIncludeOus: ['ou-ab12-cd34ef56'],
        }),
      ),
    ).toThrow(/--aws-discovery organizations/);
    expect(() =>
      createAwsProvider(awsConfig({ awsExternalIdEnvVar: 'AUDIT_EXTERNAL_ID' }), { env: {} }),
    ).toThrow(/--aws-external-id-env-var: the environment variable it names is not set/);
    expect(() => awsConfig({ awsAccounts: ['12345'] })).toThrow(
      /--aws-accounts: expected a 12-digit account id/,
    );
    expect(() => awsConfig({ awsServices: ['ec2', 'lamda'] })).toThrow(/--aws-services/);
  });

  it('reaches the APIs through AWS_ENDPOINT_URL when no endpoint is given', async () => {
    const previous = process.env.AWS_ENDPOINT_URL;
    process.env.AWS_ENDPOINT_URL = emulator.url;
    try {
      const provider = createAwsProvider(awsConfig({ awsServices: ['organizations', 's3'] }), {
        credentials: async () => emulator.hubCredentials,
        env: { AWS_ENDPOINT_URL: emulator.url },
      });
      const result = await sync({ store, providers: [provider], retry: FAST_RETRY });
      expect(result.errors).toEqual([]);
      expect(await count(store, 'MATCH (b:S3Bucket) RETURN count(b) AS c')).toBe(
        estate.accounts
          .filter((a) => a.parentId !== undefined && a.status === 'ACTIVE')
          .reduce((n, a) => n + a.buckets.length, 0),
      );
    } finally {
      if (previous === undefined) delete process.env.AWS_ENDPOINT_URL;
      else process.env.AWS_ENDPOINT_URL = previous;
    }
  });

  it('passes the external id the spoke roles require, read from the named environment variable', async () => {
    const guarded = generateAwsEstate({
      seed: 52,
      accounts: 2,
      regionsPerAccount: 1,
      now: '2025-06-01T00:00:00Z',
    });
    const member = guarded.accounts[1];
    const audit = member?.iam.roles.find((r) => r.roleName === guarded.auditRoleName);
    for (const statement of audit?.assumeRolePolicyDocument.Statement ?? []) {
      statement.Condition = { StringEquals: { 'sts:ExternalId': 'correct-horse' } };
    }
    const local = await startAwsEmulator({ estate: guarded });
    try {
      const plan = async (env: NodeJS.ProcessEnv) => {
        const result = await sync({
          store,
          providers: [
            emulatedProvider(local, { awsServices: ['iam'], awsExternalIdEnvVar: 'AUDIT_EXTERNAL_ID' }, env),
          ],
          retry: FAST_RETRY,
        });
        return result.scopes.find((s) => s.labels.account === member?.id)?.status;
      };
      expect(await plan({ AUDIT_EXTERNAL_ID: 'correct-horse' })).toBe('success');
      expect(await plan({ AUDIT_EXTERNAL_ID: 'battery-staple' })).toBe('failed');
    } finally {
      await local.close();
    }
  });
});
