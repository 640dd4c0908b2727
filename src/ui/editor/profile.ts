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

/** A curve being edited: its values, the selected interval and the y-axis top (fixed during a drag). */
interface Curve {
  values: number[];
  selected: number;
  top: number;
  intervals: number;
}

/** Dragging a point: drawn as it moves, committed once on release. */
function bindPointer(svg: SVGSVGElement, c: Curve, draw: () => void, commit: () => void): void {
  const pointAt = (e: PointerEvent) => {
    const r = svg.getBoundingClientRect();
    const px = ((e.clientX - r.left) / r.width) * W;
    const py = ((e.clientY - r.top) / r.height) * H;
    const i = Math.min(c.intervals - 1, Math.max(0, Math.floor(((px - PAD) / (W - 2 * PAD)) * c.intervals)));
    const v = Math.max(0, ((H - PAD - py) / (H - 2 * PAD)) * c.top);
    return { i, v: +v.toPrecision(3) };
  };
  let dragging = false;
  const move = (e: PointerEvent) => {
    const p = pointAt(e);
    c.selected = p.i;
    c.values[p.i] = p.v;
    draw();
  };
  svg.addEventListener('pointerdown', (e) => {
    dragging = true;
    svg.setPointerCapture(e.pointerId);
    move(e);
  });
  svg.addEventListener('pointermove', (e) => {
    if (dragging) move(e);
  });
  const end = () => {
    if (!dragging) return;
    dragging = false;
    c.top = Math.max(1e-9, ...c.values) * 1.15;
    commit();
  };
  svg.addEventListener('pointerup', end);
  svg.addEventListener('pointercancel', end);
}

/** ←/→ choose an interval; ↑/↓ (PageUp/PageDown: larger steps) change it, each press committed. */
function bindKeys(svg: SVGSVGElement, c: Curve, draw: () => void, commit: () => void): void {
  svg.addEventListener('keydown', (e) => {
    const step = (c.top / 1.15) * (e.key.startsWith('Page') ? 0.2 : 0.05);
    const v = c.values[c.selected];
    if (e.key === 'ArrowLeft') c.selected = Math.max(0, c.selected - 1);
    else if (e.key === 'ArrowRight') c.selected = Math.min(c.intervals - 1, c.selected + 1);
    else if (e.key === 'ArrowUp' || e.key === 'PageUp') c.values[c.selected] = +(v + step).toPrecision(3);
    else if (e.key === 'ArrowDown' || e.key === 'PageDown')
      c.values[c.selected] = Math.max(0, +(v - step).toPrecision(3));
    else return;
    e.preventDefault();
    draw();
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') commit();
  });
}

/** The text box: one number per interval, pasted from a spreadsheet (empty = flat). */
function profileText(ctx: FieldContext, path: Path, stored: number[] | undefined, intervals: number) {
  const id = fieldId(path);
  const area = h('textarea', { id, rows: 2, class: 'ed-profile-text', 'aria-describedby': `${id}:error` });
  area.value = stored ? stored.join(' ') : '';
  area.placeholder = `flat (or paste ${intervals} numbers)`;
  area.addEventListener('change', () => {
    const text = area.value.trim();
    ctx.set(path, text === '' ? undefined : parseProfileText(text));
  });
  return area;
}

export function profileField(ctx: FieldContext, path: Path, intervals: number, label: string): HTMLElement {
  const stored = getAt(ctx.draft, path) as number[] | undefined;
  const values =
    stored && stored.length === intervals ? stored.slice() : new Array<number>(intervals).fill(1);
  const minutes = 1440 / intervals;
  const pathKey = path.join('.');
  const c: Curve = {
    values,
    intervals,
    top: Math.max(1e-9, ...values.filter(Number.isFinite)) * 1.15,
    selected:
      selectedByPath.get(pathKey) ??
      Math.max(
        0,
        values.findIndex((v) => v > 0),
      ),
  };

  const x = (i: number) => PAD + ((W - 2 * PAD) * (i + 0.5)) / intervals;
  const y = (v: number) => H - PAD - ((H - 2 * PAD) * Math.max(0, v)) / c.top;
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
    selectedByPath.set(pathKey, c.selected);
    line.setAttribute('points', values.map((v, i) => `${x(i)},${y(v)}`).join(' '));
    dots.forEach((d, i) => {
      d.setAttribute('cx', String(x(i)));
      d.setAttribute('cy', String(y(values[i])));
      d.setAttribute('class', i === c.selected ? 'ed-profile-dot selected' : 'ed-profile-dot');
    });
    readout.textContent = `${formatClock(c.selected * minutes * 60)}: ${+values[c.selected].toPrecision(4)}`;
  };
  draw();
  const commit = () => ctx.set(path, values.slice(), `profile:${path.join('.')}`);
  bindPointer(svg, c, draw, commit);
  bindKeys(svg, c, draw, commit);

  const id = fieldId(path);
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
    profileText(ctx, path, stored, intervals),
    h('span', { class: 'ed-error', id: `${id}:error`, 'data-error-for': id.slice(3) }),
  );
}
