/**
 * The compare panel's pure parts (src/ui/compare): sliders written into a scenario, the exports, the
 * app state a link carries, and a comparison / sweep on an in-process pool.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../src/scenario/validate';
import { decodeState, encodeState } from '../src/share/url-state';
import { runReplication, type ReplicationOutcome, type Scenario } from '../src/sim/index';
import type { ReplicationJob } from '../src/worker/pool';
import {
  comparisonCsv,
  comparisonExport,
  comparisonJson,
  csvLine,
  safeFileName,
  scenarioFileText,
} from '../src/ui/compare/export';
import { sweepCsv } from '../src/optimise/sweep';
import { runComparison, runSweep, sweepParams, sweepScenarios } from '../src/ui/compare/runs';
import {
  adoptStaffing,
  groupPeaks,
  withGroupAgents,
  withSplitWeights,
  type Edited,
} from '../src/scenario/staffing';
import { compileModel } from '../src/sim/model';
import { makeAppState, validateAppState } from '../src/ui/compare/state';
import {
  initialCompareData,
  withBase,
  withVariantAdded,
  withVariantRemoved,
  withVariantRenamed,
  withVariants,
  uniqueNames,
  type CompareData,
} from '../src/ui/state/compare';
import { fmtDiff, fmtEstimate } from '../src/ui/compare/figures';
import { twoSiteVoice } from './support/build';

const bundled = (id: string): Scenario => {
  const r = validateScenario(JSON.parse(readFileSync(`scenarios/${id}.json`, 'utf8')));
  if (!r.ok) throw new Error(r.problems.join('\n'));
  return r.scenario;
};

const small = twoSiteVoice;

/** In-process stand-in for the worker pool. */
const localPool = {
  async run(jobs: readonly ReplicationJob[], onProgress?: (d: number, t: number) => void) {
    const out: ReplicationOutcome[] = [];
    for (const j of jobs) {
      out.push(runReplication(j.scenario, { seed: j.seed, replication: j.replication, days: j.days }));
      onProgress?.(out.length, jobs.length);
    }
    return out;
  },
};

