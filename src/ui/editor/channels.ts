/**
 * Editor section "Channels" (SPEC §2): per channel its volume, intraday profile, handle time, wrap-up,
 * patience and repeat delay (distributions), target, concurrency and priority, (v3) the customer
 * return fields (returns.ts); add and remove a channel. Structural edits go through edits.ts, so skills and routing follow.
 */
import { CHANNEL_KINDS, DEFAULTS, isLiveChannel, type ChannelKind, type Scenario } from '../../sim/scenario';
import { h } from '../dom';
import { distributionField } from './distribution';
import { addChannel, removeChannel } from './edits';
import { block, button, numberField, type FieldContext } from './fields';
import { profileField } from './profile';
import { returnFields } from './returns';

export interface ChannelsHandlers {
  /** a structural edit, applied to the scenario as it is when the planner acts, as one step */
  edit(change: (current: Scenario) => Scenario, key: string): void;
}

export function buildChannelsSection(
  ctx: FieldContext,
  draft: Scenario,
  open: Set<string>,
  on: ChannelsHandlers,
): HTMLElement {
  const intervals = 1440 / (draft.horizon?.intervalMinutes ?? DEFAULTS.horizon.intervalMinutes);
  const present = CHANNEL_KINDS.filter((k) => draft.channels[k]);
  const blocks = present.map((kind) => channelBlock(ctx, draft, kind, intervals, open, on));

  const missing = CHANNEL_KINDS.filter((k) => !draft.channels[k]);
  const add =
    missing.length === 0
      ? null
      : h(
          'div',
          { class: 'ed-row' },
          ...missing.map((k) =>
            button(`Add channel ${k}`, () => {
              open.add(`channel:${k}`);
              on.edit((s) => addChannel(s, k), `add-channel:${k}`);
            }),
          ),
        );
  return h(
    'section',
    { class: 'ed-section', 'aria-labelledby': 'ed-channels-h' },
    h('h3', { id: 'ed-channels-h', text: 'Channels' }),
    ...blocks,
    add,
  );
}

function channelBlock(
  ctx: FieldContext,
  draft: Scenario,
  kind: ChannelKind,
  intervals: number,
  open: Set<string>,
  on: ChannelsHandlers,
): HTMLElement {
  const p = ['channels', kind];
  const ch = draft.channels[kind]!;
  const live = isLiveChannel(kind);
  const volume =
    typeof ch.volumePerDay === 'number' ? `${Math.round(ch.volumePerDay).toLocaleString('en-US')}/day` : '';
  const remove =
    Object.keys(draft.channels).length > 1
      ? button(`Remove channel ${kind}`, () =>
          on.edit((s) => removeChannel(s, kind), `remove-channel:${kind}`),
        )
      : null;
  return block(`channel:${kind}`, open, `${kind} · ${volume}`, p, () => [
    h(
      'div',
      { class: 'ed-grid' },
      numberField(ctx, [...p, 'volumePerDay'], 'Volume per day', { min: 0, step: 1 }),
      numberField(ctx, [...p, 'target', 'percent'], 'Target: % answered', {
        min: 0,
        max: 100,
        optional: true,
        placeholder: String(DEFAULTS.target[kind].percent),
      }),
      numberField(ctx, [...p, 'target', 'withinSeconds'], 'Target: within (s)', {
        min: 0,
        optional: true,
        placeholder: String(DEFAULTS.target[kind].withinSeconds),
      }),
      numberField(ctx, [...p, 'concurrency'], 'Concurrency', {
        min: 1,
        max: 10,
        step: 1,
        optional: true,
        placeholder: String(DEFAULTS.concurrency),
      }),
      numberField(ctx, [...p, 'priority'], 'Priority (larger first)', {
        step: 1,
        optional: true,
        placeholder: String(DEFAULTS.priority[kind]),
      }),
    ),
    profileField(ctx, [...p, 'profile'], intervals, `${kind} profile`),
    h(
      'div',
      { class: 'ed-grid ed-dists' },
      distributionField(ctx, [...p, 'handleTime'], `${kind} handle time`, { fallbackMean: 300 }),
      distributionField(ctx, [...p, 'wrapUp'], `${kind} wrap-up`, {
        fallbackMean: 30,
        none: { label: 'none (0 s)', value: undefined },
      }),
      distributionField(ctx, [...p, 'patience'], `${kind} patience`, {
        fallbackMean: live ? 150 : 3600,
        none: { label: 'never abandons', value: null },
      }),
      distributionField(ctx, [...p, 'repeatDelay'], `${kind} repeat delay`, {
        fallbackMean: 86_400,
        none: { label: 'default (exp. 1 day)', value: undefined },
      }),
    ),
    returnFields(ctx, p, kind, live),
    remove,
  ]);
}
