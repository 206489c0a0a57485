import { describe, expect, it } from 'vitest';
import { activeMembers, expectGraphMatchesEstate } from './estate-expectations.ts';
import { count, useEmulatedAws } from './sync-helpers.ts';

describe('AWS EKS', () => {
  const aws = useEmulatedAws({ estate: { seed: 61 }, warnFields: ['collector', 'cluster', 'operation'] });

  /** The first member account with the seeded misconfigurations, and its first region. */
  const seeded = () => {
    for (const account of activeMembers(aws.estate)) {
      const region = account.enabledRegions[0] as string;
      const clusters = account.regions[region]?.eksClusters ?? [];
      if (clusters.some((c) => c.name.endsWith('-public-api'))) return { account, region, clusters };
    }
    throw new Error('no seeded EKS clusters');
  };

  it('writes clusters with their exposure, logging, version, encryption, node groups and access entries', async () => {
    const { result } = await aws.sync();
    expect(result.errors).toEqual([]);
    await expectGraphMatchesEstate(aws.store, aws.estate);
    const { account } = seeded();
    const rows = await aws.store.read(
      `MATCH (:AWSAccount {id: $account})-[:RESOURCE]->(c:AWSEKSCluster:EKSCluster:ComputeCluster)
       WHERE c.name ENDS WITH '-public-api' OR c.name ENDS WITH '-legacy' OR c.name ENDS WITH '-office-only'
       RETURN split(c.name, '-')[-1] AS name, c.exposed_internet AS exposed, c.public_access_cidrs AS cidrs,
         c.audit_logging AS audit, c.version AS version, c.secrets_encryption_key_arn IS NOT NULL AS encrypted,
         c.authentication_mode AS mode, c.certificate_authority_parse_status AS ca,
         EXISTS { (c)-[:ENCRYPTED_BY]->(:AWSKMSKey) } AS keyed
       ORDER BY name`,
      { account: account.id },
    );
    expect(rows).toEqual([
      {
        name: 'api',
        exposed: true,
        cidrs: ['0.0.0.0/0'],
        audit: false,
        version: expect.any(String),
        encrypted: true,
        mode: 'API_AND_CONFIG_MAP',
        ca: 'parsed',
        keyed: true,
      },
      {
        name: 'legacy',
        exposed: null,
        cidrs: [],
        audit: true,
        version: '1.24',
        encrypted: false,
        mode: 'CONFIG_MAP',
        ca: 'parsed',
        keyed: false,
      },
      {
        name: 'only',
        exposed: true,
        cidrs: ['203.0.113.0/24'],
        audit: true,
        version: expect.any(String),
        encrypted: true,
        mode: 'API_AND_CONFIG_MAP',
        ca: 'parsed',
        keyed: true,
      },
    ]);
    // Access entries hang off their cluster and the IAM role they grant access (Cartography's edges).
    expect(
      await count(
        aws.store,
        `MATCH (:AWSAccount {id: $account})-[:RESOURCE]->(c:AWSEKSCluster)-[:HAS_ACCESS_ENTRY]->(e:AWSEKSAccessEntry:EKSAccessEntry)
         <-[:GRANTED_ACCESS_TO]-(:AWSRole) RETURN count(e) AS c`,
        { account: account.id },
      ),
    ).toBe(
      account.enabledRegions.reduce(
        (n, r) => n + (account.regions[r]?.eksClusters.reduce((m, c) => m + c.accessEntries.length, 0) ?? 0),
        0,
      ),
    );
    expect(
      await count(
        aws.store,
        `MATCH (:AWSEKSCluster)-[:HAS_NODEGROUP]->(n:AWSEKSNodegroup)-[:PART_OF_SUBNET]->(:AWSEC2Subnet)
         RETURN count(DISTINCT n) AS c`,
      ),
    ).toBe(
      activeMembers(aws.estate).flatMap((a) => Object.values(a.regions).flatMap((r) => r.eksClusters)).length,
    );
  });

  it('keeps a cluster whose access entries the audit role may not read, and says which', async () => {
    const { account, region, clusters } = seeded();
    const open = clusters.find((c) => c.name.endsWith('-public-api'));
    aws.emulator.setFaults([
      { service: 'eks', account: account.id, region, operation: 'ListAccessEntries', kind: 'AccessDenied' },
    ]);
    const { result, warnings } = await aws.sync();
    expect(result.status).toBe('success');
    const refused = warnings.filter((w) => w.cluster !== undefined);
    // Every cluster but the CONFIG_MAP one (which has no access entries to list).
    expect(refused.map((w) => w.cluster).sort()).toEqual(
      clusters
        .filter((c) => c.authenticationMode !== 'CONFIG_MAP')
        .map((c) => c.name)
        .sort(),
    );
    expect(refused[0]).toMatchObject({
      msg: 'an EKS request refused; left unknown',
      collector: 'eks:clusters',
      operation: 'DescribeAccessEntry',
    });
    expect(
      await count(aws.store, 'MATCH (c:AWSEKSCluster {id: $id})-[:HAS_NODEGROUP]->(n) RETURN count(n) AS c', {
        id: open?.arn,
      }),
    ).toBe(open?.nodegroups.length);
  });

  it('reports a region where EKS is denied and syncs the rest of the region', async () => {
    const { account, region } = seeded();
    aws.emulator.setFaults([
      { service: 'eks', account: account.id, region, operation: 'ListClusters', kind: 'AccessDenied' },
    ]);
    const { result } = await aws.sync();
    expect(result.status).toBe('partial');
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({
      scope: `aws/${account.id}/${region}`,
      collector: 'eks:clusters',
      code: 'ACCESS_DENIED',
    });
    expect(
      await count(
        aws.store,
        'MATCH (:AWSAccount {id: $a})-[:RESOURCE]->(i:AWSEC2Instance {region: $r}) RETURN count(i) AS c',
        { a: account.id, r: region },
      ),
    ).toBe(account.regions[region]?.instances.length);
  });

  it('syncs EKS alone with --aws-services eks, with the requests each cluster costs', async () => {
    const { result } = await aws.sync({ awsServices: ['eks'] });
    expect(result.status).toBe('success');
    const members = activeMembers(aws.estate);
    const clusters = members.flatMap((a) => Object.values(a.regions).flatMap((r) => r.eksClusters));
    expect(await count(aws.store, 'MATCH (c:AWSEKSCluster) RETURN count(c) AS c')).toBe(clusters.length);
    const ops = aws.emulator.stats().byOperation ?? {};
    const regions = members.reduce((n, a) => n + a.enabledRegions.length, 0);
    const withEntries = clusters.filter((c) => c.authenticationMode !== 'CONFIG_MAP');
    // One ListClusters page per region; per cluster a description and its node group listing; access
    // entries only where the authentication mode has them; one description per node group and entry.
    expect(ops['eks:ListClusters']).toBe(regions);
    expect(ops['eks:DescribeCluster']).toBe(clusters.length);
    expect(ops['eks:ListNodegroups']).toBe(clusters.length);
    expect(ops['eks:DescribeNodegroup']).toBe(clusters.reduce((n, c) => n + c.nodegroups.length, 0));
    expect(ops['eks:ListAccessEntries']).toBe(withEntries.length);
    expect(ops['eks:DescribeAccessEntry']).toBe(withEntries.reduce((n, c) => n + c.accessEntries.length, 0));
  });
});
