/**
 * End-to-end robustness of the built app (served under /sub/, headless Chromium): work survives a
 * reload and travels in a `#s=` link, a bad link or hostile file never takes the run down, a run over
 * its event budget stops with a message, a crashed worker is restarted with the current state, and
 * the browser worker computes exactly what Node computes. Built once; one browser profile, so the
 * tests share localStorage and run in order.
 */
import { copyFileSync, closeSync, mkdtempSync, openSync, readFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { validateScenario } from '../../src/scenario/validate';
import { runReplication, type ReplicationOutcome, type Scenario } from '../../src/sim/index';
import { encodeState } from '../../src/share/url-state';
import { withGroupAgents } from '../../src/scenario/staffing';
import { makeAppState, type AppState } from '../../src/ui/compare/state';
import { richScenario } from '../support/rich';
import { buildApp, launch, removeDir, requireBrowser, serve, SKIP_E2E } from './support';

function bundled(name: string): Scenario {
  const text = readFileSync(resolve(import.meta.dirname, `../../scenarios/${name}.json`), 'utf8');
  const r = validateScenario(JSON.parse(text));
  if (!r.ok) throw new Error(r.problems.join('\n'));
  return r.scenario;
}

describe.skipIf(SKIP_E2E)('robustness of the live app', () => {
  let dir = '';
  let scratch = '';
  let server: { url: string; close: () => Promise<void> };
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let page: Page;

  const clock = () => page.textContent('[data-testid=sim-clock]');
  const name = () => page.textContent('[data-testid=scenario-name]');
  const step = (seconds: number) => page.evaluate(`window.shoreline.client.step(${seconds})`);
  const stored = () => page.evaluate(() => localStorage.getItem('shoreline.state.v1'));
  /** the clock moves on within a few seconds */
  const advances = async () => {
    const t0 = await clock();
    await expect.poll(clock, { timeout: 5000 }).not.toBe(t0);
  };

  /** Opens the app in a fresh page (closing the last one) and waits until it is running. */
  async function open(suffix = '?debug'): Promise<Page> {
    await page?.close();
    page = await browser.context.newPage();
    page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
    await page.goto(server.url + suffix);
    await page.waitForSelector('#app[data-ready=true]', { timeout: 30_000 });
    return page;
  }

  beforeAll(async () => {
    requireBrowser();
    dir = await buildApp();
    scratch = mkdtempSync(join(tmpdir(), 'shoreline-robust-'));
    server = await serve(dir);
    browser = await launch({ width: 1400, height: 900 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) removeDir(dir);
    if (scratch) removeDir(scratch);
  });

  it('a reload keeps the scenario, seed and slider values', async () => {
    await open();
    expect(await name()).toBe('onshore-baseline');
    await page.selectOption('[data-testid=scenario-picker]', 'follow-the-sun');
    // (a loaded CI machine can take seconds to compile and start a scenario)
    await expect.poll(name, { timeout: 20_000 }).toBe('follow-the-sun');
    await page.fill('[data-testid=seed]', '9');
    await page.click('[data-testid=reset]');
    await page.locator('[data-testid=staffing-0]').fill('31');
    await page.locator('[data-testid=staffing-1]').fill('4');
    await expect.poll(stored).toContain('"seed":"9"');
    await expect.poll(stored).toContain(':4}');

    await page.reload();
    await page.waitForSelector('#app[data-ready=true]', { timeout: 30_000 });
    expect(await name()).toBe('follow-the-sun');
    expect(await page.inputValue('[data-testid=scenario-picker]')).toBe('follow-the-sun');
    expect(await page.inputValue('[data-testid=seed]')).toBe('9');
    expect(await page.inputValue('[data-testid=staffing-0]')).toBe('31');
    expect(await page.inputValue('[data-testid=staffing-1]')).toBe('4');
    expect(await page.isVisible('[data-testid=notices]')).toBe(false);
    await advances();
  });

  it('a #s= link restores its state (before what is stored), then leaves the address', async () => {
    const scenario = bundled('nearshore-blend');
    const site = scenario.sites[0];
    // a link as written before slider moves went into the scenario: the moves beside it
    const key = `${site.id}/${site.groups[0].id}`;
    const state = {
      ...makeAppState(scenario, 'link-7', [{ name: 'offshore', scenario: bundled('offshore-voice') }]),
      sliders: { agents: { [key]: 5 }, splits: {} },
    } as AppState;
    await open(`?debug#s=${await encodeState(state)}`);
    expect(await name()).toBe('nearshore-blend');
    expect(await page.inputValue('[data-testid=seed]')).toBe('link-7');
    expect(await page.inputValue('[data-testid=staffing-0]')).toBe('5');
    expect(await page.isVisible('[data-testid=notices]')).toBe(false);
    expect(page.url()).not.toContain('#s=');
    // the page keeps slider moves in the scenario itself (src/ui/live/slider-scenario.ts)
    const moved = withGroupAgents(state.scenario, key, 5);
    const folded = makeAppState(moved.ok ? moved.scenario : state.scenario, state.seed, state.variants);
    expect(await page.evaluate('window.shoreline.debug.state()')).toEqual(folded);
    await advances();
    // and it is now the saved state
    await page.reload();
    await page.waitForSelector('#app[data-ready=true]', { timeout: 30_000 });
    expect(await name()).toBe('nearshore-blend');
    expect(await page.inputValue('[data-testid=staffing-0]')).toBe('5');
  });

  it('a corrupt link shows a clear error and the app goes on with the saved scenario', async () => {
    await open('?debug#s=v1.this-is-not-a-real-link');
    const notice = page.locator('[data-testid=notice-link]');
    await expect.poll(() => notice.isVisible()).toBe(true);
    expect(await notice.textContent()).toMatch(/This link could not be opened: the link is damaged/);
    expect(await name()).toBe('nearshore-blend');
    await advances();
    // still usable: another scenario loads; the notice can be dismissed
    await page.selectOption('[data-testid=scenario-picker]', 'onshore-baseline');
    await expect.poll(name, { timeout: 20_000 }).toBe('onshore-baseline');
    await notice.locator('button').click();
    expect(await page.isVisible('[data-testid=notices]')).toBe(false);
    // a link with a scenario the schema rejects
    const bad = makeAppState(bundled('offshore-voice'), '1', []);
    (bad.scenario.sites[0].groups[0] as { agents: number }).agents = -1;
    await open(`?debug#s=${await encodeState(bad)}`);
    const again = page.locator('[data-testid=notice-link]');
    await expect.poll(() => again.isVisible()).toBe(true);
    expect(await again.textContent()).toContain('scenario.sites[0].groups[0].agents');
    expect(await name()).toBe('onshore-baseline');
    await advances();
  });

  it('rejects a 50 MB file and other hostile files at once; the run keeps going', async () => {
    await open();
    const running = await name();
    const big = join(scratch, 'huge.json');
    const fd = openSync(big, 'w');
    const chunk = Buffer.alloc(1 << 20, 0x20);
    writeSync(fd, '{"name":"');
    for (let i = 0; i < 52; i++) writeSync(fd, chunk);
    writeSync(fd, '"}');
    closeSync(fd);
    await page.setInputFiles('[data-testid=file]', big);
    const problems = page.locator('[data-testid=problems]');
    await expect.poll(() => problems.isVisible()).toBe(true);
    expect(await problems.textContent()).toMatch(/huge\.json was not loaded.*file is too large \(54\.5 MB/);
    expect(await name()).toBe(running);
    await advances();
    // a forecast CSV goes to the planner, behind the same guard
    const bigCsv = join(scratch, 'huge.csv');
    copyFileSync(big, bigCsv);
    await page.setInputFiles('[data-testid=file]', bigCsv);
    await expect
      .poll(() => problems.textContent())
      .toMatch(/huge\.csv was not loaded.*file is too large \(54\.5 MB/);
    expect(await name()).toBe(running);
    await advances();

    const hostile: [string, string, RegExp][] = [
      ['deep.json', '['.repeat(100_000) + ']'.repeat(100_000), /nested more than 64 levels/],
      [
        'proto.json',
        JSON.stringify({ ...bundled('onshore-baseline'), x: 1 }).replace('{', '{"__proto__":{"polluted":1},'),
        /__proto__/,
      ],
      ['text.json', 'name: not json at all', /not valid JSON/],
      ['binary.json', '\u0000\u0001\u0002\uFFFD', /not valid JSON/],
    ];
    for (const [file, text, why] of hostile) {
      await page.setInputFiles('[data-testid=file]', {
        name: file,
        mimeType: 'application/json',
        buffer: Buffer.from(text),
      });
      await expect.poll(() => problems.textContent()).toContain(`${file} was not loaded`);
      expect(await problems.textContent()).toMatch(why);
      expect(await name()).toBe(running);
    }
    expect(await page.evaluate('({}).polluted')).toBeUndefined();
    await advances();
  });

  it('a run over its event budget stops with a message; the app stays usable', async () => {
    await open();
    await page.evaluate('window.shoreline.debug.setEventBudget(3000)');
    await page.selectOption('[data-testid=speed]', 'Infinity');
    await page.selectOption('[data-testid=scenario-picker]', 'digital-first');
    const runError = page.locator('[data-testid=run-error]');
    await expect.poll(() => runError.isVisible()).toBe(true);
    expect(await runError.textContent()).toMatch(
      /The run stopped: stopped after 3,000 events: .*event budget/,
    );
    expect(await page.textContent('[data-testid=play]')).toBe('Play');
    // another scenario with the normal budget: runs
    await page.evaluate('window.shoreline.debug.setEventBudget()');
    await page.selectOption('[data-testid=speed]', '600');
    await page.selectOption('[data-testid=scenario-picker]', 'offshore-voice');
    await expect.poll(name).toBe('offshore-voice');
    await expect.poll(() => runError.isVisible()).toBe(false);
    await advances();
  });

  it('a crashed worker is reported and restarted with the scenario, seed and sliders', async () => {
    await open('?debug&watchdogMs=1500');
    await page.selectOption('[data-testid=scenario-picker]', 'onshore-baseline');
    await expect.poll(name, { timeout: 20_000 }).toBe('onshore-baseline');
    await page.fill('[data-testid=seed]', '5');
    await page.click('[data-testid=reset]');
    await page.locator('[data-testid=staffing-0]').fill('90');
    await step(600);

    const notice = page.locator('[data-testid=notice-worker]');
    for (const mode of ['throw', 'close']) {
      await page.evaluate(`window.shoreline.debug.crash('${mode}')`);
      await expect.poll(() => notice.isVisible(), { timeout: 10_000 }).toBe(true);
      expect(await notice.textContent()).toMatch(
        /The simulation worker .* restarted with the current scenario, seed and sliders/,
      );
      if (mode === 'close') expect(await notice.textContent()).toContain('stopped answering');
      // the new worker runs the same state from day 1, after the warm-up, where agents are at work
      // (a restarted worker computes its pilot first: seconds on a loaded machine)
      await expect.poll(clock, { timeout: 20_000 }).toMatch(/^day 1 · 08:/);
      await advances();
      expect(await name()).toBe('onshore-baseline');
      expect(await page.inputValue('[data-testid=seed]')).toBe('5');
      expect(await page.inputValue('[data-testid=staffing-0]')).toBe('90');
      await step(9 * 3600); // into opening hours: the worker has the slider's 90 agents
      await expect
        .poll(() => page.textContent('[data-testid=group-logged-in-0]'))
        .toContain('logged in now 90');
      await notice.locator('button').click();
    }
  });

  /** One whole replication in the page's worker (the debug hook runs runReplication there). */
  const inBrowser = (scenario: Scenario, seed: string) =>
    page.evaluate(
      ([s, sd]) =>
        (
          window as unknown as {
            shoreline: { debug: { runReplication(s: unknown, sd: string): Promise<unknown> } };
          }
        ).shoreline.debug.runReplication(s, sd),
      [scenario, seed] as const,
    ) as Promise<ReplicationOutcome>;
  const cases = (): [Scenario, string][] => [
    [bundled('follow-the-sun'), '42'],
    [richScenario(1), 'det-1'],
  ];

  // SPEC §5: the same seed gives the same result in the browser, in a worker and on the command line.
  // (This caught Math.log/Math.exp rounding differently in Node's and Chromium's V8; the engine now
  // uses src/sim/portable-math.ts.)
  it('the browser worker gives bit-identical outcomes to Node', async () => {
    await open();
    for (const [scenario, seed] of cases()) {
      const node = runReplication(scenario, { seed });
      expect(node.events).toBeGreaterThan(1000);
      expect(await inBrowser(scenario, seed)).toStrictEqual(node);
    }
  });

  it('without ?debug the test hooks are not there', async () => {
    await open('');
    expect(await page.evaluate('typeof window.shoreline.debug')).toBe('undefined');
    await expect(page.evaluate("window.shoreline.client.crashForTest('throw')")).rejects.toThrow(
      /debug methods are off/,
    );
  });
});
