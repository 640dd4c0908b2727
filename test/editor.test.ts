/**
 * The scenario editor's pure logic (src/ui/editor/*.ts, src/ui/live/first-frame.ts,
 * src/scenario/cities.ts): edits as scenario → scenario, site templates, undo history, the first frame.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { erlangA } from '../src/analytic/index';
import { CITIES, cityByLabel, formatOffset } from '../src/scenario/cities';
import { validateScenario } from '../src/scenario/validate';
import type { Scenario } from '../src/sim/scenario';
import {
  addChannel,
  addSite,
  duplicateSite,
  removeChannel,
  removeSite,
  renameSite,
  setAt,
  setSiteCity,
} from '../src/ui/editor/edits';
import { onlyLiveChanges } from '../src/scenario/live-changes';
import { ScenarioHistory } from '../src/ui/state/history';
import { sliderPositions, withSliderAgents, withSliderSplit } from '../src/ui/live/slider-scenario';
import { Simulation, simulationMeta } from '../src/sim/index';
import { TEMPLATES, clientDay, estimateAgents, hoursFor, siteFromTemplate } from '../src/ui/editor/templates';
import { firstFrameText, firstWorkSecond } from '../src/ui/live/first-frame';

const dir = fileURLToPath(new URL('../scenarios/', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json');
const load = (name: string): Scenario => JSON.parse(readFileSync(`${dir}${name}.json`, 'utf8')) as Scenario;
const valid = (s: Scenario) => {
  const r = validateScenario(s);
  return r.ok ? [] : r.problems;
};

describe('cities', () => {
  it('have offsets the schema accepts, including half-hour zones, and set a valid position', () => {
    const base = load('onshore-baseline');
    for (const c of CITIES) {
      expect(valid(setSiteCity(base, 0, c.name))).toEqual([]);
    }
    expect(cityByLabel('Bengaluru')?.utcOffsetHours).toBe(5.5);
    expect(formatOffset(5.5)).toBe('UTC+5:30');
    expect(formatOffset(-5)).toBe('UTC−5');
    const manila = setSiteCity(base, 0, 'Manila');
    expect(manila.sites[0].utcOffsetHours).toBe(8);
    expect(manila.sites[0].position).toEqual({ lat: 14.6, lon: 120.98, city: 'Manila, Philippines' });
  });

  it('a position out of range is reported at its path', () => {
    const base = load('onshore-baseline');
    const bad = setAt(base, ['sites', 0, 'position'], { lat: 95, lon: 0 });
    expect(valid(bad)).toEqual(['sites[0].position.lat: must be a latitude from -90 to 90']);
    expect(valid(setAt(base, ['clientPosition'], { lat: 40.7, lon: -74 }))).toEqual([]);
  });
});

describe('edits', () => {
  it('setAt copies along the path and leaves the original alone', () => {
    const base = load('onshore-baseline');
    const text = JSON.stringify(base);
    const next = setAt(base, ['sites', 0, 'firstContactResolution'], 0.8);
    expect(next.sites[0].firstContactResolution).toBe(0.8);
    expect(JSON.stringify(base)).toBe(text);
    expect(next.channels).toBe(base.channels); // untouched branches are shared
  });

  it('remove site takes its split weights and the escalations to it along', () => {
    const s = load('tiered-escalation');
    const l2 = s.sites.findIndex((x) => s.sites.some((y) => y.escalation?.to === x.id));
    const out = removeSite(s, l2);
    expect(out.sites.some((x) => x.escalation)).toBe(false);
    expect(valid(out)).toEqual([]);
    const blend = load('nearshore-blend');
    const gone = removeSite(blend, 1);
    expect(Object.keys(gone.routing!.voice!.split)).not.toContain(blend.sites[1].id);
    expect(valid(gone)).toEqual([]);
  });

  it('renaming a site renames its routing weights and the escalations to it', () => {
    const s = load('tiered-escalation');
    const l2 = s.sites.findIndex((x) => s.sites.some((y) => y.escalation?.to === x.id));
    const out = renameSite(s, l2, 'level-2');
    expect(valid(out)).toEqual([]);
    expect(out.sites.some((x) => x.escalation?.to === 'level-2')).toBe(true);
    const blend = load('nearshore-blend');
    const renamed = renameSite(blend, 0, 'home');
    expect(Object.keys(renamed.routing!.voice!.split)[0]).toBe('home');
    expect(valid(renamed)).toEqual([]);
    // a plain setAt of the id leaves the references dangling: the schema names them
    expect(valid(setAt(blend, ['sites', 0, 'id'], 'home')).join('\n')).toMatch(
      /routing\.voice\.split\.\w+: no site has the id/,
    );
  });

  it('duplicate site gets a fresh id and a zero share', () => {
    const s = load('nearshore-blend');
    const out = duplicateSite(s, 1);
    expect(out.sites).toHaveLength(s.sites.length + 1);
    expect(out.sites[2].id).toBe(`${s.sites[1].id}-copy`);
    expect(out.routing!.voice!.split[out.sites[2].id]).toBe(0);
    expect(valid(out)).toEqual([]);
  });

  it('add and remove a channel keep the scenario valid', () => {
    for (const f of files) {
      const s = load(f.replace('.json', ''));
      const withChat = addChannel(s, 'chat');
      expect(valid(withChat), f).toEqual([]);
      for (const kind of Object.keys(withChat.channels) as (keyof Scenario['channels'])[]) {
        const out = removeChannel(withChat, kind);
        if (Object.keys(out.channels).length > 0) expect(valid(out), `${f} − ${kind}`).toEqual([]);
      }
    }
  });

  it('agents and split are live changes; anything else restarts the run', () => {
    const s = load('nearshore-blend');
    expect(onlyLiveChanges(s, setAt(s, ['sites', 0, 'groups', 0, 'agents'], 3))).toBe(true);
    expect(onlyLiveChanges(s, setAt(s, ['routing', 'voice', 'split', s.sites[0].id], 0.9))).toBe(true);
    expect(onlyLiveChanges(s, setAt(s, ['sites', 0, 'firstContactResolution'], 0.9))).toBe(false);
    expect(onlyLiveChanges(s, setAt(s, ['channels', 'voice', 'volumePerDay'], 1))).toBe(false);
    expect(onlyLiveChanges(s, setAt(s, ['routing', 'voice', 'overflowAfterSeconds'], 5))).toBe(false);
  });
});

describe('site templates', () => {
  it('every template fits every bundled scenario, with a zero share and the scenario channels', () => {
    for (const f of files) {
      const s = load(f.replace('.json', ''));
      for (const t of TEMPLATES) {
        const site = siteFromTemplate(s, t.id);
        const out = addSite(s, site);
        expect(valid(out), `${f} + ${t.id}`).toEqual([]);
        expect(site.groups[0].skills.sort()).toEqual(Object.keys(s.channels).sort());
        for (const [kind, r] of Object.entries(out.routing ?? {}))
          if (r && site.groups[0].skills.includes(kind as never)) expect(r.split[site.id]).toBe(0);
      }
    }
  });

  it('offshore outsourcer on the baseline: Manila, the README figures, the client day on a night shift', () => {
    const s = load('onshore-baseline');
    const site = siteFromTemplate(s, 'offshore-outsourcer');
    expect(site).toMatchObject({
      id: 'manila',
      location: 'offshore',
      utcOffsetHours: 8,
      hours: { open: '21:00', close: '09:00' }, // 08:00–20:00 Eastern
      shrinkage: 0,
      cost: { hourlyRate: 13, telecomPerMinute: 0.02 },
      handleTimeFactor: 1.18,
      firstContactResolution: 0.58,
      connectDelaySeconds: 3,
      position: { city: 'Manila, Philippines' },
    });
    expect(clientDay(s)).toEqual({ start: 8 * 3600, end: 20 * 3600 });
    expect(hoursFor(s, 5.5)).toEqual({ open: '18:30', close: '06:30' });
    const inHouse = siteFromTemplate(s, 'onshore-in-house');
    expect(inHouse).toMatchObject({ shrinkage: 0.32, cost: { hourlyRate: 26, overheadRate: 0.3 } });
    expect(inHouse.hours).toEqual({ open: '08:00', close: '20:00' });
    // Columbus is taken by the baseline's own site (by name only: its file has no position), so the
    // in-house template picks Columbus unless a site's position says so
    const placed = setSiteCity(s, 0, 'Columbus');
    expect(siteFromTemplate(placed, 'onshore-in-house').id).toBe('tampa');
  });

  it('the agent estimate is the smallest count meeting the target under Erlang A (one live channel)', () => {
    const s = load('offshore-voice');
    const voiceOnly: Scenario = { ...s, channels: { voice: s.channels.voice } };
    const share = 0.4;
    const n = estimateAgents(voiceOnly, share, 1.18);
    const v = s.channels.voice!;
    const weights = v.profile!;
    const peak = ((Math.max(...weights) / weights.reduce((a, b) => a + b, 0)) * v.volumePerDay) / 1800;
    const wrap = v.wrapUp && 'mean' in v.wrapUp ? v.wrapUp.mean : 0;
    const handle = (v.handleTime as { mean: number }).mean * 1.18 + wrap;
    const patience = (v.patience as { mean: number }).mean;
    const sl = (agents: number) =>
      erlangA({
        agents,
        arrivalRatePerSecond: peak * share,
        meanHandleSeconds: handle,
        meanPatienceSeconds: patience,
        withinSeconds: v.target!.withinSeconds,
      }).serviceLevel;
    expect(sl(n)).toBeGreaterThanOrEqual(v.target!.percent / 100 - 1e-9);
    expect(sl(n - 1)).toBeLessThan(v.target!.percent / 100);
    expect(n).toBeGreaterThan(20);
  });
});

describe('history', () => {
  const a = { name: 'a' } as Scenario;
  const b = { name: 'b' } as Scenario;
  const c = { name: 'c' } as Scenario;

  it('undo and redo walk the scenarios; a new edit drops the redo', () => {
    const h = new ScenarioHistory(a);
    h.push(b, null, 0);
    h.push(c, null, 10);
    expect(h.undo()).toBe(b);
    expect(h.undo()).toBe(a);
    expect(h.undo()).toBeNull();
    expect(h.redo()).toBe(b);
    h.push(c, null, 20);
    expect(h.canRedo).toBe(false);
    expect(h.current).toBe(c);
  });

  it('a drag of one control within a second is one step', () => {
    const h = new ScenarioHistory(a);
    h.push(b, 'agents:0', 0);
    h.push(c, 'agents:0', 300);
    expect(h.undo()).toBe(a);
    const k = new ScenarioHistory(a);
    k.push(b, 'agents:0', 0);
    k.push(c, 'agents:0', 5000);
    expect(k.undo()).toBe(b);
  });
});

describe('first frame', () => {
  it('opens at the first interval with agents logged in', () => {
    expect(firstWorkSecond(load('onshore-baseline'))).toBe(8 * 3600);
    expect(firstWorkSecond(load('tiered-escalation'))).toBe(0); // Manila 24/7
    expect(firstFrameText(1, 8 * 3600)).toBe(
      'The view opens at 08:00 of day 1, the first interval with agents logged in, after 1 day of warm-up: ' +
        'the backlog and pending repeats carry over from the day before.',
    );
    expect(firstFrameText(undefined, 8 * 3600)).toBe('');
    expect(firstFrameText(0, 0)).toBe('');
  });
});

describe('sliders and the scenario', () => {
  it('slider moves are written into the scenario as the live run applies them', () => {
    const s = load('offshore-voice');
    const meta = simulationMeta(new Simulation(s, { seed: '1' }));
    const manila = meta.sites.findIndex((x) => x.location === 'offshore');
    const g = meta.groups.findIndex((x) => x.site === manila);
    const next = withSliderAgents(s, meta, g, meta.groups[g].scheduledPeak * 2);
    expect(valid(next)).toEqual([]);
    expect(simulationMeta(new Simulation(next, { seed: '1' })).groups[g].scheduledPeak).toBe(
      meta.groups[g].scheduledPeak * 2,
    ); // shifts scaled so the peak is what the slider says
    const weights = meta.sites.map((_, i) => (i === manila ? 40 : 60));
    const split = withSliderSplit(s, meta, 0, weights).routing!.voice!.split;
    expect(split[meta.sites[manila].id]).toBe(40);
    expect(onlyLiveChanges(s, withSliderSplit(next, meta, 0, weights))).toBe(true);
  });

  it('slider positions of a scenario: group peaks and splits in percent', () => {
    const s = load('nearshore-blend');
    const meta = simulationMeta(new Simulation(s, { seed: '1' }));
    const sl = sliderPositions(s, meta);
    const voice = sl.splits[meta.channels.findIndex((c) => c.kind === 'voice')];
    expect(voice.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(99);
    expect(sl.agents).toEqual(meta.groups.map((g) => g.scheduledPeak));
  });
});

describe('form helpers', () => {
  it('a problem path finds its field or the nearest enclosing block', async () => {
    const { ancestors } = await import('../src/ui/editor/problems');
    expect(ancestors('sites[1].cost.hourlyRate')).toEqual([
      'sites[1].cost.hourlyRate',
      'sites[1].cost',
      'sites[1]',
      'sites',
    ]);
    expect(ancestors('routing.voice.split["a b"]')).toEqual([
      'routing.voice.split["a b"]',
      'routing.voice.split',
      'routing.voice',
      'routing',
    ]);
  });

  it('a pasted profile is one number per interval, whatever the separator', async () => {
    const { parseProfileText } = await import('../src/ui/editor/profile');
    expect(parseProfileText('1\n2.5\t3; 4, 5 ')).toEqual([1, 2.5, 3, 4, 5]);
    // a word is kept as NaN, for the schema to name it at the field
    const base = load('onshore-baseline');
    const bad = setAt(base, ['channels', 'voice', 'profile'], parseProfileText('1 x 2'));
    expect(valid(bad).join('\n')).toMatch(/^channels\.voice\.profile\[1\]: /m);
  });

  it('changing a distribution kind keeps its mean', async () => {
    const { convertDist } = await import('../src/ui/editor/distribution');
    const { distributionMean: distMean } = await import('../src/sim/distribution');
    const d = { dist: 'lognormal', mean: 330, cv: 0.8 } as const;
    for (const kind of ['exponential', 'gamma', 'fixed', 'uniform', 'empirical'] as const)
      expect(distMean(convertDist(d, kind, 1))).toBe(330);
    expect(convertDist(d, 'gamma', 1)).toEqual({ dist: 'gamma', mean: 330, cv: 0.8 });
  });
});
