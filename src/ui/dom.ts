/** A few DOM helpers, so the UI code reads as structure rather than createElement calls. */

type Attrs = Record<string, string | number | boolean | undefined>;

/** Creates an element with attributes (`text` sets textContent) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Node | string | null | undefined)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k === 'text') el.textContent = String(v);
    else if (k === 'class') el.className = String(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined) el.append(c);
  return el;
}

/** A table head of column headers: strings become `<th scope="col">`, elements are used as they are. */
export function headRow(...cells: (string | HTMLTableCellElement)[]): HTMLTableSectionElement {
  return h(
    'thead',
    {},
    h('tr', {}, ...cells.map((c) => (typeof c === 'string' ? h('th', { scope: 'col', text: c }) : c))),
  );
}

/** Sets textContent only when it changed (avoids needless layout work at display rate). */
export function setText(el: Element, s: string): void {
  if (el.textContent !== s) el.textContent = s;
}

let nextId = 0;
/** A unique id for pairing a <label for> with its control. */
export function uid(prefix: string): string {
  return `${prefix}-${++nextId}`;
}
