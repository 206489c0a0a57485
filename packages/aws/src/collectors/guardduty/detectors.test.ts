import { type Finding, GetFindingsCommand, GuardDutyClient } from '@aws-sdk/client-guardduty';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientConfig } from '../../emulator/sdk-test-support.ts';
import { type AwsEmulator, startAwsEmulator } from '../../emulator/server.ts';
import { severityLabel, transformDetectors, transformFindings } from './detectors.ts';

const where = { accountId: '111122223333', region: 'us-east-2' };

/** A GetFindings finding from the API reference's example (an access key used from outside AWS). */
const accessKeyFinding: Finding = {
  AccountId: '111122223333',
  Arn: 'arn:aws:guardduty:us-east-2:111122223333:detector/12abc34d567e8fa901bc2d34e56789f0/finding/1ab2',
  CreatedAt: '2024-05-01T10:00:00.000Z',
  Id: '1ab2',
  Region: 'us-east-2',
  SchemaVersion: '2.0',
  Severity: 8,
  Type: 'UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS',
  Title: 'Credentials for an EC2 instance used from an external IP address.',
  UpdatedAt: '2024-05-02T10:00:00.000Z',
  Resource: {
    ResourceType: 'AccessKey',
    AccessKeyDetails: {
      AccessKeyId: 'ASIAEXAMPLE',
      PrincipalId: 'AROAEXAMPLEROLE:i-0abc',
      UserName: 'ec2-app-role',
      UserType: 'AssumedRole',
    },
  },
  Service: {
    Archived: false,
    Count: 3,
    DetectorId: '12abc34d567e8fa901bc2d34e56789f0',
    ResourceRole: 'TARGET',
    ServiceName: 'guardduty',
    AdditionalInfo: { Value: '{"sample":true}', Type: 'default' },
    Action: {
      ActionType: 'AWS_API_CALL',
      AwsApiCallAction: {
        Api: 'ListBuckets',
        ServiceName: 's3.amazonaws.com',
        CallerType: 'Remote IP',
        RemoteIpDetails: { IpAddressV4: '198.51.100.7', GeoLocation: { Lat: 52.37, Lon: 4.89 } },
        RemoteAccountDetails: { AccountId: '444455556666', Affiliated: false },
      },
    },
  },
};

let emulator: AwsEmulator;
beforeAll(async () => {
  emulator = await startAwsEmulator({ seed: 23, scale: { accounts: 2, regionsPerAccount: 1 } });
});
afterAll(() => emulator.close());

describe('GuardDuty transforms', () => {
  it('bands severities as Cartography does', () => {
    expect([1, 3.9, 4, 6.9, 7, 8.9, 9, 10, 0.5, undefined].map(severityLabel)).toEqual([
      'low',
      'low',
      'medium',
      'medium',
      'high',
      'high',
      'critical',
      'critical',
      undefined,
      undefined,
    ]);
  });

  it('writes a coverage row per region, with or without a detector', () => {
    const [, none] = transformDetectors({ detectors: [] }, where);
    expect(none?.rows).toEqual([
      {
        id: '111122223333:us-east-2',
        accountid: '111122223333',
        region: 'us-east-2',
        enabled: false,
        status: 'NOT_ENABLED',
        detector_ids: [],
      },
    ]);
    const [detectors, status] = transformDetectors(
      {
        detectors: [
          {
            id: 'd1',
            detector: {
              Status: 'DISABLED',
              ServiceRole: 'arn:aws:iam::111122223333:role/aws-service-role/guardduty.amazonaws.com/x',
              CreatedAt: '2024-01-01T00:00:00.000Z',
              FindingPublishingFrequency: 'SIX_HOURS',
              Features: [
                { Name: 'S3_DATA_EVENTS', Status: 'ENABLED' },
                { Name: 'EKS_AUDIT_LOGS', Status: 'DISABLED' },
              ],
            },
          },
        ],
      },
      where,
    );
    expect(detectors?.rows[0]).toMatchObject({
      id: 'd1',
      status: 'DISABLED',
      findingpublishingfrequency: 'SIX_HOURS',
      createdat: '2024-01-01T00:00:00.000Z',
      enabled_features: ['S3_DATA_EVENTS'],
      accountid: '111122223333',
      region: 'us-east-2',
    });
    expect(status?.rows[0]).toMatchObject({ enabled: false, status: 'DISABLED', detector_ids: ['d1'] });
  });

  it("names an assumed role's key by role id, and the remote account, as Cartography does", () => {
    const [load] = transformFindings({ findings: [accessKeyFinding] }, where);
    expect(load?.rows[0]).toMatchObject({
      id: '1ab2',
      severity: 8,
      severity_label: 'high',
      resource_type: 'AccessKey',
      access_key_id: 'ASIAEXAMPLE',
      principal_role_id: 'AROAEXAMPLEROLE',
      principal_user_id: undefined,
      sample: true,
      service_action_type: 'AWS_API_CALL',
      api_call_name: 'ListBuckets',
      api_call_remote_ip: '198.51.100.7',
      api_call_remote_lat: 52.37,
      api_call_remote_account_id: '444455556666',
      api_call_remote_account_affiliated: false,
      detector: '12abc34d567e8fa901bc2d34e56789f0',
      accessKey: 'ASIAEXAMPLE',
      role: 'AROAEXAMPLEROLE',
      remoteAccount: '444455556666',
    });
  });

  it('links the findings the emulator returns through the real client to what they name', async () => {
    const detector = emulator.estate.accounts[0]?.regions['us-east-1']?.guardDutyDetectors[0];
    if (!detector) throw new Error('no detector');
    const client = new GuardDutyClient(clientConfig(emulator));
    const out = await client.send(
      new GetFindingsCommand({
        DetectorId: detector.detectorId,
        FindingIds: detector.findings.map((f) => f.id),
      }),
    );
    const [load] = transformFindings({ findings: out.Findings ?? [] }, where);
    const rows = load?.rows ?? [];
    expect(rows).toHaveLength(detector.findings.length);
    for (const f of detector.findings) {
      const row = rows.find((r) => r.id === f.id);
      const r = f.resource;
      if (r.resourceType === 'Instance')
        expect(row).toMatchObject({ resource_id: r.instanceId, instance: r.instanceId });
      if (r.resourceType === 'S3Bucket')
        expect(row).toMatchObject({ resource_id: r.bucketName, bucket: r.bucketName });
      if (r.resourceType === 'AccessKey')
        expect(row).toMatchObject({
          accessKey: r.accessKeyId,
          user: r.principalId,
          principal_user_id: r.principalId,
        });
      if (r.resourceType === 'EKSCluster') expect(row).toMatchObject({ eksCluster: r.clusterArn });
      expect(row).toMatchObject({
        severity: f.severity,
        detector: detector.detectorId,
        archived: f.archived,
      });
    }
  });
});
