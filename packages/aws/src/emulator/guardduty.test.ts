import {
  GetDetectorCommand,
  GetFindingsCommand,
  GuardDutyClient,
  ListDetectorsCommand,
  ListFindingsCommand,
  paginateListFindings,
} from '@aws-sdk/client-guardduty';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AwsGuardDutyDetector } from './estate-types.ts';
import { guardDutyOperation } from './guardduty-handler.ts';
import { assumeAuditRole, clientConfig, rejectionOf } from './sdk-test-support.ts';
import { type AwsEmulator, startAwsEmulator } from './server.ts';

let emulator: AwsEmulator;

beforeAll(async () => {
  emulator = await startAwsEmulator({
    seed: 17,
    scale: { accounts: 4, regionsPerAccount: 2, resourcesPerRegion: 6, counts: { guardDutyFindings: 7 } },
  });
});
afterAll(() => emulator.close());

const guardduty = (region = 'us-east-1') => new GuardDutyClient(clientConfig(emulator, { region }));
const hubDetector = (): AwsGuardDutyDetector => {
  const detector = emulator.estate.accounts[0]?.regions['us-east-1']?.guardDutyDetectors[0];
  if (!detector) throw new Error('no hub detector');
  return detector;
};
const ACTIVE = { Criterion: { 'service.archived': { Equals: ['false'] } } };

describe('GuardDuty emulation', () => {
  it('routes the REST paths to their operations', () => {
    const url = (path: string) => new URL(path, 'http://emulator.local');
    expect(guardDutyOperation('GET', url('/detector'))).toBe('ListDetectors');
    expect(guardDutyOperation('GET', url('/detector/abc'))).toBe('GetDetector');
    expect(guardDutyOperation('POST', url('/detector/abc/findings'))).toBe('ListFindings');
    expect(guardDutyOperation('POST', url('/detector/abc/findings/get'))).toBe('GetFindings');
    expect(guardDutyOperation('GET', url('/detector/abc/findings'))).toBe('');
  });

  it('lists the region detector and describes it with its features', async () => {
    const detector = hubDetector();
    const listed = await guardduty().send(new ListDetectorsCommand({}));
    expect(listed.DetectorIds).toEqual([detector.detectorId]);
    const got = await guardduty().send(new GetDetectorCommand({ DetectorId: detector.detectorId }));
    expect(got.Status).toBe('ENABLED');
    expect(got.ServiceRole).toBe(detector.serviceRole);
    expect(got.FindingPublishingFrequency).toBe(detector.findingPublishingFrequency);
    expect(got.Features?.map((f) => f.Name)).toContain('S3_DATA_EVENTS');
    expect(got.Features?.[0]?.UpdatedAt).toBeInstanceOf(Date);
    expect(got.Tags).toEqual({ 'managed-by': 'security' });
  });

  it('answers BadRequestException for a detector of another account or region', async () => {
    const error = await rejectionOf(
      guardduty('eu-west-1').send(new GetDetectorCommand({ DetectorId: hubDetector().detectorId })),
    );
    expect(error.name).toBe('BadRequestException');
    expect(error.$metadata?.httpStatusCode).toBe(400);
  });

  it('filters findings by criteria and pages them with maxResults and nextToken', async () => {
    const detector = hubDetector();
    const ids: string[] = [];
    let pages = 0;
    for await (const page of paginateListFindings(
      { client: guardduty() },
      { DetectorId: detector.detectorId, FindingCriteria: ACTIVE, MaxResults: 3 },
    )) {
      pages++;
      ids.push(...(page.FindingIds ?? []));
    }
    const active = detector.findings.filter((f) => !f.archived);
    expect(ids).toEqual(active.map((f) => f.id));
    expect(pages).toBe(Math.ceil(active.length / 3));
    expect(detector.findings.some((f) => f.archived)).toBe(true);
    const high = await guardduty().send(
      new ListFindingsCommand({
        DetectorId: detector.detectorId,
        FindingCriteria: { Criterion: { severity: { GreaterThanOrEqual: 7 } } },
      }),
    );
    expect(high.FindingIds).toEqual(detector.findings.filter((f) => f.severity >= 7).map((f) => f.id));
    const bad = await rejectionOf(
      guardduty().send(new ListFindingsCommand({ DetectorId: detector.detectorId, MaxResults: 51 })),
    );
    expect(bad.name).toBe('BadRequestException');
  });

  it('returns findings with the documented shape, at most 50 ids a call', async () => {
    const detector = hubDetector();
    const ids = detector.findings.map((f) => f.id);
    const got = await guardduty().send(
      new GetFindingsCommand({ DetectorId: detector.detectorId, FindingIds: [...ids, 'f'.repeat(32)] }),
    );
    expect(got.Findings?.map((f) => f.Id)).toEqual(ids);
    const instance = got.Findings?.find((f) => f.Resource?.ResourceType === 'Instance');
    expect(instance?.Resource?.InstanceDetails?.InstanceId).toMatch(/^i-0/);
    expect(instance?.Service?.DetectorId).toBe(detector.detectorId);
    expect(instance?.Arn).toContain(`:detector/${detector.detectorId}/finding/`);
    const key = got.Findings?.find(
      (f) => f.Resource?.ResourceType === 'AccessKey' && f.Severity && f.Severity >= 7,
    );
    expect(key?.Resource?.AccessKeyDetails?.UserType).toBe('IAMUser');
    expect(key?.Service?.Action?.AwsApiCallAction?.RemoteAccountDetails?.AccountId).toBe(
      emulator.estate.accounts.at(-1)?.id,
    );
    const tooMany = await rejectionOf(
      guardduty().send(
        new GetFindingsCommand({
          DetectorId: detector.detectorId,
          FindingIds: Array.from({ length: 51 }, (_, i) => String(i)),
        }),
      ),
    );
    expect(tooMany.name).toBe('BadRequestException');
  });

  it('seeds a region without GuardDuty and a suspended detector', async () => {
    const [, second, third] = emulator.estate.accounts;
    if (!second || !third) throw new Error('estate too small');
    const thirdCredentials = await assumeAuditRole(emulator, third.id);
    const none = await new GuardDutyClient(
      clientConfig(emulator, { region: 'eu-west-1', credentials: thirdCredentials }),
    ).send(new ListDetectorsCommand({}));
    expect(none.DetectorIds).toEqual([]);
    const suspended = second.regions['eu-west-1']?.guardDutyDetectors[0];
    expect(suspended?.status).toBe('DISABLED');
    expect(suspended?.findings).toEqual([]);
  });

  it('answers injected faults in the REST-JSON error format', async () => {
    emulator.setFaults([
      { service: 'guardduty', operation: 'ListDetectors', kind: 'AccessDenied', times: 1 },
    ]);
    const denied = await rejectionOf(guardduty().send(new ListDetectorsCommand({})));
    expect(denied.name).toBe('AccessDeniedException');
    expect(denied.$metadata?.httpStatusCode).toBe(403);
    emulator.setFaults([{ service: 'guardduty', kind: 'InternalError', times: 1 }]);
    const internal = await rejectionOf(guardduty().send(new ListDetectorsCommand({})));
    expect(internal.name).toBe('InternalServerErrorException');
    emulator.setFaults([]);
    expect(emulator.stats().byOperation['guardduty:ListDetectors']).toBeGreaterThan(0);
  });
});
