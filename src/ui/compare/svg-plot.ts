/**
 * Small SVG charts for the compare panel.
 *
 * Why SVG and not uPlot (which draws the live interval chart): these charts have a handful of
 * points, each needing error bars in *both* directions (cost and service level both have intervals),
 * a text label, a tooltip (<title>) and a frontier line through a subset of them — none of which
 * uPlot draws without plugins. A few dozen SVG elements are cheap, scale with the page, are
 * readable by screen readers (role="img" with a label and a text alternative beside the chart) and
 * are easy to check in a test (one <circle> per point).
 */
const NS = 'http://www.w3.org/2000/svg';

function el<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
  ...children: (Node | string)[]
): SVGElementTagNameMap[K] {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  for (const c of children) e.append(c);
  return e;
}

/** 'Nice' tick values covering [lo, hi], about `count` of them. */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [];
  if (hi - lo < 1e-12) {
    const pad = Math.abs(lo) * 0.05 || 1;
    lo -= pad;
    hi += pad;
  }
  const raw = (hi - lo) / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step)
    out.push(Number(t.toPrecision(12)));
  return out;
}

export interface Axis {
  label: string;
  format: (v: number) => string;
  /**
   * the axis reaches zero (issue 27: a cost axis starts at zero, so that a 0.1 % difference does not
   * look like a cliff)
   */
  zero?: boolean;
  /** reference lines across the chart at these values (y axis: a service-level target) */
  marks?: { value: number; label: string }[];
}

/** The range an axis shows: its data, its marks, and zero where it must start there. */
function axisRange(r: [number, number], a: Axis): [number, number] {
  let [lo, hi] = r;
  for (const m of a.marks ?? []) {
    lo = Math.min(lo, m.value);
    hi = Math.max(hi, m.value);
  }
  return a.zero ? [Math.min(0, lo), Math.max(0, hi)] : [lo, hi];
}

export interface ScatterPoint {
  label: string;
  x: number;
  xci: number | null;
  y: number;
  yci: number | null;
  color: string;
  /** extra text for the tooltip */
  title?: string;
}

export interface LineSeries {
  label: string;
  color: string;
  points: { x: number; y: number | null; ci: number | null }[];
}

const W = 560;
const H = 300;
const M = { left: 70, right: 20, top: 14, bottom: 44 };

interface Frame {
  svg: SVGSVGElement;
  sx: (v: number) => number;
  sy: (v: number) => number;
}

function frame(
  ariaLabel: string,
  x: Axis,
  y: Axis,
  xr: [number, number],
  yr: [number, number],
  testid: string,
): Frame {
  xr = axisRange(xr, x);
  yr = axisRange(yr, y);
  const xt = niceTicks(xr[0], xr[1]);
  const yt = niceTicks(yr[0], yr[1]);
  const x0 = Math.min(xr[0], xt[0] ?? xr[0]);
  const x1 = Math.max(xr[1], xt[xt.length - 1] ?? xr[1]);
  const y0 = Math.min(yr[0], yt[0] ?? yr[0]);
  const y1 = Math.max(yr[1], yt[yt.length - 1] ?? yr[1]);
  const sx = (v: number) => M.left + ((v - x0) / (x1 - x0 || 1)) * (W - M.left - M.right);
  const sy = (v: number) => H - M.bottom - ((v - y0) / (y1 - y0 || 1)) * (H - M.top - M.bottom);
  const svg = el('svg', {
    viewBox: `0 0 ${W} ${H}`,
    class: 'cmp-plot',
    role: 'img',
    'aria-label': ariaLabel,
    'data-testid': testid,
  });
  const grid = el('g', { class: 'grid' });
  for (const t of xt) {
    grid.append(el('line', { x1: sx(t), x2: sx(t), y1: M.top, y2: H - M.bottom }));
    grid.append(el('text', { x: sx(t), y: H - M.bottom + 16, 'text-anchor': 'middle' }, x.format(t)));
  }
  for (const t of yt) {
    grid.append(el('line', { x1: M.left, x2: W - M.right, y1: sy(t), y2: sy(t) }));
    grid.append(el('text', { x: M.left - 6, y: sy(t) + 4, 'text-anchor': 'end' }, y.format(t)));
  }
  grid.append(
    el(
      'text',
      { x: (M.left + W - M.right) / 2, y: H - 6, 'text-anchor': 'middle', class: 'axis-label' },
      x.label,
    ),
  );
  grid.append(
    el(
      'text',
      {
        x: 14,
        y: (M.top + H - M.bottom) / 2,
        'text-anchor': 'middle',
        class: 'axis-label',
        transform: `rotate(-90 14 ${(M.top + H - M.bottom) / 2})`,
      },
      y.label,
    ),
  );
  svg.append(grid);
  for (const m of y.marks ?? [])
    svg.append(
      el(
        'g',
        { class: 'target-line', 'data-testid': 'target-line', 'data-value': m.value },
        el('line', { x1: M.left, x2: W - M.right, y1: sy(m.value), y2: sy(m.value) }),
        el('text', { x: W - M.right - 4, y: sy(m.value) - 4, 'text-anchor': 'end' }, m.label),
      ),
    );
  return { svg, sx, sy };
}

