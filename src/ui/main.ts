/**
 * Entry point of the live app: lays out the page, starts the simulation worker and the Pixi scene, and
 * wires the controls to the worker.
 *
 * Data flow: the worker owns the run. The page asks for a snapshot at display rate (never while one
 * is in flight) and for the outcome so far about four times a second. Every load bumps `generation`
 * before it is sent, and answers to requests sent under an older generation are dropped, so a
 * snapshot of the previous scenario never reaches the view of the next one.
 */
import './style.css';
import { parseScenarioText } from '../scenario/validate';
import type { Scenario } from '../sim/scenario';
import { HEADER, SITE, SnapshotView, type SimulationMeta, type Snapshot } from '../sim/snapshot';
import { CHANNEL_COLOR, STATE_COLOR, cssColor } from '../render/palette';
import type { LiveScene } from '../render/scene';
import { createSimClient } from '../worker/client';
import { buildChart, type IntervalChart } from './chart';
import { buildControls, DEFAULT_SPEED, STEP_SECONDS } from './controls';
import { h, setText } from './dom';
import { ErlangEstimator } from './erlang';
import { fmtInt, fmtSimClock } from './format';
import { buildFigures, type FiguresPanel } from './panels';
import { bundledScenarios } from './scenarios';
import { buildStaffing, type StaffingPanel } from './staffing';
import { mountCompare } from './compare'; // compare panel
// ---- robustness: persistence, recovery, notices (src/ui/persist.ts, recovery.ts, session.ts)
import type { AppState, SliderState, Variant } from './compare/state';
import { makeAppState } from './compare/state';
import { buildNotices } from './notices';
import { openStorage, readLinkState, readStoredState, StateSaver } from './persist';
import { PING_TIMEOUT_MS, WorkerSupervisor } from './recovery';
import { applySliders, bundledIdFor, clearLinkHash, fileSizeProblem, SliderTracker } from './session';
// ---- end robustness

const OUTCOME_EVERY_MS = 250;
const STATUS_EVERY_MS = 250;
const DEFAULT_SEED = '1';

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function legend(): HTMLElement {
  const item = (color: number, text: string) =>
    h('li', {}, h('span', { class: 'swatch', style: `background:${cssColor(color)}` }), text);
  return h(
    'ul',
    { class: 'legend', 'aria-label': 'Legend' },
    item(STATE_COLOR.idle, 'idle'),
    ...(['voice', 'chat', 'email', 'social'] as const).map((k) => item(CHANNEL_COLOR[k], `busy: ${k}`)),
    item(STATE_COLOR.wrap, 'wrap-up'),
    item(STATE_COLOR.leaving, 'leaving'),
    item(STATE_COLOR.off, 'off shift'),
    item(STATE_COLOR.abandoned, 'abandoned'),
    h('li', { class: 'note', text: 'chat agents: brighter = more chats held' }),
  );
}

