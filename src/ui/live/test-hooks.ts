/**
 * What the page exposes as `window.shoreline`: the scene, the views and the worker client for the
 * end-to-end tests and for poking at the app from the console, and — only with `?debug` — hooks that
 * crash the worker, cap its event budget or run a replication in it (robustness tests).
 */
import type { Scenario } from '../../sim/scenario';
import type { SimClient } from '../../worker/client';

export function exposeForTests(
  parts: { scene: unknown; views: unknown; client: SimClient },
  debug: boolean,
  state: () => unknown,
): void {
  const { client } = parts;
  (window as unknown as { shoreline: unknown }).shoreline = {
    ...parts,
    ...(debug && {
      debug: {
        crash: (mode: 'throw' | 'close' | 'hang') => client.crashForTest(mode),
        setEventBudget: (n?: number) => client.setEventBudgetForTest(n),
        runReplication: (s: Scenario, sd: string) => client.runReplicationForTest(s, sd),
        state,
      },
    }),
  };
}
