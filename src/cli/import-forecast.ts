/**
 * `sim import-forecast <forecast.csv> --into <scenario.json> --out <new.json> [--day YYYY-MM-DD]`
 * (SPEC §8): the forecast's interval volumes become the scenario's volumes and profiles
 * (src/plan/forecast.ts). A bad CSV gets one line per problem, `forecast.csv: line L, column C
 * (name): …`, exit 2, and nothing is written.
 */
import { readFileSync, statSync } from 'node:fs';
import { importForecast } from '../plan/forecast';
import { validateScenario } from '../scenario/validate';
import { optionUsage, parseOptions, type OptionSpecs } from './args';
import { formatNumber } from './format';
import { describeFsError, EXIT_OK, type CliIO, type Command } from './io';
import { loadScenario } from './scenario-file';
import { fileOptionProblems, jsonText, outputProblems, usageError, writeOutput } from './shared';
import { renderTable } from './table';

/** A forecast larger than this is refused before it is read (a year of 15-minute rows is ~3 MB). */
export const MAX_FORECAST_BYTES = 50 * 1024 * 1024;

export const IMPORT_FORECAST_OPTIONS: OptionSpecs = {
  into: { type: 'string', value: 'FILE', description: 'the scenario to put the forecast into (required)' },
  out: { type: 'string', value: 'FILE', description: 'write the scenario with the forecast (required)' },
  day: {
    type: 'string',
    value: 'DATE',
    description: 'a multi-day file: use this day (YYYY-MM-DD) only',
  },
  average: {
    type: 'boolean',
    description: 'a multi-day file: the average day only, undated (default: every date kept)',
  },
  help: { type: 'boolean', short: 'h', description: 'show this help' },
};

export function importForecastUsage(): string {
  return [
    'Usage: npm run sim -- import-forecast <forecast.csv> --into <scenario.json> --out <new.json>',
    '',
    'Reads a CSV of interval volumes — a header row, columns start (HH:MM or YYYY-MM-DDTHH:MM in the',
    "client's time zone), channel, volume and optionally handleTime (seconds) — and writes the scenario",
    "with each channel's volume per day and intraday profile taken from it (the average day when the",
    'file covers several days). A handleTime column sets the mean handle time (volume-weighted).',
    '',
    'Options:',
    ...optionUsage(IMPORT_FORECAST_OPTIONS),
    '',
    'Exit status: 0 written, 1 internal error, 2 bad CSV, scenario or arguments (nothing written).',
    '',
  ].join('\n');
}

export async function importForecastCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const { strings, flags, positionals, problems } = parseOptions(argv, IMPORT_FORECAST_OPTIONS);
  if (flags.help) {
    io.stdout(importForecastUsage());
    return EXIT_OK;
  }
  const [csvPath, ...extra] = positionals;
  if (csvPath === undefined)
    problems.push('missing forecast file: sim import-forecast <forecast.csv> --into … --out …');
  for (const arg of extra) problems.push(`${arg}: unexpected argument (one forecast file)`);
  if (strings.into === undefined) problems.push('--into: give the scenario file to import into');
  if (strings.out === undefined) problems.push('--out: give the file to write');
  if (strings.day !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(strings.day))
    problems.push(`--day: must be a date YYYY-MM-DD (got "${strings.day}")`);
  problems.push(...fileOptionProblems(strings, ['into', 'out']));
  if (problems.length > 0) return usageError(io, problems);

  const loaded = loadScenario(strings.into!);
  if (!loaded.ok) return usageError(io, loaded.problems);
  const out = outputProblems([csvPath!, strings.into!], [['out', strings.out]]);
  if (out.length > 0) return usageError(io, out);
  let text: string;
  try {
    if (statSync(csvPath!).size > MAX_FORECAST_BYTES)
      return usageError(io, [`${csvPath}: cannot read file (larger than 50 MB)`]);
    text = readFileSync(csvPath!, 'utf8');
  } catch (e) {
    return usageError(io, [`${csvPath}: cannot read file (${describeFsError(e)})`]);
  }
  const imported = importForecast(text, loaded.scenario, { day: strings.day, average: flags.average });
  if (!imported.ok)
    return usageError(
      io,
      imported.problems.map((p) => (p.startsWith('--') ? p : `${csvPath}: ${p}`)),
    );
  // the result must still be a valid scenario (e.g. a volume above the schema's limit)
  const checked = validateScenario(imported.value.scenario);
  if (!checked.ok)
    return usageError(
      io,
      checked.problems.map((p) => `${csvPath}: the imported scenario: ${p}`),
    );
  writeOutput(strings.out!, jsonText(imported.value.scenario));

  const v = imported.value;
  const multi = v.dates.length > 1 || strings.day !== undefined;
  io.stdout(
    [
      `import-forecast ${csvPath} into ${loaded.scenario.name} → ${strings.out}`,
      multi
        ? strings.day !== undefined
          ? `The file covers ${strings.day} (chosen with --day).`
          : flags.average
            ? `The file covers ${v.dates.length} days; the scenario gets the average day (volume and profile).`
            : `The file covers ${v.dates.length} days from ${v.dates[0]}; the scenario keeps each date (horizon.startDate, ${v.dates.length} days, each day's volume and profile${v.channels.some((c) => c.handleTime !== null) ? ' and handle times' : ''} in "daily"; volumePerDay and profile are the average day).`
        : 'The file covers one day.',
      '',
      renderTable({
        title: 'Channels',
        label: 'channel',
        columns: ['volume/day', 'handle time s', ...(multi ? v.dates : [])],
        rows: v.channels.map((c) => ({
          label: c.channel,
          cells: [
            { mean: formatNumber(c.volumePerDay, 0), ci: '' },
            { mean: c.handleTime === null ? '—' : formatNumber(c.handleTime, 0), ci: '' },
            ...(multi ? c.days.map((d) => ({ mean: formatNumber(d.volume, 0), ci: '' })) : []),
          ],
        })),
      }),
      '',
    ].join('\n'),
  );
  return EXIT_OK;
}

export const importForecastCommandSpec: Command = {
  name: 'import-forecast',
  summary: 'put a forecast CSV (interval volumes) into a scenario',
  usage: importForecastUsage,
  run: importForecastCommand,
};
