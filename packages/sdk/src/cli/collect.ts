#!/usr/bin/env node
// The `collect` executable (package.json "bin").
import { exitWhenDone, ignoreBrokenPipe, signalController } from './cli-io.ts';
import { collect } from './collect-main.ts';

// `collect | head -1`: a reader that goes away must not stop a sync half-way.
ignoreBrokenPipe(process.stdout, () => {});
exitWhenDone(await collect(process.argv.slice(2), { signal: signalController().signal }));
