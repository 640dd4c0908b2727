/**
 * Invariants every replication outcome must satisfy (SPEC §6 and the conventions in
 * src/sim/outcomes.ts), as readable problem lines: an empty list means all good.
 */
import type { OutcomeValues, ReplicationOutcome } from '../../src/sim';

const EPS = 1e-9;

/** Every non-finite number in a value, by path. */
export function nonFinite(value: unknown, path = '$', out: string[] = []): string[] {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) out.push(`${path} = ${value}`);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => nonFinite(v, `${path}[${i}]`, out));
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) nonFinite(v, `${path}.${k}`, out);
  }
  return out;
}

/** Every broken invariant of one scope's figures, as readable lines (empty = all good). */
export function scopeProblems(where: string, v: OutcomeValues): string[] {
  const p: string[] = [];
  const n = (k: keyof OutcomeValues) => v[k];
  const { offered, handled, abandoned, backlog } = v;
  if (offered === null || handled === null || abandoned === null || backlog === null)
    p.push(`${where}: a count is null`);
  else if (offered !== handled + abandoned + backlog)
    p.push(`${where}: offered ${offered} ≠ handled ${handled} + abandoned ${abandoned} + backlog ${backlog}`);
  for (const k of ['offered', 'handled', 'abandoned', 'backlog', 'resolved'] as const) {
    const x = n(k);
    if (x === null || x < 0 || !Number.isInteger(x)) p.push(`${where}.${k} = ${x}: not a count`);
  }
  for (const k of ['serviceLevel', 'abandonRate', 'occupancy'] as const) {
    const x = n(k);
    if (x !== null && !(x >= 0 && x <= 1 + EPS)) p.push(`${where}.${k} = ${x}: not in [0, 1]`);
  }
  for (const k of ['cost', 'paidHours', 'costPerResolved', 'asa', 'waitP90', 'resolutionHours'] as const) {
    const x = n(k);
    if (x !== null && !(x >= 0)) p.push(`${where}.${k} = ${x}: negative`);
  }
  for (const k of ['cost', 'paidHours'] as const) if (n(k) === null) p.push(`${where}.${k} is null`);
  // (v2) Every issue of the cohort ends one way: raised = resolved + open + given up (sites: null).
  const { issuesRaised: raised, issuesResolved: res, issuesOpen: open, issuesGivenUp: gaveUp } = v;
  if (raised !== null || open !== null || gaveUp !== null) {
    for (const [k, x] of Object.entries({ raised, res, open, gaveUp }))
      if (x === null || x < 0 || !Number.isInteger(x)) p.push(`${where}.issues ${k} = ${x}: not a count`);
    if (raised !== (res ?? NaN) + (open ?? NaN) + (gaveUp ?? NaN))
      p.push(`${where}: issuesRaised ${raised} ≠ resolved ${res} + open ${open} + given up ${gaveUp}`);
  }
  if (res !== v.resolved) p.push(`${where}: issuesResolved ${res} ≠ resolved ${v.resolved}`);
  const cpr = n('contactsPerResolution');
  if (cpr !== null && !(cpr >= 1 - EPS)) p.push(`${where}.contactsPerResolution = ${cpr}: < 1`);
  return p;
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

/** All invariants of a replication's outcome. */
export function outcomeProblems(o: ReplicationOutcome): string[] {
  const p = nonFinite(o);
  const channels = Object.entries(o.channels) as [string, OutcomeValues][];
  const sites = Object.entries(o.sites);
  for (const [k, v] of channels) p.push(...scopeProblems(`channels.${k}`, v));
  for (const [k, v] of sites) p.push(...scopeProblems(`sites.${k}`, v));
  p.push(...scopeProblems('total', o.total));

  // Channels and sites are two partitions of the same contacts and the same money.
  for (const key of ['offered', 'handled', 'abandoned', 'backlog', 'resolved'] as const) {
    const t = o.total[key] ?? NaN;
    const byChannel = channels.reduce((a, [, v]) => a + (v[key] ?? NaN), 0);
    const bySite = sites.reduce((a, [, v]) => a + (v[key] ?? NaN), 0);
    if (byChannel !== t || bySite !== t)
      p.push(`total.${key} = ${t}, channels sum to ${byChannel}, sites to ${bySite}`);
  }
  for (const key of ['issuesRaised', 'issuesOpen', 'issuesGivenUp'] as const) {
    const byChannel = channels.reduce((a, [, v]) => a + (v[key] ?? NaN), 0);
    if (byChannel !== o.total[key]) p.push(`total.${key} = ${o.total[key]}, channels sum to ${byChannel}`);
  }
  // (v3) Returns and ownership: counts whole, shares in range, owned issues no more than raised.
  for (const [scope, v] of [...channels, ['total', o.total] as const]) {
    for (const k of ['closedAttempts', 'callbacksOffered', 'callbacksAccepted'] as const) {
      const x = v[k];
      if (x === null || x < 0 || !Number.isInteger(x)) p.push(`${scope}.${k} = ${x}: not a count`);
    }
    if ((v.callbacksAccepted ?? 0) > (v.callbacksOffered ?? 0))
      p.push(`${scope}: callbacksAccepted ${v.callbacksAccepted} > offered ${v.callbacksOffered}`);
    if (v.callbackDelay !== null && !(v.callbackDelay >= 0)) p.push(`${scope}.callbackDelay < 0`);
  }
  for (const [scope, v] of [...sites, ['total', o.total] as const]) {
    const owned = v.issuesOwned;
    if (owned === null || owned < 0 || !Number.isInteger(owned)) p.push(`${scope}.issuesOwned = ${owned}`);
    const fcr = v.observedFcr;
    if (fcr !== null && !(fcr >= 0 && fcr <= 1 + EPS)) p.push(`${scope}.observedFcr = ${fcr}: not in [0, 1]`);
    if (!(v.issueCost !== null && v.issueCost >= 0)) p.push(`${scope}.issueCost = ${v.issueCost}`);
  }
  const owned = sites.reduce((a, [, v]) => a + (v.issuesOwned ?? NaN), 0);
  if (owned !== o.total.issuesOwned)
    p.push(`total.issuesOwned = ${o.total.issuesOwned}, sites sum to ${owned}`);
  if (!(owned <= (o.total.issuesRaised ?? NaN)))
    p.push(`issues owned ${owned} > issues raised ${o.total.issuesRaised}`);
  for (const key of ['closedAttempts', 'callbacksOffered', 'callbacksAccepted'] as const) {
    const byChannel = channels.reduce((a, [, v]) => a + (v[key] ?? NaN), 0);
    if (byChannel !== o.total[key]) p.push(`total.${key} = ${o.total[key]}, channels sum to ${byChannel}`);
  }
  const cost = o.total.cost ?? NaN;
  const channelCost = channels.reduce((a, [, v]) => a + (v.cost ?? NaN), 0);
  const siteCost = sites.reduce((a, [, v]) => a + (v.cost ?? NaN), 0);
  if (!close(channelCost, cost) || !close(siteCost, cost))
    p.push(`total.cost = ${cost}, channels sum to ${channelCost}, sites to ${siteCost}`);

  // Intervals: per-interval shares in range, counts whole, arrivals add up to the channel's offered.
  const offeredByInterval: Record<string, number> = {};
  o.intervals.forEach((iv, i) => {
    for (const [scope, v] of [...Object.entries(iv.channels), ['total', iv.total] as const]) {
      if (!v) continue;
      for (const k of ['serviceLevel', 'abandonRate', 'occupancy'] as const) {
        const x = v[k];
        if (x !== null && !(x >= 0 && x <= 1 + EPS))
          p.push(`intervals[${i}].${scope}.${k} = ${x}: not in [0, 1]`);
      }
      for (const k of ['offered', 'handled', 'abandoned', 'queue'] as const) {
        const x = v[k];
        if (x === null || x < 0 || !Number.isInteger(x)) p.push(`intervals[${i}].${scope}.${k} = ${x}`);
      }
      for (const k of ['cost', 'asa'] as const) {
        const x = v[k];
        if (x !== null && !(x >= 0)) p.push(`intervals[${i}].${scope}.${k} = ${x}: negative`);
      }
    }
    for (const [k, v] of Object.entries(iv.channels))
      offeredByInterval[k] = (offeredByInterval[k] ?? 0) + (v?.offered ?? 0);
  });
  for (const [k, v] of channels)
    if (offeredByInterval[k] !== v.offered)
      p.push(`channels.${k}.offered = ${v.offered}, intervals sum to ${offeredByInterval[k]}`);
  for (const [k, v] of channels) {
    const closed = o.intervals.reduce(
      (a, iv) => a + (iv.channels[k as keyof typeof iv.channels]?.closedAttempts ?? 0),
      0,
    );
    if (closed !== v.closedAttempts)
      p.push(`channels.${k}.closedAttempts = ${v.closedAttempts}, intervals sum to ${closed}`);
  }
  return p;
}