describe("a group's agents and a channel's split (src/scenario/staffing.ts)", () => {
  const ok = (r: Edited): Scenario => {
    if (!r.ok) throw new Error(r.problem);
    return r.scenario;
  };

  it('sets a flat group’s agents and a channel’s split, leaving the input alone', () => {
    const s = small();
    const r = ok(withSplitWeights(ok(withGroupAgents(s, 'away/voice', 7)), 'voice', { home: 30, away: 70 }));
    expect(r.sites[1].groups[0].agents).toBe(7);
    expect(r.sites[0].groups[0].agents).toBe(2);
    expect(r.routing!.voice!.split).toEqual({ home: 30, away: 70 });
    expect(s.sites[1].groups[0].agents).toBe(1);
    expect(validateScenario(r).ok).toBe(true);
  });

  it('scales a group’s shifts so the peak equals the slider', () => {
    const s = bundled('follow-the-sun');
    expect(groupPeaks(s).get('tampa/blended')).toBe(52);
    const r = ok(withGroupAgents(s, 'tampa/blended', 26));
    const shifts = r.sites[0].groups[0].shifts!;
    expect(shifts.map((sh) => sh.agents)).toEqual([26, 22]);
    expect(groupPeaks(r).get('tampa/blended')).toBe(26);
    // odd targets still land exactly on the peak
    for (const n of [1, 7, 33, 101]) {
      const x = ok(withGroupAgents(s, 'manila/blended', n));
      expect(groupPeaks(x).get('manila/blended')).toBe(n);
    }
    expect(validateScenario(r).ok).toBe(true);
  });

  it('a group’s peak without compiling is the compiled model’s, in every bundled scenario', () => {
    for (const id of [
      'follow-the-sun',
      'nearshore-blend',
      'us-retailer',
      'peak-day-surge',
      'overnight-backlog',
    ]) {
      const s = bundled(id);
      const m = compileModel(s);
      for (const g of m.groups) expect(groupPeaks(s).get(`${m.sites[g.site].id}/${g.id}`)).toBe(g.peak);
    }
  });

  it('writes only sites with the skill, and names what it cannot apply', () => {
    const s = small();
    s.sites.push({
      id: 'mail',
      name: 'Mail',
      location: 'onshore',
      groups: [{ id: 'g', skills: ['voice'], agents: 0 }],
      cost: { hourlyRate: 10 },
    });
    s.sites[2].groups[0].skills = ['voice'];
    expect(ok(withSplitWeights(s, 'voice', { home: 50, away: 0, ghost: 10 })).routing!.voice!.split).toEqual({
      home: 50,
      away: 0,
      mail: 0,
    });
    expect(withGroupAgents(s, 'nowhere/voice', 3)).toEqual({
      ok: false,
      problem: 'agents nowhere/voice: no such group',
    });
    expect(withSplitWeights(s, 'chat', { home: 1 })).toEqual({
      ok: false,
      problem: 'split chat: the scenario has no such channel',
    });
  });

  it('keeps the scenario’s split when every slider weight is 0', () => {
    const r = withSplitWeights(small(), 'voice', { home: 0, away: 0 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toMatch(/every weight is 0/);
  });

  it('the optimiser’s answer is adopted group by group, nothing else', () => {
    const s = bundled('follow-the-sun');
    const optimised = ok(withGroupAgents(ok(withGroupAgents(s, 'tampa/blended', 30)), 'manila/blended', 9));
    optimised.name = 'other';
    const adopted = adoptStaffing(s, optimised);
    expect(adopted.name).toBe(s.name);
    expect(groupPeaks(adopted)).toEqual(groupPeaks(optimised));
  });
});

describe('exports', () => {
  it('the scenario with sliders downloads as a valid scenario file', () => {
    const r = withSplitWeights(bundled('nearshore-blend'), 'voice', { monterrey: 10 });
    if (!r.ok) throw new Error(r.problem);
    const text = scenarioFileText(r.scenario);
    const back = validateScenario(JSON.parse(text));
    expect(back.ok).toBe(true);
    expect(JSON.parse(text).$schema).toBe('./scenario.schema.json');
    expect(text.endsWith('\n')).toBe(true);
  });

  it('CSV fields are quoted per RFC 4180', () => {
    expect(csvLine(['a', 'b,c', 'say "hi"', null, 1.5, 'x\ny'])).toBe('a,"b,c","say ""hi""",,1.5,"x\ny"\n');
    expect(safeFileName('Manila / 24×7: v2', 'json')).toBe('Manila-24-7-v2.json');
    expect(safeFileName('***', 'csv')).toBe('shoreline.csv');
  });

  it('comparison CSV and JSON have every variant, scope and figure', async () => {
    const a = small();
    const b = (withGroupAgents(a, 'away/voice', 4) as { scenario: Scenario }).scenario;
    const c = await runComparison(
      localPool,
      [
        { name: 'now', scenario: a },
        { name: 'more, "away"', scenario: b },
      ],
      0,
      3,
      '1',
    );
    const csv = comparisonCsv(c);
    const lines = csv.trimEnd().split('\n');
    expect(lines[0]).toBe('variant,scope,figure,mean,ci95,difference,difference_ci95,significant');
    // 2 variants × 2 scopes (total, voice) × 7 figures
    expect(lines.length).toBe(1 + 2 * 2 * 7);
    expect(lines[1]).toMatch(/^now,total,cost,[0-9.]+,[0-9.]+,,,$/);
    const row = lines.find((l) => l.startsWith('"more, ""away""",voice,serviceLevel,'))!;
    expect(row.split(',').at(-1)).toMatch(/^(yes|no)$/);

    const json = JSON.parse(comparisonJson(comparisonExport(c, '1')));
    expect(json).toMatchObject({ format: 1, kind: 'compare', seed: '1', base: 'now', replications: 3 });
    expect(json.variants.map((v: { name: string }) => v.name)).toEqual(['now', 'more, "away"']);
    expect(json.variants[1].differences.voice.serviceLevel).toHaveProperty('significant');
    // more agents answer more: a real, paired improvement
    expect(json.variants[1].differences.voice.serviceLevel.mean).toBeGreaterThan(0);
    expect(json.paretoCostServiceLevel.length).toBeGreaterThan(0);
  });

  it('common random numbers: a variant equal to the base differs by exactly zero', async () => {
    const a = small();
    const c = await runComparison(
      localPool,
      [
        { name: 'a', scenario: a },
        { name: 'b', scenario: structuredClone(a) },
      ],
      0,
      3,
      'x',
    );
    const d = c.variants[1].differences!.total!;
    expect(d.cost.mean).toBe(0);
    expect(d.cost.significant).toBe(false);
  });
});

describe('sweeps', () => {
  it('offers agents of each group and each site’s share of a shared channel', () => {
    const s = small();
    const params = sweepParams(s, groupPeaks(s));
    expect(params.map((p) => p.label)).toEqual([
      'agents: Home · voice',
      'agents: Away · voice',
      'voice share: Home (%)',
      'voice share: Away (%)',
      // (v3) every site's first-contact resolution (a contract site also offers its rate)
      'first-contact resolution: Home',
      'first-contact resolution: Away',
    ]);
    expect(params[2].current).toBe(60);
  });

  it('builds a valid scenario per point, runs them and writes a CSV', async () => {
    const s = small();
    const share = sweepParams(s, groupPeaks(s))[2];
    const built = sweepScenarios(s, share, [0, 50, 100]);
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(built.scenarios[2].routing!.voice!.split).toEqual({ home: 1, away: 0 });
    const result = await runSweep(localPool, s, 'share:voice:home', built.scenarios, [0, 50, 100], 2, '1');
    const points = result.points;
    expect(points).toHaveLength(3);
    expect(points[0].total.cost.mean).toBeGreaterThan(0);
    // the same columns as `sim sweep --csv` (test/shard.test.ts)
    const csv = sweepCsv(result).trimEnd().split('\n');
    expect(csv[0]).toBe(
      'value,cost,cost_ci95,costPerResolved,costPerResolved_ci95,voice_serviceLevel,voice_serviceLevel_ci95,' +
        'voice_abandonRate,voice_abandonRate_ci95,voice_asa,voice_asa_ci95',
    );
    expect(csv).toHaveLength(4);
  });

  it('reports a point the schema rejects, and runs nothing', () => {
    const s = small();
    const agents = sweepParams(s, groupPeaks(s))[0];
    const r = sweepScenarios(s, agents, [1, 30_000]);
    expect(r).toEqual({
      ok: false,
      problems: [
        expect.stringMatching(/^point 2 \(agents:home\/voice = 30000\): sites\[0\]\.groups\[0\]\.agents: /),
      ],
    });
  });
});

describe('app state (links and storage)', () => {
  it('round-trips through a link and validates', async () => {
    const s = small();
    const variants = [
      { name: 'b', scenario: (withGroupAgents(s, 'home/voice', 5) as { scenario: Scenario }).scenario },
    ];
    const state = makeAppState(s, '7', variants);
    expect(state).toEqual({ version: 1, scenario: s, seed: '7', variants });
    const text = await encodeState(state);
    expect(text.startsWith('v1.')).toBe(true);
    const back = validateAppState(await decodeState(text));
    expect(back).toEqual({ ok: true, state });
  });

  it('an old link’s slider moves are written into its scenario', () => {
    const s = small();
    const old = {
      ...makeAppState(s, '7', []),
      sliders: { agents: { 'home/voice': 5 }, splits: { voice: { home: 20, away: 80 } } },
    };
    const back = validateAppState(old);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.state.scenario.sites[0].groups[0].agents).toBe(5);
    expect(back.state.scenario.routing!.voice!.split).toEqual({ home: 20, away: 80 });
    expect('sliders' in back.state).toBe(false);
  });

  it('names every problem with its path', () => {
    const bad = {
      version: 2,
      scenario: small(),
      seed: '',
      sliders: { agents: { 'home/voice': -1 }, splits: { fax: {} } },
      variants: [{ name: 'x', scenario: { ...small(), sites: [] } }, 3],
    };
    const r = validateAppState(bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]).toMatch(/^version: /);
    expect(r.problems).toContain('seed: must be a non-empty text');
    expect(r.problems).toContain('sliders.agents.home/voice: must be a whole number ≥ 0');
    expect(r.problems).toContain('sliders.splits.fax: not a channel');
    expect(r.problems.some((p) => p.startsWith('variants[0].scenario.sites'))).toBe(true);
    expect(r.problems).toContain('variants[1]: must be { name, scenario }');
    expect(validateAppState(null)).toEqual({ ok: false, problems: ['(root): must be an object'] });
  });

  it('unique variant names', () => {
    expect(uniqueNames(['a', 'a', ' ', 'a (2)', 'b'])).toEqual(['a', 'a (2)', 'variant', 'a (2) (2)', 'b']);
  });
});

