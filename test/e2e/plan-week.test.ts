/**
 * End-to-end (issue 29): the Plan panel plans a dated week, in the panel's own built page. A forecast
 * of seven dates (Monday 7 December 2026 on, Monday's volume 1.5× Sunday's) is imported into the
 * panel's scenario; the roster choice appears (it is hidden for one day); planned with 5x8, the panel
 * shows the week's chart, seven days with their dates and the day's agent-hours — Monday needing more
 * than Sunday — and the roster: per group the need and working agents each weekday, rostered agents
 * and heads needed, the patterns as days off. Day 1 follows in detail, and "Apply plan" keeps the
 * week's days. axe finds nothing serious or critical.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/sim/scenario';
import { launch, removeDir, serve, SKIP_E2E } from './support';

const ROOT = resolve(import.meta.dirname, '../..');
const PLAN_TIMEOUT = 240_000;
/** Monday to Sunday: each day's volume as a multiple of the base */
const WEEK = [1.5, 1.3, 1.2, 1.2, 1.1, 0.9, 1.0];

/** Seven dates of voice every half-hour from 08:00 to 20:00 (the Dallas site's hours). */
function weekCsv(): string {
  const rows = ['start,channel,volume'];
  WEEK.forEach((f, d) => {
    const date = `2026-12-${String(7 + d).padStart(2, '0')}`;
    for (let j = 16; j < 40; j++) {
      const hh = String(Math.floor(j / 2)).padStart(2, '0');
      rows.push(`${date}T${hh}:${j % 2 ? '30' : '00'},voice,${Math.round(60 * f)}`);
    }
  });
  return rows.join('\n') + '\n';
}

describe.skipIf(SKIP_E2E)('plan panel: the week (built page, headless Chromium)', () => {
  let page: Page;
  let close: () => Promise<void>;
  const errors: string[] = [];

  beforeAll(async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'shoreline-plan-week-e2e-'));
    const { build } = await import('vite');
    await build({
      root: ROOT,
      logLevel: 'warn',
      build: {
        outDir,
        emptyOutDir: true,
        sourcemap: false,
        rollupOptions: { input: resolve(ROOT, 'test/e2e/plan-harness/index.html') },
      },
    });
    const server = await serve(outDir);
    const browser = await launch();
    page = await browser.context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${server.url}test/e2e/plan-harness/index.html`);
    await page.waitForSelector('body[data-ready=true]', { timeout: 30_000 });
    close = async () => {
      await browser.close();
      await server.close();
      removeDir(outDir);
    };
  }, 120_000);
  afterAll(async () => close?.());

  it('offers a roster only once the scenario has several days', async () => {
    expect(await page.isVisible('[data-testid=plan-roster]')).toBe(false);
    await page.setInputFiles('[data-testid=plan-forecast-file]', {
      name: 'week.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(weekCsv()),
    });
    await page.waitForSelector('[data-testid=plan-forecast-summary]:has-text("Imported")');
    const s = await page.evaluate(
      () => (window as unknown as { __plan: { current: Scenario } }).__plan.current,
    );
    expect(s.horizon?.startDate).toBe('2026-12-07');
    expect(s.horizon?.days).toBe(7);
    expect(await page.isVisible('[data-testid=plan-roster]')).toBe(true);
  });

  it(
    'plans every day and shows the week with its roster (5x8)',
    async () => {
      await page.selectOption('[data-testid=plan-roster]', '5x8');
      await page.fill('[data-testid=plan-ab-voice]', '5');
      await page.click('[data-testid=plan-run]');
      await page.waitForSelector('[data-testid=plan-verdict]', { timeout: PLAN_TIMEOUT });
      const rows = page.locator('[data-testid=plan-week-days] tbody tr');
      expect(await rows.count()).toBe(7);
      const cells = await rows.evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
      );
      expect(cells.map((c) => c[0])).toEqual([
        'Mon 7 Dec',
        'Tue 8 Dec',
        'Wed 9 Dec',
        'Thu 10 Dec',
        'Fri 11 Dec',
        'Sat 12 Dec',
        'Sun 13 Dec',
      ]);
      const required = cells.map((c) => Number(c[1]));
      const scheduled = cells.map((c) => Number(c[2]));
      expect(required[0]).toBeGreaterThan(required[5]); // Monday 1.5×, Saturday 0.9×
      scheduled.forEach((x, d) => expect(x).toBeGreaterThanOrEqual(required[d])); // shifts cover the need
      expect(await page.locator('[data-testid=plan-week-chart] canvas').count()).toBe(1);
      const summary = (await page.textContent('[data-testid=plan-roster-summary]')) ?? '';
      const m = /^(\d+) agents rostered on 5x8 patterns .*; (\d+) heads needed/.exec(summary);
      expect(m, summary).not.toBeNull();
      const [rostered, heads] = [Number(m![1]), Number(m![2])];
      expect(heads).toBeGreaterThanOrEqual(rostered); // Dallas loses 30 % to shrinkage
      const roster = await page.locator('[data-testid=plan-roster] tbody tr').allTextContents();
      expect(roster.length).toBeGreaterThanOrEqual(1);
      expect(roster.join('\n')).toMatch(/dallas\/voice/);
      expect(await page.textContent('[data-testid=plan-roster-patterns]')).toMatch(/\d+ × off \w{3}–\w{3}/);
      expect(await page.textContent('[data-testid=plan-day-one]')).toMatch(/^Mon 7 Dec in detail/);
      expect(errors.join('\n')).toBe('');
    },
    PLAN_TIMEOUT + 10_000,
  );

  it('applies day 1’s shifts to the scenario as written: seven dated days kept', async () => {
    await page.click('[data-testid=plan-apply]');
    const applied = await page.evaluate(
      () => (window as unknown as { __plan: { applied: Scenario } }).__plan.applied,
    );
    expect(applied.horizon?.days).toBe(7);
    expect(applied.horizon?.startDate).toBe('2026-12-07');
    expect(applied.channels.voice!.daily?.length).toBe(7);
    expect(applied.sites[0].groups[0].shifts!.length).toBeGreaterThan(0);
  });

  it('axe-core finds no serious or critical violation with the week shown', async () => {
    const result = await new AxeBuilder({ page }).analyze();
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});
