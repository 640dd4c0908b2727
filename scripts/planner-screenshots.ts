/**
 * The README's two screenshots of the planner's question (issue 27): "if I move 25 % more of our voice
 * to the Manila vendor, what happens to cost and service level?", asked in the app at 1440×900.
 *
 *   npx tsx scripts/planner-screenshots.ts        # writes docs/planner-split.png, docs/planner-compare.png
 *
 * It builds and serves the app as the e2e tests do (test/e2e/support.ts, Debian's Chromium), picks
 * offshore-voice, moves 25 points of voice from Columbus to Manila with the "Move" control, and compares
 * the loaded scenario against the moved one at equal service with 3 replications (a few minutes on a
 * shared 2-core machine: the optimiser staffs each variant first).
 */
import type { Page } from 'playwright-core';
import { startApp } from '../test/e2e/support';

const OUT = 'docs';
const REPS = '3';

async function until(what: string, test: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await test())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((ok) => setTimeout(ok, 250));
  }
}

const text = async (page: Page, sel: string) => (await page.textContent(sel)) ?? '';

/** offshore-voice loaded, the guide dismissed, the compare list holding the loaded scenario as base. */
async function pickScenario(page: Page): Promise<void> {
  if (await page.locator('[data-testid=guide]').isVisible()) await page.click('[data-testid=guide-dismiss]');
  await page.selectOption('[data-testid=scenario-picker]', 'offshore-voice');
  const manila = '[data-testid=split-voice-1] + output';
  await until('offshore-voice', async () => (await text(page, manila)) === '75 %', 30_000);
  while ((await page.locator('[data-testid=variant-row]').count()) > 0)
    await page.click('[data-testid=variant-remove-0]');
  await page.click('[data-testid=save-variant]');
}

/** Moves 25 points Columbus → Manila, lets the run play half an hour, and shoots the voice split. */
async function moveSplit(page: Page): Promise<void> {
  await page.fill('[data-testid=split-move-voice-points]', '25');
  await page.selectOption('[data-testid=split-move-voice-from]', { label: 'Columbus, OH (in-house)' });
  await page.selectOption('[data-testid=split-move-voice-to]', { label: 'Manila outsourcer' });
  await page.click('[data-testid=split-move-voice]');
  await until(
    'Manila 100 %',
    async () => (await text(page, '[data-testid=split-voice-1] + output')) === '100 %',
    15_000,
  );
  await page.evaluate('window.shoreline.client.step(1800)');
  const got = '[data-testid=split-effective-voice-1]';
  await until('the share got', async () => /^got \d+ %/.test(await text(page, got)), 15_000);
  const split = page.locator('[data-testid=split-voice]');
  await split.scrollIntoViewIfNeeded();
  await split.screenshot({ path: `${OUT}/planner-split.png` });
  await page.click('[data-testid=save-variant]');
}

/** Compares the two at equal service and shoots the note and the voice table. */
async function compareAtEqualService(page: Page): Promise<void> {
  await page.check('[data-testid=compare-mode-equal]');
  await page.fill('[data-testid=compare-reps]', REPS);
  await page.click('[data-testid=compare-run]');
  const status = '[data-testid=compare-status]';
  await until('the compare', async () => /^done at equal service/.test(await text(page, status)), 900_000);
  // the note (targets and staffing) down to the voice table; .main scrolls under a fixed header, so
  // the note is brought to the top of it and the shot is clipped from the viewport
  await page
    .locator('[data-testid=compare-equal-note]')
    .evaluate((el) => el.scrollIntoView({ block: 'start' }));
  const note = await page.locator('[data-testid=compare-equal-note]').boundingBox();
  const table = await page.locator('[data-testid=compare-table-voice]').boundingBox();
  if (!note || !table) throw new Error('the compare result is not shown');
  const x = Math.min(note.x, table.x) - 8;
  const y = note.y - 8;
  const width = Math.max(note.x + note.width, table.x + table.width) - x + 8;
  const height = table.y + table.height - y + 8;
  await page.screenshot({
    path: `${OUT}/planner-compare.png`,
    clip: { x, y, width, height },
  });
  console.log(await text(page, '[data-testid=compare-equal-note]'));
  console.log(await text(page, '[data-testid=compare-table-voice] [data-diff=cost]'));
}

const app = await startApp({ width: 1440, height: 900 });
try {
  await pickScenario(app.page);
  await moveSplit(app.page);
  await compareAtEqualService(app.page);
  if (app.errors.length) console.warn('page errors:', app.errors);
} finally {
  await app.close();
}
