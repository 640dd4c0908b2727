/**
 * Real cities where contact centers sit, with their UTC offset and position, for the editor's city
 * picker and the site templates. Picking a city sets a site's `utcOffsetHours`, (v3) `timeZone` and
 * `position`.
 *
 * Offsets are standard (winter) time, because a scenario has one fixed offset per site (SPEC §3) and
 * the bundled scenarios use standard time (US Eastern −5, Manila +8, India +5.5). Half-hour zones
 * (India +5.5, Newfoundland −3.5, Adelaide +9.5) are allowed by the schema, which accepts any offset
 * from −12 to 14. Positions are city centres, rounded to two decimals (about a kilometre).
 */
import type { Location, Position } from '../sim/scenario';

export interface City {
  name: string;
  country: string;
  utcOffsetHours: number;
  /** (v3) IANA zone: with horizon.startDate it gives the offset on each date (daylight saving) */
  timeZone: string;
  lat: number;
  lon: number;
}

// prettier-ignore
const CITY_LIST: readonly Omit<City, 'timeZone'>[] = [
  // United States and Canada
  { name: 'New York', country: 'United States', utcOffsetHours: -5, lat: 40.71, lon: -74.01 },
  { name: 'Columbus', country: 'United States', utcOffsetHours: -5, lat: 39.96, lon: -83.0 },
  { name: 'Tampa', country: 'United States', utcOffsetHours: -5, lat: 27.95, lon: -82.46 },
  { name: 'Atlanta', country: 'United States', utcOffsetHours: -5, lat: 33.75, lon: -84.39 },
  { name: 'Jacksonville', country: 'United States', utcOffsetHours: -5, lat: 30.33, lon: -81.66 },
  { name: 'Chicago', country: 'United States', utcOffsetHours: -6, lat: 41.88, lon: -87.63 },
  { name: 'Dallas', country: 'United States', utcOffsetHours: -6, lat: 32.78, lon: -96.8 },
  { name: 'Austin', country: 'United States', utcOffsetHours: -6, lat: 30.27, lon: -97.74 },
  { name: 'San Antonio', country: 'United States', utcOffsetHours: -6, lat: 29.42, lon: -98.49 },
  { name: 'Denver', country: 'United States', utcOffsetHours: -7, lat: 39.74, lon: -104.99 },
  { name: 'Salt Lake City', country: 'United States', utcOffsetHours: -7, lat: 40.76, lon: -111.89 },
  { name: 'Phoenix', country: 'United States', utcOffsetHours: -7, lat: 33.45, lon: -112.07 },
  { name: 'Los Angeles', country: 'United States', utcOffsetHours: -8, lat: 34.05, lon: -118.24 },
  { name: 'Seattle', country: 'United States', utcOffsetHours: -8, lat: 47.61, lon: -122.33 },
  { name: 'Toronto', country: 'Canada', utcOffsetHours: -5, lat: 43.65, lon: -79.38 },
  { name: 'Montreal', country: 'Canada', utcOffsetHours: -5, lat: 45.5, lon: -73.57 },
  { name: 'Halifax', country: 'Canada', utcOffsetHours: -4, lat: 44.65, lon: -63.58 },
  { name: "St. John's", country: 'Canada', utcOffsetHours: -3.5, lat: 47.56, lon: -52.71 },
  { name: 'Vancouver', country: 'Canada', utcOffsetHours: -8, lat: 49.28, lon: -123.12 },
  // Latin America and the Caribbean
  { name: 'Mexico City', country: 'Mexico', utcOffsetHours: -6, lat: 19.43, lon: -99.13 },
  { name: 'Monterrey', country: 'Mexico', utcOffsetHours: -6, lat: 25.69, lon: -100.32 },
  { name: 'Guadalajara', country: 'Mexico', utcOffsetHours: -6, lat: 20.67, lon: -103.35 },
  { name: 'Tijuana', country: 'Mexico', utcOffsetHours: -8, lat: 32.51, lon: -117.04 },
  { name: 'Bogotá', country: 'Colombia', utcOffsetHours: -5, lat: 4.71, lon: -74.07 },
  { name: 'Medellín', country: 'Colombia', utcOffsetHours: -5, lat: 6.24, lon: -75.58 },
  { name: 'Barranquilla', country: 'Colombia', utcOffsetHours: -5, lat: 10.97, lon: -74.78 },
  { name: 'San José', country: 'Costa Rica', utcOffsetHours: -6, lat: 9.93, lon: -84.08 },
  { name: 'Guatemala City', country: 'Guatemala', utcOffsetHours: -6, lat: 14.63, lon: -90.51 },
  { name: 'San Salvador', country: 'El Salvador', utcOffsetHours: -6, lat: 13.69, lon: -89.22 },
  { name: 'Santo Domingo', country: 'Dominican Republic', utcOffsetHours: -4, lat: 18.49, lon: -69.93 },
  { name: 'Kingston', country: 'Jamaica', utcOffsetHours: -5, lat: 17.97, lon: -76.79 },
  { name: 'Lima', country: 'Peru', utcOffsetHours: -5, lat: -12.05, lon: -77.04 },
  { name: 'Buenos Aires', country: 'Argentina', utcOffsetHours: -3, lat: -34.6, lon: -58.38 },
  { name: 'São Paulo', country: 'Brazil', utcOffsetHours: -3, lat: -23.55, lon: -46.63 },
  // Europe, Africa, Middle East
  { name: 'London', country: 'United Kingdom', utcOffsetHours: 0, lat: 51.51, lon: -0.13 },
  { name: 'Glasgow', country: 'United Kingdom', utcOffsetHours: 0, lat: 55.86, lon: -4.25 },
  { name: 'Manchester', country: 'United Kingdom', utcOffsetHours: 0, lat: 53.48, lon: -2.24 },
  { name: 'Dublin', country: 'Ireland', utcOffsetHours: 0, lat: 53.35, lon: -6.26 },
  { name: 'Lisbon', country: 'Portugal', utcOffsetHours: 0, lat: 38.72, lon: -9.14 },
  { name: 'Porto', country: 'Portugal', utcOffsetHours: 0, lat: 41.15, lon: -8.61 },
  { name: 'Madrid', country: 'Spain', utcOffsetHours: 1, lat: 40.42, lon: -3.7 },
  { name: 'Barcelona', country: 'Spain', utcOffsetHours: 1, lat: 41.39, lon: 2.17 },
  { name: 'Paris', country: 'France', utcOffsetHours: 1, lat: 48.86, lon: 2.35 },
  { name: 'Amsterdam', country: 'Netherlands', utcOffsetHours: 1, lat: 52.37, lon: 4.9 },
  { name: 'Berlin', country: 'Germany', utcOffsetHours: 1, lat: 52.52, lon: 13.4 },
  { name: 'Kraków', country: 'Poland', utcOffsetHours: 1, lat: 50.06, lon: 19.94 },
  { name: 'Warsaw', country: 'Poland', utcOffsetHours: 1, lat: 52.23, lon: 21.01 },
  { name: 'Prague', country: 'Czechia', utcOffsetHours: 1, lat: 50.08, lon: 14.44 },
  { name: 'Budapest', country: 'Hungary', utcOffsetHours: 1, lat: 47.5, lon: 19.04 },
  { name: 'Bucharest', country: 'Romania', utcOffsetHours: 2, lat: 44.43, lon: 26.1 },
  { name: 'Sofia', country: 'Bulgaria', utcOffsetHours: 2, lat: 42.7, lon: 23.32 },
  { name: 'Athens', country: 'Greece', utcOffsetHours: 2, lat: 37.98, lon: 23.73 },
  { name: 'Istanbul', country: 'Türkiye', utcOffsetHours: 3, lat: 41.01, lon: 28.98 },
  { name: 'Casablanca', country: 'Morocco', utcOffsetHours: 1, lat: 33.57, lon: -7.59 },
  { name: 'Cairo', country: 'Egypt', utcOffsetHours: 2, lat: 30.04, lon: 31.24 },
  { name: 'Johannesburg', country: 'South Africa', utcOffsetHours: 2, lat: -26.2, lon: 28.05 },
  { name: 'Cape Town', country: 'South Africa', utcOffsetHours: 2, lat: -33.92, lon: 18.42 },
  { name: 'Nairobi', country: 'Kenya', utcOffsetHours: 3, lat: -1.29, lon: 36.82 },
  { name: 'Dubai', country: 'United Arab Emirates', utcOffsetHours: 4, lat: 25.2, lon: 55.27 },
  // Asia and Oceania
  { name: 'Karachi', country: 'Pakistan', utcOffsetHours: 5, lat: 24.86, lon: 67.0 },
  { name: 'Mumbai', country: 'India', utcOffsetHours: 5.5, lat: 19.08, lon: 72.88 },
  { name: 'Bengaluru', country: 'India', utcOffsetHours: 5.5, lat: 12.97, lon: 77.59 },
  { name: 'Hyderabad', country: 'India', utcOffsetHours: 5.5, lat: 17.39, lon: 78.49 },
  { name: 'Chennai', country: 'India', utcOffsetHours: 5.5, lat: 13.08, lon: 80.27 },
  { name: 'Pune', country: 'India', utcOffsetHours: 5.5, lat: 18.52, lon: 73.86 },
  { name: 'Gurugram', country: 'India', utcOffsetHours: 5.5, lat: 28.46, lon: 77.03 },
  { name: 'Colombo', country: 'Sri Lanka', utcOffsetHours: 5.5, lat: 6.93, lon: 79.86 },
  { name: 'Kathmandu', country: 'Nepal', utcOffsetHours: 5.75, lat: 27.72, lon: 85.32 },
  { name: 'Dhaka', country: 'Bangladesh', utcOffsetHours: 6, lat: 23.81, lon: 90.41 },
  { name: 'Ho Chi Minh City', country: 'Vietnam', utcOffsetHours: 7, lat: 10.82, lon: 106.63 },
  { name: 'Bangkok', country: 'Thailand', utcOffsetHours: 7, lat: 13.76, lon: 100.5 },
  { name: 'Kuala Lumpur', country: 'Malaysia', utcOffsetHours: 8, lat: 3.14, lon: 101.69 },
  { name: 'Singapore', country: 'Singapore', utcOffsetHours: 8, lat: 1.35, lon: 103.82 },
  { name: 'Manila', country: 'Philippines', utcOffsetHours: 8, lat: 14.6, lon: 120.98 },
  { name: 'Cebu', country: 'Philippines', utcOffsetHours: 8, lat: 10.32, lon: 123.89 },
  { name: 'Davao', country: 'Philippines', utcOffsetHours: 8, lat: 7.19, lon: 125.46 },
  { name: 'Shanghai', country: 'China', utcOffsetHours: 8, lat: 31.23, lon: 121.47 },
  { name: 'Tokyo', country: 'Japan', utcOffsetHours: 9, lat: 35.68, lon: 139.69 },
  { name: 'Adelaide', country: 'Australia', utcOffsetHours: 9.5, lat: -34.93, lon: 138.6 },
  { name: 'Brisbane', country: 'Australia', utcOffsetHours: 10, lat: -27.47, lon: 153.03 },
  { name: 'Sydney', country: 'Australia', utcOffsetHours: 10, lat: -33.87, lon: 151.21 },
  { name: 'Melbourne', country: 'Australia', utcOffsetHours: 10, lat: -37.81, lon: 144.96 },
  { name: 'Auckland', country: 'New Zealand', utcOffsetHours: 12, lat: -36.85, lon: 174.76 },
];

