/**
 * The simulation's worker: a thin Comlink wrapper around LiveRun, so the engine never blocks the page.
 *
 * Snapshots are transferred (their typed-array buffers move, not copy). Errors thrown by a call reach
 * the page as a rejected promise carrying the message (Comlink serialises Error objects); errors in the
 * background loop are kept in status().error.
 */
import * as Comlink from 'comlink';
import { snapshotBuffers, type Scenario } from '../sim/index';
import { LiveRun } from './live-run';

const run = new LiveRun();

const api = {
  load: (scenario: Scenario, seed: string) => run.load(scenario, seed),
  reset: (seed: string) => run.reset(seed),
  meta: () => run.meta(),
  play: () => run.play(),
  pause: () => run.pause(),
  setSpeed: (speed: number) => run.setSpeed(speed),
  step: (seconds: number) => run.step(seconds),
  setStaffing: (group: number, agents: number) => run.setStaffing(group, agents),
  setSplit: (channel: number, weights: number[]) => run.setSplit(channel, weights),
  snapshot: () => {
    const snap = run.snapshot();
    return Comlink.transfer(snap, snapshotBuffers(snap));
  },
  outcome: () => run.outcome(),
  status: () => run.status(),
};

export type SimWorkerApi = typeof api;

Comlink.expose(api);
