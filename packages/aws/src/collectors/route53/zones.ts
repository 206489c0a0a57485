import {
  type HostedZone,
  ListHostedZonesCommand,
  ListResourceRecordSetsCommand,
  type ListResourceRecordSetsCommandOutput,
  type ResourceRecordSet,
  type Route53Client,
} from '@aws-sdk/client-route-53';
import { type CollectContext, defineCollector, load, type NodeRow } from '@skygraph/core';
import { streamWith } from '../../aws-clients.ts';
import type { AwsScopeContext } from '../../aws-context.ts';
import { paginate, requestSignal } from '../../paging.ts';
import { AWSDNSRecord, AWSDNSZone, AWSNameServer } from '../../schema/route53.ts';
import { present } from '../where.ts';

/** One hosted zone with its record sets. */
export interface ZonePage {
  zone: HostedZone;
  recordSets: ResourceRecordSet[];
}

/** A page of the collector: a zone with its records, then (after every zone) the delegations between them. */
export type Route53Page = ZonePage | { delegations: ZonePage[] };

// ELB host names live under AWS's own domains: only there is `dualstack.` an alias artefact.
const ELB_SUFFIXES = ['.elb.amazonaws.com', '.elb.amazonaws.com.cn'];

const withoutDot = (name: string) => (name.endsWith('.') ? name.slice(0, -1) : name);

/** A host name as record targets are matched: lowercased, without the root dot. */
export const normaliseTarget = (value: string) => withoutDot(value).toLowerCase();

/** An alias target, also without the `dualstack.` Route 53 puts before a load balancer's name. */
export function normaliseAliasTarget(value: string): string {
  const target = normaliseTarget(value);
  const bare = target.replace(/^dualstack\./, '');
  return bare !== target && ELB_SUFFIXES.some((s) => bare.endsWith(s)) ? bare : target;
}

const recordId = (zoneId: string, name: string, type: string) => `${zoneId}/${name}/${type}`;

type RecordRow = NodeRow<typeof AWSDNSRecord>;

/** The links of a record naming a host: Cartography matches every kind of node by the value. */
function hostRecord(zoneId: string, name: string, idType: string, type: string, value: string): RecordRow {
  return {
    id: recordId(zoneId, name, idType),
    name,
    type,
    value,
    zone: zoneId,
    instance: value,
    loadBalancer: value,
    loadBalancerV2: value,
    esDomain: value,
    record: value,
  };
}

/** The row of an A, AAAA or CNAME record set (as Cartography's transform_record_set); other types give none. */
export function recordRow(rs: ResourceRecordSet, zoneId: string): RecordRow | undefined {
  if (!rs.Name || !rs.Type) return undefined;
  const name = withoutDot(rs.Name);
  const alias = rs.AliasTarget?.DNSName;
  if (rs.Type === 'CNAME') {
    if (alias) return hostRecord(zoneId, name, 'WEIGHTED_CNAME', 'CNAME', normaliseAliasTarget(alias));
    const value = rs.ResourceRecords?.[0]?.Value;
    return value ? hostRecord(zoneId, name, 'CNAME', 'CNAME', normaliseTarget(value)) : undefined;
  }
  if (rs.Type === 'A' || rs.Type === 'AAAA') {
    if (alias) {
      return hostRecord(
        zoneId,
        name,
        rs.Type === 'A' ? 'ALIAS' : 'ALIAS_AAAA',
        'ALIAS',
        normaliseAliasTarget(alias),
      );
    }
    const ips = present((rs.ResourceRecords ?? []).map((r) => r.Value));
    const value = ips.join(',');
    return {
      id: recordId(zoneId, name, rs.Type),
      name,
      type: rs.Type,
      value,
      zone: zoneId,
      ips,
      elasticIp: value,
    };
  }
  return undefined;
}

/** The name servers of an NS record set, without the root dot. */
const serversOf = (rs: ResourceRecordSet) =>
  present((rs.ResourceRecords ?? []).map((r) => r.Value)).map(withoutDot);

/** The zone and its A, AAAA, CNAME and alias records; NS records wait for every zone (see transformDelegations). */
export function transformZone(page: ZonePage) {
  const { zone } = page;
  const zoneId = zone.Id ?? '';
  const records: RecordRow[] = [];
  // A zone without an id (never seen) gives no rows.
  for (const rs of zoneId ? page.recordSets : []) {
    const row = recordRow(rs, zoneId);
    if (row) records.push(row);
  }
  return [
    load(AWSDNSZone, zoneId && zone.Name ? [zoneRow(zone, zoneId, zone.Name)] : []),
    // None yet, but named here: the runner writes a batch's schemas in the order it first saw them,
    // and the NS records of the last page must find their name servers written before them.
    load(AWSNameServer, []),
    load(AWSDNSRecord, records),
  ] as const;
}

function zoneRow(
  zone: HostedZone,
  zoneId: string,
  name: string,
  subzones?: string[],
): NodeRow<typeof AWSDNSZone> {
  return {
    id: zoneId,
    zoneid: zoneId,
    name: withoutDot(name),
    comment: zone.Config?.Comment,
    privatezone: zone.Config?.PrivateZone ?? false,
    ...(subzones ? { subzones } : {}),
  };
}

/** A zone with its NS record sets. */
interface NsRecords {
  zone: HostedZone & { Id: string; Name: string };
  ns: ResourceRecordSet[];
}

/**
 * The name servers of the public zones, each under the zone that serves it
 * (whose apex NS record names it; a server only a delegation names, under the
 * delegating zone), so that a server named by a parent's delegation and by
 * its subzone is written once, alike at every sync. A private zone's name
 * servers are the same for every private zone of every account and delegate
 * nothing: they are not written.
 */
