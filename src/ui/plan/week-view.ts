/**
 * (issue 29) The Plan panel's week, for a scenario with several days (week-plan.ts): the roster
 * choice in the form, and in the results the week as a planner reads it —
 *
 * - one chart across the seven days (uPlot, as the day's chart): agents required (dashed) and
 *   scheduled (solid), all groups together, each day labelled with its date or weekday. One chart
 *   rather than a day selector: the week's shape (a Monday peak, a weekend dip) is the point;
 * - a table per day: agent-hours required and scheduled, the peaks, the day's shift cost, and its
 *   verdict in the one simulation of all the days (met or missed, its interval checks met, unclear and
 *   missed), then the missed intervals by day and time, and each channel over the days (the CLI's
 *   per-day verdict, week-verify.ts's renderWeekVerdict, in a table);
 * - with a roster pattern, the roster: per group the agents needed on shift and the rostered agents
 *   working each weekday, the patterns as days off ("off Sat–Sun"), rostered agents and heads needed
 *   (rostered ÷ (1 − shrinkage)).
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { dayLabel } from '../../format/dates';
import { parseRoster } from '../../plan/roster';
import { WEEKDAYS, type GroupRoster } from '../../plan/week';
import type { Scenario } from '../../sim/scenario';
import { h, uid } from '../dom';
import { textTable } from './table';
import { hasSeveralDays, ROSTER_CHOICES, type RosterChoice, type WeekSummary } from './week-plan';

const money = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 0 });
const ROSTER_TEXT: Record<RosterChoice, string> = {
  none: 'none (shifts per day only)',
  '5x8': '5x8: five 8-hour days, two days off in a row',
  '4x10': '4x10: four 10-hour days, three days off in a row',
};

export interface RosterSelect {
  element: HTMLElement;
  read(): RosterChoice;
  /** shown only for a scenario with several days */
  update(scenario: Scenario | null): void;
}

/**
 * The shift lengths a roster pattern sets (as `plan --roster` does), or a problem when the form names
 * lengths of its own; nothing for "none" or a one-day scenario.
 */
export function rosterLengths(
  choice: RosterChoice,
  scenario: Scenario,
  typed: number[] | undefined,
): { lengths?: number[]; problem?: string } {
  if (choice === 'none' || !hasSeveralDays(scenario)) return {};
  if (typed) return { problem: `Shift lengths: leave blank with a roster pattern (${choice} sets them)` };
  return { lengths: [...new Set(parseRoster(choice).map((p) => p.hoursPerDay))] };
}

export function buildRosterSelect(): RosterSelect {
  const id = uid('plan-roster');
  const select = h('select', { id, 'data-testid': 'plan-roster' });
  for (const c of ROSTER_CHOICES) select.append(h('option', { value: c, text: ROSTER_TEXT[c] }));
  const note = h('p', { class: 'note' });
  const element = h(
    'div',
    { class: 'plan-option', hidden: true },
    h('label', { for: id, text: 'Roster the week on patterns ' }),
    select,
    note,
  );
  return {
    element,
    read: () => select.value as RosterChoice,
    update(s) {
      element.hidden = !s || !hasSeveralDays(s);
      const days = s?.horizon?.days ?? 1;
      note.textContent =
        (days > 1
          ? `This scenario has ${days} days: each is planned at its own volume and all are verified together by one simulation, with a verdict per day.`
          : 'Volumes change by day: with a pattern the plan covers the week (seven days), each day at its own volume, verified together; with none, day 1 alone.') +
        ' A pattern sets the shifts’ length and rosters the week.';
    },
  };
}

/** "Mon 7 Dec" when dated, else "Day 2 · Tue". */
export function weekDayLabel(d: { day: number; date?: string }): string {
  return dayLabel(d.day, d.date);
}

/** A pattern's days off, Monday first: "off Sat–Sun", "off Sun, Wed". */
export function daysOff(flags: string): string {
  const off = [...flags].map((c, i) => (c === '0' ? i : -1)).filter((i) => i >= 0);
  if (off.length === 0) return 'no day off';
  // a run of consecutive days (wrapping over the week's end) reads as a range
  const start = off.find((i) => !off.includes((i + 6) % 7)) ?? off[0];
  const run = off.map((_, k) => (start + k) % 7);
  const consecutive = run.every((i) => off.includes(i));
  if (consecutive && off.length > 1)
    return `off ${WEEKDAYS[start]}–${WEEKDAYS[(start + off.length - 1) % 7]}`;
  return `off ${off.map((i) => WEEKDAYS[i]).join(', ')}`;
}

