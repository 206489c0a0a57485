import {
  type AccessKeyLastUsed,
  type AccessKeyMetadata,
  GetAccessKeyLastUsedCommand,
  type IAMClient,
  ListAccessKeysCommand,
} from '@aws-sdk/client-iam';
import { type CollectContext, defineCollector, load, type NodeRow } from '@skygraph/core';
import pLimit from 'p-limit';
import type { AwsScopeContext } from '../../aws-context.ts';
import { paginate, requestSignal } from '../../paging.ts';
import { AccountAccessKey } from '../../schema/access-key.ts';
import { AWSInlinePolicy, AWSPolicyStatement } from '../../schema/iam-policy.ts';
import { AWSUser } from '../../schema/iam-principal.ts';
import { isoDate, present } from '../where.ts';
import { type AuthorizationDetailsPage, authorizationDetails } from './authorization-details.ts';
import { type CredentialRow, credentialReport, reportDate, reportFlag } from './credential-report.ts';
import { listUsersPages } from './list-users.ts';
import { parsePolicyDocument } from './policy-document.ts';
import { inlinePolicyId, inlinePolicyRows } from './policy-rows.ts';

/** An access key with its last use. */
export interface AccessKeyDetails {
  key: AccessKeyMetadata;
  lastUsed?: AccessKeyLastUsed | undefined;
}

/** Users of one authorization details page and the access keys of those users. */
export interface UsersPage {
  details: AuthorizationDetailsPage;
  /** User name -> keys. */
  accessKeys: Record<string, AccessKeyDetails[]>;
  /** User name -> when the console password was last used (ISO), from ListUsers. */
  passwordLastUsed: Record<string, string | undefined>;
  /** User ARN -> the user's row of the credential report; empty when the report could not be read. */
  credentials?: Record<string, CredentialRow | undefined>;
}

/** User rows with their inline policies and access keys. */
export function transformUsers(page: UsersPage) {
  const users: NodeRow<typeof AWSUser>[] = [];
  const inline: NodeRow<typeof AWSInlinePolicy>[] = [];
  const statements: NodeRow<typeof AWSPolicyStatement>[] = [];
  const keys: NodeRow<typeof AccountAccessKey>[] = [];
  for (const u of page.details.UserDetailList ?? []) {
    if (!u.Arn || !u.UserName) continue;
    const arn = u.Arn;
    const report = page.credentials?.[arn];
    const embedded = inlinePolicyRows(arn, u.UserPolicyList, parsePolicyDocument);
    inline.push(...embedded.inline);
    statements.push(...embedded.statements);
    users.push({
      id: arn,
      arn,
      userid: u.UserId,
      name: u.UserName,
      path: u.Path,
      createdate: isoDate(u.CreateDate),
      passwordlastused: page.passwordLastUsed[u.UserName],
      password_enabled: reportFlag(report?.password_enabled),
      password_last_changed: reportDate(report?.password_last_changed),
      password_next_rotation: reportDate(report?.password_next_rotation),
      mfa_active: reportFlag(report?.mfa_active),
      policies: [
        ...present((u.AttachedManagedPolicies ?? []).map((p) => p.PolicyArn)),
        ...present((u.UserPolicyList ?? []).map((p) => p.PolicyName)).map((name) =>
          inlinePolicyId(arn, name),
        ),
      ],
      groups: present(u.GroupList),
      memberOf: present(u.GroupList),
    });
    for (const { key, lastUsed } of page.accessKeys[u.UserName] ?? []) {
      if (!key.AccessKeyId) continue;
      keys.push({
        id: key.AccessKeyId,
        accesskeyid: key.AccessKeyId,
        status: key.Status,
        createdate: isoDate(key.CreateDate),
        lastuseddate: isoDate(lastUsed?.LastUsedDate),
        lastusedservice: lastUsed?.ServiceName,
        lastusedregion: lastUsed?.Region,
        user: arn,
        owner: arn,
      });
    }
  }
  return [
    load(AWSInlinePolicy, inline),
    load(AWSPolicyStatement, statements),
    load(AWSUser, users),
    load(AccountAccessKey, keys),
  ] as const;
}

async function accessKeysOf(
  ctx: CollectContext<AwsScopeContext>,
  iam: IAMClient,
  userName: string,
): Promise<AccessKeyDetails[]> {
  const out: AccessKeyDetails[] = [];
  for await (const page of paginate(
    ctx,
    'iam:ListAccessKeys',
    (Marker) =>
      iam.send(new ListAccessKeysCommand({ UserName: userName, Marker }), {
        abortSignal: requestSignal(ctx.signal),
      }),
    (p) => (p.IsTruncated ? p.Marker : undefined),
  )) {
    for (const key of page.AccessKeyMetadata ?? []) {
      const id = key.AccessKeyId;
      const used = id
        ? await ctx.call('iam:GetAccessKeyLastUsed', () =>
            iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: id }), {
              abortSignal: requestSignal(ctx.signal),
            }),
          )
        : undefined;
      out.push({ key, lastUsed: used?.AccessKeyLastUsed });
    }
  }
  return out;
}

/**
 * IAM users of an account with their policies, group memberships, access keys,
 * and their console password and MFA from the credential report.
 */
export const usersCollector = defineCollector<AwsScopeContext, UsersPage>({
  name: 'iam:users',
  schemas: [AWSInlinePolicy, AWSPolicyStatement, AWSUser, AccountAccessKey],
  async *fetch(ctx) {
    const iam = ctx.context.clients.iam(ctx.context.region);
    const limit = pLimit(4);
    try {
      // Authorization details lack the password's last use; ListUsers has it
      // (a name and a date per user, bounded by the account's IAM quota).
      const lastUsed = new Map<string, string | undefined>();
      for await (const page of listUsersPages(ctx, iam)) {
        for (const u of page.Users ?? [])
          if (u.UserName) lastUsed.set(u.UserName, isoDate(u.PasswordLastUsed));
      }
      // Console passwords and MFA of every user at once, where GetLoginProfile would cost a request per user.
      const report = await credentialReport(ctx);
      for await (const details of authorizationDetails(ctx, ['User'])) {
        const accessKeys: UsersPage['accessKeys'] = {};
        const passwordLastUsed: UsersPage['passwordLastUsed'] = {};
        const names = (details.UserDetailList ?? []).flatMap((u) => (u.UserName ? [u.UserName] : []));
        // A few users' keys at a time: two calls per key add up in accounts with many users.
        await Promise.all(
          names.map((name) =>
            limit(async () => {
              accessKeys[name] = await accessKeysOf(ctx, iam, name);
            }),
          ),
        );
        for (const name of names) passwordLastUsed[name] = lastUsed.get(name);
        const credentials: UsersPage['credentials'] = {};
        for (const u of details.UserDetailList ?? []) if (u.Arn) credentials[u.Arn] = report?.get(u.Arn);
        yield { details, accessKeys, passwordLastUsed, credentials };
      }
    } finally {
      iam.destroy();
    }
  },
  transform: (page) => transformUsers(page),
});
