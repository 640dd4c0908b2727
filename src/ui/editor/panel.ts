/**
 * The scenario editor: a panel of the app for the loaded scenario. It assembles the sections
 * (general, channels, sites, routing — one file each) and the toolbar (undo, redo, "Add site" with
 * its templates, download, save as a variant), and owns the *draft*: the scenario as typed, which
 * may be invalid.
 *
 * Every change goes: field → draft → the schema (the CLI's) → if valid, `commit` to the app, which
 * keeps the history and feeds the worker; if not, each problem is shown at its field (by path) and
 * nothing reaches the run, which keeps going. The app calls `show` with each committed scenario
 * (after an edit, an undo, a slider move or a load), and the panel redraws from it.
 */
import { cityLabel, CITIES, formatOffset } from '../../scenario/cities';
import { formatPath } from '../../scenario/text';
import { validateScenario } from '../../scenario/validate';
import { type ChannelKind, type Scenario } from '../../sim/scenario';
import { h, setText } from '../dom';
import { buildChannelsSection } from './channels';
import { addSite, getAt, setAt, setClientCity, type Path } from './edits';
import { block, button, fieldId, numberField, selectField, textField, type FieldContext } from './fields';
import { buildRoutingSection, effectiveSplit } from './routing';
import { buildSitesSection } from './sites';
import { siteFromTemplate, TEMPLATES, type TemplateId } from './templates';
import './editor.css';

export interface EditorHandlers {
  /** a valid scenario, from an edit; `key` merges a run of changes of one control into one undo step */
  commit(next: Scenario, key: string | null): void;
  undo(): void;
  redo(): void;
  download(): void;
  saveVariant(): void;
}

export interface EditorPanel {
  element: HTMLElement;
  /**
   * Shows a committed scenario, dropping any invalid draft. `live`: only agents and split changed (a
   * slider move, or its undo), so the numbers are updated in place rather than the panel redrawn — a
   * slider being dragged sends dozens of changes a second.
   */
  show(scenario: Scenario, canUndo: boolean, canRedo: boolean, live?: boolean): void;
  /** true if a typed value is waiting for a fix (it has not reached the run) */
  hasInvalidDraft(): boolean;
}

const CLIENT_CITIES = CITIES.map((c) => ({
  value: cityLabel(c),
  label: `${cityLabel(c)} (${formatOffset(c.utcOffsetHours)})`,
}));

/** A routing entry touched by the form always carries a split (the schema requires one). */
function completeRouting(s: Scenario, path: Path): Scenario {
  if (path[0] !== 'routing' || typeof path[1] !== 'string') return s;
  const kind = path[1] as ChannelKind;
  const r = s.routing?.[kind];
  if (!r || r.split) return s;
  return setAt(s, ['routing', kind, 'split'], effectiveSplit(s, kind));
}

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