describe('the compare panel state', () => {
  const named = (s: CompareData) => s.variants.map((v) => v.name);
  const three = () => {
    let s = initialCompareData();
    for (const n of ['a', 'b', 'a']) s = withVariantAdded(s, n, small());
    return s;
  };
  const ran = (s: CompareData): CompareData => ({
    ...s,
    comparison: { result: {} as never, seed: '1', stale: false, on: s },
  });

  it('adds variants under unique names, and marks the last results stale', () => {
    const s = withVariantAdded(ran(three()), 'b', small());
    expect(named(s)).toEqual(['a', 'b', 'a (2)', 'b (2)']);
    expect(s.comparison?.stale).toBe(true);
    expect(initialCompareData().variants).toEqual([]);
  });

  it('keeps the base on the same variant when another is removed', () => {
    const s = withBase(three(), 2);
    expect(withVariantRemoved(s, 0).baseIndex).toBe(1); // "a (2)" moved up
    expect(named(withVariantRemoved(s, 0))).toEqual(['b', 'a (2)']);
    expect(withVariantRemoved(s, 1).baseIndex).toBe(1);
    expect(withVariantRemoved(s, 2).baseIndex).toBe(0); // the base itself: back to the first
    expect(withVariantRemoved(withBase(three(), 1), 2).baseIndex).toBe(1);
    expect(withVariantRemoved(ran(s), 1).comparison?.stale).toBe(true);
  });

  it('renames unique against the others, without changing the old state', () => {
    const before = three();
    const s = withVariantRenamed(before, 1, 'a');
    expect(named(s)).toEqual(['a', 'a (3)', 'a (2)']);
    expect(named(before)).toEqual(['a', 'b', 'a (2)']);
    expect(named(withVariantRenamed(before, 1, 'c'))).toEqual(['a', 'c', 'a (2)']);
  });

  it('replacing the variants drops the results and the base choice', () => {
    const s = withVariants(withBase(ran(three()), 2), [
      { name: 'x', scenario: small() },
      { name: 'x', scenario: small() },
    ]);
    expect(named(s)).toEqual(['x', 'x (2)']);
    expect(s.baseIndex).toBe(0);
    expect(s.comparison).toBeNull();
  });
});

