/**
 * The calibration's fit in the app: a `calibrate --fit` file opened or dropped on the page shows its
 * chart (observed points over the simulated band, per interval; src/calibrate/fit-chart.ts) in a
 * dialog, one per channel. A NEW file with a one-line hook in main.ts's openFile, so that it stays
 * out of the way of the UI's refactor; it reads nothing of the page's state and writes none.
 */
import { fitChartSvg, isFitFile } from '../calibrate/fit-chart';
import { readFileText } from './open-file';

/** The dialog for a parsed fit file: `{ element, update(file) }` as the other components. */
export function buildCalibrationFit(file: unknown): {
  element: HTMLDialogElement;
  update(file: unknown): void;
} {
  const element = document.createElement('dialog');
  element.className = 'calibration-fit';
  element.setAttribute('aria-label', 'Calibration fit');
  const update = (f: unknown) => {
    if (!isFitFile(f)) return;
    const close = document.createElement('button');
    close.type = 'button';
    close.textContent = 'Close';
    close.addEventListener('click', () => element.close());
    const charts = f.fit.channels.map((_, i) => {
      const box = document.createElement('div');
      box.innerHTML = fitChartSvg(f, i); // our own markup: numbers computed, file text escaped
      return box;
    });
    element.replaceChildren(close, ...charts);
  };
  update(file);
  return { element, update };
}

/**
 * If `f` is a calibrate --fit file, shows its chart and returns true; otherwise false (the caller
 * goes on to open it as a scenario). A fit file that cannot be drawn is reported like a bad scenario.
 */
export async function openCalibrationFit(
  f: File,
  showProblems: (name: string, problems: string[]) => void,
): Promise<boolean> {
  if (!/\.json$/i.test(f.name)) return false;
  const read = await readFileText(f);
  if (!read.ok) return false;
  let parsed: unknown;
  try {
    parsed = JSON.parse(read.text);
  } catch {
    return false;
  }
  if (!isFitFile(parsed)) return false;
  try {
    const dialog = buildCalibrationFit(parsed).element;
    dialog.addEventListener('close', () => dialog.remove());
    document.body.append(dialog);
    dialog.showModal();
  } catch (e) {
    showProblems(f.name, [
      `(root): not a calibration fit that can be drawn (${e instanceof Error ? e.message : String(e)})`,
    ]);
  }
  return true;
}
