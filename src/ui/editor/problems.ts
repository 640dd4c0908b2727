/**
 * Where the editor shows what the schema refused: each problem at its field (by path, or the nearest
 * enclosing block that has a place for errors), the rest in the summary; and numbers put back into
 * the fields in place, for a live change (a slider being dragged) that does not redraw the form.
 */
import { h, setText } from '../dom';
import { getAt, type Path } from './edits';

/** "sites[0].cost.hourlyRate" → itself, "sites[0].cost", "sites[0]", "sites". */
export function ancestors(path: string): string[] {
  const out = [path];
  for (let p = path; ;) {
    const m = /(\.[^.[\]]+|\[[^\]]*\])$/.exec(p);
    if (!m || m.index === 0) break;
    p = p.slice(0, m.index);
    out.push(p);
  }
  return out;
}

export function clearProblemsIn(element: HTMLElement, summary: HTMLElement): void {
  for (const el of element.querySelectorAll('[data-error-for]')) setText(el, '');
  for (const el of element.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  summary.hidden = true;
  summary.replaceChildren();
}

/** Each problem at the field with its path, or the nearest enclosing block; the rest in the summary. */
export function showProblemsIn(
  element: HTMLElement,
  summary: HTMLElement,
  problems: readonly string[],
): void {
  clearProblemsIn(element, summary);
  const unplaced: string[] = [];
  for (const line of problems) {
    const at = line.indexOf(': ');
    const path = at > 0 ? line.slice(0, at) : '(root)';
    const message = at > 0 ? line.slice(at + 2) : line;
    let target: Element | null = null;
    for (const p of ancestors(path)) {
      target = element.querySelector(`[data-error-for="${CSS.escape(p)}"]`);
      if (target) break;
    }
    if (!target) {
      unplaced.push(line);
      continue;
    }
    target.textContent = (target.textContent ? `${target.textContent}; ` : '') + `${path}: ${message}`;
    const control = document.getElementById(target.id.replace(/:error$/, ''));
    control?.setAttribute('aria-invalid', 'true');
    target.closest('details')?.setAttribute('open', '');
  }
  summary.replaceChildren(
    h('p', {
      text: `${problems.length} problem${problems.length === 1 ? '' : 's'}: not applied, the run keeps going.`,
    }),
    ...(unplaced.length ? [h('ul', {}, ...unplaced.map((l) => h('li', { text: l })))] : []),
  );
  summary.hidden = false;
}

/** New numbers into the number fields (not the one being typed in). */
export function patchNumbers(body: HTMLElement, draft: unknown): void {
  for (const input of body.querySelectorAll<HTMLInputElement>('input[data-json-path]')) {
    if (input === document.activeElement) continue;
    const v = getAt(draft as never, JSON.parse(input.dataset.jsonPath!) as Path);
    const text = typeof v === 'number' ? String(+(v * Number(input.dataset.scale ?? 1)).toPrecision(12)) : '';
    if (input.value !== text) input.value = text;
  }
}
