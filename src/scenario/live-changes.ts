/**
 * Which edits the live run can take while it plays: agents per group (flat counts and shift agents)
 * and split weights. Any other difference restarts the run. The page's store (src/ui/state) and the
 * worker (src/worker/live-run.ts applyLive) both decide with this one function.
 *
 * Pure: unit-tested in Node.
 */
import type { Scenario } from '../sim/scenario';

/** The same scenario with every group's agents and shift agents, and every split weight, blanked. */
function structure(s: Scenario): string {
  return JSON.stringify({
    ...s,
    sites: s.sites.map((site) => ({
      ...site,
      groups: site.groups.map((g) => ({
        ...g,
        agents: g.agents === undefined ? undefined : 0,
        shifts: g.shifts?.map((sh) => ({ ...sh, agents: 0 })),
      })),
    })),
    // a split is live whether or not the file spelled it out; only the overflow is structure
    routing: Object.fromEntries(
      Object.entries(s.routing ?? {})
        .filter(([, r]) => r.overflowAfterSeconds !== undefined)
        .map(([k, r]) => [k, r.overflowAfterSeconds]),
    ),
  });
}

/**
 * True if `a` and `b` differ only in what the live run can change while it plays (agents per group
 * and split weights): then the run goes on; any other difference restarts it.
 */
export function onlyLiveChanges(a: Scenario, b: Scenario): boolean {
  return structure(a) === structure(b);
}

export function sameScenario(a: Scenario, b: Scenario): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
