/**
 * End-to-end: the compare panel in the built app (headless Chromium). One page, in order: two
 * variants (save, move a slider, save), a run with common random numbers, the table, the chart, a
 * difference, the exports (validated), "Copy link", a bad variant file, a sweep and the optimiser.
 * Small scenario, few replications: the whole file runs in a few seconds after the build.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { validateScenario } from '../../src/scenario/validate';
import { decodeState } from '../../src/share/url-state';
import { validateAppState } from '../../src/ui/compare/state';
import { SKIP_E2E, startApp, type RunningApp } from './support';
import { twoSiteVoice } from '../support/build';

const SMALL = twoSiteVoice();

describe.skipIf(SKIP_E2E)('compare panel (built app, headless Chromium)', () => {
  let app: RunningApp;
  let page: Page;
  let errors: string[] = [];

  const rows = () => page.locator('[data-testid=variant-row]').count();
  /** Clicks `testid` and returns the downloaded file's name and text. */
  async function download(testid: string): Promise<{ name: string; text: string }> {
    const [d] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid=${testid}]`)]);
    const path = await d.path();
    return { name: d.suggestedFilename(), text: readFileSync(path, 'utf8') };
  }

  beforeAll(async () => {
    app = await startApp({ width: 1400, height: 900 });
    ({ page, errors } = app);
    await page.setInputFiles('[data-testid=file]', {
      name: 'small.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(SMALL)),
    });
    await page.waitForFunction(
      () => document.querySelector('[data-testid=scenario-name]')?.textContent === 'small',
    );
  });

  afterAll(async () => {
    await app?.close();
  });

  it('saves the current sliders as variants', async () => {
    expect(await page.isDisabled('[data-testid=compare-run]')).toBe(true);
    // nothing of a comparison shows before one has run
    expect(await page.isVisible('[data-testid=chart-y-asa]')).toBe(false);
    expect(await page.isVisible('[data-testid=export-csv]')).toBe(false);
    await page.click('[data-testid=save-variant]');
    await expect.poll(rows).toBe(1);
    await page.locator('[data-testid=staffing-1]').fill('6'); // Away: 1 → 6 agents
    await page.click('[data-testid=save-variant]');
    await expect.poll(rows).toBe(2);
    // named by what changed (issue 27), not "small (2)"
    expect(await page.inputValue('[data-testid=variant-name-1]')).toBe('Away agents 1 → 6');
    await page.fill('[data-testid=variant-name-1]', 'more away');
    await page.press('[data-testid=variant-name-1]', 'Enter'); // commits the name (change event)
    expect(await page.isChecked('[data-testid=variant-base-0]')).toBe(true);
    expect(await page.isDisabled('[data-testid=compare-run]')).toBe(false);
  });

  it('runs both variants and shows the table, the chart and a difference', async () => {
    await page.fill('[data-testid=compare-reps]', '3');
    await page.click('[data-testid=compare-run]');
    await expect
      .poll(() => page.textContent('[data-testid=compare-status]'), { timeout: 30_000 })
      .toMatch(/^done/);
    const table = page.locator('[data-testid=compare-table-total]');
    expect(await table.locator('[data-testid=result-row]').count()).toBe(2);
    expect(await page.locator('[data-testid=compare-table-voice] [data-testid=result-row]').count()).toBe(2);
    expect(await page.locator('[data-testid=compare-chart] circle').count()).toBe(2);
    // five more agents: the paired difference in service level is positive and marked significant
    const sl = page.locator('[data-testid=compare-table-voice] [data-diff=serviceLevel]');
    expect(await sl.count()).toBe(1);
    expect(await sl.textContent()).toMatch(/^Δ \+/);
    expect(await sl.getAttribute('data-significant')).toBe('true');
    expect(await sl.textContent()).toContain('*');
    // (v3) per site: cost per contact beside cost per owned issue, one row per variant × site (2 × 2)
    const siteRows = page.locator('[data-testid=compare-table-sites] [data-testid=site-cost-row]');
    expect(await siteRows.count()).toBe(4);
    for (const key of ['costPerContact', 'costPerOwnedIssue', 'issuesOwned'])
      expect(await siteRows.first().locator(`[data-key=${key}]`).textContent()).toMatch(/^[\d$]/);
    // the y axis toggles to ASA
    await page.check('[data-testid=chart-y-asa]');
    expect(await page.getAttribute('[data-testid=compare-chart]', 'aria-label')).toContain('ASA');
    expect(await page.locator('[data-testid=compare-chart] circle').count()).toBe(2);
  });

  it('exports JSON and CSV results, and the scenario with sliders', async () => {
    const json = await download('export-json');
    expect(json.name).toBe('shoreline-comparison.json');
    const result = JSON.parse(json.text);
    expect(result).toMatchObject({ format: 1, kind: 'compare', replications: 3, base: 'small' });
    expect(result.variants.map((v: { name: string }) => v.name)).toEqual(['small', 'more away']);
    expect(result.variants[1].differences.voice.serviceLevel.significant).toBe(true);

    const csv = await download('export-csv');
    const lines = csv.text.trimEnd().split('\n');
    expect(lines[0]).toBe('variant,scope,figure,mean,ci95,difference,difference_ci95,significant');
    expect(lines).toHaveLength(1 + 2 * 2 * 7);

    const file = await download('export-scenario');
    expect(file.name).toBe('small-sliders.json');
    const parsed = validateScenario(JSON.parse(file.text));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.scenario.sites[1].groups[0].agents).toBe(6);
  });

  it('"Copy link" puts the whole state in the address', async () => {
    await page.click('[data-testid=copy-link]');
    await expect.poll(() => page.textContent('[data-testid=share-status]')).toMatch(/Link/);
    const hash = new URL(page.url()).hash;
    expect(hash.startsWith('#s=v1.')).toBe(true);
    const state = validateAppState(await decodeState(hash.slice(3)));
    expect(state.ok).toBe(true);
    if (!state.ok) return;
    expect(state.state.scenario.name).toBe('small');
    // slider moves are written into the scenario (src/ui/live/slider-scenario.ts)
    expect(state.state.scenario.sites[1].groups[0].agents).toBe(6);
    expect(state.state.variants.map((v) => v.name)).toEqual(['small', 'more away']);

    // the link opens the same state in another tab (restored by src/ui/persist.ts)
    const other = await app.context.newPage();
    try {
      await other.goto(page.url());
      await other.waitForSelector('#app[data-ready=true]', { timeout: 30_000 });
      expect(await other.textContent('[data-testid=scenario-name]')).toBe('small');
      expect(await other.locator('[data-testid=variant-row]').count()).toBe(2);
      expect(await other.inputValue('[data-testid=variant-name-1]')).toBe('more away');
      expect(await other.inputValue('[data-testid=staffing-1]')).toBe('6');
    } finally {
      await other.close();
    }
  });

  it('refuses a bad variant file with field errors and keeps the variants', async () => {
    const bad = structuredClone(SMALL) as { sites: { groups: { agents: number }[] }[] };
    bad.sites[0].groups[0].agents = -2;
    await page.setInputFiles('[data-testid=add-variant-file]', {
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(bad)),
    });
    const problems = page.locator('[data-testid=compare-problems]');
    await expect.poll(() => problems.isVisible()).toBe(true);
    expect(await problems.textContent()).toContain('sites[0].groups[0].agents');
    expect(await rows()).toBe(2);
    // a good file is added
    await page.setInputFiles('[data-testid=add-variant-file]', {
      name: 'other.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ ...SMALL, name: 'other' })),
    });
    await expect.poll(rows).toBe(3);
    expect(await problems.isVisible()).toBe(false);
    expect(await page.textContent('[data-testid=compare-results]')).toContain('changed since this run');
    await page.click('[data-testid=variant-remove-2]');
    await expect.poll(rows).toBe(2);
  });

  it('sweeps a site’s share and plots cost and service level', async () => {
    await page.click('[data-testid=sweep-section] summary');
    await page.selectOption('[data-testid=sweep-param]', { label: 'voice share: Away (%) — now 40' });
    expect(await page.inputValue('[data-testid=sweep-to]')).toBe('100');
    await page.fill('[data-testid=sweep-step]', '50');
    await page.fill('[data-testid=sweep-reps]', '2');
    await page.click('[data-testid=sweep-run]');
    await expect
      .poll(() => page.textContent('[data-testid=sweep-status]'), { timeout: 30_000 })
      .toMatch(/^done: 3 points/);
    expect(await page.locator('[data-testid=sweep-cost-chart] circle').count()).toBe(3);
    expect(await page.locator('[data-testid=sweep-sl-chart] circle').count()).toBe(3);
  });

  it('optimises staffing and applies it to the sliders', async () => {
    await page.click('[data-testid=opt-section] summary');
    expect(await page.inputValue('[data-testid=opt-sl-voice]')).toBe('80');
    await page.fill('[data-testid=opt-reps]', '2');
    await page.fill('[data-testid=opt-budget]', '25');
    await page.click('[data-testid=opt-run]');
    await expect
      .poll(() => page.textContent('[data-testid=opt-status]'), { timeout: 30_000 })
      .toMatch(/^(optimal|budget|infeasible):/);
    expect(await page.textContent('[data-testid=opt-outcome]')).toMatch(/optimum|budget|No staffing/);
    const away = await page.textContent('[data-testid="opt-agents-away/voice"]');
    const home = await page.textContent('[data-testid="opt-agents-home/voice"]');
    await page.click('[data-testid=opt-apply]');
    await expect.poll(() => page.inputValue('[data-testid=staffing-1]')).toBe(away);
    expect(await page.inputValue('[data-testid=staffing-0]')).toBe(home);
  });

  it('Cancel stops a long run and keeps the last results', async () => {
    await page.fill('[data-testid=compare-reps]', '1000');
    await page.click('[data-testid=compare-run]');
    await expect
      .poll(() => page.textContent('[data-testid=compare-status]'))
      .toMatch(/^\d+ \/ 2000 replications$/);
    expect(await page.isDisabled('[data-testid=sweep-run]')).toBe(true); // one job at a time
    await page.focus('[data-testid=compare-cancel]');
    await page.keyboard.press('Enter'); // keyboard-operable
    await expect.poll(() => page.textContent('[data-testid=compare-status]')).toBe('cancelled');
    expect(await page.isDisabled('[data-testid=compare-run]')).toBe(false);
    expect(await page.locator('[data-testid=compare-table-total] [data-testid=result-row]').count()).toBe(2);
    expect(errors).toEqual([]);
  });
});
