/**
 * Where the map puts each site and the customers, and the delays a contact meets on the way, from
 * the scenario (SPEC v2 §3 `position` and `clientPosition`). The map scene never reads the engine's
 * model: main.ts hands it these plain facts next to the SimulationMeta.
 *
 * Without a position, a place is found in order: a city of src/scenario/cities.ts named in the site's
 * name with the same UTC offset ("Tampa, FL (in-house)" → Tampa), else its time zone: longitude
 * 15° × offset at latitude DEFAULT_LAT (the band where most contact-center hubs are), sites sharing a
 * time zone stacked a few degrees apart so they do not hide each other.
 */
import { CITIES } from '../../scenario/cities';
import { DEFAULTS, type Position, type Scenario } from '../../sim/scenario';
import { dayOfYear, localMidnightUtc, zoneOffset } from '../../sim/calendar';
import { clientOffsetHours } from '../../sim/model';
import { MAP_DAY_OF_YEAR } from './geo';

/** Latitude of a place known only by its time zone. */
export const DEFAULT_LAT = 25;
/** Latitude of the customers when only their time zone is known (the populated mid-latitudes). */
export const DEFAULT_CLIENT_LAT = 38;
const STACK_DEG = 7;

export interface MapPlace {
  lat: number;
  lon: number;
  /** the city's label, or null when placed by time zone */
  city: string | null;
  /** how the place was found */
  from: 'position' | 'city-name' | 'time-zone';
}

export interface MapSitePlace extends MapPlace {
  utcOffsetHours: number;
  /** seconds between an agent taking a live contact and talking (network, IVR): slows the dots */
  connectDelaySeconds: number;
  /** seconds a deferred contact (email) travels to the site before it can be taken */
  handoffDelaySeconds: number;
  /** site index escalations go to, or −1 */
  escalationTo: number;
}

export interface MapPlaces {
  /** the client's UTC offset at the clock's 0 (in a dated file, its zone's on day 1) */
  clientUtcOffsetHours: number;
  /** (v3) day of the year of day 1, for the sun: horizon.startDate's, or the equinox when undated */
  startDayOfYear: number;
  client: MapPlace;
  sites: MapSitePlace[];
}

/** Longitude of a UTC offset, wrapped into [−180, 180]. */
export function lonOfOffset(hours: number): number {
  const lon = 15 * hours;
  return lon > 180 ? lon - 360 : lon;
}

function cityIn(name: string, offset: number): MapPlace | null {
  const lower = name.toLowerCase();
  // longest name first: "San José" before "San"-anything, "Mexico City" before a shorter match
  const byLength = [...CITIES].sort((a, b) => b.name.length - a.name.length);
  for (const c of byLength) {
    if (c.utcOffsetHours === offset && lower.includes(c.name.toLowerCase()))
      return { lat: c.lat, lon: c.lon, city: c.name, from: 'city-name' };
  }
  return null;
}

function fromPosition(p: Position): MapPlace {
  return { lat: p.lat, lon: p.lon, city: p.city ?? null, from: 'position' };
}

export function mapPlaces(s: Scenario): MapPlaces {
  const date = s.horizon?.startDate;
  const zone = s.clientTimeZone;
  const clientUtcOffsetHours =
    date && zone ? zoneOffset(zone, localMidnightUtc(zone, date)) / 3600 : clientOffsetHours(s);
  const client = s.clientPosition
    ? fromPosition(s.clientPosition)
    : {
        lat: DEFAULT_CLIENT_LAT,
        lon: lonOfOffset(clientUtcOffsetHours),
        city: null,
        from: 'time-zone' as const,
      };
  const ids = new Map(s.sites.map((site, i) => [site.id, i]));
  const stacked = new Map<number, number>();
  const sites = s.sites.map((site): MapSitePlace => {
    const offset = site.utcOffsetHours ?? DEFAULTS.site.utcOffsetHours;
    let place = site.position ? fromPosition(site.position) : cityIn(site.name, offset);
    if (!place) {
      const n = stacked.get(offset) ?? 0;
      stacked.set(offset, n + 1);
      place = { lat: DEFAULT_LAT - n * STACK_DEG, lon: lonOfOffset(offset), city: null, from: 'time-zone' };
    }
    const esc = site.escalation;
    return {
      ...place,
      utcOffsetHours: offset,
      connectDelaySeconds: site.connectDelaySeconds ?? DEFAULTS.site.connectDelaySeconds,
      handoffDelaySeconds: site.handoffDelaySeconds ?? DEFAULTS.site.handoffDelaySeconds,
      escalationTo: esc && esc.rate > 0 ? (ids.get(esc.to) ?? -1) : -1,
    };
  });
  return {
    clientUtcOffsetHours,
    startDayOfYear: date ? dayOfYear(date) : MAP_DAY_OF_YEAR,
    client,
    sites,
  };
}
