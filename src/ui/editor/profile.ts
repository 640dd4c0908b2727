/**
 * The intraday profile of a channel: an SVG curve with one point per interval that can be dragged
 * (or moved from the keyboard: ←/→ pick an interval, ↑/↓ raise or lower it, PageUp/PageDown in larger
 * steps), and a text box taking one number per interval, for pasting a forecast from a spreadsheet.
 *
 * SVG rather than uPlot (as in src/ui/compare/svg-plot.ts): 24–96 points need no canvas, and points
 * that follow the pointer need hit-testing that uPlot leaves to the caller anyway. A drag redraws
 * locally and is committed once, on release, as one undo step.
 */
import { formatClock } from '../../sim/clock';
import { h } from '../dom';
import { getAt, type Path } from './edits';
import { fieldId, type FieldContext } from './fields';

const W = 480;
const H = 120;
const PAD = 6;
const SVG_NS = 'http://www.w3.org/2000/svg';

function svgEl(tag: string, attrs: Record<string, string | number>): SVGElement {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/** Numbers from pasted text: one per line, or separated by spaces, tabs, commas or semicolons. */
export function parseProfileText(text: string): number[] {
  return text
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map((t) => Number(t));
}

/** The interval each curve last had selected, by path: kept across the editor's redraws. */
const selectedByPath = new Map<string, number>();

export function profileField(ctx: FieldContext, path: Path, intervals: number, label: string): HTMLElement {
  const stored = getAt(ctx.draft, path) as number[] | undefined;
  const values =
    stored && stored.length === intervals ? stored.slice() : new Array<number>(intervals).fill(1);
  const minutes = 1440 / intervals;
  let top = Math.max(1e-9, ...values.filter(Number.isFinite)) * 1.15;
  const pathKey = path.join('.');
  let selected =
    selectedByPath.get(pathKey) ??
    Math.max(
      0,
      values.findIndex((v) => v > 0),
    );

  const x = (i: number) => PAD + ((W - 2 * PAD) * (i + 0.5)) / intervals;
  const y = (v: number) => H - PAD - ((H - 2 * PAD) * Math.max(0, v)) / top;
  const line = svgEl('polyline', { fill: 'none', stroke: 'currentColor', 'stroke-width': 1.5 });
  const dots = values.map(() => svgEl('circle', { r: 3, class: 'ed-profile-dot' }));
  const svg = svgEl('svg', {
    id: `${fieldId(path)}:curve`, // so the editor puts the focus back after a redraw
    viewBox: `0 0 ${W} ${H}`,
    class: 'ed-profile',
    tabindex: 0,
    role: 'img',
    'aria-label': `${label}: drag a point, or use the arrow keys (←/→ choose an interval, ↑/↓ change it)`,
  }) as SVGSVGElement;
  svg.append(line, ...dots);
  const readout = h('output', { class: 'ed-hint', 'aria-live': 'polite' });

  const draw = () => {
    selectedByPath.set(pathKey, selected);
    line.setAttribute('points', values.map((v, i) => `${x(i)},${y(v)}`).join(' '));
    dots.forEach((d, i) => {
      d.setAttribute('cx', String(x(i)));
      d.setAttribute('cy', String(y(values[i])));
      d.setAttribute('class', i === selected ? 'ed-profile-dot selected' : 'ed-profile-dot');
    });
    readout.textContent = `${formatClock(selected * minutes * 60)}: ${+values[selected].toPrecision(4)}`;
  };
  draw();
  const commit = () => ctx.set(path, values.slice(), `profile:${path.join('.')}`);

  const pointAt = (e: PointerEvent) => {
    const r = svg.getBoundingClientRect();
    const px = ((e.clientX - r.left) / r.width) * W;
    const py = ((e.clientY - r.top) / r.height) * H;
    const i = Math.min(intervals - 1, Math.max(0, Math.floor(((px - PAD) / (W - 2 * PAD)) * intervals)));
    const v = Math.max(0, ((H - PAD - py) / (H - 2 * PAD)) * top);
    return { i, v: +v.toPrecision(3) };
  };
  let dragging = false;
  svg.addEventListener('pointerdown', (e) => {
    dragging = true;
    svg.setPointerCapture(e.pointerId);
    const p = pointAt(e);
    selected = p.i;
    values[p.i] = p.v;
    draw();
  });
  svg.addEventListener('pointermove', (e) => {
    if (!dragging) return;
    const p = pointAt(e);
    selected = p.i;
    values[p.i] = p.v;
    draw();
  });
  const end = () => {
    if (!dragging) return;
    dragging = false;
    top = Math.max(1e-9, ...values) * 1.15;
    commit();
  };
  svg.addEventListener('pointerup', end);
  svg.addEventListener('pointercancel', end);
  svg.addEventListener('keydown', (e) => {
    const step = (top / 1.15) * (e.key.startsWith('Page') ? 0.2 : 0.05);
    if (e.key === 'ArrowLeft') selected = Math.max(0, selected - 1);
    else if (e.key === 'ArrowRight') selected = Math.min(intervals - 1, selected + 1);
    else if (e.key === 'ArrowUp' || e.key === 'PageUp')
      values[selected] = +(values[selected] + step).toPrecision(3);
    else if (e.key === 'ArrowDown' || e.key === 'PageDown')
      values[selected] = Math.max(0, +(values[selected] - step).toPrecision(3));
    else return;
    e.preventDefault();
    draw();
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') commit();
  });

  const id = fieldId(path);
  const area = h('textarea', { id, rows: 2, class: 'ed-profile-text', 'aria-describedby': `${id}:error` });
  area.value = stored ? stored.join(' ') : '';
  area.placeholder = `flat (or paste ${intervals} numbers)`;
  area.addEventListener('change', () => {
    const text = area.value.trim();
    ctx.set(path, text === '' ? undefined : parseProfileText(text));
  });
  return h(
    'div',
    { class: 'ed-field ed-profile-field', 'data-path': id.slice(3) },
    h('span', {
      class: 'ed-label',
      text: `${label} (${intervals} intervals of ${minutes} min, client time)`,
    }),
    svg as unknown as HTMLElement,
    readout,
    h('label', { for: id, text: `${label}: one number per interval (empty = flat)` }),
    area,
    h('span', { class: 'ed-error', id: `${id}:error`, 'data-error-for': id.slice(3) }),
  );
}
