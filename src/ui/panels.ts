/**
 * The live figures so far, per channel, per site and in total (SPEC §6), from LiveRun.outcome().
 * One table; rows are built once per run and only their cells' text changes afterwards.
 */
import type { OutcomeValues, ReplicationOutcome } from '../sim/result';
import type { SimulationMeta } from '../sim/snapshot';
import { h, setText, headRow } from './dom';
import { fmtCurrency, fmtInt, fmtPercent, fmtSeconds } from '../format/figures';
import { mixesLiveAndDeferred } from '../optimise/compare';

interface Column {
  key: keyof OutcomeValues;
  label: string;
  title: string;
  fmt(x: number | null): string;
}

/** The columns, costs in the scenario's currency (issue 27: every cost says its currency). */
const columns = (currency: string): Column[] => [
  { key: 'offered', label: 'Offered', title: 'contacts that arrived', fmt: fmtInt },
  { key: 'handled', label: 'Handled', title: 'contacts answered by an agent', fmt: fmtInt },
  {
    key: 'serviceLevel',
    label: 'Service level',
    title: 'handled within target ÷ (handled + abandoned after target)',
    fmt: (x) => fmtPercent(x),
  },
  { key: 'asa', label: 'ASA', title: 'mean wait of handled contacts', fmt: fmtSeconds },
  {
    key: 'abandonRate',
    label: 'Abandon',
    title: 'abandoned ÷ (handled + abandoned)',
    fmt: (x) => fmtPercent(x),
  },
  {
    key: 'occupancy',
    label: 'Occupancy',
    title: 'busy agent time ÷ available agent time',
    fmt: (x) => fmtPercent(x),
  },
  { key: 'backlog', label: 'Backlog', title: 'contacts waiting now', fmt: fmtInt },
  {
    key: 'closedAttempts',
    label: 'Closed',
    title: 'live contacts turned away because no site was open (not in offered)',
    fmt: fmtInt,
  },
  {
    key: 'contactsPerIssue',
    label: 'Contacts / issue',
    title: 'contacts of the issues raised so far ÷ those issues, resolved or not (per channel)',
    fmt: (x) => (x === null ? fmtInt(x) : x.toFixed(2)),
  },
  {
    key: 'cost',
    label: `Cost (${currency})`,
    title: 'labour + telecom + fees so far',
    fmt: (x) => fmtCurrency(x, currency),
  },
  {
    key: 'costPerOwnedIssue',
    label: 'Cost / owned issue',
    title:
      'per site: every contact of the issues whose first contact it handled, wherever handled, ÷ those issues',
    fmt: (x) => fmtCurrency(x, currency, true),
  },
  {
    key: 'costPerResolved',
    label: 'Cost / resolved',
    title: 'cost so far ÷ resolved issues',
    fmt: (x) => fmtCurrency(x, currency, true),
  },
];

export interface FiguresPanel {
  element: HTMLElement;
  update(outcome: ReplicationOutcome): void;
}

export function buildFigures(meta: SimulationMeta, currency = 'USD'): FiguresPanel {
  const COLUMNS = columns(currency);
  type Row = { cells: HTMLTableCellElement[]; pick(o: ReplicationOutcome): OutcomeValues | undefined };
  const rows: { tr: HTMLTableRowElement; row: Row }[] = [];
  const addRow = (label: string, cls: string, testid: string, pick: Row['pick']) => {
    const cells = COLUMNS.map((c) => h('td', { 'data-key': c.key }));
    const tr = h(
      'tr',
      { class: cls, 'data-testid': testid },
      h('th', { scope: 'row', text: label }),
      ...cells,
    );
    rows.push({ tr, row: { cells, pick } });
  };
  for (const ch of meta.channels)
    addRow(ch.kind, 'channel', `fig-channel-${ch.kind}`, (o) => o.channels[ch.kind]);
  for (const site of meta.sites) {
    addRow(`${site.name} (${site.location})`, 'site', `fig-site-${site.id}`, (o) => o.sites[site.id]);
  }
  // (issue 27) voice or chat beside e-mail or social: an all-channel SL, ASA would blend waits of
  // seconds with waits of hours, so the total row leaves them out
  const blended = mixesLiveAndDeferred(meta.channels.map((c) => c.kind));
  addRow('total', 'total', 'fig-total', (o) =>
    blended ? { ...o.total, serviceLevel: null, asa: null } : o.total,
  );

  const element = h(
    'table',
    { class: 'figures' },
    h('caption', { text: 'So far in this run' }),
    headRow('', ...COLUMNS.map((c) => h('th', { scope: 'col', title: c.title, text: c.label }))),
    h('tbody', {}, ...rows.map((r) => r.tr)),
  );

  return {
    element,
    update(outcome) {
      for (const { row } of rows) {
        const values = row.pick(outcome);
        COLUMNS.forEach((c, i) => setText(row.cells[i], values ? c.fmt(values[c.key]) : '–'));
      }
    },
  };
}
