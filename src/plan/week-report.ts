/**
 * (v3) The week's plan as JSON (`week` in `plan --json`) and as text: requirement and shift entries
 * carry their `day`, and the roster reports heads needed (SPEC §8).
 */
import type { Requirement } from './requirement';
import { WEEKDAYS, type WeekPlan } from './week';

export function weekJson(w: WeekPlan, req: Requirement) {
  const dayOf = (d: WeekPlan['days'][number]) => ({
    day: d.day,
    weekday: d.weekday,
    ...(d.date ? { date: d.date } : {}),
  });
  return {
    days: w.days.map(dayOf),
    requirement: w.days.flatMap((d) =>
      d.starts.map((start, j) => ({
        ...dayOf(d),
        interval: j,
        start,
        agents: Object.fromEntries(req.groups.map((g, i) => [g.label, d.agents[i][j]])),
      })),
    ),
    shifts: w.days.flatMap((d) =>
      d.shifts.flatMap((p) =>
        p.shifts.map((x) => ({
          ...dayOf(d),
          site: req.groups[p.group]?.siteId ?? p.label.split('/')[0],
          group: p.label,
          ...x,
        })),
      ),
    ),
    roster: w.roster,
    rostered: w.rostered,
    heads: w.heads,
    headsWhole: w.headsWhole,
    shiftCost: w.cost,
  };
}

/** A text summary: agents on shift per day and the roster per group. */
export function renderWeek(w: WeekPlan): string {
  return w.roster.length > 0 ? renderRoster(w) : renderDays(w);
}

/** Without a roster: agents on each day's shifts per group, and the shifts' paid cost per day. */
function renderDays(w: WeekPlan): string {
  const head = ['group', ...w.days.map((d) => `${d.day} ${d.weekday}`)];
  const rows = (w.days[0]?.shifts ?? []).map((p, g) => [
    p.label,
    ...w.days.map((d) => String(d.shifts[g].shifts.reduce((a, x) => a + x.agents, 0))),
  ]);
  rows.push(['paid cost', ...w.days.map((d) => d.shifts.reduce((a, p) => a + p.cost, 0).toFixed(0))]);
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const fmt = (cells: string[]) =>
    cells.map((x, c) => (c === 0 ? x.padEnd(widths[c]) : x.padStart(widths[c]))).join('  ');
  return [
    'Days: agents on shift per day (each day planned at its own volume)',
    '',
    fmt(head),
    ...rows.map(fmt),
    '',
  ].join('\n');
}

function renderRoster(w: WeekPlan): string {
  const lines = ['Week (--roster): agents on shift per day, and the roster', ''];
  const head = ['group', 'h/day', ...w.days.map((d) => `${d.day} ${d.weekday}`), 'rostered', 'heads'];
  const rows = w.roster.map((r) => [
    r.label,
    String(r.hoursPerDay),
    ...w.days.map((d) => {
      const i = WEEKDAYS.indexOf(d.weekday);
      return `${r.need[i]}/${r.working[i]}`;
    }),
    String(r.rostered),
    `${r.heads.toFixed(1)} → ${r.headsWhole}`,
  ]);
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const fmt = (cells: string[]) =>
    cells.map((x, c) => (c === 0 ? x.padEnd(widths[c]) : x.padStart(widths[c]))).join('  ');
  lines.push(fmt(head), ...rows.map(fmt), '');
  lines.push("(need/working: agents on the day's shifts / rostered agents at work that day)");
  for (const r of w.roster)
    lines.push(
      `${r.label} ${r.hoursPerDay} h: ${r.entries.map((e) => `${e.agents} × ${e.pattern}`).join(', ')} (LP bound ${r.lpBound.toFixed(2)})`,
    );
  lines.push(
    `Total: ${w.rostered} rostered, heads needed ${w.heads.toFixed(1)} (${w.headsWhole} people) = rostered ÷ (1 − shrinkage)`,
  );
  return lines.join('\n') + '\n';
}
