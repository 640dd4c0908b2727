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
import { parseScenarioText } from '../scenario/validate';
import type { ChannelKind, Scenario } from '../sim/scenario';
import { HEADER, SITE, SnapshotView, type SimulationMeta, type Snapshot } from '../sim/snapshot';
import type { LiveScene } from '../render/scene';
import { createSimClient } from '../worker/client';
import { buildChart, type IntervalChart } from './chart';
import { buildControls, DEFAULT_SPEED, STEP_SECONDS } from './controls';
import { h, setText } from './dom';
import { ErlangEstimator } from './erlang';
import { fmtInt, fmtSimClock } from './format';
import { applySliders as slidersIntoScenario, groupPeaks } from './compare/sliders';
import { scenarioFileText, safeFileName } from './compare/export';
import { emptySliders, groupKey } from './compare/state';
import { buildEditor } from './editor/panel';
import { EditFlow } from './editor/flow';
import { bindUndoKeys, downloadText } from './editor/keys';
import { effectiveSplit } from './editor/routing';
import { buildLegend } from './live/legend';
import { firstWorkSecond, warmUpText } from './live/first-frame';
import { startPolling } from './live/poller';
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
import { applySliders, bundledIdFor, clearLinkHash, fileSizeProblem } from './session';
// ---- end robustness

