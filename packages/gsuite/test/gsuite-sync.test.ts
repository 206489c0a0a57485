import type { GraphStore } from '@skygraph/core';
import { openTestStore } from '@skygraph/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  findGroup,
  generateWorkspace,
  startWorkspaceEmulator,
  type WorkspaceEmulator,
  type WorkspaceGroup,
} from '../src/emulator/index.ts';
import { column, syncWorkspace } from './gsuite-test-support.ts';

describe('Workspace sync against the emulator', () => {
  let store: GraphStore;
  let ws: WorkspaceEmulator;
  beforeEach(async () => {
    store = await openTestStore();
    ws = await startWorkspaceEmulator({ estate: generateWorkspace({ seed: 3, users: 60, groups: 12 }) });
  });
  afterEach(async () => {
    await ws.close();
    await store.close();
  });

  const group = (local: string): WorkspaceGroup => {
    const found = findGroup(ws.estate, `${local}@example.com`);
    if (!found) throw new Error(`no group ${local}`);
    return found;
  };
  const directMembers = (email: string, rel = 'MEMBER_OF') =>
    column<string>(
      store,
      `MATCH (m)-[:${rel}]->(g:GSuiteGroup {email: $email}) RETURN m.email ORDER BY m.email`,
      { email },
    );
  const expectedDirect = (g: WorkspaceGroup, known: Set<string>) =>
    g.members
      .filter((m) => (m.type === 'USER' || m.type === 'GROUP') && known.has(m.id))
      .map((m) => m.email ?? '')
      .sort();

  it('loads the tenant, its users and groups, with Cartography properties', async () => {
    const result = await syncWorkspace(store, ws, 100);
    expect(result.errors).toEqual([]);
    expect(result.scopes.map((s) => s.id)).toEqual([`gsuite/${ws.estate.customerId}`]);
    expect(await column(store, 'MATCH (t:GSuiteTenant:Tenant) RETURN t.id')).toEqual([ws.estate.customerId]);
    expect(
      await column(
        store,
        'MATCH (:GSuiteTenant {id: $id})-[:RESOURCE]->(u:GSuiteUser:UserAccount) RETURN count(u)',
        {
          id: ws.estate.customerId,
        },
      ),
    ).toEqual([ws.estate.users.length]);
    expect(
      await column(store, 'MATCH (:GSuiteTenant)-[:RESOURCE]->(g:GSuiteGroup:UserGroup) RETURN count(g)'),
    ).toEqual([ws.estate.groups.length]);
    const admins = await store.read(
      `MATCH (u:GSuiteUser) WHERE u.is_admin = true OR u.is_delegated_admin = true
       RETURN u.primary_email AS email, u.is_admin AS admin, u.is_enrolled_in_2_sv AS enrolled, u.name AS name
       ORDER BY email`,
    );
    const [u0, u1, u2] = ws.estate.users;
    expect(admins).toEqual(
      [
        { email: u0?.primaryEmail, admin: true, enrolled: true, name: `${u0?.givenName} ${u0?.familyName}` },
        { email: u1?.primaryEmail, admin: true, enrolled: false, name: `${u1?.givenName} ${u1?.familyName}` },
        {
          email: u2?.primaryEmail,
          admin: false,
          enrolled: false,
          name: `${u2?.givenName} ${u2?.familyName}`,
        },
      ].sort((a, b) => String(a.email).localeCompare(String(b.email))),
    );
  });

  it('links direct members, owners and nested groups, so transitive membership is one query', async () => {
    await syncWorkspace(store, ws, 100);
    const known = new Set([...ws.estate.users.map((u) => u.id), ...ws.estate.groups.map((g) => g.id)]);
    for (const g of ws.estate.groups) {
      expect(await directMembers(g.email)).toEqual(expectedDirect(g, known));
      expect(await directMembers(g.email, 'MEMBER_GSUITE_GROUP')).toEqual(expectedDirect(g, known));
    }
    // The owner of every group; roles ride on the membership edges.
    const owner = ws.estate.users[0]?.primaryEmail;
    expect(
      await column(store, 'MATCH (:GSuiteUser {email: $owner})-[:OWNER_GSUITE_GROUP]->(g) RETURN count(g)', {
        owner,
      }),
    ).toEqual([ws.estate.groups.length]);
    expect(
      await column(
        store,
        'MATCH (:GSuiteUser {email: $owner})-[r:MEMBER_OF]->(:GSuiteGroup {email: "sre@example.com"}) RETURN r.role',
        {
          owner,
        },
      ),
    ).toEqual(['OWNER']);
    // sre ⊂ platform ⊂ engineering ⊂ all-staff: everyone in sre is transitively in all-staff.
    expect(
      await column(
        store,
        'MATCH (:GSuiteGroup {email: "sre@example.com"})-[:MEMBER_OF*1..]->(g:GSuiteGroup) RETURN g.email ORDER BY g.email',
      ),
    ).toEqual(['all-staff@example.com', 'engineering@example.com', 'platform@example.com']);
    const sreUsers = group('sre')
      .members.filter((m) => m.type === 'USER')
      .map((m) => m.email ?? '');
    const transitive = await column<string>(
      store,
      'MATCH (u:GSuiteUser)-[:MEMBER_OF*1..]->(:GSuiteGroup {email: "all-staff@example.com"}) RETURN DISTINCT u.email',
    );
    for (const email of sreUsers) expect(transitive).toContain(email);
    // External members (outside the directory) and the whole-domain member have no node to link.
    expect(await directMembers('partners@example.com')).not.toContain('alex.rivera@partner.example');
    expect(
      await column(store, 'MATCH (g:GSuiteGroup) WHERE g.members_error IS NOT NULL RETURN g.email'),
    ).toEqual([]);
  });

  it('reports and skips a group whose members cannot be listed; the rest of the directory syncs', async () => {
    await syncWorkspace(store, ws, 100);
    expect((await directMembers('restricted-hr@example.com')).length).toBeGreaterThan(0);
    ws.setFaults([
      { groupKey: 'restricted-hr@example.com', operation: 'members.list', kind: 'PermissionDenied' },
    ]);
    const result = await syncWorkspace(store, ws, 200);
    expect(result.status).toBe('success');
    expect(result.errors).toEqual([]);
    const [hr] = await store.read(
      'MATCH (g:GSuiteGroup {email: "restricted-hr@example.com"}) RETURN g.members_error AS error, g.lastupdated AS lu',
    );
    expect(hr).toEqual({ error: expect.stringMatching(/Not Authorized/), lu: 200 });
    expect(await directMembers('restricted-hr@example.com')).toEqual([]);
    expect(await directMembers('security@example.com')).not.toEqual([]);
    // Once readable again, the members come back and the error clears.
    ws.setFaults([]);
    await syncWorkspace(store, ws, 300);
    expect((await directMembers('restricted-hr@example.com')).length).toBeGreaterThan(0);
    expect(
      await column(
        store,
        'MATCH (g:GSuiteGroup {email: "restricted-hr@example.com"}) RETURN g.members_error',
      ),
    ).toEqual([null]);
  });

  it('a re-sync removes exactly what vanished: users, groups and memberships', async () => {
    await syncWorkspace(store, ws, 100);
    const leaver = ws.estate.users.at(-1);
    if (!leaver) throw new Error('no users');
    ws.estate.users = ws.estate.users.filter((u) => u !== leaver);
    for (const g of ws.estate.groups) g.members = g.members.filter((m) => m.id !== leaver.id);
    const finance = group('finance');
    ws.estate.groups = ws.estate.groups.filter((g) => g !== finance);
    const platform = group('platform');
    platform.members = platform.members.filter((m) => m.type !== 'GROUP');
    const sales = group('sales');
    const newcomer = ws.estate.users[5];
    if (!newcomer) throw new Error('no user 5');
    sales.members.push({ type: 'USER', id: newcomer.id, email: newcomer.primaryEmail, role: 'MEMBER' });

    const result = await syncWorkspace(store, ws, 200);
    expect(result.errors).toEqual([]);
    expect(await column(store, 'MATCH (u:GSuiteUser {id: $id}) RETURN count(u)', { id: leaver.id })).toEqual([
      0,
    ]);
    expect(
      await column(store, 'MATCH (g:GSuiteGroup {email: "finance@example.com"}) RETURN count(g)'),
    ).toEqual([0]);
    expect(
      await column(store, 'MATCH (:GSuiteGroup {email: "sre@example.com"})-[:MEMBER_OF]->(g) RETURN g.email'),
    ).toEqual([]);
    expect(await directMembers('sales@example.com')).toContain(newcomer.primaryEmail);
    expect(
      await column(
        store,
        'MATCH (n) WHERE (n:GSuiteUser OR n:GSuiteGroup) AND n.lastupdated <> 200 RETURN count(n)',
      ),
    ).toEqual([0]);
    expect(
      await column(
        store,
        'MATCH ()-[r:MEMBER_OF|MEMBER_GSUITE_GROUP|OWNER_GSUITE_GROUP]->() WHERE r.lastupdated <> 200 RETURN count(r)',
      ),
    ).toEqual([0]);
  });

  it('absorbs throttling and unavailability', async () => {
    const clean = await syncWorkspace(store, ws, 100);
    ws.setFaults([
      { operation: 'users.list', kind: 'RateLimited', times: 2 },
      { operation: 'members.list', kind: 'Unavailable', times: 3 },
      { operation: 'groups.list', kind: 'RateLimited', times: 1 },
    ]);
    const result = await syncWorkspace(store, ws, 200);
    expect(result.errors).toEqual([]);
    expect(result.status).toBe('success');
    expect(result.counts.retries).toBeGreaterThanOrEqual(4);
    expect(result.counts.nodes).toBe(clean.counts.nodes);
    expect(result.counts.deleted).toBe(0);
  });

  it('a directory that refuses the users list fails the scope and keeps the old data', async () => {
    const customer = ws.estate.customerId;
    await syncWorkspace(store, ws, 100, { gsuiteCustomer: customer });
    ws.estate.users.pop();
    ws.setFaults([{ operation: 'users.list', kind: 'PermissionDenied' }]);
    const result = await syncWorkspace(store, ws, 200, { gsuiteCustomer: customer });
    expect(result.status).toBe('failed');
    expect(result.scopes[0]?.cleanedUp).toBe(false);
    expect(result.errors[0]).toMatchObject({
      scope: `gsuite/${customer}`,
      code: 'ACCESS_DENIED',
      collector: 'users',
    });
    expect(await column(store, 'MATCH (u:GSuiteUser) RETURN count(u)')).toEqual([ws.estate.users.length + 1]);
  });
});
