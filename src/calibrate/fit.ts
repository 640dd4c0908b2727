/**
 * The fit: the calibrated scenario simulated, interval by interval against the log — observed abandon
 * rate, ASA and service level beside the simulation's mean and 95 % CI — and the mean absolute errors
 * over the open intervals (abandon rate and service level in percentage points, ASA in seconds).
 */
import type { SimulationResult } from '../sim/result';
import type { ChannelKind } from '../sim/scenario';
import type { IntervalObservation } from './intervals';

export interface FitFigure {
  observed: number | null;
  /** the observation's own 95 % half-width (sampling), null when undefined */
  observedCi95: number | null;
  simulated: number | null;
  simulatedCi95: number | null;
}

export interface FitInterval {
  start: string;
  offeredPerDay: number;
  agents: number;
  abandonRate: FitFigure;
  asa: FitFigure;
  serviceLevel: FitFigure;
}

export interface ChannelFit {
  channel: ChannelKind;
  intervals: FitInterval[];
  /** mean absolute error over the open intervals where both sides are defined */
  mae: { abandonRatePoints: number | null; asaSeconds: number | null; serviceLevelPoints: number | null };
  /** the whole day, observed against simulated */
  day: { abandonRate: FitFigure; asa: FitFigure };
}

export interface Fit {
  seed: string;
  replications: number;
  channels: ChannelFit[];
}

function figure(
  obs: { value: number | null; ci95: number | null },
  sim: { mean: number | null; ci95: number | null } | undefined,
): FitFigure {
  return {
    observed: obs.value,
    observedCi95: obs.ci95,
    simulated: sim?.mean ?? null,
    simulatedCi95: sim?.ci95 ?? null,
  };
}

function mae(figs: FitFigure[], scale: number): number | null {
  const d = figs
    .filter((f) => f.observed !== null && f.simulated !== null)
    .map((f) => Math.abs(f.observed! - f.simulated!) * scale);
  return d.length > 0 ? d.reduce((a, b) => a + b, 0) / d.length : null;
}

export function channelFit(
  channel: ChannelKind,
  observed: readonly IntervalObservation[],
  open: readonly boolean[],
  agents: readonly number[],
  result: SimulationResult,
  day: {
    abandonRate: { value: number | null; ci95: number | null };
    asa: { value: number | null; ci95: number | null };
  },
): ChannelFit {
  const intervals: FitInterval[] = observed.map((o, i) => {
    const sim = result.intervals[i]?.channels[channel];
    return {
      start: o.start,
      offeredPerDay: o.offeredPerDay,
      agents: agents[i],
      abandonRate: figure(o.abandonRate, sim?.abandonRate),
      asa: figure(o.asa, sim?.asa),
      serviceLevel: figure(o.serviceLevel, sim?.serviceLevel),
    };
  });
  const inOpen = intervals.filter((_, i) => open[i]);
  const ch = result.channels[channel];
  return {
    channel,
    intervals,
    mae: {
      abandonRatePoints: mae(
        inOpen.map((f) => f.abandonRate),
        100,
      ),
      asaSeconds: mae(
        inOpen.map((f) => f.asa),
        1,
      ),
      serviceLevelPoints: mae(
        inOpen.map((f) => f.serviceLevel),
        100,
      ),
    },
    day: { abandonRate: figure(day.abandonRate, ch?.abandonRate), asa: figure(day.asa, ch?.asa) },
  };
}
