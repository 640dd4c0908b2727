/**
 * The calibrated scenario: the channels' volume, profile, handle time and patience from the log, and
 * the effective agents per interval as group shifts (the scenario format's per-interval staffing).
 *
 * Shifts hold whole agents, and an effective count is fractional (5.4 agents: agents who are on the
 * queue 0.9 of their time). Rounding would move an interval's abandon rate by several points, so each
 * interval is dithered in time: ⌈n⌉ agents for the fraction n − ⌊n⌋ of its minutes, ⌊n⌋ for the rest,
 * which gives n agents on average over the interval.
 *
 * `--into`: the scenario's sites, costs, routing and other channels are kept; each calibrated channel
 * replaces its namesake (keeping its target, wrap-up, priority and the like), and its agents go to the
 * first group with the skill at each site it is routed to, in the routing's split, converted to the
 * site's local clock.
 */
import type { ChannelKind, ChannelSpec, ClassSpec, Distribution, Scenario, Shift } from '../sim/scenario';

export interface CalibratedChannel {
  channel: ChannelKind;
  volumePerDay: number;
  /** per interval of the day; 0 outside the open intervals */
  profile: number[];
  handleTime: Distribution;
  /** (v3) mean handle time per interval of the day, seconds; absent = handleTime all day */
  handleTimeProfile?: number[];
  /** (v3) day-to-day cv of the volume beyond Poisson; absent or 0 = Poisson days */
  volumeCv?: number;
  patience: Distribution | null;
  /** (v3) customer classes (by the log's priority) */
  classes?: ClassSpec[];
  /** effective agents per interval (client clock) */
  agents: number[];
}

export interface ScenarioOptions {
  name: string;
  intervalMinutes: 15 | 30 | 60;
  /** 0 when the center closes at night (a day starts empty, as the log's did); null = the engine's default */
  warmUpDays: number | null;
  into?: Scenario;
}

const ROUND = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

/** Dithered whole-agent segments of one day, in minutes of the day: [start, end) with agents. */
export function ditherAgents(
  agents: readonly number[],
  intervalMinutes: number,
): { start: number; end: number; agents: number }[] {
  const segments: { start: number; end: number; agents: number }[] = [];
  const push = (start: number, end: number, n: number) => {
    if (end <= start) return;
    const last = segments[segments.length - 1];
    if (last && last.end === start && last.agents === n) last.end = end;
    else segments.push({ start, end, agents: n });
  };
  agents.forEach((n, i) => {
    const start = i * intervalMinutes;
    const whole = Math.floor(n);
    const extra = Math.round((n - whole) * intervalMinutes);
    push(start, start + extra, whole + 1);
    push(start + extra, start + intervalMinutes, whole);
  });
  return segments.filter((s) => s.agents > 0);
}

function clockText(minutes: number): string {
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** Segments as shifts on a clock `offsetMinutes` ahead of the client's (a whole day is 00:00–24:00). */
export function segmentsToShifts(
  segments: readonly { start: number; end: number; agents: number }[],
  offsetMinutes: number,
): Shift[] {
  return segments.map((s) =>
    s.end - s.start >= 1440
      ? { start: '00:00', end: '24:00', agents: s.agents }
      : {
          start: clockText(s.start + offsetMinutes),
          end: clockText(s.end + offsetMinutes),
          agents: s.agents,
        },
  );
}

function channelSpec(c: CalibratedChannel, base: ChannelSpec | undefined): ChannelSpec {
  return {
    ...(base ?? {}),
    volumePerDay: ROUND(c.volumePerDay, 1),
    profile: c.profile.map((p) => ROUND(p, 3)),
    handleTime: c.handleTime,
    ...(c.handleTimeProfile ? { handleTimeProfile: c.handleTimeProfile.map((h) => ROUND(h, 1)) } : {}),
    ...(c.volumeCv ? { volumeCv: ROUND(c.volumeCv, 3) } : {}),
    patience: c.patience,
    ...(c.classes ? { classes: c.classes } : {}),
  };
}

export function buildScenario(channels: readonly CalibratedChannel[], options: ScenarioOptions): Scenario {
  const { intervalMinutes } = options;
  const horizon = {
    days: 1,
    intervalMinutes,
    ...(options.warmUpDays === null ? {} : { warmUpDays: options.warmUpDays }),
  };
  if (!options.into) {
    return {
      name: options.name,
      description: 'Calibrated from a call log by `sim calibrate`: effective agents per interval as shifts.',
      clientUtcOffsetHours: 0,
      horizon,
      channels: Object.fromEntries(channels.map((c) => [c.channel, channelSpec(c, undefined)])),
      sites: [
        {
          id: 'center',
          name: 'Call center',
          location: 'onshore',
          utcOffsetHours: 0,
          hours: '24/7',
          groups: channels.map((c) => {
            const shifts = segmentsToShifts(ditherAgents(c.agents, intervalMinutes), 0);
            return shifts.length > 0
              ? { id: c.channel, skills: [c.channel], shifts }
              : { id: c.channel, skills: [c.channel], agents: 0 };
          }),
          shrinkage: 0,
          cost: { hourlyRate: 0 },
        },
      ],
      routing: Object.fromEntries(channels.map((c) => [c.channel, { split: { center: 1 } }])),
    };
  }
  const s: Scenario = structuredClone(options.into);
  s.name = options.name;
  s.horizon = { ...(s.horizon ?? {}), ...horizon };
  const clientOffset = s.clientUtcOffsetHours ?? 0;
  // agents per group per interval (client clock), summed over the channels it takes
  const perGroup = new Map<string, { site: number; group: number; agents: number[] }>();
  for (const c of channels) {
    s.channels[c.channel] = channelSpec(c, s.channels[c.channel]);
    const split = s.routing?.[c.channel]?.split;
    const targets = s.sites
      .map((site, si) => ({
        si,
        gi: site.groups.findIndex((g) => g.skills.includes(c.channel)),
        weight: split ? (split[site.id] ?? 0) : 1,
      }))
      .filter((t) => t.gi >= 0 && t.weight > 0);
    const total = targets.reduce((a, t) => a + t.weight, 0);
    for (const t of targets) {
      const key = `${t.si}/${t.gi}`;
      const entry = perGroup.get(key) ?? { site: t.si, group: t.gi, agents: c.agents.map(() => 0) };
      c.agents.forEach((n, i) => (entry.agents[i] += (n * t.weight) / total));
      perGroup.set(key, entry);
    }
  }
  for (const { site, group, agents } of perGroup.values()) {
    const siteSpec = s.sites[site];
    const offsetMinutes = Math.round(((siteSpec.utcOffsetHours ?? 0) - clientOffset) * 60);
    const shifts = segmentsToShifts(ditherAgents(agents, intervalMinutes), offsetMinutes);
    const g = siteSpec.groups[group];
    delete g.agents;
    if (shifts.length > 0) g.shifts = shifts;
    else {
      delete g.shifts;
      g.agents = 0;
    }
  }
  return s;
}
