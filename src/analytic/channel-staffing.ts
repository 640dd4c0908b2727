/**
 * The Erlang staffing estimate for a scenario's channel: its arrival rate (or a site's share of it),
 * the mean busy time per contact (handle time × the site's handle-time factor, plus wrap-up), its
 * concurrency, patience and target, each with the scenario defaults where the channel leaves them
 * out. The editor's new-site templates, the live estimate beside the sliders and the optimiser's
 * starting point all size agents this way, so they agree with each other.
 */
import { distributionMean } from '../sim/distribution';
import { DEFAULTS, LIMITS, type ChannelKind, type ChannelSpec } from '../sim/scenario';
import { staffingEstimate, type StaffingEstimate, type StaffingInput } from './index';

/** The estimate's inputs for channel `kind` at `ratePerSecond` and a site's handle-time factor. */
export function channelStaffingInput(
  kind: ChannelKind,
  ch: ChannelSpec,
  ratePerSecond: number,
  handleTimeFactor = 1,
): StaffingInput {
  const patience = ch.patience === undefined ? DEFAULTS.patience[kind] : ch.patience;
  const patienceMean = patience ? distributionMean(patience) : 0;
  const handle =
    distributionMean(ch.handleTime) * handleTimeFactor + distributionMean(ch.wrapUp ?? DEFAULTS.wrapUp);
  return {
    arrivalRatePerSecond: ratePerSecond,
    meanHandleSeconds: Math.max(handle, 1e-6),
    concurrency: ch.concurrency ?? DEFAULTS.concurrency,
    meanPatienceSeconds: patienceMean > 0 ? patienceMean : null,
    target: ch.target ?? DEFAULTS.target[kind],
    maxAgents: LIMITS.maxAgentsPerGroup,
  };
}

/** Agents the channel needs at this rate: Erlang A with a patience, else Erlang C. */
export function channelStaffing(
  kind: ChannelKind,
  ch: ChannelSpec,
  ratePerSecond: number,
  handleTimeFactor = 1,
): StaffingEstimate {
  return staffingEstimate(channelStaffingInput(kind, ch, ratePerSecond, handleTimeFactor));
}
