/**
 * `sim plan <scenario.json> --targets "voice:sl=0.8,ab=0.05;chat:sl=0.8" [--json FILE] [--csv FILE]
 * [--out FILE] [--mix]` (SPEC §8): the agents required per interval per site group, the shift plan of
 * least paid cost covering them, verified by simulation (src/plan/). Prints the requirement, the
 * shifts per site in local time, the cost by site and the verification; with --mix also the cheapest
 * routing split, side by side with the plan at the current split.
 */
import { completeTargets, defaultTargets, type Targets } from '../optimise/optimiser';
import { planJson, requirementCsv } from '../plan/report';
import { planWorkforce, type PlanOutcome } from '../plan/plan';
import { constraintProblems, planMix, totalCost, type MixConstraints, type SiteClosure } from '../plan/mix';
import { DEFAULT_LENGTHS_HOURS, type ShiftOptions } from '../plan/shifts';
import { loadSolver } from '../plan/solver';
import { parseRoster, type Pattern } from '../plan/roster';
import { dayOne, plansEveryDay } from '../plan/day';
import { renderWeek, weekJson } from '../plan/week-report';
import {
  planVerifiedWeek,
  renderWeekVerdict,
  weekCsv,
  weekVerificationJson,
  type VerifiedWeek,
} from '../plan/week-verify';
import type { ChannelKind } from '../sim';
import { withRunner } from '../node/pool';
import { optionUsage, parseOptions, wholeNumber, type OptionSpecs } from './args';
import { formatEstimate, formatNumber, STYLES } from './format';
import { EXIT_OK, type CliIO, type Command } from './io';
import { parseTargets, runnerEvaluate } from './optimise';
import { loadScenario } from './scenario-file';
import {
  contactsPerReplication,
  fileOptionProblems,
  jsonText,
  outputProblems,
  parseRunCommon,
  parseThreads,
  resolveThreads,
  THREADS_OPTION,
  usageError,
  writeOutput,
} from './shared';
import { renderTable } from './table';

export const PLAN_OPTIONS: OptionSpecs = {
  targets: {
    type: 'string',
    value: 'T',
    description:
      'per channel, e.g. "voice:sl=0.8,ab=0.05;chat:sl=0.8" (default: every channel, SL ≥ its target)',
  },
  reps: { type: 'string', value: 'N', description: 'replications per simulation, 2 to 10,000 (default 10)' },
  seed: {
    type: 'string',
    value: 'S',
    description: 'random seed, any text (default "1"), the same for every run',
  },
  rounds: {
    type: 'string',
    value: 'N',
    description: 'simulation rounds correcting the Erlang requirement, 0 to 50 (default 6)',
  },
  lengths: { type: 'string', value: 'H,H', description: 'allowed shift lengths in hours (default 4,6,8,10)' },
  'start-grid': {
    type: 'string',
    value: 'MIN',
    description: 'shifts start every MIN minutes of local time (default: the interval length)',
  },
  break: {
    type: 'string',
    value: 'MIN',
    description: 'an unpaid break of MIN minutes in shifts of 6 h or more',
  },
  'time-limit': {
    type: 'string',
    value: 'S',
    description: 'seconds the solver may take per group (default 10; the gap is reported if it stops)',
  },
  roster: {
    type: 'string',
    value: 'P',
    description:
      'plan the week (7 days, weekly weights) and roster agents on weekly patterns with consecutive days off: "5x8", "4x10", or seven 0/1 flags Monday to Sunday ("1111100,0111110:8")',
  },
  mix: { type: 'boolean', description: 'also choose the cheapest routing split among the sites' },
  'mix-step': { type: 'string', value: 'F', description: 'grid of split weights for --mix (default 0.25)' },
  'min-share': {
    type: 'string',
    value: 'SITE=F,…',
    description: 'with --mix: keep at least share F (0–1) of each channel a site serves, e.g. columbus=0.2',
  },
  cap: {
    type: 'string',
    value: 'SITE=F,…',
    description: 'with --mix: give a site (a vendor) at most share F of each channel, e.g. manila=0.6',
  },
  json: {
    type: 'string',
    value: 'FILE',
    description: 'write the plan (requirement, shifts, cost, verification)',
  },
  csv: { type: 'string', value: 'FILE', description: 'write the requirement per interval as CSV' },
  out: {
    type: 'string',
    value: 'FILE',
    description: 'write the scenario with the plan’s shifts (several days: every day’s, each with its day)',
  },
  ...THREADS_OPTION,
  quiet: { type: 'boolean', description: 'no progress line' },
  help: { type: 'boolean', short: 'h', description: 'show this help' },
};

