/**
 * End-to-end: the compare panel shows what the app's one store holds (issue 26), read through the
 * store's test hook (`window.shoreline.store`), not through another copy. Variants saved in the panel
 * are the store's; a change made in the store (base, name) shows in the panel; a comparison survives
 * a slider move (not an edit of its variants); after a reload, and after a pasted link (openState),
 * the panel lists the store's variants with the store's base, and no stale results.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { encodeState } from '../../src/share/url-state';
import { makeAppState } from '../../src/ui/compare/state';
import { openScenario, SKIP_E2E, startApp, type RunningApp } from './support';
import { twoSiteVoice } from '../support/build';

const SMALL = twoSiteVoice();

interface Shown {
  names: string[];
  base: number;
  /** result rows in the total table, and whether they are marked stale */
  results: number;
  stale: boolean;
}

describe.skipIf(SKIP_E2E)('the compare panel draws the store (built app, headless Chromium)', () => {
  let app: RunningApp;
  let page: Page;

  /** What the panel shows. */
  const panel = (): Promise<Shown> =>
    page.evaluate(() => {
      const q = (sel: string) => [...document.querySelectorAll<HTMLInputElement>(sel)];
      return {
        names: q('[data-testid^=variant-name-]').map((i) => i.value),
        base: q('[data-testid^=variant-base-]').findIndex((r) => r.checked),
        results: q('[data-testid=compare-table-total] [data-testid=result-row]').length,
        stale: (document.querySelector('[data-testid=compare-results]')?.textContent ?? '').includes(
          'changed since this run',
        ),
      };
    });
  /** What the store holds, in the same terms. */
  const store = (): Promise<Shown> =>
    page.evaluate(`(() => {
      const c = window.shoreline.store.data.compare;
      return {
        names: c.variants.map((v) => v.name),
        base: c.variants.length ? c.baseIndex : -1,
        results: c.comparison ? c.comparison.result.variants.length : 0,
        stale: c.comparison ? c.comparison.stale : false,
      };
    })()`) as Promise<Shown>;
  /** The panel equals the store, and both equal `want`. */
  async function same(want: Partial<Shown>): Promise<void> {
    await expect.poll(panel).toMatchObject(want);
    expect(await panel()).toEqual(await store());
  }
  const ready = () => page.waitForSelector('#app[data-ready=true]', { timeout: 30_000 });

  beforeAll(async () => {
    app = await startApp({ width: 1400, height: 900 });
    page = app.page;
    await openScenario(page, SMALL);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('variants saved in the panel are the store’s; the store’s changes show in the panel', async () => {
    await same({ names: [], results: 0 });
    await page.click('[data-testid=save-variant]');
    await page.locator('[data-testid=staffing-1]').fill('6');
    await page.click('[data-testid=save-variant]');
    await same({ names: ['small', 'Away agents 1 → 6'], base: 0 });
    await page.evaluate(`window.shoreline.store.setBaseVariant(1)`);
    await page.evaluate(`window.shoreline.store.renameVariant(0, 'first')`);
    await same({ names: ['first', 'Away agents 1 → 6'], base: 1 });
  });

  it('a comparison survives a slider move, and goes stale when its variants change', async () => {
    await page.fill('[data-testid=compare-reps]', '2');
    await page.click('[data-testid=compare-run]');
    await expect
      .poll(() => page.textContent('[data-testid=compare-status]'), { timeout: 30_000 })
      .toMatch(/^done/);
    await same({ results: 2, stale: false });
    await page.locator('[data-testid=staffing-0]').fill('4'); // an edit of the live scenario
    await expect
      .poll(() => page.evaluate(`window.shoreline.store.scenario.sites[0].groups[0].agents`))
      .toBe(4);
    await same({ results: 2, stale: false });
    await page.fill('[data-testid=variant-name-1]', 'more away');
    await page.press('[data-testid=variant-name-1]', 'Enter');
    await same({ names: ['first', 'more away'], results: 2, stale: true });
  });

  it('after a reload, the panel lists the store’s variants (the results are not kept)', async () => {
    await page.reload();
    await ready();
    await same({ names: ['first', 'more away'], base: 0, results: 0 });
  });

  it('after a pasted link (openState), the panel lists the link’s variants, as the store does', async () => {
    const state = makeAppState(SMALL, '5', [
      { name: 'x', scenario: SMALL },
      { name: 'y', scenario: { ...SMALL, name: 'y' } },
      { name: 'x', scenario: SMALL },
    ]);
    await page.evaluate(`location.hash = ${JSON.stringify(`#s=${await encodeState(state)}`)}`);
    await same({ names: ['x', 'y', 'x (2)'], base: 0, results: 0 });
    expect(app.errors).toEqual([]);
  });
});
