/**
 * A distribution of seconds (SPEC §5) as a small form: its kind, then the kind's parameters (mean and
 * cv, a fixed value, min and max, or observed values). Changing the kind keeps the mean, so switching
 * lognormal → exponential does not change the workload.
 */
import { distributionMean } from '../../sim/distribution';
import type { Distribution } from '../../sim/scenario';
import { h } from '../dom';
import { getAt, type Path } from './edits';
import { fieldId, numberField, selectField, type FieldContext } from './fields';

const KINDS: Distribution['dist'][] = ['exponential', 'lognormal', 'gamma', 'fixed', 'uniform', 'empirical'];

/** `d` as another kind with the same mean. */
export function convertDist(
  d: Distribution | null | undefined,
  kind: Distribution['dist'],
  fallbackMean: number,
): Distribution {
  const mean = d ? distributionMean(d) || fallbackMean : fallbackMean;
  const cv = d && 'cv' in d ? d.cv : 1;
  switch (kind) {
    case 'exponential':
      return { dist: 'exponential', mean };
    case 'lognormal':
      return { dist: 'lognormal', mean, cv };
    case 'gamma':
      return { dist: 'gamma', mean, cv };
    case 'fixed':
      return { dist: 'fixed', value: mean };
    case 'uniform':
      return { dist: 'uniform', min: 0, max: 2 * mean };
    case 'empirical':
      return d?.dist === 'empirical' ? d : { dist: 'empirical', values: [mean] };
  }
}

export interface DistOptions {
  /** what an empty choice means: "never" (patience: null) or "default" (left out) */
  none?: { label: string; value: null | undefined };
  fallbackMean: number;
}

export function distributionField(ctx: FieldContext, path: Path, label: string, o: DistOptions): HTMLElement {
  const d = getAt(ctx.draft, path) as Distribution | null | undefined;
  const NONE = '-';
  const options = [
    ...(o.none ? [{ value: NONE, label: o.none.label }] : []),
    ...KINDS.map((k) => ({ value: k, label: k })),
  ];
  const current = d ? d.dist : NONE;
  const kind = selectField(ctx, [...path, 'dist'], 'kind', options, {
    current,
    onChange: (v) =>
      ctx.set(path, v === NONE ? o.none?.value : convertDist(d, v as Distribution['dist'], o.fallbackMean)),
  });
  const params: HTMLElement[] = [];
  if (d) {
    switch (d.dist) {
      case 'exponential':
        params.push(numberField(ctx, [...path, 'mean'], 'mean (s)', { min: 0 }));
        break;
      case 'lognormal':
      case 'gamma':
        params.push(numberField(ctx, [...path, 'mean'], 'mean (s)', { min: 0 }));
        params.push(numberField(ctx, [...path, 'cv'], 'cv', { min: 0, max: 10, step: 0.05 }));
        break;
      case 'fixed':
        params.push(numberField(ctx, [...path, 'value'], 'value (s)', { min: 0 }));
        break;
      case 'uniform':
        params.push(numberField(ctx, [...path, 'min'], 'min (s)', { min: 0 }));
        params.push(numberField(ctx, [...path, 'max'], 'max (s)', { min: 0 }));
        break;
      case 'empirical': {
        const id = fieldId([...path, 'values']);
        const area = h('textarea', { id, rows: 2, 'aria-describedby': `${id}:error` });
        area.value = d.values.join(' ');
        area.addEventListener('change', () =>
          ctx.set(
            [...path, 'values'],
            area.value
              .split(/[\s,;]+/)
              .filter(Boolean)
              .map(Number),
          ),
        );
        params.push(
          h(
            'div',
            { class: 'ed-field', 'data-path': id.slice(3) },
            h('label', { for: id, text: 'values (s), one per line or space' }),
            area,
            h('span', { class: 'ed-error', id: `${id}:error`, 'data-error-for': id.slice(3) }),
          ),
        );
        break;
      }
    }
  }
  // the legend names the group, so "kind", "mean (s)"… are read as "voice handle time, kind"
  return h('fieldset', { class: 'ed-dist' }, h('legend', { text: label }), kind, ...params);
}
