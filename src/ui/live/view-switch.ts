/**
 * Which live view draws the run: the floor (src/render/scene.ts, always there) or the map
 * (src/render/map/map-scene.ts, loaded with a dynamic import the first time it is shown, so a page
 * that never opens it downloads none of it). Switching never touches the worker: the run goes on, and
 * the view that comes back is handed the latest snapshot at once.
 *
 * The hidden view stops drawing (the floor's Pixi ticker, the map's animation frames) and gets no
 * snapshots, so only one scene draws at a time.
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
  /** resolves when the view on screen is ready (the map may still be loading) */
  ready(): Promise<void>;
}

export function createViewSwitch(
  stage: HTMLElement,
  floor: () => LiveScene | null,
  storage: Storage | null,
  onError: (message: string) => void,
): ViewSwitch {
  let view: LiveViewKind = readViewChoice(storage);
  let map: MapScene | null = null;
  let loading: Promise<void> | null = null;
  let meta: SimulationMeta | null = null;
  let places: MapPlaces | null = null;
  let scenario: Scenario | null = null;
  let last: Snapshot | null = null;
  let outcome: ReplicationOutcome | null = null;
  let placesOf: ((s: Scenario) => MapPlaces) | null = null;

  const loadMap = (): Promise<void> =>
    (loading ??= (async () => {
      const [{ MapScene }, { mapPlaces }] = await Promise.all([
        import('../../render/map/map-scene'),
        import('../../render/map/places'),
      ]);
      placesOf = mapPlaces;
      map = await MapScene.create(stage);
      if (meta && scenario) {
        places = placesOf(scenario);
        map.setMeta(meta, places);
      }
      if (last) map.setSnapshot(last);
      if (outcome) map.setOutcome(outcome);
      map.setShown(view === 'map');
    })().catch((e) => {
      loading = null;
      onError(`The map could not be shown: ${e instanceof Error ? e.message : String(e)}`);
    }));

  const show = (next: LiveViewKind) => {
    view = next;
    saveViewChoice(storage, next);
    const f = floor();
    if (next === 'map') {
      f?.app.ticker.stop();
      if (map) {
        map.setShown(true);
        if (last) map.setSnapshot(last);
      } else void loadMap();
    } else {
      map?.setShown(false);
      if (f) {
        f.app.ticker.start();
        if (last) f.setSnapshot(last, true);
      }
    }
  };

  const toggle = buildViewToggle(view, show);
  if (view === 'map') show('map');

  return {
    element: toggle.element,
    get view() {
      return view;
    },
    get map() {
      return map;
    },
    fps: () => (view === 'map' ? (map?.fps ?? null) : (floor()?.fps ?? null)),
    setMeta(m, s) {
      meta = m;
      scenario = s;
      last = null;
      outcome = null;
      if (map && placesOf) {
        places = placesOf(s);
        map.setMeta(m, places);
      }
    },
    snapshot(snap) {
      last = snap;
      if (view === 'map') map?.setSnapshot(snap);
      else floor()?.setSnapshot(snap);
    },
    outcome(o) {
      outcome = o;
      map?.setOutcome(o);
    },
    ready: async () => {
      if (view === 'map') await loadMap();
    },
  };
}
