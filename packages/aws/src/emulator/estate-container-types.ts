/**
 * ECS and ECR in the estate model (estate-types.ts): field names follow the
 * API members, timestamps are ISO-8601 strings.
 */
import type { AwsTag, PolicyDocument } from './estate-types.ts';

/** Counts of an image's basic scan findings by severity (`findingSeverityCounts`). */
export type ScanSeverity = 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW' | 'INFORMATIONAL' | 'UNDEFINED';

export interface AwsEcrImage {
  /** `sha256:<64 hex>`. */
  imageDigest: string;
  imageTags: string[];
  imageSizeInBytes: number;
  imagePushedAt: string;
  lastRecordedPullTime?: string;
  /** Absent when the image was never scanned. */
  scan?: {
    status: 'COMPLETE' | 'FAILED';
    completedAt: string;
    findingSeverityCounts: Partial<Record<ScanSeverity, number>>;
  };
}

export interface AwsEcrRepository {
  repositoryName: string;
  createdAt: string;
  imageTagMutability: 'MUTABLE' | 'IMMUTABLE';
  scanOnPush: boolean;
  encryptionType: 'AES256' | 'KMS';
  /** The KMS key ARN of a `KMS` repository. */
  kmsKey?: string;
  /** The repository policy; absent when it has none (RepositoryPolicyNotFoundException). */
  policy?: PolicyDocument;
  images: AwsEcrImage[];
  tags: AwsTag[];
}

export interface AwsEcsContainerDefinition {
  name: string;
  /** `<account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag>` or a public image. */
  image: string;
  cpu: number;
  memory: number;
  essential: boolean;
  privileged?: boolean;
  readonlyRootFilesystem?: boolean;
  /** Plain environment variables (the emulator's values are placeholders). */
  environment: { name: string; value: string }[];
  /** Secrets the agent injects from Secrets Manager or SSM (only their ARNs). */
  secrets: { name: string; valueFrom: string }[];
  portMappings: { containerPort: number; protocol: 'tcp' | 'udp' }[];
}

export interface AwsEcsTaskDefinition {
  family: string;
  revision: number;
  taskRoleArn?: string;
  executionRoleArn?: string;
  networkMode: 'awsvpc' | 'bridge' | 'host';
  requiresCompatibilities: ('EC2' | 'FARGATE')[];
  cpu: string;
  memory: string;
  registeredAt: string;
  containerDefinitions: AwsEcsContainerDefinition[];
  tags: AwsTag[];
}

export interface AwsEcsService {
  serviceName: string;
  /** `<family>:<revision>` of the region's task definition it runs. */
  taskDefinition: string;
  desiredCount: number;
  launchType: 'EC2' | 'FARGATE';
  createdAt: string;
  /** awsvpc network configuration. */
  network: { assignPublicIp: 'ENABLED' | 'DISABLED'; subnets: string[]; securityGroups: string[] };
  loadBalancers: { targetGroupArn: string; containerName: string; containerPort: number }[];
  tags: AwsTag[];
}

export interface AwsEcsContainer {
  /** The container name in its task definition. */
  name: string;
  /** The digest of the image it runs (ECR images: a digest of the repository). */
  imageDigest?: string;
  runtimeId: string;
}

export interface AwsEcsTask {
  /** The task id (the ARN's last segment). */
  taskId: string;
  taskDefinition: string;
  /** The service it runs for; absent for a standalone task. */
  serviceName?: string;
  launchType: 'EC2' | 'FARGATE';
  availabilityZone: string;
  createdAt: string;
  /** The id of its awsvpc network interface. */
  networkInterfaceId?: string;
  privateIpv4Address?: string;
  containers: AwsEcsContainer[];
  tags: AwsTag[];
}

export interface AwsEcsCluster {
  clusterName: string;
  status: 'ACTIVE' | 'INACTIVE';
  capacityProviders: string[];
  services: AwsEcsService[];
  tasks: AwsEcsTask[];
  tags: AwsTag[];
}

/** The ECS and ECR resources of a region. */
export interface AwsContainerResources {
  ecsClusters: AwsEcsCluster[];
  /** Task definitions (`family:revision` unique in the region). */
  ecsTaskDefinitions: AwsEcsTaskDefinition[];
  ecrRepositories: AwsEcrRepository[];
}
