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
  const { client } = createSimClient();
  const scenarios = bundledScenarios();

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
      speed: (v) => void client.setSpeed(v),
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
      runError,
      description,
      stage,
      legend(),
      figuresHost,
      chartHost,
    ),
    staffingHost,
  );

  let scene: LiveScene | null = null;
  try {
    // Pixi is most of the page's code: loaded as its own chunk, while the worker starts up
    const { LiveScene } = await import('../render/scene');
    scene = await LiveScene.create(stage);
  } catch (e) {
    stage.append(h('p', { class: 'run-error', text: `The live view needs WebGL: ${errorText(e)}` }));
  }

  // ---- actions

  async function load(next: Scenario, id: string | null, fileName: string | null): Promise<boolean> {
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
    install(m, next);
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
      staffing: (g, n) => void client.setStaffing(g, n),
      split: (c, w) => void client.setSplit(c, w),
    });
    chartHost.replaceChildren(chart.element);
    figuresHost.replaceChildren(figures.element);
    staffingHost.replaceChildren(staffing.element);
  }

  async function openFile(f: File): Promise<void> {
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
        setText(runError, st.error ? `The run stopped: ${st.error}` : '');
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
  await load(first.scenario, first.id, null);
  root.dataset.ready = 'true';
  // for the end-to-end tests and for poking at the app from the console
  (window as unknown as { shoreline: unknown }).shoreline = { scene, client };
}

const root = document.getElementById('app');
if (root) {
  start(root).catch((e) => {
    console.error(e);
    root.append(h('p', { class: 'run-error', text: `Shoreline could not start: ${errorText(e)}` }));
  });
}
