/**
 * Putting staffing into a scenario as group shifts (SPEC §3): a per-interval requirement becomes
 * one shift per run of intervals with the same count (in the site's local time), and a shift plan
 * replaces each group's agents or shifts.
 */
import { formatClock } from '../sim/clock';
import type { Scenario, Shift } from '../sim/scenario';
import { mod, siteOffsetMinutes, type GroupRef, type Requirement } from './requirement';

export function hhmm(minuteOfDay: number): string {
  return formatClock(mod(Math.round(minuteOfDay), 1440) * 60);
}

/** A copy of the scenario whose groups work these shifts (a group without any gets one of 0 agents). */
export function withShifts(
  scenario: Scenario,
  groups: readonly GroupRef[],
  shifts: readonly Shift[][],
): Scenario {
  const copy = structuredClone(scenario);
  groups.forEach((ref, i) => {
    const g = copy.sites[ref.site].groups[ref.group];
    delete g.agents;
    g.shifts =
      shifts[i].length > 0 ? shifts[i].map((s) => ({ ...s })) : [{ start: '00:00', end: '01:00', agents: 0 }];
  });
  return copy;
}

/** Shifts that staff each group at exactly its requirement, interval by interval. */
export function requirementShifts(scenario: Scenario, req: Requirement): Shift[][] {
  const L = req.intervalMinutes;
  const perDay = req.starts.length;
  return req.groups.map((ref, g) => {
    const row = req.agents[g];
    // (v3) a dated day: the site's offset from the client at the day's start (frame.ts)
    const off = req.frame
      ? req.frame.siteLocal[ref.site][0]
      : siteOffsetMinutes(scenario, scenario.sites[ref.site]);
    const out: Shift[] = [];
    // runs of equal counts on the day's circle, starting where the count changes (or at 0)
    let first = 0;
    while (first < perDay && row[first] === row[mod(first - 1, perDay)]) first++;
    if (first === perDay) {
      if (row[0] > 0)
        out.push(
          { start: hhmm(off), end: hhmm(off + 1440 - L), agents: row[0] },
          { start: hhmm(off + 1440 - L), end: hhmm(off), agents: row[0] },
        );
      return out;
    }
    for (let k = 0; k < perDay;) {
      const j = (first + k) % perDay;
      let len = 1;
      while (k + len < perDay && row[(first + k + len) % perDay] === row[j]) len++;
      if (row[j] > 0) out.push({ start: hhmm(j * L + off), end: hhmm((j + len) * L + off), agents: row[j] });
      k += len;
    }
    return out;
  });
}

/** The scenario staffed at the requirement. */
export function requirementScenario(scenario: Scenario, req: Requirement): Scenario {
  return withShifts(scenario, req.groups, requirementShifts(scenario, req));
}
