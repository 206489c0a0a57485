import { describe, expect, it } from 'vitest';
import { generateWorkspace } from './generate-workspace.ts';
import { findGroup } from './workspace-estate.ts';

describe('generateWorkspace', () => {
  it('is deterministic for a seed', () => {
    expect(generateWorkspace({ seed: 9 })).toEqual(generateWorkspace({ seed: 9 }));
    expect(generateWorkspace({ seed: 9 }).customerId).not.toBe(generateWorkspace({ seed: 10 }).customerId);
  });

  it('scales and keeps emails unique', () => {
    const workspace = generateWorkspace({ seed: 1, users: 3000, groups: 200 });
    expect(workspace.users).toHaveLength(3000);
    expect(new Set(workspace.users.map((user) => user.primaryEmail)).size).toBe(3000);
    expect(new Set(workspace.groups.map((group) => group.email)).size).toBe(200);
  });

  it('seeds admins without 2SV, suspended, archived and never-used accounts', () => {
    const { users } = generateWorkspace({ seed: 1, users: 30 });
    expect(users.filter((user) => user.isAdmin).map((user) => user.isEnrolledIn2Sv)).toEqual([true, false]);
    expect(users.find((user) => user.isDelegatedAdmin)?.isEnrolledIn2Sv).toBe(false);
    expect(users.filter((user) => user.suspended).length).toBeGreaterThanOrEqual(3);
    expect(users.some((user) => user.archived)).toBe(true);
    expect(users.some((user) => user.lastLoginTime === null)).toBe(true);
  });

  it('nests groups three deep and adds external and customer members', () => {
    const workspace = generateWorkspace({ seed: 1 });
    const childGroups = (email: string) =>
      findGroup(workspace, email)
        ?.members.filter((member) => member.type === 'GROUP')
        .map((member) => member.email);
    expect(childGroups('all-staff@example.com')).toEqual(['engineering@example.com']);
    expect(childGroups('engineering@example.com')).toEqual(['platform@example.com']);
    expect(childGroups('platform@example.com')).toEqual(['sre@example.com']);
    expect(findGroup(workspace, 'all-staff@example.com')?.members).toContainEqual({
      type: 'CUSTOMER',
      id: workspace.customerId,
      role: 'MEMBER',
    });
    const externals = workspace.groups
      .flatMap((group) => group.members)
      .filter((member) => member.email && !member.email.endsWith('@example.com'));
    expect(externals.map((member) => member.email)).toEqual(
      expect.arrayContaining(['sam.contractor@gmail.com', 'shared-list@partner.example']),
    );
  });
});
