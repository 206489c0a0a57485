import { describe, expect, it } from 'vitest';
import { causeCode, isTimeoutError } from './cause-chain.ts';

describe('cause chain helpers', () => {
  const wrapped = (inner: object) =>
    new Error('request failed', { cause: new Error('fetch failed', { cause: inner }) });

  it('finds a network code among the causes', () => {
    const codes = new Set(['ECONNRESET']);
    expect(causeCode(wrapped({ code: 'ECONNRESET' }), codes)).toBe('ECONNRESET');
    expect(causeCode(wrapped({ code: 'EACCES' }), codes)).toBeUndefined();
  });

  it('tells a timeout by an AbortError or the message, with an API-specific wording', () => {
    expect(isTimeoutError(wrapped(Object.assign(new Error('x'), { name: 'AbortError' })))).toBe(true);
    expect(isTimeoutError(new Error('request timed out'))).toBe(true);
    expect(isTimeoutError(new Error('deadline exceeded'))).toBe(false);
    expect(isTimeoutError(new Error('deadline exceeded'), /deadline/)).toBe(true);
    expect(isTimeoutError(new Error('permission denied'))).toBe(false);
  });
});
