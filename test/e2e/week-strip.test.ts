/**
 * End-to-end (issue 29): the week strip above the live chart, in the built app. follow-the-sun runs
 * two days: after stepping 30 h into the run the strip shows both days, day 2 as today with its bar at
 * the last closed interval, and the days' offered adding up to the figures panel's total offered but
 * for the interval still open (the strip counts closed intervals only). axe finds nothing
 * serious or critical with the strip shown.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SKIP_E2E, startApp, type RunningApp } from './support';

/** Text → number ("1,234" → 1234). */
const num = (s: string | null) => Number((s ?? '').replace(/[^0-9.-]/g, ''));

describe.skipIf(SKIP_E2E)('week strip (built app, headless Chromium)', () => {
  let app: RunningApp;
  let page: Page;

  beforeAll(async () => {
    app = await startApp({ width: 1400, height: 900 });
    page = app.page;
    await page.selectOption('[data-testid=scenario-picker]', 'follow-the-sun');
    await page.waitForFunction(
      () => document.querySelector('[data-testid=scenario-name]')?.textContent === 'follow-the-sun',
    );
  });

  afterAll(async () => {
    await app?.close();
  });

  it('shows each day’s offered and service level, with today’s position', async () => {
    await page.evaluate('window.shoreline.client.pause()');
    await page.evaluate('window.shoreline.client.step(30 * 3600)');
    await page.evaluate('window.shoreline.client.pause()');
    // the clock stands still once paused: read it twice, a poll apart
    let clock = '';
    await expect
      .poll(
        async () => {
          const was = clock;
          clock = (await page.textContent('[data-testid=sim-clock]')) ?? '';
          return clock === was && /day 2 · /.test(clock);
        },
        { timeout: 15_000, interval: 500 },
      )
      .toBe(true);
    const [hh, mm] = /day 2 · (\d\d):(\d\d)/.exec(clock)!.slice(1).map(Number);
    // the strip counts closed intervals (30 min): day 2's bar stands at the last one closed
    const closedToday = Math.floor((hh * 60 + mm) / 30) * 30;
    const todayWidth = (closedToday / 1440) * 100;
    const days = page.locator('[data-testid=week-strip] [data-testid=week-day]');
    // the strip sits above the chart, in the same host
    expect(
      await page.evaluate(
        `document.querySelector('[data-testid=week-strip]').nextElementSibling?.dataset.testid`,
      ),
    ).toBe('chart');
    await expect.poll(() => days.nth(1).getAttribute('aria-current'), { timeout: 15_000 }).toBe('date');
    expect(await days.count()).toBe(2);
    expect(await days.locator('.week-label').allTextContents()).toEqual(['Day 1 · Mon', 'Day 2 · Tue']);
    expect(await days.nth(0).getAttribute('aria-current')).toBeNull();
    const total = async () => num(await page.textContent('[data-testid=fig-total] td[data-key=offered]'));
    const offered = async () => (await days.locator('.week-offered').allTextContents()).map(num);
    await expect.poll(async () => (await offered())[1], { timeout: 15_000 }).toBeGreaterThan(0);
    const [d1, d2] = await offered();
    // every closed interval's arrivals: all the figures panel counts but the open interval's
    const all = await total();
    expect(d1 + d2).toBeLessThanOrEqual(all);
    expect(d1 + d2).toBeGreaterThan(all * 0.97);
    expect(d1).toBeGreaterThan(1000);
    expect(d2).toBeGreaterThan(0);
    expect(d2).toBeLessThan(d1); // part of day 2 against all of day 1
    const sl = await days.locator('.week-sl').allTextContents();
    expect(num(sl[0])).toBeGreaterThan(0);
    expect(num(sl[0])).toBeLessThanOrEqual(100);
    const progress = await days
      .locator('.week-progress')
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).style.width));
    expect(progress.map(parseFloat)).toEqual([100, expect.closeTo(todayWidth, 1)]);
  });

  it('axe-core finds no serious or critical violation with the strip shown', async () => {
    expect(await page.locator('[data-testid=week-strip]').count()).toBe(1);
    const result = await new AxeBuilder({ page }).include('main').analyze();
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});
