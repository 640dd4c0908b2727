/**
 * Undo and redo as a history of scenarios (not of DOM states): every committed edit and slider move
 * pushes the scenario it produced. A run of pushes with the same `key` within MERGE_MS (one slider
 * being dragged, one field being nudged) becomes one step, so one Ctrl+Z takes back the whole drag.
 *
 * Pure: unit-tested in Node.
 */
import type { Scenario } from '../../sim/scenario';

export const MERGE_MS = 1000;
export const MAX_STEPS = 200;

export class ScenarioHistory {
  private past: Scenario[] = [];
  private future: Scenario[] = [];
  private lastKey: string | null = null;
  private lastAt = -Infinity;

  constructor(private present: Scenario) {}

  get current(): Scenario {
    return this.present;
  }
  get canUndo(): boolean {
    return this.past.length > 0;
  }
  get canRedo(): boolean {
    return this.future.length > 0;
  }

  /** A new present; `key` names what changed, so a drag of one control is one step. */
  push(next: Scenario, key: string | null = null, now = Date.now()): void {
    const merge =
      key !== null && key === this.lastKey && now - this.lastAt < MERGE_MS && this.past.length > 0;
    if (!merge) {
      this.past.push(this.present);
      if (this.past.length > MAX_STEPS) this.past.shift();
    }
    this.present = next;
    this.future = [];
    this.lastKey = key;
    this.lastAt = now;
  }

  /** Forgets everything: a newly loaded scenario starts a new history. */
  reset(present: Scenario): void {
    this.present = present;
    this.past = [];
    this.future = [];
    this.lastKey = null;
  }

  undo(): Scenario | null {
    const prev = this.past.pop();
    if (!prev) return null;
    this.future.push(this.present);
    this.present = prev;
    this.lastKey = null;
    return prev;
  }

  redo(): Scenario | null {
    const next = this.future.pop();
    if (!next) return null;
    this.past.push(this.present);
    this.present = next;
    this.lastKey = null;
    return next;
  }
}
