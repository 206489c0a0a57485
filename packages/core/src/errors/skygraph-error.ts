/** Where an error happened: enough for an operator to find the failing scope. */
export interface ErrorContext {
  provider?: string;
  scope?: string;
  account?: string;
  region?: string;
  project?: string;
  module?: string;
  operation?: string;
  [key: string]: string | number | undefined;
}

/**
 * The one error hierarchy of skygraph. `code` is stable and machine-readable;
 * `message` is written for the person who has to act on it.
 */
export class SkygraphError extends Error {
  readonly code: string;
  readonly context: ErrorContext;

  constructor(code: string, message: string, options: { cause?: unknown; context?: ErrorContext } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.context = options.context ?? {};
  }
}

/** Bad flags, environment or config file: the run never starts (exit code 2). */
export class ConfigError extends SkygraphError {
  constructor(message: string, options: { cause?: unknown; context?: ErrorContext } = {}) {
    super('CONFIG_INVALID', message, options);
  }
}

/** The graph store could not be reached or refused a statement. */
export class StoreError extends SkygraphError {}

/** A write the store refused for lack of transaction memory; the batch is split and retried. */
export class StoreMemoryError extends StoreError {
  constructor(message: string, options: { cause?: unknown; context?: ErrorContext } = {}) {
    super('STORE_OUT_OF_MEMORY', message, options);
  }
}

/** A scope another run holds a lease on. */
export class LeaseConflictError extends SkygraphError {
  constructor(message: string, options: { cause?: unknown; context?: ErrorContext } = {}) {
    super('LEASE_CONFLICT', message, options);
  }
}

/** The run was cancelled (signal or fail-fast). */
export class CancelledError extends SkygraphError {
  constructor(message = 'the run was cancelled', options: { cause?: unknown; context?: ErrorContext } = {}) {
    super('CANCELLED', message, options);
  }
}

/**
 * How a provider classifies an API error. Only `throttled` and `transient`
 * are retried; `denied` and `invalid` fail the scope at once.
 */
export type ErrorKind = 'throttled' | 'transient' | 'denied' | 'not-found' | 'invalid' | 'unknown';

/** A failure of one collector in one scope, wrapped with its context. */
export class CollectError extends SkygraphError {
  readonly kind: ErrorKind;

  constructor(kind: ErrorKind, message: string, options: { cause?: unknown; context?: ErrorContext } = {}) {
    super(kind === 'denied' ? 'ACCESS_DENIED' : 'COLLECT_FAILED', message, options);
    this.kind = kind;
  }
}

/** The message of anything thrown, for reports and logs. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
