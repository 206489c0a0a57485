import { DescribeInstancesCommand, DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';
import {
  DescribeLoadBalancersCommand,
  ElasticLoadBalancingClient,
} from '@aws-sdk/client-elastic-load-balancing';
import { GetAccountAuthorizationDetailsCommand, IAMClient } from '@aws-sdk/client-iam';
import { ListAccountsCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { DescribeDBInstancesCommand, RDSClient } from '@aws-sdk/client-rds';
import { GetBucketAclCommand, ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addGeneratedAccount } from './generate-estate.ts';
import { assumeAuditRole, clientConfig, rejectionOf } from './sdk-test-support.ts';
import { type AwsEmulator, startAwsEmulator } from './server.ts';

let emulator: AwsEmulator;

beforeAll(async () => {
  emulator = await startAwsEmulator({
    seed: 61,
    scale: { accounts: 3, regionsPerAccount: 2, resourcesPerRegion: 4 },
  });
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.setFaults([]);
  emulator.resetStats();
});

const ec2 = () => new EC2Client(clientConfig(emulator));

describe('fault injection', () => {
  it('answers AccessDenied with each protocol own error code', async () => {
    emulator.setFaults([{ kind: 'AccessDenied' }]);
    const cases: [() => Promise<unknown>, string, number][] = [
      [() => ec2().send(new DescribeInstancesCommand({})), 'UnauthorizedOperation', 403],
      [
        () => new IAMClient(clientConfig(emulator)).send(new GetAccountAuthorizationDetailsCommand({})),
        'AccessDenied',
        403,
      ],
      [
        () => new STSClient(clientConfig(emulator)).send(new GetCallerIdentityCommand({})),
        'AccessDenied',
        403,
      ],
      [
        () => new RDSClient(clientConfig(emulator)).send(new DescribeDBInstancesCommand({})),
        'AccessDenied',
        403,
      ],
      [
        () =>
          new ElasticLoadBalancingClient(clientConfig(emulator)).send(new DescribeLoadBalancersCommand({})),
        'AccessDenied',
        403,
      ],
      [
        () => new OrganizationsClient(clientConfig(emulator)).send(new ListAccountsCommand({})),
        'AccessDeniedException',
        400,
      ],
      [
        () =>
          new S3Client({ ...clientConfig(emulator), forcePathStyle: true }).send(new ListBucketsCommand({})),
        'AccessDenied',
        403,
      ],
    ];
    for (const [call, name, status] of cases) {
      const error = await rejectionOf(call());
      expect(error.name).toBe(name);
      expect(error.$metadata?.httpStatusCode).toBe(status);
    }
    expect(emulator.stats().faults).toBe(cases.length);
  });

  it('answers throttling and internal errors with the codes the SDK retries', async () => {
    emulator.setFaults([{ kind: 'Throttling' }]);
    expect((await rejectionOf(ec2().send(new DescribeVpcsCommand({})))).name).toBe('RequestLimitExceeded');
    expect(
      (
        await rejectionOf(
          new IAMClient(clientConfig(emulator)).send(new GetAccountAuthorizationDetailsCommand({})),
        )
      ).name,
    ).toBe('Throttling');
    expect(
      (await rejectionOf(new OrganizationsClient(clientConfig(emulator)).send(new ListAccountsCommand({}))))
        .name,
    ).toBe('TooManyRequestsException');
    const s3 = new S3Client({ ...clientConfig(emulator), forcePathStyle: true });
    expect((await rejectionOf(s3.send(new ListBucketsCommand({})))).name).toBe('SlowDown');
    emulator.setFaults([{ kind: 'InternalError' }]);
    const internal = await rejectionOf(ec2().send(new DescribeVpcsCommand({})));
    expect(internal.name).toBe('InternalError');
    expect(internal.$metadata?.httpStatusCode).toBe(500);
  });

  it('matches rules by service, account, region and operation, and stops after `times`', async () => {
    const member = emulator.estate.accounts[1]?.id ?? '';
    emulator.setFaults([
      {
        service: 'ec2',
        account: member,
        region: 'eu-west-1',
        operation: 'DescribeInstances',
        kind: 'AccessDenied',
        times: 2,
      },
    ]);
    const memberCredentials = await assumeAuditRole(emulator, member);
    const memberEu = new EC2Client(
      clientConfig(emulator, { credentials: memberCredentials, region: 'eu-west-1' }),
    );
    // The hub account, another region and another operation are untouched.
    await ec2().send(new DescribeInstancesCommand({}));
    await new EC2Client(clientConfig(emulator, { credentials: memberCredentials })).send(
      new DescribeInstancesCommand({}),
    );
    await memberEu.send(new DescribeVpcsCommand({}));
    expect((await rejectionOf(memberEu.send(new DescribeInstancesCommand({})))).name).toBe(
      'UnauthorizedOperation',
    );
    expect((await rejectionOf(memberEu.send(new DescribeInstancesCommand({})))).name).toBe(
      'UnauthorizedOperation',
    );
    await memberEu.send(new DescribeInstancesCommand({}));
    expect(emulator.stats().faults).toBe(2);
  });

  it('lets the SDK retry through a transient fault', async () => {
    emulator.setFaults([{ service: 'ec2', kind: 'Throttling', times: 1 }]);
    const retrying = new EC2Client(clientConfig(emulator, { maxAttempts: 3 }));
    const out = await retrying.send(new DescribeVpcsCommand({}));
    expect(out.$metadata.attempts).toBe(2);
  });

  it('drops the connection', async () => {
    emulator.setFaults([{ service: 's3', kind: 'DropConnection', times: 1 }]);
    const s3 = new S3Client({ ...clientConfig(emulator), forcePathStyle: true });
    const error = await rejectionOf(s3.send(new ListBucketsCommand({})));
    expect(error.$metadata?.httpStatusCode).toBeUndefined();
    expect((await s3.send(new ListBucketsCommand({}))).Buckets?.length).toBeGreaterThan(0);
  });
});

describe('throttling, latency and stats', () => {
  it('throttles at the configured rate and counts it', async () => {
    const throttled = await startAwsEmulator({
      seed: 62,
      scale: { accounts: 1, regionsPerAccount: 1, resourcesPerRegion: 1 },
      throttleRate: 1,
    });
    try {
      const client = new EC2Client(clientConfig(throttled));
      expect((await rejectionOf(client.send(new DescribeVpcsCommand({})))).name).toBe('RequestLimitExceeded');
      expect(throttled.stats()).toMatchObject({ requests: 1, throttled: 1 });
    } finally {
      await throttled.close();
    }
  });

  it('delays every request by latencyMs', async () => {
    const slow = await startAwsEmulator({
      seed: 63,
      scale: { accounts: 1, regionsPerAccount: 1, resourcesPerRegion: 1 },
      latencyMs: 60,
    });
    try {
      const client = new EC2Client(clientConfig(slow));
      await client.send(new DescribeVpcsCommand({}));
      const start = Date.now();
      await Promise.all([client.send(new DescribeVpcsCommand({})), client.send(new DescribeVpcsCommand({}))]);
      const elapsed = Date.now() - start;
      expect(elapsed).toBeGreaterThanOrEqual(55);
      expect(elapsed).toBeLessThan(1000);
    } finally {
      await slow.close();
    }
  });

  it('counts requests by service and by operation', async () => {
    await ec2().send(new DescribeVpcsCommand({}));
    await ec2().send(new DescribeVpcsCommand({}));
    await new STSClient(clientConfig(emulator)).send(new GetCallerIdentityCommand({}));
    expect(emulator.stats()).toEqual({
      requests: 3,
      byService: { ec2: 2, sts: 1 },
      byOperation: { 'ec2:DescribeVpcs': 2, 'sts:GetCallerIdentity': 1 },
      throttled: 0,
      faults: 0,
    });
  });
});

describe('a changing estate', () => {
  it('serves an account added after start', async () => {
    const account = addGeneratedAccount(emulator.estate, {
      name: 'acme-late-joiner',
      regions: ['us-east-1'],
    });
    const credentials = await assumeAuditRole(emulator, account.id);
    const out = await new EC2Client(clientConfig(emulator, { credentials })).send(
      new DescribeInstancesCommand({}),
    );
    const ids = out.Reservations?.flatMap((r) => r.Instances ?? []).map((i) => i.InstanceId);
    expect(ids).toEqual(account.regions['us-east-1']?.instances.map((i) => i.instanceId));
    const accounts = await new OrganizationsClient(clientConfig(emulator)).send(new ListAccountsCommand({}));
    expect(accounts.Accounts?.map((a) => a.Id)).toContain(account.id);
    const bucket = account.buckets[0]?.name;
    const s3 = new S3Client({ ...clientConfig(emulator, { credentials }), forcePathStyle: true });
    expect((await s3.send(new GetBucketAclCommand({ Bucket: bucket }))).Owner?.ID).toBe(
      account.canonicalUserId,
    );
  });
});