function extent(values: number[]): [number, number] {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return [0, 1];
  return [Math.min(...finite), Math.max(...finite)];
}

/**
 * Points with whiskers (95 % intervals) on both axes; `frontier` (labels, in x order) joined by a
 * dashed line.
 */
export function scatterPlot(
  points: readonly ScatterPoint[],
  frontier: readonly string[],
  x: Axis,
  y: Axis,
  ariaLabel: string,
): SVGSVGElement {
  const xr = extent(points.flatMap((p) => [p.x - (p.xci ?? 0), p.x + (p.xci ?? 0)]));
  const yr = extent(points.flatMap((p) => [p.y - (p.yci ?? 0), p.y + (p.yci ?? 0)]));
  const padX = (xr[1] - xr[0]) * 0.08 || Math.abs(xr[0]) * 0.05 || 1;
  const padY = (yr[1] - yr[0]) * 0.08 || Math.abs(yr[0]) * 0.05 || 1;
  const { svg, sx, sy } = frame(
    ariaLabel,
    x,
    y,
    [xr[0] - padX, xr[1] + padX],
    [yr[0] - padY, yr[1] + padY],
    'compare-chart',
  );

  const onFrontier = frontier
    .map((name) => points.find((p) => p.label === name))
    .filter((p) => p !== undefined);
  if (onFrontier.length > 1) {
    const d = onFrontier
      .slice()
      .sort((a, b) => a.x - b.x)
      .map((p, i) => `${i ? 'L' : 'M'}${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`)
      .join('');
    svg.append(el('path', { d, class: 'frontier', 'data-testid': 'pareto-line' }));
  }
  for (const p of points) {
    const g = el('g', { class: 'pt', style: `color:${p.color}` });
    if (p.xci)
      g.append(
        el('line', { class: 'whisker', x1: sx(p.x - p.xci), x2: sx(p.x + p.xci), y1: sy(p.y), y2: sy(p.y) }),
      );
    if (p.yci)
      g.append(
        el('line', { class: 'whisker', x1: sx(p.x), x2: sx(p.x), y1: sy(p.y - p.yci), y2: sy(p.y + p.yci) }),
      );
    const front = frontier.includes(p.label);
    g.append(
      el(
        'circle',
        {
          cx: sx(p.x),
          cy: sy(p.y),
          r: front ? 6 : 5,
          class: front ? 'on-frontier' : '',
          'data-variant': p.label,
        },
        el('title', {}, p.title ?? p.label),
      ),
    );
    const right = sx(p.x) < W - 140;
    g.append(
      el(
        'text',
        {
          x: sx(p.x) + (right ? 9 : -9),
          y: sy(p.y) - 8,
          'text-anchor': right ? 'start' : 'end',
          class: 'pt-label',
        },
        p.label,
      ),
    );
    svg.append(g);
  }
  return svg;
}

/** Lines with a shaded 95 % band, one per series, over a shared x. */
export function bandPlot(
  series: readonly LineSeries[],
  x: Axis,
  y: Axis,
  ariaLabel: string,
  testid: string,
  yRange?: [number, number],
): SVGSVGElement {
  const xs = series.flatMap((s) => s.points.map((p) => p.x));
  const ys = series.flatMap((s) =>
    s.points.flatMap((p) => (p.y === null ? [] : [p.y - (p.ci ?? 0), p.y + (p.ci ?? 0)])),
  );
  const yr = yRange ?? extent(ys);
  const { svg, sx, sy: sy0 } = frame(ariaLabel, x, y, extent(xs), yr, testid);
  // a fixed range (service level 0–100 %) clips the bands: an interval past 100 % means nothing
  const sy = (v: number) => sy0(yRange ? Math.min(yRange[1], Math.max(yRange[0], v)) : v);
  for (const s of series) {
    const pts = s.points.filter((p): p is { x: number; y: number; ci: number | null } => p.y !== null);
    if (pts.length === 0) continue;
    const g = el('g', { class: 'series', style: `color:${s.color}` });
    if (pts.some((p) => p.ci)) {
      const upper = pts.map((p) => `${sx(p.x).toFixed(1)},${sy(p.y + (p.ci ?? 0)).toFixed(1)}`);
      const lower = pts
        .slice()
        .reverse()
        .map((p) => `${sx(p.x).toFixed(1)},${sy(p.y - (p.ci ?? 0)).toFixed(1)}`);
      g.append(el('polygon', { class: 'band', points: [...upper, ...lower].join(' ') }));
    }
    g.append(
      el('polyline', {
        class: 'line',
        points: pts.map((p) => `${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`).join(' '),
      }),
    );
    for (const p of pts)
      g.append(
        el(
          'circle',
          { cx: sx(p.x), cy: sy(p.y), r: 3 },
          el(
            'title',
            {},
            `${s.label} at ${x.format(p.x)}: ${y.format(p.y)}${p.ci ? ` ± ${y.format(p.ci)}` : ''}`,
          ),
        ),
      );
    svg.append(g);
  }
  return svg;
}
