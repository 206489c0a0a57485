import {
  GetHostedZoneCommand,
  ListHostedZonesCommand,
  ListResourceRecordSetsCommand,
  type ResourceRecordSet,
  Route53Client,
} from '@aws-sdk/client-route-53';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientConfig, rejectionOf } from './sdk-test-support.ts';
import { type AwsEmulator, startAwsEmulator } from './server.ts';

let emulator: AwsEmulator;

beforeAll(async () => {
  emulator = await startAwsEmulator({
    seed: 83,
    scale: { accounts: 2, regionsPerAccount: 2, resourcesPerRegion: 6 },
  });
});
afterAll(() => emulator.close());

const route53 = () => new Route53Client(clientConfig(emulator));
const zones = () => emulator.estate.accounts[0]?.hostedZones ?? [];

describe('Route 53 emulation', () => {
  it('lists hosted zones with Marker, IsTruncated and NextMarker', async () => {
    const ids: string[] = [];
    let Marker: string | undefined;
    let pages = 0;
    do {
      const page = await route53().send(new ListHostedZonesCommand({ MaxItems: 2, Marker }));
      pages++;
      ids.push(...(page.HostedZones ?? []).map((z) => z.Id ?? ''));
      Marker = page.IsTruncated ? page.NextMarker : undefined;
      expect(page.MaxItems).toBe(2);
    } while (Marker);
    expect(ids).toEqual(zones().map((z) => `/hostedzone/${z.id}`));
    expect(pages).toBe(Math.ceil(zones().length / 2));
    const first = await route53().send(new ListHostedZonesCommand({}));
    const zone = zones()[0];
    expect(first.HostedZones?.[0]).toEqual({
      Id: `/hostedzone/${zone?.id}`,
      Name: zone?.name,
      CallerReference: zone?.callerReference,
      Config: { Comment: zone?.comment, PrivateZone: false },
      ResourceRecordSetCount: zone?.recordSets.length,
    });
  });

  it('describes a private zone with its VPCs and a public one with its name servers', async () => {
    const priv = zones().find((z) => z.privateZone);
    const pub = zones().find((z) => !z.privateZone);
    if (!priv || !pub) throw new Error('no private or public zone');
    const p = await route53().send(new GetHostedZoneCommand({ Id: priv.id }));
    expect(p.VPCs).toEqual(priv.vpcs.map((v) => ({ VPCRegion: v.vpcRegion, VPCId: v.vpcId })));
    expect(p.HostedZone?.Config?.PrivateZone).toBe(true);
    const q = await route53().send(new GetHostedZoneCommand({ Id: `/hostedzone/${pub.id}` }));
    expect(q.DelegationSet?.NameServers).toEqual(pub.nameServers.map((n) => n.replace(/\.$/, '')));
  });

  it('pages record sets in Route 53 order with NextRecordName and NextRecordType', async () => {
    const zone = zones()[0];
    if (!zone) throw new Error('no zone');
    const seen: ResourceRecordSet[] = [];
    let start: { StartRecordName?: string; StartRecordType?: ResourceRecordSet['Type'] } = {};
    for (;;) {
      const page = await route53().send(
        new ListResourceRecordSetsCommand({ HostedZoneId: zone.id, MaxItems: 3, ...start }),
      );
      seen.push(...(page.ResourceRecordSets ?? []));
      if (!page.IsTruncated) break;
      start = { StartRecordName: page.NextRecordName, StartRecordType: page.NextRecordType };
    }
    expect(seen).toHaveLength(zone.recordSets.length);
    // The apex comes first (names read from the right label on), its record sets by type.
    expect(seen.slice(0, 2).map((r) => [r.Name, r.Type])).toEqual([
      [zone.name, 'MX'],
      [zone.name, 'NS'],
    ]);
    const alias = seen.find((r) => r.AliasTarget?.DNSName?.includes('.elb.amazonaws.com'));
    expect(alias?.AliasTarget).toMatchObject({ EvaluateTargetHealth: true });
    expect(alias?.TTL).toBeUndefined();
    const a = seen.find((r) => r.Type === 'A' && r.ResourceRecords);
    expect(a?.TTL).toBe(300);
    expect(a?.ResourceRecords?.[0]?.Value).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it('answers NoSuchHostedZone and injected faults as Route 53 does', async () => {
    const missing = await rejectionOf(
      route53().send(new ListResourceRecordSetsCommand({ HostedZoneId: 'Z0NOSUCHZONE' })),
    );
    expect(missing.name).toBe('NoSuchHostedZone');
    expect(missing.$metadata?.httpStatusCode).toBe(404);
    emulator.setFaults([{ service: 'route53', operation: 'ListHostedZones', kind: 'AccessDenied' }]);
    try {
      const denied = await rejectionOf(route53().send(new ListHostedZonesCommand({})));
      expect(denied.name).toBe('AccessDenied');
      expect(denied.message).toContain('route53:ListHostedZones');
    } finally {
      emulator.setFaults([]);
    }
  });
});
