import { defineNode, defineRel, refOf } from '@skygraph/core';
import { ECRImage } from './ecr.ts';
import { AWSRole } from './iam-principal.ts';
import { NetworkInterface } from './network-interface.ts';
import { AWSAccount } from './organization.ts';

/** An ECS cluster, keyed by its ARN. */
export const ECSCluster = defineNode({
  label: 'AWSECSCluster',
  extraLabels: ['ComputeCluster'],
  legacyLabels: ['ECSCluster'],
  key: 'id',
  properties: {
    id: 'string',
    arn: 'string',
    name: 'string',
    status: 'string?',
    capacity_providers: 'string[]?',
    attachments_status: 'string?',
    /** The execute-command configuration (DescribeClusters with CONFIGURATIONS). */
    ecc_kms_key_id: 'string?',
    /** `NONE`, `DEFAULT` or `OVERRIDE`. */
    ecc_logging: 'string?',
    ecc_log_configuration_cloud_watch_log_group_name: 'string?',
    ecc_log_configuration_cloud_watch_encryption_enabled: 'boolean?',
    ecc_log_configuration_s3_bucket_name: 'string?',
    ecc_log_configuration_s3_encryption_enabled: 'boolean?',
    ecc_log_configuration_s3_key_prefix: 'string?',
    region: 'string',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  description: 'An ECS cluster (ECS ListClusters, DescribeClusters).',
});

/** An IAM role the task definition names, matched by ARN (a role of another account stays unlinked). */
const role = (type: string, description: string) => defineRel(type, refOf(AWSRole, 'arn'), { description });

/** A task definition revision in use by a service or a running task, keyed by its ARN. */
export const ECSTaskDefinition = defineNode({
  label: 'AWSECSTaskDefinition',
  legacyLabels: ['ECSTaskDefinition'],
  key: 'id',
  properties: {
    id: 'string',
    arn: 'string',
    family: 'string?',
    task_role_arn: 'string?',
    execution_role_arn: 'string?',
    /** `awsvpc`, `bridge`, `host` or `none`. */
    network_mode: 'string?',
    revision: 'number?',
    status: 'string?',
    compatibilities: 'string[]?',
    requires_compatibilities: 'string[]?',
    runtime_platform_cpu_architecture: 'string?',
    runtime_platform_operating_system_family: 'string?',
    cpu: 'string?',
    memory: 'string?',
    pid_mode: 'string?',
    ipc_mode: 'string?',
    proxy_configuration_type: 'string?',
    proxy_configuration_container_name: 'string?',
    registered_at: 'number?',
    deregistered_at: 'number?',
    registered_by: 'string?',
    ephemeral_storage_size_in_gib: 'number?',
    region: 'string',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  relationships: {
    task_role: role('HAS_TASK_ROLE', 'the role the containers call AWS with'),
    execution_role: role('HAS_EXECUTION_ROLE', 'the role the ECS agent pulls images and reads secrets with'),
  },
  description: 'An ECS task definition in use (ECS DescribeTaskDefinition).',
});

/**
 * A container definition of a task definition, keyed
 * `<task definition ARN>-<container name>` as Cartography keys it.
 * `environment_names` lists the names of its plain environment variables
 * (never their values); `secret_like_environment_names` those whose name
 * looks like a credential (password, secret, token, key).
 */
export const ECSContainerDefinition = defineNode({
  label: 'AWSECSContainerDefinition',
  legacyLabels: ['ECSContainerDefinition'],
  key: 'id',
  properties: {
    id: 'string',
    task_definition_arn: 'string',
    name: 'string',
    image: 'string?',
    cpu: 'number?',
    memory: 'number?',
    memory_reservation: 'number?',
    essential: 'boolean?',
    privileged: 'boolean?',
    readonly_root_filesystem: 'boolean?',
    user: 'string?',
    links: 'string[]?',
    entry_point: 'string[]?',
    command: 'string[]?',
    start_timeout: 'number?',
    stop_timeout: 'number?',
    hostname: 'string?',
    working_directory: 'string?',
    disable_networking: 'boolean?',
    dns_servers: 'string[]?',
    dns_search_domains: 'string[]?',
    docker_security_options: 'string[]?',
    interactive: 'boolean?',
    pseudo_terminal: 'boolean?',
    environment_names: 'string[]?',
    secret_like_environment_names: 'string[]?',
    region: 'string',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  relationships: {
    task_definition: defineRel('HAS_CONTAINER_DEFINITION', refOf(ECSTaskDefinition), {
      direction: 'in',
      description: 'the task definition it belongs to',
    }),
  },
  description: 'A container definition of an ECS task definition (ECS DescribeTaskDefinition).',
});

/**
 * An ECS service, keyed by its ARN. Beside Cartography's properties it keeps
 * its awsvpc network configuration (`assign_public_ip`, `subnets`,
 * `security_groups`) and the target groups it registers with.
 */
export const ECSService = defineNode({
  label: 'AWSECSService',
  extraLabels: ['ComputeService'],
  legacyLabels: ['ECSService'],
  key: 'id',
  properties: {
    id: 'string',
    arn: 'string',
    name: 'string',
    cluster_arn: 'string',
    status: 'string?',
    desired_count: 'number?',
    running_count: 'number?',
    pending_count: 'number?',
    launch_type: 'string?',
    platform_version: 'string?',
    platform_family: 'string?',
    task_definition: 'string?',
    deployment_config_circuit_breaker_enable: 'boolean?',
    deployment_config_circuit_breaker_rollback: 'boolean?',
    deployment_config_maximum_percent: 'number?',
    deployment_config_minimum_healthy_percent: 'number?',
    health_check_grace_period_seconds: 'number?',
    enable_ecs_managed_tags: 'boolean?',
    propagate_tags: 'string?',
    role_arn: 'string?',
    created_at: 'number?',
    created_by: 'string?',
    enable_execute_command: 'boolean?',
    /** `ENABLED` or `DISABLED` (awsvpc services only). */
    assign_public_ip: 'string?',
    subnets: 'string[]?',
    security_groups: 'string[]?',
    target_group_arns: 'string[]?',
    region: 'string',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  relationships: {
    cluster: defineRel('HAS_SERVICE', refOf(ECSCluster), { direction: 'in', description: 'its cluster' }),
    parent: defineRel('WORKLOAD_PARENT', refOf(ECSCluster), { description: 'its cluster' }),
    // `task_definition` is Cartography's property with the ARN.
    definition: defineRel('HAS_TASK_DEFINITION', refOf(ECSTaskDefinition), {
      description: 'the task definition it runs',
    }),
  },
  description: 'An ECS service with its network configuration (ECS ListServices, DescribeServices).',
});

/** A task of a cluster, keyed by its ARN. */
export const ECSTask = defineNode({
  label: 'AWSECSTask',
  extraLabels: ['ComputePod'],
  legacyLabels: ['ECSTask'],
  key: 'id',
  properties: {
    id: 'string',
    arn: 'string',
    cluster_arn: 'string',
    task_definition_arn: 'string?',
    /** `service:<name>` for a service's tasks. */
    group: 'string?',
    service_name: 'string?',
    launch_type: 'string?',
    platform_version: 'string?',
    platform_family: 'string?',
    capacity_provider_name: 'string?',
    container_instance_arn: 'string?',
    availability_zone: 'string?',
    connectivity: 'string?',
    connectivity_at: 'number?',
    last_status: 'string?',
    desired_status: 'string?',
    health_status: 'string?',
    cpu: 'string?',
    memory: 'string?',
    created_at: 'number?',
    started_at: 'number?',
    started_by: 'string?',
    pull_started_at: 'number?',
    pull_stopped_at: 'number?',
    stopping_at: 'number?',
    stopped_at: 'number?',
    execution_stopped_at: 'number?',
    stop_code: 'string?',
    stopped_reason: 'string?',
    ephemeral_storage_size_in_gib: 'number?',
    enable_execute_command: 'boolean?',
    network_interface_id: 'string?',
    version: 'number?',
    region: 'string',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  relationships: {
    cluster: defineRel('HAS_TASK', refOf(ECSCluster), { direction: 'in', description: 'its cluster' }),
    service: defineRel('WORKLOAD_PARENT', refOf(ECSService), { description: 'the service it runs for' }),
    service_task: defineRel('HAS_TASK', refOf(ECSService), {
      direction: 'in',
      description: 'the service it runs for (deprecated by Cartography for WORKLOAD_PARENT)',
    }),
    standalone: defineRel('WORKLOAD_PARENT', refOf(ECSCluster), {
      description: 'its cluster, for a task no service runs',
    }),
    // Cartography draws HAS_TASK_DEFINITION from the task definition's side; the edge is the same.
    task_definition: defineRel('HAS_TASK_DEFINITION', refOf(ECSTaskDefinition), {
      description: 'the task definition it runs',
    }),
    network_interface: defineRel('NETWORK_INTERFACE', refOf(NetworkInterface), {
      description: 'its awsvpc network interface',
    }),
  },
  description: 'An ECS task (ECS ListTasks, DescribeTasks).',
});

/** A container of a task, keyed by its ARN; HAS_IMAGE names the ECR image it runs, by digest. */
export const ECSContainer = defineNode({
  label: 'AWSECSContainer',
  extraLabels: ['Container'],
  legacyLabels: ['ECSContainer'],
  key: 'id',
  properties: {
    id: 'string',
    arn: 'string',
    task_arn: 'string',
    name: 'string',
    image: 'string?',
    image_digest: 'string?',
    runtime_id: 'string?',
    last_status: 'string?',
    health_status: 'string?',
    exit_code: 'number?',
    reason: 'string?',
    cpu: 'string?',
    memory: 'string?',
    memory_reservation: 'string?',
    gpu_ids: 'string[]?',
    region: 'string',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  relationships: {
    task: defineRel('HAS_CONTAINER', refOf(ECSTask), { direction: 'in', description: 'its task' }),
    parent: defineRel('WORKLOAD_PARENT', refOf(ECSTask), { description: 'its task' }),
    // `image` is Cartography's property with the image name.
    ecr_image: defineRel('HAS_IMAGE', refOf(ECRImage), { description: 'the ECR image it runs (by digest)' }),
  },
  description: 'A container of an ECS task (ECS DescribeTasks).',
});
