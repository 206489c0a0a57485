/**
 * Maps each item of a stream with at most `limit` mappings in flight and
 * yields their results as each mapping completes (not in source order). A
 * failing mapping fails the stream.
 */
export async function* mergeMap<T, R>(
  source: AsyncIterable<T>,
  limit: number,
  map: (item: T) => Promise<readonly R[]>,
): AsyncIterable<R> {
  const iterator = source[Symbol.asyncIterator]();
  type Settled = { id: number; result?: readonly R[]; error?: unknown; failed: boolean };
  const inflight = new Map<number, Promise<Settled>>();
  let next = 0;
  let exhausted = false;
  for (;;) {
    while (!exhausted && inflight.size < Math.max(1, limit)) {
      const item = await iterator.next();
      if (item.done) {
        exhausted = true;
        break;
      }
      const id = next++;
      inflight.set(
        id,
        map(item.value).then(
          (result) => ({ id, result, failed: false }),
          (error: unknown) => ({ id, error, failed: true }),
        ),
      );
    }
    if (inflight.size === 0) return;
    const settled = await Promise.race(inflight.values());
    inflight.delete(settled.id);
    if (settled.failed) throw settled.error;
    yield* settled.result ?? [];
  }
}
