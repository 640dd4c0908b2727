/**
 * End-to-end: the map view (issue 18) in the built app, headless Chromium with software WebGL.
 * follow-the-sun on the map: three sites at their cities, contacts that move between two frames,
 * Floor and back without restarting the run, the choice kept over a reload, no console errors, and
 * axe-core finding no serious violation with a site's card open.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SKIP_E2E, startApp, type RunningApp } from './support';

/** Pixels that differ between two PNGs (decoded by the page), inside `box` (CSS pixels of the PNG). */
function differingPixels(
  page: Page,
  a: Buffer,
  b: Buffer,
  box: { x: number; y: number; w: number; h: number },
): Promise<number> {
  const src = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;
  return page.evaluate(
    `(async () => {
      const read = async (s) => {
        const img = new Image();
        img.src = s;
        await img.decode();
        const c = document.createElement('canvas');
        c.width = img.width; c.height = img.height;
        const ctx = c.getContext('2d');
        ctx.drawImage(img, 0, 0);
        return ctx.getImageData(${Math.round(box.x)}, ${Math.round(box.y)}, ${Math.round(box.w)}, ${Math.round(box.h)}).data;
      };
      const [p, q] = await Promise.all([read(${JSON.stringify(src(a))}), read(${JSON.stringify(src(b))})]);
      let n = 0;
      for (let i = 0; i < p.length; i += 4)
        if (Math.abs(p[i] - q[i]) + Math.abs(p[i + 1] - q[i + 1]) + Math.abs(p[i + 2] - q[i + 2]) > 24) n++;
      return n;
    })()`,
  );
}

/** "day 1 · 19:30" → simulated seconds */
function clockSeconds(text: string | null): number {
  const m = /day (\d+) · (\d\d):(\d\d)/.exec(text ?? '');
  if (!m) throw new Error(`no clock in ${JSON.stringify(text)}`);
  return (Number(m[1]) - 1) * 86_400 + Number(m[2]) * 3600 + Number(m[3]) * 60;
}