/** Required (dashed) and scheduled (solid) agents across the week, stepped, one x unit = one hour. */
function weekChart(w: WeekSummary, width: number): { element: HTMLElement; chart: uPlot } {
  const L = w.intervalMinutes / 60;
  // days of their own length (23 or 25 hours when the clocks change): each starts where the last ended
  const dayStarts: number[] = [];
  let n = 0;
  for (const d of w.days) {
    dayStarts.push(n * L);
    n += d.required.length;
  }
  const x = Array.from({ length: n + 1 }, (_, k) => k * L);
  const ext = (a: number[]) => [...a, a[a.length - 1]];
  const required = ext(w.days.flatMap((d) => d.required));
  const scheduled = ext(w.days.flatMap((d) => d.scheduled));
  const labels = w.days.map(weekDayLabel);
  const plotHost = h('div', { 'data-testid': 'plan-week-chart' });
  const element = h(
    'figure',
    { class: 'chart' },
    h('div', { class: 'plan-chart-row' }, h('span', { class: 'plan-y-label', text: 'Agents' }), plotHost),
    h('figcaption', {
      text: 'Agents over the week (client time, all sites): required (dashed), scheduled by each day’s shifts (solid)',
    }),
  );
  const line = { paths: uPlot.paths.stepped!({ align: 1 }), points: { show: false } };
  const axisColor = '#94a3b8';
  const chart = new uPlot(
    {
      width,
      height: 220,
      legend: { live: false },
      series: [
        { label: 'time' },
        { ...line, label: 'required', stroke: '#f87171', dash: [5, 4], width: 1.5 },
        { ...line, label: 'scheduled', stroke: '#38bdf8', width: 2 },
      ],
      scales: { x: { time: false, range: [0, n * L] } },
      axes: [
        {
          stroke: axisColor,
          splits: () => dayStarts,
          values: (_u, ticks) => ticks.map((t) => labels[dayStarts.indexOf(t)] ?? ''),
        },
        { stroke: axisColor },
      ],
      cursor: { drag: { x: false, y: false } },
    },
    [x, required, scheduled] as uPlot.AlignedData,
    plotHost,
  );
  return { element, chart };
}

