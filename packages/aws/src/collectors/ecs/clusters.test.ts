import { describe, expect, it } from 'vitest';
import { secretLikeNames, transformServices, transformTaskDefinitions, transformTasks } from './clusters.ts';

const where = { accountId: '111122223333', region: 'us-east-1' };
const CLUSTER = 'arn:aws:ecs:us-east-1:111122223333:cluster/apps';
const TD = 'arn:aws:ecs:us-east-1:111122223333:task-definition/web:7';

describe('ECS transforms', () => {
  it('names plain variables that look like credentials, never their values', () => {
    expect(
      secretLikeNames(['LOG_LEVEL', 'DB_PASSWORD', 'STRIPE_API_KEY', 'AUTH_TOKEN', 'PORT', 'aws_secret']),
    ).toEqual(['DB_PASSWORD', 'STRIPE_API_KEY', 'AUTH_TOKEN', 'aws_secret']);
    const [defs, containers] = transformTaskDefinitions(
      {
        taskDefinitions: [
          {
            taskDefinitionArn: TD,
            family: 'web',
            revision: 7,
            taskRoleArn: 'arn:aws:iam::111122223333:role/web-task',
            containerDefinitions: [
              {
                name: 'web',
                image: 'nginx:1.27',
                privileged: true,
                environment: [
                  { name: 'DB_PASSWORD', value: 'hunter2' },
                  { name: 'PORT', value: '80' },
                ],
              },
            ],
          },
        ],
      },
      where,
    );
    expect(defs.rows[0]).toMatchObject({ id: TD, task_role: 'arn:aws:iam::111122223333:role/web-task' });
    expect(containers.rows[0]).toMatchObject({
      id: `${TD}-web`,
      privileged: true,
      environment_names: ['DB_PASSWORD', 'PORT'],
      secret_like_environment_names: ['DB_PASSWORD'],
      task_definition: TD,
    });
    expect(JSON.stringify(containers.rows)).not.toContain('hunter2');
  });

  it('keeps the awsvpc configuration of a service', () => {
    const [services] = transformServices(
      {
        services: [
          {
            serviceArn: 'arn:aws:ecs:us-east-1:111122223333:service/apps/web',
            serviceName: 'web',
            clusterArn: CLUSTER,
            taskDefinition: TD,
            networkConfiguration: {
              awsvpcConfiguration: {
                assignPublicIp: 'ENABLED',
                subnets: ['subnet-1'],
                securityGroups: ['sg-1'],
              },
            },
            loadBalancers: [{ targetGroupArn: 'arn:tg', containerName: 'web', containerPort: 80 }],
          },
        ],
      },
      where,
    );
    expect(services.rows[0]).toMatchObject({
      assign_public_ip: 'ENABLED',
      subnets: ['subnet-1'],
      security_groups: ['sg-1'],
      target_group_arns: ['arn:tg'],
      cluster: CLUSTER,
      definition: TD,
    });
  });

  it('parents a service task on its service and a standalone task on its cluster', () => {
    const task = (id: string, group: string) => ({
      taskArn: `arn:aws:ecs:us-east-1:111122223333:task/apps/${id}`,
      clusterArn: CLUSTER,
      group,
      containers: [{ containerArn: `arn:c/${id}`, name: 'web', imageDigest: 'sha256:ab' }],
    });
    const [tasks, containers] = transformTasks(
      { tasks: [task('1', 'service:web'), task('2', 'family:batch')] },
      where,
    );
    expect(tasks.rows.map((t) => [t.service, t.standalone])).toEqual([
      ['arn:aws:ecs:us-east-1:111122223333:service/apps/web', undefined],
      [undefined, CLUSTER],
    ]);
    expect(containers.rows[0]).toMatchObject({ image_digest: 'sha256:ab', ecr_image: 'sha256:ab' });
  });
});
