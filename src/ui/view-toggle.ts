/**
 * The live view's switch between the floor (sites as boxes of agents) and the map (sites at their
 * cities on a world map). Two toggle buttons named "Floor" and "Map" (aria-pressed), so a screen
 * reader hears which is on. The choice is kept in the same localStorage as the rest of the page's
 * state (./persist.ts), under its own key: it is a preference of the page, not part of the scenario
 * (a link or a downloaded scenario does not carry it).
 */
import { h } from './dom';

export type LiveViewKind = 'floor' | 'map';
export const VIEW_KEY = 'shoreline.view.v1';

/** The stored choice; the floor when nothing (or nothing valid) is stored or storage is blocked. */
export function readViewChoice(storage: Storage | null): LiveViewKind {
  try {
    return storage?.getItem(VIEW_KEY) === 'map' ? 'map' : 'floor';
  } catch {
    return 'floor';
  }
}

export function saveViewChoice(storage: Storage | null, view: LiveViewKind): void {
  try {
    storage?.setItem(VIEW_KEY, view);
  } catch {
    // a full or blocked storage: the choice holds for this tab only
  }
}

export interface ViewToggle {
  element: HTMLElement;
  /** shows `view` as the pressed button (does not call `choose`) */
  set(view: LiveViewKind): void;
}

export function buildViewToggle(initial: LiveViewKind, choose: (view: LiveViewKind) => void): ViewToggle {
  const button = (view: LiveViewKind, label: string) => {
    const b = h('button', { type: 'button', class: 'view-button', 'data-testid': `view-${view}` }, label);
    b.addEventListener('click', () => {
      set(view);
      choose(view);
    });
    return b;
  };
  const floor = button('floor', 'Floor');
  const map = button('map', 'Map');
  const set = (view: LiveViewKind) => {
    floor.setAttribute('aria-pressed', String(view === 'floor'));
    map.setAttribute('aria-pressed', String(view === 'map'));
  };
  set(initial);
  const element = h('div', { class: 'view-toggle', role: 'group', 'aria-label': 'Live view' }, floor, map);
  return { element, set };
}
