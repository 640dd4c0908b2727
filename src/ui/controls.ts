/**
 * The run controls: scenario picker and "open file", play/pause, step, speed, seed and reset, and the
 * list of problems found in a scenario file. Plain DOM; main.ts supplies what each control does.
 */
import { h, setText, uid } from './dom';
import type { BundledScenario } from './scenarios';

export interface ControlHandlers {
  scenario(id: string): void;
  file(file: File): void;
  playPause(): void;
  step(): void;
  speed(simSecondsPerSecond: number): void;
  reset(seed: string): void;
}

/** Simulated seconds per real second; Infinity = as fast as the worker can go. */
export const SPEEDS: { label: string; value: number }[] = [
  { label: 'real time ×1', value: 1 },
  { label: '×10', value: 10 },
  { label: '×60 (1 min/s)', value: 60 },
  { label: '×600 (10 min/s)', value: 600 },
  { label: '×3600 (1 h/s)', value: 3600 },
  { label: 'max', value: Infinity },
];
export const DEFAULT_SPEED = 600;
export const STEP_SECONDS = 60;

export interface Controls {
  element: HTMLElement;
  problems: HTMLElement;
  setPlaying(playing: boolean, done: boolean): void;
  /** selects a bundled scenario in the picker, or shows a file's name; "(edited)" while it differs from it as loaded */
  showScenario(id: string | null, fileName?: string, edited?: boolean): void;
  setSeed(seed: string): void;
  showProblems(source: string, problems: string[]): void;
  clearProblems(): void;
}

/** "Open file": a scenario, a forecast CSV or a calibrate --fit file. */
function fileInput(on: ControlHandlers): HTMLInputElement {
  const file = h('input', {
    id: uid('file'),
    type: 'file',
    accept: '.json,application/json,.csv,text/csv',
    'data-testid': 'file',
  });
  file.addEventListener('change', () => {
    const f = file.files?.[0];
    if (f) on.file(f);
    file.value = ''; // so choosing the same file again (after fixing it) loads it again
  });
  return file;
}

/** The seed field and Reset (Enter in the field resets too). */
function seedField(on: ControlHandlers, initialSeed: string) {
  const seed = h('input', {
    id: uid('seed'),
    type: 'text',
    value: initialSeed,
    size: 8,
    spellcheck: 'false',
    'data-testid': 'seed',
  });
  const reset = h('button', { type: 'button', 'data-testid': 'reset', text: 'Reset' });
  reset.addEventListener('click', () => on.reset(seed.value.trim() || '1'));
  seed.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') on.reset(seed.value.trim() || '1');
  });
  return { seed, reset };
}

function speedSelect(on: ControlHandlers): HTMLSelectElement {
  const speed = h('select', { id: uid('speed'), 'data-testid': 'speed' });
  for (const s of SPEEDS) {
    speed.append(h('option', { value: String(s.value), text: s.label, selected: s.value === DEFAULT_SPEED }));
  }
  speed.addEventListener('change', () => on.speed(Number(speed.value)));
  return speed;
}

/** The list of a file's problems, each "path: message" with the path set apart. */
function problemsBox() {
  const element = h('section', {
    class: 'problems',
    'data-testid': 'problems',
    role: 'alert',
    hidden: true,
  });
  return {
    element,
    show(source: string, list: string[]) {
      element.replaceChildren(
        h('h2', {
          text: `${source} was not loaded — ${list.length} problem${list.length === 1 ? '' : 's'}:`,
        }),
        h(
          'ul',
          {},
          ...list.map((line) => {
            // "path: message" → the path set apart, so each field's error is easy to find
            const i = line.indexOf(': ');
            return i > 0
              ? h('li', {}, h('code', { text: line.slice(0, i) }), `: ${line.slice(i + 2)}`)
              : h('li', { text: line });
          }),
        ),
        h('p', { text: 'The current run keeps going.' }),
      );
      element.hidden = false;
    },
    clear() {
      element.hidden = true;
      element.replaceChildren();
    },
  };
}

export function buildControls(
  scenarios: BundledScenario[],
  on: ControlHandlers,
  initialSeed: string,
): Controls {
  const picker = h('select', { id: uid('scenario'), 'data-testid': 'scenario-picker' });
  const bundledOptions = scenarios.map((s) => h('option', { value: s.id, text: s.id }));
  picker.append(...bundledOptions);
  const fileOption = h('option', { value: '', text: '(file)', hidden: true, disabled: true });
  picker.append(fileOption);
  picker.addEventListener('change', () => picker.value && on.scenario(picker.value));

  const file = fileInput(on);
  const play = h('button', { type: 'button', 'data-testid': 'play', 'aria-pressed': 'false', text: 'Play' });
  play.addEventListener('click', () => on.playPause());
  const step = h('button', { type: 'button', 'data-testid': 'step', text: `Step ${STEP_SECONDS / 60} min` });
  step.addEventListener('click', () => on.step());
  const speed = speedSelect(on);
  const { seed, reset } = seedField(on, initialSeed);
  const problems = problemsBox();

  const element = h(
    'div',
    { class: 'controls' },
    h('span', { class: 'field' }, h('label', { for: picker.id, text: 'Scenario' }), picker),
    h('span', { class: 'field' }, h('label', { for: file.id, text: 'Open file' }), file),
    h('span', { class: 'field buttons' }, play, step),
    h('span', { class: 'field' }, h('label', { for: speed.id, text: 'Speed' }), speed),
    h('span', { class: 'field' }, h('label', { for: seed.id, text: 'Seed' }), seed, reset),
  );

  return {
    element,
    problems: problems.element,
    setPlaying(playing, done) {
      setText(play, done ? 'Finished' : playing ? 'Pause' : 'Play');
      play.setAttribute('aria-pressed', String(playing));
      play.disabled = done;
      step.disabled = done;
    },
    showScenario(id, fileName, edited = false) {
      const mark = edited ? ' (edited)' : '';
      for (const o of bundledOptions) o.textContent = o.value + (o.value === id ? mark : '');
      if (id) {
        picker.value = id;
      } else {
        fileOption.textContent = `file: ${fileName ?? ''}${mark}`;
        picker.value = '';
        fileOption.selected = true;
      }
    },
    setSeed(s) {
      seed.value = s;
    },
    showProblems: problems.show,
    clearProblems: problems.clear,
  };
}
