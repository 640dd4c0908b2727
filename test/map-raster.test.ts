/**
 * The map's contacts drawn by the CPU (src/render/map/raster.ts): a dot is a 4 × 4 disc at its
 * colour and opacity (integers: pixel, 0xBBGGRR, 0–255), dots blend over each other, a frame clears only what the last one drew, and the
 * rectangle to upload covers both frames' dots.
 */
import { describe, expect, it } from 'vitest';
import { ParticleRaster } from '../src/render/map/raster';

const rgba = (r: ParticleRaster, x: number, y: number) => {
  const v = r.px[y * r.width + x];
  return [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, v >>> 24];
};

describe('ParticleRaster', () => {
  it('draws a dot as a 4 × 4 disc centred on its position, in its colour', () => {
    const r = new ParticleRaster(20, 10);
    r.begin();
    r.dot(10, 5, 0x0000ff, 255); // 0xBBGGRR: red
    // the block [8, 12) × [3, 7): full inside, corners at 30 %
    expect(rgba(r, 9, 4)).toEqual([255, 0, 0, 255]);
    expect(rgba(r, 10, 6)).toEqual([255, 0, 0, 255]);
    expect(rgba(r, 11, 6)[3]).toBe(77);
    expect(rgba(r, 8, 3)[3]).toBe(77);
    expect(rgba(r, 11, 3)[3]).toBe(77);
    expect(rgba(r, 7, 5)[3]).toBe(0);
    expect(rgba(r, 12, 5)[3]).toBe(0);
    let drawn = 0;
    for (const v of r.px) if (v >>> 24) drawn++;
    expect(drawn).toBe(16);
    expect(r.end()).toEqual({ x: 8, y: 3, w: 4, h: 4 });
  });

  it('blends a translucent dot over another (source over)', () => {
    const r = new ParticleRaster(20, 10);
    r.begin();
    r.dot(10, 5, 0x0000ff, 255); // red
    r.dot(10, 5, 0xff0000, 128); // half-transparent blue over it
    const [red, green, blue, a] = rgba(r, 10, 5);
    expect(a).toBe(255);
    expect(red).toBeGreaterThan(120);
    expect(red).toBeLessThan(135);
    expect(blue).toBeGreaterThan(120);
    expect(green).toBe(0);
    // alone, a fading dot keeps its colour at its opacity
    r.dot(3, 5, 0x00ff00, 64);
    expect(rgba(r, 3, 5)).toEqual([0, 255, 0, 64]);
  });

  it('skips dots that do not fit, and a transparent one', () => {
    const r = new ParticleRaster(20, 10);
    r.begin();
    r.dot(1, 5, 0xffffff, 255);
    r.dot(19, 5, 0xffffff, 255);
    r.dot(10, 9, 0xffffff, 255);
    r.dot(10, 5, 0xffffff, 0);
    expect(r.px.every((v) => v === 0)).toBe(true);
    expect(r.end().w).toBe(0);
  });

  it('clears only the last frame’s dots and uploads both frames’ rectangle', () => {
    const r = new ParticleRaster(40, 20);
    r.begin();
    r.dot(5, 5, 0xffffff, 255);
    r.end();
    r.begin();
    expect(r.px.every((v) => v === 0)).toBe(true);
    r.dot(30, 15, 0xffffff, 255);
    // the union of [3, 7) × [3, 7) and [28, 32) × [13, 17)
    expect(r.end()).toEqual({ x: 3, y: 3, w: 29, h: 14 });
    r.begin();
    expect(r.end()).toEqual({ x: 28, y: 13, w: 4, h: 4 }); // the old dot's place, cleared
    r.begin();
    expect(r.end().w).toBe(0); // nothing before, nothing now
  });
});
