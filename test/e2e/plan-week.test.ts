/**
 * End-to-end (issue 29): the Plan panel plans a dated week, in the panel's own built page. A forecast
 * of seven dates (Monday 7 December 2026 on, Monday's volume 1.5× Sunday's) is imported into the
 * panel's scenario; the roster choice appears (it is hidden for one day); planned with 5x8, the panel
 * shows the week's chart, seven days with their dates and the day's agent-hours — Monday needing more
 * than Sunday — and the roster: per group the need and working agents each weekday, rostered agents
 * and heads needed, the patterns as days off — and each day's verdict from the one simulation of all
 * the days (met or missed, its checks met, unclear and missed), with the week's verdict line. Day 1
 * follows in detail, and "Apply plan" hands over (read from the page's record of onApply, which the
 * app commits to its store as one step) the week's days with every day's own shifts, each carrying
 * its `day`: Monday's shifts staff more than Saturday's. axe finds nothing serious or critical.
 *
 * Then in the app itself: a week planned in its Plan panel and applied is the store's scenario (the
 * test hook `window.shoreline.store`) with every day's shifts, in one undo step, and the live run
 * staffs Tuesday and Saturday, at a half-hour where their shifts differ, each with that day's own
 * shifts (`client.liveStaffing()`).
 */
import { AxeBuilder } from '@axe-core/playwright';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateScenario } from '../../src/scenario/validate';
import type { Scenario } from '../../src/sim/scenario';
import { launch, removeDir, serve, SKIP_E2E, startApp, type RunningApp } from './support';

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
      // each day's verdict in the week's one simulation, as `plan` prints it
      for (const c of cells) {
        expect(c[6]).toMatch(/^(met|met \(except where it cannot be\)|missed \(\d+ interval checks?\))$/);
        const checks = /^(\d+) of (\d+)$/.exec(c[7]);
        expect(checks, c[7]).not.toBeNull();
        expect(Number(checks![2])).toBeGreaterThanOrEqual(24); // 08:00–20:00 judged every half-hour
        expect(Number(checks![1]) + Number(c[8]) + Number(/^\d+/.exec(c[9])![0])).toBeLessThanOrEqual(
          Number(checks![2]),
        );
      }
      const verdict = (await page.textContent('[data-testid=plan-week-verdict]')) ?? '';
      expect(verdict).toMatch(
        /^The 7 days verified together: one simulation, 10 replications, a verdict per day\./,
      );
      const missing = cells.filter((c) => c[6].startsWith('missed')).map((c) => c[0]);
      expect(verdict).toContain(
        missing.length === 0 ? 'Every day meets its targets' : `Days missing a target: ${missing.join(', ')}`,
      );
      expect(await page.textContent('[data-testid=plan-week-channels]')).toMatch(/voice.*SL ≥ 80\.0 %/);
      expect(await page.textContent('[data-testid=plan-day-one]')).toMatch(/^Mon 7 Dec in detail/);
      expect(errors.join('\n')).toBe('');
    },
    PLAN_TIMEOUT + 10_000,
  );

  it('applies every day’s own shifts, each on its day, to the week as written', async () => {
    await page.click('[data-testid=plan-apply]');
    const applied = await page.evaluate(
      () => (window as unknown as { __plan: { applied: Scenario } }).__plan.applied,
    );
    expect(validateScenario(applied).ok).toBe(true);
    expect(applied.horizon?.days).toBe(7);
    expect(applied.horizon?.startDate).toBe('2026-12-07');
    expect(applied.channels.voice!.daily?.length).toBe(7);
    const shifts = applied.sites[0].groups[0].shifts!;
    expect(shifts.every((x) => Number.isInteger(x.day) && x.day! >= 1 && x.day! <= 7)).toBe(true);
    expect(new Set(shifts.map((x) => x.day))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7]));
    // Monday (1.5×) is staffed by its own shifts, more than Saturday's (0.9×)
    const agentsOn = (d: number) => shifts.filter((x) => x.day === d).reduce((a, x) => a + x.agents, 0);
    expect(agentsOn(1)).toBeGreaterThan(agentsOn(6));
  });

  it('axe-core finds no serious or critical violation with the week shown', async () => {
    const result = await new AxeBuilder({ page }).analyze();
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});

const DAY = 86_400;

