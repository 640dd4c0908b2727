/**
 * `sim calibrate <log> --format anonymous-bank|generic [--into scenario.json] --out calibrated.json
 * [--fit fit.json]` (SPEC v3 §7, issue 30): a per-call log becomes a calibrated scenario
 * (src/calibrate/), which is then simulated and shown against the log interval by interval.
 *
 * Bad input (a damaged log, a bad scenario, bad arguments) gets one line per problem, `log: line L,
 * column C (name): …`, exit 2, and nothing is written. Rows the data's own rules drop (PHANTOM calls,
 * negative times, calls that never reached the agents' queue) are counted in the output.
 */
import { readFileSync, statSync } from 'node:fs';
import { calibrate, type Calibration } from '../calibrate/calibrate';
import { LOG_FORMATS, type LogFormat, type ParsedLog } from '../calibrate/log';
import { parseBankLog } from '../calibrate/parse-bank';
import { parseGenericLog } from '../calibrate/parse-generic';
import { validateScenario } from '../scenario/validate';
import { optionUsage, parseOptions, wholeNumber, type OptionSpecs } from './args';
import { formatNumber } from './format';
import { describeFsError, EXIT_OK, type CliIO, type Command } from './io';
import { loadScenario } from './scenario-file';
import { fileOptionProblems, jsonText, MAX_REPS, outputProblems, usageError, writeOutput } from './shared';

/** A log larger than this is refused before it is read (a year of a 5,000-call-a-day center is ~200 MB). */
export const MAX_LOG_BYTES = 512 * 1024 * 1024;

export const CALIBRATE_OPTIONS: OptionSpecs = {
  format: {
    type: 'string',
    value: 'FORMAT',
    description: "the log's format: anonymous-bank or generic (required)",
  },
  out: { type: 'string', value: 'FILE', description: 'write the calibrated scenario (required)' },
  into: { type: 'string', value: 'FILE', description: 'take sites, costs and routing from this scenario' },
  fit: { type: 'string', value: 'FILE', description: 'write the estimates and the fit (JSON)' },
  interval: {
    type: 'string',
    value: 'MIN',
    description: "interval of the day: 15, 30 or 60 minutes (default: --into's, else 60)",
  },
  reps: { type: 'string', value: 'N', description: 'replications of the fit (default 40)' },
  seed: { type: 'string', value: 'S', description: 'seed of the simulations (default 1)' },
  help: { type: 'boolean', short: 'h', description: 'show this help' },
};

export function calibrateUsage(): string {
  return [
    'Usage: npm run sim -- calibrate <log> --format anonymous-bank|generic [--into <scenario.json>]',
    '                     --out <calibrated.json> [--fit <fit.json>]',
    '',
    'Reads a per-call log and writes a scenario that reproduces it: volume and intraday profile, handle',
    'time and patience (censored maximum likelihood) from the regular days, and the effective agents per',
    'interval (Erlang A, refined by simulation) that give the abandonment the log shows. Then simulates',
    'the scenario and prints, per interval, observed against simulated abandon rate, ASA and service',
    'level, and the mean absolute errors. The generic format is described in the README ("Calibrate from',
    'your call log").',
    '',
    'Options:',
    ...optionUsage(CALIBRATE_OPTIONS),
    '',
    'Exit status: 0 written, 1 internal error, 2 bad log, scenario or arguments (nothing written).',
    '',
  ].join('\n');
}

export function parseLog(text: string, format: LogFormat): ParsedLog {
  return format === 'anonymous-bank' ? parseBankLog(text) : parseGenericLog(text);
}

