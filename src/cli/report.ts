/**
 * The result as text tables (stdout of `sim`): a header line, outcomes by channel, outcomes by site,
 * each closed by a total line. Deterministic — no timings — so the same seed prints the same text.
 */
import type { ClassKey, Estimate, OutcomeKey, Outcomes, Scenario, SimulationResult } from '../sim';
import { formatEstimate, formatNumber, STYLES, type NumberStyle } from './format';
import { renderTable, type TextTable } from './table';

interface Column {
  key: OutcomeKey;
  header: string;
  style: NumberStyle;
}

const col = (key: OutcomeKey, header: string, style: NumberStyle): Column => ({ key, header, style });

/** By channel. Split in two panels so that each fits a terminal even with "± ci95" in every cell. */
export const CHANNEL_PANELS: { title: string; columns: Column[] }[] = [
  {
    title: 'Service by channel',
    columns: [
      col('offered', 'offered', STYLES.count),
      col('handled', 'handled', STYLES.count),
      col('abandoned', 'abandoned', STYLES.count),
      col('backlog', 'backlog', STYLES.count),
      col('serviceLevel', 'SL %', STYLES.percent),
      col('asa', 'ASA s', STYLES.seconds),
      col('waitP90', 'P90 s', STYLES.seconds),
      col('abandonRate', 'abandon %', STYLES.percent),
    ],
  },
  {
    title: 'Resolution and cost by channel',
    columns: [
      col('occupancy', 'occupancy %', STYLES.percent),
      col('resolutionHours', 'resolution h', STYLES.hours),
      col('contactsPerResolution', 'contacts/resolution', STYLES.ratio),
      col('cost', 'cost', STYLES.money),
      col('costPerResolved', 'cost/resolved', STYLES.unitMoney),
    ],
  },
  {
    // (v2) the issues raised in the horizon, followed to resolution (SPEC §1, §6)
    title: 'Issues raised in the horizon, followed to their end',
    columns: [
      col('issuesRaised', 'raised', STYLES.count),
      col('issuesResolved', 'resolved', STYLES.count),
      col('issuesGivenUp', 'given up', STYLES.count),
      col('issuesOpen', 'open at cap', STYLES.count),
      col('contactsPerIssue', 'contacts/issue', STYLES.ratio),
    ],
  },
  {
    // (v3) customers turned away after hours and call backs (SPEC §2, §6)
    title: 'Customers not served at once',
    columns: [
      col('closedAttempts', 'closed attempts', STYLES.count),
      col('callbacksOffered', 'call backs offered', STYLES.count),
      col('callbacksAccepted', 'accepted', STYLES.count),
      col('callbackDelay', 'call back delay s', STYLES.seconds),
    ],
  },
];

export const SITE_COLUMNS: Column[] = [
  col('offered', 'offered', STYLES.count),
  col('handled', 'handled', STYLES.count),
  col('serviceLevel', 'SL %', STYLES.percent),
  col('asa', 'ASA s', STYLES.seconds),
  col('occupancy', 'occupancy %', STYLES.percent),
  col('paidHours', 'paid hours', STYLES.paidHours),
  col('cost', 'cost', STYLES.money),
];

/** (v3) Who pays for an issue: the site that handled its first contact owns it (SPEC §6). */
export const SITE_ISSUE_COLUMNS: Column[] = [
  col('issuesOwned', 'issues owned', STYLES.count),
  col('observedFcr', 'observed FCR %', STYLES.percent),
  col('issueCost', 'issue cost', STYLES.money),
  col('costPerOwnedIssue', 'cost/owned issue', STYLES.unitMoney),
];

/** (v3) A contract site's invoice and credit (SPEC v3 §6); in-house sites show a dash. */
export const CONTRACT_COLUMNS: Column[] = [
  col('handled', 'handled', STYLES.count),
  col('serviceLevel', 'SL %', STYLES.percent),
  col('invoice', 'invoice', STYLES.money),
  col('slaCredit', 'SLA credit', STYLES.money),
  col('cost', 'cost', STYLES.money),
];

