import { describe, expect, it } from 'vitest';
import { mergeMap } from './merge-map.ts';

async function* items(n: number) {
  for (let i = 0; i < n; i++) yield i;
}

describe('mergeMap', () => {
  it('maps with bounded concurrency and yields results as they complete', async () => {
    let inFlight = 0;
    let peak = 0;
    const out: number[] = [];
    for await (const value of mergeMap(items(10), 3, async (i) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setTimeout(resolve, (10 - i) % 4));
      inFlight--;
      return [i, i + 100];
    }))
      out.push(value);
    expect(peak).toBeLessThanOrEqual(3);
    expect(out.sort((a, b) => a - b)).toEqual([
      ...Array.from({ length: 10 }, (_, i) => i),
      ...Array.from({ length: 10 }, (_, i) => i + 100),
    ]);
  });

  it('fails when a mapping fails', async () => {
    const run = async () => {
      for await (const _ of mergeMap(items(3), 2, async (i) => {
        if (i === 1) throw new Error('boom');
        return [i];
      })) {
        // drain
      }
    };
    await expect(run()).rejects.toThrow('boom');
  });
});
