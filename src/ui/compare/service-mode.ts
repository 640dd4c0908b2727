/**
 * How the comparison treats staffing (issue 27): as each variant has it, or at equal service — the
 * optimiser first staffs every variant to the same targets (src/optimise/equal-service.ts). With
 * staffing fixed, agents stay paid when work moves away from them, so moving work to a cheaper site
 * cannot lower cost; a line says so while that mode is chosen.
 *
 * The targets follow the variants' channels: a service-level target per channel (the base variant's
 * own) and an abandon cap (5 % for voice and chat, whose callers hang up; none for e-mail and social).
 */
import type { Targets } from '../../optimise/optimiser';
import { DEFAULTS, isLiveChannel, type ChannelKind } from '../../sim';
import { h, headRow, setText, uid } from '../dom';
import type { CompareState } from '../state/compare';
import { numberInput, readNumber, scrollBox } from './widgets';

/** The abandon cap a live channel starts with, percent. */
export const DEFAULT_ABANDON_CAP = 5;

export const FIXED_STAFFING_NOTE =
  'Staffing stays as in each variant: agents are paid whether or not work reaches them, so moving work ' +
  'to a cheaper site cannot lower cost here. Compare at equal service to see what the move saves.';

export type ServiceMode = { kind: 'fixed' } | { kind: 'equal'; targets: Targets };

export interface ServiceModeForm {
  element: HTMLElement;
  update(state: CompareState): void;
  /** the chosen mode, or the problems of its target fields (each marked) */
  read(): { ok: true; mode: ServiceMode } | { ok: false; problems: string[] };
}

interface TargetRow {
  kind: ChannelKind;
  sl: HTMLInputElement;
  ab: HTMLInputElement;
}

/** The channels any variant has, in the order first met; the base variant's targets first. */
function channelsOf(state: CompareState): { kind: ChannelKind; percent: number }[] {
  const out = new Map<ChannelKind, number>();
  const ordered = [state.variants[state.baseIndex], ...state.variants].filter(Boolean);
  for (const v of ordered)
    for (const [kind, spec] of Object.entries(v.scenario.channels) as [
      ChannelKind,
      { target?: { percent: number } },
    ][])
      if (!out.has(kind)) out.set(kind, (spec.target ?? DEFAULTS.target[kind]).percent);
  return [...out].map(([kind, percent]) => ({ kind, percent }));
}

function targetRow(kind: ChannelKind, percent: number): TargetRow {
  const sl = numberInput(percent, 0, 100, 0.1, `equal-sl-${kind}`);
  const ab = numberInput(isLiveChannel(kind) ? DEFAULT_ABANDON_CAP : null, 0, 100, 0.1, `equal-ab-${kind}`);
  ab.placeholder = 'none';
  sl.setAttribute('aria-label', `${kind}: service level target, percent`);
  ab.setAttribute('aria-label', `${kind}: abandon rate cap, percent (empty: none)`);
  return { kind, sl, ab };
}

function targetsTable(rows: readonly TargetRow[]): HTMLElement {
  const table = h(
    'table',
    { class: 'figures cmp-opt-table', 'data-testid': 'equal-targets' },
    h('caption', { text: 'Targets every variant is staffed to' }),
    headRow('Channel', 'Service level ≥ %', 'Abandon ≤ %'),
    h(
      'tbody',
      {},
      ...rows.map((r) =>
        h('tr', {}, h('th', { scope: 'row', text: r.kind }), h('td', {}, r.sl), h('td', {}, r.ab)),
      ),
    ),
  );
  return scrollBox(table, 'Equal-service targets');
}

function readRows(rows: readonly TargetRow[], problems: string[]): Targets {
  const targets: Targets = {};
  for (const r of rows) {
    const sl = readNumber(r.sl, 0, 100);
    const ab = readNumber(r.ab, 0, 100, true);
    if (sl === null) problems.push(`${r.kind} service level: a percentage 0–100`);
    if (ab === null) problems.push(`${r.kind} abandon cap: a percentage 0–100, or empty`);
    if (sl != null)
      targets[r.kind] = { serviceLevel: sl / 100, ...(ab != null ? { abandonRate: ab / 100 } : {}) };
  }
  return targets;
}

export function buildServiceMode(): ServiceModeForm {
  const group = uid('service-mode');
  const radio = (value: string, checked: boolean) =>
    h('input', { type: 'radio', name: group, value, checked, 'data-testid': `compare-mode-${value}` });
  const fixed = radio('fixed', true);
  const equal = radio('equal', false);
  const note = h('p', { class: 'note', 'data-testid': 'compare-mode-note' });
  const tableBox = h('div', {});
  let rows: TargetRow[] = [];
  let channelsKey = '';

  const show = () => {
    tableBox.hidden = !equal.checked;
    setText(
      note,
      equal.checked
        ? 'Each variant is first staffed by the optimiser (agent counts only, the split kept) to these targets, judged on the 95 % interval; then the staffed variants are compared. This runs many simulations.'
        : FIXED_STAFFING_NOTE,
    );
  };
  for (const r of [fixed, equal]) r.addEventListener('change', show);
  show();

  const label = (control: HTMLInputElement, text: string) => h('label', {}, control, ` ${text}`);
  return {
    element: h(
      'fieldset',
      { class: 'cmp-mode', 'data-testid': 'compare-mode' },
      h('legend', { text: 'Staffing in the comparison' }),
      label(fixed, 'As in each variant'),
      label(equal, 'At equal service: staff each variant to the same targets first'),
      note,
      tableBox,
    ),
    update(state) {
      const channels = channelsOf(state);
      const key = channels.map((c) => `${c.kind}:${c.percent}`).join(',');
      if (key === channelsKey) return;
      channelsKey = key;
      rows = channels.map((c) => targetRow(c.kind, c.percent));
      tableBox.replaceChildren(rows.length ? targetsTable(rows) : '');
      show();
    },
    read() {
      if (!equal.checked) return { ok: true, mode: { kind: 'fixed' } };
      const problems: string[] = [];
      const targets = readRows(rows, problems);
      return problems.length ? { ok: false, problems } : { ok: true, mode: { kind: 'equal', targets } };
    },
  };
}
