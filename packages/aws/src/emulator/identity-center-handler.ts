import { AwsApiError } from './api-error.ts';
import type { AwsIdentityCenter, AwsPermissionSet } from './estate-types.ts';
import { decodeToken, encodeToken, pageOf } from './paging.ts';
import { jsonResponse, type WireResponse } from './protocols.ts';
import type { RequestContext } from './request-context.ts';
import type { EmulatedService } from './services.ts';

type Json = Record<string, unknown>;

export const SSO_ADMIN_OPERATIONS: readonly string[] = [
  'ListInstances',
  'ListPermissionSets',
  'DescribePermissionSet',
  'ListManagedPoliciesInPermissionSet',
  'GetInlinePolicyForPermissionSet',
  'ListAccountAssignmentsForPrincipal',
];
export const IDENTITY_STORE_OPERATIONS: readonly string[] = [
  'ListUsers',
  'ListGroups',
  'ListGroupMemberships',
];

const epochSeconds = (iso: string) => Math.floor(new Date(iso).getTime() / 1000);

function validation(message: string): AwsApiError {
  return new AwsApiError('ValidationException', message);
}

function str(ctx: RequestContext, name: string): string | undefined {
  const v = ctx.json?.[name];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function required(ctx: RequestContext, name: string): string {
  const v = str(ctx, name);
  if (v === undefined)
    throw validation(
      `1 validation error detected: Value null at '${name}' failed to satisfy constraint: Member must not be null`,
    );
  return v;
}

/** One page of a list, with MaxResults (1..100) and NextToken as both APIs page. */
function paged<T>(ctx: RequestContext, items: readonly T[], key: string, render: (item: T) => unknown): Json {
  const max = ctx.json?.MaxResults;
  if (max !== undefined && (typeof max !== 'number' || !Number.isInteger(max) || max < 1 || max > 100))
    throw validation(
      `1 validation error detected: Value '${String(max)}' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and 100`,
    );
  const start = decodeToken(ctx.operation, str(ctx, 'NextToken'), () =>
    validation('The next token is invalid.'),
  );
  const page = pageOf(items, start, typeof max === 'number' ? max : 100);
  const out: Json = { [key]: page.items.map(render) };
  if (page.next !== undefined) out.NextToken = encodeToken(ctx.operation, page.next);
  return out;
}

/** The caller account's instance, when the request reaches the region it lives in. */
function instanceHere(ctx: RequestContext): AwsIdentityCenter | undefined {
  const ic = ctx.account.identityCenter;
  return ic && ic.region === ctx.region ? ic : undefined;
}

function instanceByArn(ctx: RequestContext): AwsIdentityCenter {
  const arn = required(ctx, 'InstanceArn');
  const ic = instanceHere(ctx);
  if (!ic || ic.instanceArn !== arn)
    throw new AwsApiError('ResourceNotFoundException', `Instance ${arn} does not exist.`);
  return ic;
}

function permissionSetOf(ctx: RequestContext, ic: AwsIdentityCenter): AwsPermissionSet {
  const arn = required(ctx, 'PermissionSetArn');
  const set = ic.permissionSets.find((p) => p.arn === arn);
  if (!set)
    throw new AwsApiError('ResourceNotFoundException', `Could not find PermissionSet with ARN ${arn}.`);
  return set;
}

function ssoAdmin(ctx: RequestContext): Json {
  switch (ctx.operation) {
    case 'ListInstances': {
      const ic = instanceHere(ctx);
      return paged(ctx, ic ? [ic] : [], 'Instances', (i) => ({
        InstanceArn: i.instanceArn,
        IdentityStoreId: i.identityStoreId,
        OwnerAccountId: ctx.account.id,
        Name: i.name,
        CreatedDate: epochSeconds(i.createdDate),
        Status: i.status,
      }));
    }
    case 'ListPermissionSets': {
      const ic = instanceByArn(ctx);
      return paged(ctx, ic.permissionSets, 'PermissionSets', (p) => p.arn);
    }
    case 'DescribePermissionSet': {
      const set = permissionSetOf(ctx, instanceByArn(ctx));
      return {
        PermissionSet: {
          Name: set.name,
          PermissionSetArn: set.arn,
          ...(set.description ? { Description: set.description } : {}),
          CreatedDate: epochSeconds(set.createdDate),
          SessionDuration: set.sessionDuration,
        },
      };
    }
    case 'ListManagedPoliciesInPermissionSet': {
      const set = permissionSetOf(ctx, instanceByArn(ctx));
      return paged(ctx, set.managedPolicyArns, 'AttachedManagedPolicies', (arn) => ({
        Arn: arn,
        Name: arn.split('/').pop(),
      }));
    }
    case 'GetInlinePolicyForPermissionSet': {
      const set = permissionSetOf(ctx, instanceByArn(ctx));
      // A permission set without an inline policy answers an empty string.
      return { InlinePolicy: set.inlinePolicy ? JSON.stringify(set.inlinePolicy) : '' };
    }
    case 'ListAccountAssignmentsForPrincipal': {
      const ic = instanceByArn(ctx);
      const principalId = required(ctx, 'PrincipalId');
      const principalType = required(ctx, 'PrincipalType');
      if (principalType !== 'USER' && principalType !== 'GROUP')
        throw validation(
          `Value '${principalType}' at 'principalType' failed to satisfy constraint: Member must satisfy enum value set: [USER, GROUP]`,
        );
      const filter = (ctx.json?.Filter as { AccountId?: string } | undefined)?.AccountId;
      const found = ic.assignments.filter(
        (a) =>
          a.principalId === principalId &&
          a.principalType === principalType &&
          (filter === undefined || a.accountId === filter),
      );
      return paged(ctx, found, 'AccountAssignments', (a) => ({
        AccountId: a.accountId,
        PermissionSetArn: a.permissionSetArn,
        PrincipalId: a.principalId,
        PrincipalType: a.principalType,
      }));
    }
    default:
      throw new AwsApiError(
        'UnknownOperationException',
        `The emulator does not serve ${ctx.operation || 'this operation'}.`,
      );
  }
}

function storeOf(ctx: RequestContext): AwsIdentityCenter {
  const id = required(ctx, 'IdentityStoreId');
  const ic = instanceHere(ctx);
  if (!ic || ic.identityStoreId !== id)
    throw new AwsApiError('ResourceNotFoundException', `Identity store ${id} does not exist.`);
  return ic;
}

const externalIds = (e: { issuer: string; id: string } | undefined) =>
  e ? { ExternalIds: [{ Issuer: e.issuer, Id: e.id }] } : {};

function identityStore(ctx: RequestContext): Json {
  const ic = storeOf(ctx);
  switch (ctx.operation) {
    case 'ListUsers':
      return paged(ctx, ic.users, 'Users', (u) => ({
        IdentityStoreId: ic.identityStoreId,
        UserId: u.userId,
        UserName: u.userName,
        DisplayName: u.displayName,
        Name: { GivenName: u.displayName.split(' ')[0], FamilyName: u.displayName.split(' ')[1] ?? '' },
        Emails: [{ Value: u.email, Type: 'work', Primary: true }],
        ...externalIds(u.externalId),
      }));
    case 'ListGroups':
      return paged(ctx, ic.groups, 'Groups', (g) => ({
        IdentityStoreId: ic.identityStoreId,
        GroupId: g.groupId,
        DisplayName: g.displayName,
        ...(g.description ? { Description: g.description } : {}),
        ...externalIds(g.externalId),
      }));
    case 'ListGroupMemberships': {
      const groupId = required(ctx, 'GroupId');
      const group = ic.groups.find((g) => g.groupId === groupId);
      if (!group) throw new AwsApiError('ResourceNotFoundException', `Group ${groupId} does not exist.`);
      return paged(ctx, group.memberIds, 'GroupMemberships', (userId) => ({
        IdentityStoreId: ic.identityStoreId,
        MembershipId: `${group.groupId.slice(0, 10)}-${userId.slice(-12)}`,
        GroupId: group.groupId,
        MemberId: { UserId: userId },
      }));
    }
    default:
      throw new AwsApiError(
        'UnknownOperationException',
        `The emulator does not serve ${ctx.operation || 'this operation'}.`,
      );
  }
}

const answer =
  (handler: (ctx: RequestContext) => Json) =>
  (ctx: RequestContext): WireResponse =>
    jsonResponse(handler(ctx), ctx.requestId);

/** IAM Identity Center's admin API (AWS JSON 1.1, target `SWBExternalService.<Operation>`, signing name `sso`). */
export const SSO_ADMIN_SERVICE: EmulatedService = {
  name: 'sso',
  signingName: 'sso',
  protocol: 'json',
  handle: answer(ssoAdmin),
};

/** The Identity Store API (AWS JSON 1.1, target `AWSIdentityStore.<Operation>`). */
export const IDENTITY_STORE_SERVICE: EmulatedService = {
  name: 'identitystore',
  signingName: 'identitystore',
  protocol: 'json',
  handle: answer(identityStore),
};
