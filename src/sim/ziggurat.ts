/**
 * Exponential and normal variates by the ziggurat method (Marsaglia & Tsang, "The Ziggurat Method for
 * Generating Random Variables", J. Stat. Softw. 5(8), 2000).
 *
 * Why: inversion costs a log (exponential) or a rational function plus a log in the tails (normal) per
 * draw, and those draws — every arrival, every patience, every handle time — were a quarter of a
 * replication. The ziggurat returns ~99 % of draws from one uniform, a table look-up and a multiply.
 *
 * Each uniform from Alea carries 32 random bits (it is a multiple of 2^-32). The low 8 bits (7 for the
 * normal, plus a sign bit) choose the layer and the upper 24 bits the position in it — disjoint bits,
 * which avoids the layer/value correlation of the original's shared bits. Tables are built once with
 * the portable log/exp and IEEE square roots, so they are the same in every runtime.
 */
import { exp, log } from './portable-math';
import { draw, type Uniform } from './random';

const TWO32 = 4294967296;
const M = 16777216; // 2^24: resolution of the position within a layer

// Exponential: 256 layers; R is where the tail starts, V the area of each layer.
const ER = 7.69711747013105;
const EV = 3.949659822581572e-3;
const ke = new Float64Array(256);
const we = new Float64Array(256);
const fe = new Float64Array(256);
{
  let de = ER;
  let te = de;
  const q = EV / exp(-de);
  ke[0] = Math.floor((de / q) * M);
  ke[1] = 0;
  we[0] = q / M;
  we[255] = de / M;
  fe[0] = 1;
  fe[255] = exp(-de);
  for (let i = 254; i >= 1; i--) {
    de = -log(EV / de + exp(-de));
    ke[i + 1] = Math.floor((de / te) * M);
    te = de;
    fe[i] = exp(-de);
    we[i] = te / M;
  }
}

/** A standard exponential variate, Exp(1). */
export function exponential(u: Uniform): number {
  for (;;) {
    const bits = draw(u) * TWO32;
    const i = bits & 255;
    const j = bits >>> 8;
    if (j < ke[i]) return j * we[i];
    if (i === 0) return ER - log(1 - draw(u)); // the tail beyond R
    const x = j * we[i];
    if (fe[i] + draw(u) * (fe[i - 1] - fe[i]) < exp(-x)) return x;
  }
}

// Normal: 128 layers per side.
const NR = 3.442619855899;
const NV = 9.91256303526217e-3;
const kn = new Float64Array(128);
const wn = new Float64Array(128);
const fn = new Float64Array(128);
{
  let dn = NR;
  let tn = dn;
  const q = NV / exp(-0.5 * dn * dn);
  kn[0] = Math.floor((dn / q) * M);
  kn[1] = 0;
  wn[0] = q / M;
  wn[127] = dn / M;
  fn[0] = 1;
  fn[127] = exp(-0.5 * dn * dn);
  for (let i = 126; i >= 1; i--) {
    dn = Math.sqrt(-2 * log(NV / dn + exp(-0.5 * dn * dn)));
    kn[i + 1] = Math.floor((dn / tn) * M);
    tn = dn;
    fn[i] = exp(-0.5 * dn * dn);
    wn[i] = dn / M;
  }
}

/** A standard normal variate, N(0, 1). */
export function standardNormal(u: Uniform): number {
  for (;;) {
    const bits = draw(u) * TWO32;
    const i = bits & 127;
    const negative = (bits & 128) !== 0;
    const j = bits >>> 8;
    let x = j * wn[i];
    if (j >= kn[i]) {
      if (i === 0) {
        // The tail beyond R (Marsaglia 1964).
        let y: number;
        do {
          x = -log(1 - draw(u)) / NR;
          y = -log(1 - draw(u));
        } while (y + y < x * x);
        x += NR;
      } else if (!(fn[i] + draw(u) * (fn[i - 1] - fn[i]) < exp(-0.5 * x * x))) {
        continue;
      }
    }
    return negative ? -x : x;
  }
}