export function planUsage(): string {
  return [
    'Usage: npm run sim -- plan <scenario.json> [options]',
    '',
    'The agents required per interval and site group to meet per-channel targets (Erlang C/A per',
    'interval, corrected by simulation rounds), the shifts of least paid cost covering them per site in',
    'local time (an integer program solved by HiGHS), and the plan verified by simulation with',
    'replications: met or missed per interval and channel, with 95% intervals. On a horizon of several',
    'days (a dated forecast) or with --roster, every day is planned at its own volume and the days are',
    'verified together by one simulation, with a verdict per day.',
    '',
    'Options:',
    ...optionUsage(PLAN_OPTIONS),
    '',
    'Exit status: 0 done, 1 internal error, 2 bad arguments or scenario.',
    '',
  ].join('\n');
}

/** "columbus=0.2,manila=0.6" → { columbus: 0.2, manila: 0.6 }; problems name the flag. */
function shareList(name: string, text: string, problems: string[]): Record<string, number> | undefined {
  const out: Record<string, number> = {};
  for (const part of text.split(',').map((p) => p.trim())) {
    const m = /^([^=\s]+)=(.+)$/.exec(part);
    const x = m ? Number(m[2]) : NaN;
    if (!m || !Number.isFinite(x)) {
      problems.push(`--${name}: expected SITE=SHARE, e.g. columbus=0.2 (got "${part}")`);
      return undefined;
    }
    if (m[1] in out) problems.push(`--${name}: ${m[1]} is given twice`);
    out[m[1]] = x;
  }
  return out;
}

function numberList(name: string, text: string, problems: string[]): number[] | undefined {
  const parts = text.split(',').map((p) => p.trim());
  const values = parts.map(Number);
  if (parts.some((p) => p === '') || values.some((v) => !Number.isFinite(v) || v <= 0 || v >= 24)) {
    problems.push(`--${name}: must be hours between 0 and 24, separated by commas (got "${text}")`);
    return undefined;
  }
  return values;
}

