#!/usr/bin/env node
// The `skygraph` executable (package.json "bin").
import { exitWhenDone, ignoreBrokenPipe, signalController } from './cli-io.ts';
import { skygraph } from './skygraph-main.ts';

// `skygraph query ... | head -1`: once the reader has what it wanted, stop quietly.
ignoreBrokenPipe(process.stdout, () => process.exit(process.exitCode ?? 0));
exitWhenDone(await skygraph(process.argv.slice(2), { signal: signalController().signal }));
