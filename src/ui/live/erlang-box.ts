/**
 * The Erlang box beside the staffing sliders: per channel, the agents the steady-state model says the
 * target needs and the service level it predicts for the agents logged in now.
 *
 * Issue 27: it used the forecast's first contacts only, so it said "with 6: SL 100 %" beside a
 * measured 6.1 %. Now it uses the offered rate the run measured over the last WINDOW simulated
 * seconds (repeats and retries included; the forecast until the run has MIN_SPAN of it), and says
 * plainly what it still leaves out: the backlog (contacts waiting now; steady state assumes none),
 * shifts, routing and shared skills.
 */
import { fmtInt, fmtPercent, fmtSeconds } from '../../format/figures';
import { CHANNEL, HEADER, SITE_CHANNEL, type SimulationMeta, type SnapshotView } from '../../sim/snapshot';
import { h, setText } from '../dom';
import type { ErlangEstimator, ErlangRow } from '../erlang';

/** The offered rate is measured over this much simulated time… */
const WINDOW = 1800;
/** …once the run has at least this much of it. */
const MIN_SPAN = 300;

export interface ErlangBox {
  element: HTMLElement;
  update(view: SnapshotView, agentsFor: readonly number[]): void;
}

/** Offered contacts per second over the last WINDOW, per channel, from the cumulative arrivals. */
export function rateMeter(nChannels: number) {
  let samples: { t: number; arrivals: number[] }[] = [];
  return (now: number, arrivals: number[]): (number | null)[] => {
    const last = samples.at(-1);
    // a new run, or the warm-up's end zeroing the counters: start again
    if (last && (now < last.t || arrivals.some((a, c) => a < last.arrivals[c]))) samples = [];
    const newest = samples.at(-1);
    if (!newest || now > newest.t) samples.push({ t: now, arrivals });
    while (samples.length > 2 && now - samples[1].t >= WINDOW) samples.shift();
    const first = samples[0];
    const span = now - first.t;
    return Array.from({ length: nChannels }, (_, c) =>
      span >= MIN_SPAN ? Math.round(((arrivals[c] - first.arrivals[c]) / span) * 3600) / 3600 : null,
    );
  };
}

function rowText(r: ErlangRow, waiting: number): string {
  const needed = Number.isFinite(r.needed) ? fmtInt(r.needed) : 'more than 20,000';
  const rate = r.measured
    ? `${fmtInt(r.perHour)}/h offered (measured, repeats included)`
    : `${fmtInt(r.perHour)}/h forecast (first contacts)`;
  const backlog = waiting > 0 ? ` — not counting the ${fmtInt(waiting)} waiting now` : '';
  return (
    `${r.kind}: ${rate}, AHT ${fmtSeconds(r.meanHandleSeconds)} → needs ${needed} for ` +
    `${r.targetPercent} % in ${fmtSeconds(r.targetSeconds)}; with ${fmtInt(r.agents)}: ` +
    `SL ${fmtPercent(r.serviceLevel, 0)} in steady state${backlog}`
  );
}

export function buildErlangBox(meta: SimulationMeta, estimator: ErlangEstimator): ErlangBox {
  const rows = meta.channels.map((ch) => h('li', { 'data-testid': `erlang-${ch.kind}` }));
  const measure = rateMeter(meta.channels.length);
  const element = h(
    'div',
    { class: 'erlang', 'data-testid': 'erlang' },
    h('h3', { text: 'Erlang estimate (steady state)' }),
    h('ul', {}, ...rows),
    h('p', {
      class: 'note',
      text:
        'Erlang A/C at the offered rate the run measured over the last 30 simulated minutes (repeats and ' +
        'retries included; the forecast’s first contacts until then): agents needed for the target, and ' +
        'the service level predicted for the agents with the skill logged in now. It leaves out the ' +
        'backlog — contacts already waiting, which steady state assumes away — and shifts, routing and ' +
        'shared skills, so the measured service level can be far lower: a cross-check, not a forecast.',
    }),
  );
  return {
    element,
    update(view, agentsFor) {
      const now = view.header(HEADER.now);
      const arrivals = meta.channels.map((_, c) => view.channel(c, CHANNEL.arrivals));
      const waiting = meta.channels.map((_, c) => {
        let n = view.channel(c, CHANNEL.holding);
        for (let s = 0; s < meta.sites.length; s++) n += view.siteChannel(s, c, SITE_CHANNEL.waiting);
        return n;
      });
      estimator
        .rows(now, agentsFor, measure(now, arrivals))
        .forEach((r, c) => setText(rows[c], rowText(r, waiting[c])));
    },
  };
}
