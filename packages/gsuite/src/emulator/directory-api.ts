import {
  decodePageToken,
  GoogleApiError,
  type GoogleErrorSpec,
  notFoundError,
  paginate,
} from '@skygraph/core/emulator-kit';
import {
  findGroup,
  findUser,
  type WorkspaceEstate,
  type WorkspaceGroup,
  type WorkspaceMember,
  type WorkspaceUser,
} from './workspace-estate.ts';

export interface DirectoryRequest {
  estate: WorkspaceEstate;
  method: string;
  segments: string[];
  query: URLSearchParams;
}

export interface DirectoryRoute {
  /** `directory.users.list`, `directory.members.list`, ... */
  operation: string;
  /** The group a call targets, as the caller wrote it (faults match on it). */
  groupKey?: string;
  handle(): unknown;
}

const NEVER = '1970-01-01T00:00:00.000Z';

/** The Directory API's 400 answers: a bare "Bad Request" or "Invalid Input". */
function badRequest(): GoogleApiError {
  return new GoogleApiError({
    httpStatus: 400,
    status: 'INVALID_ARGUMENT',
    message: 'Bad Request',
    reason: 'badRequest',
  });
}

function invalidInput(message = 'Invalid Input'): GoogleApiError {
  return new GoogleApiError({ httpStatus: 400, status: 'INVALID_ARGUMENT', message, reason: 'invalid' });
}

export function notAuthorized(): GoogleErrorSpec {
  return {
    httpStatus: 403,
    status: 'PERMISSION_DENIED',
    message: 'Not Authorized to access this resource/api',
    reason: 'forbidden',
  };
}

function etag(text: string): string {
  let a = 2166136261;
  let b = 5381;
  for (let i = 0; i < text.length; i++) {
    a = Math.imul(a ^ text.charCodeAt(i), 16777619);
    b = Math.imul(b, 33) ^ text.charCodeAt(i);
  }
  return `"${Buffer.from(`${(a >>> 0).toString(36)}${(b >>> 0).toString(36)}`).toString('base64url')}/${text.length}"`;
}

function testDomainAlias(estate: WorkspaceEstate, email: string): string {
  const local = email.split('@')[0] ?? email;
  return `${local}@${estate.domain.replace(/\./g, '-')}.test-google-a.com`;
}

function renderUser(estate: WorkspaceEstate, user: WorkspaceUser, view: 'admin_view' | 'domain_public') {
  const name = {
    givenName: user.givenName,
    familyName: user.familyName,
    fullName: `${user.givenName} ${user.familyName}`,
  };
  const emails = [
    { address: user.primaryEmail, primary: true },
    ...user.aliases.map((address) => ({ address })),
  ];
  const photo = user.hasPhoto
    ? {
        thumbnailPhotoUrl: `https://lh3.googleusercontent.com/a-/${user.id.slice(0, 12)}=s96-c`,
        thumbnailPhotoEtag: etag(`photo:${user.id}`),
      }
    : {};
  if (view === 'domain_public') {
    return {
      kind: 'admin#directory#user',
      id: user.id,
      etag: etag(user.id),
      primaryEmail: user.primaryEmail,
      name,
      emails,
      ...photo,
    };
  }
  return {
    kind: 'admin#directory#user',
    id: user.id,
    etag: etag(JSON.stringify(user)),
    primaryEmail: user.primaryEmail,
    name,
    isAdmin: user.isAdmin,
    isDelegatedAdmin: user.isDelegatedAdmin,
    lastLoginTime: user.lastLoginTime ?? NEVER,
    creationTime: user.creationTime,
    agreedToTerms: user.agreedToTerms,
    suspended: user.suspended,
    ...(user.suspended && user.suspensionReason ? { suspensionReason: user.suspensionReason } : {}),
    archived: user.archived,
    changePasswordAtNextLogin: user.changePasswordAtNextLogin,
    ipWhitelisted: user.ipWhitelisted,
    emails,
    languages: [{ languageCode: 'en', preference: 'preferred' }],
    ...(user.aliases.length > 0 ? { aliases: user.aliases } : {}),
    nonEditableAliases: [testDomainAlias(estate, user.primaryEmail)],
    customerId: estate.customerId,
    orgUnitPath: user.orgUnitPath,
    isMailboxSetup: user.isMailboxSetup,
    isEnrolledIn2Sv: user.isEnrolledIn2Sv,
    isEnforcedIn2Sv: user.isEnforcedIn2Sv,
    includeInGlobalAddressList: user.includeInGlobalAddressList,
    ...photo,
    ...(user.recoveryEmail ? { recoveryEmail: user.recoveryEmail } : {}),
  };
}

