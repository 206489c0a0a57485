import { AwsApiError } from './api-error.ts';
import { isJson, type Protocol } from './protocols.ts';
import type { AwsServiceName } from './request-context.ts';

/**
 * `ExpiredToken` expires the caller's credentials from that request on (an
 * assumed-role session then answers `ExpiredToken` until the role is assumed
 * again, as when a session is revoked or the clocks disagree); `Stall` accepts
 * the request and never answers it.
 */
export type FaultKind =
  | 'AccessDenied'
  | 'InternalError'
  | 'Throttling'
  | 'DropConnection'
  | 'ExpiredToken'
  | 'Stall';

/**
 * A fault to inject into matching requests. Unset fields match anything;
 * `service` is one of sts, organizations, ec2, elb, elbv2, rds, iam, s3, kms,
 * secretsmanager, cloudtrail, or a registry service's name (services.ts: lambda, eks, guardduty, ecs, ecr, dynamodb, sqs, sns, ssm, sso, identitystore, route53, tagging, autoscaling, config, ...;
 * `elasticloadbalancing` matches both load balancer APIs); `account` is the
 * caller's account id; `times` limits how many requests the rule hits.
 *
 * @example
 * emulator.setFaults([{ service: 'ec2', account: '123456789012', operation: 'DescribeInstances', kind: 'AccessDenied' }]);
 */
export interface FaultRule {
  service?: string;
  account?: string;
  region?: string;
  operation?: string;
  kind: FaultKind;
  times?: number;
}

interface ActiveRule {
  rule: FaultRule;
  remaining: number;
}

export interface FaultTarget {
  service: AwsServiceName;
  account: string | undefined;
  region: string;
  operation: string;
}

export class FaultBook {
  private rules: ActiveRule[] = [];

  set(rules: readonly FaultRule[]): void {
    this.rules = rules.map((rule) => ({
      rule: { ...rule },
      remaining: rule.times ?? Number.POSITIVE_INFINITY,
    }));
  }

  /** The kind of fault to inject into this request, consuming one use of the rule. */
  take(target: FaultTarget): FaultKind | undefined {
    for (const active of this.rules) {
      if (active.remaining <= 0) continue;
      const { rule } = active;
      if (rule.service !== undefined && rule.service !== target.service) {
        if (
          !(
            rule.service === 'elasticloadbalancing' &&
            (target.service === 'elb' || target.service === 'elbv2')
          )
        )
          continue;
      }
      if (rule.account !== undefined && rule.account !== target.account) continue;
      if (rule.region !== undefined && rule.region !== target.region) continue;
      if (rule.operation !== undefined && rule.operation !== target.operation) continue;
      active.remaining--;
      return rule.kind;
    }
    return undefined;
  }
}

