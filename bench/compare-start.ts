/**
 * Benchmark case 11 (issue 25): the browser's compare panel on the full model, end to end in the built
 * app (headless Chromium) — two variants (bench/full-model.json, and the same with Manila's FCR raised
 * from 0.58 to 0.75, which also changes its pilot) × 10 replications, once with the default start (the
 * warm-up pilot; the pool computes one pilot per variant in its workers) and once with
 * `horizon.warmUpDays: 0`, on the same warm pool, in rounds whose order alternates (a shared machine's
 * load drifts within a run). Each run has a seed not used before, so the pilots are inside the clock.
 *
 * The clock is the app's own: the compare status ("done: … in 9.8 s", performance.now() from the click
 * to the results) and, beside it, the CPU time of Chromium's processes over the same span (from
 * /proc: the work, which another process's load does not inflate). The live run is paused while the
 * comparisons run, as it would compete with the pool. Target: default ≤ 1.5× warm-up 0.
 * Usage: npx tsx bench/compare-start.ts [rounds]  (or `npm run bench -- --only 11 --rounds N`)
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { HAVE_CHROMIUM, startApp } from '../test/e2e/support';
import { browserCpu } from './browser-cpu';
import { withManilaFcr } from './cases';

const REPS = 10;
type Arm = 'default' | 'warm-up 0';

interface Timed {
  /** the app's figure: the comparison's time as its status reports it */
  seconds: number;
  /** CPU seconds of Chromium's processes over the run */
  cpu: number;
  /** CPU seconds of its web workers' threads over the run: the pool's work */
  workerCpu: number;
}

const fullModel = () =>
  JSON.parse(readFileSync(new URL('./full-model.json', import.meta.url), 'utf8')) as {
    name: string;
    horizon: Record<string, unknown>;
    sites: { id: string; firstContactResolution?: number }[];
  };

/** The two variants of an arm, as the files a user would add. */
function variantFiles(arm: Arm): { name: string; mimeType: string; buffer: Buffer }[] {
  return [fullModel(), withManilaFcr(fullModel())].map((s) => {
    if (arm === 'warm-up 0') s.horizon.warmUpDays = 0;
    return { name: `${s.name}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(s)) };
  });
}

const rows = (page: Page) => page.locator('[data-testid=variant-row]').count();

/** Replaces the compare panel's variants with the arm's two, through the remove buttons and "Add file…". */
async function setVariants(page: Page, arm: Arm): Promise<void> {
  while ((await rows(page)) > 0) {
    const n = await rows(page);
    await page.click('[data-testid=variant-remove-0]');
    await page.waitForFunction(
      (k) => document.querySelectorAll('[data-testid=variant-row]').length === k,
      n - 1,
    );
  }
  for (const [i, file] of variantFiles(arm).entries()) {
    await page.setInputFiles('[data-testid=add-variant-file]', file);
    await page.waitForFunction(
      (k) => document.querySelectorAll('[data-testid=variant-row]').length === k,
      i + 1,
    );
  }
}

/** The live run's seed set through the seed field (which restarts the run), then the run paused. */
async function setSeed(page: Page, seed: string): Promise<void> {
  await page.fill('[data-testid=seed]', seed);
  await page.press('[data-testid=seed]', 'Enter');
  await pause(page);
}

/** Pauses the live run with its Play button (which toggles what the worker does), and waits for it. */
async function pause(page: Page): Promise<void> {
  await page.evaluate('window.shoreline.idle()');
  const playing = async () =>
    ((await page.evaluate('window.shoreline.client.status()')) as { playing: boolean }).playing;
  if (await playing()) await page.click('[data-testid=play]');
  for (let i = 0; i < 100; i++) {
    if (!(await playing())) return;
    await page.waitForTimeout(50);
  }
  throw new Error('case 11: the live run did not pause');
}

/** One comparison: "Run comparison" clicked, timed until the status says it is done with this seed. */
async function compare(page: Page, arm: Arm, seed: string, reps = REPS): Promise<Timed> {
  await setVariants(page, arm);
  await setSeed(page, seed);
  await page.fill('[data-testid=compare-reps]', String(reps));
  const cpu0 = browserCpu();
  await page.click('[data-testid=compare-run]');
  const status = await page.waitForFunction(
    (s) => {
      const t = document.querySelector('[data-testid=compare-status]')?.textContent ?? '';
      return (t.startsWith('done') && t.includes(`seed “${s}”`)) || t.startsWith('failed') ? t : null;
    },
    seed,
    { timeout: 600_000, polling: 50 },
  );
  const cpu1 = browserCpu();
  const text = String(await status.jsonValue());
  const m = /^done: 2 variants × (\d+) replications, .* in ([\d.]+) s/.exec(text);
  if (!m || Number(m[1]) !== reps)
    throw new Error(`case 11: the comparison did not finish as asked: ${text}`);
  return { seconds: Number(m[2]), cpu: cpu1.total - cpu0.total, workerCpu: cpu1.workers - cpu0.workers };
}

const fmt = (x: number, d: number) => x.toFixed(d);
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export async function compareStartBenchmark(rounds = 2): Promise<string> {
  if (!HAVE_CHROMIUM)
    return 'case 11 browser compare start: skipped — /usr/bin/chromium missing (apt-get install chromium)';
  const app = await startApp({ width: 1400, height: 900 });
  const { page } = app;
  try {
    const workers = await page.evaluate(() => navigator.hardwareConcurrency);
    await page.setInputFiles('[data-testid=file]', variantFiles('default')[0]);
    await page.waitForFunction(
      () => document.querySelector('[data-testid=scenario-name]')?.textContent === 'bench-full-model',
    );
    // the pool's workers started and their JIT warm on both starts, untimed (the app keeps its pool
    // between runs)
    for (const arm of ['warm-up 0', 'default'] as const)
      await compare(page, arm, `bench-compare-jit-${arm}`, 2);
    const stamp = Date.now().toString(36);
    const lines: string[] = [];
    const ratios: number[] = [];
    const cpuRatios: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const order: Arm[] = r % 2 === 0 ? ['warm-up 0', 'default'] : ['default', 'warm-up 0'];
      const t: Partial<Record<Arm, Timed>> = {};
      for (const arm of order) t[arm] = await compare(page, arm, `bench-compare-${stamp}-${r}-${arm}`);
      const d = t.default!;
      const z = t['warm-up 0']!;
      ratios.push(d.seconds / z.seconds);
      cpuRatios.push(d.workerCpu / z.workerCpu);
      lines.push(
        `${fmt(d.seconds, 1)} s against ${fmt(z.seconds, 1)} s (workers' CPU ${fmt(d.workerCpu, 1)} s against ` +
          `${fmt(z.workerCpu, 1)} s, Chromium's ${fmt(d.cpu, 1)} s against ${fmt(z.cpu, 1)} s; ${order[0]} first)`,
      );
    }
    if (app.errors.length) lines.push(`page errors: ${app.errors.join(' | ')}`);
    const xs = (v: number[]) => v.map((x) => `${fmt(x, 2)}×`).join(', ');
    return (
      `case 11 browser compare, full model, 2 variants × ${REPS} reps on ${workers} workers: default ` +
      `(warm-up pilot, pilots included) against warm-up 0, ${rounds} rounds: ${lines.join('; ')}: ` +
      `${xs(ratios)}, median ${fmt(median(ratios), 2)}× (workers' CPU ${xs(cpuRatios)}) (target ≤ 1.5×)`
    );
  } finally {
    await app.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await compareStartBenchmark(Number(process.argv[2] ?? 2)));
}
