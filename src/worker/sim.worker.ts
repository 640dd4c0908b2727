/**
 * The simulation's worker: a thin Comlink wrapper around LiveRun, so the engine never blocks the page.
 *
 * Snapshots are transferred (their typed-array buffers move, not copy). Errors thrown by a call reach
 * the page as a rejected promise carrying the message (Comlink serialises Error objects); errors in the
 * background loop are kept in status().error.
 */
import * as Comlink from 'comlink';
import { runReplication, snapshotBuffers, type ReplicationOutcome, type Scenario } from '../sim/index';
import { LiveRun } from './live-run';

const run = new LiveRun();

// ---- debug-only methods (robustness tests): refused until the page calls enableDebug(), which it
// does only when opened with `?debug` (src/ui/main.ts)
let debug = false;
function needDebug(): void {
  if (!debug) throw new Error('debug methods are off (open the app with ?debug)');
}
export type CrashMode = 'throw' | 'close' | 'hang';

const api = {
  load: (scenario: Scenario, seed: string) => run.load(scenario, seed),
  reset: (seed: string) => run.reset(seed),
  meta: () => run.meta(),
  play: () => run.play(),
  pause: () => run.pause(),
  setSpeed: (speed: number) => run.setSpeed(speed),
  step: (seconds: number) => run.step(seconds),
  /** the edited scenario: agents and split change live, anything else restarts (LiveRun.applyLive) */
  applyLive: (scenario: Scenario) => run.applyLive(scenario),
  liveStaffing: () => run.liveStaffing(),
  setStaffing: (group: number, agents: number) => run.setStaffing(group, agents),
  setSplit: (channel: number, weights: number[]) => run.setSplit(channel, weights),
  snapshot: () => {
    const snap = run.snapshot();
    return Comlink.transfer(snap, snapshotBuffers(snap));
  },
  outcome: () => run.outcome(),
  status: () => run.status(),
  /** the page's watchdog (src/ui/recovery.ts): answers as long as the worker's event loop turns */
  ping: () => true,

  enableDebug: () => {
    debug = true;
  },
  /** Makes the worker fail on purpose: an uncaught error in its loop, a silent exit, or a busy hang. */
  crashForTest: (mode: CrashMode) => {
    needDebug();
    if (mode === 'close') setTimeout(() => self.close(), 0);
    else if (mode === 'hang')
      setTimeout(() => {
        for (;;);
      }, 0);
    else
      setTimeout(() => {
        throw new Error('crashForTest: the worker failed on purpose');
      }, 0);
  },
  /** Event budget of the next load/reset (undefined = the normal MAX_EVENTS). */
  setEventBudgetForTest: (n?: number) => {
    needDebug();
    run.setMaxEvents(n);
  },
  /** One whole replication, as the command line runs it (determinism across runtimes). */
  runReplicationForTest: (scenario: Scenario, seed: string): ReplicationOutcome => {
    needDebug();
    return runReplication(scenario, { seed });
  },
};

export type SimWorkerApi = typeof api;

Comlink.expose(api);
