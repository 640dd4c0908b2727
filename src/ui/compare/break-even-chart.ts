/**
 * (v3) What a break-even sweep adds to the sweep panel's charts: the base's cost as a flat line, the
 * crossing as a vertical line spanning the chart (and its interval as two thinner ones), a sentence
 * with the crossing and its interval, and cost per resolved issue against the base's.
 *
 * Series for svg-plot's bandPlot, so the sweep's charts keep one look.
 */
import type { BreakEven } from '../../optimise/break-even';
import { h } from '../dom';
import { fmtCurrency } from '../../format/figures';
import type { BreakEvenSweep } from './break-even-run';
import type { SweepPoint } from '../../optimise/sweep';
import { bandPlot, type LineSeries } from './svg-plot';

const BASE = '#94a3b8';
const CROSSING = '#f97316';

/** The base's cost at every x, and the crossing as a vertical line from the lowest to the highest cost drawn. */
export function breakEvenSeries(points: readonly SweepPoint[], be: BreakEvenSweep): LineSeries[] {
  const base = be.base.cost.mean;
  if (base === null || points.length === 0) return [];
  const out: LineSeries[] = [
    {
      label: `${be.base.name} (base)`,
      color: BASE,
      points: points.map((p) => ({ x: p.value, y: base, ci: be.base.cost.ci95 })),
    },
  ];
  const costs = points.flatMap((p) =>
    p.total.cost.mean === null
      ? []
      : [p.total.cost.mean - (p.total.cost.ci95 ?? 0), p.total.cost.mean + (p.total.cost.ci95 ?? 0)],
  );
  const lo = Math.min(base, ...costs);
  const hi = Math.max(base, ...costs);
  const vertical = (x: number, label: string): LineSeries => ({
    label,
    color: CROSSING,
    points: [
      { x, y: lo, ci: null },
      { x, y: hi, ci: null },
    ],
  });
  const b = be.breakEven;
  if (b.value !== null) out.push(vertical(b.value, `break-even ${fmtX(b.value)}`));
  return out;
}

function fmtX(x: number): string {
  return String(Number(x.toFixed(3)));
}

/** "Break-even with in-house: 1.01 (95 % interval 0.99 to 1.03); below it the sweep costs less." */
export function breakEvenText(label: string, base: string, b: BreakEven): string {
  if (b.value === null) return `Break-even with ${base}: none in the range swept (the costs do not cross).`;
  const end = (x: number | null, side: string) => (x === null ? `${side} the range` : fmtX(x));
  return (
    `Break-even with ${base}: ${label} = ${fmtX(b.value)} (95 % interval ${end(b.low, 'below')} to ` +
    `${end(b.high, 'above')}); ${b.cheaperBelow ? 'below' : 'above'} it the sweep costs less than ${base}.`
  );
}

export function breakEvenNote(label: string, be: BreakEvenSweep): HTMLElement {
  return h('p', {
    class: 'note',
    'data-testid': 'sweep-break-even',
    'data-value': be.breakEven.value === null ? '' : String(be.breakEven.value),
    text: breakEvenText(label, be.base.name, be.breakEven),
  });
}

/** Cost per resolved issue along the parameter, with its band, and the base's. */
export function costPerResolvedPlot(
  label: string,
  points: readonly SweepPoint[],
  be: BreakEvenSweep,
  currency: string,
): SVGSVGElement {
  const base = be.base.costPerResolved;
  return bandPlot(
    [
      {
        label: 'cost per resolved issue',
        color: '#60a5fa',
        points: points.map((p) => ({
          x: p.value,
          y: p.total.costPerResolved.mean,
          ci: p.total.costPerResolved.ci95,
        })),
      },
      ...(base.mean === null
        ? []
        : [
            {
              label: `${be.base.name} (base)`,
              color: BASE,
              points: points.map((p) => ({ x: p.value, y: base.mean, ci: base.ci95 })),
            },
          ]),
    ],
    { label, format: (v: number) => fmtX(v) },
    {
      label: `cost per resolved issue (${currency})`,
      format: (v) => fmtCurrency(v, currency, true),
      zero: true,
    },
    `Cost per resolved issue along ${label}, with its 95 % band, and the base's`,
    'sweep-cpr-chart',
  );
}
