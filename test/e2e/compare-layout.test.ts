/**
 * End-to-end: the compare panel's layout and keyboard use at desktop widths, on the bundled default
 * scenario (onshore-baseline: two channels, money in tens of thousands — wider figures than the tiny
 * scenario of compare.test.ts). After a comparison, a sweep and an optimiser run, every table of the
 * panel must fit it or scroll inside it at 1280, 1440 and 1920 px, the results must fit outright at
 * 1440 (they were cut off there), every control must have a name (and axe-core find nothing serious),
 * and the scroll boxes and the
 * variant list must work from the keyboard.
 *
 * SHORELINE_SCREENSHOTS=<dir> also saves the results at each width as <dir>/compare-<width>.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { SKIP_E2E, startApp, type RunningApp } from './support';

interface TableBox {
  id: string;
  /** the right edge of what is seen of the table (its scroll box, or the table) minus the panel's */
  overhang: number;
  fits: boolean;
  scrolls: boolean;
}

/** Every table of the compare panel: how it sits in the panel at the current width. */
function tableBoxes(page: Page): Promise<TableBox[]> {
  return page.evaluate(`(() => {
    const panel = document.querySelector('[data-testid=compare-panel]');
    const right = panel.getBoundingClientRect().right;
    return [...panel.querySelectorAll('table')].map((t, i) => {
      // the box that clips the table sideways: its nearest ancestor that is not overflow: visible
      let box = t.parentElement;
      while (box !== panel && getComputedStyle(box).overflowX === 'visible') box = box.parentElement;
      const clipped = box !== panel;
      return {
        id: t.dataset.testid || t.className || String(i),
        overhang: (clipped ? box : t).getBoundingClientRect().right - right,
        fits: t.getBoundingClientRect().right <= right + 0.5 && (!clipped || box.scrollWidth <= box.clientWidth),
        scrolls: clipped && box.scrollWidth > box.clientWidth,
      };
    });
  })()`);
}

async function resize(page: Page, width: number): Promise<void> {
  await page.setViewportSize({ width, height: 900 });
  await page.evaluate('new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)))');
}

/** Waits until a run's status line says it finished (done, or the optimiser's outcome). */
const done = (page: Page, testid: string) =>
  page.waitForFunction(
    (id) =>
      /^(done|optimal|budget|infeasible)/.test(
        document.querySelector(`[data-testid=${id}]`)?.textContent ?? '',
      ),
    testid,
    { timeout: 60_000 },
  );

