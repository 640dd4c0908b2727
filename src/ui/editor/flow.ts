/**
 * The one-way flow of scenario changes: edits and slider moves → scenario (already valid) → history →
 * the live run. It decides how a change reaches the run: agents and split go to the running
 * simulation as they are (the run goes on), any other change restarts it. Undo and redo replay the
 * same decision between two scenarios of the history.
 *
 * No DOM and no worker: the page supplies a FlowTarget, so this is unit-tested in Node.
 */
import { validateScenario } from '../../scenario/validate';
import type { Scenario } from '../../sim/scenario';
import { onlyLiveChanges, sameScenario } from './edits';
import { ScenarioHistory } from './history';

export interface FlowTarget {
  /** loads `next` into a new run; false if the engine refused it (the old run goes on) */
  restart(next: Scenario): Promise<boolean>;
  /** moves the live controls (and so the run) to `next`'s agents and split, without a restart */
  live(next: Scenario): void;
  /** the current scenario changed (editor, persistence); `live`: only agents and split changed */
  shown(current: Scenario, canUndo: boolean, canRedo: boolean, live: boolean): void;
}

export type ChangeOrigin = 'edit' | 'slider' | 'history';

export class EditFlow {
  private history: ScenarioHistory | null = null;

  constructor(private readonly target: FlowTarget) {}

  get scenario(): Scenario | null {
    return this.history?.current ?? null;
  }

  /** A newly loaded scenario (picker, file, link, saved state): a new history. */
  loaded(s: Scenario): void {
    if (this.history) this.history.reset(s);
    else this.history = new ScenarioHistory(s);
    this.show();
  }

  /**
   * A scenario from an edit or a slider (one the schema refuses is ignored: 'none'). A slider has already moved the run; an edit restarts
   * it unless only agents and split changed. Resolves to how it was applied.
   */
  async commit(
    next: Scenario,
    key: string | null,
    origin: ChangeOrigin = 'edit',
  ): Promise<'none' | 'live' | 'restart'> {
    const h = this.history;
    if (!h || sameScenario(h.current, next)) return 'none';
    // the one gate: nothing reaches the history (and so the run, storage or a link) unchecked
    if (!validateScenario(next).ok) return 'none';
    const prev = h.current;
    h.push(next, key);
    return this.apply(prev, next, origin);
  }

  async undo(): Promise<'none' | 'live' | 'restart'> {
    const h = this.history;
    if (!h) return 'none';
    const prev = h.current;
    const next = h.undo();
    return next ? this.apply(prev, next, 'history') : 'none';
  }

  async redo(): Promise<'none' | 'live' | 'restart'> {
    const h = this.history;
    if (!h) return 'none';
    const prev = h.current;
    const next = h.redo();
    return next ? this.apply(prev, next, 'history') : 'none';
  }

  private async apply(prev: Scenario, next: Scenario, origin: ChangeOrigin): Promise<'live' | 'restart'> {
    if (onlyLiveChanges(prev, next)) {
      if (origin !== 'slider') this.target.live(next);
      this.show(true);
      return 'live';
    }
    this.show(false);
    if (!(await this.target.restart(next))) {
      // the engine refused what the schema let through: take the step back, the old run goes on
      this.history?.undo();
      this.show(false);
    }
    return 'restart';
  }

  private show(live = false): void {
    const h = this.history;
    if (h) this.target.shown(h.current, h.canUndo, h.canRedo, live);
  }
}
