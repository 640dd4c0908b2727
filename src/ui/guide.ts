/**
 * A short guided start (issue 27: a new planner had to know the app's mechanics to answer "what if we
 * move 25 % more of our voice to the vendor?"): a three-step strip on the first visit — pick a
 * scenario → change the split → compare at equal service — each step a button that takes the planner
 * to its control. Dismissed once, it stays dismissed (local storage; without storage it shows on each
 * visit, and dismissing hides it for the visit).
 */
import { h } from './dom';

export const GUIDE_KEY = 'shoreline.guide.dismissed';

export interface GuideTargets {
  /** the scenario picker */
  picker(): HTMLElement | null;
  /** the first split slider of the live view */
  split(): HTMLElement | null;
  /** the compare panel */
  compare(): HTMLElement | null;
}

const STEPS: { label: string; hint: string; target: keyof GuideTargets }[] = [
  { label: 'Pick a scenario', hint: 'the picker at the top', target: 'picker' },
  { label: 'Change the split', hint: 'Location mix, in percent', target: 'split' },
  { label: 'Compare at equal service', hint: 'save variants, then run Compare', target: 'compare' },
];

function dismissed(storage: Storage | null): boolean {
  try {
    return storage?.getItem(GUIDE_KEY) === '1';
  } catch {
    return false;
  }
}

export function buildGuide(storage: Storage | null, targets: GuideTargets): { element: HTMLElement } {
  const close = h('button', {
    type: 'button',
    class: 'dismiss',
    text: 'Dismiss',
    'data-testid': 'guide-dismiss',
  });
  const steps = STEPS.map((step, i) => {
    const go = h('button', { type: 'button', class: 'guide-step', 'data-testid': `guide-step-${i + 1}` });
    go.append(h('strong', { text: `${i + 1}. ${step.label}` }), ' ', h('small', { text: `(${step.hint})` }));
    go.addEventListener('click', () => {
      const el = targets[step.target]();
      el?.scrollIntoView({ block: 'center' });
      el?.focus({ preventScroll: true });
    });
    return h('li', {}, go);
  });
  const element = h(
    'nav',
    { class: 'guide', 'aria-label': 'Getting started', 'data-testid': 'guide', hidden: dismissed(storage) },
    h('span', { class: 'guide-title', text: 'Getting started:' }),
    h('ol', {}, ...steps),
    close,
  );
  close.addEventListener('click', () => {
    element.hidden = true;
    try {
      storage?.setItem(GUIDE_KEY, '1');
    } catch {
      // storage full or refused: hidden for this visit only
    }
  });
  return { element };
}
