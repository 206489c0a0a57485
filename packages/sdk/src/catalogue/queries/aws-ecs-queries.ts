import { awsQuery } from './provider-query.ts';

/** ECS services, task definitions and the images they run. */

const SERVICE_COLUMNS = {
  account_id: 'string',
  account_name: 'string?',
  region: 'string',
  cluster: 'string?',
  service_name: 'string',
  service_arn: 'string',
} as const;

/** ECS services that pass `where` (over `s`), with their account and cluster, returning the shared columns then `extra`. */
function servicesCypher(where: string, extra: string): string {
  return `MATCH (a:AWSAccount)-[:RESOURCE]->(s:AWSECSService)
${where ? `WHERE ${where}\n` : ''}OPTIONAL MATCH (c:AWSECSCluster)-[:HAS_SERVICE]->(s)
RETURN a.id AS account_id, a.name AS account_name, s.region AS region, c.name AS cluster, s.name AS service_name, s.arn AS service_arn${extra ? `, ${extra}` : ''}
ORDER BY account_name, region, service_arn`;
}

const CONTAINER_DEFINITION_COLUMNS = {
  account_id: 'string',
  account_name: 'string?',
  region: 'string',
  task_definition_arn: 'string',
  container: 'string',
  image: 'string?',
} as const;

/** Container definitions that pass `where` (over `cd`), with the task definition's account. */
function containerDefinitionsCypher(where: string, extra: string): string {
  return `MATCH (a:AWSAccount)-[:RESOURCE]->(td:AWSECSTaskDefinition)-[:HAS_CONTAINER_DEFINITION]->(cd:AWSECSContainerDefinition)
WHERE ${where}
RETURN a.id AS account_id, a.name AS account_name, td.region AS region, td.arn AS task_definition_arn, cd.name AS container, cd.image AS image, ${extra}
ORDER BY account_name, region, task_definition_arn, container`;
}

export const ecsServices = awsQuery({
  name: 'ecs_services',
  title: 'ECS services',
  group: 'ecs',
  tags: ['inventory', 'list', 'compute', 'containers'],
  description:
    'ECS services with their cluster, launch type, task definition, counts and network configuration',
  cypher: servicesCypher(
    '',
    's.launch_type AS launch_type, s.task_definition AS task_definition, s.desired_count AS desired_count, s.running_count AS running_count, s.assign_public_ip AS assign_public_ip',
  ),
  columns: {
    ...SERVICE_COLUMNS,
    launch_type: 'string?',
    task_definition: 'string?',
    desired_count: 'number?',
    running_count: 'number?',
    assign_public_ip: 'string?',
  },
  identity: ['service_arn'],
});

export const ecsServicePublicIp = awsQuery({
  name: 'ecs_service_public_ip',
  title: 'ECS services that give their tasks public IP addresses',
  group: 'ecs',
  tags: ['security', 'network', 'containers', 'misconfig'],
  description:
    'ECS services whose awsvpc configuration assigns a public IP to each task: the tasks are reachable from the internet as far as their security groups allow',
  severity: 'medium',
  remediation:
    'Run the tasks in private subnets with assignPublicIp DISABLED and reach the internet through a NAT gateway; expose them through a load balancer if they serve traffic.',
  cypher: servicesCypher(
    `s.assign_public_ip = 'ENABLED'`,
    's.subnets AS subnets, s.security_groups AS security_groups',
  ),
  columns: { ...SERVICE_COLUMNS, subnets: 'string[]?', security_groups: 'string[]?' },
  identity: ['service_arn'],
});

export const ecsPrivilegedContainer = awsQuery({
  name: 'ecs_privileged_container',
  title: 'ECS task definitions with privileged containers',
  group: 'ecs',
  tags: ['security', 'containers', 'misconfig'],
  description:
    'Container definitions (of task definitions in use) that run privileged: the container has root on its host, and can escape to it',
  severity: 'high',
  remediation:
    'Register a new revision without privileged (grant only the Linux capabilities the container needs) and update the services that use it.',
  cypher: containerDefinitionsCypher('cd.privileged = true', 'cd.user AS user'),
  columns: { ...CONTAINER_DEFINITION_COLUMNS, user: 'string?' },
  identity: ['task_definition_arn', 'container'],
});

export const ecsSecretInEnvironment = awsQuery({
  name: 'ecs_secret_in_environment',
  title: 'ECS task definitions with secrets in plain environment variables',
  group: 'ecs',
  tags: ['security', 'containers', 'secrets', 'misconfig'],
  description:
    'Container definitions with plain environment variables named like credentials (password, secret, token, key): their values are readable by anyone who may describe the task definition',
  severity: 'high',
  remediation:
    'Move the values to Secrets Manager or SSM Parameter Store SecureString parameters, reference them under "secrets" in the container definition, rotate the exposed values, and register a new revision.',
  cypher: containerDefinitionsCypher(
    'size(cd.secret_like_environment_names) > 0',
    'cd.secret_like_environment_names AS variables',
  ),
  columns: { ...CONTAINER_DEFINITION_COLUMNS, variables: 'string[]' },
  identity: ['task_definition_arn', 'container'],
});

export const awsEcsQueries = [
  ecsServices,
  ecsServicePublicIp,
  ecsPrivilegedContainer,
  ecsSecretInEnvironment,
] as const;
