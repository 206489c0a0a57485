import { describe, expect, it } from 'vitest';
import {
  normaliseAliasTarget,
  recordRow,
  transformDelegations,
  transformZone,
  type ZonePage,
} from './zones.ts';

const ZONE = '/hostedzone/Z1D633PJN98FT9';
const SUB = '/hostedzone/Z0SUBZONE0000000001';
const ELB = 'web-123456789.us-east-1.elb.amazonaws.com';

/** ListHostedZones and ListResourceRecordSets answers (Route 53 API reference shapes). */
const parent: ZonePage = {
  zone: {
    Id: ZONE,
    Name: 'example.com.',
    CallerReference: 'r1',
    Config: { Comment: 'public', PrivateZone: false },
  },
  recordSets: [
    { Name: 'example.com.', Type: 'NS', TTL: 172800, ResourceRecords: [{ Value: 'ns-1.awsdns-01.org.' }] },
    {
      Name: 'example.com.',
      Type: 'SOA',
      TTL: 900,
      ResourceRecords: [{ Value: 'ns-1.awsdns-01.org. x 1 7200 900 1209600 86400' }],
    },
    { Name: 'dev.example.com.', Type: 'NS', TTL: 300, ResourceRecords: [{ Value: 'ns-2.awsdns-02.net.' }] },
    {
      Name: 'app.example.com.',
      Type: 'A',
      AliasTarget: {
        HostedZoneId: 'Z35SXDOTRQ7X7K',
        DNSName: `dualstack.${ELB.toUpperCase()}.`,
        EvaluateTargetHealth: true,
      },
    },
    {
      Name: 'ip.example.com.',
      Type: 'A',
      TTL: 300,
      ResourceRecords: [{ Value: '54.1.2.3' }, { Value: '54.1.2.4' }],
    },
    {
      Name: 'www.example.com.',
      Type: 'CNAME',
      TTL: 300,
      ResourceRecords: [{ Value: 'Dualstack.Other.Example.Net.' }],
    },
    { Name: 'example.com.', Type: 'MX', TTL: 300, ResourceRecords: [{ Value: '10 mail.example.com' }] },
  ],
};
const child: ZonePage = {
  zone: { Id: SUB, Name: 'dev.example.com.', CallerReference: 'r2', Config: { PrivateZone: false } },
  recordSets: [{ Name: 'dev.example.com.', Type: 'NS', ResourceRecords: [{ Value: 'ns-2.awsdns-02.net' }] }],
};

describe('Route 53 transforms', () => {
  it("normalises targets as Cartography does: lowercase, no root dot, no load balancer's dualstack.", () => {
    expect(normaliseAliasTarget(`dualstack.${ELB}.`)).toBe(ELB);
    expect(normaliseAliasTarget('dualstack.other.example.net.')).toBe('dualstack.other.example.net');
  });

  it('writes the zone and its A/AAAA/CNAME/alias records with Cartography ids', () => {
    const [zones, , records] = transformZone(parent);
    expect(zones.rows).toEqual([
      { id: ZONE, zoneid: ZONE, name: 'example.com', comment: 'public', privatezone: false },
    ]);
    const byId = new Map(records.rows.map((r) => [r.id, r]));
    expect([...byId.keys()]).toEqual([
      `${ZONE}/app.example.com/ALIAS`,
      `${ZONE}/ip.example.com/A`,
      `${ZONE}/www.example.com/CNAME`,
    ]);
    expect(byId.get(`${ZONE}/app.example.com/ALIAS`)).toMatchObject({
      type: 'ALIAS',
      value: ELB,
      loadBalancerV2: ELB,
      zone: ZONE,
    });
    expect(byId.get(`${ZONE}/ip.example.com/A`)).toMatchObject({
      type: 'A',
      value: '54.1.2.3,54.1.2.4',
      ips: ['54.1.2.3', '54.1.2.4'],
    });
    expect(byId.get(`${ZONE}/www.example.com/CNAME`)?.value).toBe('dualstack.other.example.net');
  });

  it('keys a weighted CNAME alias apart from a plain CNAME', () => {
    const row = recordRow(
      {
        Name: 'w.example.com.',
        Type: 'CNAME',
        SetIdentifier: 'a',
        AliasTarget: { HostedZoneId: 'Z', DNSName: 'x.example.com.', EvaluateTargetHealth: false },
      },
      ZONE,
    );
    expect(row?.id).toBe(`${ZONE}/w.example.com/WEIGHTED_CNAME`);
  });

  it('writes NS records and name servers after every zone, each server under the zone that serves it', () => {
    const [servers, records, zones] = transformDelegations([parent, child]);
    expect(servers.rows).toEqual([
      { id: 'ns-1.awsdns-01.org', name: 'ns-1.awsdns-01.org', zoneid: ZONE, zone: ZONE },
      // Named by the parent's delegation and by the subzone's apex: the subzone's.
      { id: 'ns-2.awsdns-02.net', name: 'ns-2.awsdns-02.net', zoneid: SUB, zone: SUB },
    ]);
    expect(records.rows.map((r) => [r.id, r.value, r.nameServers])).toEqual([
      [`${ZONE}/example.com/NS`, 'example.com', ['ns-1.awsdns-01.org']],
      [`${ZONE}/dev.example.com/NS`, 'dev.example.com', ['ns-2.awsdns-02.net']],
      [`${SUB}/dev.example.com/NS`, 'dev.example.com', ['ns-2.awsdns-02.net']],
    ]);
    // The parent delegates dev. to the subzone's name servers.
    expect(zones.rows).toEqual([
      { id: ZONE, zoneid: ZONE, name: 'example.com', comment: 'public', privatezone: false, subzones: [SUB] },
    ]);
  });

  it("does not write a private zone's name servers", () => {
    const privateZone: ZonePage = {
      zone: {
        Id: '/hostedzone/Z0PRIVATE',
        Name: 'internal.',
        CallerReference: 'r3',
        Config: { PrivateZone: true },
      },
      recordSets: [{ Name: 'internal.', Type: 'NS', ResourceRecords: [{ Value: 'ns-0.awsdns-00.com.' }] }],
    };
    const [servers, records] = transformDelegations([privateZone]);
    expect(servers.rows).toEqual([]);
    expect(records.rows).toMatchObject([{ id: '/hostedzone/Z0PRIVATE/internal/NS', nameServers: [] }]);
  });
});
