import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { graph, param } from '../../src/query/index.ts';
import { buildEstateGraph, type EstateGraph } from '../fixtures/estate-graph.ts';

/** The typed builder over the real provider schemas, run on a synced graph (embedded store and the client). */
let estate: EstateGraph;
beforeAll(async () => {
  estate = await buildEstateGraph();
});
afterAll(async () => {
  await estate?.close();
});

describe('typed queries on a synced graph', () => {
  it('types EC2 rows from the AWS schemas and finds the exposed instances', async () => {
    const q = graph
      .match('a', 'AWSAccount')
      .match('i', 'EC2Instance', { owner: 'a' })
      .optionalMatch('k', 'EC2KeyPair', { to: 'i', rel: 'SSH_LOGIN_TO' })
      .where('i.exposed_internet', '=', true)
      .return(
        'a.name as account',
        'i.instanceid',
        'i.publicdnsname',
        'k.keyname as key',
        'i.exposed_internet_ports as ports',
      )
      .orderBy('account')
      .orderBy('instanceid');
    const rows = await q.run(estate.client);
    expectTypeOf(rows).toEqualTypeOf<
      {
        account: string | null;
        instanceid: string;
        publicdnsname: string | null;
        key: string | null;
        ports: string[] | null;
      }[]
    >();
    const exposed = (await estate.client.runQuery('ec2_public')).rows.map((r) => r.instance_id);
    expect([...new Set(rows.map((r) => r.instanceid))].sort()).toEqual([...new Set(exposed)].sort());
    // The schemas, not strings, decide what compiles.
    const i = graph.match('i', 'EC2Instance');
    // @ts-expect-error EC2Instance has publicdnsname, not public_dns_name
    expect(() => i.return('i.public_dns_name')).toThrow(/no property "public_dns_name"/);
    // @ts-expect-error no schema is labelled EC2Instances
    expect(() => graph.match('x', 'EC2Instances')).toThrow(/unknown label/);
    // @ts-expect-error neither EC2Instance nor EC2SecurityGroup declares MEMBER_OF_SECURITY_GROUP
    expect(() => i.match('sg', 'EC2SecurityGroup', { from: 'i', rel: 'MEMBER_OF_SECURITY_GROUP' })).toThrow(
      /no relationship/,
    );
  });

  it('finds the exposed instances the catalogue finds, with typed rows', async () => {
    const q = graph
      .match('p', 'GCPProject')
      .match('i', 'GCPInstance', { owner: 'p' })
      .where('i.status', '=', 'RUNNING')
      .where('i.public_ip', 'is not null')
      .return('p.id as project', 'i.instancename as instance', 'i.network_tags as tags')
      .orderBy('project')
      .orderBy('instance');
    const rows = await q.run(estate.store);
    expectTypeOf(rows).toEqualTypeOf<{ project: string; instance: string; tags: string[] | null }[]>();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => typeof r.instance === 'string' && r.project.length > 0)).toBe(true);
    // The client runs the same builder, read-only.
    expect(await estate.client.query(q)).toEqual(rows);
    const exposed = (await estate.client.runQuery('gcp_instances_public')).rows.map((r) => r.instance_name);
    expect(rows.map((r) => r.instance)).toEqual(expect.arrayContaining(exposed));
  });

  it('aggregates, filters on aggregates, and follows relationships declared by either end', async () => {
    const rows = await graph
      .match('v', 'GCPVpc')
      .match('f', 'GCPFirewall', { from: 'v', rel: 'RESOURCE' })
      .match('r', 'GCPIpRule', { to: 'f', rel: 'ALLOWED_BY' })
      .return(
        'v.id as vpc',
        (f) => f.countDistinct('f').as('firewalls'),
        (f) => f.collectDistinct('f.name').as('names'),
      )
      .having('firewalls', '>=', 2)
      .orderBy('firewalls', 'desc')
      .run(estate.client);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.firewalls >= 2 && r.names.length === r.firewalls)).toBe(true);
    expect(rows.some((r) => r.names.includes('allow-ssh-from-anywhere'))).toBe(true);
  });

  it('keeps projects without buckets through an optional match', async () => {
    const rows = await graph
      .match('p', 'GCPProject')
      .optionalMatch('b', 'GCPBucket', { owner: 'p' })
      .where('b.public_access', '=', true)
      .return('p.id as project', (f) => f.count('b').as('public_buckets'))
      .orderBy('project')
      .run(estate.client);
    const projects = (await estate.client.runQuery('gcp_projects')).rows;
    expect(rows.map((r) => r.project)).toEqual(projects.map((p) => p.project_id).sort());
    expect(rows.some((r) => r.public_buckets > 0)).toBe(true);
  });

  it('tests relationships with EXISTS, and takes placeholders at run time', async () => {
    const q = graph
      .match('i', 'GCPInstance')
      .where((eb) => eb.not(eb.exists({ from: 'i', rel: 'MEMBER_OF_GCP_VPC', node: 'GCPVpc' })))
      .return((f) => f.count().as('detached'));
    expect(await q.run(estate.client)).toEqual([{ detached: 0 }]);
    const byZone = graph
      .match('i', 'GCPInstance')
      .where('i.zone_name', '=', param('zone'))
      .return('i.instancename');
    const [any] = await graph.match('i', 'GCPInstance').return('i.zone_name').limit(1).run(estate.client);
    const zone = any?.zone_name ?? '';
    const inZone = await byZone.run(estate.client, { zone });
    expect(inZone.length).toBeGreaterThan(0);
    await expect(byZone.run(estate.client)).rejects.toThrow('the query needs a value for $zone');
    expect(await byZone.run(estate.client, { zone: "x' OR 1=1 //" })).toEqual([]);
  });
});
