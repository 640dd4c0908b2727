/**
 * How tall a site's queue stack is on the map: one cell per waiting contact up to 12, then growing
 * with log₂ up to STACK_MAX_CELLS, so a backlog of thousands still fits beside its site while any
 * growth stays visible. The label beside the site gives the exact number.
 */
export const STACK_MAX_CELLS = 24;

export function stackCells(n: number): number {
  if (n <= 0) return 0;
  if (n <= 12) return Math.ceil(n);
  return Math.min(STACK_MAX_CELLS, Math.round(12 + 4 * Math.log2(n / 12)));
}
