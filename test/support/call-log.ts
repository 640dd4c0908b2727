/**
 * A synthetic per-call log with known parameters, for the calibration estimators' oracle tests.
 *
 * Independent of the engine on purpose (the engine has no per-contact output, and an estimator checked
 * against the code it calibrates would share its mistakes): a first-come-first-served queue with n
 * always-available agents and abandonment, simulated exactly by the agents' next-free times — in FCFS
 * a caller is answered at max(arrival, earliest free agent) unless their patience runs out first, and
 * a caller who abandons takes no agent. Arrivals are Poisson per interval (times a gamma day factor
 * when `volumeCv` > 0); each day starts empty, as a center that closes at night.
 */
export interface SyntheticSpec {
  seed: number;
  days: number;
  /** calls per day on average */
  volumePerDay: number;
  /** weights per hour of the day (24) */
  profile: number[];
  /** agents per hour of the day (24) */
  agents: number[];
  handle: { dist: 'exponential' | 'lognormal'; mean: number; cv?: number };
  /** patience per priority class: share and distribution */
  classes: {
    priority: number;
    share: number;
    patience: { dist: 'exponential' | 'lognormal'; mean: number; cv?: number };
  }[];
  /** gamma cv of each day's volume (0 = Poisson days) */
  volumeCv?: number;
  /** first date, YYYY-MM-DD (default 2027-03-01, a Monday); days run on consecutive dates */
  startDate?: string;
}

export interface SyntheticCall {
  date: string;
  arrival: number;
  wait: number;
  answered: boolean;
  service: number;
  agent: string | null;
  priority: number;
}

/** mulberry32: a tiny seeded generator, enough for test data. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sampler(u: () => number) {
  const normal = () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
  const draw = (d: { dist: 'exponential' | 'lognormal'; mean: number; cv?: number }) => {
    if (d.dist === 'exponential') return -d.mean * Math.log(1 - u());
    const s2 = Math.log(1 + (d.cv ?? 1) ** 2);
    return Math.exp(Math.log(d.mean) - s2 / 2 + Math.sqrt(s2) * normal());
  };
  /** Gamma(shape k, scale 1) by Marsaglia–Tsang (k ≥ 1 here). */
  const gamma = (k: number): number => {
    if (k < 1) return gamma(k + 1) * u() ** (1 / k);
    const d = k - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const x = normal();
      const v = (1 + c * x) ** 3;
      if (v > 0 && Math.log(1 - u()) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
    }
  };
  return { draw, gamma };
}

function addDays(date: string, n: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + n * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

export function syntheticLog(spec: SyntheticSpec): SyntheticCall[] {
  const u = rng(spec.seed);
  const { draw, gamma } = sampler(u);
  const weightSum = spec.profile.reduce((a, b) => a + b, 0);
  const calls: SyntheticCall[] = [];
  for (let day = 0; day < spec.days; day++) {
    const date = addDays(spec.startDate ?? '2027-03-01', day);
    const cv = spec.volumeCv ?? 0;
    const factor = cv > 0 ? gamma(1 / (cv * cv)) * cv * cv : 1;
    // arrivals: Poisson per hour by thinning-free exponential gaps at each hour's rate
    const arrivals: number[] = [];
    for (let h = 0; h < 24; h++) {
      const rate = (spec.volumePerDay * factor * spec.profile[h]) / weightSum / 3600;
      if (rate <= 0) continue;
      let t = h * 3600 - Math.log(1 - u()) / rate;
      while (t < (h + 1) * 3600) {
        arrivals.push(t);
        t += -Math.log(1 - u()) / rate;
      }
    }
    // agents' next-free times; an agent off shift is free only from the next hour it works
    const maxAgents = Math.max(...spec.agents);
    const free = new Array<number>(maxAgents).fill(0);
    for (const a of arrivals) {
      const r = u();
      let acc = 0;
      const cls = spec.classes.find((c) => (acc += c.share) > r) ?? spec.classes[spec.classes.length - 1];
      const patience = draw(cls.patience);
      const service = Math.max(1, Math.round(draw(spec.handle)));
      // earliest agent able to start: on shift at that time (agents[h] of them work hour h)
      let best = -1;
      let bestStart = Infinity;
      for (let k = 0; k < maxAgents; k++) {
        let s = Math.max(a, free[k]);
        while (s < 86_400 && spec.agents[Math.floor(s / 3600)] <= k) s = (Math.floor(s / 3600) + 1) * 3600;
        if (s < bestStart) {
          bestStart = s;
          best = k;
        }
      }
      const arrival = Math.floor(a);
      if (best < 0 || bestStart - a >= patience) {
        calls.push({
          date,
          arrival,
          wait: Math.round(patience),
          answered: false,
          service: 0,
          agent: null,
          priority: cls.priority,
        });
      } else {
        free[best] = bestStart + service;
        calls.push({
          date,
          arrival,
          wait: Math.round(bestStart - a),
          answered: true,
          service,
          agent: `A${best + 1}`,
          priority: cls.priority,
        });
      }
    }
  }
  return calls;
}

/** The log in the generic CSV format (src/calibrate/parse-generic.ts). */
export function genericCsv(calls: readonly SyntheticCall[]): string {
  const clock = (s: number) =>
    `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
  const lines = ['arrival,wait,outcome,service,agent,priority'];
  for (const c of calls)
    lines.push(
      `${c.date} ${clock(c.arrival)},${c.wait},${c.answered ? 'answered' : 'abandoned'},${c.service},${c.agent ?? ''},${c.priority}`,
    );
  return lines.join('\n') + '\n';
}