export async function planCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const { strings, flags, positionals, problems } = parseOptions(argv, PLAN_OPTIONS);
  if (flags.help) {
    io.stdout(planUsage());
    return EXIT_OK;
  }
  const targetsArg = strings.targets !== undefined ? parseTargets(strings.targets, problems) : undefined;
  const { reps, seed } = parseRunCommon(strings, problems, { reps: 10, minReps: 2 });
  let rounds = 6;
  if (strings.rounds !== undefined) {
    const r = wholeNumber('rounds', strings.rounds, 0, 50);
    if (r.ok) rounds = r.value;
    else problems.push(r.problem);
  }
  const shiftOptions: ShiftOptions = {};
  if (strings.lengths !== undefined)
    shiftOptions.lengthsHours = numberList('lengths', strings.lengths, problems);
  if (strings['start-grid'] !== undefined) {
    const g = wholeNumber('start-grid', strings['start-grid'], 5, 720);
    if (g.ok) shiftOptions.startGridMinutes = g.value;
    else problems.push(g.problem);
  }
  if (strings.break !== undefined) {
    const b = wholeNumber('break', strings.break, 5, 120);
    if (b.ok) shiftOptions.breakMinutes = b.value;
    else problems.push(b.problem);
  }
  if (strings['time-limit'] !== undefined) {
    const t = Number(strings['time-limit']);
    if (!(t > 0 && t <= 3600))
      problems.push(`--time-limit: must be seconds from 0 to 3600 (got "${strings['time-limit']}")`);
    else shiftOptions.timeLimitSeconds = t;
  }
  let patterns: Pattern[] | null = null;
  if (strings.roster !== undefined) {
    try {
      patterns = parseRoster(strings.roster);
      if (strings.lengths !== undefined)
        problems.push('--lengths: not with --roster (its patterns give the lengths)');
      shiftOptions.lengthsHours = [...new Set(patterns.map((p) => p.hoursPerDay))];
    } catch (e) {
      problems.push((e as Error).message);
    }
  }
  let step = 0.25;
  if (strings['mix-step'] !== undefined) {
    step = Number(strings['mix-step']);
    if (!(step >= 0.05 && step <= 1 && Math.abs(1 / step - Math.round(1 / step)) < 1e-9))
      problems.push(`--mix-step: must divide 1 evenly, 0.05 to 1 (got "${strings['mix-step']}")`);
  }
  const constraints: MixConstraints = {};
  for (const [flag, key] of [
    ['min-share', 'minShare'],
    ['cap', 'cap'],
  ] as const) {
    if (strings[flag] === undefined) continue;
    if (!flags.mix) problems.push(`--${flag}: only applies with --mix`);
    const list = shareList(flag, strings[flag], problems);
    if (list) constraints[key] = list;
  }
  problems.push(...fileOptionProblems(strings, ['json', 'csv', 'out']));
  const threads = parseThreads(strings.threads, problems);
  const [scenarioPath, ...extra] = positionals;
  if (scenarioPath === undefined) problems.push('missing scenario file: sim plan <scenario.json> [options]');
  for (const arg of extra) problems.push(`${arg}: unexpected argument (one scenario file)`);
  if (problems.length > 0) return usageError(io, problems);

  const loaded = loadScenario(scenarioPath!);
  if (!loaded.ok) return usageError(io, loaded.problems);
  const scenario = loaded.scenario;
  for (const k of Object.keys(targetsArg ?? {}))
    if (!scenario.channels[k as ChannelKind]) problems.push(`--targets: the scenario has no channel "${k}"`);
  problems.push(
    ...outputProblems(
      [scenarioPath!],
      [
        ['json', strings.json],
        ['csv', strings.csv],
        ['out', strings.out],
      ],
    ),
  );
  if (flags.mix)
    problems.push(
      ...constraintProblems(scenario, constraints, step, { minShare: '--min-share', cap: '--cap' }),
    );
  if (problems.length > 0) return usageError(io, problems);
  const targets: Targets = targetsArg ? completeTargets(scenario, targetsArg) : defaultTargets(scenario);

  const live = io.stderrIsTTY && !flags.quiet;
  const onProgress = live ? (s: string) => io.stderr(`\r\x1b[2K${s}…`) : undefined;
  const highs = await loadSolver();
  const work = reps * contactsPerReplication(scenario) * (rounds + 2) * (flags.mix ? 3 : 1);
  const options = { targets, maxRounds: rounds, shifts: shiftOptions, onProgress };
  // (v3) a week (--roster) or a multi-day horizon: the one-day plan is day 1's (its weekly weight or
  // dated day applied), so its simulated correction is measured at the volume its Erlang figure
  // assumed; planWeek carries it to each day, and the days are verified together
  const multiDay = plansEveryDay(scenario, patterns !== null);
  const planned = multiDay ? dayOne(scenario) : scenario;
  const { plan, mix, week } = await withRunner(
    Math.min(resolveThreads(threads, work * (multiDay ? 2 : 1)), reps),
    async (runner) => {
      const evaluate = runnerEvaluate(runner, seed, reps);
      const m = flags.mix ? await planMix(planned, evaluate, highs, { ...options, step, constraints }) : null;
      const plan = m ? (m.best ?? m.current) : await planWorkforce(planned, evaluate, highs, options);
      const split = m?.best?.split ?? undefined;
      onProgress?.('planning each day and verifying them together by simulation');
      const week = multiDay
        ? await planVerifiedWeek(
            highs,
            scenario,
            plan,
            patterns,
            { targets, split, shifts: shiftOptions },
            evaluate,
          )
        : null;
      return { plan, mix: m, week };
    },
  );
  if (live) io.stderr('\r\x1b[2K');

  const meta = { scenario: scenario.name, seed, replications: reps };
  io.stdout(renderPlan(mix ? mix.current : plan, meta, shiftOptions));
  if (mix) io.stdout('\n' + renderMix(mix));
  if (week)
    io.stdout('\n' + renderWeek(week.week) + '\n' + renderWeekVerdict(week.verification, week.rounds));
  if (strings.json !== undefined)
    writeOutput(strings.json, jsonText(planResultJson(plan, mix, week, meta, constraints)));
  if (strings.csv !== undefined)
    writeOutput(strings.csv, week ? weekCsv(week, plan.requirement) : requirementCsv(plan));
  if (strings.out !== undefined) writeOutput(strings.out, jsonText(week ? week.scenario : plan.scenario));
  return EXIT_OK;
}

