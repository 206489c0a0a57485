import {
  type Cluster,
  type ContainerDefinition,
  DescribeClustersCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  type ECSClient,
  ListClustersCommand,
  ListServicesCommand,
  ListTasksCommand,
  type Service,
  type Task,
  type TaskDefinition,
} from '@aws-sdk/client-ecs';
import { type CollectContext, defineCollector, load, type NodeRow } from '@skygraph/core';
import pLimit from 'p-limit';
import { streamWith } from '../../aws-clients.ts';
import type { AwsScopeContext } from '../../aws-context.ts';
import { paginate, requestSignal } from '../../paging.ts';
import {
  ECSCluster,
  ECSContainer,
  ECSContainerDefinition,
  ECSService,
  ECSTask,
  ECSTaskDefinition,
} from '../../schema/ecs.ts';
import { unlessRefused } from '../unless-refused.ts';
import { present, unixSeconds, type Where } from '../where.ts';

/**
 * A page of the collector: the region's clusters, then per cluster the task
 * definitions its services and tasks use (before what points at them), its
 * services and its tasks.
 */
export type EcsPage =
  | { clusters: Cluster[] }
  | { taskDefinitions: TaskDefinition[] }
  | { services: Service[] }
  | { tasks: Task[] };

/** Environment variable names that look like a credential (their values are never read into the graph). */
const SECRET_NAME =
  /passw(or)?d|pwd|secret|token|credential|(^|[^a-z])(api|access|private|secret)?[_-]?key([^a-z]|$)/i;

export function secretLikeNames(names: readonly string[]): string[] {
  return names.filter((n) => SECRET_NAME.test(n));
}

export function transformClusters(page: { clusters: Cluster[] }, where: Where) {
  const rows: NodeRow<typeof ECSCluster>[] = [];
  for (const c of page.clusters) {
    if (!c.clusterArn || !c.clusterName) continue;
    const ecc = c.configuration?.executeCommandConfiguration;
    const log = ecc?.logConfiguration;
    rows.push({
      id: c.clusterArn,
      arn: c.clusterArn,
      name: c.clusterName,
      status: c.status,
      capacity_providers: c.capacityProviders,
      attachments_status: c.attachmentsStatus,
      ecc_kms_key_id: ecc?.kmsKeyId,
      ecc_logging: ecc?.logging,
      ecc_log_configuration_cloud_watch_log_group_name: log?.cloudWatchLogGroupName,
      ecc_log_configuration_cloud_watch_encryption_enabled: log?.cloudWatchEncryptionEnabled,
      ecc_log_configuration_s3_bucket_name: log?.s3BucketName,
      ecc_log_configuration_s3_encryption_enabled: log?.s3EncryptionEnabled,
      ecc_log_configuration_s3_key_prefix: log?.s3KeyPrefix,
      region: where.region,
    });
  }
  return [load(ECSCluster, rows)] as const;
}

function containerDefinitionRow(
  arn: string,
  c: ContainerDefinition,
  where: Where,
): NodeRow<typeof ECSContainerDefinition> | undefined {
  if (!c.name) return undefined;
  const names = present((c.environment ?? []).map((e) => e.name));
  return {
    id: `${arn}-${c.name}`,
    task_definition_arn: arn,
    name: c.name,
    image: c.image,
    cpu: c.cpu,
    memory: c.memory,
    memory_reservation: c.memoryReservation,
    essential: c.essential,
    privileged: c.privileged,
    readonly_root_filesystem: c.readonlyRootFilesystem,
    user: c.user,
    links: c.links,
    entry_point: c.entryPoint,
    command: c.command,
    start_timeout: c.startTimeout,
    stop_timeout: c.stopTimeout,
    hostname: c.hostname,
    working_directory: c.workingDirectory,
    disable_networking: c.disableNetworking,
    dns_servers: c.dnsServers,
    dns_search_domains: c.dnsSearchDomains,
    docker_security_options: c.dockerSecurityOptions,
    interactive: c.interactive,
    pseudo_terminal: c.pseudoTerminal,
    environment_names: names,
    secret_like_environment_names: secretLikeNames(names),
    region: where.region,
    task_definition: arn,
  };
}

