/**
 * The week strip's figures (src/ui/live/week-strip.ts): each closed interval's arrivals land on its day,
 * the day's service level is the handled-weighted mean of its intervals', and day labels follow
 * horizon.startDate (undated: day 1 a Monday).
 */
import { describe, expect, it } from 'vitest';
import type { IntervalValues, ReplicationOutcome } from '../src/sim/result';
import { dailyFigures, dayLabels } from '../src/ui/live/week-strip';

/** An outcome whose intervals carry only the totals the strip reads. */
function outcomeOf(rows: { offered: number; handled: number; serviceLevel: number | null }[]) {
  return {
    intervals: rows.map((r) => ({ channels: {}, total: r as unknown as IntervalValues })),
  } as unknown as ReplicationOutcome;
}

describe('week strip figures', () => {
  it('puts each closed interval on its day (12-hour intervals: two a day)', () => {
    const o = outcomeOf([
      { offered: 10, handled: 8, serviceLevel: 0.5 },
      { offered: 20, handled: 2, serviceLevel: 1 },
      { offered: 7, handled: 4, serviceLevel: 0.25 },
      { offered: 1000, handled: 1000, serviceLevel: 0 }, // still open: not counted
    ]);
    const f = dailyFigures(o, 3, 43_200, [0, 86_400, 172_800, 259_200]);
    expect(f[0].offered).toBe(30);
    expect(f[0].serviceLevel).toBeCloseTo((0.5 * 8 + 1 * 2) / 10, 12);
    expect(f[1]).toEqual({ offered: 7, serviceLevel: 0.25 });
    expect(f[2].offered).toBeNaN(); // not begun
    expect(f[2].serviceLevel).toBeNull();
  });

  it('labels days by date, or as weekdays from a Monday when undated', () => {
    // 8 March 2026 is the second Sunday of March (the US clock change)
    expect(dayLabels(3, '2026-03-08')).toEqual(['Sun 8 Mar', 'Mon 9 Mar', 'Tue 10 Mar']);
    expect(dayLabels(2, '2026-12-31')).toEqual(['Thu 31 Dec', 'Fri 1 Jan']);
    expect(dayLabels(8, undefined).slice(6)).toEqual(['Day 7 · Sun', 'Day 8 · Mon']);
  });
});
