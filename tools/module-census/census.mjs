// Preload (`node --import <this file> ...`) that lists every module the process loads, for the
// start-up benchmark and the package test: "importing the read side loads no AWS/Google module"
// is checked on this list. ES modules are seen by a resolve hook (which runs on its own thread and
// appends to the file at once, so nothing is lost at exit); CommonJS modules, which a CommonJS
// package require()s without passing the hooks, are taken from the require cache at exit.
// The list goes to the file named by SKYGRAPH_MODULE_CENSUS, one file URL per line.
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';

const file = process.env.SKYGRAPH_MODULE_CENSUS;
if (file) {
  register('./census-hooks.mjs', { parentURL: import.meta.url, data: { file } });
  process.on('exit', () => {
    const cache = createRequire(import.meta.url).cache;
    const urls = Object.keys(cache).map((path) => pathToFileURL(path).href);
    if (urls.length > 0) appendFileSync(file, `${urls.join('\n')}\n`);
  });
}
