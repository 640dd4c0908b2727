/**
 * Scenario parameters addressed by a path, for sweeps: `sites[1].groups[0].agents`,
 * `routing.voice.split.mnl`, `sites[manila].groups[voice].agents` (a non-numeric bracket on an array
 * picks the element whose `id` is that text), `channels.voice.volumePerDay`; and the convenience
 * `share:<channel>:<siteId>` — that site's share of the channel's split, in percent, the rest spread
 * over the other sites in their current proportions; `agents:<siteId>/<groupId>` — a group's agents
 * as its live slider sets them (a group with shifts keeps its pattern, scaled to that peak:
 * src/scenario/staffing.ts), so an agents sweep means the same in the app and on the command line;
 * and (v3) `contract:<siteId>:rate` — a contract site's billed rate — and `fcr:<siteId>` — a site's
 * first-contact resolution (0–1), the two a break-even sweep of outsourcing turns
 * (src/optimise/break-even.ts).
 *
 * Pure: no Node APIs (the browser reuses it). Nothing here validates a scenario; the caller runs the
 * schema on every point.
 */
import type { ChannelKind, Scenario } from '../sim/scenario';
import { CHANNEL_KINDS } from '../sim/scenario';
import { withGroupAgents } from '../scenario/staffing';
import { servesChannel } from '../sim/serving';

export type PathSegment = { key: string } | { index: number } | { id: string };

export type Param =
  | { kind: 'path'; text: string; segments: PathSegment[] }
  | { kind: 'share'; text: string; channel: ChannelKind; siteId: string }
  | { kind: 'contract'; text: string; siteId: string; field: 'rate' }
  | { kind: 'fcr'; text: string; siteId: string }
  | { kind: 'agents'; text: string; group: string };

/** Parses `a.b[2].c`, `a["x.y"]`, `sites[manila]`; or `share:<channel>:<siteId>`. */
export function parseParam(text: string): { ok: true; param: Param } | { ok: false; problem: string } {
  const bad = (why: string) => ({ ok: false as const, problem: `--param: ${why} (got "${text}")` });
  if (text.startsWith('share:')) {
    const [, channel, ...rest] = text.split(':');
    const siteId = rest.join(':');
    if (!(CHANNEL_KINDS as readonly string[]).includes(channel))
      return bad(`share:<channel>:<siteId> needs a channel, one of ${CHANNEL_KINDS.join(', ')}`);
    if (siteId === '') return bad('share:<channel>:<siteId> needs a site id');
    return { ok: true, param: { kind: 'share', text, channel: channel as ChannelKind, siteId } };
  }
  if (text.startsWith('contract:')) {
    const rest = text.slice('contract:'.length);
    const colon = rest.lastIndexOf(':');
    const siteId = colon < 0 ? '' : rest.slice(0, colon);
    const field = colon < 0 ? rest : rest.slice(colon + 1);
    if (siteId === '' || field !== 'rate')
      return bad('contract:<siteId>:rate names a site and the field "rate"');
    return { ok: true, param: { kind: 'contract', text, siteId, field } };
  }
  if (text.startsWith('fcr:')) {
    const siteId = text.slice('fcr:'.length);
    if (siteId === '') return bad('fcr:<siteId> needs a site id');
    return { ok: true, param: { kind: 'fcr', text, siteId } };
  }
  if (text.startsWith('agents:')) {
    const group = text.slice('agents:'.length);
    if (!/^[^/]+\/[^/]+$/.test(group)) return bad('agents:<siteId>/<groupId> needs a site id and a group id');
    return { ok: true, param: { kind: 'agents', text, group } };
  }
  const segments: PathSegment[] = [];
  let i = 0;
  const n = text.length;
  if (n === 0) return bad('empty path');
  while (i < n) {
    const c = text[i];
    if (c === '[') {
      const close = text.indexOf(']', i);
      if (close < 0) return bad('unclosed "["');
      const inner = text.slice(i + 1, close).trim();
      if (/^\d+$/.test(inner)) segments.push({ index: Number(inner) });
      else if (/^"[^"]*"$/.test(inner) || /^'[^']*'$/.test(inner)) segments.push({ key: inner.slice(1, -1) });
      else if (inner !== '') segments.push({ id: inner });
      else return bad('empty "[]"');
      i = close + 1;
      if (i < n && text[i] === '.') {
        i++;
        if (i >= n) return bad('ends with "."');
      }
      continue;
    }
    let j = i;
    while (j < n && text[j] !== '.' && text[j] !== '[') j++;
    const key = text.slice(i, j);
    if (key === '') return bad('empty name between dots');
    segments.push({ key });
    i = j;
    if (i < n && text[i] === '.') {
      i++;
      if (i >= n) return bad('ends with "."');
    }
  }
  return { ok: true, param: { kind: 'path', text, segments } };
}

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(seg: PathSegment): string {
  return 'index' in seg ? `[${seg.index}]` : 'id' in seg ? `[${seg.id}]` : seg.key;
}

/**
 * Returns a deep copy of `scenario` with the parameter set to `value`, or the problem. A path must
 * exist up to its parent; its last key may be new on an object (a site added to a split).
 */
