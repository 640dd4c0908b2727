/**
 * The README's fit chart: `npx tsx scripts/calibration-chart.ts fit.json docs/calibration-fit.svg`
 * draws, per interval, the observed points (with their CI over days) over the simulated band (mean ±
 * 95 % CI over replications), for the abandon rate and ASA of the first channel in a `calibrate --fit`
 * file. A plain SVG written by hand: two small panels need no charting library, and the file diffs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { FitFigure, FitInterval } from '../src/calibrate/fit';

const [input, output] = process.argv.slice(2);
if (!input || !output) throw new Error('usage: calibration-chart.ts <fit.json> <out.svg>');
const file = JSON.parse(readFileSync(input, 'utf8'));
const channel = file.fit.channels[0];
const open: FitInterval[] = channel.intervals.filter(
  (_: FitInterval, i: number) => file.channels[0].intervals[i].open,
);

const W = 760;
const PANEL_H = 200;
const M = { left: 56, right: 16, top: 34, bottom: 34 };
const panels = [
  { title: 'Abandon rate, %', pick: (x: FitInterval) => x.abandonRate, scale: 100 },
  { title: 'ASA, seconds', pick: (x: FitInterval) => x.asa, scale: 1 },
];
const H = panels.length * (PANEL_H + M.top + M.bottom);
const n = open.length;
const xOf = (i: number) => M.left + ((i + 0.5) * (W - M.left - M.right)) / n;
const parts: string[] = [];
parts.push(
  `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="system-ui, sans-serif" font-size="11">`,
  `<rect width="${W}" height="${H}" fill="#fff"/>`,
);
panels.forEach((p, k) => {
  const top = k * (PANEL_H + M.top + M.bottom) + M.top;
  const figs: FitFigure[] = open.map(p.pick);
  const hi = Math.max(
    ...figs.flatMap((f) => [
      ((f.simulated ?? 0) + (f.simulatedCi95 ?? 0)) * p.scale,
      ((f.observed ?? 0) + (f.observedCi95 ?? 0)) * p.scale,
    ]),
  );
  const step = [1, 2, 5, 10, 15, 20, 25, 50, 100, 200, 500].find((st) => hi / st <= 6) ?? 1000;
  const yMax = Math.max(1, Math.ceil(hi / step)) * step;
  const y = (v: number) => top + PANEL_H - (v / yMax) * PANEL_H;
  parts.push(`<text x="${M.left}" y="${top - 12}" font-size="13" font-weight="600">${p.title}</text>`);
  for (let v = 0; v <= yMax; v += step) {
    parts.push(
      `<line x1="${M.left}" x2="${W - M.right}" y1="${y(v)}" y2="${y(v)}" stroke="#e5e7eb"/>`,
      `<text x="${M.left - 6}" y="${y(v) + 4}" text-anchor="end" fill="#555">${v.toFixed(0)}</text>`,
    );
  }
  // the simulated band and its mean
  const upper = figs.map((f, i) => `${xOf(i)},${y(((f.simulated ?? 0) + (f.simulatedCi95 ?? 0)) * p.scale)}`);
  const lower = figs
    .map((f, i) => `${xOf(i)},${y(Math.max(0, ((f.simulated ?? 0) - (f.simulatedCi95 ?? 0)) * p.scale))}`)
    .reverse();
  parts.push(`<polygon points="${[...upper, ...lower].join(' ')}" fill="#93c5fd" fill-opacity="0.55"/>`);
  parts.push(
    `<polyline points="${figs.map((f, i) => `${xOf(i)},${y((f.simulated ?? 0) * p.scale)}`).join(' ')}" fill="none" stroke="#1d4ed8" stroke-width="1.5"/>`,
  );
  // observed points with their CI over days
  figs.forEach((f, i) => {
    if (f.observed === null) return;
    const ci = (f.observedCi95 ?? 0) * p.scale;
    const v = f.observed * p.scale;
    parts.push(
      `<line x1="${xOf(i)}" x2="${xOf(i)}" y1="${y(v + ci)}" y2="${y(Math.max(0, v - ci))}" stroke="#111" stroke-width="1"/>`,
      `<circle cx="${xOf(i)}" cy="${y(v)}" r="3.2" fill="#111"/>`,
    );
  });
  open.forEach((x, i) => {
    if (i % 2 === 0)
      parts.push(
        `<text x="${xOf(i)}" y="${top + PANEL_H + 16}" text-anchor="middle" fill="#555">${x.start}</text>`,
      );
  });
});
const mae = channel.mae;
parts.push(
  `<text x="${W - M.right}" y="${M.top - 12}" text-anchor="end" fill="#333">● observed (95 % CI over days)   ▬ simulated mean, band 95 % CI over ${file.fit.replications} replications</text>`,
  `<text x="${W - M.right}" y="${PANEL_H + M.top + M.bottom + M.top - 12}" text-anchor="end" fill="#333">MAE: abandon rate ${mae.abandonRatePoints.toFixed(2)} points, ASA ${mae.asaSeconds.toFixed(1)} s</text>`,
  '</svg>',
);
writeFileSync(output, parts.join('\n') + '\n');
