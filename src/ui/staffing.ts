/**
 * Live staffing and routing controls: a slider per agent group (agents while its site is open, or
 * the shift peak for groups that work shifts), each channel's split in percent (live/split-block.ts),
 * and the Erlang estimate per channel beside them.
 *
 * A slider reports its move through the handlers and nothing else; the page commits it to the store
 * as a scenario edit, and `show` puts the sliders where the store's scenario says (after an undo, an
 * apply or a restored link) without firing any event.
 */
import { GROUP, SnapshotView, type SimulationMeta, type Snapshot } from '../sim/snapshot';
import { h, setText, uid } from './dom';
import type { ErlangEstimator } from './erlang';
import { fmtInt } from '../format/figures';
import type { SliderPositions } from './live/slider-scenario';
import { buildSplitBlock, type SplitHandlers } from './live/split-block';
import { buildErlangBox } from './live/erlang-box';

export interface StaffingHandlers extends SplitHandlers {
  staffing(group: number, agents: number): void;
}

export interface StaffingPanel {
  element: HTMLElement;
  update(snap: Snapshot): void;
  /** the sliders at these positions (agents by group; split percent by channel, then site) */
  show(positions: SliderPositions): void;
}

/** Slider range for a group: room to triple the scenario's staffing, and at least 20. */
export function staffingMax(peak: number): number {
  return Math.max(20, Math.ceil((peak * 3) / 10) * 10);
}

/** A group's slider: agents while open, or at the shift peak; and what the run has logged in now. */
function groupSlider(meta: SimulationMeta, gi: number, on: StaffingHandlers) {
  const g = meta.groups[gi];
  const site = meta.sites[g.site];
  const id = uid('group');
  const input = h('input', {
    id,
    type: 'range',
    min: 0,
    max: staffingMax(g.scheduledPeak),
    step: 1,
    value: g.scheduledPeak,
    'data-testid': `staffing-${gi}`,
  });
  const out = h('output', { for: id, text: String(g.scheduledPeak) });
  const setValue = (n: number) => {
    input.value = String(n);
    setText(out, input.value);
  };
  const live = h('span', { class: 'live', 'data-testid': `group-logged-in-${gi}` });
  input.addEventListener('input', () => {
    setText(out, input.value);
    on.staffing(gi, Number(input.value));
  });
  const what = g.flat ? 'agents while open' : 'agents at shift peak';
  const row = h(
    'div',
    { class: 'slider' },
    h(
      'label',
      { for: id },
      `${site.name} · ${g.id} `,
      h('small', { text: `(${g.skills.join(', ')}; ${what})` }),
    ),
    h('div', { class: 'slider-row' }, input, out),
    live,
  );
  return { row, live, setValue };
}

export function buildStaffing(
  meta: SimulationMeta,
  estimator: ErlangEstimator,
  on: StaffingHandlers,
): StaffingPanel {
  const groupRows = meta.groups.map((_, gi) => groupSlider(meta, gi, on));

  const erlang = buildErlangBox(meta, estimator);

  // ---- splits: a slider per site that serves the channel
  const splitBlocks = meta.channels.map((_, c) => buildSplitBlock(meta, c, on));

  const element = h(
    'div',
    { class: 'staffing' },
    h('h2', { text: 'Staffing' }),
    ...groupRows.map((r) => r.row),
    erlang.element,
    h('h2', { text: 'Location mix' }),
    ...splitBlocks.map((b) => b.element),
  );

  return {
    element,
    show(positions) {
      groupRows.forEach((r, g) => r.setValue(positions.agents[g] ?? 0));
      splitBlocks.forEach((b, c) => b.setValues(positions.splits[c] ?? []));
    },
    update(snap) {
      if (snap.nGroups !== meta.groups.length) return;
      const view = new SnapshotView(snap);
      for (const b of splitBlocks) b.update(view);
      const agentsFor = meta.channels.map(() => 0);
      meta.groups.forEach((g, gi) => {
        const logged = view.group(gi, GROUP.loggedIn);
        const target = view.group(gi, GROUP.target);
        setText(groupRows[gi].live, `logged in now ${fmtInt(logged)} · asked ${fmtInt(target)}`);
        meta.channels.forEach((ch, c) => {
          if (g.skills.includes(ch.kind)) agentsFor[c] += logged;
        });
      });
      erlang.update(view, agentsFor);
    },
  };
}
