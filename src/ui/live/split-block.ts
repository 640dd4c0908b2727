/**
 * One channel's split, in percent: a slider per site that serves the channel, linked so that they
 * always sum to 100 % (moving one rebalances the others in their ratio, src/ui/state/split-shares.ts),
 * "move N points from A to B" as one action, and beside each set share the share the site actually
 * got of the contacts routed since the split last changed (they differ where opening hours differ:
 * a split applies only while the sites are open together).
 *
 * It reports moves through `on` (a drag as one keyed edit, a "move" as one unkeyed edit: one undo step
 * each) and never writes the scenario; `setValues` puts it where the store says without an event.
 */
import { SITE_CHANNEL, type SimulationMeta, type SnapshotView } from '../../sim/snapshot';
import { metaServes } from '../../sim/serving';
import { h, setText, uid } from '../dom';
import { movePoints, rebalance } from '../state/split-shares';

export interface SplitHandlers {
  /** a slider drag (one undo step per drag) */
  split(channel: number, percents: number[]): void;
  /** "move N points": one edit, one undo step of its own */
  moveSplit(channel: number, percents: number[]): void;
}

export interface SplitBlock {
  element: HTMLElement;
  setValues(percents: readonly number[]): void;
  /** the share each site got of the contacts routed since the split last changed */
  update(view: SnapshotView): void;
}

interface SiteRow {
  s: number;
  input: HTMLInputElement;
  out: HTMLOutputElement;
  effective: HTMLElement;
}

function siteRow(meta: SimulationMeta, kind: string, s: number, onInput: (v: number) => void): SiteRow {
  const id = uid('split');
  const input = h('input', {
    id,
    type: 'range',
    min: 0,
    max: 100,
    step: 1,
    value: 0,
    'data-testid': `split-${kind}-${s}`,
  });
  const out = h('output', { for: id });
  const effective = h('span', {
    class: 'live',
    'data-testid': `split-effective-${kind}-${s}`,
    title: 'share of this channel’s contacts routed to the site since the split last changed',
  });
  input.addEventListener('input', () => onInput(Number(input.value)));
  return { s, input, out, effective };
}

/** "Move [N] points from [A] to [B] [Move]": one edit. */
function moveForm(
  meta: SimulationMeta,
  kind: string,
  serving: number[],
  move: (from: number, to: number, n: number) => void,
) {
  const select = (name: string, pick: number) => {
    const el = h('select', {
      'data-testid': `split-move-${kind}-${name}`,
      'aria-label': `Move ${kind} ${name}`,
    });
    serving.forEach((s, i) =>
      el.append(h('option', { value: String(s), text: meta.sites[s].name, selected: i === pick })),
    );
    return el;
  };
  const points = h('input', {
    type: 'number',
    min: 1,
    max: 100,
    step: 1,
    value: 10,
    size: 4,
    'data-testid': `split-move-${kind}-points`,
    'aria-label': `Points of ${kind} to move`,
  });
  const from = select('from', 0);
  const to = select('to', 1);
  const go = h('button', { type: 'button', text: 'Move', 'data-testid': `split-move-${kind}` });
  go.addEventListener('click', () => move(Number(from.value), Number(to.value), Number(points.value)));
  return h('div', { class: 'split-move' }, 'Move ', points, ' points from ', from, ' to ', to, ' ', go);
}

export function buildSplitBlock(meta: SimulationMeta, c: number, on: SplitHandlers): SplitBlock {
  const ch = meta.channels[c];
  const serving = meta.sites.map((_, s) => s).filter((s) => metaServes(meta, s, ch.kind));
  let values: number[] = meta.sites.map(() => 0);
  /** the shares when the current drag began: the others keep this ratio throughout it */
  let dragBase: number[] | null = null;
  /** routed counts when the split last changed (null: take the next snapshot's) */
  let since: number[] | null = null;

  const show = () => {
    for (const r of rows) {
      r.input.value = String(values[r.s]);
      setText(r.out, `${values[r.s]} %`);
    }
    since = null;
  };
  const rows = serving.map((s) =>
    siteRow(meta, ch.kind, s, (v) => {
      dragBase ??= values.slice();
      values = rebalance(values, s, v, serving, dragBase);
      show();
      on.split(c, values.slice());
    }),
  );
  for (const r of rows) {
    r.input.addEventListener('change', () => (dragBase = null));
    r.input.disabled = serving.length < 2; // the only site has 100 %, nothing to move
  }
  const move = (from: number, to: number, n: number) => {
    values = movePoints(values, from, to, n);
    show();
    on.moveSplit(c, values.slice());
  };
  const element = h(
    'fieldset',
    { 'data-testid': `split-${ch.kind}` },
    h('legend', { text: `${ch.kind} split (%, sums to 100)` }),
    ...rows.map((r) =>
      h(
        'div',
        { class: 'slider' },
        h('label', { for: r.input.id, text: `${meta.sites[r.s].name} (${meta.sites[r.s].location})` }),
        h('div', { class: 'slider-row' }, r.input, r.out),
        r.effective,
      ),
    ),
    serving.length >= 2 ? moveForm(meta, ch.kind, serving, move) : null,
  );
  return {
    element,
    setValues(next) {
      values = meta.sites.map((_, s) => (serving.includes(s) ? (next[s] ?? 0) : 0));
      dragBase = null;
      show();
    },
    update(view) {
      const routed = meta.sites.map((_, s) => view.siteChannel(s, c, SITE_CHANNEL.routed));
      since ??= routed;
      const base = since;
      const got = routed.map((n, s) => n - base[s]);
      const total = serving.reduce((a, s) => a + got[s], 0);
      for (const r of rows)
        setText(r.effective, total > 0 ? `got ${Math.round((got[r.s] / total) * 100)} % of contacts` : '');
    },
  };
}
