import { describe, expect, it } from 'vitest';
import { activeMembers, expectRegionalLabelsMatchEstate } from './estate-expectations.ts';
import { count, useEmulatedAws } from './sync-helpers.ts';

/** What these tests sync: ECS and ECR, and IAM for the roles task definitions name. */
const SERVICES = { awsServices: ['iam', 'ecr', 'ecs'] };
const LABELS = [
  'AWSECSCluster',
  'AWSECSService',
  'AWSECSTask',
  'AWSECSContainer',
  'AWSECSTaskDefinition',
  'AWSECSContainerDefinition',
  'AWSECRRepository',
  'AWSECRImage',
  'AWSECRRepositoryImage',
];

describe('AWS ECS and ECR', () => {
  const aws = useEmulatedAws({ estate: { seed: 53 }, warnFields: ['collector', 'operation', 'repository'] });

  /** The member with the seeded misconfigurations, and its first region. */
  const seeded = () => {
    const member = activeMembers(aws.estate).find((a) =>
      Object.values(a.regions).some((r) => r.ecrRepositories.some((x) => x.repositoryName === 'legacy-api')),
    );
    const region = member?.enabledRegions[0] as string;
    const resources = member?.regions[region];
    if (!member || !resources) throw new Error('no account with the seeded ECS misconfigurations');
    return { member, region, resources };
  };

  it('writes clusters, services, tasks, containers and repositories under Cartography names, linked', async () => {
    const { result, warnings } = await aws.sync(SERVICES);
    expect(result.status).toBe('success');
    expect(warnings).toEqual([]);
    await expectRegionalLabelsMatchEstate(aws.store, aws.estate, LABELS);
    const { member, region, resources } = seeded();
    const params = { account: member.id, region };

    // Cartography's chain: cluster <- service -> task definition -> container definition; task -> service; container -> image.
    const chain = await aws.store.read(
      `MATCH (:AWSAccount {id: $account})-[:RESOURCE]->(s:AWSECSService:ECSService:ComputeService {region: $region, name: 'legacy-api'})
       MATCH (c:AWSECSCluster:ECSCluster:ComputeCluster)-[:HAS_SERVICE]->(s)-[:WORKLOAD_PARENT]->(c)
       MATCH (s)-[:HAS_TASK_DEFINITION]->(d:AWSECSTaskDefinition:ECSTaskDefinition)-[:HAS_CONTAINER_DEFINITION]->(cd:AWSECSContainerDefinition {name: 'legacy-api'})
       MATCH (t:AWSECSTask:ECSTask:ComputePod)-[:WORKLOAD_PARENT]->(s)
       MATCH (c)-[:HAS_TASK]->(t)-[:HAS_TASK_DEFINITION]->(d)
       MATCH (t)-[:HAS_CONTAINER]->(k:AWSECSContainer:ECSContainer:Container {name: 'legacy-api'})-[:WORKLOAD_PARENT]->(t)
       MATCH (k)-[:HAS_IMAGE]->(i:AWSECRImage:ECRImage:Image)<-[:IMAGE]-(ri:AWSECRRepositoryImage:ImageTag {tag: 'latest'})
       MATCH (r:AWSECRRepository:ECRRepository:ContainerRegistry)-[:REPO_IMAGE]->(ri)
       RETURN s.assign_public_ip AS ip, cd.privileged AS privileged, cd.secret_like_environment_names AS secrets,
              cd.environment_names AS env, ri.critical_findings AS critical, r.name AS repo, count(DISTINCT t) AS tasks`,
      params,
    );
    const service = resources.ecsClusters
      .flatMap((c) => c.services)
      .find((s) => s.serviceName === 'legacy-api');
    expect(chain).toEqual([
      {
        ip: 'ENABLED',
        privileged: true,
        secrets: ['DB_PASSWORD'],
        env: ['LOG_LEVEL', 'DB_PASSWORD'],
        critical: resources.ecrRepositories.find((r) => r.repositoryName === 'legacy-api')?.images[0]?.scan
          ?.findingSeverityCounts.CRITICAL,
        repo: 'legacy-api',
        tasks: service?.desiredCount,
      },
    ]);

    // Task and execution roles link to the account's roles, as Cartography links them.
    const definitions = activeMembers(aws.estate).flatMap((a) =>
      Object.values(a.regions).flatMap((r) => r.ecsTaskDefinitions),
    );
    const withRoles = definitions.filter((d) => d.taskRoleArn).length;
    expect(withRoles).toBeGreaterThan(0);
    expect(
      await count(
        aws.store,
        'MATCH (d:AWSECSTaskDefinition)-[:HAS_TASK_ROLE]->(:AWSRole) MATCH (d)-[:HAS_EXECUTION_ROLE]->(:AWSRole) RETURN count(DISTINCT d) AS c',
      ),
    ).toBe(withRoles);

    const partnerPolicy = resources.ecrRepositories.find(
      (r) => r.repositoryName === 'partner-shared-images',
    )?.policy;
    const partner = (partnerPolicy?.Statement[0]?.Principal as { AWS: string } | undefined)?.AWS;
    // Repository policies: the public one, the one shared with the outside account, and none.
    const repos = await aws.store.read(
      `MATCH (:AWSAccount {id: $account})-[:RESOURCE]->(r:AWSECRRepository {region: $region})
       WHERE r.name IN ['public-base-images', 'partner-shared-images', 'account-only-images', 'legacy-api']
       RETURN r.name AS name, r.anonymous_access AS anonymous, r.cross_account_principals AS foreign, r.has_policy AS has
       ORDER BY name`,
      params,
    );
    expect(repos).toEqual([
      { name: 'account-only-images', anonymous: false, foreign: [], has: true },
      { name: 'legacy-api', anonymous: false, foreign: [], has: false },
      {
        name: 'partner-shared-images',
        anonymous: false,
        foreign: [partner],
        has: true,
      },
      { name: 'public-base-images', anonymous: true, foreign: [], has: true },
    ]);
  });

  it('counts the requests per account-region: one describe per page, one task definition per revision in use', async () => {
    await aws.sync({ awsServices: ['ecr', 'ecs'] });
    const stats = aws.emulator.stats().byOperation ?? {};
    const regions = activeMembers(aws.estate).flatMap((a) => Object.values(a.regions));
    const sum = (f: (r: (typeof regions)[number]) => number) => regions.reduce((n, r) => n + f(r), 0);
    expect(stats['ecs:ListClusters']).toBe(regions.length);
    expect(stats['ecs:DescribeClusters']).toBe(sum((r) => (r.ecsClusters.length > 0 ? 1 : 0)));
    expect(stats['ecs:DescribeTaskDefinition']).toBe(sum((r) => r.ecsTaskDefinitions.length));
    expect(stats['ecr:DescribeRepositories']).toBe(regions.length);
    expect(stats['ecr:GetRepositoryPolicy']).toBe(sum((r) => r.ecrRepositories.length));
    expect(stats['ecr:DescribeImages']).toBe(sum((r) => r.ecrRepositories.length));
    expect(stats['ecr:DescribeImageScanFindings']).toBeUndefined();
  });

  it('reports a region where ECS is denied, keeps its clusters, and syncs the rest', async () => {
    expect((await aws.sync(SERVICES)).result.status).toBe('success');
    const { member, region, resources } = seeded();
    const gone = resources.ecsClusters.pop();
    aws.emulator.setFaults([
      { service: 'ecs', account: member.id, region, operation: 'ListClusters', kind: 'AccessDenied' },
    ]);
    const { result, warnings } = await aws.sync(SERVICES);
    expect(result.status).toBe('partial');
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({
      scope: `aws/${member.id}/${region}`,
      collector: 'ecs:clusters',
      code: 'ACCESS_DENIED',
    });
    expect(
      warnings.filter((w) => w.collector === 'ecs:clusters' || w.msg.includes('collector failed')),
    ).toHaveLength(1);
    expect(
      await count(aws.store, 'MATCH (c:AWSECSCluster {id: $id}) RETURN count(c) AS c', {
        id: `arn:aws:ecs:${region}:${member.id}:cluster/${gone?.clusterName}`,
      }),
    ).toBe(1);
    aws.emulator.setFaults([]);
    expect((await aws.sync(SERVICES)).result.status).toBe('success');
    await expectRegionalLabelsMatchEstate(aws.store, aws.estate, LABELS);
  });

  it('keeps a repository whose policy the audit role may not read, its analysis unknown, with one warning', async () => {
    const { member, region } = seeded();
    aws.emulator.setFaults([
      {
        service: 'ecr',
        account: member.id,
        region,
        operation: 'GetRepositoryPolicy',
        kind: 'AccessDenied',
        times: 1,
      },
    ]);
    const { result, warnings } = await aws.sync({ awsServices: ['ecr'] });
    expect(result.status).toBe('success');
    expect(warnings).toEqual([
      expect.objectContaining({ operation: 'GetRepositoryPolicy', collector: 'ecr:repositories' }),
    ]);
    expect(
      await count(
        aws.store,
        `MATCH (:AWSAccount {id: $account})-[:RESOURCE]->(r:AWSECRRepository {region: $region})
         WHERE r.has_policy IS NULL RETURN count(r) AS c`,
        { account: member.id, region },
      ),
    ).toBe(1);
  });
});