/** The error each protocol answers with for an injected fault, with the codes the real services use. */
export function faultError(
  kind: Exclude<FaultKind, 'DropConnection' | 'Stall'>,
  protocol: Protocol,
  target: FaultTarget,
  callerArn: string,
  registered?: {
    iamPrefix?: string;
    errors?: { throttling?: [string, number]; internal?: [string, number] };
  },
): AwsApiError {
  if (registered) return registeredFault(kind, protocol, target, callerArn, registered);
  switch (kind) {
    case 'AccessDenied':
      if (protocol === 'ec2')
        return new AwsApiError(
          'UnauthorizedOperation',
          'You are not authorized to perform this operation.',
          403,
        );
      if (target.service === 'kms')
        return new AwsApiError(
          'AccessDeniedException',
          `User: ${callerArn} is not authorized to perform: kms:${target.operation} because no identity-based policy allows the kms:${target.operation} action`,
          400,
        );
      if (target.service === 'cloudtrail')
        return new AwsApiError(
          'AccessDeniedException',
          `User: ${callerArn} is not authorized to perform: cloudtrail:${target.operation} because no identity-based policy allows the cloudtrail:${target.operation} action`,
          400,
        );
      if (target.service === 'secretsmanager')
        return new AwsApiError(
          'AccessDeniedException',
          `User: ${callerArn} is not authorized to perform: secretsmanager:${target.operation} because no identity-based policy allows the secretsmanager:${target.operation} action`,
          400,
        );
      if (protocol === 'json')
        return new AwsApiError(
          'AccessDeniedException',
          "You don't have permissions to access this resource.",
          400,
        );
      if (protocol === 's3') return new AwsApiError('AccessDenied', 'Access Denied', 403);
      return new AwsApiError(
        'AccessDenied',
        `User: ${callerArn} is not authorized to perform: ${actionPrefix(target.service)}:${target.operation}`,
        403,
      );
    case 'ExpiredToken':
      return expiredToken(protocol);
    case 'Throttling':
      if (protocol === 'ec2') return new AwsApiError('RequestLimitExceeded', 'Request limit exceeded.', 503);
      if (target.service === 'kms' || target.service === 'secretsmanager' || target.service === 'cloudtrail')
        return new AwsApiError('ThrottlingException', 'Rate exceeded', 400);
      if (protocol === 'json')
        return new AwsApiError(
          'TooManyRequestsException',
          "AWS Organizations can't complete your request because of too many requests. Try again later.",
          400,
        );
      if (protocol === 's3') return new AwsApiError('SlowDown', 'Please reduce your request rate.', 503);
      return new AwsApiError('Throttling', 'Rate exceeded', 400);
    default:
      if (protocol === 'ec2' || protocol === 's3')
        return new AwsApiError('InternalError', 'We encountered an internal error. Please try again.', 500);
      if (target.service === 'kms')
        return new AwsApiError('KMSInternalException', 'An internal error occurred.', 500);
      if (target.service === 'cloudtrail')
        return new AwsApiError('InternalFailure', 'An internal error occurred.', 500);
      if (target.service === 'secretsmanager')
        return new AwsApiError('InternalServiceError', 'An error occurred on the server side.', 500);
      if (protocol === 'json')
        return new AwsApiError(
          'ServiceException',
          "AWS Organizations can't complete your request because of an internal service error. Try again later.",
          500,
        );
      if (target.service === 'iam') return new AwsApiError('ServiceFailure', 'Service failure', 500);
      return new AwsApiError(
        'InternalFailure',
        'The request processing has failed because of an unknown error, exception or failure.',
        500,
      );
  }
}

/** A fault of a registry service (services.ts): the protocol's codes unless the service names its own. */
function registeredFault(
  kind: Exclude<FaultKind, 'DropConnection' | 'Stall'>,
  protocol: Protocol,
  target: FaultTarget,
  callerArn: string,
  registered: { iamPrefix?: string; errors?: { throttling?: [string, number]; internal?: [string, number] } },
): AwsApiError {
  const json = isJson(protocol);
  switch (kind) {
    case 'AccessDenied': {
      const action = `${registered.iamPrefix ?? target.service}:${target.operation}`;
      const message = `User: ${callerArn} is not authorized to perform: ${action}`;
      if (json)
        return new AwsApiError('AccessDeniedException', message, protocol === 'rest-json' ? 403 : 400);
      return new AwsApiError('AccessDenied', message, 403);
    }
    case 'ExpiredToken':
      return expiredToken(protocol);
    case 'Throttling': {
      const [code, status] =
        registered.errors?.throttling ??
        (json ? ['ThrottlingException', protocol === 'rest-json' ? 429 : 400] : ['Throttling', 400]);
      return new AwsApiError(code, 'Rate exceeded', status);
    }
    default: {
      const [code, status] = registered.errors?.internal ?? ['InternalFailure', 500];
      return new AwsApiError(code, 'An internal error occurred.', status);
    }
  }
}

function actionPrefix(service: AwsServiceName): string {
  return service === 'elb' || service === 'elbv2' ? 'elasticloadbalancing' : service;
}

/** What each protocol answers for a request signed with expired temporary credentials. */
export function expiredToken(protocol: Protocol): AwsApiError {
  if (protocol === 's3') return new AwsApiError('ExpiredToken', 'The provided token has expired.', 400);
  if (isJson(protocol))
    return new AwsApiError(
      'ExpiredTokenException',
      'The security token included in the request is expired',
      403,
    );
  return new AwsApiError('ExpiredToken', 'The security token included in the request is expired', 403);
}
