import type {
  AwsContainerResources,
  AwsEcrImage,
  AwsEcrRepository,
  AwsEcsContainerDefinition,
  AwsEcsService,
  AwsEcsTask,
  AwsEcsTaskDefinition,
} from './estate-container-types.ts';
import type { AwsRegionResources, PolicyDocument } from './estate-types.ts';
import { uuid } from './ids.ts';
import type { Rng } from './random.ts';

export interface ContainersGenerationInput {
  rng: Rng;
  /** Reference time of the estate (ms). */
  now: number;
  accountId: string;
  accountName: string;
  region: string;
  /** Generic ECS services (each with its task definition and ECR repository). */
  services: number;
  /** ECR repositories with no service (base images, tooling). */
  repositories: number;
  /** The region's network (service subnets and security groups) and target groups. */
  resources: Pick<AwsRegionResources, 'subnets' | 'securityGroups' | 'targetGroups'>;
  /** ARNs of the account's roles tasks may use (ECS task and execution roles). */
  roleArns: readonly string[];
  /** Seed the deliberate misconfigurations in this region. */
  misconfigurations: boolean;
  /** The account outside the organisation a seeded repository policy trusts. */
  externalAccountId: string | undefined;
}

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const APPS = ['checkout', 'catalog', 'orders', 'billing', 'search', 'profile', 'notify', 'ledger', 'gateway'];
/** The ECR actions a pull needs; a repository policy granting them shares the images. */
const PULL_ACTIONS = ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchCheckLayerAvailability'];

/** What a seeded resource should look like; unset fields are drawn at random. */
interface AppShape {
  app: string;
  publicIp?: boolean;
  privileged?: boolean;
  plainSecret?: boolean;
  criticalImage?: boolean;
  scanOnPush?: boolean;
  mutable?: boolean;
  policy?: PolicyDocument;
}

const pullPolicy = (principal: PolicyDocument['Statement'][number]['Principal']): PolicyDocument => ({
  Version: '2012-10-17',
  Statement: [{ Sid: 'pull', Effect: 'Allow', Principal: principal, Action: PULL_ACTIONS }],
});

/**
 * The ECS clusters, services, tasks and task definitions and the ECR
 * repositories of one region. Each service runs one task definition whose
 * container image is in a repository of the region, and its running tasks'
 * containers carry that image's digest. Where misconfigurations are seeded:
 * a public repository policy, a policy shared with an outside account, an
 * image with critical scan findings that a service with public IPs runs from
 * a privileged task definition with a password in a plain environment
 * variable, each with a safe twin.
 */
