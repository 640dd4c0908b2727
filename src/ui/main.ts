/**
 * Entry point of the live app. It only assembles: it lays out the page, creates the components and
 * wires their callbacks to the one store (src/ui/state/store.ts), which the worker and every panel
 * follow:
 *
 *   edits, sliders, undo/redo, "apply", a file or link → store → worker (run-sync.ts) → snapshot →
 *   the view and the panels (live-view.ts)
 */
import './style.css';
import type { LiveScene } from '../render/scene';
import type { Scenario } from '../sim/scenario';
import { createSimClient } from '../worker/client';
import { buildCompare } from './compare';
import { variantName } from './compare/variant-diff';
import { buildControls, DEFAULT_SPEED, STEP_SECONDS } from './controls';
import { h } from './dom';
import { mountEditor } from './editor/mount';
import { buildLayout } from './live/layout';
import { buildLiveView, type LiveView } from './live/live-view';
import { connectRun, type RunSync } from './live/run-sync';
import { exposeForTests } from './live/test-hooks';
import { createViewSwitch } from './live/view-switch';
import { buildGuide } from './guide';
import { buildNotices, type Notices } from './notices';
import { openDroppedFiles, readFileText, readScenarioFile } from './open-file';
import { openCalibrationFit } from './calibration-fit';
import { openStorage } from './persist';
import { mountPlanPanel } from './plan/panel';
import { PING_TIMEOUT_MS, WorkerSupervisor } from './recovery';
import { bundledScenarios, type BundledScenario } from './scenarios';
import { clearLinkHash } from './session';
import { adoptStaffing } from '../scenario/staffing';
import { followPastedLinks, openState, saveChanges, startingState } from './state/saved';
import { AppStore } from './state/store';

const DEFAULT_SEED = '1';
/** How long "the run restarted with your change" stays up. */
const EDIT_NOTICE_MS = 8000;

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Pixi is most of the page's code: loaded as its own chunk, while the worker starts up. */
async function loadScene(stage: HTMLElement): Promise<LiveScene | null> {
  try {
    const { LiveScene } = await import('../render/scene');
    return await LiveScene.create(stage);
  } catch (e) {
    stage.append(h('p', { class: 'run-error', text: `The live view needs WebGL: ${errorText(e)}` }));
    return null;
  }
}

/** The guided start: each step takes the planner to its control. */
function guideFor(root: HTMLElement, storage: Storage | null) {
  return buildGuide(storage, {
    picker: () => root.querySelector('[data-testid=scenario-picker]'),
    split: () => root.querySelector('.staffing input[data-testid^=split-]'),
    compare: () => root.querySelector('[data-testid=compare-panel]'),
  });
}

/** The worker, restarted with the store's state if it dies (src/ui/recovery.ts). */
function supervise(
  debug: boolean,
  params: URLSearchParams,
  notices: Notices,
  crashed: (r: string, n: number) => void,
) {
  return new WorkerSupervisor(createSimClient, {
    pingTimeoutMs: (debug && Number(params.get('watchdogMs'))) || PING_TIMEOUT_MS,
    onCrash: crashed,
    onGiveUp: (reason) =>
      notices.show(
        'worker',
        `The simulation worker ${reason}, again, and was not restarted. Reload the page to continue; ` +
          'your scenario and sliders are saved.',
      ),
  });
}

/** Compare and the plan, below the live view: each follows the store and saves variants to it. */
function mountPanels(main: HTMLElement, store: AppStore, nameOf: (s: Scenario) => string) {
  // the compare panel's variants, base and results are the store's: it draws them and asks for changes
  const compare = buildCompare({
    actions: store,
    variantName: nameOf,
    applyStaffing: (optimised) => {
      const s = store.scenario;
      if (s) store.commit(adoptStaffing(s, optimised), null, 'optimiser');
    },
  });
  main.append(compare.element);
  compare.update(store.data);
  store.subscribe((data) => compare.update(data));
  // a plan or an imported forecast is an edit of the current scenario (undoable; it restarts the run)
  const plan = mountPlanPanel(main, {
    getScenario: () => store.scenario,
    onApply: (s) => void store.commit(s, null, 'plan'),
    onSaveVariant: (s, n) => store.addVariant(n, s),
  });
  return { plan };
}

