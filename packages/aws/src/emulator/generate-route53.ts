import type { AwsHostedZone, AwsRecordSet } from './estate-route53-types.ts';
import type { AwsBucket, AwsRegionResources } from './estate-types.ts';
import type { Rng } from './random.ts';

export interface GenerateRoute53Options {
  rng: Rng;
  accountName: string;
  /** The account's regional resources: records point at its load balancers and instances. */
  regions: Record<string, AwsRegionResources>;
  buckets: readonly AwsBucket[];
  /** Seed the dangling records (released IP, deleted load balancers, deleted website bucket). */
  misconfigurations: boolean;
}

/** How many records of each kind point at one account's resources; the rest of the estate scales them. */
const MAX_POINTERS = 40;

const zoneId = (rng: Rng) => `Z0${rng.upperAlnum(18)}`;

function nameServers(rng: Rng): string[] {
  const n = () => rng.int(1, 2047);
  return [
    `ns-${n()}.awsdns-${rng.int(0, 63)}.org.`,
    `ns-${n()}.awsdns-${rng.int(0, 63)}.co.uk.`,
    `ns-${n()}.awsdns-${rng.int(0, 63)}.com.`,
    `ns-${n()}.awsdns-${rng.int(0, 63)}.net.`,
  ];
}

/** The NS and SOA records every zone has at its apex. */
function apex(zone: string, servers: string[]): AwsRecordSet[] {
  return [
    { name: zone, type: 'NS', ttl: 172800, resourceRecords: servers },
    {
      name: zone,
      type: 'SOA',
      ttl: 900,
      resourceRecords: [`${servers[0]} awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400`],
    },
  ];
}

const label = (value: string) =>
  value
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '');

/** Records pointing at the account's internet-facing load balancers and public instances. */
function pointers(base: string, regions: Record<string, AwsRegionResources>): AwsRecordSet[] {
  const out: AwsRecordSet[] = [];
  // Names repeat across regions: each region's records live under `<region>.<zone>`.
  for (const [region, resources] of Object.entries(regions)) {
    const zone = `${region}.${base}`;
    for (const lb of resources.loadBalancers.filter((l) => l.scheme === 'internet-facing')) {
      out.push({
        name: `${label(lb.loadBalancerName)}.${zone}`,
        type: 'A',
        aliasTarget: {
          hostedZoneId: lb.canonicalHostedZoneId,
          dnsName: `dualstack.${lb.dnsName.toLowerCase()}.`,
          evaluateTargetHealth: true,
        },
      });
    }
    for (const lb of resources.classicLoadBalancers.filter((l) => l.scheme === 'internet-facing')) {
      out.push({
        name: `${label(lb.loadBalancerName)}-classic.${zone}`,
        type: 'CNAME',
        ttl: 300,
        resourceRecords: [lb.dnsName],
      });
    }
    for (const instance of resources.instances.filter((i) => i.publicDnsName && i.publicIpAddress)) {
      const name = label(instance.tags.find((t) => t.key === 'Name')?.value ?? instance.instanceId);
      out.push(
        {
          name: `${name}.${zone}`,
          type: 'CNAME',
          ttl: 300,
          resourceRecords: [instance.publicDnsName as string],
        },
        {
          name: `ip-${name}.${zone}`,
          type: 'A',
          ttl: 300,
          resourceRecords: [instance.publicIpAddress as string],
        },
      );
    }
  }
  return out.slice(0, MAX_POINTERS * 3);
}

/**
 * Records whose AWS target is gone: an address given back to AWS, load
 * balancers deleted with their names still in DNS, a website bucket deleted
 * (anyone may create a bucket of that name and serve the site), and a
 * CloudFront distribution skygraph cannot judge.
 */
function dangling(rng: Rng, zone: string, accountName: string, region: string): AwsRecordSet[] {
  const elbId = rng.digits(10);
  return [
    {
      name: `promo.${zone}`,
      type: 'A',
      ttl: 300,
      resourceRecords: [`54.${rng.int(64, 127)}.${rng.int(0, 255)}.${rng.int(1, 254)}`],
    },
    {
      name: `legacy-api.${zone}`,
      type: 'CNAME',
      ttl: 300,
      resourceRecords: [`legacy-api-${elbId}.${region}.elb.amazonaws.com`],
    },
    {
      name: `old-app.${zone}`,
      type: 'A',
      aliasTarget: {
        hostedZoneId: 'Z35SXDOTRQ7X7K',
        dnsName: `dualstack.old-app-${rng.hex(16)}.${region}.elb.amazonaws.com.`,
        evaluateTargetHealth: true,
      },
    },
    {
      name: `static.${zone}`,
      type: 'CNAME',
      ttl: 300,
      resourceRecords: [`${label(accountName)}-old-site.s3-website-${region}.amazonaws.com`],
    },
    { name: `cdn.${zone}`, type: 'CNAME', ttl: 300, resourceRecords: [`d${rng.hex(13)}.cloudfront.net`] },
  ];
}

