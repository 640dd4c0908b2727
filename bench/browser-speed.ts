/**
 * Benchmark case 8: the engine's speed in the browser against Node, on the Erlang-A case (case 1) and
 * the full model (case 3). In headless Chromium, the app's replication pool (Comlink module workers
 * built by Vite, src/worker/pool-client.ts) runs batches of replications; in Node, the same batches
 * run on the Node pool's worker threads (src/node/pool.ts, as the CLI runs them). Both are warmed up
 * first; the figure is contacts/s per worker (per thread), median of the timed batches, measured
 * alternately Node, browser, Node, browser… so that the machine's slow phases hit both.
 * Target: the browser ≥ 80 % of Node.
 * Usage: npx tsx bench/browser-speed.ts [workers]
 */
import { fileURLToPath } from 'node:url';
import { withRunner } from '../src/node/pool';
import type { Scenario } from '../src/sim/index';
import { HAVE_CHROMIUM, launch, removeDir, serve } from '../test/e2e/support';
import type { PoolBenchOptions, PoolBenchResult } from './browser/pool-page';
import { erlangACase, fullModelCase } from './cases';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Builds bench/browser/pool.html with the project's Vite config (workers bundled as the app's). */
async function buildPage(): Promise<string> {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const outDir = mkdtempSync(join(tmpdir(), 'shoreline-bench-pool-'));
  const { build } = await import('vite');
  await build({
    root: ROOT,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      sourcemap: false,
      rollupOptions: { input: join(ROOT, 'bench', 'browser', 'pool.html') },
    },
  });
  return outDir;
}

async function nodeRates(scenario: Scenario, o: PoolBenchOptions): Promise<number[]> {
  return withRunner(Math.max(2, o.workers), async (runner) => {
    // the Node pool starts its threads on first use; with workers = 1, the second thread stays idle
    let replication = 0;
    const jobs = (n: number) => Array.from({ length: n }, () => ({ scenario, replication: replication++ }));
    const threads = o.workers;
    const run = async (n: number) => {
      // keep `threads` busy: one chain of jobs per thread
      const chains = Array.from({ length: threads }, () => jobs(Math.ceil(n / threads)));
      const out = await Promise.all(
        chains.map(async (c) => {
          const r = [];
          for (const j of c) r.push(...(await runner.run([j], { seed: 'bench' })));
          return r;
        }),
      );
      return out.flat();
    };
    await run(threads * o.warmUp);
    const rates: number[] = [];
    for (let b = 0; b < o.batches; b++) {
      const t = performance.now();
      const outcomes = await run(o.reps);
      const seconds = (performance.now() - t) / 1000;
      rates.push(outcomes.reduce((a, x) => a + x.contacts, 0) / seconds / threads);
    }
    return rates;
  });
}

export async function browserSpeedBenchmark(workers = 1, rounds = 3): Promise<string> {
  if (!HAVE_CHROMIUM)
    return 'case 8  browser pool: skipped — /usr/bin/chromium missing (apt-get install chromium)';
  const dir = await buildPage();
  const server = await serve(dir);
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}bench/browser/pool.html`);
    await page.waitForSelector('body[data-ready=true]', { state: 'attached' });
    const lines: string[] = [];
    for (const [name, scenario, reps] of [
      ['Erlang A', erlangACase(), 6],
      ['full model', fullModelCase(1), 6],
    ] as const) {
      const o: PoolBenchOptions = { workers, warmUp: 3, reps: reps * workers, batches: 3 };
      const node: number[] = [];
      const web: number[] = [];
      const firsts: number[] = [];
      for (let r = 0; r < rounds; r++) {
        node.push(...(await nodeRates(scenario, o)));
        const b = (await page.evaluate(
          ([s, opts]) =>
            (window as unknown as { benchPool: (s: unknown, o: unknown) => Promise<unknown> }).benchPool(
              s,
              opts,
            ),
          [scenario, o] as const,
        )) as PoolBenchResult;
        web.push(...b.rates);
        firsts.push(b.firstResultMs);
      }
      const n = median(node);
      const w = median(web);
      lines.push(
        `${name} ${Math.round(n).toLocaleString('en-US')} (Node) vs ${Math.round(w).toLocaleString('en-US')} (Chromium) contacts/s = ${((100 * w) / n).toFixed(0)} %` +
          ` (first browser result after ${Math.round(median(firsts))} ms)`,
      );
    }
    return `case 8  browser pool, ${workers} worker${workers === 1 ? '' : 's'}, contacts/s per worker, median of ${rounds * 3} batches each (target ≥ 80 % of Node): ${lines.join('; ')}`;
  } finally {
    await browser.close();
    await server.close();
    removeDir(dir);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await browserSpeedBenchmark(Number(process.argv[2] ?? 1)));
}
