/**
 * A plain-text table: a left-aligned label column and right-aligned figure columns whose cells are
 * `mean ± ci95` pairs, aligned on the "±". No dependency: cli-table3 and friends draw boxes that
 * do not paste well into e-mails and tickets, and this is forty lines.
 */
import type { EstimateText } from './format';

export interface TextTable {
  title: string;
  /** header of the label column */
  label: string;
  columns: string[];
  rows: { label: string; cells: EstimateText[] }[];
  /** index of a row to set off with a rule above it (the total) */
  ruleBefore?: number;
}

const GAP = '  ';

export function renderTable(t: TextTable): string {
  const labelWidth = Math.max(t.label.length, ...t.rows.map((r) => r.label.length));
  const widths = t.columns.map((header, c) => {
    const meanW = Math.max(0, ...t.rows.map((r) => r.cells[c].mean.length));
    const ciW = Math.max(0, ...t.rows.map((r) => r.cells[c].ci.length));
    const cellW = ciW > 0 ? meanW + 3 + ciW : meanW;
    return { meanW, ciW, width: Math.max(header.length, cellW) };
  });
  const line = (label: string, cells: string[]) =>
    (label.padEnd(labelWidth) + cells.map((c) => GAP + c).join('')).trimEnd();

  const out: string[] = [t.title];
  out.push(
    line(
      t.label,
      t.columns.map((h, c) => h.padStart(widths[c].width)),
    ),
  );
  const rule = '─'.repeat(labelWidth + widths.reduce((a, w) => a + GAP.length + w.width, 0));
  out.push(rule);
  t.rows.forEach((row, r) => {
    if (r === t.ruleBefore && r > 0) out.push(rule);
    const cells = row.cells.map((cell, c) => {
      const { meanW, ciW, width } = widths[c];
      const text =
        ciW === 0
          ? cell.mean
          : cell.ci === ''
            ? cell.mean.padStart(meanW) + ' '.repeat(3 + ciW) // no interval here ("—"): keep means aligned
            : `${cell.mean.padStart(meanW)} ± ${cell.ci.padStart(ciW)}`;
      return text.padStart(width);
    });
    out.push(line(row.label, cells));
  });
  return out.join('\n');
}
