/**
 * One sweep for the app and the command line (src/optimise/sweep.ts): an agents sweep means what the
 * live slider means (src/scenario/staffing.ts) — for a group with shifts, its pattern scaled so its
 * peak is the value — whether it is asked for by the app's parameter list or by `--param agents:…`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseParam } from '../src/optimise/params';
import { sweepPoints } from '../src/optimise/sweep';
import { groupPeaks, withGroupAgents } from '../src/scenario/staffing';
import type { Scenario } from '../src/sim/index';
import { sweepParams, sweepScenarios } from '../src/ui/compare/runs';

const bundled = (id: string): Scenario =>
  JSON.parse(readFileSync(new URL(`../scenarios/${id}.json`, import.meta.url), 'utf8')) as Scenario;

describe('an agents sweep', () => {
  it('sets a shift group’s peak to each value, the same in the app and on the command line', () => {
    const s = bundled('follow-the-sun');
    const key = [...groupPeaks(s).keys()].find((k) => {
      const [site, group] = k.split('/');
      return !!s.sites.find((x) => x.id === site)?.groups.find((g) => g.id === group)?.shifts;
    })!;
    expect(key).toBeDefined();
    const values = Array.from({ length: 40 }, (_, i) => i + 1); // rounding shifts misses some peaks by one
    const parsed = parseParam(`agents:${key}`);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const cli = sweepPoints(s, parsed.param, values);
    const appParam = sweepParams(s, groupPeaks(s)).find((p) => p.kind === 'agents' && p.key === key)!;
    const app = sweepScenarios(s, appParam, values);
    expect(cli.ok && app.ok).toBe(true);
    if (!cli.ok || !app.ok) return;
    expect(app.scenarios).toEqual(cli.scenarios);
    cli.scenarios.forEach((point, i) => {
      expect(groupPeaks(point).get(key)).toBe(values[i]);
      const slider = withGroupAgents(s, key, values[i]);
      expect(slider.ok && slider.scenario).toEqual(point);
    });
  });

  it('names a group that does not exist', () => {
    const parsed = parseParam('agents:nowhere/none');
    if (!parsed.ok) throw new Error(parsed.problem);
    const r = sweepPoints(bundled('onshore-baseline'), parsed.param, [5]);
    expect(r).toEqual({
      ok: false,
      problems: ['point 1 (agents:nowhere/none = 5): agents nowhere/none: no such group'],
    });
    expect(parseParam('agents:no-slash').ok).toBe(false);
  });
});
