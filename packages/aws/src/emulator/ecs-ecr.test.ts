import {
  DescribeImagesCommand,
  DescribeRepositoriesCommand,
  ECRClient,
  GetRepositoryPolicyCommand,
  ListImagesCommand,
  paginateDescribeRepositories,
} from '@aws-sdk/client-ecr';
import {
  DescribeClustersCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ECSClient,
  ListClustersCommand,
  ListServicesCommand,
  ListTasksCommand,
  paginateListServices,
} from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientConfig, rejectionOf } from './sdk-test-support.ts';
import { type AwsEmulator, startAwsEmulator } from './server.ts';

let emulator: AwsEmulator;

beforeAll(async () => {
  emulator = await startAwsEmulator({
    seed: 67,
    scale: { accounts: 2, regionsPerAccount: 2, resourcesPerRegion: 4, counts: { ecsServices: 12 } },
  });
});
afterAll(() => emulator.close());

const account = () => emulator.estate.accounts[0];
const hubRegion = () => {
  const region = account()?.regions['us-east-1'];
  if (!region) throw new Error('no hub region');
  return region;
};
const ecs = (region = 'us-east-1') => new ECSClient(clientConfig(emulator, { region }));
const ecr = (region = 'us-east-1') => new ECRClient(clientConfig(emulator, { region }));

describe('ECS emulation', () => {
  it('lists and describes clusters, with MISSING failures for unknown ones', async () => {
    const model = hubRegion().ecsClusters;
    const listed = await ecs().send(new ListClustersCommand({}));
    expect(listed.clusterArns).toEqual(
      model.map((c) => `arn:aws:ecs:us-east-1:${account()?.id}:cluster/${c.clusterName}`),
    );
    const out = await ecs().send(
      new DescribeClustersCommand({ clusters: [...(listed.clusterArns ?? []), 'nope'], include: ['TAGS'] }),
    );
    expect(out.clusters?.map((c) => [c.clusterName, c.status, c.activeServicesCount])).toEqual(
      model.map((c) => [c.clusterName, 'ACTIVE', c.services.length]),
    );
    expect(out.clusters?.[0]?.tags).toEqual([{ key: 'team', value: 'platform' }]);
    expect(out.failures).toEqual([
      { arn: `arn:aws:ecs:us-east-1:${account()?.id}:cluster/nope`, reason: 'MISSING' },
    ]);
  });

  it('pages ListServices (10 by default) and describes at most 10 services with their network configuration', async () => {
    const cluster = hubRegion().ecsClusters[0];
    if (!cluster) throw new Error('no cluster');
    const arns: string[] = [];
    for await (const page of paginateListServices(
      { client: ecs() },
      { cluster: cluster.clusterName, maxResults: 2 },
    )) {
      arns.push(...(page.serviceArns ?? []));
    }
    expect(arns.map((a) => a.split('/').pop())).toEqual(cluster.services.map((s) => s.serviceName));
    const first = await ecs().send(new ListServicesCommand({ cluster: cluster.clusterName }));
    expect(first.serviceArns?.length).toBe(Math.min(10, cluster.services.length));
    const described = await ecs().send(
      new DescribeServicesCommand({ cluster: cluster.clusterName, services: arns.slice(0, 1) }),
    );
    const model = cluster.services[0];
    expect(described.services?.[0]).toMatchObject({
      serviceName: model?.serviceName,
      taskDefinition: `arn:aws:ecs:us-east-1:${account()?.id}:task-definition/${model?.taskDefinition}`,
      networkConfiguration: { awsvpcConfiguration: { assignPublicIp: model?.network.assignPublicIp } },
    });
    const tooMany = await rejectionOf(
      ecs().send(
        new DescribeServicesCommand({ cluster: cluster.clusterName, services: Array(11).fill('x') }),
      ),
    );
    expect(tooMany.name).toBe('InvalidParameterException');
    const unknown = await rejectionOf(ecs().send(new ListServicesCommand({ cluster: 'nope' })));
    expect(unknown.name).toBe('ClusterNotFoundException');
  });

  it('describes tasks with their containers and image digests, and task definitions by family or ARN', async () => {
    const cluster = hubRegion().ecsClusters[0];
    if (!cluster) throw new Error('no cluster');
    const listed = await ecs().send(new ListTasksCommand({ cluster: cluster.clusterName }));
    expect(listed.taskArns?.length).toBe(cluster.tasks.length);
    const stopped = await ecs().send(
      new ListTasksCommand({ cluster: cluster.clusterName, desiredStatus: 'STOPPED' }),
    );
    expect(stopped.taskArns).toEqual([]);
    const out = await ecs().send(
      new DescribeTasksCommand({ cluster: cluster.clusterName, tasks: listed.taskArns }),
    );
    const task = out.tasks?.[0];
    const model = cluster.tasks[0];
    expect(task?.group).toBe(`service:${model?.serviceName}`);
    expect(task?.containers?.map((c) => c.imageDigest)).toEqual(model?.containers.map((c) => c.imageDigest));
    expect(task?.attachments?.[0]?.details).toContainEqual({
      name: 'networkInterfaceId',
      value: model?.networkInterfaceId,
    });
    const byArn = await ecs().send(
      new DescribeTaskDefinitionCommand({ taskDefinition: task?.taskDefinitionArn }),
    );
    const byFamily = await ecs().send(
      new DescribeTaskDefinitionCommand({ taskDefinition: model?.taskDefinition.split(':')[0] }),
    );
    expect(byFamily.taskDefinition).toEqual(byArn.taskDefinition);
    expect(byArn.taskDefinition?.containerDefinitions?.map((c) => c.name)).toEqual([
      model?.containers[0]?.name,
      'log-router',
    ]);
    const gone = await rejectionOf(
      ecs().send(new DescribeTaskDefinitionCommand({ taskDefinition: 'nope:1' })),
    );
    expect(gone.name).toBe('ClientException');
  });
});

