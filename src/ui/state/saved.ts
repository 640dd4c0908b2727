/**
 * The store and what outlives the page: every change is saved to local storage (debounced), an older
 * `#s=` link in the address is taken out once the state moves on, and a link or the saved state is
 * brought back into the store at start-up or when a link is pasted into the address bar.
 */
import { makeAppState, type AppState } from '../compare/state';
import type { Notices } from '../notices';
import { readLinkState, readStoredState, StateSaver } from '../persist';
import type { BundledScenario } from '../scenarios';
import { bundledIdFor, clearLinkHash } from '../session';
import { onlyLiveChanges } from '../../scenario/live-changes';
import type { AppStore } from './store';

/** The state a reload or a link brings back: the scenario as edited, the seed, the variants. */
export function appStateOf(store: AppStore): AppState | null {
  const { scenario, seed, compare } = store.data;
  return scenario ? makeAppState(scenario, seed, compare.variants) : null;
}

/** Saves every change of the store; flushes when the page is hidden or closed. */
export function saveChanges(store: AppStore, storage: Storage | null, notices: Notices): void {
  const saver = new StateSaver(storage, {
    error: (m) => notices.show('storage', m),
    saved: () => notices.clear('storage'),
  });
  store.subscribe(() => {
    clearLinkHash(); // a link in the address is older than this change
    saver.schedule(() => appStateOf(store));
  });
  addEventListener('pagehide', () => saver.flush());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') saver.flush();
  });
}

/** Opens a saved or linked state: its variants (the last results dropped), then its scenario and seed (a new run). */
export function openState(store: AppStore, state: AppState, bundled: readonly BundledScenario[]): void {
  store.setVariants(state.variants);
  // a bundled scenario with only its sliders moved is still that scenario in the picker
  const id =
    bundledIdFor(bundled, state.scenario) ??
    bundled.find((b) => onlyLiveChanges(b.scenario, state.scenario))?.id ??
    null;
  // the picker reads "(edited)" while it differs from that bundled scenario
  const base = bundled.find((b) => b.id === id)?.scenario ?? state.scenario;
  store.load(state.scenario, { id, file: id ? null : state.scenario.name }, state.seed, base);
}

/** The state to start with: a link first, then the saved state (each checked), with notices for bad ones. */
export async function startingState(
  storage: Storage | null,
  notices: Notices,
): Promise<{ state: AppState | null; fromLink: boolean }> {
  const fromLink = await readLinkState(location.hash);
  const fromStore = readStoredState(storage);
  if (fromLink.kind === 'bad')
    notices.show(
      'link',
      `${fromLink.message} The app opened your saved or default scenario instead.`,
      'warning',
    );
  if (fromStore.kind === 'bad') notices.show('storage', fromStore.message);
  if (fromLink.kind === 'ok') return { state: fromLink.state, fromLink: true };
  return { state: fromStore.kind === 'ok' ? fromStore.state : null, fromLink: false };
}

/** A `#s=` link pasted into this tab's address bar (a link the page wrote for the current state is left alone). */
export function followPastedLinks(store: AppStore, notices: Notices, open: (s: AppState) => void): void {
  addEventListener('hashchange', () => {
    void (async () => {
      const link = await readLinkState(location.hash);
      if (link.kind === 'bad')
        notices.show('link', `${link.message} The current run keeps going.`, 'warning');
      if (link.kind !== 'ok' || JSON.stringify(link.state) === JSON.stringify(appStateOf(store))) return;
      notices.clear('link');
      open(link.state);
      clearLinkHash();
    })();
  });
}
