/**
 * Steady state and issues followed to resolution (SPEC §1 v2), against theory and against a long run.
 *
 * Oracles. One site, voice only, no abandonment, Poisson fresh issues at rate λ, exponential handle
 * times (mean 1/μ), first-contact resolution p and an exponential repeat delay of mean D: the queue and
 * the customers waiting to call back form a Jackson network (an M/M/n node with Bernoulli feedback
 * through an infinite-server delay node), so in steady state
 * - contacts are offered at λ/p (each issue brings a geometric number of contacts, mean 1/p);
 * - the queue is M/M/n at load λ/(p·μ): service level and ASA are Erlang C's;
 * - contactsPerResolution = 1/p, and an issue lasts (1/p − 1)·D of delays plus 1/p waits and talks:
 *   resolutionHours = (1/p − 1)·D + (1/p)·(ASA + 1/μ).
 * Each is checked within the run's own confidence interval, widened from 95 % to 99.9 % as in
 * engine-erlang.test.ts because the file makes a few dozen comparisons (fixed seeds: reproducible).
 *
 * Power. A check catches an error e with ~97.5 % probability once e > tolerance + 2 standard errors
 * (`detectable` below); each oracle runs enough contacts (20 replications of 40–60 days, ~0.7–0.9
 * million contacts) that this is below 10 % of ASA, 1.5 points of service level, and — where the repeat
 * delay is short enough for it — below the wait-and-talk term (1/p)·(ASA + 1/μ) of the resolution time,
 * so dropping that term fails. The test asserts these bounds on its own figures. Small sites at
 * moderate load (4–5 agents, 60–70 %) give the most independent information per contact: a queue
 * forgets its state in about one handle time, and a small site sees few contacts in that time.
 * The runs use the default warm-up, so they also check that it reaches steady state.
 *
 * Against a long run: every bundled scenario, a one-day run with the default warm-up must agree with
 * day 7 of a seven-day run started empty, interval by interval, on every per-interval KPI (see
 * agreement below for the statistics).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { PILOT_MAX_DAYS } from '../src/sim/pilot-measure';
import { describe, expect, it } from 'vitest';
import { erlangCAsa, erlangCServiceLevel } from '../src/analytic/index';
import { compileModel } from '../src/sim/model';
import {
  INTERVAL_KEYS,
  simulate,
  type ChannelKind,
  type Estimate,
  type IntervalFigures,
  type IntervalOutcome,
  type Scenario,
} from '../src/sim/index';
import { oneSite } from './support/build';

const REPS = 20;
/** t(0.975, 19) and t(0.9995, 19) */
const T95 = 2.093;
const T999 = 3.883;
/** Widens a reported 95 % half-width to a 99.9 % one. */
const WIDEN = T999 / T95;
const AHT = 300;
const DAY = 86_400;

/** The check's tolerance: the 99.9 % half-width. */
const tolerance = (est: Estimate) => est.ci95! * WIDEN;
/** The smallest error the check catches with ~97.5 % probability: tolerance + 2 standard errors. */
const detectable = (est: Estimate) => tolerance(est) + (2 * est.ci95!) / T95;

function expectWithin(est: Estimate, expected: number, what: string): void {
  expect(est.mean, what).not.toBeNull();
  expect(est.ci95, what).not.toBeNull();
  const tol = tolerance(est);
  expect(
    Math.abs(est.mean! - expected),
    `${what}: simulated ${est.mean} ± ${tol.toFixed(4)} vs theory ${expected}`,
  ).toBeLessThanOrEqual(tol);
}

interface Oracle {
  p: number;
  /** mean repeat delay, seconds */
  D: number;
  agents: number;
  /** offered load ÷ agents (fresh and repeats) */
  utilisation: number;
  days: number;
  /**
   * whether the resolution-time check sees the wait-and-talk term: with D of a day, the delays' own
   * spread (an issue's delays have a standard deviation of ~1.3 days here) hides it at any affordable size
   */
  seesTerm: boolean;
}

/** Fresh issues per day that give the oracle's utilisation once their repeats are counted. */
const freshPerDay = (o: Oracle) => ((o.agents * o.utilisation * DAY) / AHT) * o.p;

function oracleScenario(o: Oracle, days: number, warmUpDays?: number): Scenario {
  const s = oneSite(o.agents, freshPerDay(o) / 24, days, {
    repeatDelay: { dist: 'exponential', mean: o.D },
  });
  s.sites[0].firstContactResolution = o.p;
  if (warmUpDays !== undefined) s.horizon = { ...s.horizon!, warmUpDays };
  return s;
}

const ORACLES: Oracle[] = [
  { p: 0.5, D: 3600, agents: 5, utilisation: 0.6, days: 40, seesTerm: true },
  { p: 0.8, D: 2 * 3600, agents: 4, utilisation: 0.7, days: 40, seesTerm: true },
  { p: 0.6, D: DAY, agents: 5, utilisation: 0.65, days: 60, seesTerm: false },
];

