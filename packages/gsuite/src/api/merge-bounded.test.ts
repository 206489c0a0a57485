import { describe, expect, it } from 'vitest';
import { mergeBounded } from './merge-bounded.ts';

async function* source(
  name: string,
  count: number,
  started: string[],
  active: { now: number; max: number },
): AsyncGenerator<string> {
  started.push(name);
  active.now += 1;
  active.max = Math.max(active.max, active.now);
  try {
    for (let i = 0; i < count; i++) {
      await new Promise((resolve) => setImmediate(resolve));
      yield `${name}${i}`;
    }
  } finally {
    active.now -= 1;
  }
}

describe('mergeBounded', () => {
  it('yields every item of every source with at most `limit` running', async () => {
    const started: string[] = [];
    const active = { now: 0, max: 0 };
    async function* sources() {
      for (const name of ['a', 'b', 'c', 'd', 'e']) yield source(name, 3, started, active);
    }
    const items: string[] = [];
    for await (const item of mergeBounded<string>(sources(), 2)) items.push(item);
    expect(items.sort()).toEqual(
      ['a', 'b', 'c', 'd', 'e'].flatMap((n) => [`${n}0`, `${n}1`, `${n}2`]).sort(),
    );
    expect(active.max).toBe(2);
    expect(started).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('passes a source error on and stops the others', async () => {
    const active = { now: 0, max: 0 };
    async function* failing() {
      yield 'x';
      throw new Error('boom');
    }
    async function* sources() {
      yield source('a', 100, [], active);
      yield failing();
    }
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const item of mergeBounded<string>(sources(), 2)) seen.push(item);
      })(),
    ).rejects.toThrow('boom');
    expect(active.now).toBe(0);
  });
});