/** The plan's JSON: the one-day plan, (v3) `week` with its verification, and with --mix the mix. */
function planResultJson(
  plan: PlanOutcome,
  mix: Awaited<ReturnType<typeof planMix>> | null,
  week: VerifiedWeek | null,
  meta: { scenario: string; seed: string; replications: number },
  constraints: MixConstraints,
) {
  const body = week
    ? {
        ...planJson(plan, meta),
        week: {
          ...weekJson(week.week, plan.requirement),
          planRounds: week.rounds,
          verification: weekVerificationJson(week.verification),
        },
      }
    : planJson(plan, meta);
  if (!mix) return body;
  return {
    ...body,
    mix: {
      chosen: mix.best ? mix.best.split : null,
      constraints,
      closes: mix.closes,
      current: planJson(mix.current, meta),
      tried: mix.tried,
      candidates: mix.candidates.map((c) => ({ weights: c.weights, screeningCost: c.screeningCost })),
    },
  };
}

const money = (v: number) => formatNumber(v, 0);
const pct = (v: number | null) => (v === null ? '—' : formatNumber(v * 100, 1));

export function renderPlan(
  o: PlanOutcome,
  meta: { scenario: string; seed: string; replications: number },
  s: ShiftOptions,
): string {
  const r = o.requirement;
  const parts: string[] = [];
  parts.push(
    `plan ${meta.scenario} — seed ${JSON.stringify(meta.seed)}, ${meta.replications} replications per simulation`,
    `Targets: ${describeTargets(o.targets)}; each interval judged on a simultaneous 95% band.`,
    `Requirement: Erlang C/A per interval, then ${o.rounds.length} simulation round(s); intervals missed per round: ${o.rounds.map((x) => x.missed).join(' → ')}; the shift plan verified ${o.planRounds.length} time(s), missed: ${o.planRounds.map((x) => x.missed).join(' → ')}.`,
  );
  const impossible = groupImpossible(o);
  if (impossible.length > 0) parts.push('Cannot be met by staffing:', ...impossible.map((x) => `  ${x}`));
  parts.push(
    '',
    renderTable({
      title: 'Agents per interval (client time): required (Erlang) / scheduled',
      label: 'start',
      columns: r.groups.map((g) => g.label),
      rows: r.starts.map((start, j) => ({
        label: clockOf(start, r.starts),
        cells: r.groups.map((_, i) => ({
          mean: `${r.agents[i][j]} (${o.erlang.agents[i][j]}) / ${o.scheduled[i][j]}`,
          ci: '',
        })),
      })),
    }),
    '',
  );
  const lengths = (s.lengthsHours ?? DEFAULT_LENGTHS_HOURS).join(', ');
  parts.push(
    renderTable({
      title: `Shifts (local time; lengths ${lengths} h${s.breakMinutes ? `, ${s.breakMinutes}-minute unpaid break from 6 h` : ''})`,
      label: 'site/group',
      columns: ['start', 'end', 'break', 'agents', 'hours', 'paid/agent'],
      rows: o.shifts.flatMap((p) =>
        p.shifts.map((x) => ({
          label: p.label,
          cells: [
            { mean: x.start, ci: '' },
            { mean: x.end, ci: '' },
            { mean: x.break ? `${x.break.start}-${x.break.end}` : '—', ci: '' },
            { mean: String(x.agents), ci: '' },
            { mean: formatNumber(x.hours, 1), ci: '' },
            { mean: money(x.costPerAgent), ci: '' },
          ],
        })),
      ),
    }),
  );
  for (const p of o.shifts) {
    if (p.status === 'time limit')
      parts.push(
        `${p.label}: the solver stopped at its time limit; optimality gap ${formatNumber(p.gap * 100, 2)} %.`,
      );
    if (p.uncovered.length > 0)
      parts.push(
        `${p.label}: no allowed shift covers ${p.uncovered.map((j) => r.starts[j]).join(', ')} (left uncovered).`,
      );
  }
  const c = o.cost;
  parts.push(
    '',
    renderTable({
      title: 'Cost per day (paid labour: hours ÷ (1 − shrinkage) × rate × (1 + overhead))',
      label: 'site',
      columns: ['paid hours', 'labour', 'at peak all day', 'simulated total'],
      rows: [
        ...Object.entries(c.bySite).map(([id, x]) => ({
          label: id,
          cells: [
            { mean: formatNumber(x.paidHours, 1), ci: '' },
            { mean: money(x.labour), ci: '' },
            { mean: money(c.peakStaffing.bySite[id]), ci: '' },
            formatEstimate(c.simulated.bySite[id] ?? { mean: null, ci95: null }, STYLES.money, true),
          ],
        })),
        {
          label: 'total',
          cells: [
            { mean: formatNumber(c.total.paidHours, 1), ci: '' },
            { mean: money(c.total.labour), ci: '' },
            { mean: money(c.peakStaffing.total), ci: '' },
            formatEstimate(c.simulated.total, STYLES.money, true),
          ],
        },
      ],
    }),
    '("at peak all day": every group staffed at its peak requirement through its open hours; "simulated total":',
    `labour, telecom and fees over the verifying run's ${o.scenario.horizon?.days ?? 1} day(s).)`,
    '',
  );
  const v = o.verification;
  parts.push(
    renderTable({
      title: `Verification: the plan simulated, ${v.replications} replications`,
      label: 'channel',
      columns: ['figure', 'target %', 'simulated %', 'met'],
      rows: v.channels.map((x) => ({
        label: x.channel,
        cells: [
          { mean: x.figure === 'serviceLevel' ? 'SL ≥' : 'abandon ≤', ci: '' },
          { mean: formatNumber(x.target * 100, 1), ci: '' },
          formatEstimate({ mean: x.mean, ci95: x.ci95 }, STYLES.percent, true),
          { mean: x.ok ? 'yes' : 'NO', ci: '' },
        ],
      })),
    }),
  );
  const checks = v.intervals.length;
  const met = v.intervals.filter((x) => x.status === 'met').length;
  const unclear = v.intervals.filter((x) => x.status === 'unclear').length;
  parts.push(
    `Intervals × figures: ${met} of ${checks} met, ${unclear} unclear (the target inside the band), ${v.missed.length} missed.`,
  );
  for (const m of v.missed)
    parts.push(
      `  missed: day ${m.day} ${m.start} ${m.channel} ${m.figure === 'serviceLevel' ? 'SL' : 'abandon'} ${pct(m.mean)} ± ${pct(m.ci95)} % vs ${pct(m.target)} %` +
        (m.impossible ? ` — ${m.impossible}` : ''),
    );
  parts.push(
    v.met
      ? 'The plan meets its targets (except where they cannot be met).'
      : 'The plan does NOT meet every target.',
  );
  return parts.join('\n') + '\n';
}

