import { SkygraphError } from '@skygraph/core';

/** The graph has no data yet: nothing was collected into this store. */
export class GraphEmptyError extends SkygraphError {
  constructor(location: string, detail: string) {
    super(
      'GRAPH_EMPTY',
      `the graph is empty — run \`collect\` first (or \`collect --demo\`) [${location}: ${detail}]`,
      { context: { store: location } },
    );
  }
}
