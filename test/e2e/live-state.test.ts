/**
 * End-to-end: the scenario is the only way into the live run (issue 26). After each step — a slider
 * moved, undo, redo, an optimiser result applied, a reload — what the worker staffs now (its test
 * hook `client.liveStaffing()`, not the DOM) equals what the store's scenario schedules at that
 * moment, group by group, and each channel's split is the scenario's. The scenario has a group on
 * shifts, where a slider's meaning (the pattern scaled to a new peak) used to drift from the run's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { localSecondOfDay } from '../../src/sim/clock';
import { compileModel, scheduledAgents } from '../../src/sim/model';
import type { Scenario } from '../../src/sim/scenario';
import { SKIP_E2E, startApp, type RunningApp } from './support';
import { twoSiteVoice } from '../support/build';

function withShifts(): Scenario {
  const s = twoSiteVoice();
  s.name = 'small shifts';
  s.sites[0].groups[0] = {
    id: 'voice',
    skills: ['voice'],
    shifts: [
      { start: '00:00', end: '12:00', agents: 3 },
      { start: '08:00', end: '20:00', agents: 2 },
    ],
  };
  return s;
}

interface Live {
  live: { now: number; groups: number[]; splits: number[][] };
  scenario: Scenario;
}

/** What the scenario asks of the run at `now`: agents per group, and each split normalised. */
function expected(s: Scenario, now: number) {
  const m = compileModel(s);
  const norm = (w: ArrayLike<number>) => {
    const t = Array.from(w).reduce((a, b) => a + b, 0) || 1;
    return Array.from(w, (x) => Number((x / t).toFixed(9)));
  };
  return {
    groups: m.groups.map((g) => {
      const site = m.sites[g.site];
      return scheduledAgents(g, site, localSecondOfDay(now, site.offset));
    }),
    splits: m.channels.map((c) => norm(c.split)),
  };
}

describe.skipIf(SKIP_E2E)('the live run follows the scenario (built app, headless Chromium)', () => {
  let app: RunningApp;
  let page: Page;

  /** The worker's staffing now and the store's scenario, once every change has reached the worker. */
  const read = async (): Promise<Live> =>
    (await page.evaluate(`(async () => {
      const app = window.shoreline;
      await app.idle();
      return { live: await app.client.liveStaffing(), scenario: app.store.scenario };
    })()`)) as Live;

  /** The run staffs what the scenario says, at the same simulated moment. */
  async function sameAsScenario(): Promise<Live> {
    const r = await read();
    const want = expected(r.scenario, r.live.now);
    const norm = r.live.splits.map((w) => {
      const t = w.reduce((a, b) => a + b, 0) || 1;
      return w.map((x) => Number((x / t).toFixed(9)));
    });
    expect({ groups: r.live.groups, splits: norm }).toEqual(want);
    return r;
  }
  const homePeak = (s: Scenario) => s.sites[0].groups[0].shifts!.map((sh) => sh.agents);

  beforeAll(async () => {
    app = await startApp({ width: 1400, height: 900 });
    page = app.page;
    await page.setInputFiles('[data-testid=file]', {
      name: 'small-shifts.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(withShifts())),
    });
    await page.waitForFunction(
      () => document.querySelector('[data-testid=scenario-name]')?.textContent === 'small shifts',
    );
    await page.click('[data-testid=play]'); // pause: the run holds still between the steps
  });

  afterAll(async () => {
    await app?.close();
  });

  it('at the start', async () => {
    const r = await sameAsScenario();
    expect(r.live.groups[0]).toBe(3); // 00:00: the first shift's 3 agents
  });

  it('after a slider move on the shift group: its pattern scaled to the new peak, live and in the scenario', async () => {
    await page.locator('[data-testid=staffing-0]').fill('10');
    const r = await sameAsScenario();
    expect(homePeak(r.scenario)).toEqual([6, 4]);
    expect(r.live.groups[0]).toBe(6);
  });

  it('after a split slider move', async () => {
    await page.locator('[data-testid=split-voice-1]').fill('90');
    const r = await sameAsScenario();
    expect(r.live.splits[0][1]).toBeGreaterThan(r.live.splits[0][0]);
  });

  it('after undo and redo', async () => {
    await page.click('[data-testid=undo]');
    let r = await sameAsScenario();
    expect(r.scenario.routing!.voice!.split).toEqual({ home: 0.6, away: 0.4 });
    await page.click('[data-testid=undo]');
    r = await sameAsScenario();
    expect(homePeak(r.scenario)).toEqual([3, 2]);
    await page.click('[data-testid=redo]');
    r = await sameAsScenario();
    expect(homePeak(r.scenario)).toEqual([6, 4]);
  });

  it('after applying an optimiser result', async () => {
    await page.click('[data-testid=opt-section] summary');
    await page.fill('[data-testid=opt-reps]', '2');
    await page.fill('[data-testid=opt-budget]', '20');
    await page.click('[data-testid=opt-run]');
    await expect
      .poll(() => page.textContent('[data-testid=opt-status]'), { timeout: 60_000 })
      .toMatch(/^(optimal|budget|infeasible):/);
    const before = (await read()).scenario;
    await page.click('[data-testid=opt-apply]');
    await expect.poll(async () => JSON.stringify((await read()).scenario)).not.toBe(JSON.stringify(before));
    const r = await sameAsScenario();
    expect(r.scenario.name).toBe('small shifts'); // the staffing was adopted, nothing else
  });

  it('after a reload', async () => {
    const before = (await read()).scenario;
    await page.reload();
    await page.waitForSelector('#app[data-ready=true]', { timeout: 30_000 });
    const r = await sameAsScenario();
    expect(r.scenario).toEqual(before);
  });
});