describe('ECR emulation', () => {
  it('pages DescribeRepositories with their settings', async () => {
    const names: string[] = [];
    for await (const page of paginateDescribeRepositories({ client: ecr() }, { maxResults: 3 })) {
      names.push(...(page.repositories ?? []).map((r) => r.repositoryName ?? ''));
    }
    const model = hubRegion().ecrRepositories;
    expect(names).toEqual(model.map((r) => r.repositoryName));
    const [one] =
      (await ecr().send(new DescribeRepositoriesCommand({ repositoryNames: [names[0] ?? ''] })))
        .repositories ?? [];
    expect(one).toMatchObject({
      registryId: account()?.id,
      repositoryUri: `${account()?.id}.dkr.ecr.us-east-1.amazonaws.com/${model[0]?.repositoryName}`,
      imageTagMutability: model[0]?.imageTagMutability,
      imageScanningConfiguration: { scanOnPush: model[0]?.scanOnPush },
      encryptionConfiguration: { encryptionType: model[0]?.encryptionType },
    });
    const missing = await rejectionOf(
      ecr().send(new DescribeRepositoriesCommand({ repositoryNames: ['nope'] })),
    );
    expect(missing.name).toBe('RepositoryNotFoundException');
  });

  it('answers GetRepositoryPolicy with the policy, or RepositoryPolicyNotFoundException', async () => {
    const model = hubRegion().ecrRepositories;
    const withPolicy = model.find((r) => r.policy);
    const without = model.find((r) => !r.policy);
    if (!withPolicy || !without) throw new Error('the region needs repositories with and without a policy');
    const out = await ecr().send(
      new GetRepositoryPolicyCommand({ repositoryName: withPolicy.repositoryName }),
    );
    expect(JSON.parse(out.policyText ?? '')).toEqual(withPolicy.policy);
    const none = await rejectionOf(
      ecr().send(new GetRepositoryPolicyCommand({ repositoryName: without.repositoryName })),
    );
    expect(none.name).toBe('RepositoryPolicyNotFoundException');
  });

  it('describes images with the scan summary, and lists them one id per tag', async () => {
    const repo = hubRegion().ecrRepositories.find((r) => r.images.some((i) => i.scan));
    if (!repo) throw new Error('no scanned repository');
    const out = await ecr().send(new DescribeImagesCommand({ repositoryName: repo.repositoryName }));
    const scanned = repo.images.find((i) => i.scan);
    const detail = out.imageDetails?.find((d) => d.imageDigest === scanned?.imageDigest);
    expect(detail?.imageScanStatus?.status).toBe('COMPLETE');
    expect(detail?.imageScanFindingsSummary?.findingSeverityCounts).toEqual(
      scanned?.scan?.findingSeverityCounts,
    );
    const ids = await ecr().send(new ListImagesCommand({ repositoryName: repo.repositoryName }));
    expect(ids.imageIds?.length).toBe(repo.images.reduce((n, i) => n + Math.max(1, i.imageTags.length), 0));
    const bad = await rejectionOf(
      ecr().send(new DescribeImagesCommand({ repositoryName: repo.repositoryName, nextToken: 'bogus' })),
    );
    expect(bad.name).toBe('InvalidParameterException');
  });
});
