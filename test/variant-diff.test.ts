/**
 * Variants named by what changed (src/ui/compare/variant-diff.ts), and the split and agents columns.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withGroupAgents, withSplitWeights } from '../src/scenario/staffing';
import type { Scenario } from '../src/sim/scenario';
import { setAt } from '../src/ui/editor/edits';
import { agentsBySite, describeDifference, splitSummary, variantName } from '../src/ui/compare/variant-diff';

const load = (id: string): Scenario =>
  JSON.parse(readFileSync(new URL(`../scenarios/${id}.json`, import.meta.url), 'utf8')) as Scenario;
const ok = (r: { ok: true; scenario: Scenario } | { ok: false; problem: string }) => {
  if (!r.ok) throw new Error(r.problem);
  return r.scenario;
};

describe('variant names say what changed', () => {
  const base = load('offshore-voice'); // voice: Columbus 25 %, Manila 75 %; Columbus 20 agents

  it('a split move names the site that gained, from → to', () => {
    const next = ok(withSplitWeights(base, 'voice', { columbus: 0, manila: 100 }));
    expect(describeDifference(base, next)).toBe('voice: Manila outsourcer 75 → 100 %');
    expect(variantName(base, next)).toBe('voice: Manila outsourcer 75 → 100 %');
  });

  it('an agent change names the site and both counts; several changes are joined', () => {
    const fewer = ok(withGroupAgents(base, 'columbus/voice', 14));
    expect(describeDifference(base, fewer)).toBe('Columbus, OH agents 20 → 14');
    const both = ok(withSplitWeights(fewer, 'voice', { columbus: 10, manila: 90 }));
    expect(describeDifference(base, both)).toBe(
      'voice: Manila outsourcer 75 → 90 %; Columbus, OH agents 20 → 14',
    );
  });

  it('anything else is "other edits"; no change keeps the scenario name', () => {
    const fcr = setAt(base, ['sites', 0, 'firstContactResolution'], 0.9);
    expect(describeDifference(base, fcr)).toBe('other edits');
    expect(variantName(base, base)).toBe('offshore-voice');
    expect(variantName(null, fcr)).toBe('offshore-voice');
  });

  it('a site removed is named', () => {
    const onshore = load('onshore-baseline');
    const text = describeDifference(base, onshore);
    expect(text).toContain('− site Manila outsourcer');
  });

  it('the table columns: split per channel in percent, agents by site', () => {
    expect(splitSummary(base)).toEqual(['voice: Columbus, OH 25 · Manila outsourcer 75']);
    expect(agentsBySite(base)).toMatch(/^Columbus, OH 20 · Manila outsourcer \d+$/);
  });
});
