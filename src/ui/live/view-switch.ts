/**
 * Which live view draws the run: the floor (src/render/scene.ts, always there) or the map
 * (src/render/map/map-scene.ts, loaded with a dynamic import the first time it is shown, so a page
 * that never opens it downloads none of it). Switching never touches the worker: the run goes on, and
 * the view that comes back is handed the latest snapshot at once.
 *
 * The hidden view stops drawing and gets no snapshots, so only one scene draws at a time. The shown
 * one draws every frame while the run plays and on a change only while it does not
 * (src/render/draw-loop.ts).
 * main.ts hands every snapshot, meta and outcome here; this keeps the latest of each for a map that
 * is still loading.
 */
import type { LiveScene } from '../../render/scene';
import type { MapScene } from '../../render/map/map-scene';
import type { MapPlaces } from '../../render/map/places';
import type { ReplicationOutcome } from '../../sim/result';
import type { Scenario } from '../../sim/scenario';
import type { SimulationMeta, Snapshot } from '../../sim/snapshot';
import { buildViewToggle, readViewChoice, saveViewChoice, type LiveViewKind } from '../view-toggle';

export interface ViewSwitch {
  element: HTMLElement;
  readonly view: LiveViewKind;
  /** the map, once loaded (tests and the bench read its counters) */
  readonly map: MapScene | null;
  /** frames per second of the view on screen */
  fps(): number | null;
  setMeta(meta: SimulationMeta, scenario: Scenario): void;
  snapshot(snap: Snapshot): void;
  outcome(o: ReplicationOutcome): void;
  /** the run plays (the view draws every frame) or is paused or finished (it draws on change only) */
  setPlaying(playing: boolean): void;
  /** resolves when the view on screen is ready (the map may still be loading) */
  ready(): Promise<void>;
}

/** What the switch knows: the view shown, the map once loaded, and the run's latest state for it. */
interface SwitchState {
  view: LiveViewKind;
  map: MapScene | null;
  loading: Promise<void> | null;
  meta: SimulationMeta | null;
  places: MapPlaces | null;
  scenario: Scenario | null;
  last: Snapshot | null;
  outcome: ReplicationOutcome | null;
  playing: boolean;
  placesOf: ((s: Scenario) => MapPlaces) | null;
}

/** Loads the map's code and scene once (a failure is reported and may be tried again), brought up to date. */
function loadMap(st: SwitchState, stage: HTMLElement, onError: (message: string) => void): Promise<void> {
  return (st.loading ??= (async () => {
    const [{ MapScene }, { mapPlaces }] = await Promise.all([
      import('../../render/map/map-scene'),
      import('../../render/map/places'),
    ]);
    st.placesOf = mapPlaces;
    const map = await MapScene.create(stage);
    st.map = map;
    if (st.meta && st.scenario) {
      st.places = st.placesOf(st.scenario);
      map.setMeta(st.meta, st.places);
    }
    if (st.last) map.setSnapshot(st.last);
    if (st.outcome) map.setOutcome(st.outcome);
    map.setPlaying(st.playing);
    map.setShown(st.view === 'map');
  })().catch((e) => {
    st.loading = null;
    onError(`The map could not be shown: ${e instanceof Error ? e.message : String(e)}`);
  }));
}

/** Shows the floor or the map: the hidden one stops drawing, the shown one gets the latest snapshot. */
function showView(st: SwitchState, next: LiveViewKind, f: LiveScene | null, load: () => Promise<void>): void {
  st.view = next;
  if (next === 'map') {
    f?.setShown(false);
    if (st.map) {
      st.map.setShown(true);
      if (st.last) st.map.setSnapshot(st.last);
    } else void load();
  } else {
    st.map?.setShown(false);
    if (f) {
      f.setShown(true);
      if (st.last) f.setSnapshot(st.last, true);
    }
  }
}

export function createViewSwitch(
  stage: HTMLElement,
  floor: () => LiveScene | null,
  storage: Storage | null,
  onError: (message: string) => void,
): ViewSwitch {
  const st: SwitchState = {
    view: readViewChoice(storage),
    map: null,
    loading: null,
    meta: null,
    places: null,
    scenario: null,
    last: null,
    outcome: null,
    playing: false,
    placesOf: null,
  };
  const load = () => loadMap(st, stage, onError);
  const show = (next: LiveViewKind) => {
    saveViewChoice(storage, next);
    showView(st, next, floor(), load);
  };

  const toggle = buildViewToggle(st.view, show);
  if (st.view === 'map') show('map');

  return {
    element: toggle.element,
    get view() {
      return st.view;
    },
    get map() {
      return st.map;
    },
    fps: () => (st.view === 'map' ? (st.map?.fps ?? null) : (floor()?.fps ?? null)),
    setMeta(m, s) {
      Object.assign(st, { meta: m, scenario: s, last: null, outcome: null });
      if (st.map && st.placesOf) {
        st.places = st.placesOf(s);
        st.map.setMeta(m, st.places);
      }
    },
    snapshot(snap) {
      st.last = snap;
      if (st.view === 'map') st.map?.setSnapshot(snap);
      else floor()?.setSnapshot(snap);
    },
    outcome(o) {
      st.outcome = o;
      st.map?.setOutcome(o);
    },
    setPlaying(playing) {
      if (playing === st.playing) return;
      st.playing = playing;
      floor()?.setPlaying(playing);
      st.map?.setPlaying(playing);
    },
    ready: async () => {
      if (st.view === 'map') await load();
    },
  };
}
