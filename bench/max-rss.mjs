// Preloaded (`node --import ./bench/max-rss.mjs …`) by benchmark case 7: prints the process's peak
// resident set, in KiB, as the last line of stderr when it exits.
import { writeSync } from 'node:fs';
import process from 'node:process';

process.on('exit', () => writeSync(2, `maxRSS ${process.resourceUsage().maxRSS}\n`));
