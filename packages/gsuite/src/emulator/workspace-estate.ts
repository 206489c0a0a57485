/**
 * The emulator's model of a Google Workspace directory: plain, mutable data
 * that tests change between syncs. The HTTP layer renders it into the Admin
 * SDK Directory API shapes (`kind`, `etag`, derived counts and statuses).
 */

export interface WorkspaceUser {
  /** 21-digit numeric id. */
  id: string;
  primaryEmail: string;
  givenName: string;
  familyName: string;
  /** Super administrator. */
  isAdmin: boolean;
  isDelegatedAdmin: boolean;
  isEnrolledIn2Sv: boolean;
  isEnforcedIn2Sv: boolean;
  suspended: boolean;
  /** `ADMIN`, `ABUSE`, `UNDER13`, `WEB_LOGIN_REQUIRED`, ... when suspended. */
  suspensionReason?: string;
  archived: boolean;
  /** ISO time; `null` for never (rendered as `1970-01-01T00:00:00.000Z`, as the API does). */
  lastLoginTime: string | null;
  creationTime: string;
  orgUnitPath: string;
  agreedToTerms: boolean;
  changePasswordAtNextLogin: boolean;
  includeInGlobalAddressList: boolean;
  ipWhitelisted: boolean;
  isMailboxSetup: boolean;
  hasPhoto: boolean;
  aliases: string[];
  recoveryEmail?: string;
}

export type WorkspaceMemberRole = 'OWNER' | 'MANAGER' | 'MEMBER';
export type WorkspaceMemberType = 'USER' | 'GROUP' | 'CUSTOMER';

export interface WorkspaceMember {
  type: WorkspaceMemberType;
  /** User id, group id, or the customer id for a CUSTOMER member; external users get an id too. */
  id: string;
  /** Absent for CUSTOMER members. */
  email?: string;
  role: WorkspaceMemberRole;
  /** Overrides the derived status (`SUSPENDED` for suspended users, else `ACTIVE`). */
  status?: string;
  deliverySettings?: 'ALL_MAIL' | 'DAILY' | 'DIGEST' | 'DISABLED' | 'NONE';
}

export interface WorkspaceGroup {
  /** 15-character id, e.g. `01hmsyys0uyn3rk`. */
  id: string;
  email: string;
  name: string;
  description: string;
  adminCreated: boolean;
  aliases: string[];
  /** Direct members; nested groups are GROUP members. */
  members: WorkspaceMember[];
}

export interface WorkspaceEstate {
  /** e.g. `C03az79cb`; `my_customer` resolves to it. */
  customerId: string;
  /** Primary domain. */
  domain: string;
  users: WorkspaceUser[];
  groups: WorkspaceGroup[];
}

export function findUser(estate: WorkspaceEstate, key: string): WorkspaceUser | undefined {
  const lower = key.toLowerCase();
  return estate.users.find(
    (user) =>
      user.id === key ||
      user.primaryEmail.toLowerCase() === lower ||
      user.aliases.some((alias) => alias.toLowerCase() === lower),
  );
}

/** A group by email, alias or id (the Directory API's `groupKey`). */
export function findGroup(estate: WorkspaceEstate, key: string): WorkspaceGroup | undefined {
  const lower = key.toLowerCase();
  return estate.groups.find(
    (group) =>
      group.id === key ||
      group.email.toLowerCase() === lower ||
      group.aliases.some((alias) => alias.toLowerCase() === lower),
  );
}