export function transformTaskDefinitions(page: { taskDefinitions: TaskDefinition[] }, where: Where) {
  const rows: NodeRow<typeof ECSTaskDefinition>[] = [];
  const containers: NodeRow<typeof ECSContainerDefinition>[] = [];
  for (const d of page.taskDefinitions) {
    const arn = d.taskDefinitionArn;
    if (!arn) continue;
    rows.push({
      id: arn,
      arn,
      family: d.family,
      task_role_arn: d.taskRoleArn,
      execution_role_arn: d.executionRoleArn,
      network_mode: d.networkMode,
      revision: d.revision,
      status: d.status,
      compatibilities: d.compatibilities,
      requires_compatibilities: d.requiresCompatibilities,
      runtime_platform_cpu_architecture: d.runtimePlatform?.cpuArchitecture,
      runtime_platform_operating_system_family: d.runtimePlatform?.operatingSystemFamily,
      cpu: d.cpu,
      memory: d.memory,
      pid_mode: d.pidMode,
      ipc_mode: d.ipcMode,
      proxy_configuration_type: d.proxyConfiguration?.type,
      proxy_configuration_container_name: d.proxyConfiguration?.containerName,
      registered_at: unixSeconds(d.registeredAt),
      deregistered_at: unixSeconds(d.deregisteredAt),
      registered_by: d.registeredBy,
      ephemeral_storage_size_in_gib: d.ephemeralStorage?.sizeInGiB,
      region: where.region,
      task_role: d.taskRoleArn,
      execution_role: d.executionRoleArn,
    });
    for (const c of d.containerDefinitions ?? []) {
      const row = containerDefinitionRow(arn, c, where);
      if (row) containers.push(row);
    }
  }
  return [load(ECSTaskDefinition, rows), load(ECSContainerDefinition, containers)] as const;
}

export function transformServices(page: { services: Service[] }, where: Where) {
  const rows: NodeRow<typeof ECSService>[] = [];
  for (const s of page.services) {
    if (!s.serviceArn || !s.serviceName || !s.clusterArn) continue;
    const vpc = s.networkConfiguration?.awsvpcConfiguration;
    const deployment = s.deploymentConfiguration;
    rows.push({
      id: s.serviceArn,
      arn: s.serviceArn,
      name: s.serviceName,
      cluster_arn: s.clusterArn,
      status: s.status,
      desired_count: s.desiredCount,
      running_count: s.runningCount,
      pending_count: s.pendingCount,
      launch_type: s.launchType,
      platform_version: s.platformVersion,
      platform_family: s.platformFamily,
      task_definition: s.taskDefinition,
      deployment_config_circuit_breaker_enable: deployment?.deploymentCircuitBreaker?.enable,
      deployment_config_circuit_breaker_rollback: deployment?.deploymentCircuitBreaker?.rollback,
      deployment_config_maximum_percent: deployment?.maximumPercent,
      deployment_config_minimum_healthy_percent: deployment?.minimumHealthyPercent,
      health_check_grace_period_seconds: s.healthCheckGracePeriodSeconds,
      enable_ecs_managed_tags: s.enableECSManagedTags,
      propagate_tags: s.propagateTags,
      role_arn: s.roleArn,
      created_at: unixSeconds(s.createdAt),
      created_by: s.createdBy,
      enable_execute_command: s.enableExecuteCommand,
      assign_public_ip: vpc?.assignPublicIp,
      subnets: vpc?.subnets,
      security_groups: vpc?.securityGroups,
      target_group_arns: present((s.loadBalancers ?? []).map((l) => l.targetGroupArn)),
      region: where.region,
      cluster: s.clusterArn,
      parent: s.clusterArn,
      definition: s.taskDefinition,
    });
  }
  return [load(ECSService, rows)] as const;
}

/** `service:<name>` names the service a task runs for (Cartography reads it from the group too). */
const serviceNameOf = (t: Task) => (t.group?.startsWith('service:') ? t.group.slice(8) : undefined);

