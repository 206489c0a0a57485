import { OAuth2Client } from 'google-auth-library';
import { type admin_directory_v1, google } from 'googleapis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generateWorkspace } from './generate-workspace.ts';
import { startWorkspaceEmulator, type WorkspaceEmulator } from './workspace-emulator.ts';

interface ClientFailure {
  status?: number;
  message: string;
  response?: { data?: { error?: { status?: string; errors?: Array<{ reason?: string }> } } };
}

async function failure(promise: Promise<unknown>): Promise<ClientFailure> {
  try {
    await promise;
  } catch (error) {
    return error as ClientFailure;
  }
  throw new Error('expected the call to fail');
}

describe('Workspace emulator with the googleapis Admin SDK client', () => {
  let ws: WorkspaceEmulator;
  let admin: admin_directory_v1.Admin;

  beforeAll(async () => {
    ws = await startWorkspaceEmulator({ estate: generateWorkspace({ seed: 1, users: 1200, groups: 12 }) });
    const auth = new OAuth2Client();
    auth.setCredentials({ access_token: 'test-token' });
    admin = google.admin({ version: 'directory_v1', auth, rootUrl: `${ws.url}/` });
  });
  afterAll(async () => {
    await ws.close();
  });
  beforeEach(() => {
    ws.setFaults([]);
    ws.resetStats();
  });

  it('pages users.list 500 at a time', async () => {
    const emails: string[] = [];
    let pageToken: string | undefined;
    do {
      const { data } = await admin.users.list({ customer: 'my_customer', maxResults: 500, pageToken });
      expect(data.kind).toBe('admin#directory#users');
      for (const user of data.users ?? []) emails.push(user.primaryEmail ?? '');
      pageToken = data.nextPageToken ?? undefined;
    } while (pageToken);
    expect(emails).toHaveLength(1200);
    expect(ws.stats().byOperation['directory.users.list']).toBe(3);
  });

  it('renders users with the documented fields', async () => {
    const { data } = await admin.users.list({ customer: ws.estate.customerId, maxResults: 10 });
    const [owner, unsafeAdmin] = data.users ?? [];
    expect(owner).toMatchObject({
      kind: 'admin#directory#user',
      id: expect.stringMatching(/^\d{21}$/),
      primaryEmail: 'alice.anderson@example.com',
      name: { givenName: 'Alice', familyName: 'Anderson', fullName: 'Alice Anderson' },
      isAdmin: true,
      isDelegatedAdmin: false,
      isEnrolledIn2Sv: true,
      isEnforcedIn2Sv: true,
      suspended: false,
      archived: false,
      customerId: ws.estate.customerId,
      orgUnitPath: '/',
      agreedToTerms: true,
      changePasswordAtNextLogin: false,
      includeInGlobalAddressList: true,
      ipWhitelisted: false,
      isMailboxSetup: true,
      aliases: ['admin@example.com', 'it@example.com'],
      lastLoginTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      creationTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(unsafeAdmin).toMatchObject({ isAdmin: true, isEnrolledIn2Sv: false });
    const neverUsed = data.users?.find((user) => user.changePasswordAtNextLogin);
    expect(neverUsed?.lastLoginTime).toBe('1970-01-01T00:00:00.000Z');
  });

  it('filters users with query and orders them', async () => {
    const { data } = await admin.users.list({
      customer: 'my_customer',
      query: 'isAdmin=true isEnrolledIn2Sv=false',
    });
    expect(data.users?.map((user) => user.primaryEmail)).toEqual([ws.estate.users[1]?.primaryEmail]);
    const suspended = await admin.users.list({
      domain: 'example.com',
      query: 'isSuspended=true',
      orderBy: 'email',
      maxResults: 500,
    });
    const emails = suspended.data.users?.map((user) => user.primaryEmail ?? '') ?? [];
    expect(emails.length).toBe(ws.estate.users.filter((user) => user.suspended).length);
    expect(emails).toEqual([...emails].sort());
  });

  it('lists groups and members, including nested groups and external members', async () => {
    const { data } = await admin.groups.list({ customer: 'my_customer' });
    expect(data.groups).toHaveLength(12);
    const engineering = data.groups?.find((group) => group.email === 'engineering@example.com');
    expect(engineering).toMatchObject({
      kind: 'admin#directory#group',
      id: expect.stringMatching(/^[0-9a-z]{15}$/),
      name: 'Engineering',
      adminCreated: true,
      directMembersCount: String(ws.estate.groups[1]?.members.length),
    });
    const members = await admin.members.list({ groupKey: 'engineering@example.com' });
    const types = new Set(members.data.members?.map((member) => member.type));
    expect(types).toEqual(new Set(['USER', 'GROUP']));
    expect(members.data.members?.find((member) => member.type === 'GROUP')).toMatchObject({
      email: 'platform@example.com',
      role: 'MEMBER',
      status: 'ACTIVE',
    });
    expect(members.data.members?.find((member) => member.role === 'OWNER')?.email).toBe(
      'alice.anderson@example.com',
    );
    expect(members.data.members?.some((member) => member.email === 'oncall@vendor.example')).toBe(true);

    const allStaff = await admin.members.list({ groupKey: 'all-staff@example.com' });
    expect(allStaff.data.members?.find((member) => member.type === 'CUSTOMER')).toMatchObject({
      id: ws.estate.customerId,
      role: 'MEMBER',
    });
    // A group is also addressable by id and alias.
    const byId = await admin.members.list({ groupKey: engineering?.id ?? '' });
    expect(byId.data.members).toHaveLength(members.data.members?.length ?? -1);
    const byAlias = await admin.groups.get({ groupKey: 'secops@example.com' });
    expect(byAlias.data.email).toBe('security@example.com');
  });

  it('pages members and reports suspended members', async () => {
    const group = ws.estate.groups.find((candidate) =>
      candidate.members.some((member) => ws.estate.users.find((user) => user.id === member.id)?.suspended),
    );
    if (!group) throw new Error('no group with a suspended member');
    const ids: string[] = [];
    let pageToken: string | undefined;
    let pages = 0;
    do {
      const { data } = await admin.members.list({ groupKey: group.email, maxResults: 50, pageToken });
      pages++;
      for (const member of data.members ?? []) ids.push(member.id ?? '');
      pageToken = data.nextPageToken ?? undefined;
    } while (pageToken);
    expect(ids).toEqual(group.members.map((member) => member.id));
    expect(pages).toBeGreaterThan(1);
    const suspended = group.members.find(
      (member) => ws.estate.users.find((user) => user.id === member.id)?.suspended,
    );
    const member = await admin.members.get({ groupKey: group.email, memberKey: suspended?.email ?? '' });
    expect(member.data).toMatchObject({ type: 'USER', status: 'SUSPENDED' });
  });

  it('injects a 403 for one group only', async () => {
    ws.setFaults([
      { groupKey: 'restricted-hr@example.com', operation: 'members.list', kind: 'PermissionDenied' },
    ]);
    const denied = await failure(admin.members.list({ groupKey: 'restricted-hr@example.com' }));
    expect(denied.status).toBe(403);
    expect(denied.message).toBe('Not Authorized to access this resource/api');
    expect(denied.response?.data?.error?.errors?.[0]?.reason).toBe('forbidden');
    const hr = ws.estate.groups.find((group) => group.email === 'restricted-hr@example.com');
    // Matching by email covers the same group addressed by id.
    expect((await failure(admin.members.list({ groupKey: hr?.id ?? '' }))).status).toBe(403);
    expect((await admin.members.list({ groupKey: 'finance@example.com' })).status).toBe(200);
  });

  it('retries a scripted 429 inside the client and counts it', async () => {
    ws.setFaults([{ operation: 'directory.groups.list', kind: 'RateLimited', times: 2 }]);
    const { data } = await admin.groups.list({ customer: 'my_customer', maxResults: 5 });
    expect(data.groups).toHaveLength(5);
    expect(ws.stats()).toMatchObject({ requests: 3, throttled: 2 });
  });

  it('answers errors the way the Directory API does', async () => {
    expect((await failure(admin.users.list({}))).status).toBe(400);
    expect((await failure(admin.users.list({ domain: 'other.example' }))).status).toBe(403);
    expect((await failure(admin.users.list({ customer: 'my_customer', maxResults: 501 }))).status).toBe(400);
    const missing = await failure(admin.members.list({ groupKey: 'nope@example.com' }));
    expect(missing.status).toBe(404);
    expect(missing.message).toBe('Resource Not Found: groupKey');
    const response = await fetch(`${ws.url}/admin/directory/v1/users?customer=my_customer`);
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { status: string } }).error.status).toBe('UNAUTHENTICATED');
  });

  it('serves estate changes on the next request', async () => {
    const user = ws.estate.users[5];
    if (!user) throw new Error('no user');
    user.suspended = true;
    try {
      const { data } = await admin.users.get({ userKey: user.primaryEmail });
      expect(data.suspended).toBe(true);
    } finally {
      user.suspended = false;
    }
  });
});
