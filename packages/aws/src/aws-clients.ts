import { AutoScalingClient } from '@aws-sdk/client-auto-scaling';
import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { ConfigServiceClient } from '@aws-sdk/client-config-service';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EC2Client } from '@aws-sdk/client-ec2';
import { ECRClient } from '@aws-sdk/client-ecr';
import { ECSClient } from '@aws-sdk/client-ecs';
import { EKSClient } from '@aws-sdk/client-eks';
import { ElasticLoadBalancingClient } from '@aws-sdk/client-elastic-load-balancing';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { GuardDutyClient } from '@aws-sdk/client-guardduty';
import { IAMClient } from '@aws-sdk/client-iam';
import { IdentitystoreClient } from '@aws-sdk/client-identitystore';
import { KMSClient } from '@aws-sdk/client-kms';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { RDSClient } from '@aws-sdk/client-rds';
import { ResourceGroupsTaggingAPIClient } from '@aws-sdk/client-resource-groups-tagging-api';
import { Route53Client } from '@aws-sdk/client-route-53';
import { S3Client } from '@aws-sdk/client-s3';
import { S3ControlClient } from '@aws-sdk/client-s3-control';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import { SSMClient } from '@aws-sdk/client-ssm';
import { SSOAdminClient } from '@aws-sdk/client-sso-admin';
import { STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentityProvider, SharedCredentials } from './credentials.ts';

/** How every client of one account is configured. */
export interface AwsClientSettings {
  credentials: AwsCredentialIdentityProvider;
  /** An explicit endpoint for every service (otherwise the SDK's own resolution, AWS_ENDPOINT_URL included). */
  endpoint?: string;
  /**
   * Where S3 Control is sent, used as given: the explicit endpoint, or the
   * SDK's `AWS_ENDPOINT_URL_S3_CONTROL` / `AWS_ENDPOINT_URL` (otherwise AWS's).
   */
  s3ControlEndpoint?: string;
  /** Path-style S3 requests: an endpoint override cannot serve virtual-hosted bucket names. */
  forcePathStyle: boolean;
  /** How long one request may take before it is abandoned (default 120 s). */
  requestTimeoutMs?: number;
}

/** The errors a service answers for expired temporary credentials. */
const EXPIRED = new Set(['ExpiredToken', 'ExpiredTokenException']);

type Handler = (args: unknown) => Promise<unknown>;

/** Any SDK v3 client: its middleware stack takes an initialize-step middleware. */
interface WithMiddleware {
  middlewareStack: { add(middleware: never, options: { step: 'initialize'; name: string }): void };
}

/**
 * Creates the SDK clients of one account. Each client makes one attempt per
 * request: the sync runner owns retries and backoff, so throttling is counted
 * and reported in one place. Callers destroy the clients they create.
 */
export class AwsClients {
  constructor(readonly settings: AwsClientSettings) {}

