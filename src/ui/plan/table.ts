/** The Plan panel's plain tables: a head row and rows of text cells (the results' and the week's). */
import { h, headRow } from '../dom';

/** A table of text cells. */
export function textTable(testid: string, head: string[], rows: string[][]): HTMLTableElement {
  const table = h('table', { 'data-testid': testid }, headRow(...head));
  table.append(h('tbody', {}, ...rows.map((r) => h('tr', {}, ...r.map((t) => h('td', { text: t }))))));
  return table;
}
