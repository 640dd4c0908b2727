/**
 * The page's polling of the worker: a snapshot at display rate (never while one is in flight), the
 * outcome so far about four times a second, and the run's status. Answers to requests sent under an
 * older `generation` are dropped, so a snapshot of the previous scenario never reaches the view of
 * the next one (main.ts bumps the generation before every load).
 *
 * It only reads: everything it learns goes to the `view` callbacks, never back to the scenario.
 */
import type { LiveOutcome, RunStatus } from '../../worker/live-run';
import type { SimulationMeta, Snapshot } from '../../sim/snapshot';

export const OUTCOME_EVERY_MS = 250;
export const STATUS_EVERY_MS = 250;

export interface PollSource {
  snapshot(): Promise<Snapshot>;
  outcome(): Promise<LiveOutcome>;
  status(): Promise<RunStatus>;
}

export interface PollView {
  /** the current run's meta and generation; null = nothing loaded (polling waits) */
  current(): { meta: SimulationMeta; generation: number } | null;
  snapshot(snap: Snapshot): void;
  outcome(o: LiveOutcome): void;
  status(st: RunStatus): void;
  /** every STATUS_EVERY_MS, with the latest snapshot (for the slower panels) */
  tick(): void;
}

export function startPolling(source: PollSource, view: PollView): void {
  let snapInFlight = false;
  const frame = () => {
    requestAnimationFrame(frame);
    const cur = view.current();
    if (snapInFlight || !cur) return;
    snapInFlight = true;
    source
      .snapshot()
      .then((snap) => {
        const now = view.current();
        if (!now || now.generation !== cur.generation || snap.nGroups !== now.meta.groups.length) return;
        view.snapshot(snap);
      })
      .catch((e) => console.error(e))
      .finally(() => (snapInFlight = false));
  };
  requestAnimationFrame(frame);

  let outcomeInFlight = false;
  setInterval(() => {
    const cur = view.current();
    if (outcomeInFlight || !cur) return;
    outcomeInFlight = true;
    source
      .outcome()
      .then((o) => {
        if (view.current()?.generation === cur.generation) view.outcome(o);
      })
      .catch((e) => console.error(e))
      .finally(() => (outcomeInFlight = false));
  }, OUTCOME_EVERY_MS);

  setInterval(() => {
    if (!view.current()) return;
    source
      .status()
      .then((st) => view.status(st))
      .catch((e) => console.error(e));
    view.tick();
  }, STATUS_EVERY_MS);
}