describe('oracles: one site, voice, FCR p, exponential repeat delay D, no abandonment', () => {
  for (const o of ORACLES) {
    it(`p = ${o.p}, D = ${o.D / 3600} h: offered λ/p, Erlang C at λ/(pμ), 1/p contacts and the resolution time`, () => {
      const r = simulate(oracleScenario(o, o.days), { seed: `oracle-${o.p}`, replications: REPS });
      expect(r.warmUpDays).toBeGreaterThan(0);
      const v = r.channels.voice!;
      const fresh = freshPerDay(o);
      const rate = fresh / o.p / DAY;
      const theory = { arrivalRatePerSecond: rate, meanHandleSeconds: AHT, agents: o.agents };
      const asa = erlangCAsa(theory);
      const sl = erlangCServiceLevel({ ...theory, withinSeconds: 20 });
      const waitAndTalk = ((1 / o.p) * (asa + AHT)) / 3600;
      expectWithin(
        { mean: v.offered.mean! / o.days, ci95: v.offered.ci95! / o.days },
        fresh / o.p,
        'offered per day',
      );
      expectWithin(v.serviceLevel, sl, 'service level');
      expectWithin(v.asa, asa, 'ASA');
      expectWithin(v.contactsPerResolution, 1 / o.p, 'contacts per resolution');
      expectWithin(v.resolutionHours, ((1 / o.p - 1) * o.D) / 3600 + waitAndTalk, 'resolution hours');
      // Nobody abandons and the follow-up outlasts the repeats: every issue of the cohort is resolved.
      expect(v.issuesGivenUp.mean).toBe(0);
      expect(v.issuesOpen.mean).toBe(0);
      expect(v.issuesResolved.mean).toBe(v.issuesRaised.mean);
      expectWithin(v.issuesRaised, fresh * o.days, 'issues raised');

      // The checks' power (see the header): measured ~4–6 % of ASA, ~0.7–0.9 points of SL, and for the
      // short delays 0.01 h of resolution time against a term of 0.14–0.19 h.
      expect(detectable(v.asa) / asa, 'smallest ASA error caught, share of ASA').toBeLessThan(0.1);
      expect(detectable(v.serviceLevel), 'smallest SL error caught').toBeLessThan(0.015);
      if (o.seesTerm)
        expect(detectable(v.resolutionHours), 'smallest resolution-time error caught, h').toBeLessThan(
          waitAndTalk / 2,
        );
    });
  }

  it('started empty, the same run falls short of the steady offered load (so the check above can fail)', () => {
    const o = ORACLES[2];
    const r = simulate(oracleScenario(o, 1, 0), { seed: 'oracle-empty', replications: REPS });
    const v = r.channels.voice!.offered;
    expect(v.mean! + v.ci95! * WIDEN).toBeLessThan(freshPerDay(o) / o.p);
  });
});

// ---------------------------------------------------------------- against day 7 of a long run

/**
 * Each bundled scenario at half its volume and staffing (so the file runs in well under a minute; the
 * comparison is between two runs of the same model, so its size does not matter).
 */
function halved(s: Scenario): Scenario {
  const h = structuredClone(s);
  for (const ch of Object.values(h.channels)) if (ch) ch.volumePerDay /= 2;
  for (const site of h.sites)
    for (const g of site.groups) {
      if (g.agents !== undefined) g.agents = Math.round(g.agents / 2);
      for (const sh of g.shifts ?? []) sh.agents = Math.round(sh.agents / 2);
    }
  return h;
}

function bundled(): [string, Scenario][] {
  const dir = new URL('../scenarios/', import.meta.url);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json')
    .map((f) => [f, halved(JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as Scenario)]);
}

/** Per-arrival figures: in interval 0 they include the backlog carried over 00:00 (see Simulation.warmUp). */
const PER_ARRIVAL = new Set([
  'offered',
  'handled',
  'abandoned',
  'serviceLevel',
  'asa',
  'abandonRate',
  'cost',
]);

/**
 * How often day 1 after a warm-up agrees with day 7 of a run started empty: for every interval, scope
 * (each channel and the total) and per-interval KPI, whether the two means differ by less than the
 * combined 95 % half-width √(ci_a² + ci_b²) (independent runs, same replications). Figures undefined
 * in either run are skipped; interval 0's per-arrival figures are skipped too (they include, by
 * definition, the backlog carried over 00:00, which the long run counted on day 6).
 */
