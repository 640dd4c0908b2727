/**
 * Interval chart (uPlot): service level per channel (left axis, %) and queue length at each
 * interval's end (right axis), over the run. Only closed intervals are drawn — the open one is still
 * counting.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { ReplicationOutcome } from '../sim/result';
import type { SimulationMeta } from '../sim/snapshot';
import { formatClock } from '../sim/clock';
import { CHANNEL_COLOR, cssColor } from '../render/palette';
import { h } from './dom';

export interface IntervalChart {
  element: HTMLElement;
  update(outcome: ReplicationOutcome, intervalsClosed: number): void;
  destroy(): void;
}

/** Per channel its service level, then per channel its queue, then the targets' lines. */
function chartSeries(meta: SimulationMeta, targets: readonly { label: string }[]): uPlot.Series[] {
  const series: uPlot.Series[] = [{ label: 'time' }];
  for (const ch of meta.channels) {
    series.push({
      label: `${ch.kind} SL`,
      scale: '%',
      stroke: cssColor(CHANNEL_COLOR[ch.kind]),
      width: 2,
      value: (_u, v) => (v === null || v === undefined ? '–' : `${v.toFixed(0)} %`),
    });
  }
  for (const ch of meta.channels) {
    series.push({
      label: `${ch.kind} queue`,
      scale: 'q',
      stroke: cssColor(CHANNEL_COLOR[ch.kind]),
      dash: [5, 4],
      width: 1.5,
    });
  }
  // the service-level targets (issue 27): one dotted line per distinct target, after the other series
  for (const t of targets)
    series.push({
      label: t.label,
      scale: '%',
      stroke: '#fbbf24',
      dash: [2, 3],
      width: 1.5,
      points: { show: false },
    });
  return series;
}

/**
 * (issue 29) A run of several days labels its x-axis by day, at the model's day starts (hours of the
 * clock), rather than repeating the hours of each day.
 */
export interface ChartDays {
  at: number[];
  labels: string[];
}

/** The x-axis: hours of the day, or one tick per day at its start. */
function timeAxis(days: ChartDays | undefined, stroke: string, grid: uPlot.Axis['grid']): uPlot.Axis {
  if (!days || days.at.length < 2)
    return { stroke, grid, values: (_u, ticks) => ticks.map((t) => formatClock(t * 3600)) };
  return {
    stroke,
    grid,
    splits: () => days.at,
    values: (_u, ticks) => ticks.map((t) => days.labels[days.at.indexOf(t)] ?? ''),
  };
}

export function buildChart(meta: SimulationMeta, days?: ChartDays): IntervalChart {
  const element = h('figure', { class: 'chart', 'data-testid': 'chart' });
  const caption = h('figcaption', {
    text: 'Per interval: service level (solid, left axis) against its target (dotted), and queue at the interval’s end (dashed, right axis)',
  });
  const plotHost = h('div');
  element.append(plotHost, caption);

  const n = meta.horizon / meta.intervalSeconds;
  const hours = Array.from({ length: n }, (_, k) => (k * meta.intervalSeconds) / 3600);
  const targets = targetLines(meta);
  const series = chartSeries(meta, targets);
  const axisColor = '#94a3b8';
  const grid = { stroke: '#1e293b', width: 1 };
  const opts: uPlot.Options = {
    width: 600,
    height: 220,
    series,
    scales: {
      x: { time: false, range: [0, meta.horizon / 3600] },
      '%': { range: [0, 100] },
      q: { auto: true },
    },
    axes: [
      timeAxis(days, axisColor, grid),
      { scale: '%', stroke: axisColor, grid, values: (_u, ticks) => ticks.map((t) => `${t} %`) },
      { scale: 'q', side: 1, stroke: axisColor, grid: { show: false } },
    ],
    legend: { live: false },
    cursor: { drag: { x: false, y: false } },
  };
  const empty = (): (number | null)[] => Array.from({ length: n }, () => null);
  const data: uPlot.AlignedData = [
    hours,
    ...series
      .slice(1)
      .map((_, i) =>
        i < 2 * meta.channels.length ? empty() : empty().fill(targets[i - 2 * meta.channels.length].value),
      ),
  ];
  const plot = new uPlot(opts, data, plotHost);

  const fit = () => plot.setSize({ width: Math.max(240, element.clientWidth - 8), height: 220 });
  const observer = new ResizeObserver(fit);
  observer.observe(element);
  let shown = -1;

  return {
    element,
    update(outcome, closed) {
      if (closed === shown) return;
      shown = closed;
      const nC = meta.channels.length;
      const cols = series.slice(1).map(() => empty());
      targets.forEach((t, i) => cols[2 * nC + i].fill(t.value));
      for (let k = 0; k < Math.min(closed, n); k++) {
        const iv = outcome.intervals[k];
        meta.channels.forEach((ch, c) => {
          const f = iv?.channels[ch.kind];
          cols[c][k] = f && f.serviceLevel !== null ? f.serviceLevel * 100 : null;
          cols[nC + c][k] = f ? f.queue : null;
        });
      }
      plot.setData([hours, ...cols] as uPlot.AlignedData);
    },
    destroy() {
      observer.disconnect();
      plot.destroy();
    },
  };
}

/** One line per distinct service-level target percent: "SL target 80 % (voice, chat)". */
function targetLines(meta: SimulationMeta): { value: number; label: string }[] {
  const by = new Map<number, string[]>();
  for (const ch of meta.channels) by.set(ch.targetPercent, [...(by.get(ch.targetPercent) ?? []), ch.kind]);
  return [...by].map(([value, kinds]) => ({ value, label: `SL target ${value} % (${kinds.join(', ')})` }));
}
