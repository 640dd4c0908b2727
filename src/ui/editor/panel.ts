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
import { formatPath } from '../../scenario/text';
import { validateScenario } from '../../scenario/validate';
import { type ChannelKind, type Scenario } from '../../sim/scenario';
import { h } from '../dom';
import { buildChannelsSection } from './channels';
import { addSiteMenu } from './add-site-menu';
import { addSite, setAt, setClientCity, type Path } from './edits';
import { button, fieldId, type FieldContext } from './fields';
import { generalSection } from './general';
import { clearProblemsIn, patchNumbers, showProblemsIn } from './problems';
import { buildRoutingSection, effectiveSplit } from './routing';
import { buildSitesSection, patchIdleCost } from './sites';
import { siteFromTemplate } from './templates';
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

/** A routing entry touched by the form always carries a split (the schema requires one). */
function completeRouting(s: Scenario, path: Path): Scenario {
  if (path[0] !== 'routing' || typeof path[1] !== 'string') return s;
  const kind = path[1] as ChannelKind;
  const r = s.routing?.[kind];
  if (!r || r.split) return s;
  return setAt(s, ['routing', kind, 'split'], effectiveSplit(s, kind));
}

/** "Add site" and its templates: the new site is added to the committed scenario, its block opened. */
function siteAdder(open: Set<string>, committed: () => Scenario | null, on: EditorHandlers): HTMLElement {
  return addSiteMenu((id) => {
    const now = committed();
    if (!now) return;
    const site = siteFromTemplate(now, id);
    open.add(`site:${site.id}`);
    on.commit(addSite(now, site), null);
    // the store has shown the new scenario by now: its last site is the one added
    const shown = committed() ?? now;
    document.getElementById(fieldId(['sites', shown.sites.length - 1, 'name']))?.focus();
  });
}

/** Undo, redo, download and "save as variant". */
function toolbarButtons(on: EditorHandlers) {
  return {
    undoBtn: button('Undo', () => on.undo(), {
      'aria-keyshortcuts': 'Control+Z',
      'data-testid': 'undo',
    }),
    redoBtn: button('Redo', () => on.redo(), {
      'aria-keyshortcuts': 'Control+Shift+Z',
      'data-testid': 'redo',
    }),
    download: button('Download scenario', () => on.download(), { 'data-testid': 'download-scenario' }),
    saveVariant: button('Save edited scenario as variant', () => on.saveVariant(), {
      'data-testid': 'editor-save-variant',
    }),
  };
}

/** The panel: the toolbar, the problems summary and the sections' body. */
function editorFrame(toolbar: HTMLElement) {
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
    toolbar,
    summary,
    body,
  );
  return { element, summary, body };
}

/**
 * General, sites and channels for draft `s`; a structural edit applies to the draft as it is when the
 * planner acts (`current`), not as drawn.
 */
function sections(
  ctx: FieldContext,
  s: Scenario,
  open: Set<string>,
  current: () => Scenario | null,
  change: (next: Scenario, key: string) => void,
  addSiteBox: HTMLElement,
): HTMLElement[] {
  const general = generalSection(ctx, s, open, (city) => {
    const d = current();
    if (d) change(setClientCity(d, city), 'client-city');
  });
  const edit = {
    edit: (fn: (now: Scenario) => Scenario, key: string) => {
      const d = current();
      if (d) change(fn(d), key);
    },
  };
  return [
    general,
    buildSitesSection(ctx, s, open, edit, addSiteBox),
    buildChannelsSection(ctx, s, open, edit),
  ];
}

/**
 * The fields' view of the draft: a field's change is set into it at its path and passed to `change`
 * (exported for its test: an edit keeps what the field does not show, such as a shift's `day`).
 */
export function fieldContext(
  current: () => Scenario | null,
  change: (next: Scenario, key: string) => void,
): FieldContext {
  return {
    get draft() {
      return current();
    },
    set(path, value, key) {
      const draft = current();
      if (!draft) return;
      const next = completeRouting(setAt(draft, path, value), path);
      change(next, key ?? formatPath(path));
    },
  };
}

/**
 * The panel's body, drawn from the draft as it is now (`current`): `render` draws every section;
 * `patch`, for agents and split only, puts the new numbers into the fields (not the one being typed
 * in) and the idle-cost notes, and draws a new routing section.
 */
function sectionsView(
  body: HTMLElement,
  ctx: FieldContext,
  open: Set<string>,
  current: () => Scenario | null,
  change: (next: Scenario, key: string) => void,
  addSiteBox: HTMLElement,
) {
  let routing: HTMLElement | null = null;

  function patch(): void {
    const draft = current();
    if (!draft || !routing) return render();
    patchNumbers(body, draft);
    patchIdleCost(body, draft); // agents or a share changed: a site may be idle, or no longer
    const focused = document.activeElement?.id;
    const next = buildRoutingSection(ctx, draft, open);
    routing.replaceWith(next);
    routing = next;
    if (focused) document.getElementById(focused)?.focus(); // a routing field being typed in
  }

  function render(): void {
    const draft = current();
    if (!draft) return;
    const focused = document.activeElement?.id;
    routing = buildRoutingSection(ctx, draft, open);
    body.replaceChildren(...sections(ctx, draft, open, current, change, addSiteBox), routing);
    if (focused) document.getElementById(focused)?.focus();
  }

  return { patch, render };
}

export function buildEditor(on: EditorHandlers): EditorPanel {
  let committed: Scenario | null = null;
  let draft: Scenario | null = null;
  let invalid = false;
  const open = new Set<string>(['general']);

  const { undoBtn, redoBtn, download, saveVariant } = toolbarButtons(on);

  const addSiteBox = siteAdder(open, () => committed, on);

  const { element, summary, body } = editorFrame(
    h('div', { class: 'ed-toolbar' }, undoBtn, redoBtn, download, saveVariant),
  );

  const ctx = fieldContext(() => draft, change);

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

  const clearProblems = () => clearProblemsIn(element, summary);
  /** Each problem at its field; undo drops the invalid value. */
  function showProblems(problems: readonly string[]): void {
    showProblemsIn(element, summary, problems);
    undoBtn.disabled = false;
  }

  const view = sectionsView(body, ctx, open, () => draft, change, addSiteBox);

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
      if (live && !wasInvalid) view.patch();
      else view.render();
    },
    hasInvalidDraft: () => invalid,
  };
}
