/**
 * The map's contacts drawn by the CPU into one RGBA pixel buffer, put on a 2D canvas once per frame.
 *
 * Why not WebGL (a Pixi ParticleContainer, as the map first had): without a GPU the browser's WebGL is
 * SwiftShader, which pays per quad for thousands of 4-pixel dots, and a WebGL canvas composited in
 * software is read back (glReadPixels) on the main thread every frame, which waits for the GPU
 * process to finish the frame. Profiled in headless Chromium (bench/RESULTS.md, 2026-12-02): at 5,000
 * particles the map ran at 33–44 fps with the ParticleContainer and 60 with this buffer.
 *
 * Pooled and allocation-free per frame: the buffer is allocated once per size; a frame clears only the
 * rectangle the last frame drew in, draws each dot as a 4 × 4 disc (corners at 30 %) blended over what
 * is there, and reports the rectangle to upload (the union of the last frame's and this one's).
 * Pure and DOM-free (unit-tested in Node, test/map-raster.test.ts); the scene wraps `bytes` in an
 * ImageData.
 */

/** opacity of a dot's corner pixels, in 1/256: a 4-pixel disc covers about 30 % of them */
const CORNER = 77;

export interface DirtyRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export class ParticleRaster {
  readonly bytes: Uint8ClampedArray<ArrayBuffer>;
  /** the same pixels as 0xAABBGGRR words (little-endian RGBA) */
  readonly px: Uint32Array;
  // this frame's and the last frame's drawn rectangle, [x0, x1) × [y0, y1); empty when x0 ≥ x1
  private x0 = 0;
  private x1 = 0;
  private y0 = 0;
  private y1 = 0;
  private lx0 = 0;
  private lx1 = 0;
  private ly0 = 0;
  private ly1 = 0;
  /** the rectangle to upload after end(), reused */
  readonly dirty: DirtyRect = { x: 0, y: 0, w: 0, h: 0 };

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.bytes = new Uint8ClampedArray(Math.max(1, width * height) * 4);
    this.px = new Uint32Array(this.bytes.buffer);
  }

  /** Starts a frame: clears what the last frame drew. */
  begin(): void {
    const w = this.width;
    if (this.x0 < this.x1)
      for (let y = this.y0; y < this.y1; y++) this.px.fill(0, y * w + this.x0, y * w + this.x1);
    this.lx0 = this.x0;
    this.lx1 = this.x1;
    this.ly0 = this.y0;
    this.ly1 = this.y1;
    this.x0 = w;
    this.x1 = 0;
    this.y0 = this.height;
    this.y1 = 0;
  }

  /**
   * Draws a dot centred on pixel corner (x, y) in colour `bgr` (0xBBGGRR, as FlowField.bgr) at
   * opacity `alpha` (0–255). All integers: doubles passed to a call that is not inlined are boxed,
   * which was ~15 MB/s of garbage at 5,000 dots. A dot that does not fit wholly inside is not drawn.
   */
  dot(x: number, y: number, bgr: number, alpha: number): void {
    const ix = x - 2;
    const iy = y - 2;
    const w = this.width;
    if (ix < 0 || iy < 0 || ix + 4 > w || iy + 4 > this.height || alpha <= 0) return;
    if (ix < this.x0) this.x0 = ix;
    if (ix + 4 > this.x1) this.x1 = ix + 4;
    if (iy < this.y0) this.y0 = iy;
    if (iy + 4 > this.y1) this.y1 = iy + 4;
    const a = alpha > 255 ? 255 : alpha;
    const ac = (a * CORNER + 128) >> 8;
    let o = iy * w + ix;
    this.blend(o, bgr, ac);
    this.blend(o + 1, bgr, a);
    this.blend(o + 2, bgr, a);
    this.blend(o + 3, bgr, ac);
    for (let r = 1; r < 3; r++) {
      o += w;
      this.blend(o, bgr, a);
      this.blend(o + 1, bgr, a);
      this.blend(o + 2, bgr, a);
      this.blend(o + 3, bgr, a);
    }
    o += w;
    this.blend(o, bgr, ac);
    this.blend(o + 1, bgr, a);
    this.blend(o + 2, bgr, a);
    this.blend(o + 3, bgr, ac);
  }

  /**
   * Source-over of colour `bgr` at opacity `a` (0–255) onto pixel `o` (straight, not premultiplied,
   * alpha), in integers.
   */
  private blend(o: number, bgr: number, a: number): void {
    const px = this.px;
    const d = px[o];
    const da = d >>> 24;
    if (da === 0 || a >= 255) {
      px[o] = ((a << 24) | bgr) >>> 0;
      return;
    }
    // weights ×255: the source a, what shows of the pixel under it da·(255 − a)/255
    const keep = ((da * (255 - a) + 127) / 255) | 0;
    const oa = a + keep;
    const r = (((bgr & 0xff) * a + (d & 0xff) * keep) / oa) | 0;
    const g = ((((bgr >> 8) & 0xff) * a + ((d >> 8) & 0xff) * keep) / oa) | 0;
    const b = ((((bgr >> 16) & 0xff) * a + ((d >> 16) & 0xff) * keep) / oa) | 0;
    px[o] = ((oa << 24) | (b << 16) | (g << 8) | r) >>> 0;
  }

  /** Ends a frame; returns the rectangle to upload (empty, w = 0, when neither frame drew anything). */
  end(): DirtyRect {
    const x0 = Math.min(this.x0, this.lx0 < this.lx1 ? this.lx0 : this.x0);
    const x1 = Math.max(this.x1, this.lx0 < this.lx1 ? this.lx1 : this.x1);
    const y0 = Math.min(this.y0, this.lx0 < this.lx1 ? this.ly0 : this.y0);
    const y1 = Math.max(this.y1, this.lx0 < this.lx1 ? this.ly1 : this.y1);
    const d = this.dirty;
    if (x0 >= x1 || y0 >= y1) {
      d.x = d.y = d.w = d.h = 0;
    } else {
      d.x = x0;
      d.y = y0;
      d.w = x1 - x0;
      d.h = y1 - y0;
    }
    return d;
  }
}
