/**
 * End-to-end, issue 27 (a planner's first hour), the parts in the live view, the editor and the
 * variant list: the guided start; the split in percent (the far right is 100 %, "move N points" is one
 * undo step, the share got beside the share set); the picker's "(edited)" that an undo clears; a
 * variant named by what changed, with its split and agents; notices by level (a restart is info);
 * a site added at 0 % says what it costs idle; the Erlang box says what it leaves out; axe.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SKIP_E2E, startApp, type RunningApp } from './support';

describe.skipIf(SKIP_E2E)('a planner’s first hour (built app, headless Chromium)', () => {
  let app: RunningApp;
  let page: Page;
  let errors: string[] = [];

  const picked = () =>
    page.$eval('[data-testid=scenario-picker]', (el) => (el as HTMLSelectElement).selectedOptions[0]?.text);
  const share = (s: number) => page.locator(`[data-testid=split-voice-${s}] + output`).textContent();
  const slider = (s: number) => page.inputValue(`[data-testid=split-voice-${s}]`);
  /** Ctrl+Z with the focus on the page, not in a text field outside the editor */
  const undo = async () => {
    await page.locator('[data-testid=undo]').focus();
    await page.keyboard.press('Control+z');
  };

  beforeAll(async () => {
    app = await startApp({ width: 1440, height: 900 });
    ({ page, errors } = app);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('shows a three-step start on the first visit; dismissed, it stays away after a reload', async () => {
    const guide = page.locator('[data-testid=guide]');
    expect(await guide.isVisible()).toBe(true);
    const text = await guide.textContent();
    expect(text).toMatch(/1\. Pick a scenario.*2\. Change the split.*3\. Compare at equal service/);
    await page.click('[data-testid=guide-step-1]'); // takes the planner to the picker
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'scenario-picker',
    );
    await page.click('[data-testid=guide-dismiss]');
    expect(await guide.isVisible()).toBe(false);
    await page.reload();
    await page.waitForSelector('#app[data-ready=true]', { timeout: 30_000 });
    expect(await page.locator('[data-testid=guide]').isVisible()).toBe(false);
  });

  it('the split is in percent: Manila 75 % dragged to the far right is 100 %, Columbus 0 %', async () => {
    await page.selectOption('[data-testid=scenario-picker]', 'offshore-voice');
    await expect
      .poll(() => page.textContent('[data-testid=scenario-name]'), { timeout: 15_000 })
      .toBe('offshore-voice');
    await expect.poll(() => share(1), { timeout: 15_000 }).toBe('75 %');
    expect(await share(0)).toBe('25 %');
    expect(await picked()).toBe('offshore-voice');
    await page.locator('[data-testid=split-voice-1]').fill('100');
    await expect.poll(() => share(1), { timeout: 15_000 }).toBe('100 %');
    expect(await share(0)).toBe('0 %');
    expect(await slider(0)).toBe('0');
    // the scenario holds it (the editor's routing fields)
    const d = page.locator('details[data-block="routing:voice"]');
    if ((await d.getAttribute('open')) === null) await d.locator('> summary').click();
    await expect
      .poll(() => page.inputValue('[id="ed:routing.voice.split.manila"]'), { timeout: 15_000 })
      .toBe('100');
    expect(await page.inputValue('[id="ed:routing.voice.split.columbus"]')).toBe('0');
    // the picker says the scenario is edited
    expect(await picked()).toBe('offshore-voice (edited)');
  });

  it('beside the share set, the share each site got of the contacts since', async () => {
    const got = page.locator('[data-testid=split-effective-voice-1]');
    await page.evaluate('window.shoreline.client.step(1800)');
    await expect.poll(() => got.textContent(), { timeout: 10_000 }).toMatch(/^got \d+ % of contacts$/);
    // everything goes to Manila now: it got all of what was routed since the change
    expect(await got.textContent()).toBe('got 100 % of contacts');
    expect(await page.textContent('[data-testid=split-effective-voice-0]')).toBe('got 0 % of contacts');
  });

  it('"move 25 points from Manila to Columbus" is one action and one undo step', async () => {
    await page.fill('[data-testid=split-move-voice-points]', '25');
    await page.selectOption('[data-testid=split-move-voice-from]', { label: 'Manila outsourcer' });
    await page.selectOption('[data-testid=split-move-voice-to]', { label: 'Columbus, OH (in-house)' });
    await page.click('[data-testid=split-move-voice]');
    await expect.poll(() => share(0), { timeout: 15_000 }).toBe('25 %');
    expect(await share(1)).toBe('75 %');
    await undo();
    await expect.poll(() => share(1), { timeout: 15_000 }).toBe('100 %');
    expect(await share(0)).toBe('0 %');
  });

  it('a variant is named by what changed, and the table shows its split and agents', async () => {
    await page.click('[data-testid=save-variant]');
    const last = (await page.locator('[data-testid=variant-row]').count()) - 1;
    expect(await page.inputValue(`[data-testid=variant-name-${last}]`)).toBe(
      'voice: Manila outsourcer 75 → 100 %',
    );
    expect(await page.textContent(`[data-testid=variant-split-${last}]`)).toBe(
      'voice: Columbus, OH 0 · Manila outsourcer 100',
    );
    expect(await page.textContent(`[data-testid=variant-agents-${last}]`)).toMatch(
      /^Columbus, OH 20 · Manila outsourcer \d+$/,
    );
  });

  it('undo back to the loaded scenario: the picker no longer reads "(edited)"', async () => {
    await undo();
    await expect.poll(() => share(1), { timeout: 15_000 }).toBe('75 %');
    expect(await picked()).toBe('offshore-voice');
  });

  it('a restart is an information notice, not a red error', async () => {
    const d = page.locator('details[data-block="site:columbus"]');
    if ((await d.getAttribute('open')) === null) await d.locator('> summary').click();
    const fcr = page.locator('[id="ed:sites[0].firstContactResolution"]');
    await fcr.fill('0.8');
    await fcr.press('Enter');
    const notice = page.locator('[data-testid=notice-edit]');
    await expect.poll(() => notice.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await notice.textContent()).toMatch(/^Info: The run restarted/);
    expect(await notice.getAttribute('data-level')).toBe('info');
    expect(await notice.getAttribute('role')).toBe('status');
    // not the error colour: the border is the accent blue, not red
    const border = await notice.evaluate((el) => getComputedStyle(el).borderLeftColor);
    expect(border).not.toBe('rgb(248, 113, 113)');
    await undo();
  });

  it('a site added at 0 % says what its agents cost idle, per day', async () => {
    await page.getByRole('button', { name: 'Add site', exact: true }).click();
    await page.getByRole('button', { name: 'Nearshore outsourcer', exact: true }).click();
    const note = page.locator('[data-testid^=idle-cost-]');
    await expect.poll(() => note.count(), { timeout: 15_000 }).toBe(1);
    expect(await note.textContent()).toMatch(
      /^Idle cost: .* has 0 % of every channel it answers, yet its \d+ agents are paid — about [\d,]+ USD a day/,
    );
    // given a share, it is no longer idle
    // the run restarted with the new site: its slider is there (index 2), at 0 %
    await expect
      .poll(() => page.locator('[data-testid=split-voice-2] + output').textContent(), { timeout: 15_000 })
      .toBe('0 %');
    await page.locator('[data-testid=split-voice-2]').fill('20');
    await expect
      .poll(() => page.locator('[data-testid=split-voice-2] + output').textContent(), { timeout: 15_000 })
      .toBe('20 %');
    await expect.poll(() => note.count(), { timeout: 15_000 }).toBe(0);
  });

  it('the Erlang box uses the measured offered rate and says what it leaves out', async () => {
    await page.evaluate('window.shoreline.client.step(1800)');
    const voice = page.locator('[data-testid=erlang-voice]');
    await expect
      .poll(() => voice.textContent(), { timeout: 10_000 })
      .toMatch(/^voice: [\d,]+\/h offered \(measured, repeats included\)/);
    expect(await voice.textContent()).toMatch(/SL \d+(\.\d)? ?% in steady state/);
    expect(await page.textContent('[data-testid=erlang]')).toContain('It leaves out the backlog');
  });

  it('axe-core finds no serious or critical violation', async () => {
    const result = await new AxeBuilder({ page }).analyze();
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    expect(errors).toEqual([]);
  }, 120_000); // axe over the whole page takes 15–45 s on a shared 2-core machine
});
