/**
 * A break-even chart (SVG) from the CSV of `sim sweep … --base FILE --csv`: the sweep's total cost
 * with its 95 % band, the base's cost as a line, and the crossing with its interval shaded.
 *
 *   npx tsx scripts/break-even-chart.ts sweep.csv "Manila rate, $ per handled minute" out.svg
 *
 * Hand-written SVG (a few dozen elements) rather than a plotting library: the file is a static figure
 * for scenarios/README.md, and the app's charts (uPlot) need a DOM.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { csvParse } from 'd3-dsv';
import { breakEven } from '../src/optimise/break-even';

const [csvPath, xLabel = 'parameter', outPath = 'break-even.svg', baseLabel = 'in-house'] =
  process.argv.slice(2);
if (!csvPath) {
  console.error('usage: tsx scripts/break-even-chart.ts <sweep.csv> [x label] [out.svg] [base label]');
  process.exit(2);
}
const rows = csvParse(readFileSync(csvPath, 'utf8'));
const num = (r: (typeof rows)[number], k: string) => Number(r[k]);
const xs = rows.map((r) => num(r, 'value'));
const cost = rows.map((r) => num(r, 'cost'));
const ci = rows.map((r) => num(r, 'cost_ci95') || 0);
const diff = rows.map((r) => ({ mean: num(r, 'costDifference'), ci95: num(r, 'costDifference_ci95') || 0 }));
const baseCost = cost[0] - diff[0].mean;
const b = breakEven(xs, diff);

const W = 640;
const H = 360;
const m = { l: 72, r: 20, t: 28, b: 48 };
const x0 = Math.min(...xs);
const x1 = Math.max(...xs);
const yLo = Math.min(baseCost, ...cost.map((c, i) => c - ci[i])) * 0.95;
const yHi = Math.max(baseCost, ...cost.map((c, i) => c + ci[i])) * 1.03;
const X = (x: number) => m.l + ((x - x0) / (x1 - x0)) * (W - m.l - m.r);
const Y = (y: number) => H - m.b - ((y - yLo) / (yHi - yLo)) * (H - m.t - m.b);
const f = (n: number) => n.toFixed(1);
const money = (n: number) => `$${Math.round(n).toLocaleString('en-US')}`;

const band =
  xs.map((x, i) => `${f(X(x))},${f(Y(cost[i] + ci[i]))}`).join(' ') +
  ' ' +
  xs
    .map((x, i) => `${f(X(x))},${f(Y(cost[i] - ci[i]))}`)
    .reverse()
    .join(' ');
const line = xs.map((x, i) => `${f(X(x))},${f(Y(cost[i]))}`).join(' ');
const ticks = (lo: number, hi: number, n: number) =>
  Array.from({ length: n + 1 }, (_, k) => lo + ((hi - lo) * k) / n);

const parts: string[] = [
  `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="system-ui, sans-serif" font-size="12">`,
  `<rect width="${W}" height="${H}" fill="#fff"/>`,
];
for (const t of ticks(yLo, yHi, 5))
  parts.push(
    `<line x1="${m.l}" x2="${W - m.r}" y1="${f(Y(t))}" y2="${f(Y(t))}" stroke="#eee"/>`,
    `<text x="${m.l - 6}" y="${f(Y(t) + 4)}" text-anchor="end" fill="#555">${money(t)}</text>`,
  );
for (const t of ticks(x0, x1, 6))
  parts.push(
    `<text x="${f(X(t))}" y="${H - m.b + 16}" text-anchor="middle" fill="#555">${+t.toFixed(2)}</text>`,
  );
if (b.value !== null) {
  const lo = b.low ?? x0;
  const hi = b.high ?? x1;
  parts.push(
    `<rect x="${f(X(lo))}" y="${m.t}" width="${f(Math.max(1, X(hi) - X(lo)))}" height="${H - m.t - m.b}" fill="#f4a261" opacity="0.35"/>`,
    `<line x1="${f(X(b.value))}" x2="${f(X(b.value))}" y1="${m.t}" y2="${H - m.b}" stroke="#e76f51" stroke-dasharray="4 3"/>`,
    `<text x="${f(X(b.value) + 6)}" y="${m.t + 14}" fill="#e76f51">break-even ${b.value.toFixed(2)} (95 %: ${b.low?.toFixed(2) ?? '…'}–${b.high?.toFixed(2) ?? '…'})</text>`,
  );
}
parts.push(
  `<polygon points="${band}" fill="#2a9d8f" opacity="0.25"/>`,
  `<polyline points="${line}" fill="none" stroke="#2a9d8f" stroke-width="2"/>`,
  `<line x1="${m.l}" x2="${W - m.r}" y1="${f(Y(baseCost))}" y2="${f(Y(baseCost))}" stroke="#264653" stroke-width="2"/>`,
  `<text x="${W - m.r - 4}" y="${f(Y(baseCost) + 16)}" text-anchor="end" fill="#264653">${baseLabel}: ${money(baseCost)} a day</text>`,
  `<text x="${m.l + 6}" y="${f(Y(cost[0]) - 8)}" fill="#2a9d8f">with the vendors (± 95 % CI)</text>`,
  `<text x="${(m.l + W - m.r) / 2}" y="${H - 10}" text-anchor="middle" fill="#222">${xLabel}</text>`,
  `<text x="16" y="${(m.t + H - m.b) / 2}" transform="rotate(-90 16 ${(m.t + H - m.b) / 2})" text-anchor="middle" fill="#222">total cost per day</text>`,
  `<line x1="${m.l}" x2="${m.l}" y1="${m.t}" y2="${H - m.b}" stroke="#999"/>`,
  `<line x1="${m.l}" x2="${W - m.r}" y1="${H - m.b}" y2="${H - m.b}" stroke="#999"/>`,
  '</svg>',
);
writeFileSync(outPath, parts.join('\n') + '\n');
console.log(`wrote ${outPath}${b.value !== null ? `: break-even at ${b.value.toFixed(3)}` : ''}`);
