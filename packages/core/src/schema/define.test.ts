import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Server } from '../testing/fixture-schemas.ts';
import { defineNode, type NodeProps, type NodeRow } from './define.ts';

describe('defineNode', () => {
  it('derives the property types of a node from its schema', () => {
    type Props = NodeProps<typeof Server>;
    expectTypeOf<Props['id']>().toEqualTypeOf<string>();
    expectTypeOf<Props['public']>().toEqualTypeOf<boolean | null | undefined>();
    expectTypeOf<Props['ports']>().toEqualTypeOf<number[] | null | undefined>();
    expectTypeOf<Props['lastupdated']>().toEqualTypeOf<number | undefined>();
    // @ts-expect-error: not a property of the schema
    expectTypeOf<Props['nope']>().toBeNever();
  });

  it('types rows: required key, relationship fields, no stray fields', () => {
    const row: NodeRow<typeof Server> = {
      id: 'i-1',
      region: 'r',
      disks: ['d-1'],
      peers: [{ key: 'i-2', props: { latency: 3 } }],
    };
    expect(row.id).toBe('i-1');
    // @ts-expect-error: the key is required
    const noKey: NodeRow<typeof Server> = { region: 'r' };
    // @ts-expect-error: a property of the wrong type
    const wrongType: NodeRow<typeof Server> = { id: 'x', region: 'r', public: 'yes' };
    expect([noKey, wrongType]).toHaveLength(2);
  });

  it('rejects labels, keys and property names that are not identifiers', () => {
    expect(() => defineNode({ label: 'Bad Label', key: 'id', properties: { id: 'string' } })).toThrow(
      /not a valid identifier/,
    );
    expect(() =>
      defineNode({ label: 'X', key: 'id', properties: { id: 'string', 'a}b': 'string' } }),
    ).toThrow(/not a valid identifier/);
    expect(() => defineNode({ label: 'X', key: 'id', properties: { id: 'string?' } })).toThrow(
      /cannot be nullable/,
    );
    expect(() =>
      defineNode({ label: 'X', key: 'id', properties: { id: 'string', lastupdated: 'number' } }),
    ).toThrow(/managed by the loader/);
    expect(() =>
      defineNode({
        label: 'X',
        key: 'id',
        properties: { id: 'string' },
        relationships: { r: { type: 'A-B', direction: 'out', target: { label: 'Y', key: 'id' } } },
      }),
    ).toThrow(/relationship type/);
  });
});
