/**
 * End-to-end: the scenario editor in the built app (headless Chromium), tried as a new user would
 * (a fresh browser profile), in order: open on the baseline, add an offshore outsourcer from the
 * template, give it 40 % of voice with the split slider, compare baseline and edited setup, reload,
 * enter bad values (error at the field, run going), undo and redo, download the scenario and run it
 * with the CLI, and check the page with axe-core.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateScenario } from '../../src/scenario/validate';
import type { SimulationResult } from '../../src/sim/result';
import { simulate } from '../../src/sim/simulate';
import { SKIP_E2E, removeDir, startApp, type RunningApp } from './support';

const ROOT = resolve(import.meta.dirname, '../..');

describe.skipIf(SKIP_E2E)('scenario editor (built app, headless Chromium)', () => {
  let app: RunningApp;
  let page: Page;
  let errors: string[] = [];
  const scratch = mkdtempSync(join(tmpdir(), 'shoreline-editor-e2e-'));

  const clock = () => page.textContent('[data-testid=sim-clock]');
  const sites = () => page.locator('.region[data-site]').count();
  /** A control of the editor by its scenario path (ids are "ed:" + the schema's path). */
  const field = (path: string) => page.locator(`[id="ed:${path}"]`);
  const errorAt = (path: string) => page.locator(`[id="ed:${path}:error"]`);
  const openBlock = async (key: string) => {
    const d = page.locator(`details[data-block="${key}"]`);
    if ((await d.getAttribute('open')) === null) await d.locator('> summary').click();
  };
  /** The run goes on: the clock moves. */
  const advances = async () => {
    const t0 = await clock();
    await expect.poll(clock, { timeout: 8000 }).not.toBe(t0);
  };

  beforeAll(async () => {
    app = await startApp({ width: 1440, height: 1000 });
    ({ page, errors } = app);
  });

  afterAll(async () => {
    await app?.close();
    removeDir(scratch);
  });

  it('opens the baseline after its warm-up, at its first interval with agents logged in, and says so', async () => {
    expect(await page.textContent('[data-testid=scenario-name]')).toBe('onshore-baseline');
    await expect.poll(clock).toMatch(/^day 1 · 08:/);
    expect(await page.isVisible('[data-testid=warm-up-note]')).toBe(true);
    // the baseline, saved as a variant before any edit (compare panel's "Save current as variant")
    await page.click('[data-testid=save-variant]');
    await expect.poll(() => page.locator('[data-testid=variant-row]').count()).toBe(1);
  });

  it('"Add site" → "Offshore outsourcer" adds a Manila outsourcer with a zero share, and restarts the run', async () => {
    await page.getByRole('button', { name: 'Add site', exact: true }).click();
    await page.getByRole('button', { name: 'Offshore outsourcer', exact: true }).click();
    await expect.poll(sites).toBe(2);
    expect(await page.textContent('[data-testid=stage]')).toContain('Manila (offshore outsourcer)');
    expect(await page.textContent('[data-testid=notice-edit]')).toMatch(/restarted/);
    expect(await field('sites[1].cost.hourlyRate').inputValue()).toBe('13');
    expect(await field('sites[1].firstContactResolution').inputValue()).toBe('0.58');
    expect(await field('sites[1].hours.open').inputValue()).toBe('21:00');
    expect(await page.inputValue('[data-testid=split-voice-1]')).toBe('0');
    expect(Number(await field('sites[1].groups[0].agents').inputValue())).toBeGreaterThan(10);
  });

  it('gives it 40 % of voice with the split slider, live', async () => {
    await page.locator('[data-testid=split-voice-0]').fill('60');
    await page.locator('[data-testid=split-voice-1]').fill('40');
    await expect.poll(() => page.locator('[data-testid=split-voice-1] + output').textContent()).toBe('40 %');
    // the split is in the scenario (the editor's routing fields show it), and the run was not restarted
    await openBlock('routing:voice');
    await expect.poll(() => field('routing.voice.split.manila').inputValue()).toBe('40');
    expect(await field('routing.voice.split.columbus').inputValue()).toBe('60');
  });

  it('compares the baseline with the edited setup: cost per resolved and service level differ, with CIs', async () => {
    await page.click('[data-testid=editor-save-variant]');
    await expect.poll(() => page.locator('[data-testid=variant-row]').count()).toBe(2);
    await page.fill('[data-testid=compare-reps]', '6');
    await page.click('[data-testid=compare-run]');
    await expect
      .poll(() => page.textContent('[data-testid=compare-status]'), { timeout: 60_000 })
      .toMatch(/^done/);
    const voice = page.locator('[data-testid=compare-table-voice] [data-testid=result-row]');
    expect(await voice.count()).toBe(2);
    for (const key of ['costPerResolved', 'serviceLevel']) {
      const cells = voice.locator(`td[data-key=${key}] > div:first-child`);
      const [a, b] = [await cells.nth(0).textContent(), await cells.nth(1).textContent()];
      expect(a).toContain('±');
      expect(b).toContain('±');
      expect(a).not.toBe(b);
    }
    const diff = page.locator('[data-testid=compare-table-total] [data-diff=costPerResolved]');
    expect(await diff.getAttribute('data-significant')).toBe('true');
  });

  it('a reload keeps the edited scenario and the variants', async () => {
    await page.waitForTimeout(600); // the debounced save
    await page.reload();
    await page.waitForSelector('#app[data-ready=true]', { timeout: 30_000 });
    await expect.poll(sites).toBe(2);
    expect(await page.locator('[data-testid=variant-row]').count()).toBe(2);
    await expect.poll(() => page.inputValue('[data-testid=split-voice-1]')).toBe('40');
    await openBlock('site:manila');
    expect(await field('sites[1].name').inputValue()).toBe('Manila (offshore outsourcer)');
  });

  it('FCR 1.5: the error shows at that field, and the run keeps going', async () => {
    await openBlock('site:manila');
    const fcr = field('sites[1].firstContactResolution');
    await fcr.fill('1.5');
    await fcr.press('Tab');
    await expect
      .poll(() => errorAt('sites[1].firstContactResolution').textContent())
      .toMatch(/^sites\[1\]\.firstContactResolution: must be from 0\.01 to 1/);
    expect(await fcr.getAttribute('aria-invalid')).toBe('true');
    expect(await page.isVisible('[data-testid=editor-problems]')).toBe(true);
    await advances();
    expect(await sites()).toBe(2);
  });

  it('undo drops the bad value; undo and redo walk the edits, restarting the run', async () => {
    await page.keyboard.press('Control+z');
    await expect.poll(() => field('sites[1].firstContactResolution').inputValue()).toBe('0.58');
    expect(await errorAt('sites[1].firstContactResolution').textContent()).toBe('');
    // a valid change: restarts the run; Ctrl+Z brings the previous value back, Ctrl+Shift+Z the new one
    await field('sites[1].firstContactResolution').fill('0.62');
    await field('sites[1].firstContactResolution').press('Enter');
    await expect.poll(() => field('sites[1].firstContactResolution').inputValue()).toBe('0.62');
    await page.keyboard.press('Control+z');
    await expect.poll(() => field('sites[1].firstContactResolution').inputValue()).toBe('0.58');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => field('sites[1].firstContactResolution').inputValue()).toBe('0.62');
    await page.keyboard.press('Control+z');
    await expect.poll(() => field('sites[1].firstContactResolution').inputValue()).toBe('0.58');
    // a slider move is one undo step too, and undoing it moves the slider back
    await openBlock('site:columbus');
    await page.locator('[data-testid=staffing-0]').fill('50');
    await expect.poll(() => field('sites[0].groups[0].agents').inputValue()).toBe('50');
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.inputValue('[data-testid=staffing-0]')).toBe('44');
    expect(await field('sites[0].groups[0].agents').inputValue()).toBe('44');
  });

  it('−3 agents: the error shows at that field, and the run keeps going', async () => {
    const agents = field('sites[1].groups[0].agents');
    const before = await agents.inputValue();
    await agents.fill('-3');
    await agents.press('Tab');
    await expect
      .poll(() => errorAt('sites[1].groups[0].agents').textContent())
      .toMatch(/^sites\[1\]\.groups\[0\]\.agents: must be a whole number ≥ 0/);
    await advances();
    await page.keyboard.press('Control+z');
    await expect.poll(() => agents.inputValue()).toBe(before);
  });

  it('the intraday profile moves from the keyboard; a burst of changes is one undo step', async () => {
    await openBlock('channel:voice');
    const text = field('channels.voice.profile');
    const before = (await text.inputValue()).split(' ');
    expect(before[16]).toBe('4.2'); // 08:00, the first interval with calls
    await page.locator('[id="ed:channels.voice.profile:curve"]').focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowUp');
    // each press restarts the run; none of the restarts is lost to the next one
    await expect.poll(async () => (await text.inputValue()).split(' ')[16]).toBe('5.4');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('ed:channels.voice.profile:curve');
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await text.inputValue()).split(' ')[16]).toBe('4.2');
    await advances();
  });

  it('"Download scenario" writes a file the CLI runs unchanged', async () => {
    const [d] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid=download-scenario]'),
    ]);
    const text = readFileSync(await d.path(), 'utf8');
    const file = join(scratch, d.suggestedFilename());
    writeFileSync(file, text);
    const parsed = validateScenario(JSON.parse(text));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.scenario.sites.map((s) => s.id)).toEqual(['columbus', 'manila']);
      expect(parsed.scenario.routing?.voice?.split).toEqual({ columbus: 60, manila: 40 });
      expect(parsed.scenario.sites[1].position?.city).toBe('Manila, Philippines');
    }
    const out = join(scratch, 'result.json');
    const run = await promisify(execFile)(
      process.execPath,
      [
        join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
        join(ROOT, 'src/cli/main.ts'),
        file,
        '--reps',
        '2',
        '--json',
        out,
      ],
      { cwd: ROOT, timeout: 120_000 },
    );
    expect(run.stderr).toBe('');
    const result = JSON.parse(readFileSync(out, 'utf8')) as SimulationResult;
    expect(result.scenario).toBe(parsed.ok ? parsed.scenario.name : '(not a scenario)');
    expect(result.replications).toBe(2);
    expect(Object.keys(result.sites)).toEqual(['columbus', 'manila']);
    // the CLI ran the downloaded scenario as it is: the same figures as the engine on the parsed file
    // (same seed, "1", and replications), Manila's share of the calls included
    if (!parsed.ok) return;
    const direct = simulate(parsed.scenario, { seed: '1', replications: 2 });
    expect(result.sites.manila.offered.mean).toBeGreaterThan(0);
    expect(result.sites.manila.offered).toEqual(direct.sites.manila.offered);
    expect(result.total.cost).toEqual(direct.total.cost);
    expect(result.total.serviceLevel).toEqual(direct.total.serviceLevel);
  }, 150_000);

  it('the "Add site" menu works from the keyboard', async () => {
    const add = page.getByRole('button', { name: 'Add site', exact: true });
    await add.focus();
    await page.keyboard.press('Enter');
    expect(await add.getAttribute('aria-expanded')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Onshore in-house');
    await page.keyboard.press('Escape');
    expect(await add.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Add site');
  });

  it('axe-core finds no serious or critical violation with the editor open', async () => {
    for (const key of [
      'general',
      'site:columbus',
      'site:manila',
      'channel:voice',
      'channel:email',
      'routing:voice',
    ])
      await openBlock(key);
    await page.getByRole('button', { name: 'Add site', exact: true }).click();
    const result = await new AxeBuilder({ page }).analyze();
    // it checked the editor's controls (labels, names, contrast), not an empty page
    expect(result.passes.map((p) => p.id)).toEqual(
      expect.arrayContaining(['label', 'button-name', 'color-contrast']),
    );
    const openBlocks = await page
      .locator('[data-testid=editor] details[open]')
      .evaluateAll((ds) => ds.map((d) => (d as HTMLElement).dataset.block));
    expect(openBlocks).toEqual(
      expect.arrayContaining([
        'general',
        'site:columbus',
        'site:manila',
        'channel:voice',
        'channel:email',
        'routing:voice',
      ]),
    );
    expect(
      await page.locator('[data-testid=editor] input, [data-testid=editor] select').count(),
    ).toBeGreaterThan(80);
    const bad = result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')} — ${v.help}`);
    expect(bad).toEqual([]);
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
  }, 60_000);
  it('a forecast CSV dropped on the page sets the channel volumes; a bad one is listed by line and nothing changes', async () => {
    await openBlock('channel:voice');
    const volume = field('channels.voice.volumePerDay');
    const before = await volume.inputValue();
    const rows = ['start,channel,volume'];
    for (let k = 16; k < 40; k++)
      rows.push(`${String(Math.floor(k / 2)).padStart(2, '0')}:${k % 2 ? '30' : '00'},voice,100`);
    // a real drop event on the page (not on the Plan panel), with the file in its DataTransfer
    await page.evaluate((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'forecast.csv', { type: 'text/csv' }));
      document
        .querySelector('[data-testid=stage]')!
        .dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, rows.join('\n'));
    await expect.poll(() => volume.inputValue()).toBe('2400');
    expect(before).not.toBe('2400');
    await advances();

    await page.setInputFiles('[data-testid=file]', {
      name: 'bad-forecast.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('start,channel,volume\n08:00,voice,-5\n08:30,fax,3\n'),
    });
    const problems = page.locator('[data-testid=problems]');
    await expect.poll(() => problems.textContent()).toMatch(/line 2, column 3 \(volume\)/);
    expect(await problems.textContent()).toMatch(/line 3, column 2 \(channel\)/);
    expect(await volume.inputValue()).toBe('2400');
    await advances();
    expect(errors).toEqual([]);
  }, 60_000);
  it('warm-up days 0 from the editor: the run starts empty and the view opens at 08:00, when the center opens', async () => {
    await openBlock('general');
    await field('horizon.warmUpDays').fill('0');
    await field('horizon.warmUpDays').press('Enter');
    await field('horizon.warmUpDays').blur();
    // the run with a warm-up opened at 08:00 too (issue 26): wait for the restart, which drops the note
    await expect.poll(() => page.isVisible('[data-testid=warm-up-note]')).toBe(false);
    await expect.poll(clock).toMatch(/^day 1 · 08:/);
    await advances();
    expect(errors).toEqual([]);
  }, 60_000);
});