/** (v3) Each city's IANA zone, by name (test/cities-zones.test.ts checks its standard offset). */
const ZONES: Record<string, string> = {
  'New York': 'America/New_York',
  Columbus: 'America/New_York',
  Tampa: 'America/New_York',
  Atlanta: 'America/New_York',
  Jacksonville: 'America/New_York',
  Chicago: 'America/Chicago',
  Dallas: 'America/Chicago',
  Austin: 'America/Chicago',
  'San Antonio': 'America/Chicago',
  Denver: 'America/Denver',
  'Salt Lake City': 'America/Denver',
  Phoenix: 'America/Phoenix',
  'Los Angeles': 'America/Los_Angeles',
  Seattle: 'America/Los_Angeles',
  Toronto: 'America/Toronto',
  Montreal: 'America/Toronto',
  Halifax: 'America/Halifax',
  "St. John's": 'America/St_Johns',
  Vancouver: 'America/Vancouver',
  'Mexico City': 'America/Mexico_City',
  Guadalajara: 'America/Mexico_City',
  Monterrey: 'America/Monterrey',
  Tijuana: 'America/Tijuana',
  Bogotá: 'America/Bogota',
  Medellín: 'America/Bogota',
  Barranquilla: 'America/Bogota',
  'San José': 'America/Costa_Rica',
  'Guatemala City': 'America/Guatemala',
  'San Salvador': 'America/El_Salvador',
  'Santo Domingo': 'America/Santo_Domingo',
  Kingston: 'America/Jamaica',
  Lima: 'America/Lima',
  'Buenos Aires': 'America/Argentina/Buenos_Aires',
  'São Paulo': 'America/Sao_Paulo',
  London: 'Europe/London',
  Glasgow: 'Europe/London',
  Manchester: 'Europe/London',
  Dublin: 'Europe/Dublin',
  Lisbon: 'Europe/Lisbon',
  Porto: 'Europe/Lisbon',
  Madrid: 'Europe/Madrid',
  Barcelona: 'Europe/Madrid',
  Paris: 'Europe/Paris',
  Amsterdam: 'Europe/Amsterdam',
  Berlin: 'Europe/Berlin',
  Kraków: 'Europe/Warsaw',
  Warsaw: 'Europe/Warsaw',
  Prague: 'Europe/Prague',
  Budapest: 'Europe/Budapest',
  Bucharest: 'Europe/Bucharest',
  Sofia: 'Europe/Sofia',
  Athens: 'Europe/Athens',
  Istanbul: 'Europe/Istanbul',
  Casablanca: 'Africa/Casablanca',
  Cairo: 'Africa/Cairo',
  Johannesburg: 'Africa/Johannesburg',
  'Cape Town': 'Africa/Johannesburg',
  Nairobi: 'Africa/Nairobi',
  Dubai: 'Asia/Dubai',
  Karachi: 'Asia/Karachi',
  Mumbai: 'Asia/Kolkata',
  Bengaluru: 'Asia/Kolkata',
  Hyderabad: 'Asia/Kolkata',
  Chennai: 'Asia/Kolkata',
  Pune: 'Asia/Kolkata',
  Gurugram: 'Asia/Kolkata',
  Colombo: 'Asia/Colombo',
  Kathmandu: 'Asia/Kathmandu',
  Dhaka: 'Asia/Dhaka',
  'Ho Chi Minh City': 'Asia/Ho_Chi_Minh',
  Bangkok: 'Asia/Bangkok',
  'Kuala Lumpur': 'Asia/Kuala_Lumpur',
  Singapore: 'Asia/Singapore',
  Manila: 'Asia/Manila',
  Cebu: 'Asia/Manila',
  Davao: 'Asia/Manila',
  Shanghai: 'Asia/Shanghai',
  Tokyo: 'Asia/Tokyo',
  Adelaide: 'Australia/Adelaide',
  Brisbane: 'Australia/Brisbane',
  Sydney: 'Australia/Sydney',
  Melbourne: 'Australia/Melbourne',
  Auckland: 'Pacific/Auckland',
};

