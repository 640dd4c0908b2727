/**
 * Snapshots: the state of a running simulation as a few flat typed arrays, cheap to build at display
 * rate and to transfer from a worker (their buffers are transferable). The renderer and the UI read
 * them through SnapshotView; they never see the model's objects.
 *
 * Static facts (names, locations, channel kinds) travel once, as SimulationMeta.
 */
import { AgentState } from './agents';
import { localSecondOfDay } from './clock';
import { M, type Simulation } from './engine';
import { siteOffsetAt, siteOpenAt, UNITS } from './model';
import type { ChannelKind, Location } from './scenario';

export interface SimulationMeta {
  name: string;
  horizon: number;
  days: number;
  intervalSeconds: number;
  /**
   * (v2) days the model ran before day 1 (SPEC §1): a live run opens at 00:00 of day 1 with the queues,
   * backlog and pending repeats those days left; 0 = it started empty
   */
  warmUpDays: number;
  channels: { kind: ChannelKind; concurrency: number; targetSeconds: number; targetPercent: number }[];
  sites: { id: string; name: string; location: Location; utcOffsetHours: number; groups: number[] }[];
  groups: { id: string; site: number; skills: ChannelKind[]; scheduledPeak: number; flat: boolean }[];
  /** current routing weights per channel, per site */
  split: number[][];
}

export function simulationMeta(sim: Simulation): SimulationMeta {
  const m = sim.model;
  return {
    name: m.name,
    horizon: m.horizon,
    days: m.days,
    intervalSeconds: m.intervalSeconds,
    warmUpDays: m.warmUpDays,
    channels: m.channels.map((c) => ({
      kind: c.kind,
      concurrency: c.concurrency,
      targetSeconds: c.target.withinSeconds,
      targetPercent: c.target.percent,
    })),
    sites: m.sites.map((s) => ({
      id: s.id,
      name: s.name,
      location: s.location,
      utcOffsetHours: s.utcOffsetHours,
      groups: s.groups,
    })),
    groups: m.groups.map((g) => ({
      id: g.id,
      site: g.site,
      skills: g.skills.map((c) => m.channels[c].kind),
      scheduledPeak: g.peak,
      flat: g.flat !== null,
    })),
    split: m.channels.map((c) => Array.from(c.split)),
  };
}

/** Agent display states. Busy agents are AGENT_BUSY + channel index. */
export const AGENT_OFF = 0;
export const AGENT_IDLE = 1;
export const AGENT_WRAP = 2;
export const AGENT_LEAVING = 3;
export const AGENT_BUSY = 4;

export const HEADER = {
  now: 0,
  horizon: 1,
  events: 2,
  contacts: 3,
  intervalsClosed: 4,
  done: 5,
  size: 6,
} as const;
export const SITE = { open: 0, localSecond: 1, loggedIn: 2, staffed: 3, size: 4 } as const;
export const GROUP = { staffed: 0, loggedIn: 1, idle: 2, target: 3, size: 4 } as const;
/** per site × channel; cumulative counts let the view animate what happened between two frames */
export const SITE_CHANNEL = {
  waiting: 0,
  inTransit: 1,
  routed: 2,
  abandoned: 3,
  busyAgents: 4,
  open: 5,
  /** (v3) of `waiting`, those who accepted a call back: off the line, keeping their place */
  callbacks: 6,
  size: 7,
} as const;
/** (v3) `afterHours`: customers turned away while every site was closed, who will retry after the opening */
export const CHANNEL = { holding: 0, arrivals: 1, afterHours: 2, size: 3 } as const;
/**
 * Flows between places, for the map view (cumulative counts, appended after the CHANNEL block):
 * per channel the repeat contacts that came back, per site the contacts it escalated, and per
 * site × site (from, to) the contacts answered at another site than the one they waited at.
 */
export const FLOW = { repeats: 0, escalated: 1 } as const;

export interface Snapshot {
  nSites: number;
  nGroups: number;
  nChannels: number;
  data: Float64Array;
  /** per agent: display state */
  agentState: Uint8Array;
  /** per agent: its group */
  agentGroup: Uint16Array;
  /** per agent: contacts held (chat agents may hold several) */
  agentLoad: Uint8Array;
}

export function snapshotBuffers(s: Snapshot): ArrayBuffer[] {
  return [s.data.buffer, s.agentState.buffer, s.agentGroup.buffer, s.agentLoad.buffer] as ArrayBuffer[];
}

