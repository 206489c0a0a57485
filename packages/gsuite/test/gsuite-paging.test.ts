import type { GraphStore } from '@skygraph/core';
import { openTestStore } from '@skygraph/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  findGroup,
  generateWorkspace,
  startWorkspaceEmulator,
  type WorkspaceEmulator,
} from '../src/emulator/index.ts';
import { column, syncWorkspace } from './gsuite-test-support.ts';

describe('Workspace paging', () => {
  let store: GraphStore;
  let ws: WorkspaceEmulator;
  beforeAll(async () => {
    store = await openTestStore();
    const estate = generateWorkspace({ seed: 5, users: 1200, groups: 230 });
    // One group with 450 direct members: three pages of members.list (200 a page).
    const big = findGroup(estate, 'finance@example.com');
    if (!big) throw new Error('no finance group');
    big.members = estate.users
      .slice(0, 450)
      .map((u) => ({ type: 'USER' as const, id: u.id, email: u.primaryEmail, role: 'MEMBER' as const }));
    ws = await startWorkspaceEmulator({ estate });
  });
  afterAll(async () => {
    await ws.close();
    await store.close();
  });

  it('follows page tokens for users, groups and members', async () => {
    const result = await syncWorkspace(store, ws, 100, {}, { memberConcurrency: 8 });
    expect(result.errors).toEqual([]);
    expect(await column(store, 'MATCH (u:GSuiteUser) RETURN count(u)')).toEqual([1200]);
    expect(await column(store, 'MATCH (g:GSuiteGroup) RETURN count(g)')).toEqual([230]);
    expect(
      await column(
        store,
        'MATCH (:GSuiteUser)-[r:MEMBER_OF]->(:GSuiteGroup {email: "finance@example.com"}) RETURN count(r)',
      ),
    ).toEqual([450]);
    const ops = ws.stats().byOperation;
    // Resolving my_customer asks for one user; then 3 pages of 500 users.
    expect(ops['directory.users.list']).toBe(4);
    // 230 groups = 2 pages, listed by the groups and the members collectors.
    expect(ops['directory.groups.list']).toBe(4);
    expect(ops['directory.members.list']).toBe(230 + 2);
  });
});
