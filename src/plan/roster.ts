/**
 * (v3) The weekly roster (SPEC §8, `plan --roster`): agents assigned to weekly work patterns with
 * consecutive days off, in an integer program solved by HiGHS (the solver instance is passed in).
 *
 *   minimise   Σ_p x_p                    (agents rostered; ties broken by paid hours, see below)
 *   subject to Σ_{p works day d} x_p ≥ need_d   for each day d of the week (Monday first)
 *              x_p ∈ {0, 1, 2, …}
 *
 * A pattern is seven working flags, Monday to Sunday, and the hours of one working day. `5x8` is the
 * seven rotations of five consecutive working days of 8 hours (two consecutive days off, wrapping
 * over the weekend: Sat–Sun, Sun–Mon, …); `4x10` the rotations of four days of 10 hours; a free-form
 * list names patterns outright ("1111100,0111110:8"). This is the classic days-off scheduling
 * program: needs 17, 13, 15, 19, 14, 16, 11 with 5x8 need 23 agents (its LP relaxation 22⅓).
 */
import type { HighsSolver } from './shifts';

export interface Pattern {
  /** "1111100": works Monday to Friday */
  name: string;
  works: boolean[];
  hoursPerDay: number;
}

/** One pattern's rotations: `days` consecutive working days, the rest off, each start day once. */
export function rotations(days: number, hoursPerDay: number): Pattern[] {
  return Array.from({ length: 7 }, (_, start) => {
    const works = Array.from({ length: 7 }, (_, d) => (d - start + 7) % 7 < days);
    return { name: works.map((w) => (w ? '1' : '0')).join(''), works, hoursPerDay };
  });
}

/**
 * Parses `--roster`: "5x8", "4x10" (any D×H with D of 1–7 days), or a comma-separated list of
 * seven-flag patterns, each optionally ":hours" (default 8); several D×H may be combined ("5x8,4x10").
 * Throws a one-line message naming the bad part.
 */
