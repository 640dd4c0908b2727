/**
 * The app's one state: the scenario as edited (with its undo history), where it came from, the seed
 * and the compare panel's state (its variants, base, last comparison: compare.ts). Plain data with
 * subscriptions, grown from the editor's edit flow:
 *
 *   edits, sliders, undo/redo, the optimiser's and the plan's "apply", a loaded file or link
 *     → store (one validation gate, one history) → subscribers: the worker link, every panel, storage
 *
 * Nothing is driven by firing DOM events at other components, and nothing goes back up except through
 * the store. A commit tells every subscriber once, with what changed: a new scenario (`loaded`: a new
 * run and a new history), an `edit` (undo and redo are edits too; `live` when only agents and split
 * changed, so the run goes on), the run's refusal of the last edit (`refused`: the store stepped back),
 * the `seed`, or the compare panel's `variants` (the list, the base, a comparison, a run going: the
 * run and the scenario's panels pass over it). A drag of one control is one undo step (history.ts
 * merges by key). A change that changes nothing (the same scenario, a variant renamed to its own name)
 * reaches no one.
 *
 * Hand-written rather than nanostores or @preact/signals-core: the whole store is one value and one
 * listener list (a handful of subscribers), which those libraries would wrap without making it shorter.
 *
 * No DOM and no worker: unit-tested in Node (test/store.test.ts, test/store-compare.test.ts).
 */
import { onlyLiveChanges, sameScenario } from '../../scenario/live-changes';
import { validateScenario } from '../../scenario/validate';
import type { Scenario } from '../../sim/scenario';
import {
  initialCompareData,
  withBase,
  withBusy,
  withComparison,
  withVariantAdded,
  withVariantRemoved,
  withVariantRenamed,
  withVariants,
  type CompareData,
  type ComparedOn,
  type ComparisonRun,
  type Variant,
} from './compare';
import { ScenarioHistory } from './history';

/** Where the scenario came from: a bundled one (its id), a file (its name), or neither (a link, storage). */
export interface Source {
  id: string | null;
  file: string | null;
}

export interface AppData {
  /** the scenario the run plays, as edited; null before the first load */
  readonly scenario: Scenario | null;
  readonly source: Source;
  readonly seed: string;
  /** the compare panel's variants, base and last comparison */
  readonly compare: CompareData;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  /** the scenario differs from the one loaded (an undo back to it makes this false again) */
  readonly edited: boolean;
}

/** Who made an edit: the history key merges a drag; the origin is for the subscribers' notices. */
export type EditOrigin = 'editor' | 'slider' | 'history' | 'optimiser' | 'plan';

export type Change =
  | { kind: 'loaded' }
  | { kind: 'edit'; live: boolean; origin: EditOrigin }
  | { kind: 'refused' }
  | { kind: 'seed' }
  | { kind: 'variants' };

export type Subscriber = (data: AppData, change: Change) => void;

/** What the compare panel may change: its own part of the state, through the store. */
export type CompareActions = Pick<
  AppStore,
  'addVariant' | 'removeVariant' | 'renameVariant' | 'setBaseVariant' | 'compared' | 'setBusy'
>;

export class AppStore {
  private history: ScenarioHistory | null = null;
  /** the scenario as loaded, that `edited` compares with (one compare per change, cached) */
  private loaded: Scenario | null = null;
  private editedCache: { of: Scenario; edited: boolean } | null = null;
  private source: Source = { id: null, file: null };
  /** what a refused load goes back to: the history and source before it (until the next change) */
  private beforeLoad: {
    history: ScenarioHistory | null;
    source: Source;
    loaded: Scenario | null;
  } | null = null;
  private seed: string;
  private compare: CompareData = initialCompareData();
  private readonly subscribers = new Set<Subscriber>();

  constructor(seed = '1') {
    this.seed = seed;
  }

  get data(): AppData {
    const h = this.history;
    return {
      scenario: h?.current ?? null,
      source: this.source,
      seed: this.seed,
      compare: this.compare,
      canUndo: h?.canUndo ?? false,
      canRedo: h?.canRedo ?? false,
      edited: this.isEdited(),
    };
  }

  private isEdited(): boolean {
    const now = this.history?.current;
    if (!now || !this.loaded) return false;
    if (this.editedCache?.of !== now) this.editedCache = { of: now, edited: !sameScenario(now, this.loaded) };
    return this.editedCache.edited;
  }

