/**
 * End-to-end: the Plan panel in a built page of its own (headless Chromium): targets → the planner
 * worker (HiGHS's WebAssembly fetched from the build, simulations in the worker) → chart, shifts,
 * cost, verification; the page keeps drawing frames meanwhile; Apply and Save hand over the planned
 * scenario; a forecast CSV is imported, and a bad one listed with line numbers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Scenario } from '../../src/sim/scenario';
import { validateScenario } from '../../src/scenario/validate';
import { PLAN_HARNESS, SKIP_E2E, startPage } from './support';

describe.skipIf(SKIP_E2E)('plan panel (built page, headless Chromium)', () => {
  let page: Page;
  let close: () => Promise<void>;
  let errors: string[] = [];

  beforeAll(async () => {
    ({ page, errors, close } = await startPage(PLAN_HARNESS));
  });
  afterAll(async () => close?.());

  const frames = async () => Number(await page.textContent('#frames'));

  it('plans in the worker while the page keeps drawing, and shows chart, shifts, cost and verification', async () => {
    await page.fill('[data-testid=plan-ab-voice]', '5');
    const before = await frames();
    await page.click('[data-testid=plan-run]');
    await page.waitForFunction(
      () =>
        /simulat|solving|Erlang/.test(
          document.querySelector('[data-testid=plan-progress]')?.textContent ?? '',
        ),
      undefined,
      { timeout: 30_000 },
    );
    await page.waitForSelector('[data-testid=plan-verdict]', { timeout: 120_000 });
    expect(await frames()).toBeGreaterThan(before + 5);
    expect(await page.textContent('[data-testid=plan-verdict]')).toMatch(/The plan meets its targets/);
    expect(await page.locator('[data-testid=plan-shifts] tbody tr').count()).toBeGreaterThan(0);
    const cost = await page.locator('[data-testid=plan-cost] tbody tr').allTextContents();
    expect(cost.at(-1)).toMatch(/^Total/);
    expect(await page.locator('[data-testid=plan-chart] canvas').count()).toBe(1);
    expect(await page.textContent('[data-testid=plan-verification]')).toMatch(/abandon ≤/);
    expect(errors.join('\n')).toBe('');
  });

  it('hands the planned scenario to Apply and Save as variant', async () => {
    await page.click('[data-testid=plan-apply]');
    await page.click('[data-testid=plan-save]');
    const rec = await page.evaluate(
      () =>
        (window as unknown as { __plan: { applied: Scenario; saved: { scenario: Scenario; name: string } } })
          .__plan,
    );
    expect(validateScenario(rec.applied).ok).toBe(true);
    expect(rec.applied.sites[0].groups[0].shifts!.length).toBeGreaterThan(0);
    expect(rec.saved.name).toBe('harness (plan)');
  });

  it('imports a forecast CSV, and lists a bad one with line numbers', async () => {
    await page.setInputFiles('[data-testid=plan-forecast-file]', {
      name: 'bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('start,channel,volume\n08:00,voice,-1\n'),
    });
    await page.waitForSelector('[data-testid=plan-forecast-problems] li');
    expect(await page.textContent('[data-testid=plan-forecast-problems]')).toBe(
      'line 2, column 3 (volume): -1 is negative',
    );
    await page.setInputFiles('[data-testid=plan-forecast-file]', {
      name: 'ok.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('start,channel,volume\n08:00,voice,600\n08:30,voice,400\n09:00,voice,300\n'),
    });
    await page.waitForFunction(
      () => (window as unknown as { __plan: { forecast: unknown } }).__plan.forecast !== null,
    );
    const s = await page.evaluate(
      () => (window as unknown as { __plan: { forecast: Scenario } }).__plan.forecast,
    );
    expect(s.channels.voice!.volumePerDay).toBe(1300);
    expect(await page.locator('[data-testid=plan-forecast-problems] li').count()).toBe(0);
  });
});
