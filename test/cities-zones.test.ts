/**
 * (v3) The editor's cities carry IANA zones: each one known to the platform's time-zone database, with
 * a standard offset equal to the city's `utcOffsetHours` (so an undated file and a dated one agree in
 * winter), and picking a city sets the zone.
 */
import { describe, expect, it } from 'vitest';
import { CITIES } from '../src/scenario/cities';
import { isTimeZone, standardOffsetHours } from '../src/sim/calendar';
import { setClientCity, setSiteCity } from '../src/ui/editor/edits';
import { oneSite } from './support/build';

describe('cities and their zones', () => {
  it('every city has a known zone whose standard offset is its utcOffsetHours', () => {
    for (const c of CITIES) {
      expect(isTimeZone(c.timeZone ?? ''), c.name).toBe(true);
      expect(standardOffsetHours(c.timeZone), c.name).toBe(c.utcOffsetHours);
    }
  });

  it('picking a city sets the zone, for a site and for the client', () => {
    const manila = CITIES.find((c) => c.name === 'Manila')!;
    expect(setSiteCity(oneSite(1, 1), 0, 'Manila').sites[0].timeZone).toBe('Asia/Manila');
    expect(setClientCity(oneSite(1, 1), manila).clientTimeZone).toBe('Asia/Manila');
  });
});