export function parseRoster(text: string): Pattern[] {
  const out: Pattern[] = [];
  for (const raw of text.split(',')) {
    const part = raw.trim();
    const dxh = /^([1-7])x(\d+(?:\.\d+)?)$/.exec(part);
    const flags = /^([01]{7})(?::(\d+(?:\.\d+)?))?$/.exec(part);
    if (dxh) {
      const hours = Number(dxh[2]);
      if (!(hours > 0 && hours <= 24)) throw new Error(`--roster: "${part}" must have 0–24 hours a day`);
      out.push(...rotations(Number(dxh[1]), hours));
    } else if (flags) {
      const hours = flags[2] === undefined ? 8 : Number(flags[2]);
      if (!(hours > 0 && hours <= 24)) throw new Error(`--roster: "${part}" must have 0–24 hours a day`);
      if (!flags[1].includes('1')) throw new Error(`--roster: "${part}" works no day`);
      out.push({ name: flags[1], works: [...flags[1]].map((c) => c === '1'), hoursPerDay: hours });
    } else
      throw new Error(
        `--roster: "${part}" is neither days×hours ("5x8", "4x10") nor seven 0/1 flags Monday to Sunday ("1111100")`,
      );
  }
  const seen = new Set<string>();
  return out.filter((p) => {
    const key = `${p.name}:${p.hoursPerDay}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export interface RosterEntry {
  pattern: string;
  hoursPerDay: number;
  agents: number;
}

export interface Roster {
  /** patterns with at least one agent */
  entries: RosterEntry[];
  /** agents rostered (on the payroll, before shrinkage) */
  rostered: number;
  /** agents at work on each day, Monday first (≥ the need) */
  working: number[];
  /** the need per day, Monday first */
  need: number[];
  status: 'optimal' | 'time limit' | 'empty';
  /** the LP relaxation's optimum: a lower bound on rostered */
  lpBound: number;
}

/** The fewest agents on the patterns that cover each day's need (see the module comment). */
export function solveRoster(
  highs: HighsSolver,
  need: readonly number[],
  patterns: readonly Pattern[],
  timeLimitSeconds = 10,
): Roster {
  if (need.length !== 7) throw new Error('a roster needs seven days, Monday to Sunday');
  const days = need.map((n) => Math.max(0, Math.ceil(n)));
  if (days.every((n) => n === 0))
    return {
      entries: [],
      rostered: 0,
      working: [0, 0, 0, 0, 0, 0, 0],
      need: days,
      status: 'empty',
      lpBound: 0,
    };
  for (let d = 0; d < 7; d++)
    if (days[d] > 0 && !patterns.some((p) => p.works[d]))
      throw new Error(`no roster pattern works on day ${d + 1} of the week, which needs ${days[d]} agents`);
  const integer = run(highs, days, patterns, true, timeLimitSeconds);
  const relaxed = run(highs, days, patterns, false, timeLimitSeconds);
  const x = integer.values.map((v) => Math.round(v));
  const working = days.map((_, d) => patterns.reduce((a, p, i) => a + (p.works[d] ? x[i] : 0), 0));
  if (working.some((w, d) => w < days[d])) throw new Error('the roster program stopped without a roster');
  return {
    entries: patterns
      .map((p, i) => ({ pattern: p.name, hoursPerDay: p.hoursPerDay, agents: x[i] }))
      .filter((e) => e.agents > 0),
    rostered: x.reduce((a, b) => a + b, 0),
    working,
    need: days,
    status: integer.status === 7 ? 'optimal' : 'time limit',
    lpBound: relaxed.objective - relaxed.hoursTerm,
  };
}

/**
 * The objective counts agents, plus their weekly paid hours × a weight too small to trade one agent
 * for hours (so among rosters of as many agents the one with fewer paid hours wins); both parts are
 * returned separately.
 */
function run(
  highs: HighsSolver,
  need: number[],
  patterns: readonly Pattern[],
  integer: boolean,
  limit: number,
) {
  const weekHours = patterns.map((p) => p.works.filter(Boolean).length * p.hoursPerDay);
  const eps = 1 / (1 + 168 * (need.reduce((a, b) => a + b, 0) + 1));
  const lines = ['Minimize', ' agents:'];
  lines.push(
    '  ' +
      patterns.map((_, i) => `${i ? '+ ' : ''}${(1 + eps * weekHours[i]).toPrecision(15)} x${i}`).join(' '),
  );
  lines.push('Subject To');
  need.forEach((n, d) => {
    const cols = patterns.flatMap((p, i) => (p.works[d] ? [`x${i}`] : []));
    if (n > 0) lines.push(` d${d}: ${cols.join(' + ')} >= ${n}`);
  });
  lines.push('Bounds', ...patterns.map((_, i) => ` x${i} >= 0`));
  if (integer) lines.push('Generals', '  ' + patterns.map((_, i) => `x${i}`).join(' '));
  lines.push('End');
  return highs.withModel({ format: 'lp', data: lines.join('\n') + '\n' }, (model) => {
    model.options.set({ output_flag: false, time_limit: limit });
    model.run();
    const status = model.getModelStatus();
    if (status !== 7 && status !== 13)
      throw new Error(`the roster program ended with HiGHS status ${status}`);
    const raw = Array.from(model.getSolution().colValue);
    const values = new Array<number>(patterns.length).fill(0);
    raw.forEach((v, i) => (values[Number(model.getColName(i).slice(1))] = v));
    const hoursTerm = values.reduce((a, v, i) => a + eps * weekHours[i] * v, 0);
    return { status, values, objective: model.getObjectiveValue(), hoursTerm };
  });
}

/**
 * Heads needed (SPEC §8): rostered agents ÷ (1 − shrinkage), since shrinkage (absence, training) takes
 * that share of paid time; `whole` rounds it up to people.
 */
export function headsNeeded(rostered: number, shrinkage: number): { heads: number; whole: number } {
  const heads = rostered / (1 - shrinkage);
  return { heads, whole: Math.ceil(heads - 1e-9) };
}
