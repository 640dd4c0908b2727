/**
 * The map view's geography (src/render/map/geo.ts, night-mask.ts, places.ts): cities at the right
 * pixel, the sun where almanacs put it, and places without a position found by name or time zone.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  fitMap,
  isDaylight,
  LAT_NORTH,
  LAT_SOUTH,
  project,
  sunPosition,
  utcSecondsOf,
} from '../src/render/map/geo';
import { NightMask } from '../src/render/map/night-mask';
import { DEFAULT_LAT, lonOfOffset, mapPlaces } from '../src/render/map/places';
import type { Scenario } from '../src/sim/scenario';

const CITIES = {
  newYork: { lat: 40.71, lon: -74.01 },
  manila: { lat: 14.6, lon: 120.98 },
  london: { lat: 51.51, lon: -0.13 },
  sydney: { lat: -33.87, lon: 151.21 },
  bogota: { lat: 4.71, lon: -74.07 },
};
/** Day of year of 21 June (not a leap year). */
const JUNE_21 = 172;

describe('projection', () => {
  // Expected pixels from the definition of the equirectangular map, independently of d3: the map is
  // 360° wide, LAT_NORTH…LAT_SOUTH tall, centred in the canvas with its aspect kept.
  for (const [w, h] of [
    [1200, 600],
    [800, 800],
    [1920, 500],
  ]) {
    it(`places known cities within 1 % on a ${w}×${h} canvas`, () => {
      const frame = fitMap(w, h);
      const span = LAT_NORTH - LAT_SOUTH;
      const mapW = Math.min(w, (h * 360) / span);
      const mapH = (mapW * span) / 360;
      const x0 = (w - mapW) / 2;
      const y0 = (h - mapH) / 2;
      for (const c of Object.values(CITIES)) {
        const p = project(frame, c.lat, c.lon);
        const ex = x0 + ((c.lon + 180) / 360) * mapW;
        const ey = y0 + ((LAT_NORTH - c.lat) / span) * mapH;
        expect(Math.abs(p.x - ex)).toBeLessThan(0.01 * mapW);
        expect(Math.abs(p.y - ey)).toBeLessThan(0.01 * mapH);
      }
      // the order a reader expects: New York west of London, Manila north of Sydney
      expect(project(frame, CITIES.newYork.lat, CITIES.newYork.lon).x).toBeLessThan(
        project(frame, CITIES.london.lat, CITIES.london.lon).x,
      );
      expect(project(frame, CITIES.manila.lat, CITIES.manila.lon).y).toBeLessThan(
        project(frame, CITIES.sydney.lat, CITIES.sydney.lon).y,
      );
    });
  }

  it('fills the canvas on its limiting side', () => {
    const f = fitMap(1000, 300);
    expect(f.h).toBeCloseTo(300, 6);
    expect(f.w).toBeLessThanOrEqual(1000);
    const g = fitMap(700, 900);
    expect(g.w).toBeCloseTo(700, 6);
  });
});

describe('sun and terminator', () => {
  it('matches almanac values for the declination and the equation of time', () => {
    // June solstice: declination ≈ +23.44°; early November: equation of time ≈ +16.4 min
    expect(sunPosition(JUNE_21, 12).declination).toBeCloseTo(23.44, 0);
    expect(sunPosition(80, 12).declination).toBeCloseTo(0, 0);
    expect(sunPosition(307, 12).equationOfTime).toBeCloseTo(16.4, 0);
    // at 12:00 UTC the sun is near Greenwich, give or take the equation of time
    expect(Math.abs(sunPosition(JUNE_21, 12).subsolarLon)).toBeLessThan(1);
    expect(sunPosition(JUNE_21, 18).subsolarLon).toBeCloseTo(-90, 0);
  });

  it('puts Manila in daylight and New York in darkness at 03:00 US Eastern in June', () => {
    // US Eastern in June is daylight time, UTC−4: 03:00 there is 07:00 UTC (15:00 in Manila)
    for (const offset of [-4, -5]) {
      const utcHours = utcSecondsOf(3 * 3600, offset) / 3600;
      const sun = sunPosition(JUNE_21, utcHours);
      expect(isDaylight(sun, CITIES.manila.lat, CITIES.manila.lon)).toBe(true);
      expect(isDaylight(sun, CITIES.newYork.lat, CITIES.newYork.lon)).toBe(false);
    }
  });

  it('turns at sunrise: New York light at 06:00 EDT in June, dark at 05:00', () => {
    // sunrise in New York on 21 June is 05:25 EDT (09:25 UTC)
    expect(isDaylight(sunPosition(JUNE_21, 9.6), CITIES.newYork.lat, CITIES.newYork.lon)).toBe(true);
    expect(isDaylight(sunPosition(JUNE_21, 9.2), CITIES.newYork.lat, CITIES.newYork.lon)).toBe(false);
  });

  it('shades the night mask where the sun is down and leaves the day side clear', () => {
    const mask = new NightMask();
    mask.update(JUNE_21, 7);
    expect(mask.alphaAt(CITIES.manila.lat, CITIES.manila.lon)).toBe(0);
    expect(mask.alphaAt(CITIES.newYork.lat, CITIES.newYork.lon)).toBeGreaterThan(0.5);
    // twelve hours later the sides swap
    mask.update(JUNE_21, 19);
    expect(mask.alphaAt(CITIES.manila.lat, CITIES.manila.lon)).toBeGreaterThan(0.5);
    expect(mask.alphaAt(CITIES.newYork.lat, CITIES.newYork.lon)).toBe(0);
  });

  it('hands the simulated client clock to UTC', () => {
    expect(utcSecondsOf(3 * 3600, -5)).toBe(8 * 3600);
    expect(utcSecondsOf(0, 8)).toBe(-8 * 3600);
  });
});

describe('places', () => {
  const followTheSun = JSON.parse(
    readFileSync(new URL('../scenarios/follow-the-sun.json', import.meta.url), 'utf8'),
  ) as Scenario;

  it('finds follow-the-sun sites by the city in their name, and the client by time zone', () => {
    const places = mapPlaces(followTheSun);
    expect(places.sites.map((s) => s.city)).toEqual(['Tampa', 'Guadalajara', 'Manila']);
    expect(places.sites.every((s) => s.from === 'city-name')).toBe(true);
    expect(places.client.from).toBe('time-zone');
    expect(places.client.lon).toBe(-75);
    expect(places.clientUtcOffsetHours).toBe(-5);
  });

  it('prefers a position, and falls back to the time zone, stacking sites that share one', () => {
    const s: Scenario = {
      ...followTheSun,
      clientPosition: { lat: 41.88, lon: -87.63, city: 'Chicago' },
      sites: [
        { ...followTheSun.sites[0], id: 'a', name: 'Somewhere', utcOffsetHours: 5.5 },
        { ...followTheSun.sites[0], id: 'b', name: 'Elsewhere', utcOffsetHours: 5.5 },
        { ...followTheSun.sites[0], id: 'c', name: 'Pinned', position: { lat: 1, lon: 2 } },
      ],
    };
    const p = mapPlaces(s);
    expect(p.client).toMatchObject({ lat: 41.88, lon: -87.63, from: 'position' });
    expect(p.sites[0]).toMatchObject({ lat: DEFAULT_LAT, lon: 82.5, from: 'time-zone' });
    expect(p.sites[1].lon).toBe(82.5);
    expect(p.sites[1].lat).toBeLessThan(DEFAULT_LAT);
    expect(p.sites[2]).toMatchObject({ lat: 1, lon: 2, from: 'position' });
    expect(lonOfOffset(14)).toBe(-150);
  });
});
