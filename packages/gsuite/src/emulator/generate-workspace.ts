import { createSeededRandom, type SeededRandom } from '@skygraph/core/emulator-kit';
import type { WorkspaceEstate, WorkspaceGroup, WorkspaceMember, WorkspaceUser } from './workspace-estate.ts';

export interface GenerateWorkspaceOptions {
  /** Same seed, same directory. Default 1. */
  seed?: number | string;
  /** Default `example.com`. */
  domain?: string;
  /** Default 50. */
  users?: number;
  /** Default 10: the ten named groups of the README, then `team-<n>` groups. */
  groups?: number;
  /** Members from outside the domain (users and a group). Default true. */
  externalMembers?: boolean;
}

const GIVEN_NAMES = [
  'Alice',
  'Bob',
  'Carol',
  'Dan',
  'Erin',
  'Frank',
  'Grace',
  'Heidi',
  'Ivan',
  'Judy',
  'Mallory',
  'Niaj',
  'Olivia',
  'Peggy',
  'Rupert',
  'Sybil',
  'Trent',
  'Uma',
  'Victor',
  'Wendy',
];
const FAMILY_NAMES = [
  'Anderson',
  'Baker',
  'Chen',
  'Diaz',
  'Evans',
  'Fischer',
  'Garcia',
  'Hughes',
  'Ito',
  'Jones',
  'Kowalski',
  'Lopez',
  'Murphy',
  'Nakamura',
  'Okafor',
  'Patel',
  'Quinn',
  'Rossi',
  'Singh',
  'Tanaka',
];
const ORG_UNITS = ['/', '/Engineering', '/Sales', '/Contractors'];
const NOW = Date.UTC(2025, 5, 1);
const DAY_MS = 86_400_000;

interface GroupTemplate {
  local: string;
  name: string;
  description: string;
  adminCreated: boolean;
  /** Receives ordinary users round-robin. */
  holdsUsers: boolean;
}

const GROUP_TEMPLATES: readonly GroupTemplate[] = [
  {
    local: 'all-staff',
    name: 'All staff',
    description: 'Everyone in the company',
    adminCreated: true,
    holdsUsers: false,
  },
  {
    local: 'engineering',
    name: 'Engineering',
    description: 'All engineers',
    adminCreated: true,
    holdsUsers: true,
  },
  {
    local: 'platform',
    name: 'Platform',
    description: 'Platform engineering',
    adminCreated: true,
    holdsUsers: true,
  },
  {
    local: 'sre',
    name: 'SRE',
    description: 'Site reliability on-call',
    adminCreated: true,
    holdsUsers: true,
  },
  { local: 'security', name: 'Security', description: 'Security team', adminCreated: true, holdsUsers: true },
  {
    local: 'partners',
    name: 'Partners',
    description: 'Shared with external partners',
    adminCreated: false,
    holdsUsers: true,
  },
  {
    local: 'admins',
    name: 'Admins',
    description: 'Workspace administrators',
    adminCreated: true,
    holdsUsers: false,
  },
  { local: 'finance', name: 'Finance', description: 'Finance team', adminCreated: true, holdsUsers: true },
  { local: 'sales', name: 'Sales', description: 'Sales team', adminCreated: true, holdsUsers: true },
  {
    local: 'restricted-hr',
    name: 'HR (restricted)',
    description: 'HR case files',
    adminCreated: true,
    holdsUsers: true,
  },
];

function groupId(random: SeededRandom): string {
  const alphabet = '0123456789abcdefghijklmnopqrstuvwxyz';
  let id = '0';
  while (id.length < 15) id += alphabet[random.int(0, alphabet.length - 1)];
  return id;
}

function isoDaysBefore(random: SeededRandom, minDays: number, maxDays: number): string {
  return new Date(NOW - random.int(minDays, maxDays) * DAY_MS - random.int(0, DAY_MS - 1)).toISOString();
}

function generateUsers(random: SeededRandom, domain: string, count: number): WorkspaceUser[] {
  const used = new Set<string>();
  const users: WorkspaceUser[] = [];
  for (let i = 0; i < count; i++) {
    const givenName = GIVEN_NAMES[i % GIVEN_NAMES.length] ?? 'User';
    const familyName =
      FAMILY_NAMES[(i * 7 + Math.floor(i / GIVEN_NAMES.length)) % FAMILY_NAMES.length] ?? 'Person';
    let local = `${givenName}.${familyName}`.toLowerCase();
    for (let n = 2; used.has(local); n++) local = `${givenName}.${familyName}${n}`.toLowerCase();
    used.add(local);
    const neverLoggedIn = i % 10 === 9;
    const suspended = i % 10 === 7;
    const orgUnitPath = i < 3 ? '/' : (ORG_UNITS[i % ORG_UNITS.length] ?? '/');
    const enrolled = i === 0 || (i >= 3 && !neverLoggedIn && random.chance(0.7));
    users.push({
      id: random.digits(21),
      primaryEmail: `${local}@${domain}`,
      givenName,
      familyName,
      isAdmin: i === 0 || i === 1,
      isDelegatedAdmin: i === 2,
      isEnrolledIn2Sv: enrolled,
      isEnforcedIn2Sv: i === 0 || (enrolled && orgUnitPath === '/Engineering'),
      suspended,
      ...(suspended ? { suspensionReason: 'ADMIN' } : {}),
      archived: i % 25 === 24,
      lastLoginTime: neverLoggedIn ? null : isoDaysBefore(random, suspended ? 200 : 0, suspended ? 400 : 30),
      creationTime: isoDaysBefore(random, 400, 2000),
      orgUnitPath,
      agreedToTerms: !neverLoggedIn,
      changePasswordAtNextLogin: neverLoggedIn,
      includeInGlobalAddressList: orgUnitPath !== '/Contractors',
      ipWhitelisted: false,
      isMailboxSetup: true,
      hasPhoto: random.chance(0.5),
      aliases: i === 0 ? [`admin@${domain}`, `it@${domain}`] : [],
      ...(i < 3 ? { recoveryEmail: `${local}.recovery@gmail.com` } : {}),
    });
  }
  return users;
}

