/**
 * Editor section "Scenario": name, client city and UTC offset, (v3) start date, days, warm-up days,
 * interval, description.
 */
import { cityLabel, CITIES, formatOffset, type City } from '../../scenario/cities';
import type { Scenario } from '../../sim/scenario';
import { h } from '../dom';
import { block, numberField, selectField, textField, type FieldContext } from './fields';

const CLIENT_CITIES = CITIES.map((c) => ({
  value: cityLabel(c),
  label: `${cityLabel(c)} (${formatOffset(c.utcOffsetHours)})`,
}));

export function generalSection(
  ctx: FieldContext,
  s: Scenario,
  open: Set<string>,
  setCity: (city: City) => void,
): HTMLElement {
  return block('general', open, 'Scenario', null, () => [
    h(
      'div',
      { class: 'ed-grid' },
      textField(ctx, ['name'], 'Name'),
      selectField(ctx, ['clientPosition', 'city'], 'Client city (sets the client time zone)', CLIENT_CITIES, {
        current: s.clientPosition?.city ?? '',
        onChange: (label) => {
          const city = CITIES.find((c) => cityLabel(c) === label);
          if (city) setCity(city);
        },
      }),
      numberField(ctx, ['clientUtcOffsetHours'], 'Client UTC offset (h)', {
        min: -12,
        max: 14,
        step: 0.25,
        optional: true,
        placeholder: '0',
      }),
      // (v3) dates day 1: with it, city zones give each day's offset (daylight saving) and weekdays
      textField(ctx, ['horizon', 'startDate'], 'Start date (day 1)', {
        optional: true,
        pattern: 'YYYY-MM-DD',
      }),
      numberField(ctx, ['horizon', 'days'], 'Days simulated', {
        min: 1,
        step: 1,
        optional: true,
        placeholder: '1',
      }),
      numberField(ctx, ['horizon', 'warmUpDays'], 'Warm-up days', {
        min: 0,
        max: 60,
        step: 1,
        optional: true,
        placeholder: 'steady state',
        hint: 'days run before day 1 and not reported; empty = enough for steady state, 0 = start empty',
      }),
      selectField(
        ctx,
        ['horizon', 'intervalMinutes'],
        'Interval',
        [15, 30, 60].map((m) => ({ value: String(m), label: `${m} min` })),
        {
          current: String(s.horizon?.intervalMinutes ?? 30),
          onChange: (v) => ctx.set(['horizon', 'intervalMinutes'], Number(v)),
        },
      ),
    ),
    textField(ctx, ['description'], 'Description', { optional: true, long: true }),
  ]);
}