const DEFAULT_SEED = '1';

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

  // ---- the scenario as edited: one history, one decision between a live change and a restart
  /** while the staffing panel is moved to match the scenario (undo), its events only reach the worker */
  let syncing = false;
  const flow = new EditFlow({
    restart: async (next) => {
      const ok = await load(next, null, next.name, undefined, true);
      if (ok)
        notices.show('edit', 'The run restarted with your change (only agents and split change it live).');
      return ok;
    },
    live: (next) => {
      if (!staffing || !meta) return;
      syncing = true;
      applySliders(staffing.element, meta, slidersOf(next));
      syncing = false;
    },
    shown: (current, canUndo, canRedo) => {
      editor.show(current, canUndo, canRedo);
      changed();
    },
  });
  /** The scenario the run plays (with the slider moves in it). */
  function current(): Scenario | null {
    return flow.scenario;
  }
  const editor = buildEditor({
    commit: (next, key) => void flow.commit(next, key),
    undo: () => void undo(),
    redo: () => void flow.redo(),
    download: () => {
      const s = current();
      if (s) downloadText(safeFileName(s.name, 'json'), scenarioFileText(s));
    },
    saveVariant: () => {
      const s = current();
      if (!s) return;
      const name = `${s.name} (edited ${variants.length + 1})`;
      // compare panel (other branch): addVariant(name, scenario); before it lands, set the list
      const panel = compare as typeof compare & { addVariant?: (n: string, sc: Scenario) => void };
      if (panel.addVariant) panel.addVariant(name, s);
      else {
        variants = [...variants, { name, scenario: s }];
        compare.setVariants(variants);
        changed();
      }
    },
  });
  /** Undo drops a value the schema refused first (it never reached the run), then walks the history. */
  async function undo(): Promise<void> {
    const s = current();
    if (s && editor.hasInvalidDraft()) editor.show(s, true, false);
    else await flow.undo();
  }
  bindUndoKeys(document, { undo: () => void undo(), redo: () => void flow.redo() });

  /** The staffing panel's slider values for a scenario: every group's peak, each split in percent. */
  function slidersOf(s: Scenario): SliderState {
    const out: SliderState = { agents: Object.fromEntries(groupPeaks(s)), splits: {} };
    for (const kind of Object.keys(s.channels) as ChannelKind[]) {
      const split = effectiveSplit(s, kind);
      const total = Object.values(split).reduce((a, b) => a + b, 0) || 1;
      out.splits[kind] = Object.fromEntries(
        Object.entries(split).map(([id, w]) => [id, Math.round((w / total) * 100)]),
      );
    }
    return out;
  }

  // ---- page skeleton
  const name = h('span', { class: 'scenario-name', 'data-testid': 'scenario-name' });
  const clock = h('span', { class: 'clock', 'data-testid': 'sim-clock', 'aria-live': 'off' });
  const agents = h('span', { 'data-testid': 'agents-logged-in' });
  const fps = h('span', { class: 'dim', 'data-testid': 'fps' });
  const runError = h('p', { class: 'run-error', role: 'alert', 'data-testid': 'run-error', hidden: true });
  const description = h('p', { class: 'description' });
  const warmUp = h('p', { class: 'note', 'data-testid': 'warm-up-note', hidden: true });
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
      warmUp,
      stage,
      buildLegend(),
      figuresHost,
      chartHost,
      editor.element,
    ),
    staffingHost,
  );

  // ---- compare panel (src/ui/compare): variants, sweep, optimiser, exports — below the live view
  const compare = mountCompare(root.querySelector<HTMLElement>('main.main')!, {
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

  let scene: LiveScene | null = null;
  try {
    // Pixi is most of the page's code: loaded as its own chunk, while the worker starts up
    const { LiveScene } = await import('../render/scene');
    scene = await LiveScene.create(stage);
  } catch (e) {
    stage.append(h('p', { class: 'run-error', text: `The live view needs WebGL: ${errorText(e)}` }));
  }

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
  ): Promise<boolean> {
    const gen = ++generation;
    let m: SimulationMeta;
    try {
      m = await client.load(next, seed);
      await openOnWork(m, next);
    } catch (e) {
      // the engine refused it: the previous run is still loaded in the worker and keeps going
      controls.showProblems(fileName ?? id ?? 'scenario', [errorText(e)]);
      if (meta) controls.showScenario(currentId, currentFile ?? undefined);
      return false;
    }
    if (gen !== generation) return false; // a later load overtook this one
    controls.clearProblems();
    if (!edited) notices.clear('edit');
    currentId = id;
    currentFile = fileName;
    controls.showScenario(id, fileName ?? undefined);
    if (!edited) flow.loaded(next);
    install(m, next);
    // robustness: sliders restored from storage, a link or a crashed worker, sent before play()
    if (restore && staffing) applySliders(staffing.element, m, restore);
    changed();
    await client.play();
    return true;
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
    chart?.destroy();
    chart = buildChart(m);
    figures = buildFigures(m);
    staffing = buildStaffing(m, new ErlangEstimator(next), {
      staffing: (g, n) => {
        void client.setStaffing(g, n);
        const s = current();
        const grp = m.groups[g];
        if (syncing || !s || !grp) return;
        const key = groupKey(m.sites[grp.site].id, grp.id);
        const next = slidersIntoScenario(s, { agents: { [key]: n }, splits: {} }).scenario;
        void flow.commit(next, `agents:${key}`, 'slider');
      },
      split: (c, w) => {
        void client.setSplit(c, w);
        const s = current();
        const ch = m.channels[c];
        if (syncing || !s || !ch) return;
        const bySite = Object.fromEntries(Object.keys(effectiveSplit(s, ch.kind)).map((id) => [id, 0]));
        m.sites.forEach((site, i) => {
          if (site.id in bySite) bySite[site.id] = w[i] ?? 0;
        });
        const next = slidersIntoScenario(s, { agents: {}, splits: { [ch.kind]: bySite } }).scenario;
        void flow.commit(next, `split:${ch.kind}`, 'slider');
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
    chart?.destroy();
    chart = buildChart(m);
    chartHost.replaceChildren(chart.element);
  }

  // ---- polling: the worker's run → the view (src/ui/live/poller.ts)

  function showStatus(st: { playing: boolean; done: boolean; error: string | null }): void {
    controls.setPlaying(st.playing, st.done);
    runError.hidden = !st.error;
    setText(
      runError,
      st.error
        ? `The run stopped: ${st.error}. Choose another scenario, or change the sliders and press Reset.`
        : '',
    );
  }
  startPolling(client, {
    current: () => (meta ? { meta, generation } : null),
    snapshot: (snap) => {
      lastSnap = snap;
      scene?.setSnapshot(snap);
      setText(clock, fmtSimClock(new SnapshotView(snap).header(HEADER.now)));
    },
    outcome: (o) => {
      figures?.update(o.outcome);
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
      if (scene) setText(fps, `${Math.round(scene.fps)} fps`);
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
