/**
 * A per-contact log of a run, as a center's ACD keeps one (issue 30): one record per contact that was
 * answered or abandoned, so that `sim calibrate` can be checked against a log whose parameters are
 * known (the oracle: calibrating a log Shoreline simulated gives back its scenario).
 *
 * The engine writes to a ContactLog only when one is passed (SimulationOptions.contactLog): a null
 * check per answered or abandoned contact when off. When on, the records go into typed arrays that
 * double as they fill, so recording allocates only on a doubling.
 *
 * Every contact is recorded, warm-up and follow-up included (times in engine seconds, 0 = 00:00 of
 * day 1 on the client's clock); src/sim/contact-log-csv.ts keeps the measured days' arrivals.
 */
import { grown } from './typed-array';

export class ContactLog {
  /** records so far */
  n = 0;
  /** engine seconds when the contact joined the queue (offered) */
  arrival = new Float64Array(0);
  /** seconds waited until answered (connect delay included) or until the customer hung up */
  wait = new Float64Array(0);
  /** 1 answered, 0 abandoned */
  answered = new Uint8Array(0);
  /** seconds of talk (0 when abandoned); wrap-up is not in it */
  service = new Float64Array(0);
  /** the agent's index in the engine's pool, −1 when abandoned */
  agent = new Int32Array(0);
  /** model channel index */
  channel = new Uint8Array(0);
  /** model class index within the channel (0 without classes) */
  klass = new Uint8Array(0);
  /** model site index where it was answered or waited (−1: held, never at a site) */
  site = new Int16Array(0);

  constructor(capacity = 1024) {
    this.grow(Math.max(16, capacity));
  }

  record(
    arrival: number,
    wait: number,
    answered: boolean,
    service: number,
    agent: number,
    channel: number,
    klass: number,
    site: number,
  ): void {
    const i = this.n;
    if (i === this.arrival.length) this.grow(2 * i);
    this.arrival[i] = arrival;
    this.wait[i] = wait;
    this.answered[i] = answered ? 1 : 0;
    this.service[i] = service;
    this.agent[i] = agent;
    this.channel[i] = channel;
    this.klass[i] = klass;
    this.site[i] = site;
    this.n = i + 1;
  }

  private grow(capacity: number): void {
    this.arrival = grown(this.arrival, capacity);
    this.wait = grown(this.wait, capacity);
    this.service = grown(this.service, capacity);
    this.answered = grown(this.answered, capacity);
    this.agent = grown(this.agent, capacity);
    this.channel = grown(this.channel, capacity);
    this.klass = grown(this.klass, capacity);
    this.site = grown(this.site, capacity);
  }
}
