/**
 * Dispatch: `sim [<command>] ...`. A first argument that names a command selects it; anything else
 * goes to the default command, `run`, so `sim scenario.json` and `sim run scenario.json` are the same.
 * New subcommands (compare, sweep, optimise, merge, …) are one entry in COMMANDS each; the top-level
 * help (`sim --help`: the default command's options, then every other command) lists them from there.
 *
 * Every error ends here as one line, `error: <message>`, and exit status 1 (the stack only with
 * SHORELINE_DEBUG=1). Bad input is not an error in this sense: commands report it themselves, exit 2.
 */
import { EXIT_ERROR, type CliIO, type Command } from './io';
import { calibrateCommandSpec } from './calibrate';
import { compareCommandSpec } from './compare';
import { importForecastCommandSpec } from './import-forecast';
import { mergeCommandSpec } from './merge';
import { optimiseCommandSpec, optimizeCommandSpec } from './optimise';
import { planCommandSpec } from './plan';
import { runCommand, runCommandSpec } from './run';
import { sweepCommandSpec } from './sweep';

export const COMMANDS: readonly Command[] = [
  runCommandSpec,
  compareCommandSpec,
  sweepCommandSpec,
  optimiseCommandSpec,
  optimizeCommandSpec,
  mergeCommandSpec,
  importForecastCommandSpec,
  planCommandSpec,
  calibrateCommandSpec,
];
/** `sim <scenario.json> …`, no command named: run, whose --help (`sim --help`) also lists the others. */
export const DEFAULT_COMMAND: Command = {
  ...runCommandSpec,
  usage: () => topLevelUsage(COMMANDS, runCommandSpec),
  run: (argv, io) => runCommand(argv, io, {}, DEFAULT_COMMAND.usage),
};

export function findCommand(
  argv: readonly string[],
  commands: readonly Command[] = COMMANDS,
  fallback: Command = DEFAULT_COMMAND,
): { command: Command; rest: readonly string[] } {
  const named = commands.find((c) => c.name === argv[0]);
  return named ? { command: named, rest: argv.slice(1) } : { command: fallback, rest: argv };
}

/** Runs the command line; `commands` and `fallback` are replaceable for tests. */
export async function runCli(
  argv: readonly string[],
  io: CliIO,
  commands: readonly Command[] = COMMANDS,
  fallback: Command = DEFAULT_COMMAND,
): Promise<number> {
  const { command, rest } = findCommand(argv, commands, fallback);
  try {
    return await command.run(rest, io);
  } catch (e) {
    io.stderr(errorText(e, io.env.SHORELINE_DEBUG === '1') + '\n');
    return EXIT_ERROR;
  }
}

/** `sim --help`: the main command's usage, then one line per other command, aliases beside it. */
function topLevelUsage(commands: readonly Command[], main: Command): string {
  const listed = commands.filter((c) => c.name !== main.name && c.aliasOf === undefined);
  const label = (c: Command) =>
    [c.name, ...commands.filter((a) => a.aliasOf === c.name).map((a) => a.name)].join(' | ');
  const width = Math.max(...listed.map((c) => label(c).length));
  return [
    main.usage().trimEnd(),
    '',
    'Other commands (each with --help):',
    ...listed.map((c) => `  ${label(c).padEnd(width)}  ${c.summary}`),
    '',
  ].join('\n');
}

export function errorText(e: unknown, debug: boolean): string {
  if (debug && e instanceof Error && e.stack) return `error: ${e.stack}`;
  const message = e instanceof Error ? e.message : String(e);
  return `error: ${message.split('\n')[0]}`;
}
