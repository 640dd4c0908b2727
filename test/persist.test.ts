/**
 * Persistence (src/ui/persist.ts) with a fake Storage: save and restore, corrupt and hostile stored
 * text, a full storage, another format version, `#s=` links; and the worker supervisor
 * (src/ui/recovery.ts) with fake workers: crashes, hangs and give-up.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { validateScenario } from '../src/scenario/validate';
import type { Scenario } from '../src/sim/scenario';
import { encodeState } from '../src/share/url-state';
import { makeAppState, type AppState } from '../src/ui/compare/state';
import {
  openStorage,
  readLinkState,
  readStoredState,
  SAVE_DEBOUNCE_MS,
  StateSaver,
  STORAGE_KEY,
} from '../src/ui/persist';
import { WorkerCrashedError, WorkerSupervisor, type WorkerHandle } from '../src/ui/recovery';
import type { SimClient } from '../src/worker/client';

class FakeStorage implements Storage {
  readonly data = new Map<string, string>();
  /** setItem throws this when set */
  failWith: Error | null = null;
  get length() {
    return this.data.size;
  }
  clear() {
    this.data.clear();
  }
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  key(i: number) {
    return [...this.data.keys()][i] ?? null;
  }
  removeItem(k: string) {
    this.data.delete(k);
  }
  setItem(k: string, v: string) {
    if (this.failWith) throw this.failWith;
    this.data.set(k, String(v));
  }
}

function bundled(name: string): Scenario {
  const text = readFileSync(resolve(import.meta.dirname, `../scenarios/${name}.json`), 'utf8');
  const r = validateScenario(JSON.parse(text));
  if (!r.ok) throw new Error(r.problems.join('\n'));
  return r.scenario;
}

function sampleState(): AppState {
  const scenario = bundled('follow-the-sun');
  return makeAppState(scenario, '42', [{ name: 'cheaper', scenario: bundled('offshore-voice') }]);
}

const quotaError = () =>
  Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });

