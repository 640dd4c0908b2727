/**
 * The README's pictures of the week (issue 29), taken in the app at 1440×900:
 *
 *   npx tsx scripts/week-screenshots.ts      # writes docs/week-strip.png, docs/plan-week.png
 *
 * It builds and serves the app as the e2e tests do (test/e2e/support.ts, Debian's Chromium), picks
 * us-retailer, imports scenarios/us-retailer-week.csv (seven dated days, Monday 7 December 2026 on)
 * through the open-file control, steps the run to Wednesday 10:00 with "Next day" and "Next interval"
 * and shoots the week strip, then plans the week in the Plan panel with a 5x8 roster and the README's
 * CLI targets (4 replications) and shoots the week's chart, days with their verdicts, and roster.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { startApp } from '../test/e2e/support';

const OUT = 'docs';

async function importWeek(page: Page): Promise<void> {
  if (await page.locator('[data-testid=guide]').isVisible()) await page.click('[data-testid=guide-dismiss]');
  await page.selectOption('[data-testid=scenario-picker]', 'us-retailer');
  await page.waitForFunction(
    () => document.querySelector('[data-testid=scenario-name]')?.textContent === 'us-retailer',
  );
  await page.setInputFiles('[data-testid=file]', {
    name: 'us-retailer-week.csv',
    mimeType: 'text/csv',
    buffer: readFileSync('scenarios/us-retailer-week.csv'),
  });
  await page.waitForSelector('[data-testid=week-strip]', { timeout: 60_000 });
  await page.evaluate('window.shoreline.idle()');
}

async function stripShot(page: Page): Promise<void> {
  await page.evaluate('window.shoreline.client.pause()');
  await page.click('[data-testid=step-day]');
  await page.click('[data-testid=step-day]');
  for (let i = 0; i < 20; i++) await page.click('[data-testid=step-interval]');
  await page.waitForTimeout(1500); // the outcome's next poll
  const strip = page.locator('[data-testid=week-strip]');
  await strip.scrollIntoViewIfNeeded();
  await strip.screenshot({ path: `${OUT}/week-strip.png` });
}

async function planShot(page: Page): Promise<void> {
  await page.selectOption('[data-testid=plan-roster]', '5x8');
  // the README's CLI week: voice 80 % in 20 s and at most 5 % abandoning, chat 80 %; 4 replications
  await page.fill('[data-testid=plan-ab-voice]', '5');
  await page.fill('[data-testid=plan-reps]', '4');
  await page.setViewportSize({ width: 1440, height: 1600 }); // the week's part whole in one picture
  await page.click('[data-testid=plan-run]');
  await page.waitForSelector('[data-testid=plan-verdict]', { timeout: 600_000 });
  await page.waitForTimeout(500);
  // the week's part alone: day 1's detail, which follows it, hidden for the picture
  await page.evaluate(`(() => {
    const day1 = document.querySelector('[data-testid=plan-day-one]');
    for (let n = day1; n; n = n.nextElementSibling) n.style.display = 'none';
  })()`);
  await page.locator('[data-testid=plan-results]').screenshot({ path: `${OUT}/plan-week.png` });
}

const app = await startApp({ width: 1440, height: 900 });
try {
  await importWeek(app.page);
  await stripShot(app.page);
  await planShot(app.page);
  console.log(
    app.errors.length ? app.errors.join('\n') : `wrote ${OUT}/week-strip.png, ${OUT}/plan-week.png`,
  );
} finally {
  await app.close();
}
