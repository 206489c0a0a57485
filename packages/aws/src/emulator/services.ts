import { AUTOSCALING_SERVICE } from './autoscaling-handler.ts';
import { CONFIG_SERVICE } from './config-handler.ts';
import { dynamoDbService } from './dynamodb-handler.ts';
import { ecrService } from './ecr-handler.ts';
import { ecsService } from './ecs-handler.ts';
import { eksService } from './eks-handler.ts';
import { GUARDDUTY_SERVICE } from './guardduty-handler.ts';
import { IDENTITY_STORE_SERVICE, SSO_ADMIN_SERVICE } from './identity-center-handler.ts';
import { lambdaService } from './lambda-handler.ts';
import type { Protocol, WireResponse } from './protocols.ts';
import type { AwsServiceName, RequestContext } from './request-context.ts';
import { ROUTE53_SERVICE } from './route53-handler.ts';
import { S3CONTROL_SERVICE } from './s3control-handler.ts';
import { SNS_SERVICE } from './sns-handler.ts';
import { sqsService } from './sqs-handler.ts';
import { ssmService } from './ssm-handler.ts';
import { TAGGING_SERVICE } from './tagging-handler.ts';

/**
 * A service the emulator serves through the registry: how its requests are
 * recognised and routed, and the handler that answers them. The services
 * served before the registry (STS, Organizations, EC2, ELB, RDS, IAM, S3,
 * KMS, Secrets Manager, CloudTrail) are routed in server.ts directly; every
 * service added since registers here with one entry.
 */
export interface EmulatedService {
  /** The name in stats and fault rules (`FaultRule.service`). */
  name: AwsServiceName;
  /** The SigV4 signing name of its requests (`lambda`, `eks`, `route53`, ...). */
  signingName: string;
  protocol: Protocol;
  /**
   * Tells this service's requests apart from another's with the same signing
   * name (S3 Control signs as `s3`; its paths start with `/v20180820/`).
   */
  matches?: (url: URL) => boolean;
  /** REST protocols: the operation a request names, from its method and path ('' when none). */
  operation?: (method: string, url: URL) => string;
  /** The prefix of its IAM actions in AccessDenied messages (default: `name`). */
  iamPrefix?: string;
  /** The error codes and statuses it answers injected faults with, where they differ from the protocol's. */
  errors?: { throttling?: [code: string, status: number]; internal?: [code: string, status: number] };
  /** Answers one authenticated request (throw AwsApiError for the service's documented errors). */
  handle: (ctx: RequestContext) => WireResponse;
}

/** The registered services; each new service's handler module adds one entry here. */
export const SERVICES: readonly EmulatedService[] = [
  AUTOSCALING_SERVICE,
  CONFIG_SERVICE,
  ecsService,
  ecrService,
  dynamoDbService,
  ssmService,
  GUARDDUTY_SERVICE,
  SSO_ADMIN_SERVICE,
  IDENTITY_STORE_SERVICE,
  lambdaService,
  eksService,
  ROUTE53_SERVICE,
  S3CONTROL_SERVICE,
  TAGGING_SERVICE,
  sqsService,
  SNS_SERVICE,
];

/** The registered service a signed request belongs to. */
export function registeredService(signingName: string, url: URL): EmulatedService | undefined {
  return SERVICES.find((s) => s.signingName === signingName && (s.matches?.(url) ?? true));
}