/** The Pixi scene (null without WebGL) and, above it, the switch between the site view and the map. */
async function mountStage(stage: HTMLElement, storage: Storage | null, notices: Notices) {
  const scene = await loadScene(stage);
  const views = createViewSwitch(
    stage,
    () => scene,
    storage,
    (m) => notices.show('map', m, 'warning'),
  );
  stage.before(views.element);
  return { scene, views };
}

async function start(root: HTMLElement): Promise<void> {
  const bundled = bundledScenarios();
  const params = new URLSearchParams(location.search);
  const debug = params.has('debug');
  const notices = buildNotices();
  const store = new AppStore(DEFAULT_SEED);
  let speed = DEFAULT_SPEED;
  const supervisor = supervise(debug, params, notices, (reason, recent) => {
    try {
      void recover(reason, recent, { store, client, live, run, notices, bundled, debug, speed: () => speed });
    } catch (e) {
      console.error(e); // before the page is assembled: the first load goes to the new worker anyway
    }
  });
  const client = supervisor.client;
  const storage = openStorage();

  const controls = buildControls(
    bundled,
    {
      scenario: (id) => {
        const found = bundled.find((s) => s.id === id);
        if (found) store.load(found.scenario, { id, file: null });
      },
      file: (f) => void openFile(f),
      playPause: () => void playPause(client, live),
      step: () => void client.step(STEP_SECONDS),
      speed: (v) => {
        speed = v;
        void client.setSpeed(v);
      },
      reset: (s) => store.setSeed(s),
    },
    DEFAULT_SEED,
  );
  // a variant is named by what changed from the scenario as loaded ("voice: Manila 75 → 100 %")
  const nameOf = (s: Scenario) => variantName(store.base, s);
  const editor = mountEditor(store, (s) => store.addVariant(nameOf(s), s));
  const page = buildLayout(root, {
    controls: controls.element,
    problems: controls.problems,
    notices: notices.element,
    editor: editor.element,
  });
  const { plan } = mountPanels(page.main, store, nameOf);
  openDroppedFiles(root, (f) => void openFile(f));
  notices.element.before(guideFor(root, storage).element); // the first visit's three steps

  const { scene, views } = await mountStage(page.stage, storage, notices);
  const live = buildLiveView({ page, scene, views, client, store, setPlaying: controls.setPlaying });
  const run = connectRun(store, client, runHooks(live, controls, notices, store));
  followStore(store, controls, plan);
  saveChanges(store, storage, notices);

  const openFile = (f: File) => openAnyFile(f, store, plan, controls);

  await go(store, client, bundled, { storage, notices, debug, controls });
  await run.idle(); // the first run is at its first picture
  root.dataset.ready = 'true';
  exposeForTests({ scene, views, client, store, idle: () => run.idle() }, debug);
}

/** The worker died and a new one was started: put the run back, as far as the store knows it. */
async function recover(
  reason: string,
  recent: number,
  p: {
    store: AppStore;
    client: ReturnType<typeof supervise>['client'];
    live: LiveView;
    run: RunSync;
    notices: Notices;
    bundled: readonly BundledScenario[];
    debug: boolean;
    speed: () => number;
  },
): Promise<void> {
  p.live.stop(); // stops polling the new worker until it has a scenario
  const fallback = recent >= 3 || !p.store.scenario; // it keeps crashing with this scenario: the default
  p.notices.show(
    'worker',
    fallback
      ? `The simulation worker ${reason}. It was restarted with the default scenario, as it failed ${recent} times in a row.`
      : `The simulation worker ${reason}. It was restarted with the current scenario, seed and sliders; the run started again from the beginning.`,
    'warning', // the work goes on; giving up (onGiveUp) is the error
  );
  try {
    await p.client.setSpeed(p.speed());
    if (p.debug) await p.client.enableDebug();
    if (fallback) p.store.load(p.bundled[0].scenario, { id: p.bundled[0].id, file: null });
    else await p.run.rerun();
  } catch (e) {
    console.error(e); // a further crash is reported (and restarted) by the supervisor itself
  }
}

