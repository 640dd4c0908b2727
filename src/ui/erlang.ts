/**
 * The Erlang estimate shown beside the staffing controls: for each channel, at the current interval's
 * arrival rate, the agents the analytic model says the target needs, and the service level it predicts
 * for the agents logged in now. A steady-state cross-check (see src/analytic/index.ts for the
 * assumptions), not a forecast of the simulation: no shifts, routing, overflow or multi-skill sharing.
 */
import { channelStaffingInput } from '../analytic/channel-staffing';
import { erlangA, staffingEstimate } from '../analytic/index';
import { DAY } from '../sim/clock';
import { compileModel, type Model } from '../sim/model';
import type { Scenario } from '../sim/scenario';

export interface ErlangRow {
  kind: string;
  /** arrivals per hour: measured by the run (repeats included), else the forecast's at the current interval */
  perHour: number;
  measured: boolean;
  meanHandleSeconds: number;
  /** agents needed for the target (Erlang A with patience, else Erlang C); Infinity if unreachable */
  needed: number;
  /** logged-in agents with the skill now (an agent with several skills counts for each) */
  agents: number;
  /** predicted service level with `agents` (0–1) */
  serviceLevel: number;
  targetPercent: number;
  targetSeconds: number;
}

/** Compiles once per scenario; `rows()` is then cheap enough to call a few times a second. */
export class ErlangEstimator {
  private readonly model: Model;
  private cache = new Map<string, ErlangRow>();

  constructor(private readonly scenario: Scenario) {
    this.model = compileModel(scenario);
  }

  /**
   * `agentsFor[c]`: logged-in agents with channel c's skill now; `now`: simulation clock, seconds;
   * `measured[c]`: the offered rate the run measured (per second, repeats and retries included), used
   * instead of the forecast's first contacts when given.
   */
  rows(now: number, agentsFor: readonly number[], measured: readonly (number | null)[] = []): ErlangRow[] {
    const m = this.model;
    const k = Math.min(m.intervalsPerDay - 1, Math.floor((now % DAY) / m.intervalSeconds));
    return m.channels.map((ch, c) => {
      const agents = agentsFor[c] ?? 0;
      const rate = measured[c] ?? ch.rate[k];
      const key = `${c}:${k}:${agents}:${measured[c] ?? 'f'}`;
      const hit = this.cache.get(key);
      if (hit) return hit;
      const input = channelStaffingInput(ch.kind, this.scenario.channels[ch.kind]!, rate);
      const handle = input.meanHandleSeconds;
      const patience = input.meanPatienceSeconds ?? null;
      const est = staffingEstimate(input);
      const serviceLevel =
        rate === 0
          ? 1
          : agents === 0
            ? 0
            : erlangA({
                agents: agents * ch.concurrency,
                arrivalRatePerSecond: rate,
                meanHandleSeconds: handle,
                meanPatienceSeconds: patience ?? Infinity,
                withinSeconds: input.target.withinSeconds,
              }).serviceLevel;
      const row: ErlangRow = {
        kind: ch.kind,
        perHour: rate * 3600,
        measured: measured[c] != null,
        meanHandleSeconds: handle,
        needed: est.agentsErlangA ?? est.agentsErlangC,
        agents,
        serviceLevel,
        targetPercent: ch.target.percent,
        targetSeconds: ch.target.withinSeconds,
      };
      if (this.cache.size > 2000) this.cache.clear();
      this.cache.set(key, row);
      return row;
    });
  }
}
