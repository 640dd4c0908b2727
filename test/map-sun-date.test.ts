/**
 * (v3) The map's sun follows the simulated date: a dated scenario's day 1 sets the day of the year the
 * night mask is drawn for (hours past it advance the date), and the client's offset is its zone's on
 * day 1; an undated one keeps the March equinox.
 */
import { describe, expect, it } from 'vitest';
import { mapPlaces } from '../src/render/map/places';
import { sunPosition } from '../src/render/map/geo';
import { oneSite } from './support/build';

describe("the map's sun and date", () => {
  it('a dated file in June puts the sun over the Tropic of Cancer; undated stays at the equinox', () => {
    const s = oneSite(1, 1);
    s.horizon = { ...s.horizon, startDate: '2027-06-21' };
    s.clientTimeZone = 'America/New_York';
    const p = mapPlaces(s);
    expect(p.startDayOfYear).toBe(172);
    expect(p.clientUtcOffsetHours).toBe(-4); // daylight saving on 21 June
    expect(sunPosition(p.startDayOfYear, 12).declination).toBeCloseTo(23.4, 0);
    const undated = mapPlaces(oneSite(1, 1));
    expect(Math.abs(sunPosition(undated.startDayOfYear, 12).declination)).toBeLessThan(0.5);
  });
});
