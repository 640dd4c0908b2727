/**
 * Editor section "Sites" (SPEC §3): every field of a site — name, location, city and time zone (the
 * city also sets `position`), opening hours, groups with skills and agents or shifts, shrinkage, the
 * cost fields, handleTimeFactor, FCR, escalation, connect and hand-off delays — with "Duplicate site"
 * and "Remove site". "Add site" (the templates) is in the editor's toolbar (panel.ts).
 */
import { CITIES, cityLabel, formatOffset } from '../../scenario/cities';
import { CHANNEL_KINDS, DEFAULTS, type Scenario, type SiteSpec } from '../../sim/scenario';
import { fmtInt } from '../../format/figures';
import { h } from '../dom';
import { buildContractSection } from './contract';
import { duplicateSite, removeSite, renameSite, setAt, setSiteCity } from './edits';
import { groupBlock } from './groups';
import { idleSites } from './idle-cost';
import { block, button, numberField, selectField, textField, type FieldContext } from './fields';

export interface SitesHandlers {
  /** a structural edit, applied to the scenario as it is when the planner acts (not as drawn) */
  edit(change: (current: Scenario) => Scenario, key: string): void;
}

const LOCATION_OPTIONS = ['onshore', 'nearshore', 'offshore'].map((v) => ({ value: v, label: v }));
const CITY_OPTIONS = CITIES.map((c) => ({
  value: cityLabel(c),
  label: `${cityLabel(c)} (${formatOffset(c.utcOffsetHours)})`,
}));

export function buildSitesSection(
  ctx: FieldContext,
  draft: Scenario,
  open: Set<string>,
  on: SitesHandlers,
  toolbar: HTMLElement,
): HTMLElement {
  return h(
    'section',
    { class: 'ed-section', 'aria-labelledby': 'ed-sites-h' },
    h('h3', { id: 'ed-sites-h', text: 'Sites' }),
    toolbar,
    h('div', { class: 'ed-idle' }, ...idleCostNotes(draft)),
    ...draft.sites.map((site, i) => siteBlock(ctx, draft, site, i, open, on)),
  );
}

/** The idle-cost notes brought up to date after a live edit (a split slider gave the site a share). */
export function patchIdleCost(body: HTMLElement, draft: Scenario): void {
  body.querySelector('.ed-idle')?.replaceChildren(...idleCostNotes(draft));
}

/** A site paid but given no share says what it costs a day (idle-cost.ts), where the planner adds sites. */
function idleCostNotes(draft: Scenario): HTMLElement[] {
  const currency = draft.currency ?? 'USD';
  return idleSites(draft).map((x) =>
    h('p', {
      class: 'ed-warning',
      'data-testid': `idle-cost-${x.id}`,
      text:
        `Idle cost: ${x.name} has 0 % of every channel it answers, yet its ${fmtInt(x.agents)} agents are ` +
        `paid — about ${fmtInt(x.perDay)} ${currency} a day it is open. Give it a share with the split ` +
        'sliders, or set its agents to 0.',
    }),
  );
}

function siteBlock(
  ctx: FieldContext,
  draft: Scenario,
  site: SiteSpec,
  i: number,
  open: Set<string>,
  on: SitesHandlers,
): HTMLElement {
  return block(`site:${site.id}`, open, `${site.name} · ${site.location}`, ['sites', i], () =>
    siteFields(ctx, draft, site, i, open, on),
  );
}

/** Name, id, location, city, time zone and opening hours. */
function placeFields(ctx: FieldContext, site: SiteSpec, i: number, on: SitesHandlers): HTMLElement {
  const p = ['sites', i];
  const hours = site.hours ?? DEFAULTS.site.hours;
  const flatHours = hours === '24/7';
  const hoursMode = selectField(
    ctx,
    [...p, 'hours'],
    'Opening hours',
    [
      { value: '24/7', label: 'open 24/7' },
      { value: 'window', label: 'open from … to … (local)' },
    ],
    {
      current: flatHours ? '24/7' : 'window',
      onChange: (v) =>
        ctx.set([...p, 'hours'], v === '24/7' ? '24/7' : { open: '08:00', close: '20:00' }, `hours:${i}`),
    },
  );
  const city = selectField(
    ctx,
    [...p, 'position', 'city'],
    'City (sets time zone and map position)',
    CITY_OPTIONS,
    {
      current: site.position?.city ?? '',
      onChange: (label) => on.edit((s) => setSiteCity(s, i, label), `city:${i}`),
    },
  );

  return h(
    'div',
    { class: 'ed-grid' },
    textField(ctx, [...p, 'name'], 'Name'),
    textField(ctx, [...p, 'id'], 'Id (used by routing and escalation)', {
      onChange: (id) => on.edit((s) => renameSite(s, i, id), `id:${i}`),
    }),
    selectField(ctx, [...p, 'location'], 'Location', LOCATION_OPTIONS),
    city,
    numberField(ctx, [...p, 'utcOffsetHours'], 'UTC offset (h)', {
      min: -12,
      max: 14,
      step: 0.25,
      optional: true,
      placeholder: '0',
    }),
    hoursMode,
    ...(flatHours
      ? []
      : [
          textField(ctx, [...p, 'hours', 'open'], 'Opens (local HH:MM)', { pattern: '08:00' }),
          textField(ctx, [...p, 'hours', 'close'], 'Closes (local HH:MM)', { pattern: '20:00' }),
        ]),
  );
}

