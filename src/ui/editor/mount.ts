/**
 * The editor as the page uses it: the panel (panel.ts) and the keyboard shortcuts, joined to the
 * store. An edit commits a scenario to the store; undo and redo walk the store's history; the panel
 * redraws from the store. How the run takes a change is not the editor's business (run-sync.ts).
 */
import type { Scenario } from '../../sim/scenario';
import { scenarioFileText, safeFileName } from '../compare/export';
import type { AppStore } from '../state/store';
import { bindUndoKeys, downloadText } from './keys';
import { buildEditor, type EditorPanel } from './panel';

export function mountEditor(store: AppStore, saveVariant: (s: Scenario) => void): EditorPanel {
  /** Undo drops a value the schema refused first (it never reached the store), then walks the history. */
  const undo = () => {
    const s = store.scenario;
    if (s && panel.hasInvalidDraft()) panel.show(s, true, false);
    else store.undo();
  };
  const redo = () => void store.redo();
  const panel = buildEditor({
    commit: (next, key) => void store.commit(next, key, 'editor'),
    undo,
    redo,
    download: () => {
      const s = store.scenario;
      if (s) downloadText(safeFileName(s.name, 'json'), scenarioFileText(s));
    },
    saveVariant: () => {
      const s = store.scenario;
      if (s) saveVariant(s);
    },
  });
  store.subscribe((data, change) => {
    if (data.scenario && change.kind !== 'seed' && change.kind !== 'variants')
      panel.show(data.scenario, data.canUndo, data.canRedo, change.kind === 'edit' && change.live);
  });
  bindUndoKeys(document, panel.element, { undo, redo });
  return panel;
}
