/**
 * (v3) End-to-end: contracts in the built app (headless Chromium). The bundled contract scenarios: the
 * editor shows a vendor's contract, and the sweep panel sweeps the Manila vendor's rate against the
 * all-in-house base variant, marking where it crosses.
 *
 * SHORELINE_SCREENSHOTS=<dir> also saves the sweep as <dir>/app-break-even.png (the README's figure).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SKIP_E2E, startApp, type RunningApp } from './support';

describe.skipIf(SKIP_E2E)('contracts (built app, headless Chromium)', () => {
  let app: RunningApp;
  let page: Page;
  let errors: string[] = [];
  const field = (path: string) => page.locator(`[id="ed:${path}"]`);
  const pick = async (name: string) => {
    await page.selectOption('[data-testid=scenario-picker]', name);
    await expect.poll(() => page.textContent('[data-testid=scenario-name]')).toBe(name);
  };

  beforeAll(async () => {
    app = await startApp({ width: 1400, height: 1000 });
    ({ page, errors } = app);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('the editor shows a vendor’s billing basis, rate and credit tiers', async () => {
    await pick('contract-vendors');
    const d = page.locator('details[data-block="site:bogota"]');
    if ((await d.getAttribute('open')) === null) await d.locator('> summary').click();
    expect(await field('sites[1].contract.basis').inputValue()).toBe('productive-hour');
    expect(await field('sites[1].contract.rate').inputValue()).toBe('22');
    expect(await field('sites[1].contract.slaCredits.tiers[1].below').inputValue()).toBe('75');
    expect(await field('sites[1].contract.slaCredits.cap').inputValue()).toBe('10');
    // the same validation as the command line, at the field
    await field('sites[1].contract.slaCredits.cap').fill('150');
    await field('sites[1].contract.slaCredits.cap').press('Tab');
    await expect
      .poll(() => page.textContent('[id="ed:sites[1].contract.slaCredits.cap:error"]'))
      .toContain('must be a share from 0 to 1');
    await page.keyboard.press('Control+z');
    await expect.poll(() => field('sites[1].contract.slaCredits.cap').inputValue()).toBe('10');
    expect(await page.textContent('[id="ed:sites[1].contract.slaCredits.cap:error"]')).toBe('');
  });

  it('sweeps the Manila rate against the in-house base and marks the break-even', async () => {
    await pick('contract-in-house');
    await page.click('[data-testid=save-variant]');
    await expect.poll(() => page.locator('[data-testid=variant-row]').count()).toBe(1);
    await pick('contract-vendors');
    await page.click('[data-testid=sweep-section] summary');
    await page.selectOption('[data-testid=sweep-param]', 'contract:manila:rate');
    await page.fill('[data-testid=sweep-from]', '0.4');
    await page.fill('[data-testid=sweep-to]', '1.6');
    await page.fill('[data-testid=sweep-step]', '0.3');
    await page.fill('[data-testid=sweep-reps]', '3');
    await page.click('[data-testid=sweep-run]');
    await expect
      .poll(() => page.textContent('[data-testid=sweep-status]'), { timeout: 120_000 })
      .toMatch(/^done: 5 points and the base/);
    const note = page.locator('[data-testid=sweep-break-even]');
    expect(await note.textContent()).toMatch(/^Break-even with contract-in-house: contract rate: Manila/);
    // the CLI's sweep with these seeds crosses near 1.29, 95 % 1.25–1.34 (scenarios/README.md)
    const value = Number(await note.getAttribute('data-value'));
    expect(value).toBeGreaterThan(1.1);
    expect(value).toBeLessThan(1.45);
    expect(await page.locator('[data-testid=sweep-cpr-chart]').count()).toBe(1);
    if (process.env.SHORELINE_SCREENSHOTS) {
      const out = page.locator('[data-testid=sweep-results]');
      await out.scrollIntoViewIfNeeded();
      await out.screenshot({ path: `${process.env.SHORELINE_SCREENSHOTS}/app-break-even.png` });
    }
    expect(errors).toEqual([]);
  }, 180_000);
});
