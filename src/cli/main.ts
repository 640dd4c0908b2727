/**
 * Entry point of the command line: `npm run sim` and `npx shoreline` run it compiled
 * (bin/shoreline.cjs, src/cli/bundle.cjs). All logic lives in cli.ts and the commands.
 */
import { runCli } from './cli';

// `npm run sim -- x.json | head` closes stdout early: stop quietly rather than with an EPIPE stack.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

// no top-level await: the compiled CLI is CommonJS (src/cli/bundle.cjs)
void runCli(process.argv.slice(2), {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  stderrIsTTY: process.stderr.isTTY === true,
  env: process.env,
}).then((code) => {
  process.exitCode = code;
});