export function applyParam(
  scenario: Scenario,
  param: Param,
  value: number,
): { ok: true; scenario: Scenario } | { ok: false; problem: string } {
  if (param.kind === 'agents') return withGroupAgents(scenario, param.group, value);
  const copy = structuredClone(scenario);
  if (param.kind === 'share') {
    const problem = setShare(copy, param.channel, param.siteId, value);
    return problem === undefined ? { ok: true, scenario: copy } : { ok: false, problem };
  }
  if (param.kind === 'contract' || param.kind === 'fcr') {
    const site = copy.sites.find((s) => s.id === param.siteId);
    if (!site) return { ok: false, problem: `${param.text}: no site has the id "${param.siteId}"` };
    if (param.kind === 'fcr') site.firstContactResolution = value;
    else if (!site.contract)
      return {
        ok: false,
        problem: `${param.text}: site "${param.siteId}" has no contract (it pays hourly labour)`,
      };
    else site.contract.rate = value;
    return { ok: true, scenario: copy };
  }
  let node: unknown = copy;
  const segs = param.segments;
  let where = '';
  for (let s = 0; s < segs.length; s++) {
    const seg = segs[s];
    const last = s === segs.length - 1;
    const here =
      where === '' ? describe(seg) : 'key' in seg ? `${where}.${seg.key}` : `${where}${describe(seg)}`;
    if ('key' in seg) {
      if (!isObject(node)) return { ok: false, problem: `${here}: ${where || '(root)'} is not an object` };
      if (FORBIDDEN.has(seg.key)) return { ok: false, problem: `${here}: not a scenario field` };
      if (last) {
        const old = node[seg.key];
        if (old !== undefined && typeof old !== 'number')
          return { ok: false, problem: `${here}: is not a number (it is ${describeValue(old)})` };
        node[seg.key] = value;
        return { ok: true, scenario: copy };
      }
      if (!Object.hasOwn(node, seg.key) || node[seg.key] === undefined)
        return { ok: false, problem: `${here}: no such field` };
      node = node[seg.key];
    } else {
      if (!Array.isArray(node)) return { ok: false, problem: `${here}: ${where || '(root)'} is not a list` };
      let index: number;
      if ('index' in seg) {
        index = seg.index;
        if (index >= node.length)
          return { ok: false, problem: `${here}: out of range (the list has ${node.length})` };
      } else {
        index = node.findIndex((e) => isObject(e) && e.id === seg.id);
        if (index < 0) return { ok: false, problem: `${here}: no element with id "${seg.id}"` };
      }
      if (last) {
        if (typeof node[index] !== 'number')
          return { ok: false, problem: `${here}: is not a number (it is ${describeValue(node[index])})` };
        node[index] = value;
        return { ok: true, scenario: copy };
      }
      node = node[index];
    }
    where = here;
  }
  return { ok: false, problem: `${param.text}: empty path` };
}

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  return typeof v === 'string' ? `the text ${JSON.stringify(v)}` : String(v);
}

/** The split weights in force for a channel: the routing's, or equal over the sites with the skill. */
export function currentSplit(scenario: Scenario, channel: ChannelKind): Record<string, number> {
  const split = scenario.routing?.[channel]?.split;
  if (split) return { ...split };
  const out: Record<string, number> = {};
  for (const s of scenario.sites) if (servesChannel(s, channel)) out[s.id] = 1;
  return out;
}

/** Sets site's share of the channel's split to percent %, spreading the rest proportionally. */
function setShare(
  scenario: Scenario,
  channel: ChannelKind,
  siteId: string,
  percent: number,
): string | undefined {
  const name = `share:${channel}:${siteId}`;
  if (!scenario.channels[channel]) return `${name}: the scenario has no channel "${channel}"`;
  if (!scenario.sites.some((s) => s.id === siteId)) return `${name}: no site has the id "${siteId}"`;
  if (!(percent >= 0 && percent <= 100)) return `${name}: a share is 0 to 100 % (got ${percent})`;
  const split = currentSplit(scenario, channel);
  const others = Object.keys(split).filter((id) => id !== siteId);
  let otherWeight = others.reduce((a, id) => a + split[id], 0);
  let weights: Record<string, number> = Object.fromEntries(others.map((id) => [id, split[id]]));
  if (otherWeight <= 0) {
    // No other site carries weight now: spread the rest equally over the other sites with the skill.
    const skilled = scenario.sites
      .filter((s) => s.id !== siteId && servesChannel(s, channel))
      .map((s) => s.id);
    if (skilled.length === 0 && percent < 100)
      return `${name}: no other site answers ${channel} to take the remaining ${100 - percent} %`;
    weights = Object.fromEntries(skilled.map((id) => [id, 1]));
    otherWeight = skilled.length;
  }
  const share = percent / 100;
  const next: Record<string, number> = {};
  // Keep the split's key order (its sites first, in order), then any site newly given weight.
  for (const id of [...Object.keys(split), ...Object.keys(weights)]) {
    if (id in next) continue;
    next[id] = id === siteId ? share : otherWeight > 0 ? ((1 - share) * (weights[id] ?? 0)) / otherWeight : 0;
  }
  if (!(siteId in next)) next[siteId] = share;
  scenario.routing = { ...scenario.routing, [channel]: { ...scenario.routing?.[channel], split: next } };
  return undefined;
}

/** from, from + step, … ≤ to (within rounding); values rounded to 10 significant decimals. */
export function sweepValues(from: number, to: number, step: number, max = 10_000): number[] {
  const out: number[] = [];
  const n = Math.floor((to - from) / step + 1e-9);
  for (let i = 0; i <= n && out.length <= max; i++) out.push(Number((from + i * step).toPrecision(12)));
  return out;
}