/**
 * Builds a deterministic Workspace directory with admins lacking 2-Step
 * Verification, suspended/archived/never-used accounts, three levels of group
 * nesting and external members (see the emulator README).
 *
 * @example
 * const workspace = generateWorkspace({ seed: 1, users: 2000, groups: 150 });
 */
export function generateWorkspace(options: GenerateWorkspaceOptions = {}): WorkspaceEstate {
  const random = createSeededRandom(options.seed ?? 1);
  const domain = options.domain ?? 'example.com';
  const customerId = `C0${random.hex(7)}`;
  const users = generateUsers(random, domain, options.users ?? 50);
  const groupCount = options.groups ?? 10;
  const externals = options.externalMembers ?? true;

  const templates: GroupTemplate[] = [];
  for (let i = 0; i < groupCount; i++) {
    templates.push(
      GROUP_TEMPLATES[i] ?? {
        local: `team-${i}`,
        name: `Team ${i}`,
        description: `Project team ${i}`,
        adminCreated: true,
        holdsUsers: true,
      },
    );
  }
  const groups: WorkspaceGroup[] = templates.map((template) => ({
    id: groupId(random),
    email: `${template.local}@${domain}`,
    name: template.name,
    description: template.description,
    adminCreated: template.adminCreated,
    aliases: template.local === 'security' ? [`secops@${domain}`] : [],
    members: [],
  }));
  const byLocal = (local: string) => groups.find((group) => group.email === `${local}@${domain}`);
  const userMember = (user: WorkspaceUser, role: WorkspaceMember['role']): WorkspaceMember => ({
    type: 'USER',
    id: user.id,
    email: user.primaryEmail,
    role,
  });
  const groupMember = (group: WorkspaceGroup): WorkspaceMember => ({
    type: 'GROUP',
    id: group.id,
    email: group.email,
    role: 'MEMBER',
  });

  const owner = users[0];
  if (owner) for (const group of groups) group.members.push(userMember(owner, 'OWNER'));

  // all-staff > engineering > platform > sre: a group in a group in a group.
  const nesting: Array<[string, string]> = [
    ['all-staff', 'engineering'],
    ['engineering', 'platform'],
    ['platform', 'sre'],
  ];
  for (const [outer, inner] of nesting) {
    const outerGroup = byLocal(outer);
    const innerGroup = byLocal(inner);
    if (outerGroup && innerGroup) outerGroup.members.push(groupMember(innerGroup));
  }
  byLocal('all-staff')?.members.push({ type: 'CUSTOMER', id: customerId, role: 'MEMBER' });

  const admins = byLocal('admins');
  if (admins) {
    for (const user of users.slice(1, 3)) admins.members.push(userMember(user, 'MANAGER'));
  }

  const holders = groups.filter((_, index) => templates[index]?.holdsUsers);
  users.slice(1).forEach((user, index) => {
    const home = holders[random.int(0, holders.length - 1)];
    if (!home) return;
    const first = !home.members.some((member) => member.type === 'USER' && member.role !== 'OWNER');
    home.members.push(userMember(user, first ? 'MANAGER' : 'MEMBER'));
    // Every fifth user is also in a second group.
    const second = holders[random.int(0, holders.length - 1)];
    if (index % 5 === 0 && second && second !== home) second.members.push(userMember(user, 'MEMBER'));
  });

  if (externals) {
    const external = (email: string, type: 'USER' | 'GROUP' = 'USER'): WorkspaceMember => ({
      type,
      id: type === 'USER' ? random.digits(21) : groupId(random),
      email,
      role: 'MEMBER',
    });
    byLocal('partners')?.members.push(
      external('alex.rivera@partner.example'),
      external('sam.contractor@gmail.com'),
      external('shared-list@partner.example', 'GROUP'),
    );
    byLocal('engineering')?.members.push(external('oncall@vendor.example'));
  }

  return { customerId, domain, users, groups };
}
