/**
 * The live run follows the store: the one subscriber that talks to the simulation worker.
 *
 * - a loaded scenario starts a new run (`load`);
 * - an edit, an undo or a redo goes to the worker as the whole scenario (`applyLive`): the worker
 *   changes agents and split live and restarts for anything else, so the run plays what the store holds;
 * - a new seed restarts the run with it (`reset`).
 *
 * Calls go one after another, in the order of the store's changes (a drag's many commits included),
 * so the worker always ends on the store's last scenario. A scenario the engine refuses is handed back
 * to the store (`refused`), which steps back; the old run goes on. Every new run opens where there is
 * work to see (first-frame.ts) before the page shows it.
 */
import type { LiveMeta } from '../../worker/live-calendar';
import type { Scenario } from '../../sim/scenario';
import type { SimClient } from '../../worker/client';
import type { AppStore, Change } from '../state/store';
import { WorkerCrashedError } from '../recovery';
import { firstWorkSecond } from './first-frame';

export type StartReason = 'loaded' | 'restart' | 'seed' | 'recovered';

export interface RunHooks {
  /** a new run is ready at its first picture (`opensAt`: simulated seconds into day 1) */
  started(meta: LiveMeta, scenario: Scenario, reason: StartReason, opensAt: number): void;
  /** the engine refused a scenario (`label`: its file, bundled id or name + " (edited)"); the store has stepped back and the previous run goes on */
  refused(label: string, message: string): void;
}

export interface RunSync {
  /** resolves when every change so far has reached the worker (tests, recovery) */
  idle(): Promise<void>;
  /** starts the store's scenario again in a new worker (after a crash) */
  rerun(): Promise<void>;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function connectRun(store: AppStore, client: SimClient, hooks: RunHooks): RunSync {
  let queue: Promise<void> = Promise.resolve();
  const enqueue = (job: () => Promise<void>) => (queue = queue.then(job, job));

  /** Steps a fresh run to its first picture, then tells the page and plays it. */
  async function opened(meta: LiveMeta, s: Scenario, reason: StartReason): Promise<void> {
    const t = firstWorkSecond(s);
    if (t > 0) await client.step(t);
    hooks.started(meta, s, reason, t);
    await client.play();
  }

  /** The worker's answer to a change: a new run's meta (null when it went on live), or what refused it. */
  async function send(change: Change, s: Scenario, seed: string): Promise<LiveMeta | null> {
    if (change.kind === 'loaded') return client.load(s, seed);
    if (change.kind === 'seed') return client.reset(seed);
    const r = await client.applyLive(s);
    return r.applied === 'restart' ? r.meta : null;
  }

  async function handle(change: Change, s: Scenario, seed: string): Promise<void> {
    let meta: LiveMeta | null;
    try {
      meta = await send(change, s, seed);
    } catch (e) {
      // a worker that died is the supervisor's to restart (main.ts recovers the store's scenario);
      // anything else is the engine refusing the scenario: the store steps back
      if (e instanceof WorkerCrashedError || change.kind === 'seed') return console.error(e);
      const { id, file } = store.data.source;
      const label = change.kind === 'edit' ? `${s.name} (edited)` : (file ?? id ?? 'scenario');
      store.refused();
      hooks.refused(label, message(e));
      return;
    }
    if (!meta) return;
    const reason: StartReason =
      change.kind === 'edit' ? 'restart' : change.kind === 'seed' ? 'seed' : 'loaded';
    try {
      await opened(meta, s, reason);
    } catch (e) {
      console.error(e); // a crash on the way is the supervisor's (see above)
    }
  }

  store.subscribe((data, change) => {
    const s = data.scenario;
    if (!s || change.kind === 'variants' || change.kind === 'refused') return;
    const seed = data.seed;
    enqueue(() => handle(change, s, seed));
  });

  return {
    idle: () => queue,
    rerun: () =>
      enqueue(async () => {
        const s = store.scenario;
        if (s) await opened(await client.load(s, store.data.seed), s, 'recovered');
      }),
  };
}
