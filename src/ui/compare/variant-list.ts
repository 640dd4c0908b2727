/**
 * The variants to compare: "Save current as variant" (the live sliders written into the scenario),
 * "Add file…" (a scenario file, checked by the schema with each problem at its path), and a table
 * with the base choice, an editable name, each variant's split and agents (total and by site, from
 * variant-diff.ts) and Remove.
 *
 * It draws from CompareState (the store's) and reports intents through its handlers; it never
 * changes the variants itself.
 */
import { parseScenarioText } from '../../scenario/validate';
import type { Scenario } from '../../sim';
import { h, headRow, uid } from '../dom';
import { groupPeaks } from '../../scenario/staffing';
import { agentsBySite, splitSummary } from './variant-diff';
import type { CompareState } from '../state/compare';
import { errorText, problemBox, replaceKeepingFocus, scrollBox, swatch, type ProblemBox } from './widgets';

export interface VariantListHandlers {
  /** the current scenario (slider moves are in it) as a variant */
  saveCurrent(): void;
  add(name: string, scenario: Scenario): void;
  rename(index: number, name: string): void;
  remove(index: number): void;
  setBase(index: number): void;
}

export interface VariantList {
  element: HTMLElement;
  update(state: CompareState): void;
}

type Variant = CompareState['variants'][number];

/** One variant's row: base radio, editable name, scenario, split, agents and Remove. */
function variantRow(
  v: Variant,
  i: number,
  base: boolean,
  baseGroup: string,
  on: VariantListHandlers,
): HTMLElement {
  const radio = h('input', {
    type: 'radio',
    name: baseGroup,
    checked: base,
    'data-testid': `variant-base-${i}`,
    'aria-label': `Base: ${v.name}`,
  });
  radio.addEventListener('change', () => radio.checked && on.setBase(i));
  const name = h('input', {
    type: 'text',
    value: v.name,
    'data-testid': `variant-name-${i}`,
    'aria-label': `Name of variant ${i + 1}`,
    spellcheck: 'false',
  });
  name.addEventListener('change', () => {
    on.rename(i, name.value);
    // a name that comes out as the old one ("a" for "a (2)") changes nothing, so no redraw: show it
    if (name.isConnected) name.value = v.name;
  });
  const remove = h('button', {
    type: 'button',
    text: 'Remove',
    class: 'cmp-small',
    'data-testid': `variant-remove-${i}`,
    'aria-label': `Remove ${v.name}`,
  });
  remove.addEventListener('click', () => on.remove(i));
  const agents = [...groupPeaks(v.scenario).values()].reduce((a, n) => a + n, 0);
  return h(
    'tr',
    { 'data-testid': 'variant-row' },
    h('td', { class: 'center' }, radio),
    h('td', {}, name),
    h('td', { class: 'dim', text: v.scenario.name }),
    h(
      'td',
      { 'data-testid': `variant-split-${i}` },
      ...splitSummary(v.scenario).map((t) => h('div', { text: t })),
    ),
    h('td', { class: 'num', text: String(agents), title: 'agents at the groups’ peaks' }),
    h('td', { 'data-testid': `variant-agents-${i}`, text: agentsBySite(v.scenario) }),
    h('td', {}, swatch(i), remove),
  );
}

/** The variants table around its body (the rows are drawn by `update`). */
function variantsTable(body: HTMLElement): HTMLTableElement {
  return h(
    'table',
    { class: 'cmp-variants', 'data-testid': 'variants' },
    h('caption', { text: 'Variants — the base is what differences are measured against' }),
    headRow(
      'Base',
      'Name',
      'Scenario',
      'Split (%)',
      'Agents',
      'Agents by site',
      h('th', { scope: 'col' }, h('span', { class: 'visually-hidden', text: 'Actions' })),
    ),
    body,
  );
}

/** A chosen file as a variant, if the schema accepts it; else its problems, the other variants kept. */
async function addFile(f: File, problems: ProblemBox, on: VariantListHandlers): Promise<void> {
  let text: string;
  try {
    text = await f.text();
  } catch (e) {
    problems.show(`${f.name} was not added:`, [`(root): could not be read: ${errorText(e)}`]);
    return;
  }
  const parsed = parseScenarioText(text);
  if (!parsed.ok) {
    const n = parsed.problems.length;
    problems.show(
      `${f.name} was not added — ${n} problem${n === 1 ? '' : 's'} (the other variants are kept):`,
      parsed.problems,
    );
    return;
  }
  problems.hide();
  on.add(parsed.scenario.name || f.name.replace(/\.json$/i, ''), parsed.scenario);
}

export function buildVariantList(on: VariantListHandlers): VariantList {
  const saveBtn = h('button', {
    type: 'button',
    text: 'Save current as variant',
    'data-testid': 'save-variant',
  });
  const fileInput = h('input', {
    id: uid('cmp-file'),
    type: 'file',
    accept: '.json,application/json',
    'data-testid': 'add-variant-file',
    class: 'cmp-file',
  });
  const problems = problemBox('compare-problems');
  const body = h('tbody');
  const tableBox = scrollBox(variantsTable(body), 'Variants');
  const emptyNote = h('p', {
    class: 'note',
    text: 'No variants yet: save the current sliders, or add a scenario file.',
  });
  const baseGroup = uid('base');

  saveBtn.addEventListener('click', () => {
    on.saveCurrent();
    problems.hide();
  });

  fileInput.addEventListener('change', () => {
    const f = fileInput.files?.[0];
    fileInput.value = '';
    if (f) void addFile(f, problems, on);
  });

  let drawn: { variants: CompareState['variants']; base: number } | null = null;
  return {
    element: h(
      'div',
      { class: 'cmp-variant-list' },
      h(
        'div',
        { class: 'cmp-buttons' },
        saveBtn,
        h('span', { class: 'cmp-field' }, h('label', { for: fileInput.id, text: 'Add file…' }), fileInput),
      ),
      problems.element,
      emptyNote,
      tableBox,
    ),
    update(state) {
      if (drawn?.variants === state.variants && drawn.base === state.baseIndex) return;
      drawn = { variants: state.variants, base: state.baseIndex };
      emptyNote.hidden = state.variants.length > 0;
      tableBox.hidden = state.variants.length === 0;
      replaceKeepingFocus(
        body,
        ...state.variants.map((v, i) => variantRow(v, i, i === state.baseIndex, baseGroup, on)),
      );
    },
  };
}
