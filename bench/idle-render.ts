/**
 * The paused live view's cost: CPU of headless Chromium (from /proc, by process type: the renderer,
 * and the GPU process, where SwiftShader draws WebGL without a GPU) and the frames the live view
 * draws over 10 s with the run paused, on the floor and on the map — and, for comparison, frames over
 * 5 s while it plays. Two builds side by side in one run: the worktree as it is, and the app at a
 * base commit (`git archive` into a scratch directory, built with this worktree's node_modules).
 *
 * Frames are counted the same way in both builds: the floor's by wrapping its Pixi renderer's
 * render(), the map's by its own `frames` counter (src/render/map/map-scene.ts).
 * Usage: npx tsx bench/idle-render.ts <base commit> [rounds]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { buildApp, HAVE_CHROMIUM, launch, removeDir, serve } from '../test/e2e/support';
import { browserCpu, type BrowserCpu } from './browser-cpu';

const ROOT = resolve(import.meta.dirname, '..');
const PAUSED_S = 10;
const PLAYING_S = 5;

/** The app at `ref`, built into a scratch directory (its source from git, its packages from here). */
async function buildAt(ref: string): Promise<string> {
  const src = mkdtempSync(join(tmpdir(), 'shoreline-base-'));
  execFileSync('sh', ['-c', `git -C "${ROOT}" archive "${ref}" | tar -x -C "${src}"`]);
  symlinkSync(join(ROOT, 'node_modules'), join(src, 'node_modules'));
  const outDir = mkdtempSync(join(tmpdir(), 'shoreline-base-out-'));
  const { build } = await import('vite');
  await build({
    root: src,
    configFile: join(src, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, sourcemap: false },
  });
  removeDir(src);
  return outDir;
}

const floorRenders = (page: Page) => page.evaluate('window.__renders') as Promise<number>;
const mapFrames = (page: Page) => page.evaluate('window.shoreline.views.map.frames') as Promise<number>;

interface Span {
  frames: number;
  cpu: number;
  renderer: number;
  gpu: number;
}

/** Frames and CPU over `seconds`. */
async function span(page: Page, seconds: number, frames: (p: Page) => Promise<number>): Promise<Span> {
  const f0 = await frames(page);
  const c0 = browserCpu();
  await page.waitForTimeout(seconds * 1000);
  const c1 = browserCpu();
  const f1 = await frames(page);
  const d = (k: string, a: BrowserCpu, b: BrowserCpu) => (b.byType[k] ?? 0) - (a.byType[k] ?? 0);
  return {
    frames: f1 - f0,
    cpu: c1.total - c0.total,
    renderer: d('renderer', c0, c1),
    gpu: d('gpu-process', c0, c1),
  };
}

async function setPlaying(page: Page, on: boolean): Promise<void> {
  const playing = async () =>
    ((await page.evaluate('window.shoreline.client.status()')) as { playing: boolean }).playing;
  if ((await playing()) !== on) await page.click('[data-testid=play]');
  for (let i = 0; i < 100 && (await playing()) !== on; i++) await page.waitForTimeout(50);
  await page.waitForTimeout(2000); // the page has seen the status, and contacts in flight have landed
}

interface Figures {
  playing: Span;
  floor: Span;
  map: Span;
}

/** One build: playing on the floor, paused on the floor, paused on the map. */
async function measureBuild(dir: string): Promise<Figures> {
  const server = await serve(dir);
  const browser = await launch({ width: 1400, height: 900 });
  try {
    const page = await browser.context.newPage();
    await page.goto(server.url);
    await page.waitForSelector('#app[data-ready=true]', { timeout: 60_000 });
    await page.evaluate(`(() => {
      const r = window.shoreline.scene.app.renderer;
      const render = r.render.bind(r);
      window.__renders = 0;
      r.render = (...a) => { window.__renders++; return render(...a); };
    })()`);
    await page.waitForTimeout(2000);
    const playing = await span(page, PLAYING_S, floorRenders);
    await setPlaying(page, false);
    const floor = await span(page, PAUSED_S, floorRenders);
    await page.click('[data-testid=view-map]');
    await page.evaluate('window.shoreline.views.ready()');
    await page.waitForTimeout(2000);
    const map = await span(page, PAUSED_S, mapFrames);
    return { playing, floor, map };
  } finally {
    await browser.close();
    await server.close();
  }
}

const f1 = (x: number) => x.toFixed(1);
const f2 = (x: number) => x.toFixed(2);
const spanText = (s: Span, secs: number) =>
  `${f1(s.frames / secs)} frames/s, Chromium ${f2(s.cpu / secs)} cores (renderer ${f2(s.renderer / secs)}, GPU process ${f2(s.gpu / secs)})`;

export async function idleRenderBenchmark(base: string, rounds = 1): Promise<string> {
  if (!HAVE_CHROMIUM) return 'idle render: skipped — /usr/bin/chromium missing';
  const dirs = { base: await buildAt(base), now: await buildApp() };
  const lines: string[] = [];
  try {
    for (let r = 0; r < rounds; r++) {
      const order = r % 2 === 0 ? (['base', 'now'] as const) : (['now', 'base'] as const);
      const got: Partial<Record<'base' | 'now', Figures>> = {};
      for (const k of order) got[k] = await measureBuild(dirs[k]);
      const b = got.base!;
      const n = got.now!;
      for (const [k, f] of [
        [`base ${base}`, b],
        ['now', n],
      ] as const)
        lines.push(
          `${k}: paused floor ${spanText(f.floor, PAUSED_S)}; paused map ${spanText(f.map, PAUSED_S)}; ` +
            `playing floor ${f1(f.playing.frames / PLAYING_S)} frames/s`,
        );
      lines.push(
        `round ${r + 1} (${order[0]} first): paused CPU now/base floor ${f2(n.floor.cpu / b.floor.cpu)}×, ` +
          `map ${f2(n.map.cpu / b.map.cpu)}×`,
      );
    }
  } finally {
    removeDir(dirs.base);
    removeDir(dirs.now);
  }
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const base = process.argv[2];
  if (!base) throw new Error('usage: npx tsx bench/idle-render.ts <base commit> [rounds]');
  console.log(await idleRenderBenchmark(base, Number(process.argv[3] ?? 1)));
}
