/**
 * Form fields bound to a path in the scenario: each field reads its value from the draft at its
 * path, reports a change as (path, value), and has a slot where the schema's problem for that same
 * path is shown. The path is written as the schema writes it (`sites[1].firstContactResolution`), in
 * `data-path`, and the control's id is derived from it, so the editor can put each problem at its
 * field and keep the focus on a field across a redraw.
 *
 * Plain DOM, like the rest of the UI (see src/ui/staffing.ts): a field is built from data and a
 * callback and never reaches into anything else.
 */
import { formatPath } from '../../scenario/text';
import { h } from '../dom';
import { getAt, type Path } from './edits';

export interface FieldContext {
  /** the draft scenario being edited (may be invalid) */
  readonly draft: unknown;
  /** a field changed; `key` groups a run of changes of one control into one undo step */
  set(path: Path, value: unknown, key?: string): void;
}

/** The id of the control for a path ("ed:sites[0].name"); unique because paths are. */
export const fieldId = (path: Path): string => `ed:${formatPath(path)}`;

function wrap(path: Path, label: string, control: HTMLElement, hint?: string): HTMLElement {
  const id = fieldId(path);
  control.id = id;
  const errId = `${id}:error`;
  control.setAttribute('aria-describedby', errId);
  return h(
    'div',
    { class: 'ed-field', 'data-path': formatPath(path) },
    h('label', { for: id, text: label }),
    control,
    hint ? h('small', { class: 'ed-hint', text: hint }) : null,
    h('span', { class: 'ed-error', id: errId, 'data-error-for': formatPath(path) }),
  );
}

export interface NumberOptions {
  min?: number;
  max?: number;
  step?: number | 'any';
  /** empty input = field left out (the schema's default applies); shown as placeholder */
  optional?: boolean;
  placeholder?: string;
  hint?: string;
  /** shown value = stored × scale (e.g. 100 for a percentage); stored = shown ÷ scale */
  scale?: number;
}

/** A number. Text that is not a number is passed on as is, for the schema to name the problem. */
export function numberField(
  ctx: FieldContext,
  path: Path,
  label: string,
  o: NumberOptions = {},
): HTMLElement {
  const v = getAt(ctx.draft, path);
  const scale = o.scale ?? 1;
  const input = h('input', {
    type: 'number',
    step: o.step ?? 'any',
    min: o.min,
    max: o.max,
    placeholder: o.placeholder,
    value: typeof v === 'number' ? String(+(v * scale).toPrecision(12)) : v === undefined ? '' : String(v),
    inputmode: 'decimal',
    'data-json-path': JSON.stringify(path),
    'data-scale': scale,
  });
  input.addEventListener('change', () => {
    const text = input.value.trim();
    if (text === '' && o.optional) ctx.set(path, undefined);
    else if (text === '') ctx.set(path, input.validity.badInput ? 'not a number' : null);
    else ctx.set(path, Number(text) / scale);
  });
  return wrap(path, label, input, o.hint);
}

export function textField(
  ctx: FieldContext,
  path: Path,
  label: string,
  o: { optional?: boolean; long?: boolean; pattern?: string; onChange?: (value: string) => void } = {},
): HTMLElement {
  const v = getAt(ctx.draft, path);
  const input = o.long
    ? h('textarea', { rows: 2 })
    : h('input', { type: 'text', spellcheck: 'false', placeholder: o.pattern });
  input.value = typeof v === 'string' ? v : '';
  input.addEventListener('change', () =>
    ctx.set(path, input.value === '' && o.optional ? undefined : input.value),
  );
  return wrap(path, label, input);
}

export function selectField(
  ctx: FieldContext,
  path: Path,
  label: string,
  options: readonly { value: string; label: string }[],
  o: { onChange?: (value: string) => void; current?: string } = {},
): HTMLElement {
  const v = o.current ?? getAt(ctx.draft, path);
  const select = h('select', {});
  for (const opt of options)
    select.append(h('option', { value: opt.value, text: opt.label, selected: opt.value === v }));
  if (!options.some((opt) => opt.value === v)) {
    select.prepend(h('option', { value: '', text: '(choose)', selected: true, disabled: true }));
  }
  select.addEventListener('change', () =>
    o.onChange ? o.onChange(select.value) : ctx.set(path, select.value),
  );
  return wrap(path, label, select);
}

/** A group of checkboxes for a list of values (skills). */
export function checkList(
  ctx: FieldContext,
  path: Path,
  legend: string,
  options: readonly string[],
): HTMLElement {
  const current = (getAt(ctx.draft, path) as string[] | undefined) ?? [];
  const boxes = options.map((opt) => {
    const box = h('input', {
      type: 'checkbox',
      checked: current.includes(opt),
      id: `${fieldId(path)}:${opt}`,
    });
    box.addEventListener('change', () => {
      const next = options.filter((o, i) => (boxes[i] === box ? box.checked : current.includes(o)));
      ctx.set(path, next);
    });
    return box;
  });
  const errId = `${fieldId(path)}:error`;
  return h(
    'fieldset',
    { class: 'ed-field ed-checks', 'data-path': formatPath(path), 'aria-describedby': errId },
    h('legend', { text: legend }),
    ...options.map((opt, i) => h('label', { for: boxes[i].id }, boxes[i], ` ${opt}`)),
    h('span', { class: 'ed-error', id: errId, 'data-error-for': formatPath(path) }),
  );
}

/** A button with a visible label (its accessible name) and an action. */
export function button(
  text: string,
  action: () => void,
  attrs: Record<string, string> = {},
): HTMLButtonElement {
  const b = h('button', { type: 'button', text, ...attrs });
  b.addEventListener('click', action);
  return b;
}

/**
 * A collapsible block (a <details>) whose open state survives redraws: `open` holds the keys of the
 * blocks the planner opened. Its content is built when it is first opened, so a redraw of the editor
 * (after every slider move) costs only the open blocks; a problem inside a closed block is shown at
 * the block (the editor looks for the nearest enclosing path that has a slot).
 */
export function block(
  key: string,
  open: Set<string>,
  summary: string | Node,
  path: Path | null,
  content: () => (Node | null)[],
): HTMLDetailsElement {
  const d = h('details', { class: 'ed-block', 'data-block': key, open: open.has(key) });
  if (path) d.dataset.path = formatPath(path);
  d.append(h('summary', {}, summary));
  if (path)
    d.append(
      h('span', { class: 'ed-error', 'data-error-for': formatPath(path), id: `${fieldId(path)}:error` }),
    );
  let built = false;
  const build = () => {
    if (built) return;
    built = true;
    d.append(...content().filter((c): c is Node => c !== null));
  };
  if (d.open) build();
  d.addEventListener('toggle', () => {
    if (d.open) {
      open.add(key);
      build();
    } else open.delete(key);
  });
  return d;
}
