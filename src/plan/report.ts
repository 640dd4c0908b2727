/**
 * The plan as a result file (SPEC §8: `requirement`, `shifts`, `cost`, `verification`) and as CSV
 * (the requirement per interval). Plain data, shared by the command line and the app.
 */
import { csvField } from '../optimise/csv';
import type { PlanOutcome } from './plan';
import type { Verification } from './verify';

export interface PlanReportRequirementRow {
  interval: number;
  /** "HH:MM", client time */
  start: string;
  /** agents required per "site/group" (after the simulation's correction) */
  groups: Record<string, number>;
  /** the Erlang figure before the correction */
  erlang: Record<string, number>;
  /** agents the shift plan has working */
  scheduled: Record<string, number>;
}

export function requirementRows(o: PlanOutcome): PlanReportRequirementRow[] {
  const r = o.requirement;
  return r.starts.map((start, j) => ({
    interval: j,
    start,
    groups: Object.fromEntries(r.groups.map((g, i) => [g.label, r.agents[i][j]])),
    erlang: Object.fromEntries(r.groups.map((g, i) => [g.label, o.erlang.agents[i][j]])),
    scheduled: Object.fromEntries(r.groups.map((g, i) => [g.label, o.scheduled[i][j]])),
  }));
}

export function shiftsBySite(o: PlanOutcome) {
  const out: Record<string, unknown[]> = {};
  for (const site of o.scenario.sites) out[site.id] = [];
  o.shifts.forEach((p, i) => {
    const g = o.requirement.groups[i];
    for (const s of p.shifts)
      out[g.siteId].push({
        group: g.groupId,
        start: s.start,
        end: s.end,
        ...(s.break ? { break: s.break } : {}),
        agents: s.agents,
        hours: s.hours,
        costPerAgent: round(s.costPerAgent, 4),
      });
  });
  return out;
}

function verificationJson(v: Verification) {
  return {
    replications: v.replications,
    met: v.met,
    channels: v.channels,
    missed: v.missed,
    intervals: v.intervals,
  };
}

/** The JSON result (format 1, kind "plan"). */
export function planJson(o: PlanOutcome, meta: { scenario: string; seed: string; replications: number }) {
  return {
    format: 1,
    kind: 'plan',
    ...meta,
    targets: o.targets,
    split: o.split,
    requirement: requirementRows(o),
    impossible: o.requirement.impossible,
    correction: o.rounds,
    planRounds: o.planRounds,
    shifts: shiftsBySite(o),
    solver: o.shifts.map((p) => ({
      group: p.label,
      status: p.status,
      gap: p.gap,
      candidates: p.candidates,
      uncovered: p.uncovered.map((j) => o.requirement.starts[j]),
    })),
    cost: o.cost,
    verification: verificationJson(o.verification),
  };
}

/** CSV of the requirement per interval: interval, start, group, erlang, required, scheduled. */
export function requirementCsv(o: PlanOutcome): string {
  const lines = ['interval,start,site,group,erlang,required,scheduled'];
  const r = o.requirement;
  r.starts.forEach((start, j) =>
    r.groups.forEach((g, i) =>
      lines.push(
        [
          j,
          start,
          csvField(g.siteId),
          csvField(g.groupId),
          o.erlang.agents[i][j],
          r.agents[i][j],
          o.scheduled[i][j],
        ].join(','),
      ),
    ),
  );
  return lines.join('\n') + '\n';
}

function round(x: number, d: number): number {
  const f = 10 ** d;
  return Math.round(x * f) / f;
}
