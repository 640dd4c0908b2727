/**
 * The Plan panel's forecast import: a CSV dropped on the panel or chosen with the file button. After
 * an import it confirms what was read — rows, days and the volume per day of each channel — and lists
 * the problems of a bad file; the problem box is hidden until there is a problem.
 */
import type { ForecastImport } from '../../plan/forecast';
import { h } from '../dom';

export interface ForecastView {
  element: HTMLElement;
  /** after an import: its summary, or its problems */
  show(r: { ok: true; value: ForecastImport } | { ok: false; problems: string[] }): void;
}

const volume = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 1 });

/** "12 rows, 2 days: voice 1,300 a day, chat 400 a day" */
export function forecastSummary(f: ForecastImport): string {
  const days = Math.max(1, f.dates.length);
  const perChannel = f.channels.map((c) => `${c.channel} ${volume(c.volumePerDay)} a day`).join(', ');
  return (
    `Imported ${f.rows} ${f.rows === 1 ? 'row' : 'rows'}, ${days} ${days === 1 ? 'day' : 'days'}: ` +
    `${perChannel || 'no volume'}.`
  );
}

export function buildForecastView(
  panel: HTMLElement,
  importForecast: (csv: string) => Promise<string[]>,
): ForecastView {
  const file = h('input', {
    type: 'file',
    accept: '.csv,text/csv',
    'aria-label': 'Forecast CSV file',
    'data-testid': 'plan-forecast-file',
  });
  const note = h('p', {
    class: 'plan-drop',
    text: 'Drop a forecast CSV here (start, channel, volume, handleTime) or ',
  });
  note.append(file);
  const summary = h('p', {
    class: 'plan-import',
    'data-testid': 'plan-forecast-summary',
    'aria-live': 'polite',
  });
  const problems = h('ul', { class: 'problems', 'data-testid': 'plan-forecast-problems', hidden: true });
  const readFile = (f: File | undefined) => void f?.text().then(importForecast);
  file.addEventListener('change', () => readFile(file.files?.[0]));
  panel.addEventListener('dragover', (e) => e.preventDefault());
  panel.addEventListener('drop', (e) => {
    e.preventDefault();
    e.stopPropagation(); // the page's own drop handler would import it a second time
    readFile(e.dataTransfer?.files?.[0]);
  });
  return {
    element: h('div', {}, note, summary, problems),
    show(r) {
      problems.replaceChildren(...(r.ok ? [] : r.problems.map((p) => h('li', { text: p }))));
      problems.hidden = r.ok;
      summary.textContent = r.ok ? forecastSummary(r.value) : '';
    },
  };
}
