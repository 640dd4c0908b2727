/**
 * End-to-end (issue 27, the plan panel for a new planner), in the plan panel's own built page with the
 * app's stylesheet: no error box before an error; the import confirmed (rows, days, volume per
 * channel); shift lengths and breaks set in the panel reach the plan; a chart with a static legend
 * (no "--"), required and scheduled in different colours, a labelled y-axis; site names in the shift
 * table; "unclear" explained; hovering a shift names the intervals it covers; the mix's constraints
 * checked and honoured, and a mix that closes a site says so; axe finds nothing serious.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLAN_HARNESS, SKIP_E2E, startPage } from './support';

const PLAN_TIMEOUT = 180_000;

describe.skipIf(SKIP_E2E)('plan panel for a new planner (built page, headless Chromium)', () => {
  let page: Page;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ page, close } = await startPage(PLAN_HARNESS, { width: 1440, height: 900 }));
  }, 120_000);
  afterAll(async () => close?.());

  /** Clicks Plan and waits for a new verdict. */
  async function plan() {
    await page.evaluate(() => document.querySelector('[data-testid=plan-verdict]')?.remove());
    await page.click('[data-testid=plan-run]');
    await page.waitForSelector('[data-testid=plan-verdict]', { timeout: PLAN_TIMEOUT });
  }

  it('shows no error box until there is an error', async () => {
    expect(await page.isVisible('[data-testid=plan-forecast-problems]')).toBe(false);
    expect(await page.isVisible('[data-testid=plan-form-problems]')).toBe(false);
    expect(await page.locator('.problems:visible').count()).toBe(0);
  });

  it('checks the shift settings and the mix constraints before planning, naming the field', async () => {
    await page.fill('[data-testid=plan-lengths]', '8, x');
    await page.check('[data-testid=plan-mix]');
    await page.fill('[data-testid=plan-min-share-dallas]', '70');
    await page.fill('[data-testid=plan-min-share-manila]', '50');
    await page.fill('[data-testid=plan-cap-manila]', '150');
    await page.click('[data-testid=plan-run]');
    const problems = await page.locator('[data-testid=plan-form-problems] li').allTextContents();
    expect(problems).toEqual([
      'Shift lengths: must be hours between 0 and 24, separated by commas (got "8, x")',
      'Manila cap: must be 0 to 100 % (got "150")',
    ]);
    expect(await page.isVisible('[data-testid=plan-form-problems]')).toBe(true);
    await page.fill('[data-testid=plan-cap-manila]', '');
    await page.click('[data-testid=plan-run]');
    expect(await page.locator('[data-testid=plan-form-problems] li').allTextContents()).toEqual([
      'Shift lengths: must be hours between 0 and 24, separated by commas (got "8, x")',
      'Minimum share: the minimums add up to 1.2, more than 1',
    ]);
    await page.fill('[data-testid=plan-min-share-dallas]', '');
    await page.fill('[data-testid=plan-min-share-manila]', '');
    await page.fill('[data-testid=plan-lengths]', '');
    await page.uncheck('[data-testid=plan-mix]');
    expect(await page.isVisible('[data-testid=plan-mix-options]')).toBe(false);
  });

  it(
    'draws a readable chart and shift table: legend, colours, y-axis, site names, unclear explained',
    async () => {
      await plan();
      const legend = await page.textContent('.u-legend');
      expect(legend).not.toContain('--');
      expect(legend).toContain('Dallas required');
      expect(legend).toContain('Manila scheduled');
      const markers = await page
        .locator('.u-legend .u-series .u-marker')
        .evaluateAll((ms) => ms.map((m) => getComputedStyle(m).borderColor));
      // the last four: Dallas required, Dallas scheduled, Manila required, Manila scheduled
      const lines = markers.slice(-4);
      expect(lines[0]).not.toBe(lines[1]);
      expect(lines[2]).not.toBe(lines[3]);
      expect(await page.isVisible('[data-testid=plan-y-label]')).toBe(true);
      expect(await page.textContent('[data-testid=plan-y-label]')).toBe('Agents');
      const sites = await page.locator('[data-testid=plan-shifts] tbody tr td:first-child').allTextContents();
      expect(new Set(sites)).toEqual(new Set(['Dallas', 'Manila']));
      expect(await page.textContent('[data-testid=plan-unclear-note]')).toMatch(
        /Unclear: the target lies inside the band/,
      );
    },
    PLAN_TIMEOUT,
  );

  it(
    'plans with the shift lengths and break set in the panel',
    async () => {
      await page.fill('[data-testid=plan-lengths]', '8');
      await page.fill('[data-testid=plan-break]', '30');
      await plan();
      expect(await page.isVisible('[data-testid=plan-form-problems]')).toBe(false);
      const rows = await page
        .locator('[data-testid=plan-shifts] tbody tr')
        .evaluateAll((trs) =>
          trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
        );
      expect(rows.length).toBeGreaterThan(0);
      // 8-hour shifts with a 30-minute unpaid break: 7.5 hours worked, the break shown
      for (const r of rows) {
        expect(r[6]).toBe('7.5');
        expect(r[4]).toMatch(/^\d\d:\d\d–\d\d:\d\d$/);
      }
    },
    PLAN_TIMEOUT,
  );

  it('hovering a shift shows the client intervals it covers', async () => {
    const first = page.locator('[data-testid=plan-shifts] tbody tr').first();
    const cells = await first.locator('td').allTextContents();
    await first.hover();
    const text = await page.textContent('[data-testid=plan-shift-cover]');
    expect(text).toContain(`${cells[0]} ${cells[1]} ${cells[2]}–${cells[3]}: covers client `);
    expect(text).toMatch(/\((\d+) intervals of 30 min\)$/);
    // 7.5 hours worked = 15 half-hours; the break and any interval only partly worked are not covered
    const n = Number(/\((\d+) intervals/.exec(text!)![1]);
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThanOrEqual(15);
  });

  it('axe-core finds no serious or critical violation in the panel with a plan shown', async () => {
    const { violations } = await new AxeBuilder({ page }).include('[data-testid=plan-panel]').analyze();
    const serious = violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(serious).toEqual([]);
  });

  it(
    'a mix that closes a site says so; a minimum share keeps it open',
    async () => {
      await page.fill('[data-testid=plan-lengths]', '');
      await page.fill('[data-testid=plan-break]', '');
      await page.check('[data-testid=plan-mix]');
      await plan();
      expect(await page.textContent('[data-testid=plan-mix-result]')).toMatch(/dallas 0 %/);
      expect(await page.textContent('[data-testid=plan-mix-closes]')).toMatch(
        /^Warning: this mix closes Dallas for voice \(0 % of voice; 80 % now\)/,
      );
      await page.fill('[data-testid=plan-min-share-dallas]', '25');
      await plan();
      const mix = await page.textContent('[data-testid=plan-mix-result]');
      const dallas = Number(/dallas (\d+) %/.exec(mix ?? '')?.[1] ?? NaN);
      expect(mix).not.toMatch(/^No split/);
      expect(dallas).toBeGreaterThanOrEqual(25);
      expect(await page.locator('[data-testid=plan-mix-closes]').count()).toBe(0);
    },
    2 * PLAN_TIMEOUT,
  );

  it('confirms an import: rows, days and volume per channel', async () => {
    await page.setInputFiles('[data-testid=plan-forecast-file]', {
      name: 'ok.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'start,channel,volume\n2026-03-02T08:00,voice,600\n2026-03-02T08:30,voice,400\n' +
          '2026-03-03T08:00,voice,500\n2026-03-03T09:00,voice,300\n',
      ),
    });
    await page.waitForSelector('[data-testid=plan-forecast-summary]:has-text("Imported")');
    expect(await page.textContent('[data-testid=plan-forecast-summary]')).toBe(
      'Imported 4 rows, 2 days: voice 900 a day.',
    );
    expect(await page.isVisible('[data-testid=plan-forecast-problems]')).toBe(false);
  });
});