  #config(region: string) {
    return {
      region,
      credentials: this.settings.credentials,
      maxAttempts: 1,
      ...(this.settings.endpoint ? { endpoint: this.settings.endpoint } : {}),
      requestHandler: {
        connectionTimeout: 10_000,
        requestTimeout: this.settings.requestTimeoutMs ?? 120_000,
        // Without it the handler only logs a warning and the request waits forever.
        throwOnRequestTimeout: true,
      },
    };
  }

  /**
   * Credentials the service refuses as expired are dropped from the account's
   * shared cache, so the runner's retry signs with fresh ones (the role is
   * assumed again) instead of failing the scope.
   */
  #watch<C extends WithMiddleware>(client: C): C {
    const credentials = this.settings.credentials as Partial<SharedCredentials>;
    if (typeof credentials.expire !== 'function') return client;
    const { expire } = credentials;
    const shared = this.settings.credentials;
    const middleware = (next: Handler) => async (args: unknown) => {
      // The keys this request is signed with (the shared cache's current ones).
      const used = await shared();
      try {
        return await next(args);
      } catch (error) {
        if (EXPIRED.has(String((error as { name?: unknown }).name))) expire(used);
        throw error;
      }
    };
    client.middlewareStack.add(middleware as never, {
      step: 'initialize',
      name: 'skygraphExpiredCredentials',
    });
    return client;
  }

  sts(region: string): STSClient {
    return this.#watch(new STSClient(this.#config(region)));
  }

  organizations(region: string): OrganizationsClient {
    return this.#watch(new OrganizationsClient(this.#config(region)));
  }

  ec2(region: string): EC2Client {
    return this.#watch(new EC2Client(this.#config(region)));
  }

  elb(region: string): ElasticLoadBalancingClient {
    return this.#watch(new ElasticLoadBalancingClient(this.#config(region)));
  }

  elbv2(region: string): ElasticLoadBalancingV2Client {
    return this.#watch(new ElasticLoadBalancingV2Client(this.#config(region)));
  }

  rds(region: string): RDSClient {
    return this.#watch(new RDSClient(this.#config(region)));
  }

  iam(region: string): IAMClient {
    return this.#watch(new IAMClient(this.#config(region)));
  }

  cloudtrail(region: string): CloudTrailClient {
    return this.#watch(new CloudTrailClient(this.#config(region)));
  }

  autoScaling(region: string): AutoScalingClient {
    return this.#watch(new AutoScalingClient(this.#config(region)));
  }

  config(region: string): ConfigServiceClient {
    return this.#watch(new ConfigServiceClient(this.#config(region)));
  }

  kms(region: string): KMSClient {
    return this.#watch(new KMSClient(this.#config(region)));
  }

  guardduty(region: string): GuardDutyClient {
    return this.#watch(new GuardDutyClient(this.#config(region)));
  }

  /** IAM Identity Center's admin API (sso-admin). */
  ssoAdmin(region: string): SSOAdminClient {
    return this.#watch(new SSOAdminClient(this.#config(region)));
  }

  identityStore(region: string): IdentitystoreClient {
    return this.#watch(new IdentitystoreClient(this.#config(region)));
  }

  eks(region: string): EKSClient {
    return this.#watch(new EKSClient(this.#config(region)));
  }

  lambda(region: string): LambdaClient {
    return this.#watch(new LambdaClient(this.#config(region)));
  }

  ecs(region: string): ECSClient {
    return this.#watch(new ECSClient(this.#config(region)));
  }

  ssm(region: string): SSMClient {
    return this.#watch(new SSMClient(this.#config(region)));
  }

  dynamodb(region: string): DynamoDBClient {
    return this.#watch(new DynamoDBClient(this.#config(region)));
  }

  sqs(region: string): SQSClient {
    return this.#watch(new SQSClient(this.#config(region)));
  }

  sns(region: string): SNSClient {
    return this.#watch(new SNSClient(this.#config(region)));
  }

  ecr(region: string): ECRClient {
    return this.#watch(new ECRClient(this.#config(region)));
  }

  secretsManager(region: string): SecretsManagerClient {
    return this.#watch(new SecretsManagerClient(this.#config(region)));
  }

  tagging(region: string): ResourceGroupsTaggingAPIClient {
    return this.#watch(new ResourceGroupsTaggingAPIClient(this.#config(region)));
  }

  route53(region: string): Route53Client {
    return this.#watch(new Route53Client(this.#config(region)));
  }

  s3(region: string): S3Client {
    return this.#watch(
      new S3Client({
        ...this.#config(region),
        forcePathStyle: this.settings.forcePathStyle,
        followRegionRedirects: true,
      }),
    );
  }

  s3Control(region: string): S3ControlClient {
    const endpoint = this.settings.s3ControlEndpoint;
    return this.#watch(
      new S3ControlClient({
        ...this.#config(region),
        // S3 Control's endpoint rules put the account id in front of the host
        // (`<account>.s3-control.<region>.amazonaws.com`), also in front of an
        // override's (`http://<account>.127.0.0.1:4566` is no URL at all): an
        // endpoint override is used as it is given.
        ...(endpoint ? { endpointProvider: () => ({ url: new URL(endpoint) }) } : {}),
      }),
    );
  }
}

/** Runs `work` with a client and destroys the client afterwards (its sockets are released at once). */
export async function withClient<C extends { destroy(): void }, T>(
  client: C,
  work: (client: C) => Promise<T>,
): Promise<T> {
  try {
    return await work(client);
  } finally {
    client.destroy();
  }
}

/** Streams what `pages` yields with a client, destroying the client when the stream ends or is abandoned. */
export async function* streamWith<C extends { destroy(): void }, T>(
  client: C,
  pages: (client: C) => AsyncIterable<T>,
): AsyncIterable<T> {
  try {
    yield* pages(client);
  } finally {
    client.destroy();
  }
}
