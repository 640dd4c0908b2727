/**
 * The compare panel's state in the app's one store (src/ui/state/compare.ts through store.ts): each
 * variant action reaches every subscriber once, and one that changes nothing reaches no one; a
 * comparison survives edits that are not of its variants (the live scenario, the seed, another
 * scenario loaded, undo) and is stale exactly while its variants or base differ from those it ran on;
 * replacing the whole list (a link, the saved state) drops it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Comparison } from '../src/optimise/compare';
import type { Scenario } from '../src/sim/scenario';
import { setAt } from '../src/ui/editor/edits';
import { AppStore, type AppData, type Change } from '../src/ui/state/store';

const load = (id: string): Scenario =>
  JSON.parse(readFileSync(new URL(`../scenarios/${id}.json`, import.meta.url), 'utf8')) as Scenario;
const agents = (s: Scenario, n: number) => setAt(s, ['sites', 0, 'groups', 0, 'agents'], n);
/** The table's content does not matter here: only which object the store keeps. */
const RESULT = { variants: [] } as unknown as Comparison;

function listen(store: AppStore, n = 3) {
  const heard: { who: number; change: Change; data: AppData }[] = [];
  for (let who = 0; who < n; who++) store.subscribe((data, change) => heard.push({ who, change, data }));
  return heard;
}

/** A store with a scenario, two variants (a, b) and a comparison of them. */
function compared() {
  const store = new AppStore();
  const base = load('onshore-baseline');
  store.load(base, { id: 'onshore-baseline', file: null });
  store.addVariant('a', base);
  store.addVariant('b', agents(base, 50));
  const { variants, baseIndex } = store.data.compare;
  store.compared({ result: RESULT, seed: '1' }, { variants, baseIndex });
  return { store, base };
}

const names = (store: AppStore) => store.data.compare.variants.map((v) => v.name);
const comparison = (store: AppStore) => store.data.compare.comparison;

describe('the store’s variant actions', () => {
  it('each reaches every subscriber once, with what changed', () => {
    const { store, base } = compared();
    const heard = listen(store);
    const once = (kind: Change['kind'], act: () => void) => {
      heard.length = 0;
      act();
      expect(heard.map((h) => [h.who, h.change.kind])).toEqual([0, 1, 2].map((w) => [w, kind]));
      for (const h of heard) expect(h.data).toBe(heard[0].data); // the same data for everyone
    };
    once('variants', () => store.addVariant('a', base));
    expect(names(store)).toEqual(['a', 'b', 'a (2)']);
    once('variants', () => store.renameVariant(2, 'c'));
    expect(names(store)).toEqual(['a', 'b', 'c']);
    once('variants', () => store.setBaseVariant(2));
    once('variants', () => store.removeVariant(0));
    expect(names(store)).toEqual(['b', 'c']);
    expect(store.data.compare.baseIndex).toBe(1); // still "c"
    once('variants', () => store.setBusy(true));
    once('variants', () => store.setBusy(false));
    once('variants', () => store.setVariants([{ name: 'x', scenario: base }]));
    expect(heard[0].data.compare.variants.map((v) => v.name)).toEqual(['x']);
  });

  it('one that changes nothing reaches no one', () => {
    const { store } = compared();
    const before = store.data.compare;
    const heard = listen(store);
    store.renameVariant(1, 'b'); // its own name
    store.renameVariant(5, 'z'); // no such variant
    store.removeVariant(-1);
    store.setBaseVariant(0); // already the base
    store.setBaseVariant(7);
    store.setBusy(false); // not busy
    expect(heard).toEqual([]);
    expect(store.data.compare).toBe(before);
  });
});

describe('a comparison in the store', () => {
  it('survives edits that are not of its variants', () => {
    const { store, base } = compared();
    const run = comparison(store);
    expect(run?.stale).toBe(false);
    store.commit(agents(base, 60), 'agents:x', 'slider'); // a slider
    store.commit(setAt(store.scenario!, ['sites', 0, 'firstContactResolution'], 0.8), null); // a field
    store.undo();
    store.setSeed('7');
    store.setBusy(true);
    store.setBusy(false);
    store.load(load('offshore-voice'), { id: 'offshore-voice', file: null }); // another scenario
    expect(comparison(store)).toBe(run); // the very same results, not stale
  });

  it('is stale exactly while its variants or its base differ from those it ran on', () => {
    const { store, base } = compared();
    const stale = () => comparison(store)?.stale;
    store.addVariant('c', base);
    expect(stale()).toBe(true);
    store.removeVariant(2); // back to what it ran on
    expect(stale()).toBe(false);
    store.renameVariant(1, 'more agents');
    expect(stale()).toBe(true);
    store.renameVariant(1, 'b');
    expect(stale()).toBe(false);
    store.setBaseVariant(1);
    expect(stale()).toBe(true);
    store.setBaseVariant(0);
    expect(stale()).toBe(false);
    store.removeVariant(0);
    expect(stale()).toBe(true);
    expect(comparison(store)?.result).toBe(RESULT); // still shown, as stale
  });

  it('that ran on variants changed during the run is stale from the start', () => {
    const store = new AppStore();
    const base = load('onshore-baseline');
    store.load(base);
    store.addVariant('a', base);
    store.addVariant('b', agents(base, 50));
    const ranOn = { ...store.data.compare };
    store.addVariant('c', base); // while it runs
    store.compared({ result: RESULT, seed: '1' }, ranOn);
    expect(comparison(store)?.stale).toBe(true);
  });

  it('is dropped when the whole list is replaced (a link, the saved state)', () => {
    const { store, base } = compared();
    store.setBaseVariant(1);
    store.setVariants([
      { name: 'x', scenario: base },
      { name: 'x', scenario: base },
    ]);
    expect(comparison(store)).toBeNull();
    expect(names(store)).toEqual(['x', 'x (2)']);
    expect(store.data.compare.baseIndex).toBe(0);
  });
});
