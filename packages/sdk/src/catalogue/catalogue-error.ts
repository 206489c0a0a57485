import { SkygraphError } from '@skygraph/core';

/** A catalogue entry or selection that is invalid; the message names the entry and the field. */
export class CatalogueError extends SkygraphError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super('CATALOGUE_INVALID', message, options);
  }
}
