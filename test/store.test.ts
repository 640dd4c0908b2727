/**
 * The app's one store (src/ui/state/store.ts): every commit reaches every subscriber exactly once,
 * with what changed; a drag of one control is one undo step; the schema is the one gate; undo and
 * redo make the same live-or-restart decision as the edit; a refused load or edit steps back.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { setAt } from '../src/ui/editor/edits';
import { MERGE_MS, ScenarioHistory } from '../src/ui/state/history';
import { AppStore, type AppData, type Change } from '../src/ui/state/store';
import type { Scenario } from '../src/sim/scenario';

const load = (id: string): Scenario =>
  JSON.parse(readFileSync(new URL(`../scenarios/${id}.json`, import.meta.url), 'utf8')) as Scenario;
const agents = (s: Scenario, n: number) => setAt(s, ['sites', 0, 'groups', 0, 'agents'], n);

function listen(store: AppStore, n = 3) {
  const heard: { who: number; change: Change; data: AppData }[] = [];
  for (let who = 0; who < n; who++) store.subscribe((data, change) => heard.push({ who, change, data }));
  return heard;
}

describe('the store', () => {
  it('a commit reaches every subscriber once, with the new scenario and what changed', () => {
    const store = new AppStore();
    const heard = listen(store);
    const base = load('onshore-baseline');
    store.load(base, { id: 'onshore-baseline', file: null });
    expect(heard.map((h) => h.who)).toEqual([0, 1, 2]);
    heard.length = 0;
    const next = agents(base, 50);
    expect(store.commit(next, 'agents:x', 'slider')).toBe(true);
    expect(heard.map((h) => h.who)).toEqual([0, 1, 2]);
    for (const h of heard) {
      expect(h.change).toEqual({ kind: 'edit', live: true, origin: 'slider' });
      expect(h.data.scenario).toBe(next);
      expect(h.data.canUndo).toBe(true);
    }
    heard.length = 0;
    const fcr = setAt(next, ['sites', 0, 'firstContactResolution'], 0.8);
    store.commit(fcr, null);
    expect(heard.map((h) => [h.who, h.change])).toEqual(
      [0, 1, 2].map((w) => [w, { kind: 'edit', live: false, origin: 'editor' }]),
    );
  });

  it('the same scenario again, or one the schema refuses, reaches no one', () => {
    const store = new AppStore();
    const base = load('onshore-baseline');
    store.load(base);
    const heard = listen(store);
    expect(store.commit(structuredClone(base), null)).toBe(false);
    expect(store.commit(setAt(base, ['sites', 0, 'firstContactResolution'], 1.5), null)).toBe(false);
    expect(heard).toEqual([]);
    expect(store.scenario).toBe(base);
  });

  it('a drag of one slider is one undo step; undo and redo make the same live decision', () => {
    const store = new AppStore();
    const base = load('onshore-baseline');
    store.load(base);
    for (const n of [45, 48, 52, 60])
      store.commit(agents(store.scenario!, n), 'agents:columbus/agents', 'slider');
    expect(store.scenario!.sites[0].groups[0].agents).toBe(60);
    const heard = listen(store, 1);
    expect(store.undo()).toBe(true);
    expect(store.scenario).toBe(base); // the whole drag, in one step
    expect(store.data.canUndo).toBe(false);
    expect(heard[0].change).toEqual({ kind: 'edit', live: true, origin: 'history' });
    expect(store.redo()).toBe(true);
    expect(store.scenario!.sites[0].groups[0].agents).toBe(60);
  });

  it('two drags, apart in time or of two sliders, are two steps', () => {
    const h = new ScenarioHistory(load('onshore-baseline'));
    const s = h.current;
    h.push(agents(s, 50), 'a', 0);
    h.push(agents(s, 51), 'a', MERGE_MS + 1);
    h.push(agents(s, 52), 'b', MERGE_MS + 2);
    expect([h.undo(), h.undo(), h.undo()].map((x) => x?.sites[0].groups[0].agents)).toEqual([51, 50, 44]);
  });

  it('a refused edit steps back; a refused load goes back to the scenario before it', () => {
    const store = new AppStore();
    const base = load('onshore-baseline');
    store.load(base, { id: 'onshore-baseline', file: null });
    const fcr = setAt(base, ['sites', 0, 'firstContactResolution'], 0.8);
    store.commit(fcr, null);
    const heard = listen(store, 2);
    store.refused();
    expect(store.scenario).toBe(base);
    expect(heard.map((h) => h.change.kind)).toEqual(['refused', 'refused']);
    const other = load('offshore-voice');
    store.load(other, { id: null, file: 'offshore.json' });
    store.refused();
    expect(store.scenario).toBe(base);
    expect(store.data.source).toEqual({ id: 'onshore-baseline', file: null });
  });

  it('a seed and the variants are changes of their own', () => {
    const store = new AppStore();
    store.load(load('onshore-baseline'));
    const heard = listen(store, 2);
    store.setSeed('7');
    store.setVariants([{ name: 'v', scenario: load('offshore-voice') }]);
    expect(heard.map((h) => [h.who, h.change.kind])).toEqual([
      [0, 'seed'],
      [1, 'seed'],
      [0, 'variants'],
      [1, 'variants'],
    ]);
    expect(store.data.seed).toBe('7');
  });

  it('"edited" says the scenario differs from the one loaded; an undo back to it clears it (issue 27)', () => {
    const store = new AppStore();
    const base = load('onshore-baseline');
    store.load(base, { id: 'onshore-baseline', file: null });
    expect(store.data.edited).toBe(false);
    store.commit(agents(base, 50), 'agents:x', 'slider');
    expect(store.data.edited).toBe(true);
    store.undo();
    expect(store.data.edited).toBe(false);
    store.redo();
    expect(store.data.edited).toBe(true);
    // an edit that puts back the loaded value by hand is not an edit either
    store.commit(agents(base, base.sites[0].groups[0].agents ?? 0), 'agents:y', 'slider');
    expect(store.data.edited).toBe(false);
    // a saved state edited from a bundled scenario reads edited against that scenario
    store.load(agents(base, 60), { id: 'onshore-baseline', file: null }, '1', base);
    expect(store.data.edited).toBe(true);
    // a refused load goes back to the previous scenario and what it was loaded as
    store.load(load('offshore-voice'), { id: null, file: 'x.json' });
    store.refused();
    expect(store.data.edited).toBe(true);
  });
});
