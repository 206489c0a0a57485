/**
 * A glob as a predicate: `*` matches any run of characters (also none), `?`
 * one character; everything else literally, over the whole string.
 */
export function globMatcher(pattern: string): (value: string) => boolean {
  if (!/[*?]/.test(pattern)) return (value) => value === pattern;
  const source = pattern
    .split('')
    .map((char) => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[\\^$.|+()[\]{}]/g, '\\$&')))
    .join('');
  const regex = new RegExp(`^${source}$`, 's');
  return (value) => regex.test(value);
}

/** Whether `value` matches any of the globs. */
export function matchesAny(patterns: readonly string[], value: string): boolean {
  return patterns.some((pattern) => globMatcher(pattern)(value));
}