export const CITIES: readonly City[] = CITY_LIST.map((c) => ({ ...c, timeZone: ZONES[c.name] }));

/** Label shown in the picker and stored in `position.city`: "Manila, Philippines". */
export function cityLabel(c: City): string {
  return `${c.name}, ${c.country}`;
}

export function cityByLabel(label: string): City | undefined {
  return CITIES.find((c) => cityLabel(c) === label || c.name === label);
}

export function positionOf(c: City): Position {
  return { lat: c.lat, lon: c.lon, city: cityLabel(c) };
}

/** "UTC+5:30", "UTC−5", "UTC±0" */
export function formatOffset(hours: number): string {
  const sign = hours > 0 ? '+' : hours < 0 ? '−' : '±';
  const a = Math.abs(hours);
  const h = Math.floor(a);
  const m = Math.round((a - h) * 60);
  return `UTC${sign}${h}${m ? `:${String(m).padStart(2, '0')}` : ''}`;
}

/**
 * Where each template puts a new site by default, per location, nearest first to a US client: the
 * cities scenarios/README.md uses (Columbus, Phoenix, Mexico City / Monterrey / Bogotá, Manila).
 */
export const TEMPLATE_CITIES: Record<'inHouse' | Location, readonly string[]> = {
  inHouse: ['Columbus', 'Tampa', 'Dallas', 'Denver'],
  onshore: ['Phoenix', 'Dallas', 'Atlanta', 'Jacksonville'],
  nearshore: ['Mexico City', 'Bogotá', 'Monterrey', 'Medellín', 'San José'],
  offshore: ['Manila', 'Cebu', 'Bengaluru', 'Hyderabad'],
};
