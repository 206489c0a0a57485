import { describe, expect, it } from 'vitest';
import { transformOrganization } from './organization-tree.ts';

const context = {
  organizationId: 'o-exampleorgid',
  selection: { accounts: [], exclude: ['sandbox'], includeOus: [], excludeOus: [] },
};
const account = (Id: string, Name: string, State: 'ACTIVE' | 'SUSPENDED' = 'ACTIVE') => ({
  Id,
  Name,
  Arn: `arn:aws:organizations::111111111111:account/o-exampleorgid/${Id}`,
  Email: `${Name}@example.com`,
  State,
  Status: State,
  JoinedMethod: 'CREATED' as const,
  JoinedTimestamp: new Date('2020-01-01T00:00:00Z'),
});

describe('transformOrganization', () => {
  it('loads the accounts of a root, then the root pointing at them and at the organisation', () => {
    const [accounts, roots] = transformOrganization(
      {
        kind: 'parent',
        page: {
          parent: { kind: 'root', id: 'r-examplerootid111', name: 'Root', path: ['r-examplerootid111'] },
          accounts: [account('111111111111', 'management')],
        },
      },
      context,
    );
    expect(accounts?.rows).toEqual([
      {
        id: '111111111111',
        name: 'management',
        inscope: true,
        foreign: false,
        arn: 'arn:aws:organizations::111111111111:account/o-exampleorgid/111111111111',
        email: 'management@example.com',
        state: 'ACTIVE',
        status: 'ACTIVE',
        joined_method: 'CREATED',
        joined_timestamp: '2020-01-01T00:00:00.000Z',
        org_id: 'o-exampleorgid',
      },
    ]);
    expect(roots?.rows).toEqual([
      expect.objectContaining({
        id: 'o-exampleorgid/r-examplerootid111',
        root_id: 'r-examplerootid111',
        organization: 'o-exampleorgid',
        accounts: ['111111111111'],
        accountParents: ['111111111111'],
      }),
    ]);
  });

  it('nests an OU under its parent OU and keeps excluded or suspended accounts out of scope', () => {
    const [accounts, ous] = transformOrganization(
      {
        kind: 'parent',
        page: {
          parent: {
            kind: 'ou',
            id: 'ou-exam-22222222',
            name: 'Sandbox',
            parentId: 'ou-exam-11111111',
            path: ['r-examplerootid111', 'ou-exam-11111111', 'ou-exam-22222222'],
          },
          accounts: [
            account('222222222222', 'sandbox'),
            account('333333333333', 'old', 'SUSPENDED'),
            account('444444444444', 'dev'),
          ],
        },
      },
      context,
    );
    expect(
      ((accounts?.rows ?? []) as unknown as { name?: string; inscope?: boolean }[]).map((a) => [
        a.name,
        a.inscope,
      ]),
    ).toEqual([
      ['sandbox', false],
      ['old', false],
      ['dev', true],
    ]);
    expect(ous?.rows).toEqual([
      expect.objectContaining({
        id: 'o-exampleorgid/ou-exam-22222222',
        root_id: 'o-exampleorgid/r-examplerootid111',
        parent_ou_id: 'o-exampleorgid/ou-exam-11111111',
        parentOu: 'o-exampleorgid/ou-exam-11111111',
        ouResource: 'o-exampleorgid/ou-exam-11111111',
        parentRoot: undefined,
        accounts: ['222222222222', '333333333333', '444444444444'],
      }),
    ]);
  });
});