describe('figures in the table', () => {
  it('formats means, intervals and paired differences in their units', () => {
    expect(fmtEstimate('cost', { mean: 1728.4, ci95: 12.2 })).toBe('1,728 ± 12');
    expect(fmtEstimate('serviceLevel', { mean: 0.792, ci95: 0.046 })).toBe('79.2 % ± 4.6 %');
    expect(fmtEstimate('asa', { mean: 7.4, ci95: null })).toBe('7.4 s');
    expect(fmtEstimate('asa', { mean: null, ci95: null })).toBe('–');
    expect(fmtDiff('serviceLevel', 0.133, 0.08)).toBe('+13.3 ± 8.0 pt');
    expect(fmtDiff('abandonRate', -0.113, 0.054)).toBe('−11.3 ± 5.4 pt');
    expect(fmtDiff('cost', 1440, 0)).toBe('+1,440 ± 0');
    expect(fmtDiff('costPerResolved', -2.5, 0.5)).toBe('−2.50 ± 0.50');
    expect(fmtDiff('resolutionHours', null, null)).toBe('–');
    expect(fmtEstimate('resolutionHours', { mean: 0.07, ci95: 0.004 })).toBe('4.2 min ± 14 s');
    expect(fmtEstimate('resolutionHours', { mean: 30, ci95: 1.5 })).toBe('30.0 h ± 90.0 min');
    expect(fmtEstimate('resolutionHours', { mean: 72, ci95: null })).toBe('3.0 d');
  });
});