describe('persist: saved state', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves after a short debounce and restores the same state', () => {
    const storage = new FakeStorage();
    const errors: string[] = [];
    const saver = new StateSaver(storage, { error: (m) => errors.push(m) });
    const state = sampleState();
    let calls = 0;
    const get = () => (calls++, state);
    saver.schedule(get);
    saver.schedule(get);
    saver.schedule(get);
    expect(storage.getItem(STORAGE_KEY)).toBeNull();
    vi.advanceTimersByTime(SAVE_DEBOUNCE_MS + 1);
    expect(calls).toBe(1); // three changes, one write
    const back = readStoredState(storage);
    expect(back).toEqual({ kind: 'ok', state });
    expect(errors).toEqual([]);
  });

  it('flush() writes a pending change at once (page hidden or closed)', () => {
    const storage = new FakeStorage();
    const saver = new StateSaver(storage, { error: () => {} });
    saver.schedule(sampleState);
    saver.flush();
    expect(readStoredState(storage).kind).toBe('ok');
  });

  it('nothing stored, or no storage at all, is simply nothing to restore', () => {
    expect(readStoredState(new FakeStorage())).toEqual({ kind: 'none' });
    expect(readStoredState(null)).toEqual({ kind: 'none' });
    expect(
      openStorage(() => {
        throw new Error('SecurityError');
      }),
    ).toBeNull();
    expect(new StateSaver(null, { error: () => {} }).save(sampleState())).toBe(false);
  });

  it('ignores corrupt stored data with a message, never throws', () => {
    const cases: [string, RegExp][] = [
      ['{"version":1,"scenario":', /not valid JSON/],
      ['not json at all', /not valid JSON/],
      ['[1,2,3]', /not valid/],
      ['null', /not valid/],
      ['['.repeat(100_000), /nested more than/],
      [JSON.stringify({ ...sampleState(), seed: 5 }), /seed/],
      [JSON.stringify({ ...sampleState(), scenario: { name: 'x' } }), /scenario\./],
      [
        JSON.stringify({ ...sampleState(), sliders: { agents: { 'a/b': -1 }, splits: {} } }),
        /sliders\.agents/,
      ],
      [
        JSON.stringify({ ...sampleState(), variants: [{ name: 'v', scenario: 7 }] }),
        /variants\[0\]\.scenario/,
      ],
    ];
    for (const [text, why] of cases) {
      const storage = new FakeStorage();
      storage.data.set(STORAGE_KEY, text);
      const r = readStoredState(storage);
      expect(r.kind, text.slice(0, 40)).toBe('bad');
      if (r.kind === 'bad') {
        expect(r.message).toMatch(/^Your saved work was ignored: /);
        expect(r.message).toMatch(why);
      }
    }
  });

  it('rejects prototype-pollution keys in a stored scenario and pollutes nothing', () => {
    const storage = new FakeStorage();
    const text = JSON.stringify(sampleState()).replace(
      '"name":"follow-the-sun"',
      '"__proto__":{"polluted":true},"name":"follow-the-sun"',
    );
    expect(text).toContain('__proto__');
    storage.data.set(STORAGE_KEY, text);
    const r = readStoredState(storage);
    expect(r.kind).toBe('bad');
    if (r.kind === 'bad') expect(r.message).toMatch(/__proto__/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('ignores a state saved by another format version', () => {
    const storage = new FakeStorage();
    storage.data.set(STORAGE_KEY, JSON.stringify({ ...sampleState(), version: 2 }));
    const r = readStoredState(storage);
    expect(r).toMatchObject({ kind: 'bad' });
    if (r.kind === 'bad')
      expect(r.message).toMatch(/another version of Shoreline \(format 2; this one reads 1\)/);
    storage.data.set(STORAGE_KEY, JSON.stringify({ scenario: sampleState().scenario }));
    expect(readStoredState(storage).kind).toBe('bad');
  });

  it('a read error is reported, not thrown', () => {
    const storage = new FakeStorage();
    storage.getItem = () => {
      throw new Error('blocked');
    };
    expect(readStoredState(storage)).toEqual({
      kind: 'bad',
      message: 'Your saved work could not be read (blocked).',
    });
  });

  it('a full storage is reported, the stale entry removed, and the next good save clears the message', () => {
    const storage = new FakeStorage();
    const errors: string[] = [];
    let saved = 0;
    const saver = new StateSaver(storage, { error: (m) => errors.push(m), saved: () => saved++ });
    const old = sampleState();
    expect(saver.save(old)).toBe(true);
    storage.failWith = quotaError();
    expect(saver.save({ ...old, seed: 'newer' })).toBe(false);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/storage is full/);
    // a reload must not bring back a state older than the one last seen
    expect(readStoredState(storage)).toEqual({ kind: 'none' });
    storage.failWith = null;
    expect(saver.save(old)).toBe(true);
    expect(saved).toBe(1);
    // other write errors are reported with their message
    storage.failWith = new Error('disk on fire');
    saver.schedule(sampleState);
    expect(() => vi.advanceTimersByTime(SAVE_DEBOUNCE_MS + 1)).not.toThrow();
    expect(errors[1]).toMatch(/disk on fire/);
  });
});

describe('persist: #s= links', () => {
  it('restores a state from a link', async () => {
    const state = sampleState();
    const hash = `#s=${await encodeState(state)}`;
    expect(await readLinkState(hash)).toEqual({ kind: 'ok', state });
  });

  it('is nothing for an address without a link', async () => {
    expect(await readLinkState('')).toEqual({ kind: 'none' });
    expect(await readLinkState('#other')).toEqual({ kind: 'none' });
  });

  it('reports damaged, foreign and invalid links with a clear message', async () => {
    const bad = async (hash: string) => {
      const r = await readLinkState(hash);
      expect(r.kind, hash.slice(0, 30)).toBe('bad');
      return r.kind === 'bad' ? r.message : '';
    };
    expect(await bad('#s=garbage')).toMatch(/^This link could not be opened: not a Shoreline link/);
    expect(await bad('#s=v1.@@@')).toMatch(/damaged/);
    const good = await encodeState(sampleState());
    expect(await bad(`#s=${good.slice(0, good.length / 2)}`)).toMatch(/damaged/);
    expect(await bad('#s=%E0%A4%A')).toMatch(/could not be opened/);
    expect(await bad(`#s=${await encodeState({ ...sampleState(), version: 9 })}`)).toMatch(/another version/);
    const invalid = sampleState() as unknown as { scenario: { sites: { groups: { agents: number }[] }[] } };
    invalid.scenario.sites[0].groups[0].agents = -3;
    expect(await bad(`#s=${await encodeState(invalid)}`)).toMatch(
      /scenario\.sites\[0\]\.groups\[0\]\.agents/,
    );
  });
});

