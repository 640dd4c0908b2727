/**
 * End-to-end (issue 29): stepping and speed across the days of a dated run, in the built app. The US
 * retailer over three dated days (Monday 7 December 2026 on): "Next day" takes the worker's clock (read
 * through the test hook, `window.shoreline.client.status()`) to the start of day 2 and the week strip's
 * today to Tuesday; "Next interval" moves it one half-hour; played at ×3600 from 23:00 of day 2, the run
 * keeps going into day 3; at "max" it ends at the horizon, the clock saying so and the step buttons
 * off. axe finds nothing serious or critical.
 */
import { readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SKIP_E2E, startApp, type RunningApp } from './support';

const DAY = 86_400;

function retailerDays(): object {
  const s = JSON.parse(readFileSync(new URL('../../scenarios/us-retailer.json', import.meta.url), 'utf8'));
  return { ...s, name: 'retailer-3-days', horizon: { ...s.horizon, days: 3, startDate: '2026-12-07' } };
}

interface Status {
  now: number;
  playing: boolean;
  done: boolean;
  horizon: number;
}

describe.skipIf(SKIP_E2E)('stepping across days (built app, headless Chromium)', () => {
  let app: RunningApp;
  let page: Page;
  const status = () => page.evaluate('window.shoreline.client.status()') as Promise<Status>;
  const clock = () => page.textContent('[data-testid=sim-clock]');
  const days = () => page.locator('[data-testid=week-strip] [data-testid=week-day]');
  const today = async () =>
    (await days().evaluateAll((els) => els.map((e) => e.getAttribute('aria-current')))).indexOf('date');

  beforeAll(async () => {
    app = await startApp({ width: 1400, height: 900 });
    page = app.page;
    await page.setInputFiles('[data-testid=file]', {
      name: 'retailer-3-days.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(retailerDays())),
    });
    await page.waitForFunction(
      () => document.querySelector('[data-testid=scenario-name]')?.textContent === 'retailer-3-days',
    );
    await page.evaluate('window.shoreline.idle()');
    await page.evaluate('window.shoreline.client.pause()');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('"Next day" takes the worker’s clock and the strip’s today to day 2', async () => {
    const before = await status();
    expect(before.now).toBeLessThan(DAY);
    expect(await days().locator('.week-label').allTextContents()).toEqual([
      'Mon 7 Dec',
      'Tue 8 Dec',
      'Wed 9 Dec',
    ]);
    await page.click('[data-testid=step-day]', { timeout: 5000 });
    await expect.poll(async () => (await status()).now, { timeout: 15_000 }).toBeGreaterThanOrEqual(DAY);
    const after = await status();
    expect(after.now).toBeLessThan(DAY + 1); // on the boundary, not past it
    expect(after.playing).toBe(false); // paused it was, paused it stays
    await expect.poll(clock, { timeout: 15_000 }).toBe('day 2 · Tue 8 Dec · 00:00 UTC−5');
    await expect.poll(today, { timeout: 15_000 }).toBe(1);
    const widths = await days()
      .locator('.week-progress')
      .evaluateAll((els) => els.map((e) => parseFloat((e as HTMLElement).style.width)));
    expect(widths).toEqual([100, 0, 0]);
  });

  it('"Next interval" moves it one half-hour on', async () => {
    await page.click('[data-testid=step-interval]');
    await expect
      .poll(async () => (await status()).now, { timeout: 15_000 })
      .toBeGreaterThanOrEqual(DAY + 1800);
    expect((await status()).now).toBeLessThan(DAY + 1801);
    await expect.poll(clock, { timeout: 15_000 }).toBe('day 2 · Tue 8 Dec · 00:30 UTC−5');
  });

  it('played faster, the run goes on from day 2 into day 3', async () => {
    const { now } = await status();
    await page.evaluate(`window.shoreline.client.step(${2 * DAY - 3600 - now})`); // 23:00 of day 2
    await page.selectOption('[data-testid=speed]', '3600');
    await page.click('[data-testid=play]');
    await expect.poll(async () => (await status()).now, { timeout: 20_000 }).toBeGreaterThan(2 * DAY + 1800);
    const st = await status();
    expect(st.playing).toBe(true);
    expect(st.done).toBe(false);
    await expect.poll(clock, { timeout: 15_000 }).toMatch(/^day 3 · Wed 9 Dec · 0\d:\d\d UTC−5$/);
    await expect.poll(today, { timeout: 15_000 }).toBe(2);
  });

  it('at "max" the run ends at the horizon, and says so', async () => {
    await page.selectOption('[data-testid=speed]', 'Infinity');
    await expect.poll(async () => (await status()).done, { timeout: 60_000 }).toBe(true);
    const st = await status();
    expect(st.now).toBe(st.horizon);
    expect(st.horizon).toBe(3 * DAY);
    await expect.poll(clock, { timeout: 15_000 }).toBe('day 3 · Wed 9 Dec · 24:00 · end of run');
    await expect.poll(() => page.isDisabled('[data-testid=step-day]'), { timeout: 15_000 }).toBe(true);
    expect(await page.isDisabled('[data-testid=step-interval]')).toBe(true);
    await expect.poll(today, { timeout: 15_000 }).toBe(2);
  });

  it('axe-core finds no serious or critical violation', async () => {
    const result = await new AxeBuilder({ page }).include('main').analyze();
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});
