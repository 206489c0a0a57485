import type { AwsAccount } from '@skygraph/aws/emulator';
import { describe, expect, it } from 'vitest';
import { count, useEmulatedAws } from './sync-helpers.ts';

const SERVICES = ['ec2', 'elb', 's3', 'route53'];

describe('AWS Route 53 and dangling DNS', () => {
  // Only what the records point at (the rest of AWS would only slow the test down).
  const aws = useEmulatedAws({
    estate: { seed: 59 },
    warnFields: ['collector'],
    values: { awsServices: SERVICES },
  });

  /** The account whose public zone carries the seeded dangling records. */
  const seeded = (): AwsAccount => {
    const account = aws.estate.accounts.find((a) =>
      a.hostedZones?.some((z) => z.recordSets.some((r) => r.name.startsWith('promo.'))),
    );
    if (!account) throw new Error('no account with dangling records');
    return account;
  };
  const dangling = (accountId: string) =>
    aws.store.read(
      `MATCH (:AWSAccount {id: $id})-[:RESOURCE]->(r:AWSDNSRecord)
       RETURN split(r.name, '.')[0] AS name, r.type AS type, r.points_to_aws AS aws, r.dangling AS dangling ORDER BY name, type`,
      { id: accountId },
    );

  it('writes zones, records and name servers with their links, and marks the dangling records', async () => {
    const { result } = await aws.sync();
    expect(result.errors).toEqual([]);
    const account = seeded();
    const zones = account.hostedZones ?? [];
    expect(
      await count(
        aws.store,
        'MATCH (:AWSAccount {id: $id})-[:RESOURCE]->(z:AWSDNSZone:DNSZone) RETURN count(z) AS c',
        {
          id: account.id,
        },
      ),
    ).toBe(zones.length);
    const [publicZone, devZone] = zones;
    // The public zone delegates dev. to the subzone's name servers.
    expect(
      await count(
        aws.store,
        'MATCH (:AWSDNSZone {zoneid: $a})-[:SUBZONE]->(:AWSDNSZone {zoneid: $b}) RETURN count(*) AS c',
        {
          a: `/hostedzone/${publicZone?.id}`,
          b: `/hostedzone/${devZone?.id}`,
        },
      ),
    ).toBe(1);
    expect(
      await count(
        aws.store,
        'MATCH (:AWSDNSZone {zoneid: $z})-[:NAMESERVER]->(n:AWSNameServer:NameServer) RETURN count(n) AS c',
        { z: `/hostedzone/${devZone?.id}` },
      ),
    ).toBe(4);
    // Records naming the account's load balancers and instances point at them, across scopes.
    const lbLinks = await count(
      aws.store,
      'MATCH (:AWSAccount {id: $id})-[:RESOURCE]->(:AWSDNSRecord {type: "ALIAS"})-[:DNS_POINTS_TO]->(:AWSLoadBalancerV2) RETURN count(*) AS c',
      { id: account.id },
    );
    const internetFacing = Object.values(account.regions).reduce(
      (n, r) => n + r.loadBalancers.filter((l) => l.scheme === 'internet-facing').length,
      0,
    );
    expect(lbLinks).toBe(internetFacing);
    expect(
      await count(
        aws.store,
        'MATCH (:AWSAccount {id: $id})-[:RESOURCE]->(:AWSDNSRecord {type: "CNAME"})-[:DNS_POINTS_TO]->(:AWSEC2Instance) RETURN count(*) AS c',
        { id: account.id },
      ),
    ).toBeGreaterThan(0);

    const rows = await dangling(account.id);
    const flagged = rows.filter((r) => r.dangling === true).map((r) => r.name);
    expect(flagged.sort()).toEqual(['legacy-api', 'old-app', 'promo', 'static']);
    const byName = new Map(rows.map((r) => [`${r.name}/${r.type}`, r]));
    expect(byName.get('cdn/CNAME')).toEqual({ name: 'cdn', type: 'CNAME', aws: true, dangling: null });
    expect(byName.get('www/CNAME')).toMatchObject({ aws: false, dangling: false });
    expect(byName.get('site/CNAME')).toMatchObject({ aws: true, dangling: false });
    // An account without the misconfigurations has none.
    const clean = aws.estate.accounts.find(
      (a) =>
        (a.hostedZones?.length ?? 0) > 0 &&
        !a.hostedZones?.some((z) => z.recordSets.some((r) => r.name.startsWith('promo.'))),
    );
    if (clean) expect((await dangling(clean.id)).filter((r) => r.dangling === true)).toEqual([]);
    // Route 53 is global: one listing per account, one record listing per zone.
    const stats = aws.emulator.stats().byOperation;
    expect(stats['route53:ListResourceRecordSets']).toBe(
      await count(aws.store, 'MATCH (z:AWSDNSZone) RETURN count(z) AS c'),
    );
  });

  it('marks a record dangling once the load balancer it names is deleted', async () => {
    await aws.sync();
    const account = seeded();
    const region = Object.values(account.regions).find((r) =>
      r.loadBalancers.some((l) => l.scheme === 'internet-facing'),
    );
    const lb = region?.loadBalancers.find((l) => l.scheme === 'internet-facing');
    if (!region || !lb) throw new Error('no internet-facing load balancer');
    region.loadBalancers = region.loadBalancers.filter((l) => l !== lb);
    region.listeners = region.listeners.filter((l) => l.loadBalancerArn !== lb.loadBalancerArn);
    const { result } = await aws.sync();
    expect(result.status).toBe('success');
    const [row] = await aws.store.read(
      'MATCH (r:AWSDNSRecord {type: "ALIAS", value: $dns}) RETURN r.dangling AS dangling, count { (r)-[:DNS_POINTS_TO]->() } AS links',
      { dns: lb.dnsName.toLowerCase() },
    );
    expect(row).toEqual({ dangling: true, links: 0 });
  });

  it('reports an account where Route 53 is denied and keeps its zones', async () => {
    await aws.sync();
    const account = seeded();
    const before = await count(
      aws.store,
      'MATCH (:AWSAccount {id: $id})-[:RESOURCE]->(r:AWSDNSRecord) RETURN count(r) AS c',
      {
        id: account.id,
      },
    );
    aws.emulator.setFaults([
      { service: 'route53', account: account.id, operation: 'ListHostedZones', kind: 'AccessDenied' },
    ]);
    const { result, warnings } = await aws.sync();
    expect(result.status).toBe('partial');
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({
      scope: `aws/${account.id}/global`,
      collector: 'route53:zones',
      code: 'ACCESS_DENIED',
    });
    expect(warnings.filter((w) => w.collector === 'route53:zones')).toHaveLength(1);
    expect(
      await count(
        aws.store,
        'MATCH (:AWSAccount {id: $id})-[:RESOURCE]->(r:AWSDNSRecord) RETURN count(r) AS c',
        {
          id: account.id,
        },
      ),
    ).toBe(before);
  });
});