function nameServerRows(zones: readonly NsRecords[]): NodeRow<typeof AWSNameServer>[] {
  const servers = new Map<string, string>();
  const isApex = (rs: ResourceRecordSet, z: NsRecords) => rs.Name === z.zone.Name;
  for (const apexFirst of [true, false]) {
    for (const z of zones) {
      if (z.zone.Config?.PrivateZone) continue;
      for (const rs of z.ns) {
        if (isApex(rs, z) !== apexFirst) continue;
        for (const host of serversOf(rs)) if (!servers.has(host)) servers.set(host, z.zone.Id);
      }
    }
  }
  return [...servers].map(([host, zoneid]) => ({ id: host, name: host, zoneid, zone: zoneid }));
}

/** A zone's subzones (Cartography's link_sub_zones): an NS record of it named after another zone points at that zone's name servers. */
function subzonesOf(z: NsRecords, zones: readonly NsRecords[]): string[] {
  const name = withoutDot(z.zone.Name);
  return zones
    .filter((other) => {
      const otherName = withoutDot(other.zone.Name);
      if (other.zone.Id === z.zone.Id || !otherName.endsWith(`.${name}`)) return false;
      const theirs = new Set(other.ns.flatMap(serversOf));
      return z.ns.some(
        (rs) => rs.Name && withoutDot(rs.Name) === otherName && serversOf(rs).some((s) => theirs.has(s)),
      );
    })
    .map((other) => other.zone.Id);
}

/**
 * After every zone: the name servers, the NS records pointing at them, and
 * the zones again with the zones they delegate to.
 */
export function transformDelegations(pages: readonly ZonePage[]) {
  const zones: NsRecords[] = pages.flatMap(({ zone, recordSets }) =>
    zone.Id && zone.Name
      ? [
          {
            zone: { ...zone, Id: zone.Id, Name: zone.Name },
            ns: recordSets.filter((rs) => rs.Type === 'NS' && rs.Name),
          },
        ]
      : [],
  );
  const servers = nameServerRows(zones);
  const known = new Set(servers.map((s) => s.id));
  const records: RecordRow[] = zones.flatMap((z) =>
    z.ns.map((rs) => {
      const name = withoutDot(rs.Name as string);
      const hosts = serversOf(rs).filter((h) => known.has(h));
      return {
        id: recordId(z.zone.Id, name, 'NS'),
        name,
        type: 'NS',
        value: name,
        zone: z.zone.Id,
        nameServers: hosts,
      };
    }),
  );
  const delegating = zones.flatMap((z) => {
    const subzones = subzonesOf(z, zones);
    return subzones.length > 0 ? [zoneRow(z.zone, z.zone.Id, z.zone.Name, subzones)] : [];
  });
  return [load(AWSNameServer, servers), load(AWSDNSRecord, records), load(AWSDNSZone, delegating)] as const;
}

type Ctx = CollectContext<AwsScopeContext>;

/** Where the next page of record sets starts: the name, type and identifier Route 53 hands back. */
type RecordStart = Pick<
  ListResourceRecordSetsCommandOutput,
  'NextRecordName' | 'NextRecordType' | 'NextRecordIdentifier'
>;

async function recordSetsOf(
  ctx: Ctx,
  route53: Route53Client,
  HostedZoneId: string,
): Promise<ResourceRecordSet[]> {
  const out: ResourceRecordSet[] = [];
  // paginate() follows one string token: the three parts travel as JSON.
  for await (const page of paginate(
    ctx,
    'route53:ListResourceRecordSets',
    (token) => {
      const start: RecordStart = token ? JSON.parse(token) : {};
      return route53.send(
        new ListResourceRecordSetsCommand({
          HostedZoneId,
          MaxItems: 300,
          StartRecordName: start.NextRecordName,
          StartRecordType: start.NextRecordType,
          StartRecordIdentifier: start.NextRecordIdentifier,
        }),
        { abortSignal: requestSignal(ctx.signal) },
      );
    },
    (p) =>
      p.IsTruncated
        ? JSON.stringify({
            NextRecordName: p.NextRecordName,
            NextRecordType: p.NextRecordType,
            NextRecordIdentifier: p.NextRecordIdentifier,
          })
        : undefined,
  )) {
    out.push(...(page.ResourceRecordSets ?? []));
  }
  return out;
}

async function* route53Pages(ctx: Ctx, route53: Route53Client): AsyncIterable<Route53Page> {
  const zones: ZonePage[] = [];
  for await (const page of paginate(
    ctx,
    'route53:ListHostedZones',
    (Marker) =>
      route53.send(new ListHostedZonesCommand({ Marker, MaxItems: 100 }), {
        abortSignal: requestSignal(ctx.signal),
      }),
    (p) => (p.IsTruncated ? p.NextMarker : undefined),
  )) {
    for (const zone of page.HostedZones ?? []) {
      if (!zone.Id) continue;
      const recordSets = await recordSetsOf(ctx, route53, zone.Id);
      // The delegations need the NS records only.
      zones.push({ zone, recordSets: recordSets.filter((rs) => rs.Type === 'NS') });
      yield { zone, recordSets };
    }
  }
  yield { delegations: zones };
}

/** Route 53 hosted zones of an account (global), their record sets and name servers, and the delegations between zones. */
export const route53Collector = defineCollector<AwsScopeContext, Route53Page>({
  name: 'route53:zones',
  schemas: [AWSDNSZone, AWSNameServer, AWSDNSRecord],
  fetch: (ctx) => streamWith(ctx.context.clients.route53(ctx.context.region), (c) => route53Pages(ctx, c)),
  transform: (page) => ('delegations' in page ? transformDelegations(page.delegations) : transformZone(page)),
});
