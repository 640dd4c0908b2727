/**
 * Entry point of the live app: lays out the page, creates the components (controls, live panels,
 * staffing, editor, compare) and wires their callbacks to the one state, which goes to the worker.
 *
 * Data flow, one way: edits and slider moves → scenario (validated by the schema) → EditFlow
 * (history; live change or restart) → worker → snapshot → view (src/ui/live/poller.ts). Slider moves
 * are written into the scenario (src/ui/compare/sliders.ts), so the scenario is the whole state: it is
 * what undo restores, what a link and local storage keep, and what "Download scenario" writes.
 * Every load bumps `generation`, and answers to requests sent under an older one are dropped.
 */
import './style.css';
import type { Scenario } from '../sim/scenario';
import { HEADER, SITE, SnapshotView, type SimulationMeta, type Snapshot } from '../sim/snapshot';
import type { LiveScene } from '../render/scene';
import { createSimClient } from '../worker/client';
import { buildChart, type IntervalChart } from './chart';
import { buildControls, DEFAULT_SPEED, STEP_SECONDS } from './controls';
import { h, setText } from './dom';
import { ErlangEstimator } from './erlang';
import { fmtInt, fmtSimClock } from '../format/figures';
import { emptySliders } from './compare/state';
import { onlyLiveChanges } from './editor/edits';
import { mountEditor } from './editor/mount';
import { buildLayout } from './live/layout';
import { metaGroupKey, slidersOf, withGroupAgents, withSplit } from './live/slider-scenario';
import { firstWorkSecond, warmUpText } from './live/first-frame';
import { startPolling } from './live/poller';
import { createViewSwitch } from './live/view-switch';
import { buildFigures, type FiguresPanel } from './panels';
import { bundledScenarios } from './scenarios';
import { buildStaffing, type StaffingPanel } from './staffing';
import { mountPlanPanel } from './plan/panel';
import { exposeForTests } from './live/test-hooks';
import { mountCompare } from './compare'; // compare panel
// ---- robustness: persistence, recovery, notices (src/ui/persist.ts, recovery.ts, session.ts)
import type { AppState, SliderState, Variant } from './compare/state';
import { makeAppState } from './compare/state';
import { buildNotices } from './notices';
import { openStorage, readLinkState, readStoredState, StateSaver } from './persist';
import { PING_TIMEOUT_MS, WorkerSupervisor } from './recovery';
import { applySliders, bundledIdFor, clearLinkHash } from './session';
import { openDroppedFiles, readFileText, readScenarioFile } from './open-file';
// ---- end robustness

const DEFAULT_SEED = '1';
/** How long "the run restarted with your change" stays up. */
const EDIT_NOTICE_MS = 8000;

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

