/**
 * Small DOM pieces the compare components share, so that each is written once: labelled number
 * fields and their checked reading, a problem box, a progress row with Cancel, a job's Run button
 * and outcome area, a job run behind its progress row, sections, a table that scrolls inside its
 * panel, a redraw that keeps the keyboard focus, and a file download.
 */
import { h, setText, uid } from '../dom';

/** The most replications a run may ask for (a typo of 10000 should not tie up the pool for an hour). */
export const MAX_REPS = 1000;

const VARIANT_COLORS = [
  '#60a5fa',
  '#f59e0b',
  '#34d399',
  '#f472b6',
  '#a78bfa',
  '#f87171',
  '#2dd4bf',
  '#facc15',
];
/** A variant's colour, the same in the list, the table and the chart. */
export const colorOf = (i: number): string => VARIANT_COLORS[i % VARIANT_COLORS.length];

export const swatch = (i: number): HTMLElement =>
  h('span', { class: 'swatch', style: `background:${colorOf(i)}` });

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A labelled control: <label for> + the control, laid out as one field. */
export function field(label: string, control: HTMLElement): HTMLElement {
  const id = control.id || uid('cmp');
  control.id = id;
  return h('span', { class: 'cmp-field' }, h('label', { for: id, text: label }), control);
}

export function numberInput(
  value: number | null,
  min: number,
  max: number,
  step: number | 'any',
  testid: string,
): HTMLInputElement {
  return h('input', {
    type: 'number',
    value: value ?? undefined,
    min,
    max,
    step,
    'data-testid': testid,
    class: 'cmp-num',
  });
}

/** A whole number within bounds from an input, or null (and the input marked invalid). */
export function readInt(input: HTMLInputElement, min: number, max: number): number | null {
  const v = Number(input.value);
  const ok = input.value.trim() !== '' && Number.isInteger(v) && v >= min && v <= max;
  input.setAttribute('aria-invalid', String(!ok));
  return ok ? v : null;
}

/** A number within bounds, or null (marked invalid); with `optional`, an empty input is undefined. */
export function readNumber(
  input: HTMLInputElement,
  min: number,
  max: number,
  optional = false,
): number | null | undefined {
  if (optional && input.value.trim() === '') {
    input.setAttribute('aria-invalid', 'false');
    return undefined;
  }
  const v = Number(input.value);
  const ok = input.value.trim() !== '' && Number.isFinite(v) && v >= min && v <= max;
  input.setAttribute('aria-invalid', String(!ok));
  return ok ? v : null;
}

export interface ProblemBox {
  element: HTMLElement;
  /** a title and one line per problem, "path: message" lines with the path as code */
  show(title: string, problems: readonly string[]): void;
  hide(): void;
}

export function problemBox(testid?: string): ProblemBox {
  const element = h('div', {
    class: 'problems cmp-problems',
    role: 'alert',
    hidden: true,
    'data-testid': testid,
  });
  return {
    element,
    show(title, problems) {
      const items = problems.map((line) => {
        const i = line.indexOf(': ');
        return i > 0
          ? h('li', {}, h('code', { text: line.slice(0, i) }), `: ${line.slice(i + 2)}`)
          : h('li', { text: line });
      });
      element.replaceChildren(h('p', { text: title }), h('ul', {}, ...items));
      element.hidden = false;
    },
    hide() {
      element.hidden = true;
    },
  };
}

/** Progress bar, its text, and a Cancel button; one job at a time per row. */
export interface ProgressRow {
  element: HTMLElement;
  start(label: string): AbortSignal;
  update(done: number, total: number, unit: string): void;
  /** progress as words, where there is no total to fill the bar against (the bar shows as busy) */
  note(text: string): void;
  finish(text: string): void;
}

/** `job` names the run for assistive technology ("Sweep progress", "Cancel sweep"): rows are alike. */
export function progressRow(testid: string, job: string): ProgressRow {
  const bar = h('progress', {
    max: 1,
    value: 0,
    'data-testid': `${testid}-progress`,
    'aria-label': `${job} progress`,
  });
  const text = h('span', {
    class: 'cmp-progress-text',
    'aria-live': 'polite',
    'data-testid': `${testid}-status`,
  });
  const cancel = h('button', {
    type: 'button',
    text: 'Cancel',
    disabled: true,
    'data-testid': `${testid}-cancel`,
    'aria-label': `Cancel ${job.toLowerCase()}`,
  });
  let controller: AbortController | null = null;
  cancel.addEventListener('click', () => controller?.abort());
  return {
    element: h('div', { class: 'cmp-progress' }, bar, cancel, text),
    start(label) {
      controller = new AbortController();
      bar.max = 1;
      bar.value = 0;
      cancel.disabled = false;
      setText(text, label);
      return controller.signal;
    },
    update(done, total, unit) {
      bar.max = Math.max(1, total);
      bar.value = done;
      setText(text, `${done} / ${total} ${unit}`);
    },
    note(words) {
      bar.removeAttribute('value');
      setText(text, words);
    },
    finish(message) {
      controller = null;
      bar.value = bar.max; // also when the optimiser stops before its budget
      cancel.disabled = true;
      setText(text, message);
    },
  };
}

