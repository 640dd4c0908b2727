/**
 * Benchmark case 5: the live view with 1,000+ agents in headless Chromium for 10 s — frames per second
 * and the longest main-thread task. Builds the app, serves it, loads bench/full-model.json (1,000
 * agents) through the page's "open file" input, plays at ×600 and samples frames from 08:00 local.
 * Needs Debian's /usr/bin/chromium; skips with a message without it. No GPU: WebGL is SwiftShader.
 * Usage: npx tsx bench/render.ts [seconds]
 */
import { readFileSync } from 'node:fs';
import { HAVE_CHROMIUM, startApp } from '../test/e2e/support';

export async function renderBenchmark(seconds = 10): Promise<string> {
  if (!HAVE_CHROMIUM) return 'case 5  render: skipped — /usr/bin/chromium missing (apt-get install chromium)';
  // startApp waits until the app is ready: a file set before its handlers are attached is never read.
  const app = await startApp({ width: 1400, height: 900 });
  try {
    const page = app.page;
    await page.setInputFiles('[data-testid=file]', {
      name: 'full-model.json',
      mimeType: 'application/json',
      buffer: readFileSync(new URL('./full-model.json', import.meta.url)),
    });
    await page.waitForFunction(
      () => document.querySelector('[data-testid=scenario-name]')?.textContent === 'bench-full-model',
    );
    // Jump to the busy part of the day, then play at ×600 (10 simulated minutes per second).
    await page.evaluate('window.shoreline.client.step(8 * 3600)');
    await page.selectOption('[data-testid=speed]', '600');
    const play = page.locator('[data-testid=play]');
    if ((await play.getAttribute('aria-pressed')) !== 'true') await play.click();
    await page.waitForTimeout(1500);
    const agents = Number(
      ((await page.textContent('[data-testid=agents-logged-in]')) ?? '').replace(/[^0-9]/g, ''),
    );
    const r = (await page.evaluate(`new Promise((ok) => {
      const longTasks = [];
      const obs = new PerformanceObserver((list) => { for (const e of list.getEntries()) longTasks.push(e.duration); });
      obs.observe({ type: 'longtask' });
      const frames = [];
      const t0 = performance.now();
      let last = t0;
      const f = (t) => {
        frames.push(t - last); last = t;
        if (t - t0 < ${seconds * 1000}) requestAnimationFrame(f);
        else { obs.disconnect(); ok({ frames, longTasks, elapsed: t - t0 }); }
      };
      requestAnimationFrame(f);
    })`)) as { frames: number[]; longTasks: number[]; elapsed: number };
    // Median fps over one-second windows.
    const perSecond: number[] = [];
    let acc = 0;
    let n = 0;
    for (const dt of r.frames.slice(1)) {
      acc += dt;
      n++;
      if (acc >= 1000) {
        perSecond.push((n * 1000) / acc);
        acc = 0;
        n = 0;
      }
    }
    perSecond.sort((a, b) => a - b);
    const median = perSecond[Math.floor(perSecond.length / 2)] ?? 0;
    const longest = Math.max(0, ...r.frames.slice(1));
    const maxTask = r.longTasks.length ? Math.max(...r.longTasks) : 0;
    return (
      `case 5  render ${agents.toLocaleString('en-US')} agents, ${seconds} s at ×600 (headless, software WebGL): ` +
      `median ${median.toFixed(1)} fps, longest frame ${longest.toFixed(0)} ms, ` +
      `${r.longTasks.length} main-thread tasks > 50 ms${r.longTasks.length ? ` (longest ${maxTask.toFixed(0)} ms)` : ''} ` +
      `(targets ≥ 55 fps, none > 50 ms)`
    );
  } finally {
    await app.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await renderBenchmark(Number(process.argv[2] ?? 10)));
}
