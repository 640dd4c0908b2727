/**
 * Editor section "Routing" (SPEC §4): per channel, the split weight of each site that answers it (the
 * location mix; the staffing panel's split sliders move the same numbers live) and the overflow
 * delay. A channel without routing splits equally over the sites with the skill; its fields show
 * that split, and changing one weight writes the whole split out.
 */
import { CHANNEL_KINDS, type ChannelKind, type Scenario } from '../../sim/scenario';
import { h } from '../dom';
import { setAt } from './edits';
import { block, numberField, type FieldContext } from './fields';
import { sitesServing } from '../../sim/serving';

/** The split as the engine reads it: the routing's weights, or 1 for every site with the skill. */
export function effectiveSplit(s: Scenario, kind: ChannelKind): Record<string, number> {
  const serving = sitesServing(s.sites, kind);
  const given = s.routing?.[kind]?.split;
  return Object.fromEntries(serving.map((site) => [site.id, given ? (given[site.id] ?? 0) : 1]));
}

export function buildRoutingSection(ctx: FieldContext, draft: Scenario, open: Set<string>): HTMLElement {
  const blocks = CHANNEL_KINDS.filter((k) => draft.channels[k]).map((kind) => {
    const split = effectiveSplit(draft, kind);
    const total = Object.values(split).reduce((a, b) => a + (b > 0 ? b : 0), 0);
    const splitPath = ['routing', kind, 'split'];
    // the fields read the effective split, and a change writes the whole split
    const splitCtx: FieldContext = {
      draft: setAt(draft, splitPath, { ...split, ...draft.routing?.[kind]?.split }),
      set: (path, value, key) =>
        ctx.set(splitPath, { ...split, [String(path[path.length - 1])]: value }, key),
    };
    const fields = draft.sites
      .filter((site) => site.id in split)
      .map((site) =>
        numberField(splitCtx, [...splitPath, site.id], `${site.name}: weight`, {
          min: 0,
          hint:
            total > 0 && split[site.id] >= 0 ? `${Math.round((split[site.id] / total) * 100)} %` : undefined,
        }),
      );
    return block(`routing:${kind}`, open, `${kind} routing`, ['routing', kind], () => [
      h('div', { class: 'ed-grid' }, ...fields),
      h(
        'div',
        { class: 'ed-grid' },
        numberField(ctx, ['routing', kind, 'overflowAfterSeconds'], 'Overflow to any site after (s)', {
          min: 0,
          optional: true,
          placeholder: 'never',
        }),
      ),
    ]);
  });
  return h(
    'section',
    { class: 'ed-section', 'aria-labelledby': 'ed-routing-h' },
    h('h3', { id: 'ed-routing-h', text: 'Routing' }),
    ...blocks,
  );
}
