/**
 * What leaves the panel: the comparison as CSV and JSON (the shapes of `sim compare --csv/--json`),
 * the current scenario with the sliders as a file the CLI runs, and a link that carries the whole
 * state (src/share/url-state.ts; restored on load by src/ui/persist.ts).
 */
import type { Scenario } from '../../sim';
import { encodeState } from '../../share/url-state';
import { h, setText } from '../dom';
import { comparisonCsv, comparisonExport, comparisonJson, safeFileName, scenarioFileText } from './export';
import type { CompareState, ComparisonRun } from '../state/compare';
import type { AppState } from './state';
import { download, errorText } from './widgets';

export interface ResultDownloads {
  element: HTMLElement;
  update(state: CompareState): void;
}

/** "Download CSV" and "Download JSON" of the last comparison. */
export function buildResultDownloads(): ResultDownloads {
  let run: ComparisonRun | null = null;
  const csv = h('button', { type: 'button', text: 'Download CSV', 'data-testid': 'export-csv' });
  const json = h('button', { type: 'button', text: 'Download JSON', 'data-testid': 'export-json' });
  csv.addEventListener('click', () => {
    if (run) download('shoreline-comparison.csv', comparisonCsv(run.result), 'text/csv');
  });
  json.addEventListener('click', () => {
    if (run)
      download(
        'shoreline-comparison.json',
        comparisonJson(comparisonExport(run.result, run.seed)),
        'application/json',
      );
  });
  return {
    element: h('div', { class: 'cmp-buttons' }, csv, json),
    update(state) {
      run = state.comparison;
    },
  };
}

export interface ShareHandlers {
  /** the loaded scenario with the sliders written in (null before the first load) */
  current(): Scenario | null;
  /** the whole state for a link (null before the first load) */
  state(): AppState | null;
}

/** "Download scenario with sliders" and "Copy link". */
export function buildShare(on: ShareHandlers): { element: HTMLElement } {
  const scenarioBtn = h('button', {
    type: 'button',
    text: 'Download scenario with sliders',
    'data-testid': 'export-scenario',
  });
  const linkBtn = h('button', { type: 'button', text: 'Copy link', 'data-testid': 'copy-link' });
  const status = h('span', { class: 'note', 'aria-live': 'polite', 'data-testid': 'share-status' });
  scenarioBtn.addEventListener('click', () => {
    const s = on.current();
    if (s) download(safeFileName(`${s.name}-sliders`, 'json'), scenarioFileText(s), 'application/json');
  });
  linkBtn.addEventListener('click', () => void copyLink());
  async function copyLink(): Promise<void> {
    const state = on.state();
    if (!state) return;
    try {
      const encoded = await encodeState(state);
      // replaceState: the address shows the link without a hashchange event (nor a history entry)
      history.replaceState(history.state, '', `#s=${encoded}`);
      let copied = false;
      try {
        if (navigator.clipboard) {
          await navigator.clipboard.writeText(location.href);
          copied = true;
        }
      } catch {
        // no permission (or not a secure context): the link is in the address bar all the same
      }
      const size = Math.ceil(location.href.length / 1024);
      setText(status, `${copied ? 'Link copied' : 'Link in the address bar'} (${size} KB).`);
    } catch (e) {
      setText(status, `Could not make a link: ${errorText(e)}`);
    }
  }
  return { element: h('div', { class: 'cmp-buttons' }, scenarioBtn, linkBtn, status) };
}