function renderMix(m: Awaited<ReturnType<typeof planMix>>): string {
  const b = m.best;
  const cur = m.current;
  const sites = cur.scenario.sites.map((s) => s.id);
  const firstChannel = Object.keys(cur.scenario.routing ?? {})[0] ?? '';
  const splitText = (o: PlanOutcome | null, id: string) => {
    if (!o) return '—';
    const sp = o.split ?? null;
    if (!sp) {
      const w = Object.values(o.scenario.routing ?? {})[0]?.split;
      const total = w ? Object.values(w).reduce((a, x) => a + x, 0) : 0;
      return w && total > 0 ? `${formatNumber(((w[id] ?? 0) / total) * 100, 0)} %` : '—';
    }
    const first = Object.values(sp)[0] ?? {};
    const total = Object.values(first).reduce((a, x) => a + x, 0);
    return total > 0 ? `${formatNumber(((first[id] ?? 0) / total) * 100, 0)} %` : '—';
  };
  const lines = [
    renderTable({
      title:
        'Location mix: the plan at the current split and at the cheapest split found (simulated total cost: ' +
        'labour with premiums, contracts less SLA credits, telecom, fees)',
      label: 'site',
      columns: [`current split (${firstChannel})`, 'current cost', 'mix split', 'mix cost'],
      rows: [
        ...sites.map((id) => ({
          label: id,
          cells: [
            { mean: splitText(cur, id), ci: '' },
            { mean: money(cur.cost.simulated.bySite[id]?.mean ?? NaN), ci: '' },
            { mean: splitText(b, id), ci: '' },
            { mean: b ? money(b.cost.simulated.bySite[id]?.mean ?? NaN) : '—', ci: '' },
          ],
        })),
        {
          label: 'total',
          cells: [
            { mean: '', ci: '' },
            { mean: money(totalCost(cur)), ci: '' },
            { mean: '', ci: '' },
            { mean: b ? money(totalCost(b)) : '—', ci: '' },
          ],
        },
        {
          label: 'targets met',
          cells: [
            { mean: '', ci: '' },
            { mean: cur.verification.met ? 'yes' : 'NO', ci: '' },
            { mean: '', ci: '' },
            { mean: b ? (b.verification.met ? 'yes' : 'NO') : '—', ci: '' },
          ],
        },
      ],
    }),
    `${m.candidates.length} splits screened on their Erlang requirement; ${m.tried.length} planned in full and simulated:`,
    ...m.tried.map(
      (t) =>
        `  ${Object.entries(t.weights)
          .map(([id, w]) => `${id} ${formatNumber(w * 100, 0)}%`)
          .join(
            ', ',
          )}: ${money(t.total)} simulated total (${money(t.labour)} paid labour per day), ${t.met ? 'meets the targets' : 'misses a target'}`,
    ),
    b ? '' : 'No split tried meets the targets; the plan written is the one at the current split.',
    ...m.closes.map(closureWarning),
  ];
  return lines.join('\n') + '\n';
}

