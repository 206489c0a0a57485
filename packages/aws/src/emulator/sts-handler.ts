import { AwsApiError } from './api-error.ts';
import type { PolicyDocument } from './estate-types.ts';
import type { Identities } from './identities.ts';
import type { Caller, RequestContext } from './request-context.ts';
import { asList, principalMatches } from './resource-policy.ts';
import { el, wrap } from './xml.ts';

/** Whether a role's trust policy lets the caller assume it (principals, and an `sts:ExternalId` condition). */
export function trustAllows(trust: PolicyDocument, caller: Caller, externalId: string | undefined): boolean {
  const statements = trust.Statement;
  const allowed = statements.some((s) => {
    if (s.Effect !== 'Allow') return false;
    const actions = asList(s.Action);
    if (!actions.some((a) => a === 'sts:AssumeRole' || a === 'sts:*' || a === '*')) return false;
    if (!principalMatches(s.Principal, caller)) return false;
    const wanted = s.Condition?.StringEquals?.['sts:ExternalId'];
    return wanted === undefined || asList(wanted).includes(externalId ?? '');
  });
  const denied = statements.some(
    (s) =>
      s.Effect === 'Deny' &&
      principalMatches(s.Principal, caller) &&
      asList(s.Action).some((a) => a.startsWith('sts:') || a === '*'),
  );
  return allowed && !denied;
}

function assumeRole(ctx: RequestContext, identities: Identities): string {
  const roleArn = ctx.params.get('RoleArn') ?? '';
  const sessionName = ctx.params.get('RoleSessionName') ?? '';
  if (!roleArn) throw validation('roleArn', 'Member must not be null');
  if (!/^[\w+=,.@-]{2,64}$/.test(sessionName)) {
    throw validation('roleSessionName', 'Member must satisfy regular expression pattern: [\\w+=,.@-]*');
  }
  const match = /^arn:aws:iam::(\d{12}):role\/(?:.*\/)?([\w+=,.@-]+)$/.exec(roleArn);
  if (!match) throw new AwsApiError('ValidationError', `${roleArn} is invalid`);
  const [, accountId = '', roleName = ''] = match;
  const denied = () =>
    new AwsApiError(
      'AccessDenied',
      `User: ${ctx.caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
      403,
    );
  const account = ctx.estate.accounts.find((a) => a.id === accountId);
  if (account?.status !== 'ACTIVE') throw denied();
  const role = account.iam.roles.find((r) => r.roleName === roleName);
  if (
    !role ||
    !trustAllows(role.assumeRolePolicyDocument, ctx.caller, ctx.params.get('ExternalId') ?? undefined)
  )
    throw denied();
  const maxDuration = ctx.caller.kind === 'assumed-role' ? 3600 : role.maxSessionDuration;
  const duration = Number(ctx.params.get('DurationSeconds') ?? 3600);
  if (!Number.isInteger(duration) || duration < 900 || duration > maxDuration) {
    throw new AwsApiError(
      'ValidationError',
      `The requested DurationSeconds exceeds the MaxSessionDuration set for this role.`,
    );
  }
  const session = identities.issue(account.id, role.roleName, role.roleId, sessionName, duration);
  return (
    wrap('AssumedRoleUser', el('AssumedRoleId', session.caller.userId) + el('Arn', session.caller.arn)) +
    wrap(
      'Credentials',
      el('AccessKeyId', session.accessKeyId) +
        el('SecretAccessKey', session.secretAccessKey) +
        el('SessionToken', session.sessionToken) +
        el('Expiration', session.expiration.toISOString().replace(/\.\d{3}Z$/, 'Z')),
    )
  );
}

function validation(member: string, constraint: string): AwsApiError {
  return new AwsApiError(
    'ValidationError',
    `1 validation error detected: Value at '${member}' failed to satisfy constraint: ${constraint}`,
  );
}

function getCallerIdentity(ctx: RequestContext): string {
  return el('Arn', ctx.caller.arn) + el('UserId', ctx.caller.userId) + el('Account', ctx.caller.accountId);
}

export const STS_OPERATIONS: readonly string[] = ['GetCallerIdentity', 'AssumeRole'];

export function handleSts(ctx: RequestContext, identities: Identities): string {
  switch (ctx.operation) {
    case 'GetCallerIdentity':
      return getCallerIdentity(ctx);
    case 'AssumeRole':
      return assumeRole(ctx, identities);
    default:
      throw new AwsApiError(
        'InvalidAction',
        `Could not find operation ${ctx.operation} for version 2011-06-15`,
      );
  }
}
