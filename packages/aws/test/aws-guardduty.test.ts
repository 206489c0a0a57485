import type { GenerateAwsEstateOptions } from '@skygraph/aws/emulator';
import { describe, expect, it } from 'vitest';
import { MAX_FINDINGS_PER_DETECTOR } from '../src/collectors/guardduty/detectors.ts';
import { activeMembers, expectGraphMatchesEstate } from './estate-expectations.ts';
import { count, testEstate, useEmulatedAws } from './sync-helpers.ts';

describe('AWS GuardDuty', () => {
  // Each test sizes its own estate.
  const aws = useEmulatedAws({ estate: false });

  const start = (options: GenerateAwsEstateOptions) => aws.serve(testEstate({ seed: 71, ...options }));

  it('writes detectors, coverage and active findings linked to what they name, under Cartography names', async () => {
    await start({ accounts: 4, regionsPerAccount: 2 });
    const { result } = await aws.sync();
    expect(result.errors).toEqual([]);
    expect(result.status).toBe('success');
    await expectGraphMatchesEstate(aws.store, aws.estate);

    const [security, logArchive] = activeMembers(aws.estate).slice(1);
    if (!security || !logArchive) throw new Error('aws.estate too small');
    // The seeded gaps: no detector in log-archive's last region, a suspended one in security's.
    const coverage = await aws.store.read(
      `MATCH (:AWSAccount)-[:RESOURCE]->(s:AWSGuardDutyRegionStatus) WHERE NOT s.enabled
       RETURN s.accountid AS account, s.region AS region, s.status AS status ORDER BY status`,
    );
    expect(coverage).toEqual([
      { account: security.id, region: 'eu-west-1', status: 'DISABLED' },
      { account: logArchive.id, region: 'eu-west-1', status: 'NOT_ENABLED' },
    ]);
    const [detector] = await aws.store.read(
      `MATCH (:AWSAccount {id: $account})-[:RESOURCE]->(d:AWSGuardDutyDetector:GuardDutyDetector {region: 'eu-west-1'})
       RETURN d.status AS status, d.findingpublishingfrequency AS frequency, d.enabled_features AS features`,
      { account: security.id },
    );
    expect(detector).toMatchObject({ status: 'DISABLED', features: [] });

    // Every active finding is detected by its detector; the seeded high ones name an instance, a bucket, a key and its user.
    const management = aws.estate.accounts[0];
    const region = management?.regions['us-east-1'];
    const gd = region?.guardDutyDetectors[0];
    if (!management || !gd) throw new Error('no management detector');
    expect(
      await count(
        aws.store,
        `MATCH (:AWSAccount {id: $account})-[:RESOURCE]->(f:AWSGuardDutyFinding:GuardDutyFinding:Risk:SecurityIssue)
           -[:DETECTED_BY]->(:AWSGuardDutyDetector {id: $detector})
         RETURN count(f) AS c`,
        { account: management.id, detector: gd.detectorId },
      ),
    ).toBe(gd.findings.filter((f) => !f.archived).length);
    const affected = await aws.store.read(
      `MATCH (f:AWSGuardDutyFinding {accountid: $account, region: 'us-east-1'})-[:AFFECTS]->(n)
       WHERE f.severity >= 7
       RETURN f.type AS type, f.severity_label AS band, labels(n) AS labels ORDER BY type, band`,
      { account: management.id },
    );
    const kinds = (label: string) => affected.filter((r) => (r.labels as string[]).includes(label)).length;
    expect(kinds('AWSEC2Instance')).toBe(1);
    expect(kinds('AWSS3Bucket')).toBe(2);
    expect(kinds('AWSAccountAccessKey')).toBe(1);
    expect(kinds('AWSUser')).toBe(1);
    expect(affected.some((r) => r.band === 'critical')).toBe(true);
    // The archived finding on the instance is left out.
    const archived = gd.findings.find((f) => f.archived);
    expect(
      await count(aws.store, 'MATCH (f:AWSGuardDutyFinding {id: $id}) RETURN count(f) AS c', {
        id: archived?.id,
      }),
    ).toBe(0);

    // The requests GuardDuty costs: per account-region, one ListDetectors, one GetDetector per detector,
    // one ListFindings page per 50 active findings and one GetFindings per 50.
    const stats = aws.emulator.stats().byOperation ?? {};
    const regions = activeMembers(aws.estate).flatMap((a) => Object.values(a.regions));
    const detectors = regions.flatMap((r) => r.guardDutyDetectors);
    const batches = detectors.reduce(
      (n, d) => n + Math.ceil(d.findings.filter((f) => !f.archived).length / 50),
      0,
    );
    expect(stats['guardduty:ListDetectors']).toBe(regions.length);
    expect(stats['guardduty:GetDetector']).toBe(detectors.length);
    expect(stats['guardduty:ListFindings']).toBe(detectors.length);
    expect(stats['guardduty:GetFindings']).toBe(batches);
  });

  it('reports a region where GuardDuty is denied with one warning and syncs the rest', async () => {
    await start({ accounts: 3, regionsPerAccount: 2 });
    const [, member] = activeMembers(aws.estate);
    if (!member) throw new Error('no member');
    aws.emulator.setFaults([
      {
        service: 'guardduty',
        account: member.id,
        region: 'eu-west-1',
        operation: 'ListDetectors',
        kind: 'AccessDenied',
      },
    ]);
    const { result, warnings } = await aws.sync({ awsServices: ['guardduty'] });
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({
      scope: `aws/${member.id}/eu-west-1`,
      collector: 'guardduty:detectors',
      code: 'ACCESS_DENIED',
    });
    expect(
      warnings.filter((w) => w.collector === 'guardduty:detectors' || w.msg.includes('collector failed')),
    ).toHaveLength(1);
    // Nothing is claimed about the denied region; the other regions are written.
    expect(
      await count(
        aws.store,
        'MATCH (s:AWSGuardDutyRegionStatus {accountid: $account}) RETURN count(s) AS c',
        {
          account: member.id,
        },
      ),
    ).toBe(1);
    expect(await count(aws.store, 'MATCH (s:AWSGuardDutyRegionStatus) RETURN count(s) AS c')).toBe(
      activeMembers(aws.estate).reduce((n, a) => n + a.enabledRegions.length, 0) - 1,
    );
  });

  it('reads at most the cap of active findings per detector, most severe first, with a warning', async () => {
    await start({
      accounts: 2,
      regionsPerAccount: 1,
      resourcesPerRegion: 2,
      counts: { guardDutyFindings: MAX_FINDINGS_PER_DETECTOR + 30 },
    });
    const { result, warnings } = await aws.sync({ awsServices: ['guardduty'] });
    expect(result.status).toBe('success');
    const capped = warnings.filter((w) => w.msg.includes('more active findings than are read'));
    // The second account's only region has the seeded suspended detector, without findings.
    expect(capped).toHaveLength(1);
    const [member] = activeMembers(aws.estate);
    const findings = member?.regions['us-east-1']?.guardDutyDetectors[0]?.findings ?? [];
    const highest = Math.max(...findings.filter((f) => !f.archived).map((f) => f.severity));
    expect(
      await count(aws.store, 'MATCH (f:AWSGuardDutyFinding {accountid: $account}) RETURN count(f) AS c', {
        account: member?.id,
      }),
    ).toBe(MAX_FINDINGS_PER_DETECTOR);
    const [top] = await aws.store.read(
      'MATCH (f:AWSGuardDutyFinding {accountid: $account}) RETURN max(f.severity) AS s',
      { account: member?.id },
    );
    expect(top?.s).toBe(highest);
  });
});
