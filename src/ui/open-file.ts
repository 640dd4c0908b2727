/**
 * Reading a scenario file the planner opened: refused by size before it is read (robustness), then
 * parsed and checked by the same schema as the CLI. Problems come back as `path: message` lines.
 */
import { parseScenarioText, type ScenarioResult } from '../scenario/validate';
import { fileSizeProblem } from './session';

export async function readScenarioFile(f: File): Promise<ScenarioResult> {
  const tooLarge = fileSizeProblem(f.size);
  if (tooLarge) return { ok: false, problems: [tooLarge] };
  let text: string;
  try {
    text = await f.text();
  } catch (e) {
    return {
      ok: false,
      problems: [`(root): could not be read: ${e instanceof Error ? e.message : String(e)}`],
    };
  }
  return parseScenarioText(text);
}

/** A file dropped anywhere on `root` (not caught by a drop zone inside it) goes to `open`. */
export function openDroppedFiles(root: HTMLElement, open: (f: File) => void): void {
  root.addEventListener('dragover', (e) => e.preventDefault());
  root.addEventListener('drop', (e) => {
    e.preventDefault();
    const f = e.dataTransfer?.files?.[0];
    if (f) open(f);
  });
}
