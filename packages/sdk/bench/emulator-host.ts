/**
 * Runs the demo emulators in their own process for the benchmark, so the
 * "cloud" does not share the sync's event loop or its memory. Talks to the
 * parent over IPC: it sends its endpoints, then answers `stats` (requests
 * served and CPU time used), `change`
 * (10% of the estate) and `stop`.
 */
import { startDemoEstate } from '@skygraph/sdk/demo';
import { changeTenPercent } from './estate-change.ts';

const options = JSON.parse(process.argv[2] ?? '{}') as Parameters<typeof startDemoEstate>[0];
const demo = await startDemoEstate(options);
const send = (message: unknown) => process.send?.(message);
send({
  type: 'ready',
  endpoints: {
    ...(demo.aws ? { aws: { url: demo.aws.url, credentials: demo.aws.hubCredentials } } : {}),
    ...(demo.gcp ? { gcp: { url: demo.gcp.url } } : {}),
    ...(demo.workspace ? { workspace: { url: demo.workspace.url } } : {}),
  },
});
process.on('message', async (message: { type: string }) => {
  if (message.type === 'stats') {
    const cpu = process.cpuUsage();
    send({ type: 'stats', requests: demo.requests(), cpuMs: (cpu.user + cpu.system) / 1000 });
  }
  if (message.type === 'change') {
    changeTenPercent(demo);
    send({ type: 'changed' });
  }
  if (message.type === 'stop') {
    await demo.stop();
    process.exit(0);
  }
});
// A run that dies (an error, the bench interrupted) leaves no emulators behind.
process.on('disconnect', () => process.exit(0));