async function start(root: HTMLElement): Promise<void> {
  const scenarios = bundledScenarios();
  // ---- robustness: a supervised worker (restarted with the current state if it dies), saved state
  const params = new URLSearchParams(location.search);
  const debug = params.has('debug');
  const notices = buildNotices();
  const sliders = new SliderTracker();
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
  /** The state a reload, a link or a restarted worker brings back. */
  const currentState = () => (scenario ? makeAppState(scenario, seed, sliders.state(), variants) : null);
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
  let scenario: Scenario | null = null;
  let staffing: StaffingPanel | null = null;
  let figures: FiguresPanel | null = null;
  let chart: IntervalChart | null = null;
  let lastSnap: Snapshot | null = null;
  let seed = DEFAULT_SEED;

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

  // ---- page skeleton
  const name = h('span', { class: 'scenario-name', 'data-testid': 'scenario-name' });
  const clock = h('span', { class: 'clock', 'data-testid': 'sim-clock', 'aria-live': 'off' });
  const agents = h('span', { 'data-testid': 'agents-logged-in' });
  const fps = h('span', { class: 'dim', 'data-testid': 'fps' });
  const runError = h('p', { class: 'run-error', role: 'alert', 'data-testid': 'run-error', hidden: true });
  const description = h('p', { class: 'description' });
  const stage = h('div', { class: 'stage', 'data-testid': 'stage' });
  const figuresHost = h('div', { class: 'figures-host' });
  const chartHost = h('div', { class: 'chart-host' });
  const staffingHost = h('aside', { class: 'side', 'aria-label': 'Staffing and location mix' });

  root.replaceChildren(
    h(
      'header',
      { class: 'top' },
      h('h1', {}, 'Shoreline'),
      controls.element,
      h('div', { class: 'status' }, name, clock, agents, fps),
    ),
    h(
      'main',
      { class: 'main' },
      controls.problems,
      notices.element,
      runError,
      description,
      stage,
      legend(),
      figuresHost,
      chartHost,
    ),
    staffingHost,
  );

  // ---- compare panel (src/ui/compare): variants, sweep, optimiser, exports — below the live view
  const compare = mountCompare(root.querySelector<HTMLElement>('main.main')!, {
    scenario: () => scenario,
    seed: () => seed,
    sliders: () => (scenario ? sliders.state() : null),
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

  let scene: LiveScene | null = null;
  try {
    // Pixi is most of the page's code: loaded as its own chunk, while the worker starts up
    const { LiveScene } = await import('../render/scene');
    scene = await LiveScene.create(stage);
  } catch (e) {
    stage.append(h('p', { class: 'run-error', text: `The live view needs WebGL: ${errorText(e)}` }));
  }

  // ---- actions

  async function load(
    next: Scenario,
    id: string | null,
    fileName: string | null,
    restore?: SliderState,
  ): Promise<boolean> {
    const gen = ++generation;
    let m: SimulationMeta;
    try {
      m = await client.load(next, seed);
    } catch (e) {
      // the engine refused it: the previous run is still loaded in the worker and keeps going
      controls.showProblems(fileName ?? id ?? 'scenario', [errorText(e)]);
      if (meta) controls.showScenario(currentId, currentFile ?? undefined);
      return false;
    }
    if (gen !== generation) return false; // a later load overtook this one
    controls.clearProblems();
    currentId = id;
    currentFile = fileName;
    controls.showScenario(id, fileName ?? undefined);
    sliders.clear();
    install(m, next);
    // robustness: sliders restored from storage, a link or a crashed worker, sent before play()
    if (restore && staffing) applySliders(staffing.element, m, restore);
    changed();
    await client.play();
    return true;
  }
  let currentId: string | null = null;
  let currentFile: string | null = null;

  function install(m: SimulationMeta, next: Scenario): void {
    meta = m;
    scenario = next;
    lastSnap = null;
    setText(name, m.name);
    setText(description, next.description ?? '');
    scene?.setMeta(m);
    chart?.destroy();
    chart = buildChart(m);
    figures = buildFigures(m);
    staffing = buildStaffing(m, new ErlangEstimator(next), {
      staffing: (g, n) => {
        sliders.staffing(m, g, n);
        changed();
        void client.setStaffing(g, n);
      },
      split: (c, w) => {
        sliders.split(m, c, w);
        changed();
        void client.setSplit(c, w);
      },
    });
    chartHost.replaceChildren(chart.element);
    figuresHost.replaceChildren(figures.element);
    staffingHost.replaceChildren(staffing.element);
  }

  async function openFile(f: File): Promise<void> {
    const tooLarge = fileSizeProblem(f.size); // robustness: refuse a huge file without reading it
    if (tooLarge) {
      controls.showProblems(f.name, [tooLarge]);
      return;
    }
    let text: string;
    try {
      text = await f.text();
    } catch (e) {
      controls.showProblems(f.name, [`(root): could not be read: ${errorText(e)}`]);
      return;
    }
    const parsed = parseScenarioText(text);
    if (!parsed.ok) {
      controls.showProblems(f.name, parsed.problems);
      return;
    }
    await load(parsed.scenario, null, f.name);
  }

  async function playPause(): Promise<void> {
    const st = await client.status();
    if (st.playing) await client.pause();
    else await client.play();
    refreshStatus();
  }

  async function reset(s: string): Promise<void> {
    if (!scenario) return;
    seed = s;
    const gen = ++generation;
    const m = await client.reset(s);
    if (gen !== generation) return;
    controls.setSeed(s);
    changed();
    // keep the sliders (the worker keeps their settings); only the view restarts
    meta = m;
    lastSnap = null;
    scene?.setMeta(m);
    chart?.destroy();
    chart = buildChart(m);
    chartHost.replaceChildren(chart.element);
  }

  // ---- polling

  let snapInFlight = false;
  function frame(): void {
    requestAnimationFrame(frame);
    if (snapInFlight || !meta) return;
    snapInFlight = true;
    const gen = generation;
    client
      .snapshot()
      .then((snap) => {
        if (gen !== generation || !meta || snap.nGroups !== meta.groups.length) return;
        lastSnap = snap;
        scene?.setSnapshot(snap);
        const view = new SnapshotView(snap);
        setText(clock, fmtSimClock(view.header(HEADER.now)));
      })
      .catch((e) => console.error(e))
      .finally(() => (snapInFlight = false));
  }
  requestAnimationFrame(frame);

  let outcomeInFlight = false;
  setInterval(() => {
    if (outcomeInFlight || !meta) return;
    outcomeInFlight = true;
    const gen = generation;
    client
      .outcome()
      .then((o) => {
        if (gen !== generation) return;
        figures?.update(o.outcome);
        chart?.update(o.outcome, o.intervalsClosed);
      })
      .catch((e) => console.error(e))
      .finally(() => (outcomeInFlight = false));
  }, OUTCOME_EVERY_MS);

  function refreshStatus(): void {
    if (!meta) return;
    client
      .status()
      .then((st) => {
        controls.setPlaying(st.playing, st.done);
        runError.hidden = !st.error;
        setText(
          runError,
          st.error
            ? `The run stopped: ${st.error}. Choose another scenario, or change the sliders and press Reset.`
            : '',
        );
      })
      .catch((e) => console.error(e));
    if (lastSnap) {
      staffing?.update(lastSnap);
      const view = new SnapshotView(lastSnap);
      let total = 0;
      for (let s = 0; s < lastSnap.nSites; s++) total += view.site(s, SITE.loggedIn);
      setText(agents, `${fmtInt(total)} agents logged in`);
    }
    if (scene) setText(fps, `${Math.round(scene.fps)} fps`);
  }
  setInterval(refreshStatus, STATUS_EVERY_MS);

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
    const id = bundledIdFor(scenarios, state.scenario);
    return load(state.scenario, id, id ? null : state.scenario.name, state.sliders);
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
      else await load(scenario, currentId, currentFile, sliders.state());
    } catch (e) {
      console.error(e); // a further crash is reported (and restarted) by the supervisor itself
    }
  }
  // ---- end robustness
  root.dataset.ready = 'true';
  // for the end-to-end tests and for poking at the app from the console
  (window as unknown as { shoreline: unknown }).shoreline = {
    scene,
    client,
    // robustness: test hooks, only with ?debug
    ...(debug && {
      debug: {
        crash: (mode: 'throw' | 'close' | 'hang') => client.crashForTest(mode),
        setEventBudget: (n?: number) => client.setEventBudgetForTest(n),
        runReplication: (s: Scenario, sd: string) => client.runReplicationForTest(s, sd),
        state: currentState,
      },
    }),
  };
}

const root = document.getElementById('app');
if (root) {
  start(root).catch((e) => {
    console.error(e);
    root.append(h('p', { class: 'run-error', text: `Shoreline could not start: ${errorText(e)}` }));
  });
}