describe.skipIf(SKIP_E2E)('compare panel layout and keyboard (built app, headless Chromium)', () => {
  let app: RunningApp;
  let page: Page;

  beforeAll(async () => {
    app = await startApp({ width: 1440, height: 900 });
    page = app.page;
    expect(await page.textContent('[data-testid=scenario-name]')).toBe('onshore-baseline');
    await page.click('[data-testid=save-variant]');
    await page.locator('[data-testid=staffing-0]').fill('30');
    await page.click('[data-testid=save-variant]');
    await page.fill('[data-testid=compare-reps]', '2');
    await page.click('[data-testid=compare-run]');
    await done(page, 'compare-status');
    await page.click('[data-testid=sweep-section] summary');
    await page.fill('[data-testid=sweep-step]', '100');
    await page.fill('[data-testid=sweep-reps]', '2');
    await page.click('[data-testid=sweep-run]');
    await done(page, 'sweep-status');
    await page.click('[data-testid=opt-section] summary');
    await page.fill('[data-testid=opt-reps]', '2');
    await page.fill('[data-testid=opt-budget]', '3');
    await page.click('[data-testid=opt-run]');
    await done(page, 'opt-status');
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  it('every table fits the panel or scrolls inside it, from 1280 to 1920 px', async () => {
    for (const width of [1280, 1440, 1920]) {
      await resize(page, width);
      if (process.env.SHORELINE_SCREENSHOTS) {
        await page.locator('[data-testid=compare-results]').scrollIntoViewIfNeeded();
        await page.screenshot({ path: `${process.env.SHORELINE_SCREENSHOTS}/compare-${width}.png` });
      }
      const tables = await tableBoxes(page);
      // results (all channels, voice, email), variants, targets, the optimiser's two
      expect(tables.length, `tables at ${width}px`).toBeGreaterThanOrEqual(7);
      for (const t of tables) {
        expect(t.overhang, `${t.id} at ${width}px ends inside the panel`).toBeLessThanOrEqual(0.5);
        expect(t.fits || t.scrolls, `${t.id} at ${width}px fits or scrolls`).toBe(true);
      }
      const sideways = await page.evaluate(
        `(() => { const m = document.querySelector('main.main'); return m.scrollWidth - m.clientWidth; })()`,
      );
      expect(sideways, `the main column at ${width}px does not scroll sideways`).toBeLessThanOrEqual(1);
      if (width >= 1440)
        for (const t of tables.filter((t) => t.id.startsWith('compare-table-')))
          expect(t.fits, `${t.id} at ${width}px fits outright`).toBe(true);
    }
  });

  it('a table too wide for the panel scrolls from the keyboard', async () => {
    await resize(page, 1000); // narrower than the app is laid out for: the results must scroll
    try {
      const box = page.locator('[data-testid=compare-table-total]').locator('xpath=..');
      expect(await box.evaluate((b) => b.scrollWidth > b.clientWidth)).toBe(true);
      expect(await box.getAttribute('role')).toBe('region');
      expect(await box.getAttribute('aria-label')).toBe('Results: All channels');
      await box.focus();
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
      await expect.poll(() => box.evaluate((b) => b.scrollLeft)).toBeGreaterThan(0);
    } finally {
      await resize(page, 1440);
    }
  });

  it('axe-core finds no serious or critical violation in the panel', async () => {
    const { violations } = await new AxeBuilder({ page }).include('[data-testid=compare-panel]').analyze();
    const serious = violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(serious).toEqual([]);
  });

  it('every control of the panel has a name', async () => {
    const unnamed: string[] = await page.evaluate(`(() => {
      const panel = document.querySelector('[data-testid=compare-panel]');
      return [...panel.querySelectorAll('input, select, button, textarea, [tabindex]')]
        .filter((el) => {
          const labelled = el.labels && [...el.labels].some((l) => l.textContent.trim() !== '');
          const aria = (el.getAttribute('aria-label') || '').trim() !== '' || el.hasAttribute('aria-labelledby');
          const text = el.tagName === 'BUTTON' && el.textContent.trim() !== '';
          return !(labelled || aria || text);
        })
        .map((el) => el.outerHTML.slice(0, 120));
    })()`);
    expect(unnamed).toEqual([]);
    expect(await page.locator('[data-testid=compare-panel] [tabindex]:not([tabindex="0"])').count()).toBe(0);
  });

  it('the three progress rows are told apart by name', async () => {
    const names = await page
      .locator('[data-testid=compare-panel] progress')
      .evaluateAll((bars) => bars.map((b) => b.getAttribute('aria-label')));
    expect(names).toEqual(['Comparison progress', 'Sweep progress', 'Optimiser progress']);
    expect(await page.getAttribute('[data-testid=sweep-cancel]', 'aria-label')).toBe('Cancel sweep');
  });

  it('bad sweep and optimiser fields are listed, marked, and nothing runs', async () => {
    const before = await page.textContent('[data-testid=sweep-status]');
    await page.fill('[data-testid=sweep-step]', '0');
    await page.click('[data-testid=sweep-run]');
    const sweepProblems = page.locator('[data-testid=sweep-problems]');
    await expect.poll(() => sweepProblems.isVisible()).toBe(true);
    expect(await sweepProblems.textContent()).toContain('step: must be ≥ 1');
    expect(await page.getAttribute('[data-testid=sweep-step]', 'aria-invalid')).toBe('true');
    expect(await page.textContent('[data-testid=sweep-status]')).toBe(before);
    await page.fill('[data-testid=sweep-step]', '100');

    await page.fill('[data-testid=opt-budget]', '0');
    await page.fill('[data-testid=opt-sl-voice]', '120');
    await page.click('[data-testid=opt-run]');
    const optProblems = page.locator('[data-testid=opt-problems]');
    await expect.poll(() => optProblems.isVisible()).toBe(true);
    const text = await optProblems.textContent();
    expect(text).toContain('evaluations: a whole number from 1 to 2000');
    expect(text).toContain('voice service level: a percentage 0–100');
    expect(await page.getAttribute('[data-testid=opt-sl-voice]', 'aria-invalid')).toBe('true');
    await page.fill('[data-testid=opt-budget]', '3');
    await page.fill('[data-testid=opt-sl-voice]', '80');
  });

  it('the base and the names of variants work from the keyboard', async () => {
    await page.focus('[data-testid=variant-base-0]');
    await page.keyboard.press('ArrowDown'); // the next radio of the group: the base moves
    await expect.poll(() => page.isChecked('[data-testid=variant-base-1]')).toBe(true);
    // the list was redrawn, and the focus stayed on the chosen radio
    expect(await page.evaluate('document.activeElement?.dataset.testid')).toBe('variant-base-1');
    expect(await page.textContent('[data-testid=compare-results]')).toContain('changed since this run');

    await page.focus('[data-testid=variant-name-1]');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('thirty agents');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.inputValue('[data-testid=variant-name-1]')).toBe('thirty agents');
    expect(await page.evaluate('document.activeElement?.dataset.testid')).toBe('variant-name-1');

    // Run, from the keyboard: the new base is what the differences are against
    await page.focus('[data-testid=compare-run]');
    await page.keyboard.press('Enter');
    await done(page, 'compare-status');
    const caption = await page.textContent('[data-testid=compare-table-total] caption');
    expect(caption).toContain('against thirty agents');
    expect(app.errors).toEqual([]);
  });
});
