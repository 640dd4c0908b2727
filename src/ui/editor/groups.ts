/**
 * An agent group in the editor's site block: id, skills, staffing mode (agents while open, or shifts),
 * the shifts' rows, "Add shift" and "Remove group". Split out of sites.ts (issue 26: functions ≤ ~80 lines).
 */
import { CHANNEL_KINDS, type GroupSpec, type Scenario } from '../../sim/scenario';
import { h } from '../dom';
import { setAt } from './edits';
import { button, checkList, numberField, selectField, textField, type FieldContext } from './fields';
import type { SitesHandlers } from './sites';

/** "Staffing": agents while open, or shifts (switching keeps the agents, or the shift peak). */
function groupMode(ctx: FieldContext, i: number, j: number, g: GroupSpec, on: SitesHandlers): HTMLElement {
  const p = ['sites', i, 'groups', j];
  return selectField(
    ctx,
    [...p, 'mode'],
    'Staffing',
    [
      { value: 'flat', label: 'agents while open' },
      { value: 'shifts', label: 'shifts' },
    ],
    {
      current: g.shifts ? 'shifts' : 'flat',
      onChange: (v) =>
        on.edit((s) => {
          const { agents, shifts: was, ...rest } = s.sites[i].groups[j];
          const next: GroupSpec =
            v === 'flat'
              ? { ...rest, agents: agents ?? Math.max(0, ...(was ?? []).map((x) => x.agents)) }
              : { ...rest, shifts: [{ start: '08:00', end: '16:00', agents: agents ?? 10 }] };
          return setAt(s, p, next);
        }, `group-mode:${i}:${j}`),
    },
  );
}

/**
 * "Shift 3", or "Shift 3 (day 2)" for a shift on one day only (a week's plan applied gives each day its
 * own shifts). The fields edit start, end and agents at their paths, so the shift keeps its `day`.
 */
export function shiftName(k: number, shift: { day?: number }): string {
  return shift.day === undefined ? `Shift ${k + 1}` : `Shift ${k + 1} (day ${shift.day})`;
}

/** A row per shift: start, end, agents, and "Remove shift" while there are two or more. */
function shiftRows(ctx: FieldContext, i: number, j: number, g: GroupSpec, on: SitesHandlers): HTMLElement[] {
  const p = ['sites', i, 'groups', j];
  const shifts = g.shifts ?? [];
  return shifts.map((shift, k) =>
    h(
      'div',
      { class: 'ed-grid ed-shift', role: 'group', 'aria-label': shiftName(k, shift) },
      textField(ctx, [...p, 'shifts', k, 'start'], `${shiftName(k, shift)} starts (HH:MM)`),
      textField(ctx, [...p, 'shifts', k, 'end'], `${shiftName(k, shift)} ends (HH:MM)`),
      numberField(ctx, [...p, 'shifts', k, 'agents'], `${shiftName(k, shift)} agents`, { min: 0, step: 1 }),
      shifts.length > 1
        ? button(`Remove shift ${k + 1}`, () =>
            on.edit(
              (s) =>
                setAt(
                  s,
                  [...p, 'shifts'],
                  (s.sites[i].groups[j].shifts ?? []).filter((_x, x) => x !== k),
                ),
              `remove-shift:${i}:${j}`,
            ),
          )
        : null,
    ),
  );
}

/** "Add shift" (a group with shifts) and "Remove group" (a site with two groups or more). */
function groupActions(draft: Scenario, i: number, j: number, g: GroupSpec, on: SitesHandlers): HTMLElement {
  const p = ['sites', i, 'groups', j];
  return h(
    'div',
    { class: 'ed-row' },
    g.shifts
      ? button('Add shift', () =>
          on.edit(
            (s) =>
              setAt(
                s,
                [...p, 'shifts'],
                [...(s.sites[i].groups[j].shifts ?? []), { start: '16:00', end: '24:00', agents: 5 }],
              ),
            `add-shift:${i}:${j}`,
          ),
        )
      : null,
    draft.sites[i].groups.length > 1
      ? button(`Remove group ${g.id}`, () =>
          on.edit(
            (s) =>
              setAt(
                s,
                ['sites', i, 'groups'],
                s.sites[i].groups.filter((_g, x) => x !== j),
              ),
            `remove-group:${i}:${j}`,
          ),
        )
      : null,
  );
}

export function groupBlock(
  ctx: FieldContext,
  draft: Scenario,
  i: number,
  g: GroupSpec,
  j: number,
  on: SitesHandlers,
): HTMLElement {
  const p = ['sites', i, 'groups', j];
  const channels = CHANNEL_KINDS.filter((k) => draft.channels[k]);
  return h(
    'div',
    { class: 'ed-group', role: 'group', 'aria-label': `${draft.sites[i].name}: group ${g.id}` },
    h(
      'div',
      { class: 'ed-grid' },
      textField(ctx, [...p, 'id'], 'Group id'),
      checkList(ctx, [...p, 'skills'], 'Skills', channels),
      groupMode(ctx, i, j, g, on),
      g.shifts ? null : numberField(ctx, [...p, 'agents'], 'Agents while open', { min: 0, step: 1 }),
    ),
    ...shiftRows(ctx, i, j, g, on),
    groupActions(draft, i, j, g, on),
  );
}