describe.skipIf(SKIP_E2E)('map view (built app, headless Chromium)', () => {
  let app: RunningApp;
  let page: Page;
  const clock = async () => clockSeconds(await page.textContent('[data-testid=sim-clock]'));
  const inFlight = () => page.evaluate('window.shoreline.views.map?.inFlight ?? 0') as Promise<number>;

  beforeAll(async () => {
    app = await startApp({ width: 1400, height: 900 });
    page = app.page;
    await page.selectOption('[data-testid=scenario-picker]', 'follow-the-sun');
    await page.waitForFunction(
      () => document.querySelector('[data-testid=scenario-name]')?.textContent === 'follow-the-sun',
    );
  });

  afterAll(async () => {
    await app?.close();
  });

  it('opens on the floor, and the Map button shows three sites at their cities', async () => {
    expect(await page.getByRole('button', { name: 'Floor', exact: true }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(await page.locator('[data-testid=map-view]').count()).toBe(0); // not loaded until shown
    await page.getByRole('button', { name: 'Map', exact: true }).click();
    await page.waitForSelector('[data-testid=map-view] .map-site');
    const sites = page.locator('[data-testid=map-view] .map-site');
    expect(await sites.count()).toBe(3);
    const names = await sites.locator('.map-site-name').allTextContents();
    expect(names.map((n) => n.trim())).toEqual([
      'Tampa, FL (in-house)',
      'Guadalajara outsourcer',
      'Manila outsourcer',
    ]);
    // the rings at their cities: Guadalajara (−103.35°), Tampa (−82.46°), Manila (120.98°); on an
    // equirectangular map the gaps between them are in the ratio of their longitudes
    const at = await sites.evaluateAll((els) =>
      els.map((e) => (e as HTMLElement).dataset.at!.split(',').map(Number)),
    );
    const [tampa, guadalajara, manila] = at;
    expect(guadalajara[0]).toBeLessThan(tampa[0]);
    const ratio = (manila[0] - tampa[0]) / (tampa[0] - guadalajara[0]);
    expect(ratio).toBeGreaterThan(((120.98 + 82.46) / (103.35 - 82.46)) * 0.97);
    expect(ratio).toBeLessThan(((120.98 + 82.46) / (103.35 - 82.46)) * 1.03);
    expect(manila[1]).toBeGreaterThan(tampa[1]); // Manila (14.6° N) south of Tampa (27.95° N)
  });

  it('moves contacts between two frames in the flow region', async () => {
    // the US evening: Guadalajara is taking calls
    await page.evaluate('window.shoreline.client.step(19 * 3600)');
    await expect.poll(inFlight, { timeout: 15_000 }).toBeGreaterThan(5);
    const stage = page.locator('[data-testid=stage]');
    const box = (await stage.boundingBox())!;
    // the flow region: from the customers (UTC−5) to the American sites, above the labels
    const region = await page.evaluate(`(() => {
      const stage = document.querySelector('[data-testid=stage]').getBoundingClientRect();
      const c = document.querySelector('.map-client').getBoundingClientRect();
      return { x: c.x - stage.x - 160, y: c.y - stage.y - 40, w: 320, h: 160 };
    })()`);
    const r = region as { x: number; y: number; w: number; h: number };
    const clip = {
      x: Math.max(0, r.x),
      y: Math.max(0, r.y),
      w: Math.min(r.w, box.width - Math.max(0, r.x)),
      h: Math.min(r.h, box.height - Math.max(0, r.y)),
    };
    // paused: the clock, the labels and the night stand still, while contacts already on their way
    // keep travelling (their animation runs on the page's clock) — so only they can differ
    await page.evaluate('window.shoreline.client.pause()');
    const a = await stage.screenshot();
    await page.waitForTimeout(120);
    const b = await stage.screenshot();
    await page.waitForTimeout(120);
    const c = await stage.screenshot();
    const moved = await differingPixels(page, a, b, clip);
    expect(moved).toBeGreaterThan(10);
    // and nothing else moves: far from any flow (the South Atlantic) the two frames are identical
    const still = { x: box.width * 0.36, y: box.height * 0.7, w: 60, h: 40 };
    expect(await differingPixels(page, b, c, still)).toBe(0);
    await page.evaluate('window.shoreline.client.play()');
  });

  it('keeps the run going through Floor and back', async () => {
    const before = await clock();
    const frames = () => page.evaluate('window.shoreline.views.map.frames') as Promise<number>;
    await page.getByRole('button', { name: 'Floor', exact: true }).click();
    expect(await page.locator('[data-testid=map-view]').isHidden()).toBe(true);
    const hiddenFrom = await frames();
    await page.waitForTimeout(1500);
    const onFloor = await clock();
    expect(await frames()).toBe(hiddenFrom); // the hidden map draws nothing
    await page.getByRole('button', { name: 'Map', exact: true }).click();
    expect(await page.locator('[data-testid=map-view]').isVisible()).toBe(true);
    await page.waitForTimeout(1500);
    const after = await clock();
    expect(await frames()).toBeGreaterThan(hiddenFrom + 10); // and draws again once shown
    expect(onFloor).toBeGreaterThan(before); // not restarted (a restart opens at 00:00 or 08:00)
    expect(after).toBeGreaterThan(onFloor);
    expect(await page.textContent('[data-testid=scenario-name]')).toBe('follow-the-sun');
    expect(await page.locator('[data-testid=map-view] .map-site').count()).toBe(3);
  });

  it('shows a site’s figures so far on focus', async () => {
    const tampa = page.locator('.map-site[data-site=tampa]');
    await tampa.focus();
    const tip = tampa.locator('.map-site-tip');
    await expect.poll(() => tip.isVisible()).toBe(true);
    const text = (await tip.textContent()) ?? '';
    expect(text).toMatch(/service level \d+(\.\d)? %/);
    expect(text).toMatch(/ASA /);
    expect(text).toMatch(/occupancy \d+(\.\d)? %/);
    expect(text).toMatch(/cost [\d,]+/);
  });

  it('axe-core finds no serious or critical violation on the map', async () => {
    const result = await new AxeBuilder({ page }).include('main').analyze();
    expect(result.passes.map((p) => p.id)).toEqual(expect.arrayContaining(['button-name']));
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  it('keeps the choice over a reload, and logs no console error', async () => {
    await page.reload();
    await page.waitForSelector('#app[data-ready=true]', { timeout: 30_000 });
    expect(await page.getByRole('button', { name: 'Map', exact: true }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    await page.waitForSelector('[data-testid=map-view] .map-site');
    expect(await page.locator('[data-testid=map-view]').isVisible()).toBe(true);
    expect(app.errors).toEqual([]);
  });
});
