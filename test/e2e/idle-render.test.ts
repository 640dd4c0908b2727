/**
 * End-to-end: the live view draws only when something changed. While the run plays it draws every
 * frame; paused, once the contacts on their way have landed, it draws nothing (a paused view drawn at
 * display rate cost half a core with software WebGL); a step while paused draws its change, then
 * stops again; playing again draws every frame again. The same on the map. And a playing view out of
 * sight (the tab hidden, or the stage scrolled off the screen) draws nothing either.
 *
 * Frames are the scenes' own counters (`scene.frames`, `views.map.frames`): one per picture drawn.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SKIP_E2E, startApp, type RunningApp } from './support';

/** Frames a view playing at display rate draws in a second, at the least (headless draws ~45–60). */
const PLAYING_MIN = 15;
/**
 * Frames a step while paused may draw, at 60 a second: its contacts fly in, then nothing. On the floor
 * they fly for 1.2 s at most (scene-model.ts: 0.7 s and a stagger, 0.9 s to abandon), on the map 6.5 s
 * (flows.ts: up to 6 s for a long delay on the way, spread over 0.5 s): 2 s and 8 s of frames.
 */
const STEP_MAX = { floor: 120, map: 480 };

describe.skipIf(SKIP_E2E)('the live view draws only on change (built app, headless Chromium)', () => {
  let app: RunningApp;
  let page: Page;

  beforeAll(async () => {
    app = await startApp();
    page = app.page;
    await page.evaluate('window.shoreline.idle()');
  });

  afterAll(async () => {
    await app?.close();
  });

  const floorFrames = () => page.evaluate('window.shoreline.scene.frames') as Promise<number>;
  const mapFrames = () => page.evaluate('window.shoreline.views.map.frames') as Promise<number>;
  const playing = async () =>
    ((await page.evaluate('window.shoreline.client.status()')) as { playing: boolean }).playing;

  /** Play or pause with the Play button, as a user does. */
  async function setPlaying(on: boolean): Promise<void> {
    if ((await playing()) !== on) await page.click('[data-testid=play]');
    await expect.poll(playing).toBe(on);
  }

  /** Frames drawn over `ms`. */
  async function drawnOver(frames: () => Promise<number>, ms: number): Promise<number> {
    const f0 = await frames();
    await page.waitForTimeout(ms);
    return (await frames()) - f0;
  }

  /** Waits until no frame is drawn for half a second (contacts in flight have landed); the count then. */
  async function settled(frames: () => Promise<number>): Promise<number> {
    for (let i = 0; i < 30; i++) if ((await drawnOver(frames, 500)) === 0) return frames();
    throw new Error('the view kept drawing');
  }

  /** Pause, no frame over 2 s; a step draws and stops again; play draws every frame again. */
  async function pauseStepPlay(frames: () => Promise<number>, stepMax: number): Promise<void> {
    await setPlaying(true);
    expect(await drawnOver(frames, 1000)).toBeGreaterThan(PLAYING_MIN);
    await setPlaying(false);
    const still = await settled(frames);
    expect(await drawnOver(frames, 2000)).toBe(0);

    const clock = await page.textContent('[data-testid=sim-clock]');
    await page.click('[data-testid=step]');
    await expect.poll(frames).toBeGreaterThan(still); // the step's change is drawn…
    const afterStep = await settled(frames);
    console.log(`e2e: a step while paused drew ${afterStep - still} frames`);
    expect(afterStep - still).toBeLessThanOrEqual(stepMax); // …and then nothing more
    expect(await page.textContent('[data-testid=sim-clock]')).not.toBe(clock);
    expect(await playing()).toBe(false);

    await setPlaying(true);
    expect(await drawnOver(frames, 1000)).toBeGreaterThan(PLAYING_MIN);
  }

  it('on the floor: draws while playing, nothing while paused, a step once, again on play', async () => {
    await pauseStepPlay(floorFrames, STEP_MAX.floor);
  });

  it('on the map: the same', async () => {
    await page.click('[data-testid=view-map]');
    await page.evaluate('window.shoreline.views.ready()');
    await pauseStepPlay(mapFrames, STEP_MAX.map);
  });

  it('draws nothing while playing out of sight: the tab hidden, or the stage scrolled away', async () => {
    await page.click('[data-testid=view-floor]');
    await setPlaying(true);
    const setHidden = (hidden: boolean) =>
      page.evaluate((h) => {
        Object.defineProperty(document, 'visibilityState', {
          configurable: true,
          get: () => (h ? 'hidden' : 'visible'),
        });
        document.dispatchEvent(new Event('visibilitychange'));
      }, hidden);
    await setHidden(true);
    await page.waitForTimeout(200);
    expect(await drawnOver(floorFrames, 1500)).toBe(0);
    await setHidden(false);
    expect(await drawnOver(floorFrames, 1000)).toBeGreaterThan(PLAYING_MIN);

    // the page's main column scrolls (to the compare panel, say) with the stage above it
    const scrollMain = (top: number) =>
      page.evaluate((t) => {
        const main = document.querySelector('.main')!;
        main.scrollTop = t;
        const stage = document.querySelector('[data-testid=stage]')!.getBoundingClientRect();
        return stage.bottom - main.getBoundingClientRect().top;
      }, top);
    expect(await scrollMain(1e6)).toBeLessThan(0); // the stage is out of sight
    await page.waitForTimeout(200);
    expect(await drawnOver(floorFrames, 1500)).toBe(0);
    await scrollMain(0);
    expect(await drawnOver(floorFrames, 1000)).toBeGreaterThan(PLAYING_MIN);
    expect(await playing()).toBe(true); // the run itself never stopped
    expect(app.errors).toEqual([]);
  });
});