async function start(root: HTMLElement): Promise<void> {
  const scenarios = bundledScenarios();
  // ---- robustness: a supervised worker (restarted with the current state if it dies), saved state
  const params = new URLSearchParams(location.search);
  const debug = params.has('debug');
  const notices = buildNotices();
  let variants: Variant[] = [];
  let speed = DEFAULT_SPEED;
  const supervisor = new WorkerSupervisor(createSimClient, {
    pingTimeoutMs: (debug && Number(params.get('watchdogMs'))) || PING_TIMEOUT_MS,
    onCrash: (reason, recent) => void recover(reason, recent),
    onGiveUp: (reason) => {
      meta = null;
      notices.show(
        'worker',
        `The simulation worker ${reason}, again, and was not restarted. Reload the page to continue; ` +
          'your scenario and sliders are saved.',
      );
    },
  });
  const client = supervisor.client;
  const storage = openStorage();
  const saver = new StateSaver(storage, {
    error: (m) => notices.show('storage', m),
    saved: () => notices.clear('storage'),
  });
  /** The state a reload, a link or a restarted worker brings back (sliders are in the scenario). */
  const currentState = () => {
    const s = current();
    return s ? makeAppState(s, seed, emptySliders(), variants) : null;
  };
  const changed = () => {
    clearLinkHash(); // a link in the address is older than this change
    saver.schedule(currentState);
  };
  addEventListener('pagehide', () => saver.flush());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') saver.flush();
  });
  // ---- end robustness

  let generation = 0;
  let meta: SimulationMeta | null = null;
  let staffing: StaffingPanel | null = null;
  let figures: FiguresPanel | null = null;
  let chart: IntervalChart | null = null;
  let lastSnap: Snapshot | null = null;
  let seed = DEFAULT_SEED;
  let currentId: string | null = null;
  let currentFile: string | null = null;

  const controls = buildControls(
    scenarios,
    {
      scenario: (id) => {
        const found = scenarios.find((s) => s.id === id);
        if (found) void load(found.scenario, id, null);
      },
      file: (f) => void openFile(f),
      playPause: () => void playPause(),
      step: () => void client.step(STEP_SECONDS),
      speed: (v) => {
        speed = v;
        void client.setSpeed(v);
      },
      reset: (s) => void reset(s),
    },
    seed,
  );

  // ---- the scenario as edited (src/ui/editor): one history; agents and split live, else a restart
  /** while the staffing panel is moved to match the scenario (undo), its events only reach the worker */
  let syncing = false;
  let editNoticeTimer: ReturnType<typeof setTimeout> | undefined;
  const { panel: editor, flow } = mountEditor({
    restart: async (next) => {
      const result = await load(next, null, `${next.name} (edited)`, undefined, true);
      if (result === 'ok') {
        notices.show('edit', 'The run restarted with your change (only agents and split change it live).');
        clearTimeout(editNoticeTimer); // a short notice: it goes away by itself
        editNoticeTimer = setTimeout(() => notices.clear('edit'), EDIT_NOTICE_MS);
      }
      return result !== 'refused'; // overtaken by a later edit is not a refusal
    },
    live: (next) => {
      if (!staffing || !meta) return;
      syncing = true;
      applySliders(staffing.element, meta, slidersOf(next));
      syncing = false;
    },
    changed: () => changed(),
    saveVariant: (s) => {
      const name = `${s.name} (edited ${variants.length + 1})`;
      compare.addVariant(name, s); // its onChange keeps `variants` and saves the page state
    },
  });
  /** The scenario the run plays (with the slider moves in it). */
  const current = (): Scenario | null => flow.scenario;

  // ---- page skeleton (src/ui/live/layout.ts)
  const page = buildLayout(root, {
    controls: controls.element,
    problems: controls.problems,
    notices: notices.element,
    editor: editor.element,
  });
  const { name, clock, agents, fps, description, warmUp, stage, figuresHost, chartHost, staffingHost } = page;

  // ---- compare panel (src/ui/compare): variants, sweep, optimiser, exports — below the live view
  const compare = mountCompare(page.main, {
    scenario: () => current(),
    seed: () => seed,
    sliders: () => (current() ? emptySliders() : null), // the slider moves are in the scenario
    setSliders: (s) => {
      if (staffing && meta) applySliders(staffing.element, meta, s);
    },
  });
  compare.setVariants(variants);
  compare.onChange((v) => {
    variants = v;
    changed();
  });
  // ---- end compare panel

  // ---- plan panel (src/ui/plan): forecast → requirement → shifts, in its own worker; a plan or an
  // imported forecast is an edit of the current scenario (undoable, and it restarts the run)
  const plan = mountPlanPanel(page.main, {
    getScenario: () => current(),
    onApply: (s) => void flow.commit(s, null),
    onSaveVariant: (s, n) => compare.addVariant(n, s),
  });
  // a file dropped anywhere else on the page opens as if chosen with "Open file" (.json or a forecast .csv)
  openDroppedFiles(root, (f) => void openFile(f));

  let scene: LiveScene | null = null;
  try {
    // Pixi is most of the page's code: loaded as its own chunk, while the worker starts up
    const { LiveScene } = await import('../render/scene');
    scene = await LiveScene.create(stage);
  } catch (e) {
    stage.append(h('p', { class: 'run-error', text: `The live view needs WebGL: ${errorText(e)}` }));
  }
  // map or floor (src/ui/live/view-switch.ts): the map loads when first shown
  const views = createViewSwitch(
    stage,
    () => scene,
    storage,
    (m) => notices.show('map', m),
  );
  stage.before(views.element);

  // ---- actions

  /**
   * Starts a run of `next`. `edited`: a change from the editor (the history goes on); otherwise a newly
   * opened scenario (a new history). `restore`: slider moves of an older saved state, applied on top.
   */
  async function load(
    next: Scenario,
    id: string | null,
    fileName: string | null,
    restore?: SliderState,
    edited = false,
  ): Promise<'ok' | 'refused' | 'overtaken'> {
    const gen = ++generation;
    let m: SimulationMeta;
    try {
      m = await client.load(next, seed);
      await openOnWork(m, next);
    } catch (e) {
      // the engine refused it: the previous run is still loaded in the worker and keeps going
      controls.showProblems(fileName ?? id ?? 'scenario', [errorText(e)]);
      if (meta) controls.showScenario(currentId, currentFile ?? undefined);
      return 'refused';
    }
    if (gen !== generation) return 'overtaken'; // a later load (a later edit) overtook this one
    controls.clearProblems();
    if (!edited) notices.clear('edit');
    currentId = id;
    currentFile = fileName;
    controls.showScenario(id, fileName ?? undefined);
    if (!edited) flow.loaded(next);
    install(m, next);
    plan.update(); // the targets follow the channels
    // robustness: sliders restored from storage, a link or a crashed worker, sent before play()
    if (restore && staffing) applySliders(staffing.element, m, restore);
    changed();
    await client.play();
    return 'ok';
  }

  /** First frame where there is work to see: after the warm-up, or at the first logged-in interval. */
  async function openOnWork(m: SimulationMeta, s: Scenario): Promise<void> {
    const warm = (m as SimulationMeta & { warmUpDays?: number }).warmUpDays;
    warmUp.hidden = !warm;
    setText(warmUp, warmUpText(warm));
    if (!warm) {
      const t = firstWorkSecond(s);
      if (t > 0) await client.step(t);
    }
  }

  function install(m: SimulationMeta, next: Scenario): void {
    meta = m;
    lastSnap = null;
    setText(name, m.name);
    setText(description, next.description ?? '');
    scene?.setMeta(m);
    views.setMeta(m, next);
    chart?.destroy();
    chart = buildChart(m);
    figures = buildFigures(m);
    staffing = buildStaffing(m, new ErlangEstimator(next), {
      staffing: (g, n) => {
        void client.setStaffing(g, n);
        const s = current();
        if (!syncing && s)
          void flow.commit(withGroupAgents(s, m, g, n), `agents:${metaGroupKey(m, g)}`, 'slider');
      },
      split: (c, w) => {
        void client.setSplit(c, w);
        const s = current();
        if (!syncing && s) void flow.commit(withSplit(s, m, c, w), `split:${c}`, 'slider');
      },
    });
    chartHost.replaceChildren(chart.element);
    figuresHost.replaceChildren(figures.element);
    staffingHost.replaceChildren(staffing.element);
  }

  async function openFile(f: File): Promise<void> {
    // a forecast CSV dropped or opened anywhere goes to the planner, which reports its problems
    if (/\.csv$/i.test(f.name)) {
      const read = await readFileText(f); // the same size guard as a scenario file
      const problems = read.ok ? await plan.importForecast(read.text) : read.problems;
      if (problems.length > 0) controls.showProblems(f.name, problems);
      return;
    }
    const parsed = await readScenarioFile(f);
    if (parsed.ok) await load(parsed.scenario, null, f.name);
    else controls.showProblems(f.name, parsed.problems);
  }

  async function playPause(): Promise<void> {
    const st = await client.status();
    if (st.playing) await client.pause();
    else await client.play();
    showStatus(await client.status());
  }

  async function reset(s: string): Promise<void> {
    const sc = current();
    if (!sc) return;
    seed = s;
    const gen = ++generation;
    const m = await client.reset(s);
    await openOnWork(m, sc);
    if (gen !== generation) return;
    controls.setSeed(s);
    changed();
    // keep the sliders (the worker keeps their settings); only the view restarts
    meta = m;
    lastSnap = null;
    scene?.setMeta(m);
    views.setMeta(m, sc);
    chart?.destroy();
    chart = buildChart(m);
    chartHost.replaceChildren(chart.element);
  }

  // ---- polling: the worker's run → the view (src/ui/live/poller.ts)

  function showStatus(st: { playing: boolean; done: boolean; error: string | null }): void {
    controls.setPlaying(st.playing, st.done);
    page.showRunError(st.error);
  }
  startPolling(client, {
    current: () => (meta ? { meta, generation } : null),
    snapshot: (snap) => {
      lastSnap = snap;
      views.snapshot(snap); // to the floor or the map, whichever is shown
      setText(clock, fmtSimClock(new SnapshotView(snap).header(HEADER.now)));
    },
    outcome: (o) => {
      figures?.update(o.outcome);
      views.outcome(o.outcome);
      chart?.update(o.outcome, o.intervalsClosed);
    },
    status: showStatus,
    tick: () => {
      if (lastSnap) {
        staffing?.update(lastSnap);
        const view = new SnapshotView(lastSnap);
        let total = 0;
        for (let s = 0; s < lastSnap.nSites; s++) total += view.site(s, SITE.loggedIn);
        setText(agents, `${fmtInt(total)} agents logged in`);
      }
      const shownFps = views.fps();
      if (shownFps !== null) setText(fps, `${Math.round(shownFps)} fps`);
    },
  });

  // ---- go: the default scenario, playing
  const first = scenarios[0];
  if (!first) {
    controls.showProblems('bundled scenarios', ['(root): no valid bundled scenario found']);
    return;
  }
  await client.setSpeed(DEFAULT_SPEED);
  // ---- robustness: restore a link (first) or the saved state, each checked; else the default
  if (debug) await client.enableDebug();
  const fromLink = await readLinkState(location.hash);
  const fromStore = readStoredState(storage);
  if (fromLink.kind === 'bad')
    notices.show('link', `${fromLink.message} The app opened your saved or default scenario instead.`);
  if (fromStore.kind === 'bad') notices.show('storage', fromStore.message);
  const restored = fromLink.kind === 'ok' ? fromLink : fromStore.kind === 'ok' ? fromStore : null;
  if (!(restored && (await restore(restored.state)))) await load(first.scenario, first.id, null);
  if (fromLink.kind === 'ok') clearLinkHash();

  async function restore(state: AppState): Promise<boolean> {
    seed = state.seed;
    controls.setSeed(seed);
    variants = state.variants;
    compare.setVariants(variants); // compare panel
    // a bundled scenario with only its sliders moved is still that scenario in the picker
    const id =
      bundledIdFor(scenarios, state.scenario) ??
      scenarios.find((b) => onlyLiveChanges(b.scenario, state.scenario))?.id ??
      null;
    return (await load(state.scenario, id, id ? null : state.scenario.name, state.sliders)) === 'ok';
  }

  // a `#s=` link pasted into this tab's address bar (a link the page wrote for the current state is left alone)
  addEventListener('hashchange', () => {
    void (async () => {
      const link = await readLinkState(location.hash);
      if (link.kind === 'bad') notices.show('link', `${link.message} The current run keeps going.`);
      if (link.kind !== 'ok' || JSON.stringify(link.state) === JSON.stringify(currentState())) return;
      notices.clear('link');
      if (await restore(link.state)) clearLinkHash();
    })();
  });

  /** The worker died and a new one was started: put the run back, as far as the page knows it. */
  async function recover(reason: string, recent: number): Promise<void> {
    meta = null; // stops polling the new worker until it has a scenario
    ++generation;
    const scenario = current();
    const fallback = recent >= 3 || !scenario; // it keeps crashing with this scenario: the default
    notices.show(
      'worker',
      fallback
        ? `The simulation worker ${reason}. It was restarted with the default scenario, as it failed ${recent} times in a row.`
        : `The simulation worker ${reason}. It was restarted with the current scenario, seed and sliders; the run started again from the beginning.`,
    );
    try {
      await client.setSpeed(speed);
      if (debug) await client.enableDebug();
      if (fallback || !scenario) await load(first.scenario, first.id, null);
      else await load(scenario, currentId, currentFile, undefined, true); // the history goes on
    } catch (e) {
      console.error(e); // a further crash is reported (and restarted) by the supervisor itself
    }
  }
  // ---- end robustness
  root.dataset.ready = 'true';
  exposeForTests({ scene, views, client }, debug, currentState);
}

const root = document.getElementById('app');
if (root) {
  start(root).catch((e) => {
    console.error(e);
    root.append(h('p', { class: 'run-error', text: `Shoreline could not start: ${errorText(e)}` }));
  });
}
