/**
 * The live view's panels around the stage: the name and description, the interval chart, the figures,
 * the staffing sliders and the status line, rebuilt for every new run (a new `meta`) and fed by the
 * poller from the worker's snapshots and outcomes.
 *
 * The sliders report to the store as scenario edits (one undo step per drag, by the slider's key);
 * the store's scenario puts them back in place after an undo, an apply or a restored link. Nothing
 * here talks to the worker's staffing: the run follows the store (run-sync.ts).
 */
import { fmtInt } from '../../format/figures';
import type { LiveScene } from '../../render/scene';
import { DEFAULTS, type Scenario } from '../../sim/scenario';
import { HEADER, SITE, SnapshotView, type SimulationMeta, type Snapshot } from '../../sim/snapshot';
import type { SimClient } from '../../worker/client';
import type { LiveMeta } from '../../worker/live-calendar';
import { buildChart, type IntervalChart } from '../chart';
import { dayClockText, nextDayStart, nextIntervalStart } from './day-clock';
import { buildWeekStrip, dayLabels, wantsWeekStrip, type WeekStrip } from './week-strip';
import { setText } from '../dom';
import { ErlangEstimator } from '../erlang';
import { buildFigures, type FiguresPanel } from '../panels';
import { buildStaffing, type StaffingHandlers, type StaffingPanel } from '../staffing';
import type { AppStore } from '../state/store';
import { firstFrameText } from './first-frame';
import type { PageLayout } from './layout';
import { startPolling } from './poller';
import { metaGroupKey, sliderPositions, withSliderAgents, withSliderSplit } from './slider-scenario';
import type { ViewSwitch } from './view-switch';

export interface LiveView {
  /** a new run is at its first picture: every panel is rebuilt for it */
  started(meta: LiveMeta, scenario: Scenario, opensAt: number): void;
  /** no run to show (the worker died): polling waits */
  stop(): void;
  /** the run's status (play button, error line) */
  showStatus(st: { playing: boolean; done: boolean; error: string | null }): void;
}

interface Parts {
  page: PageLayout;
  scene: LiveScene | null;
  views: ViewSwitch;
  client: SimClient;
  store: AppStore;
  setPlaying(playing: boolean, done: boolean): void;
}

/** A slider's move is an edit: the key makes a drag of one slider one undo step. */
function sliderHandlers(store: AppStore, m: SimulationMeta): StaffingHandlers {
  return {
    staffing: (g: number, n: number) => {
      const s = store.scenario;
      if (s) store.commit(withSliderAgents(s, m, g, n), `agents:${metaGroupKey(m, g)}`, 'slider');
    },
    split: (c: number, w: number[]) => {
      const s = store.scenario;
      if (s) store.commit(withSliderSplit(s, m, c, w), `split:${m.channels[c]?.kind}`, 'slider');
    },
    // "move N points" is one action: no key, so it never merges with a drag before it
    moveSplit: (c: number, w: number[]) => {
      const s = store.scenario;
      if (s) store.commit(withSliderSplit(s, m, c, w), null, 'slider');
    },
  };
}

/** The total of agents logged in, on the status line. */
function showAgents(page: PageLayout, snap: Snapshot): void {
  const view = new SnapshotView(snap);
  let total = 0;
  for (let s = 0; s < snap.nSites; s++) total += view.site(s, SITE.loggedIn);
  setText(page.agents, `${fmtInt(total)} agents logged in`);
}

/** A run of several days: its chart's x-axis marks each day's start with the strip's label. */
function chartDays(m: LiveMeta, s: Scenario) {
  if (m.days < 2) return undefined;
  const labels = dayLabels(m.days, s.horizon?.startDate);
  return { at: m.calendar.dayStarts.slice(0, -1).map((t) => t / 3600), labels };
}

/**
 * Steps the run to `target(now)` (the next interval, the next day): paused while it steps, so the
 * clock lands on the boundary, then playing again if it was. A hair past the boundary, so the
 * interval that ends there is closed whatever the rounding of now + (target − now).
 */