export async function calibrateCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const { strings, flags, positionals, problems } = parseOptions(argv, CALIBRATE_OPTIONS);
  if (flags.help) {
    io.stdout(calibrateUsage());
    return EXIT_OK;
  }
  const [logPath, ...extra] = positionals;
  if (logPath === undefined) problems.push('missing log file: sim calibrate <log> --format … --out …');
  for (const arg of extra) problems.push(`${arg}: unexpected argument (one log file)`);
  if (strings.format === undefined)
    problems.push(`--format: give the log's format (${LOG_FORMATS.join(' or ')})`);
  else if (!(LOG_FORMATS as readonly string[]).includes(strings.format))
    problems.push(`--format: must be ${LOG_FORMATS.join(' or ')} (got "${strings.format}")`);
  if (strings.out === undefined) problems.push('--out: give the file to write');
  let intervalMinutes: 15 | 30 | 60 | undefined;
  if (strings.interval !== undefined) {
    if (['15', '30', '60'].includes(strings.interval))
      intervalMinutes = Number(strings.interval) as 15 | 30 | 60;
    else problems.push(`--interval: must be 15, 30 or 60 (got "${strings.interval}")`);
  }
  let reps = 40;
  if (strings.reps !== undefined) {
    const r = wholeNumber('reps', strings.reps, 2, MAX_REPS);
    if (r.ok) reps = r.value;
    else problems.push(r.problem);
  }
  if (strings.seed !== undefined && strings.seed.trim() === '') problems.push('--seed: must not be empty');
  problems.push(...fileOptionProblems(strings, ['into', 'out', 'fit']));
  if (problems.length > 0) return usageError(io, problems);

  let into;
  if (strings.into !== undefined) {
    const loaded = loadScenario(strings.into);
    if (!loaded.ok) return usageError(io, loaded.problems);
    into = loaded.scenario;
  }
  const inputs = [logPath!, ...(strings.into !== undefined ? [strings.into] : [])];
  const out = outputProblems(inputs, [
    ['out', strings.out],
    ['fit', strings.fit],
  ]);
  if (out.length > 0) return usageError(io, out);
  let text: string;
  try {
    if (statSync(logPath!).size > MAX_LOG_BYTES)
      return usageError(io, [`${logPath}: cannot read file (larger than 512 MB)`]);
    text = readFileSync(logPath!, 'utf8');
  } catch (e) {
    return usageError(io, [`${logPath}: cannot read file (${describeFsError(e)})`]);
  }
  const parsed = parseLog(text, strings.format as LogFormat);
  if (!parsed.ok)
    return usageError(
      io,
      parsed.problems.map((p) => `${logPath}: ${p}`),
    );
  if (parsed.records.length === 0) return usageError(io, [`${logPath}: no call reached the agents' queue`]);

  const name = (into?.name ?? 'calibrated') + (into ? ' (calibrated)' : '');
  const c = calibrate(parsed.records, parsed.dropped, {
    name,
    intervalMinutes,
    into,
    seed: strings.seed ?? '1',
    fitReplications: reps,
  });
  const checked = validateScenario(c.scenario);
  if (!checked.ok)
    return usageError(
      io,
      checked.problems.map((p) => `${logPath}: the calibrated scenario: ${p}`),
    );
  writeOutput(strings.out!, jsonText(c.scenario));
  if (strings.fit !== undefined)
    writeOutput(strings.fit, jsonText(fitFile(logPath!, strings.format!, parsed.rows, c)));
  io.stdout(calibrationText(logPath!, strings.out!, parsed.rows, c));
  return EXIT_OK;
}

/** The --fit file: every estimate behind the scenario, and the fit. */
export function fitFile(log: string, format: string, rows: number, c: Calibration) {
  const { scenario: _scenario, ...rest } = c;
  return { format: 1, kind: 'shoreline-calibration', log, logFormat: format, rows, ...rest };
}

const pct = (x: number | null) => (x === null ? '—' : formatNumber(100 * x, 1));
const sec = (x: number | null) => (x === null ? '—' : formatNumber(x, 0));
const ci = (x: number | null, scale: number, d: number) =>
  x === null ? '' : `±${formatNumber(scale * x, d)}`;

