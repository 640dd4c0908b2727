/** The live view's Floor/Map choice is kept in storage, and bad or blocked storage means the floor. */
import { describe, expect, it } from 'vitest';
import { readViewChoice, saveViewChoice, VIEW_KEY } from '../src/ui/view-toggle';
import { stackCells } from '../src/render/map/stack';

function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, String(v)),
  };
}

describe('view choice', () => {
  it('round-trips through storage and defaults to the floor', () => {
    const s = memoryStorage();
    expect(readViewChoice(s)).toBe('floor');
    saveViewChoice(s, 'map');
    expect(s.getItem(VIEW_KEY)).toBe('map');
    expect(readViewChoice(s)).toBe('map');
    saveViewChoice(s, 'floor');
    expect(readViewChoice(s)).toBe('floor');
    s.setItem(VIEW_KEY, 'globe');
    expect(readViewChoice(s)).toBe('floor');
  });

  it('survives missing or throwing storage', () => {
    expect(readViewChoice(null)).toBe('floor');
    const broken = {
      ...memoryStorage(),
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('full');
      },
    } as Storage;
    expect(readViewChoice(broken)).toBe('floor');
    expect(() => saveViewChoice(broken, 'map')).not.toThrow();
  });
});

describe('queue stack', () => {
  it('grows one cell per contact, then more slowly, and never past its cap', () => {
    expect(stackCells(0)).toBe(0);
    expect(stackCells(5)).toBe(5);
    expect(stackCells(12)).toBe(12);
    expect(stackCells(24)).toBeGreaterThan(12);
    expect(stackCells(48)).toBeGreaterThan(stackCells(24));
    expect(stackCells(1e6)).toBe(24);
  });
});
