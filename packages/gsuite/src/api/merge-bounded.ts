/**
 * Interleaves the items of many async sources, at most `limit` of them
 * running at once. Each running source has at most one item waiting, so
 * memory stays bounded by `limit` whatever the sources' sizes; the next
 * source starts when one ends.
 */
export async function* mergeBounded<T>(
  sources: AsyncIterable<AsyncIterable<T>>,
  limit: number,
): AsyncGenerator<T> {
  const outer = sources[Symbol.asyncIterator]();
  type Running = {
    iterator: AsyncIterator<T>;
    next: Promise<{ running: Running; result: IteratorResult<T> }>;
  };
  const running = new Set<Running>();
  const pull = (entry: Running) => {
    entry.next = entry.iterator.next().then((result) => ({ running: entry, result }));
    // A source that fails after another one already has is not an unhandled rejection.
    entry.next.catch(() => undefined);
  };
  let exhausted = false;
  const refill = async () => {
    while (!exhausted && running.size < limit) {
      const next = await outer.next();
      if (next.done) {
        exhausted = true;
        break;
      }
      const entry = { iterator: next.value[Symbol.asyncIterator]() } as Running;
      pull(entry);
      running.add(entry);
    }
  };
  try {
    await refill();
    while (running.size > 0) {
      const { running: entry, result } = await Promise.race([...running].map((r) => r.next));
      if (result.done) {
        running.delete(entry);
        await refill();
        continue;
      }
      pull(entry);
      yield result.value;
    }
  } finally {
    // Stop whatever still runs (an error or an early return from the consumer).
    await Promise.allSettled([...running].map((r) => r.iterator.return?.()));
    if (!exhausted) await outer.return?.();
  }
}