export function calibrationText(log: string, out: string, rows: number, c: Calibration): string {
  const lines: string[] = [];
  lines.push(`calibrate ${log} → ${out}  (${formatNumber(c.wallSeconds, 2)} s)`);
  const d = c.dropped;
  lines.push(
    `${formatNumber(rows, 0)} rows: ${formatNumber(c.records, 0)} calls offered to the agents; dropped by the data's rules: ` +
      `${d.phantom} phantom, ${d.negativeTime} with a negative time, ${d.notQueued} hung up before the queue.`,
  );
  lines.push(
    `Regular days (${c.regularDates.length}): ${c.weekdays
      .filter((w) => w.regular)
      .map((w) => w.name)
      .join(', ')}; ` +
      `others reported only: ${
        c.weekdays
          .filter((w) => !w.regular)
          .map((w) => `${w.name} ${formatNumber(w.meanVolume, 0)}/day`)
          .join(', ') || 'none'
      }.`,
  );
  for (const ch of c.channels) {
    const fit = c.fit.channels.find((f) => f.channel === ch.channel)!;
    const p = ch.patience;
    lines.push('');
    lines.push(`── ${ch.channel} ──`);
    lines.push(
      `Volume ${formatNumber(ch.volume.perDay.value, 0)}/day [${formatNumber(ch.volume.perDay.low, 0)}, ${formatNumber(ch.volume.perDay.high, 0)}]` +
        (ch.outsideHoursPerDay > 0
          ? ` (+${formatNumber(ch.outsideHoursPerDay, 1)}/day outside the open hours)`
          : '') +
        `; day to day: dispersion index ${ch.volume.dispersionIndex === null ? '—' : formatNumber(ch.volume.dispersionIndex, 1)} (Poisson 1), volumeCv ${ch.volume.volumeCv === null ? '—' : formatNumber(ch.volume.volumeCv, 3)}.`,
    );
    lines.push(
      `Handle time mean ${formatNumber(ch.handleTime.mean.value, 1)} s [${formatNumber(ch.handleTime.mean.low, 1)}, ${formatNumber(ch.handleTime.mean.high, 1)}], cv ${formatNumber(ch.handleTime.cv, 2)}.`,
    );
    lines.push(
      `Patience: total waited ÷ abandons = ${p.exponentialMean ? `${formatNumber(p.exponentialMean.value, 0)} s [${formatNumber(p.exponentialMean.low, 0)}, ${formatNumber(p.exponentialMean.high, 0)}]` : '— (no abandons)'}; ` +
        `hazard ${p.hazard.early === null ? '—' : formatNumber(p.hazard.early * 1000, 2)}/1000 s in the first ${p.hazard.earlySeconds} s, ${p.hazard.later === null ? '—' : formatNumber(p.hazard.later * 1000, 2)} after.`,
    );
    for (const f of p.fits)
      lines.push(
        `  ${f === p.best ? '*' : ' '} ${f.dist.padEnd(11)} mean ${formatNumber(f.mean.value, 0)} s [${formatNumber(f.mean.low, 0)}, ${formatNumber(f.mean.high, 0)}], cv ${formatNumber(f.cv.value, 2)}, log-likelihood ${formatNumber(f.logLikelihood, 1)}, AIC ${formatNumber(f.aic, 1)}`,
      );
    for (const [label, classes] of [
      ['priority', ch.classes.byPriority],
      ['type', ch.classes.byType],
    ] as const)
      if (classes.length > 1)
        lines.push(
          `Classes by ${label}${ch.classes.inScenario === label ? ' (in the scenario)' : ''}` +
            `${ch.classes.aic[label] === null ? '' : `, patience AIC ${formatNumber(ch.classes.aic[label]!, 1)}`}: ` +
            classes
              .map(
                (k) =>
                  `${k.name} ${pct(k.share)} % (abandon ${pct(k.abandonRate)} %, ASA ${sec(k.asa)} s, patience ${sec(k.patienceExponentialMean)} s)`,
              )
              .join('; '),
        );
    if (ch.weekdayProfiles.length > 0)
      lines.push(
        `By weekday (profiles in the fit file): ` +
          ch.weekdayProfiles
            .map((w) => `${w.name} ${formatNumber(w.volumePerDay, 0)}/day over ${w.days} days`)
            .join(', ') +
          '.',
      );
    lines.push(
      `Effective agents ÷ agents answering: ${ch.availability === null ? '— (the log names no agents)' : formatNumber(ch.availability, 2)}.`,
    );
    lines.push('');
    const head = [
      'start',
      'calls/day',
      'AHT s',
      'answering',
      'busy',
      'eff. agents',
      'abandon % obs',
      'sim',
      'ASA s obs',
      'sim',
      'SL % obs',
      'sim',
    ];
    const table = ch.intervals
      .filter((x) => x.open)
      .map((x) => {
        const f = fit.intervals[x.index];
        return [
          x.start,
          formatNumber(x.offeredPerDay, 1),
          sec(x.handleTime.value),
          formatNumber(x.agentsAnswering, 1),
          formatNumber(x.busyAgents, 1),
          `${formatNumber(x.agents.value, 2)} [${formatNumber(x.agents.low, 1)}, ${formatNumber(x.agents.high, 1)}]`,
          pct(f.abandonRate.observed),
          `${pct(f.abandonRate.simulated)} ${ci(f.abandonRate.simulatedCi95, 100, 1)}`,
          sec(f.asa.observed),
          `${sec(f.asa.simulated)} ${ci(f.asa.simulatedCi95, 1, 0)}`,
          pct(f.serviceLevel.observed),
          `${pct(f.serviceLevel.simulated)} ${ci(f.serviceLevel.simulatedCi95, 100, 1)}`,
        ];
      });
    const widths = head.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)));
    lines.push(head.map((h, i) => (i === 0 ? h.padEnd(widths[i]) : h.padStart(widths[i]))).join('  '));
    for (const r of table)
      lines.push(r.map((v, i) => (i === 0 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join('  '));
    lines.push('');
    lines.push(
      `Fit over the open intervals (${c.fit.replications} replications, seed ${c.fit.seed}), mean absolute error: ` +
        `abandon rate ${fit.mae.abandonRatePoints === null ? '—' : formatNumber(fit.mae.abandonRatePoints, 2)} points, ` +
        `ASA ${fit.mae.asaSeconds === null ? '—' : formatNumber(fit.mae.asaSeconds, 1)} s, ` +
        `service level ${fit.mae.serviceLevelPoints === null ? '—' : formatNumber(fit.mae.serviceLevelPoints, 2)} points.`,
    );
    lines.push(
      `Whole day: abandon rate ${pct(fit.day.abandonRate.observed)} % observed, ${pct(fit.day.abandonRate.simulated)} ${ci(fit.day.abandonRate.simulatedCi95, 100, 1)} % simulated; ` +
        `ASA ${sec(fit.day.asa.observed)} s observed, ${sec(fit.day.asa.simulated)} ${ci(fit.day.asa.simulatedCi95, 1, 0)} s simulated.`,
    );
  }
  lines.push('');
  return lines.join('\n');
}

export const calibrateCommandSpec: Command = {
  name: 'calibrate',
  summary: 'build a calibrated scenario from a per-call log, and show its fit',
  usage: calibrateUsage,
  run: calibrateCommand,
};