/**
 * A file opened or dropped: a scenario into the store, a forecast CSV to the planner, a calibrate
 * --fit file to its chart; problems listed.
 */
async function openAnyFile(
  f: File,
  store: AppStore,
  plan: ReturnType<typeof mountPlanPanel>,
  controls: ReturnType<typeof buildControls>,
): Promise<void> {
  if (/\.csv$/i.test(f.name)) {
    const read = await readFileText(f); // the same size guard as a scenario file
    const problems = read.ok ? await plan.importForecast(read.text) : read.problems;
    if (problems.length > 0) controls.showProblems(f.name, problems);
    return;
  }
  if (await openCalibrationFit(f, (n, p) => controls.showProblems(n, p))) return; // a calibrate --fit file
  const parsed = await readScenarioFile(f);
  if (parsed.ok) store.load(parsed.scenario, { id: null, file: f.name });
  else controls.showProblems(f.name, parsed.problems);
}

async function playPause(client: ReturnType<typeof supervise>['client'], live: LiveView): Promise<void> {
  const st = await client.status();
  if (st.playing) await client.pause();
  else await client.play();
  live.showStatus(await client.status());
}

/** What the page does when a run starts or the engine refuses a scenario. */
function runHooks(
  live: LiveView,
  controls: ReturnType<typeof buildControls>,
  notices: Notices,
  store: AppStore,
) {
  let noticeTimer: ReturnType<typeof setTimeout> | undefined;
  return {
    started(meta: Parameters<LiveView['started']>[0], s: Scenario, reason: string, opensAt: number) {
      controls.clearProblems();
      if (reason === 'loaded') notices.clear('edit');
      if (reason === 'restart') {
        // routine: an edit beyond agents and split starts the run again, as the planner asked
        notices.show(
          'edit',
          'The run restarted with your change (only agents and split change it live).',
          'info',
        );
        clearTimeout(noticeTimer); // a short notice: it goes away by itself
        noticeTimer = setTimeout(() => notices.clear('edit'), EDIT_NOTICE_MS);
      }
      live.started(meta, s, opensAt);
    },
    refused(label: string, message: string) {
      const { id, file } = store.data.source;
      controls.showProblems(label, [message]);
      controls.showScenario(id, file ?? undefined, store.data.edited);
    },
  };
}

/** The parts that follow the store's scenario: the picker and the plan's targets. */
function followStore(
  store: AppStore,
  controls: ReturnType<typeof buildControls>,
  plan: ReturnType<typeof mountPlanPanel>,
): void {
  store.subscribe((data, change) => {
    if (change.kind === 'loaded' || change.kind === 'refused' || change.kind === 'edit')
      controls.showScenario(data.source.id, data.source.file ?? undefined, data.edited);
    if (change.kind === 'seed' || change.kind === 'loaded') controls.setSeed(data.seed);
    if (change.kind === 'loaded' || change.kind === 'refused' || change.kind === 'edit') plan.update();
  });
}

/** Go: a link (first) or the saved state, each checked; else the default scenario, playing. */
async function go(
  store: AppStore,
  client: ReturnType<typeof supervise>['client'],
  bundled: readonly BundledScenario[],
  p: {
    storage: Storage | null;
    notices: Notices;
    debug: boolean;
    controls: ReturnType<typeof buildControls>;
  },
): Promise<void> {
  const first = bundled[0];
  if (!first) {
    p.controls.showProblems('bundled scenarios', ['(root): no valid bundled scenario found']);
    return;
  }
  await client.setSpeed(DEFAULT_SPEED);
  if (p.debug) await client.enableDebug();
  const open = (state: Parameters<typeof openState>[1]) => openState(store, state, bundled);
  const { state, fromLink } = await startingState(p.storage, p.notices);
  if (state) open(state);
  else store.load(first.scenario, { id: first.id, file: null });
  if (fromLink) clearLinkHash();
  followPastedLinks(store, p.notices, open);
}

const root = document.getElementById('app');
if (root) {
  start(root).catch((e) => {
    console.error(e);
    root.append(h('p', { class: 'run-error', text: `Shoreline could not start: ${errorText(e)}` }));
  });
}
