/**
 * Reading a file the planner opened or dropped: refused by size before it is read (robustness); a
 * scenario is then parsed and checked by the same schema as the CLI. Problems come back as
 * `path: message` lines.
 */
import { parseScenarioText, type ScenarioResult } from '../scenario/validate';
import { fileSizeProblem } from './session';

/** The file's text, or why it was not read (too large, or unreadable). */
export async function readFileText(
  f: File,
): Promise<{ ok: true; text: string } | { ok: false; problems: string[] }> {
  const tooLarge = fileSizeProblem(f.size);
  if (tooLarge) return { ok: false, problems: [tooLarge] };
  try {
    return { ok: true, text: await f.text() };
  } catch (e) {
    return {
      ok: false,
      problems: [`(root): could not be read: ${e instanceof Error ? e.message : String(e)}`],
    };
  }
}

export async function readScenarioFile(f: File): Promise<ScenarioResult> {
  const read = await readFileText(f);
  return read.ok ? parseScenarioText(read.text) : read;
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
