/**
 * The page's polling of the worker: a snapshot at display rate while the run plays (never while one
 * is in flight), the outcome so far about four times a second, and the run's status. While the run is
 * paused or finished the snapshot comes with the status, four times a second: it changes only by a
 * step or an edit then, and a round trip to the worker every frame for the same state cost CPU the
 * compare panel's workers could use. Answers to requests sent under an
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
  /** as the last status said (playing until the first one says otherwise) */
  let playing = true;
  let framesOn = true;
  const pollSnapshot = () => {
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
  const frame = () => {
    framesOn = playing;
    if (!framesOn) return;
    requestAnimationFrame(frame);
    pollSnapshot();
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
      .then((st) => {
        playing = st.playing;
        if (playing && !framesOn) requestAnimationFrame(frame);
        framesOn ||= playing;
        view.status(st);
      })
      .catch((e) => console.error(e));
    if (!playing) pollSnapshot();
    view.tick();
  }, STATUS_EVERY_MS);
}
