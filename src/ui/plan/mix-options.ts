/**
 * The location mix's constraints in the Plan panel, as `plan --mix --min-share … --cap …` has them:
 * per site a minimum share and a cap, in percent of each channel the site serves (blank: none).
 * Shown while "also choose the location mix" is ticked; `read` checks them as the CLI does
 * (constraintProblems), each problem naming the site's field.
 */
import { constraintProblems, type MixConstraints } from '../../plan/mix';
import type { Scenario } from '../../sim/scenario';
import { h } from '../dom';

export interface PlanMixOptions {
  element: HTMLElement;
  update(scenario: Scenario | null): void;
  read(scenario: Scenario): { constraints: MixConstraints; problems: string[] };
}

interface SiteInputs {
  id: string;
  name: string;
  min: HTMLInputElement;
  cap: HTMLInputElement;
}

const MIX_STEP = 0.25; // the planner's default grid

function percentInput(label: string, testid: string): HTMLInputElement {
  return h('input', {
    type: 'number',
    min: 0,
    max: 100,
    step: 5,
    placeholder: '—',
    'aria-label': label,
    'data-testid': testid,
  });
}

function siteRow(site: Scenario['sites'][number]): [HTMLElement, SiteInputs] {
  const min = percentInput(`${site.name}: minimum share, %`, `plan-min-share-${site.id}`);
  const cap = percentInput(`${site.name}: cap, %`, `plan-cap-${site.id}`);
  const row = h(
    'div',
    { class: 'plan-option' },
    h('span', { text: site.name }),
    ' at least ',
    min,
    ' %, at most ',
    cap,
    ' %',
  );
  return [row, { id: site.id, name: site.name, min, cap }];
}

/** Percent fields → shares; a field that is not a number is a problem naming it. */
function sharesOf(inputs: SiteInputs[], pick: 'min' | 'cap', label: string, problems: string[]) {
  const out: Record<string, number> = {};
  for (const s of inputs) {
    const text = s[pick].value.trim();
    if (text === '') continue;
    const x = Number(text);
    if (Number.isFinite(x) && x >= 0 && x <= 100) out[s.id] = x / 100;
    else problems.push(`${s.name} ${label}: must be 0 to 100 % (got "${text}")`);
  }
  return out;
}

export function buildMixOptions(): PlanMixOptions {
  const legend = () =>
    h('legend', { text: 'Location mix: keep a share per site (of each channel it serves)' });
  const element = h('fieldset', { class: 'plan-mix-options', 'data-testid': 'plan-mix-options' }, legend());
  let inputs: SiteInputs[] = [];
  return {
    element,
    update(scenario) {
      element.replaceChildren(legend());
      inputs = (scenario?.sites ?? []).map((site) => {
        const [row, i] = siteRow(site);
        element.append(row);
        return i;
      });
    },
    read(scenario) {
      const problems: string[] = [];
      const minShare = sharesOf(inputs, 'min', 'minimum share', problems);
      const cap = sharesOf(inputs, 'cap', 'cap', problems);
      const constraints: MixConstraints = { minShare, cap };
      if (problems.length === 0) {
        const names = { minShare: 'Minimum share', cap: 'Cap' };
        problems.push(...constraintProblems(scenario, constraints, MIX_STEP, names));
      }
      return { constraints, problems };
    },
  };
}
