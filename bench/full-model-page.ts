/**
 * The benchmarks' common start in the browser: bench/full-model.json (1,000 agents) opened through the
 * page's "open file" input, stepped to 08:00 (the busy part of the day) and played at ×600 (10
 * simulated minutes per second). Used by the render benchmark (case 5) and the map's profiling tools.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launch, removeDir, serve } from '../test/e2e/support';

/**
 * The app built without minifying (so that profiles name the functions), served and opened in
 * Chromium at 1400 × 900; `close` stops all and removes the build.
 */
export async function openUnminifiedApp(): Promise<{ page: Page; close: () => Promise<void> }> {
  const outDir = mkdtempSync(join(tmpdir(), 'shoreline-bench-'));
  const { build } = await import('vite');
  await build({
    root: resolve(import.meta.dirname, '..'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, sourcemap: false, minify: false },
  });
  const server = await serve(outDir);
  const browser = await launch({ width: 1400, height: 900 });
  const page = await browser.context.newPage();
  await page.goto(server.url);
  await page.waitForSelector('#app[data-ready=true]', { timeout: 30_000 });
  return {
    page,
    close: async () => {
      await browser.close();
      await server.close();
      removeDir(outDir);
    },
  };
}

export async function playFullModel(page: Page): Promise<void> {
  await page.setInputFiles('[data-testid=file]', {
    name: 'full-model.json',
    mimeType: 'application/json',
    buffer: readFileSync(new URL('./full-model.json', import.meta.url)),
  });
  await page.waitForFunction(
    () => document.querySelector('[data-testid=scenario-name]')?.textContent === 'bench-full-model',
  );
  await page.evaluate('window.shoreline.client.step(8 * 3600)');
  await page.selectOption('[data-testid=speed]', '600');
  const play = page.locator('[data-testid=play]');
  if ((await play.getAttribute('aria-pressed')) !== 'true') await play.click();
}
