/**
 * The page's skeleton: the header (title, run controls, status line), the main column (problems,
 * notices, the live view, its panels, the editor; Compare is appended below by mountCompare) and the
 * side column (staffing). Components are created elsewhere and placed here; the hosts are filled
 * by main.ts as scenarios load.
 */
import { h, setText } from '../dom';
import { buildLegend } from './legend';

export interface PageLayout {
  main: HTMLElement;
  name: HTMLElement;
  clock: HTMLElement;
  agents: HTMLElement;
  fps: HTMLElement;
  description: HTMLElement;
  warmUp: HTMLElement;
  stage: HTMLElement;
  figuresHost: HTMLElement;
  chartHost: HTMLElement;
  staffingHost: HTMLElement;
  /** the run's status: an error stops it (the message says what to do) */
  showRunError(error: string | null): void;
}

export function buildLayout(
  root: HTMLElement,
  parts: { controls: HTMLElement; problems: HTMLElement; notices: HTMLElement; editor: HTMLElement },
): PageLayout {
  const name = h('span', { class: 'scenario-name', 'data-testid': 'scenario-name' });
  const clock = h('span', { class: 'clock', 'data-testid': 'sim-clock', 'aria-live': 'off' });
  const agents = h('span', { 'data-testid': 'agents-logged-in' });
  const fps = h('span', { class: 'dim', 'data-testid': 'fps' });
  const runError = h('p', { class: 'run-error', role: 'alert', 'data-testid': 'run-error', hidden: true });
  const description = h('p', { class: 'description' });
  const warmUp = h('p', { class: 'note', 'data-testid': 'warm-up-note', hidden: true });
  const stage = h('div', { class: 'stage', 'data-testid': 'stage' });
  // focusable: a keyboard user can scroll the figures table when it is wider than the page (axe)
  const figuresHost = h('div', {
    class: 'figures-host',
    tabindex: 0,
    role: 'region',
    'aria-label': 'Figures so far',
  });
  const chartHost = h('div', { class: 'chart-host' });
  const staffingHost = h('aside', { class: 'side', 'aria-label': 'Staffing and location mix' });
  const main = h(
    'main',
    { class: 'main' },
    parts.problems,
    parts.notices,
    runError,
    description,
    warmUp,
    stage,
    buildLegend(),
    figuresHost,
    chartHost,
    parts.editor,
  );
  root.replaceChildren(
    h(
      'header',
      { class: 'top' },
      h('h1', {}, 'Shoreline'),
      parts.controls,
      h('div', { class: 'status' }, name, clock, agents, fps),
    ),
    main,
    staffingHost,
  );
  return {
    main,
    name,
    clock,
    agents,
    fps,
    description,
    warmUp,
    stage,
    figuresHost,
    chartHost,
    staffingHost,
    showRunError(error) {
      runError.hidden = !error;
      setText(
        runError,
        error
          ? `The run stopped: ${error}. Choose another scenario, or change the sliders and press Reset.`
          : '',
      );
    },
  };
}
