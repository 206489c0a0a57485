// Preload for the start-up benchmark: writes the process's peak RSS (KB) to
// $SKYGRAPH_PEAK_RSS_FILE when it exits.
import { writeFileSync } from 'node:fs';

const file = process.env.SKYGRAPH_PEAK_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
