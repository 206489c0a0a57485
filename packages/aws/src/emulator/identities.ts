import type { AwsEstate } from './estate-types.ts';
import { accountIdFromSessionKey, iamUniqueId, sessionAccessKeyId } from './ids.ts';
import { Rng } from './random.ts';
import type { Caller } from './request-context.ts';

export interface Session {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
  caller: Caller;
}

export interface HubCredentials {
  accessKeyId: string;
  secretAccessKey: string;
}

/**
 * Maps access key ids to callers: the hub keys (the management account's
 * collector user), sessions issued by AssumeRole, and the access keys of IAM
 * users in the estate. Signatures are not verified.
 */
export class Identities {
  private readonly sessions = new Map<string, Session>();
  private readonly rng: Rng;

  constructor(
    private readonly estate: AwsEstate,
    readonly hub: HubCredentials,
    seed: string,
  ) {
    this.rng = new Rng(`${seed}/sessions`);
  }

  hubCaller(): Caller {
    const accountId = this.estate.organization.managementAccountId;
    const user = this.estate.accounts
      .find((a) => a.id === accountId)
      ?.iam.users.find((u) => u.userName === 'skygraph-hub');
    return {
      accountId,
      arn: user?.arn ?? `arn:aws:iam::${accountId}:user/skygraph-hub`,
      userId: user?.userId ?? 'AIDASKYGRAPHHUBUSER01',
      kind: 'hub',
    };
  }

  /** Whether the key is a session past its expiration (or one expired by a fault). */
  expired(accessKeyId: string, now = Date.now()): boolean {
    const session = this.sessions.get(accessKeyId);
    return session !== undefined && session.expiration.getTime() <= now;
  }

  /** Ends a session now, as when it is revoked or outlived. */
  expire(accessKeyId: string): void {
    const session = this.sessions.get(accessKeyId);
    if (session) session.expiration = new Date(0);
  }

  resolve(accessKeyId: string): Caller | undefined {
    if (accessKeyId === this.hub.accessKeyId) return this.hubCaller();
    const session = this.sessions.get(accessKeyId);
    if (session) return session.caller;
    for (const account of this.estate.accounts) {
      for (const user of account.iam.users) {
        if (user.accessKeys.some((k) => k.accessKeyId === accessKeyId && k.status === 'Active')) {
          return { accountId: account.id, arn: user.arn, userId: user.userId, kind: 'user' };
        }
      }
    }
    // A session key from before a restart still names its account.
    const accountId = accountIdFromSessionKey(accessKeyId);
    if (accountId && this.estate.accounts.some((a) => a.id === accountId)) {
      return {
        accountId,
        arn: `arn:aws:sts::${accountId}:assumed-role/${this.estate.auditRoleName}/restored-session`,
        userId: `AROA${accessKeyId.slice(4, 21)}:restored-session`,
        kind: 'assumed-role',
        roleName: this.estate.auditRoleName,
        sessionName: 'restored-session',
      };
    }
    return undefined;
  }

  issue(
    accountId: string,
    roleName: string,
    roleId: string | undefined,
    sessionName: string,
    durationSeconds: number,
  ): Session {
    const accessKeyId = sessionAccessKeyId(accountId, this.rng);
    const roleUniqueId = roleId ?? iamUniqueId(this.rng, 'AROA');
    const session: Session = {
      accessKeyId,
      secretAccessKey: this.rng.base64ish(40),
      sessionToken: `FwoGZXIvYXdzE${this.rng.base64ish(300)}`,
      expiration: new Date(Date.now() + durationSeconds * 1000),
      caller: {
        accountId,
        arn: `arn:aws:sts::${accountId}:assumed-role/${roleName}/${sessionName}`,
        userId: `${roleUniqueId}:${sessionName}`,
        kind: 'assumed-role',
        roleName,
        sessionName,
      },
    };
    this.sessions.set(accessKeyId, session);
    return session;
  }
}