const pctText = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)} %`);
const figureText = (f: 'serviceLevel' | 'abandonRate') => (f === 'serviceLevel' ? 'SL' : 'abandon');

/** "met", "missed (3 intervals)"; missed judgements that no staffing can meet do not count against it. */
function verdictText(v: WeekSummary['days'][number]['verdict']): string {
  const hard = v.missed.filter((m) => m.impossible === undefined).length;
  if (v.met) return hard === 0 && v.missed.length > 0 ? 'met (except where it cannot be)' : 'met';
  return `missed (${hard} interval check${hard === 1 ? '' : 's'})`;
}

/** "2", or "0 (+ 4 no staffing can meet)", as the CLI counts them. */
function missedCount(v: WeekSummary['days'][number]['verdict']): string {
  const hard = v.missed.filter((m) => m.impossible === undefined).length;
  const soft = v.missed.length - hard;
  return soft > 0 ? `${hard} (+ ${soft} no staffing can meet)` : String(hard);
}

function dayTable(w: WeekSummary): HTMLTableElement {
  const rows = w.days.map((d) => {
    const v = d.verdict;
    return [
      weekDayLabel(d),
      d.requiredHours.toFixed(0),
      d.scheduledHours.toFixed(0),
      String(Math.max(...d.required)),
      String(Math.max(...d.scheduled)),
      money(d.cost),
      verdictText(v),
      `${v.checks - v.unclear - v.missed.length} of ${v.checks}`,
      String(v.unclear),
      missedCount(v),
    ];
  });
  return textTable(
    'plan-week-days',
    [
      'day',
      'agent-hours required',
      'agent-hours scheduled',
      'peak required',
      'peak scheduled',
      'shift cost',
      'verdict',
      'checks met',
      'unclear',
      'missed',
    ],
    rows,
  );
}

/** The week's verdict: the run, the rounds, the missed intervals by day and each channel over the days. */
function weekVerdict(w: WeekSummary): Node[] {
  const v = w.verification;
  const byDay = new Map(w.days.map((d) => [d.day, weekDayLabel(d)]));
  const missing = w.days.filter((d) => !d.verdict.met).map((d) => weekDayLabel(d));
  const rounds =
    w.rounds.length > 1
      ? ` The days’ shifts were solved again where it missed: ${w.rounds.length} runs, intervals missed ${w.rounds.join(' → ')}.`
      : '';
  const summary =
    missing.length === 0 && v.channels.every((c) => c.ok)
      ? 'Every day meets its targets (except where they cannot be met).'
      : `Days missing a target: ${missing.join(', ') || 'none (a channel over the days misses)'}.`;
  const channels = v.channels.map((c) => [
    c.channel,
    `${figureText(c.figure)} ${c.figure === 'serviceLevel' ? '≥' : '≤'} ${pctText(c.target)}`,
    c.mean === null ? '–' : `${(c.mean * 100).toFixed(1)} ± ${((c.ci95 ?? 0) * 100).toFixed(1)} %`,
    c.ok ? 'yes' : 'NO',
  ]);
  // as the CLI: the intervals staffing could have met; the others are counted in the day's row
  const missed = v.missed
    .filter((m) => m.impossible === undefined)
    .map((m) =>
      h('li', {
        text:
          `missed: ${byDay.get(m.day) ?? `day ${m.day}`} ${m.start} ${m.channel} ${figureText(m.figure)} ` +
          `${pctText(m.mean)} ± ${pctText(m.ci95)} (target ${pctText(m.target)})`,
      }),
    );
  return [
    h('p', {
      'data-testid': 'plan-week-verdict',
      text: `The ${w.days.length} days verified together: one simulation, ${v.replications} replications, a verdict per day.${rounds} ${summary}`,
    }),
    h('ul', { class: 'problems', 'data-testid': 'plan-week-missed', hidden: missed.length === 0 }, ...missed),
    textTable(
      'plan-week-channels',
      ['channel over the days', 'target', 'simulated (95 % CI)', 'met'],
      channels,
    ),
  ];
}

function rosterRows(groups: GroupRoster[]): string[][] {
  return groups.map((g) => [
    g.label,
    String(g.hoursPerDay),
    ...g.need.map((n, i) => `${n}/${g.working[i]}`),
    String(g.rostered),
    `${g.heads.toFixed(1)} → ${g.headsWhole}`,
  ]);
}

function rosterPart(r: NonNullable<WeekSummary['roster']>): Node[] {
  const patterns = r.groups.map((g) =>
    h('li', {
      text: `${g.label}: ${g.entries.map((e) => `${e.agents} × ${daysOff(e.pattern)}`).join(', ')}`,
    }),
  );
  return [
    h('h3', { text: `Roster (${r.pattern})` }),
    h('p', {
      'data-testid': 'plan-roster-summary',
      text:
        `${r.rostered} agents rostered on ${r.pattern} patterns with consecutive days off; ` +
        `${r.headsWhole} heads needed (rostered ÷ (1 − each site’s shrinkage): ${r.heads.toFixed(1)}).`,
    }),
    textTable('plan-roster', ['group', 'h/day', ...WEEKDAYS, 'rostered', 'heads'], rosterRows(r.groups)),
    h('p', {
      class: 'note',
      text: 'Per weekday: agents on that day’s shifts / rostered agents at work that day.',
    }),
    h('ul', { class: 'plan-patterns', 'data-testid': 'plan-roster-patterns' }, ...patterns),
  ];
}

/** The week's part of the results; the chart is measured once the element is in the page. */
export function weekView(w: WeekSummary, width: number): { nodes: Node[]; chart: uPlot } {
  const drawn = weekChart(w, width);
  const total = `${w.days.length} days, shift cost ${money(w.cost)} in the week`;
  return {
    chart: drawn.chart,
    nodes: [
      h('h3', { text: 'The week: agents required and scheduled' }),
      h('p', { 'data-testid': 'plan-week-total', text: total }),
      drawn.element,
      dayTable(w),
      ...weekVerdict(w),
      ...(w.roster ? rosterPart(w.roster) : []),
    ],
  };
}
