/**
 * End-to-end: a `calibrate --fit` file opened in the app shows the fit chart (observed points over the
 * simulated band, per interval) in a dialog, and the page's scenario is left as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { calibrate } from '../../src/calibrate/calibrate';
import { parseGenericLog } from '../../src/calibrate/parse-generic';
import { fitFile } from '../../src/cli/calibrate';
import { genericCsv, syntheticLog } from '../support/call-log';
import { SKIP_E2E, startApp, type RunningApp } from './support';

describe.skipIf(SKIP_E2E)('calibration fit in the app', () => {
  let app: RunningApp;
  let page: Page;

  beforeAll(async () => {
    app = await startApp({ width: 1400, height: 900 });
    page = app.page;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('draws one observed point per open interval in each panel, over the band', async () => {
    const profile = Array.from({ length: 24 }, (_, h) => (h >= 9 && h < 15 ? 1 : 0));
    const log = parseGenericLog(
      genericCsv(
        syntheticLog({
          seed: 2,
          days: 5,
          volumePerDay: 500,
          profile,
          agents: profile.map((w) => (w > 0 ? 6 : 0)),
          handle: { dist: 'exponential', mean: 240 },
          classes: [{ priority: 0, share: 1, patience: { dist: 'exponential', mean: 200 } }],
        }),
      ),
    );
    if (!log.ok) throw new Error(log.problems.join('\n'));
    const c = calibrate(log.records, log.dropped, {
      fitReplications: 4,
      refineReplications: 4,
      refineRounds: 1,
    });
    const open = c.channels[0].intervals.filter((x) => x.open).length;
    expect(open).toBe(6);
    const before = await page.textContent('[data-testid=scenario-name]');
    await page.setInputFiles('[data-testid=file]', {
      name: 'fit.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(fitFile('log.csv', 'generic', log.rows, c))),
    });
    const dialog = page.locator('dialog.calibration-fit');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.locator('circle.observed').count()).toBe(2 * open);
    expect(await dialog.locator('polygon.band').count()).toBe(2);
    expect(await page.textContent('[data-testid=scenario-name]')).toBe(before);
    await dialog.locator('button', { hasText: 'Close' }).click();
    await expect.poll(() => page.locator('dialog.calibration-fit').count()).toBe(0);
    expect(app.errors).toEqual([]);
  });
});
