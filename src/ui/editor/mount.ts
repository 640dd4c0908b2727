/**
 * The editor as the page uses it: the panel (panel.ts), the edit flow (flow.ts: history, live change
 * or restart) and the keyboard shortcuts, joined. The page supplies how to restart the run, how to
 * move the live controls, and where a saved variant goes; everything else stays in here.
 */
import type { Scenario } from '../../sim/scenario';
import { scenarioFileText, safeFileName } from '../compare/export';
import { EditFlow } from './flow';
import { bindUndoKeys, downloadText } from './keys';
import { buildEditor, type EditorPanel } from './panel';

export interface EditorHost {
  /** loads `next` into a new run, keeping the history; false if the engine refused it */
  restart(next: Scenario): Promise<boolean>;
  /** moves the live sliders (and so the run) to `next`'s agents and split */
  live(next: Scenario): void;
  /** the scenario changed: save it (local storage, link) */
  changed(): void;
  /** "Save edited scenario as variant" */
  saveVariant(scenario: Scenario): void;
}

export interface MountedEditor {
  panel: EditorPanel;
  flow: EditFlow;
}

export function mountEditor(host: EditorHost): MountedEditor {
  const flow = new EditFlow({
    restart: (next) => host.restart(next),
    live: (next) => host.live(next),
    shown: (current, canUndo, canRedo, live) => {
      panel.show(current, canUndo, canRedo, live);
      host.changed();
    },
  });
  /** Undo drops a value the schema refused first (it never reached the run), then walks the history. */
  const undo = () => {
    const s = flow.scenario;
    if (s && panel.hasInvalidDraft()) panel.show(s, true, false);
    else void flow.undo();
  };
  const panel = buildEditor({
    commit: (next, key) => void flow.commit(next, key),
    undo,
    redo: () => void flow.redo(),
    download: () => {
      const s = flow.scenario;
      if (s) downloadText(safeFileName(s.name, 'json'), scenarioFileText(s));
    },
    saveVariant: () => {
      const s = flow.scenario;
      if (s) host.saveVariant(s);
    },
  });
  bindUndoKeys(document, panel.element, { undo, redo: () => void flow.redo() });
  return { panel, flow };
}