export function transformTasks(page: { tasks: Task[] }, where: Where) {
  const tasks: NodeRow<typeof ECSTask>[] = [];
  const containers: NodeRow<typeof ECSContainer>[] = [];
  for (const t of page.tasks) {
    if (!t.taskArn || !t.clusterArn) continue;
    const serviceName = serviceNameOf(t);
    // The service's ARN: its cluster's with `service/<cluster name>/<service name>`.
    const serviceArn = serviceName
      ? `${t.clusterArn.replace(':cluster/', ':service/')}/${serviceName}`
      : undefined;
    const eni = t.attachments
      ?.find((a) => a.type === 'ElasticNetworkInterface')
      ?.details?.find((d) => d.name === 'networkInterfaceId')?.value;
    tasks.push({
      id: t.taskArn,
      arn: t.taskArn,
      cluster_arn: t.clusterArn,
      task_definition_arn: t.taskDefinitionArn,
      group: t.group,
      service_name: serviceName,
      launch_type: t.launchType,
      platform_version: t.platformVersion,
      platform_family: t.platformFamily,
      capacity_provider_name: t.capacityProviderName,
      container_instance_arn: t.containerInstanceArn,
      availability_zone: t.availabilityZone,
      connectivity: t.connectivity,
      connectivity_at: unixSeconds(t.connectivityAt),
      last_status: t.lastStatus,
      desired_status: t.desiredStatus,
      health_status: t.healthStatus,
      cpu: t.cpu,
      memory: t.memory,
      created_at: unixSeconds(t.createdAt),
      started_at: unixSeconds(t.startedAt),
      started_by: t.startedBy,
      pull_started_at: unixSeconds(t.pullStartedAt),
      pull_stopped_at: unixSeconds(t.pullStoppedAt),
      stopping_at: unixSeconds(t.stoppingAt),
      stopped_at: unixSeconds(t.stoppedAt),
      execution_stopped_at: unixSeconds(t.executionStoppedAt),
      stop_code: t.stopCode,
      stopped_reason: t.stoppedReason,
      ephemeral_storage_size_in_gib: t.ephemeralStorage?.sizeInGiB,
      enable_execute_command: t.enableExecuteCommand,
      network_interface_id: eni,
      version: t.version,
      region: where.region,
      cluster: t.clusterArn,
      // The service's ARN: its cluster's with `service/<cluster name>/<service name>`.
      service: serviceArn,
      service_task: serviceArn,
      // Cartography parents a task no service runs on its cluster.
      standalone: serviceArn ? undefined : t.clusterArn,
      task_definition: t.taskDefinitionArn,
      network_interface: eni,
    });
    for (const c of t.containers ?? []) {
      if (!c.containerArn || !c.name) continue;
      containers.push({
        id: c.containerArn,
        arn: c.containerArn,
        task_arn: t.taskArn,
        name: c.name,
        image: c.image,
        image_digest: c.imageDigest,
        runtime_id: c.runtimeId,
        last_status: c.lastStatus,
        health_status: c.healthStatus,
        exit_code: c.exitCode,
        reason: c.reason,
        cpu: c.cpu,
        memory: c.memory,
        memory_reservation: c.memoryReservation,
        gpu_ids: c.gpuIds,
        region: where.region,
        task: t.taskArn,
        parent: t.taskArn,
        ecr_image: c.imageDigest,
      });
    }
  }
  return [load(ECSTask, tasks), load(ECSContainer, containers)] as const;
}

type Ctx = CollectContext<AwsScopeContext>;

const chunks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/** The ARNs a token-paged ECS listing returns. */
async function listArns<T>(
  ctx: Ctx,
  operation: string,
  send: (nextToken: string | undefined) => Promise<T & { nextToken?: string }>,
  arnsOf: (page: T) => string[] | undefined,
): Promise<string[]> {
  const arns: string[] = [];
  for await (const page of paginate(ctx, operation, send, (p) => p.nextToken))
    arns.push(...(arnsOf(page) ?? []));
  return arns;
}

/** A task definition deregistered and deleted since a task used it is gone. */
const TASK_DEFINITION_REFUSED = 'an ECS task definition request refused; left unknown';

