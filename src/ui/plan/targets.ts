/**
 * The plan's targets: a service level % and an optional abandon cap % per channel of the current
 * scenario (its own target as the starting value). `update` follows the scenario's channels.
 */
import type { Targets } from '../../optimise/optimiser';
import { CHANNEL_KINDS, DEFAULTS, type ChannelKind, type Scenario } from '../../sim/scenario';
import { h } from '../dom';

export interface PlanTargets {
  element: HTMLElement;
  update(scenario: Scenario | null): void;
  read(): Targets;
}

interface TargetInputs {
  kind: ChannelKind;
  sl: HTMLInputElement;
  ab: HTMLInputElement;
}

function targetRow(kind: ChannelKind, percent: number, withinSeconds: number): [HTMLElement, TargetInputs] {
  const sl = h('input', {
    type: 'number',
    min: 0,
    max: 100,
    step: 1,
    value: percent,
    'aria-label': `${kind} service level target, %`,
    'data-testid': `plan-sl-${kind}`,
  });
  const ab = h('input', {
    type: 'number',
    min: 0,
    max: 100,
    step: 0.5,
    placeholder: '—',
    'aria-label': `${kind} abandon rate cap, % (optional)`,
    'data-testid': `plan-ab-${kind}`,
  });
  const row = h(
    'div',
    { class: 'plan-target' },
    h('span', { text: kind }),
    ' SL ≥ ',
    sl,
    ' % within ' + withinSeconds + ' s; abandon ≤ ',
    ab,
    ' %',
  );
  return [row, { kind, sl, ab }];
}

export function buildPlanTargets(): PlanTargets {
  const element = h('fieldset', {}, h('legend', { text: 'Targets per channel' }));
  let inputs: TargetInputs[] = [];
  return {
    element,
    update(scenario) {
      element.replaceChildren(h('legend', { text: 'Targets per channel' }));
      inputs = CHANNEL_KINDS.filter((k) => scenario?.channels[k]).map((kind) => {
        const t = scenario!.channels[kind]!.target ?? DEFAULTS.target[kind];
        const [row, i] = targetRow(kind, t.percent, t.withinSeconds);
        element.append(row);
        return i;
      });
    },
    read() {
      const out: Targets = {};
      for (const t of inputs) {
        const sl = Number(t.sl.value);
        const ab = t.ab.value.trim() === '' ? undefined : Number(t.ab.value) / 100;
        out[t.kind] = {
          serviceLevel: Math.min(1, Math.max(0, sl / 100)),
          ...(ab !== undefined ? { abandonRate: ab } : {}),
        };
      }
      return out;
    },
  };
}
