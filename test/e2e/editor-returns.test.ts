/**
 * (v3) End-to-end: the editor's fields for customers who come back (issue 24, SPEC v3 §2) in the built
 * app (headless Chromium). On a bundled scenario whose voice channel has no redial and no call back
 * (contract-in-house), the voice section sets a redial, a queued call back and after hours "hold", and
 * each reaches the scenario the worker runs — read through the test hook (`window.shoreline`), not
 * from the fields — with probabilities shown as percentages and stored as shares. A call back
 * acceptance of 150 % is refused at its field with the CLI's message, and the run goes on with the
 * last valid scenario.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateScenario } from '../../src/scenario/validate';
import type { Scenario } from '../../src/sim/scenario';
import { SKIP_E2E, startApp, type RunningApp } from './support';

describe.skipIf(SKIP_E2E)('editor: redial, call back and after hours (built app, headless Chromium)', () => {
  let app: RunningApp;
  let page: Page;
  let errors: string[] = [];

  const clock = () => page.textContent('[data-testid=sim-clock]');
  /** A control of the editor by its scenario path (ids are "ed:" + the schema's path). */
  const field = (path: string) => page.locator(`[id="ed:${path}"]`);
  const errorAt = (path: string) => page.locator(`[id="ed:${path}:error"]`);
  /** Types a value into a field and leaves it, as a planner does (the field reports on change). */
  const enter = async (path: string, value: string) => {
    await field(path).fill(value);
    await field(path).press('Tab');
  };
  /**
   * The scenario the run plays: the store's, once every change has reached the worker (the store steps
   * back when the engine refuses one, so after `idle()` it is the worker's scenario).
   */
  const running = async () =>
    (await page.evaluate(`(async () => {
      const app = window.shoreline;
      await app.idle();
      return app.store.scenario;
    })()`)) as Scenario;
  const voice = async () => (await running()).channels.voice!;
  /** The run goes on: the clock moves. */
  const advances = async () => {
    const t0 = await clock();
    await expect.poll(clock, { timeout: 8000 }).not.toBe(t0);
  };

  beforeAll(async () => {
    app = await startApp({ width: 1440, height: 1000 });
    ({ page, errors } = app);
    await page.selectOption('[data-testid=scenario-picker]', 'contract-in-house');
    await page.waitForFunction(
      () => document.querySelector('[data-testid=scenario-name]')?.textContent === 'contract-in-house',
    );
    const d = page.locator('details[data-block="channel:voice"]');
    if ((await d.getAttribute('open')) === null) await d.locator('> summary').click();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('redial 60 % and a call back (90 s, 45 %, 92 %) reach the running scenario as shares', async () => {
    // the bundled scenario has neither, so nothing below is left over from the file
    const before = await voice();
    expect(before.redial).toBeUndefined();
    expect(before.callback).toBeUndefined();

    await enter('channels.voice.redial.probability', '60');
    await expect.poll(async () => (await voice()).redial).toEqual({ probability: 0.6 });

    await enter('channels.voice.callback.offerAfterSeconds', '90');
    await enter('channels.voice.callback.acceptance', '45');
    await enter('channels.voice.callback.reach', '92');
    await expect
      .poll(async () => (await voice()).callback)
      .toEqual({ offerAfterSeconds: 90, acceptance: 0.45, reach: 0.92 });
    const v = await voice();
    expect(v.redial?.probability).toBe(0.6);
    // the fields show the committed scenario back as percentages
    expect(await field('channels.voice.redial.probability').inputValue()).toBe('60');
    expect(await field('channels.voice.callback.acceptance').inputValue()).toBe('45');
    await advances();
  });

  it('after hours "wait in queue" sets afterHours: "hold" and drops the retry fields', async () => {
    expect((await voice()).afterHours).toBeUndefined();
    expect(await field('channels.voice.afterHours.retry').count()).toBe(1);
    await page.selectOption('[id="ed:channels.voice.afterHours"]', 'hold');
    await expect.poll(async () => (await voice()).afterHours).toBe('hold');
    // the rest of the channel's returns are kept
    const v = await voice();
    expect(v.redial).toEqual({ probability: 0.6 });
    expect(v.callback).toEqual({ offerAfterSeconds: 90, acceptance: 0.45, reach: 0.92 });
    await expect.poll(() => field('channels.voice.afterHours.retry').count()).toBe(0);
    await advances();
  });

  it('a call back acceptance of 150 % is refused at its field with the CLI’s message; the run goes on', async () => {
    const valid = await running();
    // what the CLI says for this scenario (validateScenario is the CLI's check, one line per problem)
    const cli = validateScenario({
      ...valid,
      channels: {
        ...valid.channels,
        voice: {
          ...valid.channels.voice!,
          callback: { ...valid.channels.voice!.callback!, acceptance: 1.5 },
        },
      },
    });
    expect(cli.ok).toBe(false);
    const cliProblems = cli.ok ? [] : cli.problems;
    expect(cliProblems).toEqual([expect.stringMatching(/^channels\.voice\.callback\.acceptance: /)]);

    const acceptance = field('channels.voice.callback.acceptance');
    await enter('channels.voice.callback.acceptance', '150');
    await expect.poll(() => errorAt('channels.voice.callback.acceptance').textContent()).toBe(cliProblems[0]);
    expect(await acceptance.getAttribute('aria-invalid')).toBe('true');
    expect(await page.textContent('[data-testid=editor-problems]')).toBe(
      '1 problem: not applied, the run keeps going.',
    );
    // nothing reached the run: it plays the last valid scenario, and keeps going; the editor stopped
    // the value, so the engine never had to refuse it (a refusal lists the scenario's problems)
    await advances();
    expect(await running()).toEqual(valid);
    expect(await page.isVisible('[data-testid=problems]')).toBe(false);
    expect((await voice()).callback?.acceptance).toBe(0.45);

    // undo drops the bad value; the field and the run agree again
    await page.keyboard.press('Control+z');
    await expect.poll(() => acceptance.inputValue()).toBe('45');
    expect(await errorAt('channels.voice.callback.acceptance').textContent()).toBe('');
    expect(errors).toEqual([]);
  });
});
