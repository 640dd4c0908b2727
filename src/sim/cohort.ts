/**
 * The cohort's follow-up (SPEC §1 v2/v3): after the horizon the model runs on while an issue raised in
 * it is open, and the repeats due after the horizon wait here until then. Cold code, apart from the
 * engine's hot path (src/sim/engine.ts): it runs once per replication.
 */
import { DAY } from './clock';
import { grown } from './typed-array';
import type { Simulation } from './engine';

/**
 * (v2) Days after the horizon for which the issues raised in it are followed (SPEC §1): those still
 * open then are reported open. See followUp.
 */
export const FOLLOW_UP_DAYS = 30;

/**
 * (v3) Days after the horizon during which fresh contacts keep arriving, so the cohort's repeats meet a
 * center as busy as the one they left (SPEC §1). They are not in the cohort. See followUp.
 */
export const FOLLOW_UP_LOAD_DAYS = 2;

/**
 * Cohort repeats due after the horizon (slot, time), kept out of the event list until followUp:
 * a bigger far heap would slow every repeat of the horizon itself.
 */
export class LateRepeats {
  id = new Int32Array(64);
  at = new Float64Array(64);
  n = 0;

  /** Keeps a cohort repeat due at or after the run's limit for followUp. */
  hold(id: number, at: number): void {
    const n = this.n;
    if (n === this.id.length) {
      this.id = grown(this.id, n * 2);
      this.at = grown(this.at, n * 2);
    }
    this.id[n] = id;
    this.at[n] = at;
    this.n = n + 1;
  }
}

/** The body of Simulation.followUp, after finish(): see its comment. */
export function followUpCohort(sim: Simulation): void {
  const m = sim.model;
  const end = m.horizon + FOLLOW_UP_DAYS * DAY;
  let raised = 0;
  for (let c = 0; c < m.channels.length; c++) raised += sim.issuesRaised[c];
  if (raised <= sim.issuesClosed) return;
  sim.limit = end;
  // What the horizon cut off: each group's next staffing change and the deadlines of waiting contacts.
  for (let g = 0; g < m.groups.length; g++) {
    const t = sim.nextChangeDay[g] * DAY + m.groups[g].changePoints[sim.nextChange[g]];
    if (t >= m.horizon && t < end) sim.queueStaffChange(g, t);
  }
  for (let id = 0; id < sim.used; id++)
    if (sim.isWaiting(id) && sim.cTimers[id] !== 0) {
      sim.setWaitTimer(id);
      if (sim.cArrive[id] + (m.channels[sim.cChan[id]].returns.callback?.offerAfter ?? 0) >= m.horizon)
        sim.setCallbackOffer(id);
    }
  // Repeats due after the horizon; those due after the follow-up stay pending (and count open).
  const late = sim.late;
  for (let i = 0; i < late.n; i++) if (late.at[i] < end) sim.queueRepeat(late.id[i], late.at[i]);
  late.n = 0;
  sim.arrivalIntervals = m.nIntervals + sim.followUpLoadDays * m.intervalsPerDay;
  for (let c = 0; c < m.channels.length; c++) sim.scheduleArrival(c, m.horizon);
  sim.runEvents(end, raised);
}