async function stepTo(client: SimClient, target: (now: number) => number): Promise<void> {
  const was = await client.status();
  if (was.done) return;
  if (was.playing) await client.pause();
  const { now } = await client.status();
  const t = target(now);
  if (t > now) await client.step(t - now + 1e-6);
  if (was.playing) await client.play();
}

/** The run's name, description and where it opened (after a warm-up). */
function showHeading(page: PageLayout, m: LiveMeta, s: Scenario, opensAt: number): void {
  setText(page.name, m.name);
  setText(page.description, s.description ?? '');
  const text = firstFrameText((m as SimulationMeta & { warmUpDays?: number }).warmUpDays, opensAt);
  page.warmUp.hidden = text === '';
  setText(page.warmUp, text);
}

export function buildLiveView({ page, scene, views, client, store, setPlaying }: Parts): LiveView {
  let generation = 0;
  let meta: LiveMeta | null = null;
  let staffing: StaffingPanel | null = null;
  let figures: FiguresPanel | null = null;
  let chart: IntervalChart | null = null;
  let week: WeekStrip | null = null;
  let lastSnap: Snapshot | null = null;

  function started(m: LiveMeta, s: Scenario, opensAt: number): void {
    generation++;
    meta = m;
    lastSnap = null;
    showHeading(page, m, s, opensAt);
    scene?.setMeta(m);
    views.setMeta(m, s);
    chart?.destroy();
    chart = buildChart(m, chartDays(m, s));
    const cal = m.calendar;
    week = wantsWeekStrip(m, s)
      ? buildWeekStrip(m, s.horizon?.startDate, {
          nextInterval: () => void stepTo(client, (t) => nextIntervalStart(cal, m.intervalSeconds, t)),
          nextDay: () => void stepTo(client, (t) => nextDayStart(cal, t)),
        })
      : null;
    figures = buildFigures(m, s.currency ?? DEFAULTS.currency);
    staffing = buildStaffing(m, new ErlangEstimator(s), sliderHandlers(store, m));
    staffing.show(sliderPositions(s, m));
    page.chartHost.replaceChildren(...(week ? [week.element] : []), chart.element);
    page.figuresHost.replaceChildren(figures.element);
    page.staffingHost.replaceChildren(staffing.element);
  }

  // the sliders stand where the store's scenario says (an undo, an apply, a refused edit); a slider's
  // own move is left alone: it stands there already (mid-drag, its block keeps the drag's ratio)
  store.subscribe((data, change) => {
    if (change.kind === 'edit' && change.origin === 'slider') return;
    if (staffing && meta && data.scenario) staffing.show(sliderPositions(data.scenario, meta));
  });

  function showStatus(st: { playing: boolean; done: boolean; error: string | null }): void {
    setPlaying(st.playing, st.done);
    views.setPlaying(st.playing && !st.done);
    week?.setDone(st.done);
    page.showRunError(st.error);
  }

  startPolling(client, {
    current: () => (meta ? { meta, generation } : null),
    snapshot: (snap) => {
      lastSnap = snap;
      views.snapshot(snap); // to the floor or the map, whichever is shown
      if (meta) setText(page.clock, dayClockText(meta.calendar, new SnapshotView(snap).header(HEADER.now)));
    },
    outcome: (o) => {
      figures?.update(o.outcome);
      views.outcome(o.outcome);
      chart?.update(o.outcome, o.intervalsClosed);
      week?.update(o.outcome, o.intervalsClosed);
    },
    status: showStatus,
    tick: () => {
      if (lastSnap) {
        staffing?.update(lastSnap);
        showAgents(page, lastSnap);
      }
      const shownFps = views.fps();
      if (shownFps !== null) setText(page.fps, `${Math.round(shownFps)} fps`);
    },
  });

  return {
    started,
    stop: () => {
      meta = null;
      generation++;
    },
    showStatus,
  };
}