export function buildEditor(on: EditorHandlers): EditorPanel {
  let committed: Scenario | null = null;
  let draft: Scenario | null = null;
  let invalid = false;
  const open = new Set<string>(['general']);

  const undoBtn = button('Undo', () => on.undo(), {
    'aria-keyshortcuts': 'Control+Z',
    'data-testid': 'undo',
  });
  const redoBtn = button('Redo', () => on.redo(), {
    'aria-keyshortcuts': 'Control+Shift+Z',
    'data-testid': 'redo',
  });
  const download = button('Download scenario', () => on.download(), { 'data-testid': 'download-scenario' });
  const saveVariant = button('Save edited scenario as variant', () => on.saveVariant(), {
    'data-testid': 'editor-save-variant',
  });

  // "Add site": a disclosure button and a menu of templates
  const menuId = 'ed-add-site-menu';
  const addBtn = h('button', {
    type: 'button',
    text: 'Add site',
    'aria-expanded': 'false',
    'aria-controls': menuId,
    'data-testid': 'add-site',
  });
  const menu = h('div', {
    id: menuId,
    class: 'ed-menu',
    role: 'group',
    'aria-label': 'Site templates',
    hidden: true,
  });
  const closeMenu = () => {
    menu.hidden = true;
    addBtn.setAttribute('aria-expanded', 'false');
  };
  for (const t of TEMPLATES) {
    menu.append(
      button(t.label, () => {
        closeMenu();
        if (!committed) return;
        const site = siteFromTemplate(committed, t.id as TemplateId);
        open.add(`site:${site.id}`);
        on.commit(addSite(committed, site), null);
        document.getElementById(fieldId(['sites', committed.sites.length - 1, 'name']))?.focus();
      }),
    );
  }
  addBtn.addEventListener('click', () => {
    const show = menu.hidden;
    menu.hidden = !show;
    addBtn.setAttribute('aria-expanded', String(show));
    if (show) menu.querySelector('button')?.focus();
  });
  menu.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      closeMenu();
      addBtn.focus();
    }
  });
  const addSiteBox = h('div', { class: 'ed-add-site' }, addBtn, menu);

  const summary = h('div', {
    class: 'ed-problems',
    role: 'alert',
    'data-testid': 'editor-problems',
    hidden: true,
  });
  const body = h('div', { class: 'ed-body' });
  const element = h(
    'section',
    { class: 'editor', 'aria-labelledby': 'ed-title', 'data-testid': 'editor' },
    h('h2', { id: 'ed-title', text: 'Scenario editor' }),
    h(
      'p',
      { class: 'note' },
      'Agents and split change the run as it plays; any other change restarts it. A value the schema ' +
        'refuses is shown at its field and never reaches the run. Ctrl+Z / Ctrl+Shift+Z undo and redo.',
    ),
    h('div', { class: 'ed-toolbar' }, undoBtn, redoBtn, download, saveVariant),
    summary,
    body,
  );

  const ctx: FieldContext = {
    get draft() {
      return draft;
    },
    set(path, value, key) {
      if (!draft) return;
      const next = completeRouting(setAt(draft, path, value), path);
      change(next, key ?? formatPath(path));
    },
  };

  /** A structural edit or a field change: valid → committed; invalid → shown, kept as the draft. */
  function change(next: Scenario, key: string | null): void {
    draft = next;
    const result = validateScenario(next);
    if (result.ok) {
      invalid = false;
      on.commit(next, key);
      return;
    }
    invalid = true;
    showProblems(result.problems);
  }

  function clearProblems(): void {
    for (const el of element.querySelectorAll('[data-error-for]')) setText(el, '');
    for (const el of element.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
    summary.hidden = true;
    summary.replaceChildren();
  }

  /** Each problem at the field with its path, or the nearest enclosing block; the rest in the summary. */
  function showProblems(problems: readonly string[]): void {
    clearProblems();
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
    undoBtn.disabled = false; // undo drops the invalid value
  }

  let routing: HTMLElement | null = null;

  /** Agents and split only: new numbers into the fields (not the one being typed in), a new routing section. */
  function patch(): void {
    if (!draft || !routing) return render();
    for (const input of body.querySelectorAll<HTMLInputElement>('input[data-json-path]')) {
      if (input === document.activeElement) continue;
      const v = getAt(draft, JSON.parse(input.dataset.jsonPath!) as Path);
      const text =
        typeof v === 'number' ? String(+(v * Number(input.dataset.scale ?? 1)).toPrecision(12)) : '';
      if (input.value !== text) input.value = text;
    }
    const focused = document.activeElement?.id;
    const next = buildRoutingSection(ctx, draft, open);
    routing.replaceWith(next);
    routing = next;
    if (focused) document.getElementById(focused)?.focus(); // a routing field being typed in
  }

  function render(): void {
    if (!draft) return;
    const focused = document.activeElement?.id;
    const s = draft;
    const general = block('general', open, 'Scenario', null, () => [
      h(
        'div',
        { class: 'ed-grid' },
        textField(ctx, ['name'], 'Name'),
        selectField(
          ctx,
          ['clientPosition', 'city'],
          'Client city (sets the client time zone)',
          CLIENT_CITIES,
          {
            current: s.clientPosition?.city ?? '',
            onChange: (label) => {
              const city = CITIES.find((c) => cityLabel(c) === label);
              if (city && draft) change(setClientCity(draft, city), 'client-city');
            },
          },
        ),
        numberField(ctx, ['clientUtcOffsetHours'], 'Client UTC offset (h)', {
          min: -12,
          max: 14,
          step: 0.25,
          optional: true,
          placeholder: '0',
        }),
        numberField(ctx, ['horizon', 'days'], 'Days simulated', {
          min: 1,
          step: 1,
          optional: true,
          placeholder: '1',
        }),
        numberField(ctx, ['horizon', 'warmUpDays'], 'Warm-up days', {
          min: 0,
          max: 60,
          step: 1,
          optional: true,
          placeholder: 'steady state',
          hint: 'days run before day 1 and not reported; empty = enough for steady state, 0 = start empty',
        }),
        selectField(
          ctx,
          ['horizon', 'intervalMinutes'],
          'Interval',
          [15, 30, 60].map((m) => ({ value: String(m), label: `${m} min` })),
          {
            current: String(s.horizon?.intervalMinutes ?? 30),
            onChange: (v) => ctx.set(['horizon', 'intervalMinutes'], Number(v)),
          },
        ),
      ),
      textField(ctx, ['description'], 'Description', { optional: true, long: true }),
    ]);
    const edit = {
      edit: (fn: (current: Scenario) => Scenario, key: string) => {
        if (draft) change(fn(draft), key);
      },
    };
    routing = buildRoutingSection(ctx, s, open);
    body.replaceChildren(
      general,
      buildSitesSection(ctx, s, open, edit, addSiteBox),
      buildChannelsSection(ctx, s, open, edit),
      routing,
    );
    if (focused) document.getElementById(focused)?.focus();
  }

  return {
    element,
    show(scenario, canUndo, canRedo, live = false) {
      const wasInvalid = invalid;
      committed = scenario;
      draft = scenario;
      invalid = false;
      undoBtn.disabled = !canUndo;
      redoBtn.disabled = !canRedo;
      clearProblems();
      if (live && !wasInvalid) patch();
      else render();
    },
    hasInvalidDraft: () => invalid,
  };
}