/** A run's primary button. */
export function runButton(text: string, testid: string): HTMLButtonElement {
  return h('button', { type: 'button', text, class: 'primary', 'data-testid': testid });
}

export interface JobParts {
  run: HTMLButtonElement;
  problems: ProblemBox;
  progress: ProgressRow;
  out: HTMLElement;
  /** the fields in a row with the Run button, then the problems, the progress and the outcome */
  layout(...fields: HTMLElement[]): HTMLElement[];
}

/**
 * A job's Run button and what goes under its fields, with test ids from `name`: `name-run`,
 * `name-problems` (what is wrong with the fields), the progress row, `name-results` (the outcome).
 */
export function jobParts(name: string, job: string, runText: string): JobParts {
  const run = runButton(runText, `${name}-run`);
  const problems = problemBox(`${name}-problems`);
  const progress = progressRow(name, job);
  const out = h('div', { class: `cmp-${name}-out`, 'data-testid': `${name}-results` });
  return {
    run,
    problems,
    progress,
    out,
    layout: (...fields) => [
      h('div', { class: 'cmp-buttons' }, ...fields, run),
      problems.element,
      progress.element,
      out,
    ],
  };
}

/** A test for "is this another value than last time?", e.g. another loaded scenario in a new state. */
export function changeTracker<T>(first: T): (value: T) => boolean {
  let last = first;
  return (value) => {
    if (value === last) return false;
    last = value;
    return true;
  };
}

/**
 * Runs `work` behind a progress row: started with `label`, finished with `done(result)`, or
 * "cancelled" / "failed: …". Returns the result, or null when it did not complete.
 */
export async function tracked<T>(
  progress: ProgressRow,
  label: string,
  work: (signal: AbortSignal) => Promise<T>,
  done: (result: T) => string,
): Promise<T | null> {
  const signal = progress.start(label);
  try {
    const result = await work(signal);
    progress.finish(done(result));
    return result;
  } catch (e) {
    const cancelled = e instanceof Error && e.name === 'CancelledError';
    progress.finish(cancelled ? 'cancelled' : `failed: ${errorText(e)}`);
    return null;
  }
}

/**
 * A table in a box that scrolls sideways when the table is wider than its panel. The box is a
 * named, focusable region so that a keyboard user can scroll it with the arrow keys.
 */
export function scrollBox(table: HTMLTableElement, name: string): HTMLElement {
  return h('div', { class: 'cmp-scroll', role: 'region', tabindex: 0, 'aria-label': name }, table);
}

/** A section of the panel with its heading. */
export function section(title: string, ...children: (Node | null)[]): HTMLElement {
  const id = uid('cmp-h');
  return h(
    'section',
    { class: 'cmp-section', 'aria-labelledby': id },
    h('h3', { id, text: title }),
    ...children,
  );
}

/** A section folded until its summary is clicked (or Enter / Space on it); `onOpen` runs on opening. */
export function foldedSection(
  title: string,
  testid: string,
  onOpen: (() => void) | null,
  ...children: (Node | null)[]
): HTMLElement {
  const d = h(
    'details',
    { class: 'cmp-section', 'data-testid': testid },
    h('summary', {}, h('h3', { text: title })),
    ...children,
  );
  if (onOpen) d.addEventListener('toggle', () => d.open && onOpen());
  return d;
}

/**
 * Replaces a container's children and gives the focus back to the new control with the same
 * data-testid, so that a keyboard user who changed a row does not lose their place.
 */
export function replaceKeepingFocus(container: HTMLElement, ...children: Node[]): void {
  const active = document.activeElement;
  const testid =
    active instanceof HTMLElement && container.contains(active) ? active.dataset.testid : undefined;
  container.replaceChildren(...children);
  if (testid) container.querySelector<HTMLElement>(`[data-testid="${CSS.escape(testid)}"]`)?.focus();
}
