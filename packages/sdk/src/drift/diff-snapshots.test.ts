import { describe, expect, it } from 'vitest';
import { diffSnapshots, fingerprintOf } from './diff-snapshots.ts';

const keys = ['account', 'group'];
const snap = (rows: Record<string, unknown>[]) => ({ query: 'open-groups', identityKeys: keys, rows });

describe('diffSnapshots', () => {
  it('tells added, removed and changed findings apart by identity keys', () => {
    const before = snap([
      { account: '111', group: 'sg-1', ports: [22] },
      { account: '111', group: 'sg-2', ports: [443] },
      { account: '222', group: 'sg-9', ports: [80] },
    ]);
    const after = snap([
      { account: '111', group: 'sg-1', ports: [22, 3389] },
      { account: '222', group: 'sg-9', ports: [80] },
      { account: '333', group: 'sg-1', ports: [22] },
    ]);
    const diff = diffSnapshots(before, after);
    expect(diff.added.map((f) => f.identity)).toEqual([{ account: '333', group: 'sg-1' }]);
    expect(diff.removed.map((f) => f.identity)).toEqual([{ account: '111', group: 'sg-2' }]);
    expect(diff.changed).toHaveLength(1);
    expect(diff.changed[0]?.identity).toEqual({ account: '111', group: 'sg-1' });
    expect(diff.changed[0]?.changes).toEqual({ ports: { old: [22], new: [22, 3389] } });
  });

  it('does not see a change in the order of a list or of map keys', () => {
    const before = snap([{ account: '1', group: 'g', ports: [443, 22], tags: { b: 1, a: 2 } }]);
    const after = snap([{ account: '1', group: 'g', ports: [22, 443], tags: { a: 2, b: 1 } }]);
    const diff = diffSnapshots(before, after);
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    expect(diff.changed).toEqual([]);
  });

  it('reports a column that appears or disappears as a change to or from null', () => {
    const diff = diffSnapshots(
      snap([{ account: '1', group: 'g', owner: 'alice' }]),
      snap([{ account: '1', group: 'g', region: 'eu-west-1' }]),
    );
    expect(diff.changed[0]?.changes).toEqual({
      owner: { old: 'alice', new: null },
      region: { old: null, new: 'eu-west-1' },
    });
  });

  it('fingerprints a finding by query and identity, whatever the other columns', () => {
    const a = fingerprintOf('q', { account: '1', group: 'g' });
    expect(fingerprintOf('q', { group: 'g', account: '1' })).toBe(a);
    expect(fingerprintOf('other', { account: '1', group: 'g' })).not.toBe(a);
    expect(fingerprintOf('q', { account: '1', group: 'h' })).not.toBe(a);
  });

  it('counts rows sharing an identity as one finding', () => {
    const diff = diffSnapshots(
      snap([]),
      snap([
        { account: '1', group: 'g', rule: 'tcp/22' },
        { account: '1', group: 'g', rule: 'tcp/3389' },
      ]),
    );
    expect(diff.added).toHaveLength(1);
  });
});
