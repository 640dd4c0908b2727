/**
 * (v3) The weekly roster (src/plan/roster.ts, `plan --roster`): agents on weekly patterns with
 * consecutive days off, by an integer program in HiGHS. Checked against the operations-research
 * classic with a known optimum, and against exhaustive search on small random instances.
 */
import { describe, expect, it } from 'vitest';
import { headsNeeded, parseRoster, rotations, solveRoster, type Pattern } from '../src/plan/roster';
import { loadSolver } from '../src/plan/solver';
import { createStream } from '../src/sim/random';

describe('weekly roster', () => {
  it('the textbook days-off case: needs 17,13,15,19,14,16,11 with 5 consecutive days → 23 agents (LP 22⅓)', async () => {
    const highs = await loadSolver();
    const need = [17, 13, 15, 19, 14, 16, 11];
    const r = solveRoster(highs, need, parseRoster('5x8'));
    expect(r.rostered).toBe(23);
    expect(r.lpBound).toBeCloseTo(22 + 1 / 3, 6);
    expect(r.status).toBe('optimal');
    r.working.forEach((w, d) => expect(w).toBeGreaterThanOrEqual(need[d]));
    // every rostered pattern is five consecutive days (wrapping), two consecutive days off
    for (const e of r.entries) expect(`${e.pattern}${e.pattern}`).toMatch(/11111/);
  });

  it('matches exhaustive search on small random instances (5x8 and 4x10, and a free-form list)', async () => {
    const highs = await loadSolver();
    const u = createStream('roster', 'brute');
    const sets: Pattern[][] = [rotations(5, 8), rotations(4, 10), parseRoster('1111100,0011111,1100111:10')];
    for (let trial = 0; trial < 12; trial++) {
      const patterns = sets[trial % sets.length];
      const need = Array.from({ length: 7 }, () => Math.floor(u() * 4));
      expect(solveRoster(highs, need, patterns).rostered, `${need} on ${patterns.length} patterns`).toBe(
        bruteForce(need, patterns),
      );
    }
  });

  it('parses 5x8, 4x10 and seven-flag lists; refuses the rest with the bad part named', () => {
    expect(parseRoster('5x8').map((p) => p.name)).toEqual([
      '1111100',
      '0111110',
      '0011111',
      '1001111',
      '1100111',
      '1110011',
      '1111001',
    ]);
    expect(
      parseRoster('4x10').every((p) => p.hoursPerDay === 10 && p.works.filter(Boolean).length === 4),
    ).toBe(true);
    expect(parseRoster('1111100:7.5')[0]).toMatchObject({ name: '1111100', hoursPerDay: 7.5 });
    expect(() => parseRoster('5x8,111110')).toThrow('"111110"');
    expect(() => parseRoster('0000000')).toThrow('works no day');
  });

  it('heads needed = rostered ÷ (1 − shrinkage)', () => {
    expect(headsNeeded(23, 0.3)).toEqual({ heads: 23 / 0.7, whole: 33 });
    expect(headsNeeded(20, 0.2).whole).toBe(25);
  });
});

/** The fewest agents covering the need, by trying every count 0…max(need) on every pattern. */
function bruteForce(need: number[], patterns: Pattern[]): number {
  const max = Math.max(...need);
  let best = Infinity;
  const x = new Array<number>(patterns.length).fill(0);
  const go = (i: number, sum: number) => {
    if (sum >= best) return;
    if (i === patterns.length) {
      const ok = need.every((n, d) => patterns.reduce((a, p, k) => a + (p.works[d] ? x[k] : 0), 0) >= n);
      if (ok) best = sum;
      return;
    }
    for (let v = 0; v <= max; v++) {
      x[i] = v;
      go(i + 1, sum + v);
    }
    x[i] = 0;
  };
  go(0, 0);
  return best;
}