/** Cost, shrinkage, handle time, FCR, delays and escalation. */
function costFields(ctx: FieldContext, draft: Scenario, site: SiteSpec, i: number): HTMLElement {
  const p = ['sites', i];
  const others = draft.sites.filter((s) => s.id !== site.id);
  const escalationTo = selectField(
    ctx,
    [...p, 'escalation', 'to'],
    'Escalates to',
    [{ value: '', label: '(no escalation)' }, ...others.map((s) => ({ value: s.id, label: s.name }))],
    {
      current: site.escalation?.to ?? '',
      onChange: (v) =>
        ctx.set([...p, 'escalation'], v === '' ? undefined : { rate: site.escalation?.rate ?? 0.1, to: v }),
    },
  );
  return h(
    'div',
    { class: 'ed-grid' },
    numberField(ctx, [...p, 'cost', 'hourlyRate'], 'Hourly rate ($ per paid hour)', { min: 0 }),
    numberField(ctx, [...p, 'cost', 'overheadRate'], 'Overhead (share of labour)', {
      min: 0,
      step: 0.01,
      optional: true,
      placeholder: '0',
    }),
    numberField(ctx, [...p, 'cost', 'telecomPerMinute'], 'Telecom ($ per voice minute)', {
      min: 0,
      step: 0.001,
      optional: true,
      placeholder: '0',
    }),
    numberField(ctx, [...p, 'cost', 'perContactFee'], 'Fee per handled contact ($)', {
      min: 0,
      step: 0.01,
      optional: true,
      placeholder: '0',
    }),
    numberField(ctx, [...p, 'shrinkage'], 'Shrinkage (0–0.6)', {
      min: 0,
      max: 0.6,
      step: 0.01,
      optional: true,
      placeholder: '0',
      hint: 'outsourcers billed per productive hour: 0',
    }),
    numberField(ctx, [...p, 'handleTimeFactor'], 'Handle-time factor', {
      min: 0,
      step: 0.01,
      optional: true,
      placeholder: '1',
    }),
    numberField(ctx, [...p, 'firstContactResolution'], 'First-contact resolution (0–1)', {
      min: 0,
      max: 1,
      step: 0.01,
      optional: true,
      placeholder: '1',
    }),
    numberField(ctx, [...p, 'connectDelaySeconds'], 'Connect delay (s)', {
      min: 0,
      optional: true,
      placeholder: '0',
    }),
    numberField(ctx, [...p, 'handoffDelaySeconds'], 'Hand-off delay (s, email/social)', {
      min: 0,
      optional: true,
      placeholder: '0',
    }),
    escalationTo,
    site.escalation
      ? numberField(ctx, [...p, 'escalation', 'rate'], 'Escalation rate (0–1)', {
          min: 0,
          max: 0.99,
          step: 0.01,
        })
      : null,
  );
}

/** "Add group", "Duplicate site", "Remove site". */
function siteActions(draft: Scenario, i: number, open: Set<string>, on: SitesHandlers): HTMLElement {
  const p = ['sites', i];
  return h(
    'div',
    { class: 'ed-row' },
    button('Add group', () =>
      on.edit((s) => {
        const groups = s.sites[i].groups;
        const group = {
          id: `group-${groups.length + 1}`,
          skills: [CHANNEL_KINDS.find((k) => s.channels[k])!],
          agents: 10,
        };
        return setAt(s, [...p, 'groups'], [...groups, group]);
      }, `add-group:${i}`),
    ),
    button('Duplicate site', () =>
      on.edit((s) => {
        const next = duplicateSite(s, i);
        open.add(`site:${next.sites[i + 1].id}`);
        return next;
      }, `duplicate-site:${i}`),
    ),
    draft.sites.length > 1
      ? button('Remove site', () => on.edit((s) => removeSite(s, i), `remove-site:${i}`))
      : null,
  );
}

function siteFields(
  ctx: FieldContext,
  draft: Scenario,
  site: SiteSpec,
  i: number,
  open: Set<string>,
  on: SitesHandlers,
): (HTMLElement | null)[] {
  return [
    placeFields(ctx, site, i, on),
    h('h4', { text: 'Cost and quality' }),
    costFields(ctx, draft, site, i),
    buildContractSection(ctx, draft, site, i),
    h('h4', { text: 'Agent groups' }),
    ...site.groups.map((g, j) => groupBlock(ctx, draft, i, g, j, on)),
    siteActions(draft, i, open, on),
  ];
}