export function generateContainers(input: ContainersGenerationInput): AwsContainerResources {
  const { rng, accountId, region } = input;
  const at = (daysAgo: number) => iso(input.now - daysAgo * DAY - rng.int(0, 86_399) * 1000);
  const registry = `${accountId}.dkr.ecr.${region}.amazonaws.com`;
  const repositories: AwsEcrRepository[] = [];
  const taskDefinitions: AwsEcsTaskDefinition[] = [];
  const services: AwsEcsService[] = [];
  const tasks: { clusterIndex: number; task: AwsEcsTask }[] = [];

  const image = (tag: string, critical: boolean, scanned: boolean): AwsEcrImage => {
    const pushed = rng.int(1, 300);
    return {
      imageDigest: `sha256:${rng.hex(64)}`,
      imageTags: [tag],
      imageSizeInBytes: rng.int(20, 400) * 1_048_576,
      imagePushedAt: at(pushed),
      ...(rng.chance(0.8) ? { lastRecordedPullTime: at(rng.int(0, pushed)) } : {}),
      ...(scanned
        ? {
            scan: {
              status: 'COMPLETE' as const,
              completedAt: at(pushed),
              findingSeverityCounts: critical
                ? { CRITICAL: rng.int(1, 4), HIGH: rng.int(2, 9), MEDIUM: rng.int(3, 20) }
                : { MEDIUM: rng.int(0, 6), LOW: rng.int(0, 12), INFORMATIONAL: rng.int(0, 5) },
            },
          }
        : {}),
    };
  };

  const repository = (shape: AppShape): AwsEcrRepository => {
    const scanOnPush = shape.scanOnPush ?? rng.chance(0.75);
    const kms = rng.chance(0.3);
    const images = [image('latest', shape.criticalImage ?? false, scanOnPush || rng.chance(0.3))];
    for (let v = rng.int(1, 3); v > 0; v--) images.push(image(`v1.${v}.${rng.int(0, 9)}`, false, scanOnPush));
    const repo: AwsEcrRepository = {
      repositoryName: shape.app,
      createdAt: at(rng.int(300, 1200)),
      imageTagMutability: (shape.mutable ?? rng.chance(0.4)) ? 'MUTABLE' : 'IMMUTABLE',
      scanOnPush,
      encryptionType: kms ? 'KMS' : 'AES256',
      ...(kms ? { kmsKey: `arn:aws:kms:${region}:${accountId}:key/${uuid(rng)}` } : {}),
      ...(shape.policy ? { policy: shape.policy } : {}),
      images,
      tags: [{ key: 'app', value: shape.app }],
    };
    repositories.push(repo);
    return repo;
  };

  const taskDefinition = (shape: AppShape, repo: AwsEcrRepository): AwsEcsTaskDefinition => {
    const env = [{ name: 'LOG_LEVEL', value: 'info' }];
    if (shape.plainSecret) env.push({ name: 'DB_PASSWORD', value: 'placeholder' });
    const container: AwsEcsContainerDefinition = {
      name: shape.app,
      image: `${registry}/${repo.repositoryName}:latest`,
      cpu: 256,
      memory: 512,
      essential: true,
      ...(shape.privileged ? { privileged: true } : {}),
      readonlyRootFilesystem: !shape.privileged && rng.chance(0.5),
      environment: env,
      secrets: [
        {
          name: 'API_TOKEN',
          valueFrom: `arn:aws:secretsmanager:${region}:${accountId}:secret:${shape.app}-token-${rng.lowerAlnum(6)}`,
        },
      ],
      portMappings: [{ containerPort: 8080, protocol: 'tcp' }],
    };
    const sidecar: AwsEcsContainerDefinition = {
      name: 'log-router',
      image: 'public.ecr.aws/aws-observability/aws-for-fluent-bit:stable',
      cpu: 64,
      memory: 128,
      essential: false,
      environment: [],
      secrets: [],
      portMappings: [],
    };
    const roles = input.roleArns;
    const td: AwsEcsTaskDefinition = {
      family: shape.app,
      revision: rng.int(1, 40),
      ...(roles.length > 0 ? { taskRoleArn: rng.pick(roles), executionRoleArn: rng.pick(roles) } : {}),
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      cpu: '512',
      memory: '1024',
      registeredAt: at(rng.int(1, 200)),
      containerDefinitions: [container, sidecar],
      tags: [{ key: 'app', value: shape.app }],
    };
    taskDefinitions.push(td);
    return td;
  };

  const subnets = input.resources.subnets.map((s) => s.subnetId);
  const groups = input.resources.securityGroups.map((g) => g.groupId);
  const clusterCount = Math.max(1, Math.ceil(input.services / 5));

  const service = (shape: AppShape, index: number) => {
    const repo = repository(shape);
    const td = taskDefinition(shape, repo);
    const clusterIndex = index % clusterCount;
    const targetGroup = rng.chance(0.5) ? input.resources.targetGroups[index] : undefined;
    const svc: AwsEcsService = {
      serviceName: shape.app,
      taskDefinition: `${td.family}:${td.revision}`,
      desiredCount: rng.int(1, 3),
      launchType: 'FARGATE',
      createdAt: at(rng.int(30, 600)),
      network: {
        assignPublicIp: shape.publicIp ? 'ENABLED' : 'DISABLED',
        subnets: subnets.length > 0 ? rng.sample(subnets, Math.min(2, subnets.length)) : [],
        securityGroups: groups.length > 0 ? [rng.pick(groups)] : [],
      },
      loadBalancers: targetGroup
        ? [{ targetGroupArn: targetGroup.targetGroupArn, containerName: shape.app, containerPort: 8080 }]
        : [],
      tags: [{ key: 'app', value: shape.app }],
    };
    services.push(svc);
    const latest = repo.images[0];
    for (let t = 0; t < svc.desiredCount; t++) {
      const task: AwsEcsTask = {
        taskId: rng.hex(32),
        taskDefinition: svc.taskDefinition,
        serviceName: svc.serviceName,
        launchType: 'FARGATE',
        availabilityZone: `${region}${rng.pick(['a', 'b', 'c'])}`,
        createdAt: at(rng.int(0, 30)),
        networkInterfaceId: `eni-${rng.hex(17)}`,
        privateIpv4Address: `10.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(4, 250)}`,
        containers: [
          { name: shape.app, ...(latest ? { imageDigest: latest.imageDigest } : {}), runtimeId: rng.hex(32) },
          { name: 'log-router', imageDigest: `sha256:${rng.hex(64)}`, runtimeId: rng.hex(32) },
        ],
        tags: [],
      };
      tasks.push({ clusterIndex, task });
    }
  };

  const shapes: AppShape[] = [];
  for (let i = 0; i < input.services; i++) shapes.push({ app: `${rng.pick(APPS)}-${rng.lowerAlnum(4)}` });
  if (input.misconfigurations) {
    shapes.push(
      {
        app: 'legacy-api',
        publicIp: true,
        privileged: true,
        plainSecret: true,
        criticalImage: true,
        scanOnPush: true,
        mutable: true,
      },
      { app: 'hardened-api', publicIp: false, privileged: false, scanOnPush: true, mutable: false },
    );
  }
  shapes.forEach((shape, i) => {
    service(shape, i);
  });

  for (let i = 0; i < input.repositories; i++) repository({ app: `base-${rng.lowerAlnum(6)}` });
  if (input.misconfigurations) {
    repository({ app: 'public-base-images', policy: pullPolicy('*'), scanOnPush: false, mutable: true });
    repository({
      app: 'account-only-images',
      policy: pullPolicy({ AWS: `arn:aws:iam::${accountId}:root` }),
      scanOnPush: true,
      mutable: false,
    });
    if (input.externalAccountId) {
      repository({
        app: 'partner-shared-images',
        policy: pullPolicy({ AWS: `arn:aws:iam::${input.externalAccountId}:root` }),
        scanOnPush: true,
        mutable: false,
      });
    }
  }

  const clusters = Array.from({ length: clusterCount }, (_, c) => ({
    clusterName: c === 0 ? `${input.accountName}-apps` : `${input.accountName}-apps-${c + 1}`,
    status: 'ACTIVE' as const,
    capacityProviders: ['FARGATE', 'FARGATE_SPOT'],
    services: services.filter((_, i) => i % clusterCount === c),
    tasks: tasks.filter((t) => t.clusterIndex === c).map((t) => t.task),
    tags: [{ key: 'team', value: 'platform' }],
  }));
  return { ecsClusters: clusters, ecsTaskDefinitions: taskDefinitions, ecrRepositories: repositories };
}
