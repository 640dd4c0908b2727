/**
 * Editor fields of a channel for customers who come back (SPEC v3 §2): repeat timing, after hours,
 * redial and queued call back. Its own file so the channel section (channels.ts) only hooks it in.
 *
 * Probabilities are shown as percentages. Clearing every field of an object (redial, callback, the
 * retry of afterHours) leaves the object out, so the SPEC's default applies again rather than an
 * empty object the schema would reject; a half-filled one is reported by the schema at the missing
 * field, as the CLI reports it.
 */
import { DEFAULTS, type ChannelKind, type ChannelSpec } from '../../sim/scenario';
import { h } from '../dom';
import { distributionField } from './distribution';
import { getAt, type Path } from './edits';
import { numberField, selectField, type FieldContext } from './fields';

/** A context that drops an object once its last field is cleared. */
function pruning(ctx: FieldContext): FieldContext {
  return {
    draft: ctx.draft,
    set(path: Path, value: unknown, key?: string) {
      if (value === undefined && path.length > 1) {
        const parentPath = path.slice(0, -1);
        const parent = getAt(ctx.draft, parentPath);
        const last = path[path.length - 1];
        if (parent && typeof parent === 'object' && Object.keys(parent).every((k) => k === String(last))) {
          ctx.set(parentPath, undefined, key);
          return;
        }
      }
      ctx.set(path, value, key);
    },
  };
}

const percent = (placeholder: number) => ({
  min: 0,
  max: 100,
  step: 'any' as const,
  scale: 100,
  optional: true,
  placeholder: String(placeholder * 100),
});

export function returnFields(base: FieldContext, p: Path, kind: ChannelKind, live: boolean): HTMLElement {
  const ctx = pruning(base);
  const ch = (getAt(ctx.draft, p) ?? {}) as ChannelSpec;
  const timing = selectField(
    ctx,
    [...p, 'repeatTiming'],
    'Repeats come back in',
    [
      { value: 'customer-hours', label: 'customer hours (profile)' },
      { value: 'clock', label: 'clock time (v2)' },
    ],
    { current: ch.repeatTiming ?? DEFAULTS.repeatTiming },
  );
  const redial = [
    numberField(ctx, [...p, 'redial', 'probability'], 'Redial after abandoning (%)', percent(0)),
    distributionField(ctx, [...p, 'redial', 'delay'], `${kind} redial delay`, {
      fallbackMean: 900,
      none: { label: 'default (exp. 15 min)', value: undefined },
    }),
  ];
  if (!live) return h('div', { class: 'ed-grid ed-dists' }, timing, ...redial);

  const hold = ch.afterHours === 'hold';
  const afterHours = selectField(
    ctx,
    [...p, 'afterHours'],
    'When every site is closed',
    [
      { value: 'retry', label: 'turned away, may retry' },
      { value: 'hold', label: 'wait in queue (v2)' },
    ],
    {
      current: hold ? 'hold' : 'retry',
      onChange: (v) => ctx.set([...p, 'afterHours'], v === 'hold' ? 'hold' : undefined),
    },
  );
  const retry = hold
    ? []
    : [
        numberField(
          ctx,
          [...p, 'afterHours', 'retry'],
          'Retry after hours (%)',
          percent(DEFAULTS.afterHours.retry),
        ),
        distributionField(ctx, [...p, 'afterHours', 'delay'], `${kind} after-hours delay`, {
          fallbackMean: 3600,
          none: { label: 'default (exp. 1 h after opening)', value: undefined },
        }),
      ];
  const callback = [
    numberField(ctx, [...p, 'callback', 'offerAfterSeconds'], 'Call back offered after (s)', {
      min: 0,
      optional: true,
      placeholder: 'none',
    }),
    numberField(ctx, [...p, 'callback', 'acceptance'], 'Call back accepted (%)', percent(0.5)),
    numberField(ctx, [...p, 'callback', 'reach'], 'Call back reaches (%)', percent(DEFAULTS.callbackReach)),
  ];
  return h('div', { class: 'ed-grid ed-dists' }, timing, afterHours, ...retry, ...redial, ...callback);
}
