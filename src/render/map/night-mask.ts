/**
 * The night side of the Earth as a small RGBA image over the map's lon × lat rectangle (2° a pixel),
 * stretched and smoothed by the browser. Because the projection is equirectangular (geo.ts), pixel
 * (i, j) is longitude and latitude directly: an update is one cosine per column and one multiply-add
 * per pixel, into one buffer allocated once — cheap enough to run several times per simulated hour.
 *
 * Twilight is a soft band: opacity rises from 0 at the horizon to NIGHT_ALPHA with the sun 12° below
 * it (nautical twilight), which is also what keeps the 2° grid from looking stepped.
 */
import { HORIZON_SINE, LAT_NORTH, LAT_SOUTH, sunPosition, type SunPosition } from './geo';

export const MASK_DEG = 2;
export const NIGHT_ALPHA = 0.7;
const NIGHT_RGB = [2, 6, 23] as const;
const DEG = Math.PI / 180;
const TWILIGHT_SINE = Math.sin(-12 * DEG);

export class NightMask {
  readonly width = Math.round(360 / MASK_DEG);
  readonly height = Math.round((LAT_NORTH - LAT_SOUTH) / MASK_DEG);
  /** RGBA, row 0 at LAT_NORTH, column 0 at −180° */
  readonly pixels: Uint8ClampedArray<ArrayBuffer>;
  private readonly sinLat: Float64Array;
  private readonly cosLat: Float64Array;
  private readonly cosDLon: Float64Array;
  /** the sun last drawn */
  sun: SunPosition = { declination: 0, subsolarLon: 0, equationOfTime: 0 };

  constructor() {
    this.pixels = new Uint8ClampedArray(this.width * this.height * 4);
    this.sinLat = new Float64Array(this.height);
    this.cosLat = new Float64Array(this.height);
    this.cosDLon = new Float64Array(this.width);
    for (let j = 0; j < this.height; j++) {
      const lat = (LAT_NORTH - (j + 0.5) * MASK_DEG) * DEG;
      this.sinLat[j] = Math.sin(lat);
      this.cosLat[j] = Math.cos(lat);
    }
    for (let p = 0; p < this.width * this.height; p++) {
      this.pixels[p * 4] = NIGHT_RGB[0];
      this.pixels[p * 4 + 1] = NIGHT_RGB[1];
      this.pixels[p * 4 + 2] = NIGHT_RGB[2];
    }
  }

  /** Redraws the night for `utcHours` after 00:00 UTC of day `dayOfYear`. */
  update(dayOfYear: number, utcHours: number): void {
    const sun = sunPosition(dayOfYear, utcHours);
    this.sun = sun;
    const sd = Math.sin(sun.declination * DEG);
    const cd = Math.cos(sun.declination * DEG);
    for (let i = 0; i < this.width; i++) {
      const lon = -180 + (i + 0.5) * MASK_DEG;
      this.cosDLon[i] = Math.cos((lon - sun.subsolarLon) * DEG);
    }
    const px = this.pixels;
    const span = HORIZON_SINE - TWILIGHT_SINE;
    for (let j = 0; j < this.height; j++) {
      const a = this.sinLat[j] * sd;
      const b = this.cosLat[j] * cd;
      let o = j * this.width * 4 + 3;
      for (let i = 0; i < this.width; i++, o += 4) {
        const alt = a + b * this.cosDLon[i];
        const night = alt >= HORIZON_SINE ? 0 : alt <= TWILIGHT_SINE ? 1 : (HORIZON_SINE - alt) / span;
        px[o] = night * NIGHT_ALPHA * 255;
      }
    }
  }

  /** Opacity (0–1) at (lat, lon), as drawn by the last update. */
  alphaAt(lat: number, lon: number): number {
    const i = Math.min(this.width - 1, Math.max(0, Math.floor((lon + 180) / MASK_DEG)));
    const j = Math.min(this.height - 1, Math.max(0, Math.floor((LAT_NORTH - lat) / MASK_DEG)));
    return this.pixels[(j * this.width + i) * 4 + 3] / 255;
  }
}
