import {
  CloudTrailClient,
  DescribeTrailsCommand,
  GetEventSelectorsCommand,
  GetTrailStatusCommand,
  ListTrailsCommand,
} from '@aws-sdk/client-cloudtrail';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AwsAccount } from './estate-types.ts';
import { assumeAuditRole, clientConfig, rejectionOf } from './sdk-test-support.ts';
import { type AwsEmulator, startAwsEmulator } from './server.ts';

let emulator: AwsEmulator;

beforeAll(async () => {
  emulator = await startAwsEmulator({
    seed: 67,
    scale: { accounts: 3, regionsPerAccount: 2, resourcesPerRegion: 4, suspendedAccounts: 0 },
  });
});
afterAll(() => emulator.close());

const account = (i: number): AwsAccount => {
  const a = emulator.estate.accounts[i];
  if (!a) throw new Error(`no account ${i}`);
  return a;
};
const hub = (region = 'us-east-1') => new CloudTrailClient(clientConfig(emulator, { region }));
const member = async (i: number, region = 'us-east-1') =>
  new CloudTrailClient(
    clientConfig(emulator, { region, credentials: await assumeAuditRole(emulator, account(i).id) }),
  );

describe('CloudTrail emulation', () => {
  it('describes the trails of a region with their home region, shadows included unless asked not to', async () => {
    const management = account(0);
    const all = await hub('eu-west-1').send(new DescribeTrailsCommand({}));
    const byName = new Map((all.trailList ?? []).map((t) => [t.Name, t]));
    // The multi-Region trails homed in us-east-1 show in eu-west-1 as shadows.
    const shadows = management.trails.filter((t) => t.isMultiRegionTrail);
    expect(shadows.length).toBeGreaterThanOrEqual(2);
    for (const t of shadows) expect(byName.get(t.name)?.HomeRegion).toBe('us-east-1');
    const org = management.trails.find((t) => t.isOrganizationTrail);
    expect(byName.get(org?.name)).toMatchObject({
      TrailARN: `arn:aws:cloudtrail:us-east-1:${management.id}:trail/${org?.name}`,
      IsMultiRegionTrail: true,
      IsOrganizationTrail: true,
      IncludeGlobalServiceEvents: true,
      LogFileValidationEnabled: true,
      HasCustomEventSelectors: false,
      HasInsightSelectors: false,
      S3BucketName: org?.s3BucketName,
      KmsKeyId: org?.kmsKeyId,
    });
    expect(org?.kmsKeyId).toMatch(/^arn:aws:kms:us-east-1:\d{12}:key\//);
    const local = await hub('eu-west-1').send(new DescribeTrailsCommand({ includeShadowTrails: false }));
    expect(local.trailList?.map((t) => t.Name)).toEqual(
      management.trails.filter((t) => t.homeRegion === 'eu-west-1').map((t) => t.name),
    );
    expect(local.trailList?.[0]).toMatchObject({ IsMultiRegionTrail: false, HasCustomEventSelectors: true });
    const named = await hub().send(new DescribeTrailsCommand({ trailNameList: [org?.arn ?? ''] }));
    expect(named.trailList?.map((t) => t.Name)).toEqual([org?.name]);
  });

  it("shows the management account's organisation trail to members as a shadow trail", async () => {
    const org = account(0).trails.find((t) => t.isOrganizationTrail);
    const client = await member(1, 'eu-west-1');
    const all = await client.send(new DescribeTrailsCommand({}));
    expect(all.trailList?.map((t) => t.TrailARN)).toContain(org?.arn);
    const own = await client.send(new DescribeTrailsCommand({ includeShadowTrails: false }));
    expect(own.trailList?.map((t) => t.TrailARN)).not.toContain(org?.arn);
    expect(own.trailList?.every((t) => t.TrailARN?.includes(`:${account(1).id}:`))).toBe(true);
    // A shadow trail is read by its ARN.
    const status = await client.send(new GetTrailStatusCommand({ Name: org?.arn }));
    expect(status.IsLogging).toBe(org?.isLogging);
  });

  it('lists trails with their home region', async () => {
    const listed = await hub('eu-west-1').send(new ListTrailsCommand({}));
    const described = await hub('eu-west-1').send(new DescribeTrailsCommand({}));
    expect(listed.Trails).toEqual(
      described.trailList?.map((t) => ({ TrailARN: t.TrailARN, Name: t.Name, HomeRegion: t.HomeRegion })),
    );
    expect(listed.NextToken).toBeUndefined();
  });

  it('answers the logging status of a running and of a stopped trail', async () => {
    const management = account(0);
    const running = management.trails.find((t) => t.isLogging && t.homeRegion === 'us-east-1');
    const stopped = management.trails.find((t) => !t.isLogging);
    if (!running || !stopped) throw new Error('the seeded estate has a running and a stopped trail');
    const on = await hub().send(new GetTrailStatusCommand({ Name: running.name }));
    expect(on.IsLogging).toBe(true);
    expect(on.LatestDeliveryTime).toEqual(new Date(running.latestDeliveryTime ?? ''));
    expect(on.StartLoggingTime).toEqual(new Date(running.startLoggingTime ?? ''));
    expect(on.StopLoggingTime).toBeUndefined();
    const off = await hub().send(new GetTrailStatusCommand({ Name: stopped.arn }));
    expect(off.IsLogging).toBe(false);
    expect(off.StopLoggingTime).toEqual(new Date(stopped.stopLoggingTime ?? ''));
    expect(off.TimeLoggingStopped).toBe(stopped.stopLoggingTime);
  });

  it('returns basic or advanced event selectors, as the trail has them', async () => {
    const management = account(0);
    const basic = management.trails.find((t) => t.name.endsWith('-data-events-us-east-1'));
    const advanced = management.trails.find((t) => t.name.endsWith('-data-events-eu-west-1'));
    const a = await hub().send(new GetEventSelectorsCommand({ TrailName: basic?.arn }));
    expect(a).toMatchObject({
      TrailARN: basic?.arn,
      EventSelectors: [
        {
          ReadWriteType: 'WriteOnly',
          IncludeManagementEvents: false,
          DataResources: [{ Type: 'AWS::S3::Object', Values: [`arn:aws:s3:::${basic?.s3BucketName}/`] }],
          ExcludeManagementEventSources: [],
        },
      ],
    });
    expect(a.AdvancedEventSelectors).toBeUndefined();
    const b = await hub('eu-west-1').send(new GetEventSelectorsCommand({ TrailName: advanced?.name }));
    expect(b.EventSelectors).toBeUndefined();
    expect(b.AdvancedEventSelectors).toEqual([
      {
        Name: 'S3 data events',
        FieldSelectors: [
          { Field: 'eventCategory', Equals: ['Data'] },
          { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
        ],
      },
    ]);
  });

  it('answers CloudTrail errors: unknown trails, names that are not valid, shadows by name, bad tokens', async () => {
    const missing = await rejectionOf(hub().send(new GetTrailStatusCommand({ Name: 'no-such-trail' })));
    expect(missing.name).toBe('TrailNotFoundException');
    expect(missing.$metadata?.httpStatusCode).toBe(400);
    const invalid = await rejectionOf(hub().send(new GetEventSelectorsCommand({ TrailName: 'bad name!' })));
    expect(invalid.name).toBe('InvalidTrailNameException');
    const arn = await rejectionOf(hub().send(new GetTrailStatusCommand({ Name: 'arn:aws:cloudtrail:nope' })));
    expect(arn.name).toBe('CloudTrailARNInvalidException');
    // A shadow trail must be named by its ARN.
    const org = account(0).trails.find((t) => t.isOrganizationTrail);
    const shadow = await rejectionOf(hub('eu-west-1').send(new GetTrailStatusCommand({ Name: org?.name })));
    expect(shadow.name).toBe('TrailNotFoundException');
    const token = await rejectionOf(hub().send(new ListTrailsCommand({ NextToken: 'bogus' })));
    expect(token.name).toBe('InvalidNextTokenException');
  });

  it('routes by the X-Amz-Target of an unsigned request and asks for a signature', async () => {
    const res = await fetch(emulator.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.DescribeTrails',
      },
      body: '{}',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
  });
});
