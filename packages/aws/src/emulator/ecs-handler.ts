import { createHash } from 'node:crypto';
import { AwsApiError } from './api-error.ts';
import type {
  AwsEcsCluster,
  AwsEcsService,
  AwsEcsTask,
  AwsEcsTaskDefinition,
} from './estate-container-types.ts';
import type { AwsTag } from './estate-types.ts';
import { epochSeconds, jsonString, jsonStrings, requiredString, tokenPage } from './json-list.ts';
import { jsonResponse } from './protocols.ts';
import { type RequestContext, regionOf } from './request-context.ts';
import type { EmulatedService } from './services.ts';

type Json = Record<string, unknown>;

export const ECS_OPERATIONS: readonly string[] = [
  'ListClusters',
  'DescribeClusters',
  'ListServices',
  'DescribeServices',
  'ListTasks',
  'DescribeTasks',
  'DescribeTaskDefinition',
];

const base = (ctx: RequestContext) => `arn:aws:ecs:${ctx.region}:${ctx.account.id}`;
const clusterArn = (ctx: RequestContext, c: AwsEcsCluster) => `${base(ctx)}:cluster/${c.clusterName}`;
const taskDefinitionArn = (ctx: RequestContext, familyRevision: string) =>
  `${base(ctx)}:task-definition/${familyRevision}`;
const renderTags = (tags: AwsTag[]) => tags.map((t) => ({ key: t.key, value: t.value }));
const wantsTags = (input: Json) => jsonStrings(input, 'include').includes('TAGS');

