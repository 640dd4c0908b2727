/**
 * The Plan panel's figures, from a plan (plain data, no DOM): requirement and scheduled agents per
 * site over the day, the shift list, the cost rows and the verification summary.
 */
import type { PlanOutcome } from '../../plan/plan';
import { mod, siteOffsetMinutes } from '../../plan/requirement';

export interface SiteSeries {
  siteId: string;
  name: string;
  /** agents required per client interval (summed over the site's groups) */
  required: number[];
  /** agents the plan has working per client interval */
  scheduled: number[];
}

export function siteSeries(o: PlanOutcome): SiteSeries[] {
  const perDay = o.requirement.starts.length;
  return o.scenario.sites.map((site, s) => {
    const required = new Array<number>(perDay).fill(0);
    const scheduled = new Array<number>(perDay).fill(0);
    o.requirement.groups.forEach((g, i) => {
      if (g.site !== s) return;
      for (let j = 0; j < perDay; j++) {
        required[j] += o.requirement.agents[i][j];
        scheduled[j] += o.scheduled[i][j];
      }
    });
    return { siteId: site.id, name: site.name, required, scheduled };
  });
}

export interface ShiftRow {
  /** the site's name (its id if it has none) */
  site: string;
  group: string;
  start: string;
  end: string;
  break: string;
  agents: number;
  hours: number;
  costPerAgent: number;
  /** the client intervals the shift works whole (its break left out), as text */
  covers: string;
}

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
};

/** Client intervals j that a shift (local times) works from start to end, its break left out. */
export function coveredIntervals(
  o: PlanOutcome,
  site: number,
  shift: { start: string; end: string; break?: { start: string; end: string } },
): number[] {
  const L = o.requirement.intervalMinutes;
  const off = siteOffsetMinutes(o.scenario, o.scenario.sites[site]);
  const start = minutesOf(shift.start);
  const length = mod(minutesOf(shift.end) - start, 1440) || 1440;
  const inside = (a: number, b: number) => mod(a - start, 1440) + (b - a) <= length;
  const brk = shift.break ? [mod(minutesOf(shift.break.start) - start, 1440), 0] : null;
  if (brk && shift.break)
    brk[1] = brk[0] + mod(minutesOf(shift.break.end) - minutesOf(shift.break.start), 1440);
  const out: number[] = [];
  o.requirement.starts.forEach((_, j) => {
    const local = mod(j * L + off, 1440);
    if (!inside(local, local + L)) return;
    const rel = mod(local - start, 1440);
    if (brk && rel < brk[1] && rel + L > brk[0]) return;
    out.push(j);
  });
  return out;
}

/** "client 08:00–12:00 and 13:00–16:30 (15 intervals of 30 min)": runs of consecutive intervals. */
export function coverText(o: PlanOutcome, js: number[]): string {
  const L = o.requirement.intervalMinutes;
  const n = o.requirement.starts.length;
  const end = (j: number) => o.requirement.starts[(j + 1) % n];
  const runs: string[] = [];
  for (let i = 0; i < js.length;) {
    let k = i;
    while (k + 1 < js.length && js[k + 1] === js[k] + 1) k++;
    runs.push(`${o.requirement.starts[js[i]]}–${end(js[k])}`);
    i = k + 1;
  }
  if (js.length === 0) return 'covers no whole client interval';
  return `covers client ${runs.join(' and ')} (${js.length} intervals of ${L} min)`;
}

export function shiftRows(o: PlanOutcome): ShiftRow[] {
  return o.shifts.flatMap((p, i) => {
    const g = o.requirement.groups[i];
    return p.shifts.map((s) => ({
      site: o.scenario.sites[g.site]?.name ?? g.siteId,
      group: g.groupId,
      start: s.start,
      end: s.end,
      break: s.break ? `${s.break.start}–${s.break.end}` : '',
      agents: s.agents,
      hours: s.hours,
      costPerAgent: s.costPerAgent,
      covers: coverText(o, coveredIntervals(o, g.site, s)),
    }));
  });
}

export interface CostRow {
  label: string;
  paidHours: number;
  labour: number;
  peak: number;
}

export function costRows(o: PlanOutcome): CostRow[] {
  const c = o.cost;
  return [
    ...Object.entries(c.bySite).map(([id, x]) => ({
      label: o.scenario.sites.find((s) => s.id === id)?.name ?? id,
      paidHours: x.paidHours,
      labour: x.labour,
      peak: c.peakStaffing.bySite[id],
    })),
    { label: 'Total', paidHours: c.total.paidHours, labour: c.total.labour, peak: c.peakStaffing.total },
  ];
}

export interface VerificationSummary {
  met: boolean;
  checks: number;
  metIntervals: number;
  unclear: number;
  missed: { text: string; impossible: boolean }[];
}

export function verificationSummary(o: PlanOutcome): VerificationSummary {
  const v = o.verification;
  const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)} %`);
  return {
    met: v.met,
    checks: v.intervals.length,
    metIntervals: v.intervals.filter((x) => x.status === 'met').length,
    unclear: v.intervals.filter((x) => x.status === 'unclear').length,
    missed: v.missed.map((m) => ({
      text:
        `day ${m.day} ${m.start} ${m.channel} ${m.figure === 'serviceLevel' ? 'SL' : 'abandon'} ` +
        `${pct(m.mean)} ± ${pct(m.ci95)} (target ${pct(m.target)})` +
        (m.impossible ? ` — ${m.impossible}` : ''),
      impossible: m.impossible !== undefined,
    })),
  };
}

/** "voice:sl=0.8,ab=0.05;chat:sl=0.8" for the targets field, from the plan's or a scenario's targets. */
export function targetsText(targets: PlanOutcome['targets']): string {
  return Object.entries(targets)
    .map(([k, t]) => {
      const parts: string[] = [];
      if (t?.serviceLevel !== undefined) parts.push(`sl=${t.serviceLevel}`);
      if (t?.abandonRate !== undefined) parts.push(`ab=${t.abandonRate}`);
      return `${k}:${parts.join(',')}`;
    })
    .join(';');
}