/**
 * The hosted zones of an account: a public zone with records pointing at its
 * load balancers and public instances (and, with misconfigurations, dangling
 * ones), a delegated `dev.` subzone, and a private zone in its first VPC. The
 * pointers grow with the account's resources.
 */
export function generateRoute53(o: GenerateRoute53Options): AwsHostedZone[] {
  const base = `${label(o.accountName)}.example.com.`;
  const firstRegion = Object.keys(o.regions)[0];
  const resources = firstRegion ? o.regions[firstRegion] : undefined;
  const publicServers = nameServers(o.rng);
  const devServers = nameServers(o.rng);
  const dev = `dev.${base}`;
  const website = o.buckets[0];
  const records: AwsRecordSet[] = [
    ...apex(base, publicServers),
    { name: dev, type: 'NS', ttl: 172800, resourceRecords: devServers },
    {
      name: base,
      type: 'MX',
      ttl: 300,
      resourceRecords: [`10 inbound-smtp.${firstRegion ?? 'us-east-1'}.amazonaws.com`],
    },
    { name: base, type: 'TXT', ttl: 300, resourceRecords: ['"v=spf1 include:amazonses.com ~all"'] },
    // A hostname outside AWS: never judged dangling.
    {
      name: `www.${base}`,
      type: 'CNAME',
      ttl: 300,
      resourceRecords: [`${label(o.accountName)}.netlify.app`],
    },
    {
      name: `api.${base}`,
      type: 'A',
      aliasTarget: { hostedZoneId: '', dnsName: `www.${base}`, evaluateTargetHealth: false },
    },
    ...pointers(base, o.regions),
    ...(website
      ? [
          {
            name: `site.${base}`,
            type: 'CNAME' as const,
            ttl: 300,
            resourceRecords: [`${website.name}.s3-website-${website.region}.amazonaws.com`],
          },
        ]
      : []),
    ...(o.misconfigurations ? dangling(o.rng, base, o.accountName, firstRegion ?? 'us-east-1') : []),
  ];
  const publicZone: AwsHostedZone = {
    id: zoneId(o.rng),
    name: base,
    callerReference: `skygraph-${o.rng.hex(8)}`,
    comment: `public zone of ${o.accountName}`,
    privateZone: false,
    vpcs: [],
    nameServers: publicServers,
    recordSets: records,
  };
  // An alias to a record of the same zone names the zone itself.
  for (const r of publicZone.recordSets)
    if (r.aliasTarget?.hostedZoneId === '') r.aliasTarget.hostedZoneId = publicZone.id;
  const devZone: AwsHostedZone = {
    id: zoneId(o.rng),
    name: dev,
    callerReference: `skygraph-${o.rng.hex(8)}`,
    privateZone: false,
    vpcs: [],
    nameServers: devServers,
    recordSets: [
      ...apex(dev, devServers),
      { name: `test.${dev}`, type: 'TXT', ttl: 60, resourceRecords: ['"owner=platform"'] },
    ],
  };
  const zones = [publicZone, devZone];
  const vpc = resources?.vpcs[0];
  if (vpc && firstRegion) {
    const internal = `internal.${label(o.accountName)}.`;
    const servers = [`ns-0.awsdns-00.com.`];
    const db = resources.dbInstances[0];
    const instance = resources.instances[0];
    zones.push({
      id: zoneId(o.rng),
      name: internal,
      callerReference: `skygraph-${o.rng.hex(8)}`,
      comment: 'service discovery',
      privateZone: true,
      vpcs: [{ vpcRegion: firstRegion, vpcId: vpc.vpcId }],
      nameServers: [],
      recordSets: [
        ...apex(internal, servers),
        ...(instance
          ? [
              {
                name: `app.${internal}`,
                type: 'A' as const,
                ttl: 60,
                resourceRecords: [instance.privateIpAddress],
              },
            ]
          : []),
        ...(db
          ? [
              {
                name: `db.${internal}`,
                type: 'CNAME' as const,
                ttl: 60,
                resourceRecords: [db.endpoint.address],
              },
            ]
          : []),
      ],
    });
  }
  return zones;
}
