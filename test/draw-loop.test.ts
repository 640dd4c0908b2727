/**
 * DrawLoop (src/render/draw-loop.ts) in Node, with animation frames, the page's visibility and the
 * IntersectionObserver stubbed: which frames it asks for while playing, paused, moving and out of
 * sight. The browser's side is test/e2e/idle-render.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DrawLoop, sameSnapshot } from '../src/render/draw-loop';
import type { Snapshot } from '../src/sim/snapshot';

let queue = new Map<number, (t: number) => void>();
let nextId = 1;
let clock = 0;
let visibility = 'visible';
const docListeners: (() => void)[] = [];
let onIntersect: ((e: { isIntersecting: boolean }[]) => void) | null = null;
const g = globalThis as Record<string, unknown>;

/** Runs the animation frames asked for so far, `n` times over; returns how many ran. */
function runFrames(n = 1): number {
  let ran = 0;
  for (let k = 0; k < n; k++) {
    const due = queue;
    queue = new Map();
    clock += 16;
    for (const f of due.values()) {
      f(clock);
      ran++;
    }
  }
  return ran;
}

beforeEach(() => {
  queue = new Map();
  g.requestAnimationFrame = (f: (t: number) => void) => (queue.set(nextId, f), nextId++);
  g.cancelAnimationFrame = (id: number) => queue.delete(id);
  g.document = {
    get visibilityState() {
      return visibility;
    },
    addEventListener: (_: string, f: () => void) => docListeners.push(f),
    removeEventListener: () => {},
  };
  g.IntersectionObserver = class {
    constructor(cb: (e: { isIntersecting: boolean }[]) => void) {
      onIntersect = cb;
    }
    observe() {}
    disconnect() {}
  };
});

afterEach(() => {
  for (const k of ['requestAnimationFrame', 'cancelAnimationFrame', 'document', 'IntersectionObserver'])
    delete g[k];
  docListeners.length = 0;
  visibility = 'visible';
});

/** A loop whose picture keeps moving for `moving` more frames after each change. */
function makeLoop(movingFrames = 0) {
  let left = 0;
  let drawn = 0;
  const loop = new DrawLoop({} as HTMLElement, () => {
    drawn++;
    return left-- > 0;
  });
  return {
    loop,
    drawn: () => drawn,
    change: () => {
      left = movingFrames;
      loop.invalidate();
    },
  };
}

describe('DrawLoop', () => {
  it('draws every frame while playing, and nothing once paused and still', () => {
    const { loop, drawn } = makeLoop();
    loop.setPlaying(true);
    expect(runFrames(10)).toBe(10);
    loop.setPlaying(false);
    runFrames(1); // the frame already asked for
    const still = drawn();
    expect(runFrames(10)).toBe(0);
    expect(drawn()).toBe(still);
    expect(loop.fps).toBe(0);
  });

  it('paused, draws a change once, and goes on only while something moves', () => {
    const { loop, drawn, change } = makeLoop(3);
    change();
    expect(runFrames(20)).toBe(4); // the change, then 3 frames of movement
    expect(drawn()).toBe(4);
    loop.invalidate();
    loop.invalidate(); // two changes before the frame: one frame
    expect(runFrames(5)).toBe(1);
  });

  it('out of sight draws nothing, and draws what changed once back', () => {
    const { loop, change } = makeLoop();
    loop.setPlaying(true);
    runFrames(2);
    visibility = 'hidden';
    for (const f of docListeners) f();
    expect(runFrames(5)).toBe(0);
    visibility = 'visible';
    for (const f of docListeners) f();
    expect(runFrames(3)).toBe(3);

    loop.setPlaying(false);
    runFrames(1);
    onIntersect!([{ isIntersecting: false }]); // scrolled away
    change();
    expect(runFrames(5)).toBe(0);
    onIntersect!([{ isIntersecting: true }]);
    expect(runFrames(5)).toBe(1);

    loop.setShown(false); // the other view is shown
    change();
    expect(runFrames(5)).toBe(0);
    loop.setShown(true);
    expect(runFrames(5)).toBe(1);
    expect(loop.frames).toBe(2 + 3 + 1 + 1 + 1);
  });
});

describe('sameSnapshot', () => {
  const snap = (): Snapshot => ({
    nSites: 1,
    nGroups: 1,
    nChannels: 1,
    data: new Float64Array([1, Number.NaN, 3]),
    agentState: new Uint8Array([0, 1]),
    agentGroup: new Uint16Array([0, 0]),
    agentLoad: new Uint8Array([0, 1]),
  });

  it('is true for the same state (NaN included) and false for any field changed', () => {
    expect(sameSnapshot(snap(), snap())).toBe(true);
    expect(sameSnapshot(null, snap())).toBe(false);
    for (const edit of [
      (s: Snapshot) => (s.data[2] = 4),
      (s: Snapshot) => (s.data[1] = 0),
      (s: Snapshot) => (s.agentState[1] = 2),
      (s: Snapshot) => (s.agentGroup[0] = 1),
      (s: Snapshot) => (s.agentLoad[0] = 1),
      (s: Snapshot) => (s.agentState = new Uint8Array([0, 1, 0])),
    ]) {
      const b = snap();
      edit(b);
      expect(sameSnapshot(snap(), b)).toBe(false);
    }
  });
});