function agreement(
  a: IntervalOutcome[],
  b: IntervalOutcome[],
  skip: ReadonlySet<string>,
): { within: number; total: number; worst: string[] } {
  let within = 0;
  let total = 0;
  const worst: string[] = [];
  a.forEach((ia, i) => {
    const ib = b[i];
    const scopes: (readonly [string, IntervalFigures, IntervalFigures])[] = [['total', ia.total, ib.total]];
    for (const k of Object.keys(ia.channels) as ChannelKind[])
      scopes.push([k, ia.channels[k]!, ib.channels[k]!]);
    for (const [scope, ea, eb] of scopes) {
      if (skip.has(scope)) continue;
      for (const key of INTERVAL_KEYS) {
        if (i === 0 && PER_ARRIVAL.has(key)) continue;
        const x = ea[key];
        const y = eb[key];
        if (x.mean === null || y.mean === null || x.ci95 === null || y.ci95 === null) continue;
        total++;
        const diff = Math.abs(x.mean - y.mean);
        const tol = Math.hypot(x.ci95, y.ci95);
        if (diff <= tol) within++;
        else
          worst.push(
            `${ia.start} ${scope}.${key} ${x.mean.toFixed(3)} vs ${y.mean.toFixed(3)} ± ${tol.toFixed(3)}`,
          );
      }
    }
  });
  return { within, total, worst };
}

/**
 * Channels with no steady state: their backlog at the end of the day grew significantly on each of
 * the last two days of the long run (overloaded once repeats are counted).
 */
function growing(long: IntervalOutcome[], perDay: number, days: number): string[] {
  const endOf = (d: number) => long[d * perDay - 1];
  return Object.keys(long[0].channels).filter((k) => {
    const q = [days - 2, days - 1, days].map((d) => endOf(d).channels[k as 'voice']!.queue);
    const up = (x: Estimate, y: Estimate) => y.mean! - x.mean! > Math.hypot(x.ci95!, y.ci95!);
    return up(q[0], q[1]) && up(q[1], q[2]);
  });
}

/**
 * Channels known to be overloaded when the bundled day is repeated: peak-day-surge is one billing-cycle
 * peak, and with its repeats counted its e-mail backlog grows by ~490 a day (scenarios/README.md). No
 * warm-up can bring it to a steady state, so the comparison leaves it (and the total it dominates) out;
 * the test checks that exactly these channels grow, so the exclusion cannot hide another.
 */
const NO_STEADY_STATE: Record<string, string[]> = { 'peak-day-surge.json': ['email'] };

/** Share of comparisons that must agree (nominally 95 %; a few hundred correlated comparisons each). */
const AGREE = 0.9;

const DAY_REPS = 10;

describe('a one-day run with the default warm-up agrees with day 7 of a seven-day run started empty', () => {
  for (const [file, scenario] of bundled()) {
    it(file, () => {
      const one = { ...scenario, horizon: { ...scenario.horizon, days: 1 } };
      delete one.horizon.warmUpDays;
      const warm = simulate(one, { seed: 'warm', replications: DAY_REPS });
      const long = simulate(
        { ...scenario, horizon: { ...scenario.horizon, days: 7, warmUpDays: 0 } },
        { seed: 'long', replications: DAY_REPS },
      );
      const empty = simulate(
        { ...scenario, horizon: { ...scenario.horizon, days: 1, warmUpDays: 0 } },
        { seed: 'warm', replications: DAY_REPS },
      );
      const perDay = warm.intervals.length;
      const unstable = growing(long.intervals, perDay, 7);
      expect(unstable).toEqual(NO_STEADY_STATE[file] ?? []);
      const skip = new Set(unstable.length > 0 ? [...unstable, 'total'] : []);
      const day7 = long.intervals.slice(6 * perDay);
      const ok = agreement(warm.intervals, day7, skip);
      const bad = agreement(empty.intervals, day7, skip);
      // the default start: the warm-up pilot (settling seeded from the pilot's pending returns) where
      // the default warm-up is over a day, else the default warm-up itself; the pilot's simulated days
      // (src/sim/pilot-measure.ts: 6 h + a day, then a day's settling and 1 to PILOT_MAX_DAYS recorded)
      // are long enough for the steady-state check (over 2)
      const byDefault = compileModel(one).warmUpDays;
      expect(warm.warmUpDays).toBe(Math.min(1, byDefault) || byDefault);
      if (byDefault > 1) {
        expect(warm.pilotWarmUpDays).toBeGreaterThan(2);
        expect(warm.pilotWarmUpDays).toBeLessThanOrEqual(Math.ceil(2.25 + PILOT_MAX_DAYS));
      }
      expect(ok.total).toBeGreaterThan(300);
      expect(ok.within / ok.total, ok.worst.slice(0, 20).join('\n')).toBeGreaterThanOrEqual(AGREE);
      // Without the warm-up the same check fails: it has the power to tell.
      expect(bad.within / bad.total).toBeLessThan(AGREE);
    });
  }
});