  get scenario(): Scenario | null {
    return this.history?.current ?? null;
  }

  /** The scenario as loaded (or the bundled one a saved state was edited from): what edits are measured against. */
  get base(): Scenario | null {
    return this.loaded;
  }

  /** `fn` hears every change from now on; the returned function stops it. */
  subscribe(fn: Subscriber): () => void {
    this.subscribers.add(fn);
    return () => this.subscribers.delete(fn);
  }

  /**
   * A newly opened scenario (picker, file, link, saved state): a new run and a new history; a link or
   * a saved state brings its seed along, and the bundled scenario it was edited from (`base`: what
   * `edited` compares with).
   */
  load(s: Scenario, source: Source = { id: null, file: null }, seed?: string, base: Scenario = s): void {
    this.beforeLoad = { history: this.history, source: this.source, loaded: this.loaded };
    if (seed !== undefined) this.seed = seed;
    this.history = new ScenarioHistory(s);
    this.loaded = base;
    this.source = source;
    this.emit({ kind: 'loaded' });
  }

  /**
   * An edited scenario. One the schema refuses, or the same as now, is ignored (false). `key` names the
   * control, so a drag of it (commits with the same key within MERGE_MS) is one undo step.
   */
  commit(next: Scenario, key: string | null, origin: EditOrigin = 'editor'): boolean {
    const h = this.history;
    if (!h || sameScenario(h.current, next)) return false;
    // the one gate: nothing reaches the history (and so the run, storage or a link) unchecked
    if (!validateScenario(next).ok) return false;
    const prev = h.current;
    h.push(next, key);
    this.emit({ kind: 'edit', live: onlyLiveChanges(prev, next), origin });
    return true;
  }

  undo(): boolean {
    return this.walk((h) => h.undo());
  }

  redo(): boolean {
    return this.walk((h) => h.redo());
  }

  /**
   * The run refused the last change (the engine, past the schema): a load goes back to the scenario and
   * history before it, an edit is stepped back; the old run goes on.
   */
  refused(): void {
    const before = this.beforeLoad;
    if (before?.history) {
      this.history = before.history;
      this.source = before.source;
      this.loaded = before.loaded;
    } else if (!this.history?.undo()) return;
    this.beforeLoad = null;
    this.emit({ kind: 'refused' });
  }

  /** A run with this seed, from the start (a reset: the same seed restarts too). */
  setSeed(seed: string): void {
    this.seed = seed;
    this.emit({ kind: 'seed' });
  }

  /** Adds a variant under a unique name ("a (2)" when "a" is taken). */
  addVariant(name: string, scenario: Scenario): void {
    this.setCompare(withVariantAdded(this.compare, name, scenario));
  }

  removeVariant(i: number): void {
    this.setCompare(withVariantRemoved(this.compare, i));
  }

  renameVariant(i: number, name: string): void {
    this.setCompare(withVariantRenamed(this.compare, i, name));
  }

  /** The variant the paired differences are measured against. */
  setBaseVariant(i: number): void {
    this.setCompare(withBase(this.compare, i));
  }

  /** Replaces every variant (a link, the saved state): the last comparison is dropped. */
  setVariants(variants: readonly Variant[]): void {
    this.setCompare(withVariants(this.compare, variants));
  }

  /** A finished comparison of `on` (the variants and base as they were when it started). */
  compared(run: Omit<ComparisonRun, 'on' | 'stale'>, on: ComparedOn): void {
    this.setCompare(withComparison(this.compare, run, on));
  }

  /** A comparison, sweep or optimiser run started or ended (one at a time). */
  setBusy(busy: boolean): void {
    this.setCompare(withBusy(this.compare, busy));
  }

  private setCompare(next: CompareData): void {
    if (next === this.compare) return;
    this.compare = next;
    this.emit({ kind: 'variants' });
  }

  private walk(step: (h: ScenarioHistory) => Scenario | null): boolean {
    const h = this.history;
    if (!h) return false;
    const prev = h.current;
    const next = step(h);
    if (!next) return false;
    this.emit({ kind: 'edit', live: onlyLiveChanges(prev, next), origin: 'history' });
    return true;
  }

  private emit(change: Change): void {
    // the compare panel's changes leave the scenario alone: a refused load still goes back past them
    if (change.kind === 'edit' || change.kind === 'refused' || change.kind === 'seed') this.beforeLoad = null;
    const data = this.data;
    for (const fn of [...this.subscribers]) fn(data, change);
  }
}