// ---------------------------------------------------------------------------------------------------

type Listener = (e: unknown) => void;

/** A fake worker: calls answer at once unless `silent`; events can be fired by the test. */
function fakeWorker(log: string[]) {
  const listeners = new Map<string, Listener[]>();
  const w = {
    silent: false,
    terminated: false,
    fire(type: string, e: unknown = {}) {
      for (const l of listeners.get(type) ?? []) l(e);
    },
    handle: null as unknown as WorkerHandle,
  };
  const answer = (v: unknown) => (w.silent ? new Promise(() => {}) : Promise.resolve(v));
  const client = {
    ping: () => answer(true),
    status: () => answer({ now: 1 }),
    load: () => (w.silent ? new Promise(() => {}) : Promise.reject(new Error('engine says no'))),
  } as unknown as SimClient;
  w.handle = {
    client,
    worker: {
      addEventListener: (type: string, l: Listener) => {
        listeners.set(type, [...(listeners.get(type) ?? []), l]);
      },
    } as unknown as WorkerHandle['worker'],
    terminate: () => {
      w.terminated = true;
      log.push('terminate');
    },
  };
  return w;
}

describe('recovery: worker supervisor', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup(options: { maxRestarts?: number } = {}) {
    const log: string[] = [];
    const workers: ReturnType<typeof fakeWorker>[] = [];
    const crashes: string[] = [];
    const gaveUp: string[] = [];
    let t = 0;
    const sup = new WorkerSupervisor(
      () => {
        const w = fakeWorker(log);
        workers.push(w);
        return w.handle;
      },
      {
        onCrash: (r) => crashes.push(r),
        onGiveUp: (r) => gaveUp.push(r),
        pingEveryMs: 100,
        pingTimeoutMs: 1000,
        ...options,
      },
      () => t,
    );
    const advance = async (ms: number) => {
      for (let i = 0; i < ms / 100; i++) {
        t += 100;
        await vi.advanceTimersByTimeAsync(100);
      }
    };
    return { sup, workers, crashes, gaveUp, advance, log };
  }

  it('forwards calls; an application error (a rejected load) is not a crash', async () => {
    const { sup, crashes } = setup();
    expect(await sup.client.status()).toEqual({ now: 1 });
    await expect(sup.client.load({} as Scenario, '1')).rejects.toThrow('engine says no');
    expect(crashes).toEqual([]);
    expect((sup.client as unknown as { then?: unknown }).then).toBeUndefined(); // not a thenable
    sup.dispose();
  });

  it("restarts on the worker's error event and rejects the calls left waiting", async () => {
    const { sup, workers, crashes } = setup();
    workers[0].silent = true;
    const waiting = sup.client.status();
    workers[0].fire('error', { message: 'boom' });
    await expect(waiting).rejects.toBeInstanceOf(WorkerCrashedError);
    await expect(waiting).rejects.toThrow('the simulation worker failed (boom)');
    expect(workers[0].terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expect(crashes).toEqual(['failed (boom)']);
    expect(await sup.client.status()).toEqual({ now: 1 }); // the new worker answers
    workers[0].fire('error', { message: 'late' }); // the old worker no longer counts
    expect(crashes).toHaveLength(1);
    sup.dispose();
  });

  it('restarts a worker that stops answering (closed itself or hangs)', async () => {
    const { sup, workers, crashes, advance } = setup();
    await advance(2000);
    expect(crashes).toEqual([]); // a healthy worker answers its pings
    workers[0].silent = true;
    const waiting = expect(sup.client.status()).rejects.toBeInstanceOf(WorkerCrashedError);
    await advance(1500);
    expect(crashes).toEqual(['stopped answering for 1 s']);
    await waiting;
    await advance(3000);
    expect(crashes).toHaveLength(1);
    sup.dispose();
  });

  it('gives up after repeated crashes instead of looping', async () => {
    const { sup, workers, crashes, gaveUp } = setup({ maxRestarts: 2 });
    workers[0].fire('error', {});
    workers[1].fire('messageerror', {});
    workers[2].fire('error', { message: 'again' });
    expect(crashes).toEqual(['failed to start or run', 'sent a message that could not be read']);
    expect(gaveUp).toEqual(['failed (again)']);
    expect(workers).toHaveLength(3);
    await expect(sup.client.status()).rejects.toBeInstanceOf(WorkerCrashedError);
    sup.dispose();
  });
});