/** A mix that takes a channel away from a site closes it there: said plainly, with the way to keep it. */
export function closureWarning(c: SiteClosure): string {
  return (
    `Warning: the mix closes ${c.name} for ${c.channel} (0 % of ${c.channel}; ${formatNumber(c.now * 100, 0)} % now). ` +
    `To keep it open, plan with --min-share ${c.site}=SHARE.`
  );
}

function describeTargets(targets: Targets): string {
  return (Object.entries(targets) as [ChannelKind, { serviceLevel?: number; abandonRate?: number }][])
    .map(([k, t]) => {
      const p: string[] = [];
      if (t.serviceLevel !== undefined) p.push(`SL ≥ ${formatNumber(t.serviceLevel * 100, 1)} %`);
      if (t.abandonRate !== undefined) p.push(`abandon ≤ ${formatNumber(t.abandonRate * 100, 1)} %`);
      return `${k} ${p.join(', ')}`;
    })
    .join('; ');
}

/**
 * An interval's start as the text shows it: "HH:MM"; (v3) a dated day's label (ISO with the client's
 * offset) as "HH:MM", or "HH:MM-04:00" on a day its clocks change (`starts`: the day's).
 */
function clockOf(start: string, starts: readonly string[]): string {
  if (start.length <= 5) return start;
  return new Set(starts.map((s) => s.slice(16))).size > 1 ? start.slice(11) : start.slice(11, 16);
}

/** "00:00–07:30 voice: no site …", runs of consecutive intervals with the same reason. */
function groupImpossible(o: PlanOutcome): string[] {
  const r = o.requirement;
  const L = r.intervalMinutes;
  const out: string[] = [];
  const items = [...r.impossible].sort(
    (a, b) => a.channel.localeCompare(b.channel) || a.interval - b.interval,
  );
  for (let i = 0; i < items.length;) {
    let k = i;
    while (
      k + 1 < items.length &&
      items[k + 1].channel === items[i].channel &&
      items[k + 1].interval === items[k].interval + 1 &&
      items[k + 1].reason.replace(/at \d\d:\d\d/, '') === items[i].reason.replace(/at \d\d:\d\d/, '')
    )
      k++;
    const end = (items[k].interval + 1) * L;
    const endText = `${String(Math.floor(end / 60) % 24).padStart(2, '0')}:${String(end % 60).padStart(2, '0')}`;
    out.push(
      `${clockOf(items[i].start, r.starts)}–${endText} ${items[i].channel}: ${items[i].reason.replace(/ at \d\d:\d\d \(client time\)/, '')}`,
    );
    i = k + 1;
  }
  return out;
}

export const planCommandSpec: Command = {
  name: 'plan',
  summary: 'requirement per interval, cheapest shifts (HiGHS), verified by simulation',
  usage: planUsage,
  run: planCommand,
};
