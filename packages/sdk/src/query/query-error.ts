import { SkygraphError } from '@skygraph/core';

/**
 * A query that cannot be built or run as written: an unknown label, property
 * or relationship, a missing parameter, a bad alias. The message names what
 * is wrong and where.
 */
export class QueryError extends SkygraphError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super('QUERY_INVALID', message, options);
  }
}
