/**
 * The shift program's settings in the Plan panel, as the CLI has them (`--lengths`, `--start-grid`,
 * `--break`): allowed shift lengths in hours, the start grid in minutes and an unpaid break in
 * minutes for shifts of 6 h or more. Blank fields keep the planner's defaults. `read` returns the
 * options, or the problems, each naming its field and the range the CLI accepts.
 */
import { DEFAULT_LENGTHS_HOURS, type ShiftOptions } from '../../plan/shifts';
import { h, uid } from '../dom';

export interface PlanShiftOptions {
  element: HTMLElement;
  read(): { options: ShiftOptions; problems: string[] };
}

function field(label: string, testid: string, attrs: Record<string, string | number>) {
  const id = uid(testid);
  const input = h('input', { id, 'data-testid': testid, ...attrs });
  return { input, row: h('div', { class: 'plan-option' }, h('label', { for: id, text: label }), input) };
}

/** A whole number in [min, max], or a problem naming the field. */
function wholeIn(name: string, text: string, min: number, max: number, problems: string[]) {
  const x = Number(text);
  if (Number.isInteger(x) && x >= min && x <= max) return x;
  problems.push(`${name}: must be a whole number of minutes from ${min} to ${max} (got "${text}")`);
  return undefined;
}

export function buildShiftOptions(): PlanShiftOptions {
  const lengths = field('Shift lengths, hours ', 'plan-lengths', {
    type: 'text',
    inputmode: 'decimal',
    placeholder: DEFAULT_LENGTHS_HOURS.join(', '),
    size: 10,
  });
  const grid = field('Shifts start every, minutes ', 'plan-start-grid', {
    type: 'number',
    min: 5,
    max: 720,
    step: 5,
    placeholder: 'interval',
  });
  const brk = field('Unpaid break in shifts of 6 h or more, minutes ', 'plan-break', {
    type: 'number',
    min: 5,
    max: 120,
    step: 5,
    placeholder: 'none',
  });
  const element = h(
    'fieldset',
    { class: 'plan-shift-options' },
    h('legend', { text: 'Shifts' }),
    lengths.row,
    grid.row,
    brk.row,
  );
  return {
    element,
    read() {
      const problems: string[] = [];
      const options: ShiftOptions = {};
      const l = lengths.input.value.trim();
      if (l !== '') {
        const hours = l.split(/[,\s]+/).map(Number);
        if (hours.every((x) => Number.isFinite(x) && x > 0 && x < 24)) options.lengthsHours = hours;
        else problems.push(`Shift lengths: must be hours between 0 and 24, separated by commas (got "${l}")`);
      }
      const g = grid.input.value.trim();
      if (g !== '') options.startGridMinutes = wholeIn('Start every', g, 5, 720, problems);
      const b = brk.input.value.trim();
      if (b !== '') options.breakMinutes = wholeIn('Unpaid break', b, 5, 120, problems);
      return { options, problems };
    },
  };
}