/** A stable container id (ECS gives each container of a task a UUID). */
function containerId(taskId: string, name: string): string {
  const h = createHash('sha256').update(`${taskId}/${name}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** The name an ARN or a name denotes (`cluster/<name>`, `service/<cluster>/<name>`, `task/<cluster>/<id>`). */
const lastSegment = (nameOrArn: string) => nameOrArn.split('/').pop() ?? nameOrArn;

/** The cluster a request names (`default` when it names none). */
function clusterOf(ctx: RequestContext, input: Json): AwsEcsCluster {
  const name = lastSegment(jsonString(input, 'cluster') ?? 'default');
  const cluster = regionOf(ctx)?.ecsClusters.find((c) => c.clusterName === name);
  if (!cluster) throw new AwsApiError('ClusterNotFoundException', 'Cluster not found.');
  return cluster;
}

function renderCluster(ctx: RequestContext, c: AwsEcsCluster, tags: boolean, configurations: boolean): Json {
  return {
    clusterArn: clusterArn(ctx, c),
    clusterName: c.clusterName,
    status: c.status,
    registeredContainerInstancesCount: 0,
    runningTasksCount: c.tasks.length,
    pendingTasksCount: 0,
    activeServicesCount: c.services.length,
    statistics: [],
    capacityProviders: c.capacityProviders,
    defaultCapacityProviderStrategy: [],
    settings: [{ name: 'containerInsights', value: 'disabled' }],
    ...(configurations ? { configuration: { executeCommandConfiguration: { logging: 'DEFAULT' } } } : {}),
    ...(tags ? { tags: renderTags(c.tags) } : {}),
  };
}

function renderService(ctx: RequestContext, c: AwsEcsCluster, s: AwsEcsService, tags: boolean): Json {
  const running = c.tasks.filter((t) => t.serviceName === s.serviceName).length;
  return {
    serviceArn: `${base(ctx)}:service/${c.clusterName}/${s.serviceName}`,
    serviceName: s.serviceName,
    clusterArn: clusterArn(ctx, c),
    loadBalancers: s.loadBalancers,
    serviceRegistries: [],
    status: 'ACTIVE',
    desiredCount: s.desiredCount,
    runningCount: running,
    pendingCount: 0,
    launchType: s.launchType,
    platformVersion: 'LATEST',
    platformFamily: 'Linux',
    taskDefinition: taskDefinitionArn(ctx, s.taskDefinition),
    deploymentConfiguration: {
      deploymentCircuitBreaker: { enable: true, rollback: true },
      maximumPercent: 200,
      minimumHealthyPercent: 100,
    },
    networkConfiguration: {
      awsvpcConfiguration: {
        subnets: s.network.subnets,
        securityGroups: s.network.securityGroups,
        assignPublicIp: s.network.assignPublicIp,
      },
    },
    ...(s.loadBalancers.length > 0 ? { healthCheckGracePeriodSeconds: 60 } : {}),
    createdAt: epochSeconds(s.createdAt),
    createdBy: `arn:aws:iam::${ctx.account.id}:role/deployer`,
    schedulingStrategy: 'REPLICA',
    enableECSManagedTags: true,
    propagateTags: 'SERVICE',
    enableExecuteCommand: false,
    ...(tags ? { tags: renderTags(s.tags) } : {}),
  };
}

function taskDefinitionOf(ctx: RequestContext, familyRevision: string): AwsEcsTaskDefinition | undefined {
  return regionOf(ctx)?.ecsTaskDefinitions.find((d) => `${d.family}:${d.revision}` === familyRevision);
}

function renderTask(ctx: RequestContext, c: AwsEcsCluster, t: AwsEcsTask, tags: boolean): Json {
  const arn = `${base(ctx)}:task/${c.clusterName}/${t.taskId}`;
  const td = taskDefinitionOf(ctx, t.taskDefinition);
  return {
    taskArn: arn,
    clusterArn: clusterArn(ctx, c),
    taskDefinitionArn: taskDefinitionArn(ctx, t.taskDefinition),
    group: t.serviceName ? `service:${t.serviceName}` : `family:${t.taskDefinition.split(':')[0]}`,
    launchType: t.launchType,
    platformVersion: '1.4.0',
    platformFamily: 'Linux',
    availabilityZone: t.availabilityZone,
    ...(t.launchType === 'FARGATE'
      ? { capacityProviderName: 'FARGATE', ephemeralStorage: { sizeInGiB: 20 } }
      : {}),
    connectivity: 'CONNECTED',
    connectivityAt: epochSeconds(t.createdAt) + 5,
    lastStatus: 'RUNNING',
    desiredStatus: 'RUNNING',
    healthStatus: 'UNKNOWN',
    cpu: td?.cpu,
    memory: td?.memory,
    createdAt: epochSeconds(t.createdAt),
    pullStartedAt: epochSeconds(t.createdAt) + 10,
    pullStoppedAt: epochSeconds(t.createdAt) + 20,
    startedAt: epochSeconds(t.createdAt) + 30,
    ...(t.serviceName ? { startedBy: `ecs-svc/${t.taskId.slice(0, 19)}` } : {}),
    enableExecuteCommand: false,
    version: 3,
    attachments: t.networkInterfaceId
      ? [
          {
            id: containerId(t.taskId, 'eni'),
            type: 'ElasticNetworkInterface',
            status: 'ATTACHED',
            details: [
              { name: 'networkInterfaceId', value: t.networkInterfaceId },
              ...(t.privateIpv4Address ? [{ name: 'privateIPv4Address', value: t.privateIpv4Address }] : []),
            ],
          },
        ]
      : [],
    containers: t.containers.map((k) => {
      const def = td?.containerDefinitions.find((d) => d.name === k.name);
      return {
        containerArn: `${base(ctx)}:container/${c.clusterName}/${t.taskId}/${containerId(t.taskId, k.name)}`,
        taskArn: arn,
        name: k.name,
        image: def?.image,
        ...(k.imageDigest ? { imageDigest: k.imageDigest } : {}),
        runtimeId: k.runtimeId,
        lastStatus: 'RUNNING',
        networkBindings: [],
        networkInterfaces: t.privateIpv4Address
          ? [{ attachmentId: containerId(t.taskId, 'eni'), privateIpv4Address: t.privateIpv4Address }]
          : [],
        healthStatus: 'UNKNOWN',
        cpu: String(def?.cpu ?? 0),
        memory: String(def?.memory ?? 0),
      };
    }),
    ...(tags ? { tags: renderTags(t.tags) } : {}),
  };
}

function renderTaskDefinition(ctx: RequestContext, d: AwsEcsTaskDefinition): Json {
  return {
    taskDefinitionArn: taskDefinitionArn(ctx, `${d.family}:${d.revision}`),
    containerDefinitions: d.containerDefinitions.map((c) => ({
      name: c.name,
      image: c.image,
      cpu: c.cpu,
      memory: c.memory,
      portMappings: c.portMappings.map((p) => ({ ...p, hostPort: p.containerPort })),
      essential: c.essential,
      environment: c.environment,
      mountPoints: [],
      volumesFrom: [],
      secrets: c.secrets,
      ...(c.privileged !== undefined ? { privileged: c.privileged } : {}),
      ...(c.readonlyRootFilesystem !== undefined ? { readonlyRootFilesystem: c.readonlyRootFilesystem } : {}),
    })),
    family: d.family,
    ...(d.taskRoleArn ? { taskRoleArn: d.taskRoleArn } : {}),
    ...(d.executionRoleArn ? { executionRoleArn: d.executionRoleArn } : {}),
    networkMode: d.networkMode,
    revision: d.revision,
    volumes: [],
    status: 'ACTIVE',
    requiresAttributes: [{ name: 'com.amazonaws.ecs.capability.task-eni' }],
    placementConstraints: [],
    compatibilities: ['EC2', 'FARGATE'],
    requiresCompatibilities: d.requiresCompatibilities,
    cpu: d.cpu,
    memory: d.memory,
    registeredAt: epochSeconds(d.registeredAt),
    registeredBy: `arn:aws:iam::${ctx.account.id}:role/deployer`,
  };
}

/** Describe* of named resources: the found ones, and a `MISSING` failure for each other. */
function described<T>(
  names: string[],
  find: (name: string) => T | undefined,
  render: (item: T) => Json,
  arnOf: (name: string) => string,
): Json {
  const found: Json[] = [];
  const failures: Json[] = [];
  for (const name of names) {
    const item = find(lastSegment(name));
    if (item) found.push(render(item));
    else failures.push({ arn: name.startsWith('arn:') ? name : arnOf(name), reason: 'MISSING' });
  }
  return { found, failures };
}

function limited(input: Json, member: string, max: number): string[] {
  const names = jsonStrings(input, member);
  if (names.length > max)
    throw new AwsApiError('InvalidParameterException', `${member} can have at most ${max} items.`);
  return names;
}

/** The ECS operations the collectors call (JSON 1.1, `AmazonEC2ContainerServiceV20141113.<Operation>`). */
export function handleEcs(ctx: RequestContext): Json {
  const input = ctx.json ?? {};
  const tags = wantsTags(input);
  switch (ctx.operation) {
    case 'ListClusters': {
      const page = tokenPage(ctx, input, regionOf(ctx)?.ecsClusters ?? [], { max: 100, fallback: 100 });
      return {
        clusterArns: page.items.map((c) => clusterArn(ctx, c)),
        ...(page.nextToken ? { nextToken: page.nextToken } : {}),
      };
    }
    case 'DescribeClusters': {
      const names = limited(input, 'clusters', 100);
      const r = described(
        names.length > 0 ? names : ['default'],
        (n) => regionOf(ctx)?.ecsClusters.find((c) => c.clusterName === n),
        (c) => renderCluster(ctx, c, tags, jsonStrings(input, 'include').includes('CONFIGURATIONS')),
        (n) => `${base(ctx)}:cluster/${n}`,
      );
      return { clusters: r.found, failures: r.failures };
    }
    case 'ListServices': {
      const c = clusterOf(ctx, input);
      const page = tokenPage(ctx, input, c.services, { max: 100, fallback: 10 });
      return {
        serviceArns: page.items.map((s) => `${base(ctx)}:service/${c.clusterName}/${s.serviceName}`),
        ...(page.nextToken ? { nextToken: page.nextToken } : {}),
      };
    }
    case 'DescribeServices': {
      const c = clusterOf(ctx, input);
      const r = described(
        limited(input, 'services', 10),
        (n) => c.services.find((s) => s.serviceName === n),
        (s) => renderService(ctx, c, s, tags),
        (n) => `${base(ctx)}:service/${c.clusterName}/${n}`,
      );
      return { services: r.found, failures: r.failures };
    }
    case 'ListTasks': {
      const c = clusterOf(ctx, input);
      const service = jsonString(input, 'serviceName');
      const status = jsonString(input, 'desiredStatus') ?? 'RUNNING';
      // Every task of the estate is running; a stopped listing is empty.
      const running = status === 'RUNNING' ? c.tasks : [];
      const items = service ? running.filter((t) => t.serviceName === lastSegment(service)) : running;
      const page = tokenPage(ctx, input, items, { max: 100, fallback: 100 });
      return {
        taskArns: page.items.map((t) => `${base(ctx)}:task/${c.clusterName}/${t.taskId}`),
        ...(page.nextToken ? { nextToken: page.nextToken } : {}),
      };
    }
    case 'DescribeTasks': {
      const c = clusterOf(ctx, input);
      const r = described(
        limited(input, 'tasks', 100),
        (n) => c.tasks.find((t) => t.taskId === n),
        (t) => renderTask(ctx, c, t, tags),
        (n) => `${base(ctx)}:task/${c.clusterName}/${n}`,
      );
      return { tasks: r.found, failures: r.failures };
    }
    case 'DescribeTaskDefinition': {
      const name = requiredString(input, 'taskDefinition', 'ClientException');
      const local = name.startsWith('arn:') ? name.slice(name.indexOf('task-definition/') + 16) : name;
      const defs = regionOf(ctx)?.ecsTaskDefinitions ?? [];
      // A family alone names its latest ACTIVE revision.
      const d = local.includes(':')
        ? taskDefinitionOf(ctx, local)
        : defs.filter((x) => x.family === local).sort((a, b) => b.revision - a.revision)[0];
      if (!d || (name.startsWith('arn:') && !name.startsWith(base(ctx)))) {
        throw new AwsApiError('ClientException', 'Unable to describe task definition.');
      }
      return { taskDefinition: renderTaskDefinition(ctx, d), ...(tags ? { tags: renderTags(d.tags) } : {}) };
    }
    default:
      throw new AwsApiError('UnknownOperationException', `Unknown operation ${ctx.operation}`);
  }
}

/** ECS in the emulator's service registry. */
export const ecsService: EmulatedService = {
  name: 'ecs',
  signingName: 'ecs',
  protocol: 'json',
  errors: { internal: ['ServerException', 500] },
  handle: (ctx) => jsonResponse(handleEcs(ctx), ctx.requestId),
};
