/**
 * End-to-end test support: builds the app with Vite into a scratch directory, serves it from a
 * sub-path (/sub/) with a tiny static server — proving the build works from any static host — and
 * launches Debian's Chromium through playwright-core (no browser downloads).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium; SHORELINE_CHROMIUM points elsewhere (or at nothing, to try the no-browser path). */
export const CHROMIUM = process.env.SHORELINE_CHROMIUM ?? '/usr/bin/chromium';
export const HAVE_CHROMIUM = existsSync(CHROMIUM);

/** Whether this is a CI run: the CI variable set to "true" or "1" (as .ci/run's environment and CI services do). */
export function isCI(env: Record<string, string | undefined> = process.env): boolean {
  return /^(true|1|yes)$/i.test(env.CI ?? '');
}

/**
 * What the browser suites do: run with Chromium; without it, skip on a developer machine, but fail
 * under CI, where a missing browser must not pass as a green run.
 */
export function e2eMode(
  haveChromium: boolean,
  env: Record<string, string | undefined> = process.env,
): 'run' | 'skip' | 'fail' {
  if (haveChromium) return 'run';
  return isCI(env) ? 'fail' : 'skip';
}

/** `describe.skipIf(SKIP_E2E)`: true only without Chromium outside CI. */
export const SKIP_E2E = e2eMode(HAVE_CHROMIUM, { CI: process.env.CI }) === 'skip';
if (SKIP_E2E)
  console.warn(`test/e2e skipped: ${CHROMIUM} is missing (install it with \`apt-get install -y chromium\`)`);

/** Fails a suite that runs without a browser (under CI), with the reason, before any work is done. */
export function requireBrowser(): void {
  if (!HAVE_CHROMIUM)
    throw new Error(
      `${CHROMIUM} is missing and CI is set: the browser end-to-end tests must run under CI ` +
        '(install it with `apt-get install -y chromium`)',
    );
}

export const SUB_PATH = '/sub/';

const ROOT = resolve(import.meta.dirname, '../..');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * Runs `vite build` (the project's own config) into a fresh temporary directory: the app, or the page
 * at `input` (a path below the project, e.g. PLAN_HARNESS).
 */
export async function buildApp(input?: string): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'shoreline-e2e-'));
  const { build } = await import('vite');
  const rollupOptions = input ? { input: resolve(ROOT, input) } : {};
  await build({
    root: ROOT,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, sourcemap: false, rollupOptions },
  });
  return outDir;
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Serves `dir` under SUB_PATH on a free localhost port. */
export async function serve(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]);
    if (!path.startsWith(SUB_PATH)) {
      res.writeHead(404).end();
      return;
    }
    let file = normalize(join(dir, path.slice(SUB_PATH.length)));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${SUB_PATH}`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

/**
 * Headless Debian Chromium with a fresh profile (playwright wants the profile as launchPersistentContext's
 * argument rather than --user-data-dir); software WebGL (SwiftShader) so the Pixi canvas renders without
 * a GPU.
 */
export async function launch(
  viewport = { width: 1400, height: 900 },
): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  requireBrowser();
  const profile = mkdtempSync(join(tmpdir(), 'shoreline-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      removeDir(profile);
    },
  };
}

export interface RunningApp {
  page: Page;
  context: BrowserContext;
  url: string;
  /** console errors and uncaught page errors seen so far */
  errors: string[];
  close: () => Promise<void>;
}

/** Builds the app, serves it under SUB_PATH, opens it in Chromium and waits until it is ready. */
export async function startApp(viewport = { width: 1400, height: 900 }): Promise<RunningApp> {
  requireBrowser();
  return openBuilt(await buildApp(), '', '#app[data-ready=true]', viewport);
}

/** The plan panel's own page, built from test/e2e/plan-harness (plan.test.ts, plan-readability.test.ts). */
export const PLAN_HARNESS = 'test/e2e/plan-harness/index.html';

/**
 * Builds the page at `input` (a path below the project, e.g. PLAN_HARNESS) instead of the app, serves
 * it under SUB_PATH, opens it in Chromium and waits until its body says `data-ready=true`.
 */
export async function startPage(input: string, viewport = { width: 1400, height: 900 }): Promise<RunningApp> {
  requireBrowser();
  return openBuilt(await buildApp(input), input, 'body[data-ready=true]', viewport);
}

/** Serves the build in `dir`, opens `path` below it in Chromium, and waits for `ready`; errors are kept. */
async function openBuilt(
  dir: string,
  path: string,
  ready: string,
  viewport: { width: number; height: number },
): Promise<RunningApp> {
  const server = await serve(dir);
  const browser = await launch(viewport);
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url + path);
  await page.waitForSelector(ready, { timeout: 30_000 });
  return {
    page,
    context: browser.context,
    url: server.url,
    errors,
    close: async () => {
      await browser.close();
      await server.close();
      removeDir(dir);
    },
  };
}

/** Opens `scenario` in the app as a file (the picker's "Open file"), and waits until the page shows its name. */
export async function openScenario(page: Page, scenario: { name: string }): Promise<void> {
  await page.setInputFiles('[data-testid=file]', {
    name: `${scenario.name}.json`,
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(scenario)),
  });
  await page.waitForFunction(
    (name) => document.querySelector('[data-testid=scenario-name]')?.textContent === name,
    scenario.name,
  );
}
