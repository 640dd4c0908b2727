/**
 * Geometry of the live view, as pure functions of the canvas size and the run's static shape.
 * No DOM and no Pixi here, so it is unit-tested in Node (test/scene.test.ts).
 *
 * The canvas: an "arrivals" column on the left (one point per channel, where contacts appear), and
 * the sites in a grid to its right. Each site region has a two-line header (name and location; local
 * clock and open/closed), a queue lane per channel it serves on its left, and its agents on a grid of
 * square cells to the right — one block per agent group, each starting on a new row.
 */

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Point {
  x: number;
  y: number;
}

export const PAD = 10;
export const GAP = 10;
export const ARRIVALS_WIDTH = 104;
export const HEADER_HEIGHT = 38;
export const LANE_HEIGHT = 18;
export const MAX_CELL = 22;
export const MIN_CELL = 2;

/** What the layout needs to know about the run (a subset of SimulationMeta). */
export interface LayoutShape {
  channels: readonly unknown[];
  sites: readonly { groups: readonly number[] }[];
  /** per channel, per site: whether the site serves the channel (has a group with the skill) */
  serves: readonly (readonly boolean[])[];
}

export interface GroupBlock {
  group: number;
  /** top-left of the block's first cell */
  x: number;
  y: number;
  cols: number;
  /** number of cells reserved */
  capacity: number;
}

export interface SiteLayout {
  rect: Rect;
  /** queue lane per channel (null if the site does not serve it) */
  lanes: (Rect | null)[];
  agents: Rect;
  cell: number;
  blocks: GroupBlock[];
}

export interface SceneLayout {
  width: number;
  height: number;
  arrivalsRect: Rect;
  /** per channel: where arriving contacts appear */
  arrivals: Point[];
  sites: SiteLayout[];
}

/**
 * Splits `area` into a grid of n regions. Picks the column count whose regions are largest, measured
 * so that regions somewhat wider than tall (3:2) are preferred — agents and lanes sit side by side.
 */
export function siteGrid(n: number, area: Rect, gap = GAP): Rect[] {
  if (n <= 0) return [];
  let best = 1;
  let bestScore = -Infinity;
  for (let cols = 1; cols <= n; cols++) {
    const rows = Math.ceil(n / cols);
    const w = (area.w - gap * (cols - 1)) / cols;
    const h = (area.h - gap * (rows - 1)) / rows;
    const score = Math.min(w / 1.5, h);
    if (score > bestScore + 1e-9) {
      bestScore = score;
      best = cols;
    }
  }
  const cols = best;
  const rows = Math.ceil(n / cols);
  const w = Math.max(0, (area.w - gap * (cols - 1)) / cols);
  const h = Math.max(0, (area.h - gap * (rows - 1)) / rows);
  const out: Rect[] = [];
  for (let i = 0; i < n; i++) {
    const r = Math.floor(i / cols);
    const c = i % cols;
    out.push({ x: area.x + c * (w + gap), y: area.y + r * (h + gap), w, h });
  }
  return out;
}

/** Rows needed for the groups' blocks at `cols` cells per row (each block starts a new row). */
function rowsNeeded(capacities: readonly number[], cols: number): number {
  let rows = 0;
  for (const n of capacities) rows += Math.max(1, Math.ceil(n / cols));
  return rows;
}

/** Largest cell size (MIN_CELL…MAX_CELL, in half pixels) at which all groups fit the area. */
export function fitCell(area: Rect, capacities: readonly number[]): number {
  for (let cell = MAX_CELL; cell > MIN_CELL; cell -= 0.5) {
    const cols = Math.floor(area.w / cell);
    const rows = Math.floor(area.h / cell);
    if (cols >= 1 && rowsNeeded(capacities, cols) <= rows) return cell;
  }
  return MIN_CELL;
}

export function layoutSite(
  rect: Rect,
  groups: readonly number[],
  capacities: readonly number[],
  lanesFor: readonly boolean[],
): SiteLayout {
  const inner = { x: rect.x + 8, y: rect.y + HEADER_HEIGHT, w: rect.w - 16, h: rect.h - HEADER_HEIGHT - 8 };
  const laneW = Math.max(56, Math.min(130, inner.w * 0.3));
  const lanes: (Rect | null)[] = [];
  let ly = inner.y;
  for (const serves of lanesFor) {
    if (!serves) {
      lanes.push(null);
      continue;
    }
    lanes.push({ x: inner.x, y: ly, w: laneW, h: LANE_HEIGHT });
    ly += LANE_HEIGHT + 4;
  }
  const agents = {
    x: inner.x + laneW + 10,
    y: inner.y,
    w: Math.max(0, inner.w - laneW - 10),
    h: Math.max(0, inner.h),
  };
  const cell = fitCell(agents, capacities);
  const cols = Math.max(1, Math.floor(agents.w / cell));
  const blocks: GroupBlock[] = [];
  let row = 0;
  groups.forEach((group, i) => {
    const capacity = capacities[i];
    blocks.push({ group, x: agents.x, y: agents.y + row * cell, cols, capacity });
    row += Math.max(1, Math.ceil(capacity / cols));
  });
  return { rect, lanes, agents, cell, blocks };
}

/**
 * The whole scene. `capacity[g]` is the number of cells reserved for group g (at least the agents it
 * has ever had), so agents keep their cell from frame to frame until a group outgrows its block.
 */
export function layoutScene(
  shape: LayoutShape,
  capacity: readonly number[],
  width: number,
  height: number,
): SceneLayout {
  const nC = shape.channels.length;
  const arrivalsRect = { x: PAD, y: PAD, w: ARRIVALS_WIDTH, h: Math.max(0, height - 2 * PAD) };
  const arrivals: Point[] = [];
  for (let c = 0; c < nC; c++) {
    arrivals.push({
      x: arrivalsRect.x + arrivalsRect.w - 12,
      y: arrivalsRect.y + 40 + ((arrivalsRect.h - 40) * (c + 0.5)) / Math.max(1, nC),
    });
  }
  const gridArea = {
    x: arrivalsRect.x + arrivalsRect.w + GAP,
    y: PAD,
    w: Math.max(0, width - arrivalsRect.w - GAP - 2 * PAD),
    h: Math.max(0, height - 2 * PAD),
  };
  const rects = siteGrid(shape.sites.length, gridArea);
  const sites = shape.sites.map((site, s) =>
    layoutSite(
      rects[s],
      site.groups,
      site.groups.map((g) => capacity[g]),
      shape.serves.map((row) => row[s]),
    ),
  );
  return { width, height, arrivalsRect, arrivals, sites };
}

/** Centre of the cell of the rank-th agent of a group block. */
export function slotCentre(block: GroupBlock, cell: number, rank: number): Point {
  const r = Math.floor(rank / block.cols);
  const c = rank % block.cols;
  return { x: block.x + (c + 0.5) * cell, y: block.y + (r + 0.5) * cell };
}

/** Where contacts enter a lane (its left end, mid-height). */
export function laneEntry(lane: Rect): Point {
  return { x: lane.x + 2, y: lane.y + lane.h / 2 };
}
