/**
 * Geography of the map view, pure and DOM-free (unit-tested in Node, test/map-geo.test.ts): the
 * projection fitted to the canvas, where the sun is at a simulated moment, and whether a place is in
 * daylight.
 *
 * The projection is equirectangular (d3-geo's geoEquirectangular, cropped to the inhabited latitudes):
 * longitude and latitude map linearly to pixels, so the night mask (night-mask.ts) is a small lon × lat
 * grid stretched over the map with no reprojection, and updating it costs a few thousand
 * multiply-adds rather than a per-pixel inverse projection.
 *
 * Sun position from NOAA's "general solar position calculations" (fractional-year series for the
 * declination and the equation of time), good to a fraction of a degree — far finer than the map.
 */
import { geoEquirectangular, type GeoProjection } from 'd3-geo';

/** Latitudes shown: from Tierra del Fuego to northern Scandinavia (Antarctica and the Arctic cut). */
export const LAT_NORTH = 75;
export const LAT_SOUTH = -57;
const DEG = Math.PI / 180;

/**
 * An undated scenario has no calendar date, so the map shades one fixed day: the March equinox (day
 * 80), when day and night are twelve hours long everywhere and no season is implied. (v3) A dated one
 * starts from horizon.startDate's day (places.ts).
 */
export const MAP_DAY_OF_YEAR = 80;

export interface MapFrame {
  projection: GeoProjection;
  /** the map's rectangle in canvas pixels (centred; the rest of the canvas is margin) */
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The projection fitted (aspect kept, centred) into a width × height canvas. */
export function fitMap(width: number, height: number): MapFrame {
  const spanLat = LAT_NORTH - LAT_SOUTH;
  // scale k: pixels per radian; 360° wide and spanLat° tall must both fit
  const k = Math.max(1e-6, Math.min(width / (2 * Math.PI), height / (spanLat * DEG)));
  const w = 2 * Math.PI * k;
  const h = spanLat * DEG * k;
  const x = (width - w) / 2;
  const y = (height - h) / 2;
  // geoEquirectangular puts (0°, 0°) at the translate point; the equator sits LAT_NORTH° below the top
  const projection = geoEquirectangular()
    .scale(k)
    .translate([x + w / 2, y + LAT_NORTH * DEG * k])
    .precision(0.5);
  return { projection, x, y, w, h };
}

/** Canvas pixel of (lat, lon); points outside the cropped latitudes land outside the map rectangle. */
export function project(frame: MapFrame, lat: number, lon: number): { x: number; y: number } {
  const p = frame.projection([lon, lat]);
  return p ? { x: p[0], y: p[1] } : { x: frame.x, y: frame.y };
}

/** Seconds since 00:00 UTC of day 0, from the simulation clock (client clock, SPEC §3). */
export function utcSecondsOf(simSeconds: number, clientUtcOffsetHours: number): number {
  return simSeconds - clientUtcOffsetHours * 3600;
}

export interface SunPosition {
  /** solar declination, degrees (latitude of the subsolar point) */
  declination: number;
  /** longitude of the subsolar point, degrees in [−180, 180) */
  subsolarLon: number;
  /** equation of time, minutes (apparent minus mean solar time) */
  equationOfTime: number;
}

/** Where the sun is overhead at `utcHours` (may exceed 24: later days) on day `dayOfYear` (1–365). */
export function sunPosition(dayOfYear: number, utcHours: number): SunPosition {
  const days = Math.floor(utcHours / 24);
  const hour = utcHours - days * 24;
  const doy = dayOfYear + days;
  const g = ((2 * Math.PI) / 365) * (doy - 1 + (hour - 12) / 24);
  const equationOfTime =
    229.18 *
    (0.000075 +
      0.001868 * Math.cos(g) -
      0.032077 * Math.sin(g) -
      0.014615 * Math.cos(2 * g) -
      0.040849 * Math.sin(2 * g));
  const decl =
    0.006918 -
    0.399912 * Math.cos(g) +
    0.070257 * Math.sin(g) -
    0.006758 * Math.cos(2 * g) +
    0.000907 * Math.sin(2 * g) -
    0.002697 * Math.cos(3 * g) +
    0.00148 * Math.sin(3 * g);
  let lon = -15 * (hour - 12 + equationOfTime / 60);
  lon = ((((lon + 180) % 360) + 360) % 360) - 180;
  return { declination: decl / DEG, subsolarLon: lon, equationOfTime };
}

/** Sine of the sun's altitude at (lat, lon). */
export function sunAltitudeSine(sun: SunPosition, lat: number, lon: number): number {
  const d = sun.declination * DEG;
  const phi = lat * DEG;
  return Math.sin(phi) * Math.sin(d) + Math.cos(phi) * Math.cos(d) * Math.cos((lon - sun.subsolarLon) * DEG);
}

/** The sun's centre 0.833° below the horizon: sunrise and sunset as almanacs count them (refraction). */
export const HORIZON_SINE = Math.sin(-0.833 * DEG);

export function isDaylight(sun: SunPosition, lat: number, lon: number): boolean {
  return sunAltitudeSine(sun, lat, lon) > HORIZON_SINE;
}