export function headerLine(result: SimulationResult): string {
  const plural = (n: number, word: string) => `${formatNumber(n, 0)} ${word}${n === 1 ? '' : 's'}`;
  return (
    `${result.scenario} — seed ${JSON.stringify(result.seed)}, ${plural(result.replications, 'replication')}, ` +
    `${plural(result.days, 'day')} in ${result.intervalMinutes}-minute intervals`
  );
}

function table(
  title: string,
  label: string,
  columns: Column[],
  rows: [string, Outcomes][],
  showCi: boolean,
): TextTable {
  return {
    title,
    label,
    columns: columns.map((c) => c.header),
    rows: rows.map(([name, o]) => ({
      label: name,
      cells: columns.map((c) => formatEstimate(o[c.key] as Estimate, c.style, showCi)),
    })),
    ruleBefore: rows.length - 1,
  };
}

/** (v3) Within a channel with `classes`: a class's figures, as the channel's. */
export const CLASS_COLUMNS: { key: ClassKey; header: string; style: NumberStyle }[] = [
  { key: 'offered', header: 'offered', style: STYLES.count },
  { key: 'handled', header: 'handled', style: STYLES.count },
  { key: 'abandoned', header: 'abandoned', style: STYLES.count },
  { key: 'serviceLevel', header: 'SL %', style: STYLES.percent },
  { key: 'asa', header: 'ASA s', style: STYLES.seconds },
  { key: 'abandonRate', header: 'abandon %', style: STYLES.percent },
];

/** (v3) One row per channel and class, or null when no channel has classes. */
function classesTable(result: SimulationResult, showCi: boolean): TextTable | null {
  const rows = Object.entries(result.channels).flatMap(([kind, o]) =>
    Object.entries(o?.classes ?? {}).map(([name, figures]) => ({
      label: `${kind} ${name}`,
      cells: CLASS_COLUMNS.map((c) => formatEstimate(figures[c.key], c.style, showCi)),
    })),
  );
  if (rows.length === 0) return null;
  return {
    title: 'By customer class',
    label: 'channel class',
    columns: CLASS_COLUMNS.map((c) => c.header),
    rows,
  };
}

/** The whole report. `scenario` (optional) adds each site's location to its label. */
export function renderReport(result: SimulationResult, scenario?: Scenario): string {
  const showCi = result.replications >= 2;
  const channelRows: [string, Outcomes][] = [
    ...Object.entries(result.channels).map(([k, o]) => [k, o!] as [string, Outcomes]),
    ['total', result.total],
  ];
  const location = new Map(scenario?.sites.map((s) => [s.id, s.location]) ?? []);
  const siteRows: [string, Outcomes][] = [
    ...Object.entries(result.sites).map(
      ([id, o]) => [location.has(id) ? `${id} (${location.get(id)})` : id, o] as [string, Outcomes],
    ),
    ['total', result.total],
  ];
  const parts = [headerLine(result)];
  if (showCi) parts.push('Figures are mean ± half-width of a 95% confidence interval over replications.');
  for (const panel of CHANNEL_PANELS)
    parts.push('', renderTable(table(panel.title, 'channel', panel.columns, channelRows, showCi)));
  const classTable = classesTable(result, showCi);
  if (classTable) parts.push('', renderTable(classTable));
  parts.push('', renderTable(table('By site', 'site', SITE_COLUMNS, siteRows, showCi)));
  parts.push(
    '',
    renderTable(
      table(
        'Issues by owning site (first contact handled there)',
        'site',
        SITE_ISSUE_COLUMNS,
        siteRows,
        showCi,
      ),
    ),
  );
  // (v3) Only when a site has a contract, so the report of a file without one is unchanged.
  if (result.total.invoice?.mean != null)
    parts.push(
      '',
      renderTable(
        table(
          'Contracts (cost = invoice − SLA credit + telecom + fees)',
          'site',
          CONTRACT_COLUMNS,
          siteRows,
          showCi,
        ),
      ),
    );
  if (scenario?.currency !== undefined) parts.push('', `Costs are in ${scenario.currency}.`);
  return parts.join('\n') + '\n';
}