function renderGroup(estate: WorkspaceEstate, group: WorkspaceGroup) {
  return {
    kind: 'admin#directory#group',
    id: group.id,
    etag: etag(`${group.id}/${group.members.length}/${group.name}`),
    email: group.email,
    name: group.name,
    // int64 fields travel as strings.
    directMembersCount: String(group.members.length),
    description: group.description,
    adminCreated: group.adminCreated,
    ...(group.aliases.length > 0 ? { aliases: group.aliases } : {}),
    nonEditableAliases: [testDomainAlias(estate, group.email)],
  };
}

function memberStatus(estate: WorkspaceEstate, member: WorkspaceMember): string {
  if (member.status) return member.status;
  if (member.type === 'USER') {
    const user = estate.users.find((candidate) => candidate.id === member.id);
    if (user?.suspended) return 'SUSPENDED';
  }
  return 'ACTIVE';
}

function renderMember(estate: WorkspaceEstate, member: WorkspaceMember) {
  return {
    kind: 'admin#directory#member',
    etag: etag(`${member.id}/${member.role}`),
    id: member.id,
    ...(member.email ? { email: member.email } : {}),
    role: member.role,
    type: member.type,
    status: memberStatus(estate, member),
    ...(member.deliverySettings ? { delivery_settings: member.deliverySettings } : {}),
  };
}

/** Reads `maxResults`, failing outside [1, max] the way the Directory API does. */
function readMaxResults(query: URLSearchParams, defaultValue: number, max: number): number {
  const raw = query.get('maxResults');
  if (raw === null || raw === '') return defaultValue;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw invalidInput(`Invalid value '${raw}'. Values must be within the range: [1, ${max}]`);
  }
  return value;
}

function listBody(kind: string, field: string, items: unknown[], nextPageToken: string | undefined) {
  const body: Record<string, unknown> = {
    kind,
    etag: etag(`${kind}/${items.length}/${nextPageToken ?? ''}`),
  };
  if (items.length > 0) body[field] = items;
  if (nextPageToken) body.nextPageToken = nextPageToken;
  return body;
}

/** `customer` (`my_customer` or the id) or `domain` must name this directory. */
function checkScope(estate: WorkspaceEstate, query: URLSearchParams, required: boolean): void {
  const customer = query.get('customer');
  const domain = query.get('domain');
  if (customer) {
    if (customer !== 'my_customer' && customer !== estate.customerId) throw badRequest();
    return;
  }
  if (domain) {
    if (domain.toLowerCase() !== estate.domain.toLowerCase()) throw new GoogleApiError(notAuthorized());
    return;
  }
  if (required) throw badRequest();
}

type UserPredicate = (user: WorkspaceUser) => boolean;

/**
 * The common part of the users `query` syntax: `field:value` (prefix with
 * `*`) or `field=value`, terms ANDed. Unknown fields are rejected.
 */
