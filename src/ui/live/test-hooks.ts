/**
 * What the page exposes as `window.shoreline`: the scene, the views, the worker client and the store
 * for the end-to-end tests and for poking at the app from the console (`client.liveStaffing()` is what
 * the run staffs now, `store.scenario` what the page says it should), and — only with `?debug` —
 * hooks that crash the worker, cap its event budget or run a replication in it (robustness tests).
 */
import type { Scenario } from '../../sim/scenario';
import type { SimClient } from '../../worker/client';
import { appStateOf } from '../state/saved';
import type { AppStore } from '../state/store';

export function exposeForTests(
  parts: { scene: unknown; views: unknown; client: SimClient; store: AppStore; idle: () => Promise<void> },
  debug: boolean,
): void {
  const { client, store } = parts;
  (window as unknown as { shoreline: unknown }).shoreline = {
    ...parts,
    ...(debug && {
      debug: {
        crash: (mode: 'throw' | 'close' | 'hang') => client.crashForTest(mode),
        setEventBudget: (n?: number) => client.setEventBudgetForTest(n),
        runReplication: (s: Scenario, sd: string) => client.runReplicationForTest(s, sd),
        state: () => appStateOf(store),
      },
    }),
  };
}
