import { AwsApiError } from './api-error.ts';
import type { AwsHostedZone, AwsRecordSet } from './estate-route53-types.ts';
import { restXmlResponse, type WireResponse } from './protocols.ts';
import type { RequestContext } from './request-context.ts';
import type { EmulatedService } from './services.ts';
import { el, list, stringList, wrap } from './xml.ts';

const API = '/2013-04-01';

/** The operation a Route 53 request names by its method and path. */
function route53Operation(method: string, url: URL): string {
  if (method !== 'GET') return '';
  const path = url.pathname;
  if (path === `${API}/hostedzone`) return 'ListHostedZones';
  if (/^\/2013-04-01\/hostedzone\/[^/]+\/rrset\/?$/.test(path)) return 'ListResourceRecordSets';
  if (/^\/2013-04-01\/hostedzone\/[^/]+$/.test(path)) return 'GetHostedZone';
  return '';
}

const invalidInput = (message: string) => new AwsApiError('InvalidInput', message, 400);

function maxItems(ctx: RequestContext, fallback: number): number {
  const raw = ctx.params.get('maxitems');
  if (raw === null || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1)
    throw invalidInput(
      `1 validation error detected: Value '${raw}' at 'maxItems' failed to satisfy constraint`,
    );
  // Route 53 answers at most 100 zones and 300 record sets a page, whatever is asked for.
  return Math.min(n, fallback);
}

const zones = (ctx: RequestContext): AwsHostedZone[] => ctx.account.hostedZones ?? [];

/** The zone a path names (`/hostedzone/<id>` or `/hostedzone/hostedzone%2F<id>` alike). */
function zoneOf(ctx: RequestContext): AwsHostedZone {
  const raw = decodeURIComponent(ctx.http?.url.pathname.split('/')[3] ?? '');
  const id = raw.replace(/^\/?hostedzone\//, '');
  const zone = zones(ctx).find((z) => z.id === id);
  if (!zone) throw new AwsApiError('NoSuchHostedZone', `No hosted zone found with ID: ${id}`, 404);
  return zone;
}

function renderZone(z: AwsHostedZone): string {
  return (
    el('Id', `/hostedzone/${z.id}`) +
    el('Name', z.name) +
    el('CallerReference', z.callerReference) +
    wrap('Config', el('Comment', z.comment) + el('PrivateZone', z.privateZone)) +
    el('ResourceRecordSetCount', z.recordSets.length)
  );
}

/** ListHostedZones: zones in creation order, paged by the id of the next zone (marker/NextMarker). */
function listHostedZones(ctx: RequestContext): string {
  const all = zones(ctx);
  const marker = ctx.params.get('marker');
  const size = maxItems(ctx, 100);
  let start = 0;
  if (marker) {
    start = all.findIndex((z) => z.id === marker.replace(/^\/?hostedzone\//, ''));
    if (start < 0) throw invalidInput(`Invalid marker: ${marker}`);
  }
  const page = all.slice(start, start + size);
  const next = all[start + size];
  return (
    list('HostedZones', 'HostedZone', page, renderZone) +
    (marker ? el('Marker', marker) : '') +
    el('IsTruncated', next !== undefined) +
    (next ? el('NextMarker', next.id) : '') +
    el('MaxItems', size)
  );
}

function getHostedZone(ctx: RequestContext): string {
  const z = zoneOf(ctx);
  return (
    wrap('HostedZone', renderZone(z)) +
    (z.privateZone
      ? list('VPCs', 'VPC', z.vpcs, (v) => el('VPCRegion', v.vpcRegion) + el('VPCId', v.vpcId))
      : wrap(
          'DelegationSet',
          stringList(
            'NameServers',
            'NameServer',
            z.nameServers.map((n) => n.replace(/\.$/, '')),
          ),
        ))
  );
}

/** Route 53's order of record sets: by name with its labels reversed (`com.example.www`), then type, then identifier. */
function sortKey(r: Pick<AwsRecordSet, 'name' | 'type' | 'setIdentifier'>): string {
  const name = r.name.toLowerCase().replace(/\.$/, '').split('.').reverse().join('.');
  return `${name}\u0000${r.type}\u0000${r.setIdentifier ?? ''}`;
}

const withDot = (name: string) => (name.endsWith('.') ? name : `${name}.`);

function renderRecordSet(r: AwsRecordSet): string {
  return (
    el('Name', r.name) +
    el('Type', r.type) +
    el('SetIdentifier', r.setIdentifier) +
    el('Weight', r.weight) +
    (r.aliasTarget
      ? wrap(
          'AliasTarget',
          el('HostedZoneId', r.aliasTarget.hostedZoneId) +
            el('DNSName', r.aliasTarget.dnsName) +
            el('EvaluateTargetHealth', r.aliasTarget.evaluateTargetHealth),
        )
      : el('TTL', r.ttl) +
        list('ResourceRecords', 'ResourceRecord', r.resourceRecords ?? [], (v) => el('Value', v)))
  );
}

/**
 * ListResourceRecordSets: the zone's record sets in Route 53's order, from
 * `name`/`type`/`identifier` on, with NextRecordName/NextRecordType (and
 * NextRecordIdentifier) while truncated.
 */
function listResourceRecordSets(ctx: RequestContext): string {
  const zone = zoneOf(ctx);
  const size = maxItems(ctx, 300);
  const name = ctx.params.get('name');
  const type = ctx.params.get('type');
  const identifier = ctx.params.get('identifier');
  if (type && !name) throw invalidInput('The input is not valid: a type requires a name.');
  const sorted = [...zone.recordSets].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1));
  let start = 0;
  if (name) {
    const from = sortKey({
      name: withDot(name),
      type: (type ?? '') as AwsRecordSet['type'],
      setIdentifier: identifier ?? '',
    });
    start = sorted.findIndex((r) => sortKey(r) >= from);
    if (start < 0) start = sorted.length;
  }
  const page = sorted.slice(start, start + size);
  const next = sorted[start + size];
  return (
    list('ResourceRecordSets', 'ResourceRecordSet', page, renderRecordSet) +
    el('IsTruncated', next !== undefined) +
    (next
      ? el('NextRecordName', next.name) +
        el('NextRecordType', next.type) +
        el('NextRecordIdentifier', next.setIdentifier)
      : '') +
    el('MaxItems', size)
  );
}

const ROOTS: Record<string, [root: string, answer: (ctx: RequestContext) => string]> = {
  ListHostedZones: ['ListHostedZonesResponse', listHostedZones],
  GetHostedZone: ['GetHostedZoneResponse', getHostedZone],
  ListResourceRecordSets: ['ListResourceRecordSetsResponse', listResourceRecordSets],
};

function handleRoute53(ctx: RequestContext): WireResponse {
  const known = ROOTS[ctx.operation];
  if (!known)
    throw invalidInput(
      `The emulator does not serve this Route 53 request (${ctx.operation || 'unknown route'}).`,
    );
  const [root, answer] = known;
  return restXmlResponse('route53', root, answer(ctx), ctx.requestId);
}

/** Route 53 (REST-XML, global): hosted zones and their record sets. */
export const ROUTE53_SERVICE: EmulatedService = {
  name: 'route53',
  signingName: 'route53',
  protocol: 'rest-xml',
  operation: route53Operation,
  errors: { throttling: ['Throttling', 400], internal: ['ServiceUnavailable', 503] },
  handle: handleRoute53,
};