export function encodeSnapshot(sim: Simulation): Snapshot {
  const m = sim.model;
  const nS = m.sites.length;
  const nG = m.groups.length;
  const nC = m.channels.length;
  const size =
    HEADER.size +
    nS * SITE.size +
    nG * GROUP.size +
    nS * nC * SITE_CHANNEL.size +
    nC * CHANNEL.size +
    (nC + nS + nS * nS); // FLOW
  const d = new Float64Array(size);
  d[HEADER.now] = sim.now;
  d[HEADER.horizon] = m.horizon;
  d[HEADER.events] = sim.events;
  d[HEADER.contacts] = sim.contacts;
  d[HEADER.intervalsClosed] = sim.intervalsClosed;
  d[HEADER.done] = sim.done ? 1 : 0;
  const pool = sim.agents;
  let o = HEADER.size;
  for (let s = 0; s < nS; s++) {
    const site = m.sites[s];
    const local = localSecondOfDay(sim.now, siteOffsetAt(site, sim.now));
    d[o + SITE.open] = siteOpenAt(site, local) ? 1 : 0;
    d[o + SITE.localSecond] = local;
    for (const g of site.groups) {
      d[o + SITE.loggedIn] += pool.loggedIn(g);
      d[o + SITE.staffed] += pool.staffed(g);
    }
    o += SITE.size;
  }
  for (let g = 0; g < nG; g++) {
    d[o + GROUP.staffed] = pool.staffed(g);
    d[o + GROUP.loggedIn] = pool.loggedIn(g);
    d[o + GROUP.idle] = pool.idleCount(g);
    d[o + GROUP.target] = sim.groupTarget(g);
    o += GROUP.size;
  }
  for (let s = 0; s < nS; s++) {
    for (let c = 0; c < nC; c++) {
      const key = s * nC + c;
      d[o + SITE_CHANNEL.waiting] = sim.waitingAt[key];
      d[o + SITE_CHANNEL.inTransit] = sim.inTransit[key];
      d[o + SITE_CHANNEL.routed] = sim.routedCount[key];
      d[o + SITE_CHANNEL.abandoned] = sim.abandonCount[key];
      d[o + SITE_CHANNEL.busyAgents] = sim.busyUnitsAt(key) / UNITS;
      d[o + SITE_CHANNEL.open] = sim.openFor[key];
      d[o + SITE_CHANNEL.callbacks] = sim.callbackWaiting[key];
      o += SITE_CHANNEL.size;
    }
  }
  for (let c = 0; c < nC; c++) {
    d[o + CHANNEL.holding] = sim.holding[c];
    d[o + CHANNEL.arrivals] = sim.arrivals[c];
    d[o + CHANNEL.afterHours] = sim.afterHoursWaiting[c];
    o += CHANNEL.size;
  }
  // FLOW: repeats per channel, escalated per site, overflow per site × site
  for (let c = 0; c < nC; c++) d[o++] = sim.repeatCount[c];
  for (let s = 0; s < nS; s++) {
    let escalated = 0;
    for (let c = 0; c < nC; c++) escalated += sim.stats[sim.statIndex(c, s) + M.Escalated];
    d[o++] = escalated;
  }
  for (let k = 0; k < nS * nS; k++) d[o++] = sim.overflowCount[k];

  const n = pool.count;
  const agentState = new Uint8Array(n);
  const agentGroup = new Uint16Array(n);
  const agentLoad = new Uint8Array(n);
  const wrapping = new Uint8Array(n);
  sim.countWrapping(wrapping);
  for (let a = 0; a < n; a++) {
    agentGroup[a] = pool.group[a];
    const st = pool.state[a];
    const used = pool.used[a];
    if (st === AgentState.Off) {
      agentState[a] = AGENT_OFF;
    } else if (used === 0) {
      agentState[a] = AGENT_IDLE;
    } else {
      const c = pool.lastChannel[a];
      const units = m.channels[c].units;
      const held = Math.round(used / units);
      agentLoad[a] = held;
      if (wrapping[a] >= held) agentState[a] = AGENT_WRAP;
      else if (st === AgentState.Leaving) agentState[a] = AGENT_LEAVING;
      else agentState[a] = AGENT_BUSY + c;
    }
  }
  return { nSites: nS, nGroups: nG, nChannels: nC, data: d, agentState, agentGroup, agentLoad };
}

/** Read access to a snapshot by entity and field. */
export class SnapshotView {
  constructor(readonly snap: Snapshot) {}

  header(field: number): number {
    return this.snap.data[field];
  }

  site(s: number, field: number): number {
    return this.snap.data[HEADER.size + s * SITE.size + field];
  }

  group(g: number, field: number): number {
    return this.snap.data[HEADER.size + this.snap.nSites * SITE.size + g * GROUP.size + field];
  }

  siteChannel(s: number, c: number, field: number): number {
    const base = HEADER.size + this.snap.nSites * SITE.size + this.snap.nGroups * GROUP.size;
    return this.snap.data[base + (s * this.snap.nChannels + c) * SITE_CHANNEL.size + field];
  }

  channel(c: number, field: number): number {
    const { nSites, nGroups, nChannels } = this.snap;
    const base =
      HEADER.size + nSites * SITE.size + nGroups * GROUP.size + nSites * nChannels * SITE_CHANNEL.size;
    return this.snap.data[base + c * CHANNEL.size + field];
  }

  /** FLOW block: `FLOW.repeats` of channel `i`, or `FLOW.escalated` of site `i` (cumulative) */
  flow(kind: number, i: number): number {
    const offset = kind === FLOW.repeats ? i : this.snap.nChannels + i;
    return this.snap.data[this.flowBase() + offset] ?? 0;
  }

  /** contacts that waited at site `from` and were answered at site `to` (cumulative) */
  overflow(from: number, to: number): number {
    const { nSites, nChannels } = this.snap;
    return this.snap.data[this.flowBase() + nChannels + nSites + from * nSites + to] ?? 0;
  }

  private flowBase(): number {
    const { nSites, nGroups, nChannels } = this.snap;
    return (
      HEADER.size +
      nSites * SITE.size +
      nGroups * GROUP.size +
      nSites * nChannels * SITE_CHANNEL.size +
      nChannels * CHANNEL.size
    );
  }
}