/** One Dallas voice group, a week of 7 undated days, Monday 1.5× and the weekend 0.5×. */
function dallasWeek(): Scenario {
  return {
    name: 'dallas-week',
    clientUtcOffsetHours: -6,
    horizon: { days: 7, intervalMinutes: 30 },
    channels: {
      voice: {
        volumePerDay: 2400,
        weekly: [1.5, 1, 1, 1, 1, 0.5, 0.5],
        profile: Array.from({ length: 48 }, (_, j) => (j >= 16 && j < 40 ? 1 : 0)), // 08:00–20:00
        handleTime: { dist: 'exponential', mean: 300 },
        target: { percent: 80, withinSeconds: 20 },
      },
    },
    sites: [
      {
        id: 'dallas',
        name: 'Dallas',
        location: 'onshore',
        utcOffsetHours: -6,
        hours: { open: '08:00', close: '20:00' },
        groups: [{ id: 'voice', skills: ['voice'], agents: 20 }],
        shrinkage: 0.25,
        cost: { hourlyRate: 28 },
      },
    ],
  };
}

/** Agents of the shifts on day `d` working at `minute` of the (client = Dallas) day. */
function onShift(
  shifts: NonNullable<Scenario['sites'][number]['groups'][number]['shifts']>,
  d: number,
  minute: number,
) {
  const m = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  return shifts
    .filter((x) => x.day === d && m(x.start) <= minute && minute < (m(x.end) || 1440))
    .reduce((a, x) => a + x.agents, 0);
}

describe.skipIf(SKIP_E2E)('plan panel: a week applied in the app (built app, headless Chromium)', () => {
  let app: RunningApp;
  let page: Page;
  const status = () => page.evaluate('window.shoreline.client.status()') as Promise<{ now: number }>;

  beforeAll(async () => {
    app = await startApp({ width: 1440, height: 900 });
    page = app.page;
    if (await page.locator('[data-testid=guide]').isVisible())
      await page.click('[data-testid=guide-dismiss]');
    await page.setInputFiles('[data-testid=file]', {
      name: 'dallas-week.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(dallasWeek())),
    });
    await page.waitForFunction(
      () => document.querySelector('[data-testid=scenario-name]')?.textContent === 'dallas-week',
    );
    await page.evaluate('window.shoreline.idle()');
  }, 180_000);
  afterAll(async () => app?.close());

  it(
    'staffs each day of the live run with its own shifts, in one undo step',
    async () => {
      await page.fill('[data-testid=plan-reps]', '3');
      await page.click('[data-testid=plan-run]');
      await page.waitForSelector('[data-testid=plan-week-verdict]', { timeout: PLAN_TIMEOUT });
      expect(await page.textContent('[data-testid=plan-week-verdict]')).toMatch(
        /one simulation, 3 replications/,
      );
      expect(await page.textContent('[data-testid=plan-week-channels]')).toMatch(/SL ≥ 80\.0 %/);
      await page.click('[data-testid=plan-apply]');
      await page.waitForFunction('window.shoreline.store.scenario.sites[0].groups[0].shifts !== undefined');
      const s = (await page.evaluate('window.shoreline.store.scenario')) as Scenario;
      const shifts = s.sites[0].groups[0].shifts!;
      expect(new Set(shifts.map((x) => x.day))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7]));
      expect(s.channels.voice!.weekly).toEqual([1.5, 1, 1, 1, 1, 0.5, 0.5]);
      // the live run, Tuesday and Saturday at a half-hour where their own shifts staff differently
      // (with one day's shifts on every day, both would be staffed alike)
      const minutes = Array.from({ length: 24 }, (_, k) => 480 + 30 * k);
      const m = minutes.find((x) => onShift(shifts, 2, x) !== onShift(shifts, 6, x));
      expect(m).toBeDefined();
      await page.evaluate('window.shoreline.idle()');
      await page.evaluate('window.shoreline.client.pause()');
      const staffedAt = async (t: number) => {
        const { now } = await status();
        await page.evaluate(`window.shoreline.client.step(${t - now})`);
        await expect.poll(async () => (await status()).now, { timeout: 30_000 }).toBeGreaterThanOrEqual(t);
        const live = (await page.evaluate('window.shoreline.client.liveStaffing()')) as { groups: number[] };
        return live.groups[0];
      };
      expect(await staffedAt(DAY + m! * 60)).toBe(onShift(shifts, 2, m!));
      expect(await staffedAt(5 * DAY + m! * 60)).toBe(onShift(shifts, 6, m!));
      // one undo step back to the scenario as opened
      const undone = await page.evaluate(
        '(window.shoreline.store.undo(), window.shoreline.store.scenario.sites[0].groups[0])',
      );
      expect(undone).toEqual({ id: 'voice', skills: ['voice'], agents: 20 });
      expect(app.errors.join('\n')).toBe('');
    },
    PLAN_TIMEOUT + 60_000,
  );
});