async function* clusterPages(
  ctx: Ctx,
  ecs: ECSClient,
  cluster: string,
  seen: Set<string>,
): AsyncIterable<EcsPage> {
  const signal = () => ({ abortSignal: requestSignal(ctx.signal) });
  const serviceArns = await listArns(
    ctx,
    'ecs:ListServices',
    (nextToken) => ecs.send(new ListServicesCommand({ cluster, maxResults: 100, nextToken }), signal()),
    (p) => p.serviceArns,
  );
  const services: Service[] = [];
  for (const batch of chunks(serviceArns, 10)) {
    const out = await ctx.call('ecs:DescribeServices', () =>
      ecs.send(new DescribeServicesCommand({ cluster, services: batch }), signal()),
    );
    services.push(...(out.services ?? []));
  }
  const taskArns = await listArns(
    ctx,
    'ecs:ListTasks',
    (nextToken) => ecs.send(new ListTasksCommand({ cluster, maxResults: 100, nextToken }), signal()),
    (p) => p.taskArns,
  );
  const tasks: Task[] = [];
  for (const batch of chunks(taskArns, 100)) {
    const out = await ctx.call('ecs:DescribeTasks', () =>
      ecs.send(new DescribeTasksCommand({ cluster, tasks: batch }), signal()),
    );
    tasks.push(...(out.tasks ?? []));
  }
  // Only the revisions in use, each once per region, as Cartography collects them.
  const wanted = [
    ...new Set(present([...services.map((s) => s.taskDefinition), ...tasks.map((t) => t.taskDefinitionArn)])),
  ].filter((arn) => !seen.has(arn));
  for (const arn of wanted) seen.add(arn);
  const limit = pLimit(4);
  const described = await Promise.all(
    wanted.map((taskDefinition) =>
      limit(() =>
        unlessRefused(
          ctx,
          { message: TASK_DEFINITION_REFUSED, taskDefinition, operation: 'DescribeTaskDefinition' },
          () =>
            ctx.call('ecs:DescribeTaskDefinition', () =>
              ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition }), signal()),
            ),
        ),
      ),
    ),
  );
  yield { taskDefinitions: present(described.map((d) => d?.taskDefinition)) };
  yield { services };
  yield { tasks };
}

async function* ecsPages(ctx: Ctx, ecs: ECSClient): AsyncIterable<EcsPage> {
  const signal = () => ({ abortSignal: requestSignal(ctx.signal) });
  const clusterArns = await listArns(
    ctx,
    'ecs:ListClusters',
    (nextToken) => ecs.send(new ListClustersCommand({ maxResults: 100, nextToken }), signal()),
    (p) => p.clusterArns,
  );
  const clusters: Cluster[] = [];
  for (const batch of chunks(clusterArns, 100)) {
    const out = await ctx.call('ecs:DescribeClusters', () =>
      ecs.send(new DescribeClustersCommand({ clusters: batch, include: ['CONFIGURATIONS'] }), signal()),
    );
    clusters.push(...(out.clusters ?? []));
  }
  yield { clusters };
  const seen = new Set<string>();
  for (const c of clusters) if (c.clusterArn) yield* clusterPages(ctx, ecs, c.clusterArn, seen);
}

/**
 * ECS clusters of a region, the services and running tasks of each with
 * their containers, and the task definitions (with their container
 * definitions) that those use. Runs after ECR so that containers find the
 * images they run.
 */
export const ecsClustersCollector = defineCollector<AwsScopeContext, EcsPage>({
  name: 'ecs:clusters',
  schemas: [ECSCluster, ECSTaskDefinition, ECSContainerDefinition, ECSService, ECSTask, ECSContainer],
  fetch: (ctx) => streamWith(ctx.context.clients.ecs(ctx.context.region), (ecs) => ecsPages(ctx, ecs)),
  transform: (page, ctx) => {
    if ('clusters' in page) return transformClusters(page, ctx.context);
    if ('taskDefinitions' in page) return transformTaskDefinitions(page, ctx.context);
    if ('services' in page) return transformServices(page, ctx.context);
    return transformTasks(page, ctx.context);
  },
});
