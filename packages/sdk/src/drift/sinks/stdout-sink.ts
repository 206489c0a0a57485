import type { AlertSink } from './sink.ts';

/** Writes each alert as one JSON line (for log pipelines, `jq`, or a first try). */
export function createStdoutSink(name: string, out: NodeJS.WritableStream = process.stdout): AlertSink {
  return {
    name,
    type: 'stdout',
    async deliver(alerts) {
      for (const alert of alerts) out.write(`${JSON.stringify(alert)}\n`);
      return { delivered: alerts.map((a) => a.id), failed: [] };
    },
  };
}
