/** An error and the causes it wraps, outermost first, at most `depth` of them. */
export function* causeChain(error: unknown, depth = 5): Generator<Record<string, unknown>> {
  let current: unknown = error;
  for (let i = 0; i < depth && current && typeof current === 'object'; i++) {
    const record = current as Record<string, unknown>;
    yield record;
    current = record.cause;
  }
}

/** The first `code` in the cause chain that is one of `codes` (a network error such as `ECONNRESET`). */
export function causeCode(error: unknown, codes: ReadonlySet<string>): string | undefined {
  for (const { code } of causeChain(error)) {
    if (typeof code === 'string' && codes.has(code)) return code;
  }
  return undefined;
}

/**
 * Whether a request was given up for its timeout: an `AbortError` (what
 * HTTP clients throw when their timeout aborts a request) or a message that
 * says so, anywhere in the cause chain. A cancelled run aborts requests too;
 * the runner stops retrying then.
 */
export function isTimeoutError(error: unknown, message = /timed? ?out|operation was aborted/i): boolean {
  for (const link of causeChain(error)) {
    if (link.name === 'AbortError') return true;
    if (typeof link.message === 'string' && message.test(link.message)) return true;
  }
  return false;
}
