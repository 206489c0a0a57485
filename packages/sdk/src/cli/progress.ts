import type { Logger, SyncEvent, SyncListener } from '@skygraph/core';
import cliProgress from 'cli-progress';

export interface ProgressOptions {
  /** Draw a live bar (a terminal); otherwise log one structured line per scope. */
  live: boolean;
  stream: NodeJS.WritableStream;
  log: Logger;
}

/**
 * Turns sync events into what a person watching wants: on a terminal a live
 * line (scopes done/total, resources written, errors, throttling); elsewhere
 * plain structured logs, one per finished scope.
 */
export function createProgress(options: ProgressOptions): { listener: SyncListener; stop: () => void } {
  let planned = 0;
  let done = 0;
  let nodes = 0;
  let relationships = 0;
  let errors = 0;
  let retries = 0;
  let current = '';
  const bar = options.live
    ? new cliProgress.SingleBar(
        {
          stream: options.stream,
          format:
            '{bar} {value}/{total} scopes | {nodes} nodes, {rels} rels | {errors} errors | {retries} retries | {current}',
          hideCursor: true,
          clearOnComplete: false,
          etaBuffer: 20,
          fps: 5,
          noTTYOutput: false,
        },
        cliProgress.Presets.shades_classic,
      )
    : null;
  let started = false;
  const payload = () => ({ nodes, rels: relationships, errors, retries, current });
  const update = () => {
    if (!bar) return;
    if (!started) {
      bar.start(Math.max(planned, 1), done, payload());
      started = true;
    }
    bar.setTotal(Math.max(planned, 1));
    bar.update(done, payload());
  };
  const listener = (event: SyncEvent) => {
    switch (event.type) {
      case 'scope:planned':
        planned += 1;
        break;
      case 'scope:start':
        current = event.scope.id;
        break;
      case 'rows':
        nodes += event.nodes;
        relationships += event.relationships;
        break;
      case 'retry':
        retries += 1;
        if (!bar)
          options.log.debug(
            { operation: event.operation, kind: event.kind, attempt: event.attempt },
            'retrying',
          );
        break;
      case 'error':
        errors += 1;
        if (!bar) options.log.warn({ scope: event.scope?.id, code: event.code }, event.message);
        break;
      case 'scope:end':
        done += 1;
        if (!bar) {
          options.log.info(
            {
              scope: event.scope.id,
              status: event.result.status,
              nodes: event.result.nodes,
              deleted: event.result.deleted,
              durationMs: event.result.durationMs,
              done,
              planned,
            },
            'scope finished',
          );
        }
        break;
      default:
        return;
    }
    update();
  };
  return {
    listener,
    stop: () => {
      if (bar && started) bar.stop();
    },
  };
}
