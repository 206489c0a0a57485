import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinCatalogue, importCommunityQueries } from '../../src/catalogue/index.ts';

const file = new URL('../fixtures/community-queries.json', import.meta.url);

describe('importing a community queries.json', () => {
  it('imports every entry of a representative file, and merges it into the catalogue', () => {
    const text = readFileSync(file, 'utf8');
    const raw = JSON.parse(text) as unknown[];
    const { queries, warnings } = importCommunityQueries(text);
    expect(queries).toHaveLength(raw.length);
    expect(raw.length).toBeGreaterThan(40);
    const byName = new Map(queries.map((q) => [q.name, q]));
    // Scope recognised per provider; the two-account peering query cannot be narrowed.
    expect(byName.get('instances_world_rules')?.scope).toEqual({ kind: 'account', variable: 'a' });
    expect(byName.get('projects_all')?.scope).toEqual({ kind: 'project', variable: 'n' });
    expect(byName.get('vpc_peers')?.scope).toBeNull();
    expect(byName.get('k8s_namespaces')?.provider).toBe('k8s');
    // The legacy params block becomes a parameter with its default.
    expect(byName.get('instances_stale')?.parameters).toEqual([
      expect.objectContaining({ name: 'cutoff', type: 'number', default: 1600000000 }),
    ]);
    // Mistakes that silently match too much are reported, by entry.
    expect(
      warnings.some((w) => w.startsWith('entry 16 ("keypairs_login"): [SSH_LOGIN_TO] has no colon')),
    ).toBe(true);
    const merged = builtinCatalogue.with(queries);
    expect(merged.queries.length).toBe(builtinCatalogue.queries.length + queries.length);
    expect(merged.select({ tags: 'k8s' }).map((q) => q.name)).toEqual([
      'k8s_namespaces',
      'k8s_privileged_pods',
    ]);
  });
});