function compileUserQuery(text: string | null): UserPredicate {
  if (text === null || text.trim() === '') return () => true;
  const predicates: UserPredicate[] = [];
  for (const term of text.trim().match(/(?:[^\s"']|"[^"]*"|'[^']*')+/g) ?? []) {
    const match = /^([A-Za-z][\w.]*)\s*([:=])\s*(.*)$/.exec(term);
    if (!match) throw invalidInput();
    const field = (match[1] ?? '').toLowerCase();
    const exact = match[2] === '=';
    const value = (match[3] ?? '').replace(/^["']|["']$/g, '').toLowerCase();
    const text = (actual: string) =>
      exact || !value.endsWith('*')
        ? actual.toLowerCase() === value
        : actual.toLowerCase().startsWith(value.slice(0, -1));
    const bool = (actual: boolean) => {
      if (value !== 'true' && value !== 'false') throw invalidInput();
      return actual === (value === 'true');
    };
    const checks: Record<string, UserPredicate> = {
      email: (u) => text(u.primaryEmail) || u.aliases.some(text),
      givenname: (u) => text(u.givenName),
      familyname: (u) => text(u.familyName),
      name: (u) => text(`${u.givenName} ${u.familyName}`),
      isadmin: (u) => bool(u.isAdmin),
      isdelegatedadmin: (u) => bool(u.isDelegatedAdmin),
      issuspended: (u) => bool(u.suspended),
      isarchived: (u) => bool(u.archived),
      isenrolledin2sv: (u) => bool(u.isEnrolledIn2Sv),
      isenforcedin2sv: (u) => bool(u.isEnforcedIn2Sv),
      orgunitpath: (u) =>
        u.orgUnitPath.toLowerCase() === value || u.orgUnitPath.toLowerCase().startsWith(`${value}/`),
    };
    const check = checks[field];
    if (!check) throw invalidInput();
    predicates.push(check);
  }
  return (user) => predicates.every((predicate) => predicate(user));
}

function sortUsers(users: WorkspaceUser[], query: URLSearchParams): WorkspaceUser[] {
  const orderBy = query.get('orderBy');
  if (orderBy === null || orderBy === '') return users;
  const keys: Record<string, (user: WorkspaceUser) => string> = {
    email: (user) => user.primaryEmail,
    givenName: (user) => user.givenName,
    familyName: (user) => user.familyName,
  };
  const key = keys[orderBy];
  if (!key) throw invalidInput();
  const direction = (query.get('sortOrder') ?? 'ASCENDING').toUpperCase() === 'DESCENDING' ? -1 : 1;
  return [...users].sort((a, b) => {
    const [x, y] = [key(a).toLowerCase(), key(b).toLowerCase()];
    return direction * (x < y ? -1 : x > y ? 1 : 0);
  });
}

/** Members including those inherited through nested groups (`includeDerivedMembership=true`). */
function derivedMembers(estate: WorkspaceEstate, group: WorkspaceGroup): WorkspaceMember[] {
  const result = [...group.members];
  const seen = new Set(result.map((member) => member.id));
  const visited = new Set([group.id]);
  const queue = group.members.filter((member) => member.type === 'GROUP');
  while (queue.length > 0) {
    const nested = findGroup(estate, queue.shift()?.id ?? '');
    if (!nested || visited.has(nested.id)) continue;
    visited.add(nested.id);
    for (const member of nested.members) {
      if (member.type === 'GROUP') queue.push(member);
      else if (!seen.has(member.id)) {
        seen.add(member.id);
        result.push({ ...member, role: 'MEMBER' });
      }
    }
  }
  return result;
}

function pageOf<T>(query: URLSearchParams, items: T[], listKey: string, defaultSize: number, max: number) {
  const offset = decodePageToken(query.get('pageToken'), listKey);
  return paginate(items, readMaxResults(query, defaultSize, max), offset, listKey);
}

/** Admin SDK Directory API v1: users, groups and members (list and get). */
export function routeDirectory(request: DirectoryRequest): DirectoryRoute | undefined {
  const s = request.segments;
  if (s[0] !== 'admin' || s[1] !== 'directory' || s[2] !== 'v1' || request.method !== 'GET') return undefined;
  const { estate, query } = request;
  const collection = s[3];
  const key = s[4];

  if (collection === 'users' && s.length === 4) {
    return {
      operation: 'directory.users.list',
      handle: () => {
        checkScope(estate, query, true);
        const view = query.get('viewType') === 'domain_public' ? 'domain_public' : 'admin_view';
        const users = sortUsers(estate.users.filter(compileUserQuery(query.get('query'))), query);
        const listKey = `users:${query.get('query') ?? ''}:${query.get('orderBy') ?? ''}:${query.get('sortOrder') ?? ''}`;
        const page = pageOf(query, users, listKey, 100, 500);
        return listBody(
          'admin#directory#users',
          'users',
          page.items.map((user) => renderUser(estate, user, view)),
          page.nextPageToken,
        );
      },
    };
  }
  if (collection === 'users' && key !== undefined && s.length === 5) {
    return {
      operation: 'directory.users.get',
      handle: () => {
        const user = findUser(estate, key);
        if (!user) throw new GoogleApiError(notFoundError('Resource Not Found: userKey'));
        return renderUser(
          estate,
          user,
          query.get('viewType') === 'domain_public' ? 'domain_public' : 'admin_view',
        );
      },
    };
  }
  if (collection === 'groups' && s.length === 4) {
    return {
      operation: 'directory.groups.list',
      handle: () => {
        const userKey = query.get('userKey');
        checkScope(estate, query, userKey === null);
        let groups = estate.groups;
        if (userKey) {
          const user = findUser(estate, userKey);
          const lower = userKey.toLowerCase();
          groups = groups.filter((group) =>
            group.members.some((member) => member.id === user?.id || member.email?.toLowerCase() === lower),
          );
        }
        const text = query.get('query');
        if (text) {
          const match = /^(email|name):(.*)$/i.exec(text.trim());
          if (!match) throw invalidInput();
          const value = (match[2] ?? '').replace(/^['"]|['"]$/g, '').toLowerCase();
          const field = (match[1] ?? '').toLowerCase() === 'email' ? 'email' : 'name';
          groups = groups.filter((group) =>
            value.endsWith('*')
              ? group[field].toLowerCase().startsWith(value.slice(0, -1))
              : group[field].toLowerCase() === value,
          );
        }
        const page = pageOf(query, groups, `groups:${userKey ?? ''}:${text ?? ''}`, 200, 200);
        return listBody(
          'admin#directory#groups',
          'groups',
          page.items.map((group) => renderGroup(estate, group)),
          page.nextPageToken,
        );
      },
    };
  }
  if (collection === 'groups' && key !== undefined) {
    const notFound = () => new GoogleApiError(notFoundError('Resource Not Found: groupKey'));
    if (s.length === 5) {
      return {
        operation: 'directory.groups.get',
        groupKey: key,
        handle: () => {
          const group = findGroup(estate, key);
          if (!group) throw notFound();
          return renderGroup(estate, group);
        },
      };
    }
    if (s[5] === 'members' && s.length === 6) {
      return {
        operation: 'directory.members.list',
        groupKey: key,
        handle: () => {
          const group = findGroup(estate, key);
          if (!group) throw notFound();
          const roles = query.get('roles');
          const wanted = roles
            ? new Set(roles.split(',').map((role) => role.trim().toUpperCase()))
            : undefined;
          const members = (
            query.get('includeDerivedMembership') === 'true' ? derivedMembers(estate, group) : group.members
          ).filter((member) => !wanted || wanted.has(member.role));
          const listKey = `members:${group.id}:${roles ?? ''}:${query.get('includeDerivedMembership') ?? ''}`;
          const page = pageOf(query, members, listKey, 200, 200);
          return listBody(
            'admin#directory#members',
            'members',
            page.items.map((member) => renderMember(estate, member)),
            page.nextPageToken,
          );
        },
      };
    }
    const memberKey = s[6];
    if (s[5] === 'members' && memberKey !== undefined && s.length === 7) {
      return {
        operation: 'directory.members.get',
        groupKey: key,
        handle: () => {
          const group = findGroup(estate, key);
          if (!group) throw notFound();
          const lower = memberKey.toLowerCase();
          const member = group.members.find(
            (candidate) => candidate.id === memberKey || candidate.email?.toLowerCase() === lower,
          );
          if (!member) throw new GoogleApiError(notFoundError('Resource Not Found: memberKey'));
          return renderMember(estate, member);
        },
      };
    }
  }
  return undefined;
}
