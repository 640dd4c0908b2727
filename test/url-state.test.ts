import { describe, expect, it } from 'vitest';
import { decodeState, encodeState, MAX_STATE_BYTES } from '../src/share/url-state';
import { richScenario } from './support/rich';

describe('shareable URL state', () => {
  it('round-trips a scenario with sliders and variants, compactly', async () => {
    const state = {
      scenario: richScenario(1),
      seed: 'abc',
      staffing: { 'home/voice': 12 },
      split: { voice: { home: 0.2, mx: 0.5, mnl: 0.3 } },
      variants: [{ name: 'more offshore', scenario: richScenario(2) }],
    };
    const text = await encodeState(state);
    expect(text).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    expect(text.length).toBeLessThan(JSON.stringify(state).length / 3);
    expect(await decodeState(text)).toEqual(state);
  });

  it('rejects damaged, foreign and oversized links with a clear message', async () => {
    const good = await encodeState({ a: 1 });
    await expect(decodeState('x' + good)).rejects.toThrow(/not a Shoreline link/);
    await expect(decodeState('v1.@@@')).rejects.toThrow(/damaged/);
    await expect(decodeState(good.slice(0, -4))).rejects.toThrow(/damaged/);
    // A decompression bomb: megabytes of zeros deflate to a tiny link.
    const bomb = await encodeState({ s: '0'.repeat(MAX_STATE_BYTES + 10) });
    expect(bomb.length).toBeLessThan(20_000);
    await expect(decodeState(bomb)).rejects.toThrow(/too large/);
  });

  it('does not pollute Object.prototype', async () => {
    const text = await encodeState(JSON.parse('{"__proto__": {"polluted": 1}}'));
    const value = (await decodeState(text)) as Record<string, unknown>;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  });
});
