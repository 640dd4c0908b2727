/**
 * The fit chart as an SVG string: per open interval, the observed points (with their CI over days)
 * over the simulated band (mean ± 95 % CI over replications), for the abandon rate and ASA of one
 * channel of a `calibrate --fit` file. Pure (no DOM): the README's chart (scripts/calibration-chart.ts)
 * and the app's (src/ui/calibration-fit.ts) are the same drawing. Plain SVG by hand: two small panels
 * need no charting library, and the README's file diffs.
 */
import type { ChannelFit, FitFigure, FitInterval } from './fit';

/** What the chart reads of a --fit file (src/cli/calibrate.ts fitFile). */
export interface FitFileLike {
  kind: 'shoreline-calibration';
  channels: { channel: string; intervals: { open: boolean }[] }[];
  fit: { replications: number; channels: ChannelFit[] };
}

export function isFitFile(x: unknown): x is FitFileLike {
  const f = x as FitFileLike | null;
  return (
    typeof f === 'object' &&
    f !== null &&
    f.kind === 'shoreline-calibration' &&
    Array.isArray(f.channels) &&
    Array.isArray(f.fit?.channels) &&
    f.fit.channels.length > 0
  );
}

const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export function fitChartSvg(file: FitFileLike, channelIndex = 0, width = 760): string {
  const channel = file.fit.channels[channelIndex];
  const openFlags = file.channels[channelIndex]?.intervals ?? [];
  const open: FitInterval[] = channel.intervals.filter((_, i) => openFlags[i]?.open ?? true);
  const W = width;
  const PANEL_H = 200;
  const M = { left: 56, right: 16, top: 34, bottom: 34 };
  const panels = [
    { title: `Abandon rate, % (${channel.channel})`, pick: (x: FitInterval) => x.abandonRate, scale: 100 },
    { title: 'ASA, seconds', pick: (x: FitInterval) => x.asa, scale: 1 },
  ];
  const H = panels.length * (PANEL_H + M.top + M.bottom);
  const n = Math.max(1, open.length);
  const xOf = (i: number) => M.left + ((i + 0.5) * (W - M.left - M.right)) / n;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="system-ui, sans-serif" font-size="11" role="img" aria-label="Calibration fit: observed against simulated per interval">`,
    `<rect width="${W}" height="${H}" fill="#fff"/>`,
  ];
  panels.forEach((p, k) => {
    const top = k * (PANEL_H + M.top + M.bottom) + M.top;
    const figs: FitFigure[] = open.map(p.pick);
    const hi = Math.max(
      0,
      ...figs.flatMap((f) => [
        ((f.simulated ?? 0) + (f.simulatedCi95 ?? 0)) * p.scale,
        ((f.observed ?? 0) + (f.observedCi95 ?? 0)) * p.scale,
      ]),
    );
    const step = [1, 2, 5, 10, 15, 20, 25, 50, 100, 200, 500].find((st) => hi / st <= 6) ?? 1000;
    const yMax = Math.max(1, Math.ceil(hi / step)) * step;
    const y = (v: number) => top + PANEL_H - (v / yMax) * PANEL_H;
    parts.push(`<text x="${M.left}" y="${top - 12}" font-size="13" font-weight="600">${esc(p.title)}</text>`);
    for (let v = 0; v <= yMax; v += step)
      parts.push(
        `<line x1="${M.left}" x2="${W - M.right}" y1="${y(v)}" y2="${y(v)}" stroke="#e5e7eb"/>`,
        `<text x="${M.left - 6}" y="${y(v) + 4}" text-anchor="end" fill="#555">${v}</text>`,
      );
    const sim = figs.map((f, i) => ({ i, f })).filter(({ f }) => f.simulated !== null);
    const upper = sim.map(({ i, f }) => `${xOf(i)},${y((f.simulated! + (f.simulatedCi95 ?? 0)) * p.scale)}`);
    const lower = sim
      .map(({ i, f }) => `${xOf(i)},${y(Math.max(0, (f.simulated! - (f.simulatedCi95 ?? 0)) * p.scale))}`)
      .reverse();
    parts.push(
      `<polygon class="band" points="${[...upper, ...lower].join(' ')}" fill="#93c5fd" fill-opacity="0.55"/>`,
    );
    parts.push(
      `<polyline points="${sim.map(({ i, f }) => `${xOf(i)},${y(f.simulated! * p.scale)}`).join(' ')}" fill="none" stroke="#1d4ed8" stroke-width="1.5"/>`,
    );
    figs.forEach((f, i) => {
      if (f.observed === null) return;
      const ci = (f.observedCi95 ?? 0) * p.scale;
      const v = f.observed * p.scale;
      parts.push(
        `<line x1="${xOf(i)}" x2="${xOf(i)}" y1="${y(v + ci)}" y2="${y(Math.max(0, v - ci))}" stroke="#111" stroke-width="1"/>`,
        `<circle class="observed" cx="${xOf(i)}" cy="${y(v)}" r="3.2" fill="#111"><title>${esc(open[i].start)}: ${v.toFixed(1)}</title></circle>`,
      );
    });
    open.forEach((x, i) => {
      if (i % 2 === 0)
        parts.push(
          `<text x="${xOf(i)}" y="${top + PANEL_H + 16}" text-anchor="middle" fill="#555">${esc(x.start)}</text>`,
        );
    });
  });
  const mae = channel.mae;
  const f1 = (x: number | null, d: number) => (x === null ? '—' : x.toFixed(d));
  parts.push(
    `<text x="${W - M.right}" y="${M.top - 12}" text-anchor="end" fill="#333">● observed (95 % CI over days)   ▬ simulated mean, band 95 % CI over ${Number(file.fit.replications)} replications</text>`,
    `<text x="${W - M.right}" y="${PANEL_H + M.top + M.bottom + M.top - 12}" text-anchor="end" fill="#333">MAE: abandon rate ${f1(mae.abandonRatePoints, 2)} points, ASA ${f1(mae.asaSeconds, 1)} s</text>`,
    '</svg>',
  );
  return parts.join('\n') + '\n';
}
