/**
 * log and exp that give the same bits in every JavaScript runtime.
 *
 * Math.log and Math.exp are not required to be correctly rounded, and V8 versions differ: Node 20 and
 * Chromium 156 disagree in the last digit for several percent of inputs. Random draws go through these
 * functions, so without this the same seed would give (slightly) different results on the command line
 * and in the browser, against SPEC §5. These are straight ports of fdlibm's e_log.c and e_exp.c
 * (error < 1 ulp): they use only +, −, ×, ÷ and bit manipulation, which IEEE 754 and ECMAScript define
 * exactly (JavaScript never fuses a multiply-add), so every engine computes the same result.
 *
 * One change from the C, for speed: fdlibm moves x to [√2/2, √2) and 2^k back into the result by
 * writing exponent bits into the double, which in JavaScript is a 4-byte store followed by an 8-byte
 * load of the same memory (a store-forwarding stall). Here both are a multiplication by an exact power
 * of two from a table, which gives the same bits (the product is exact) at about 60 % of the cost.
 */

// One scratch double and its two 32-bit words. The word order is little-endian on every current
// JavaScript platform; on a big-endian one the module refuses to load rather than compute wrongly.
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const i32 = new Int32Array(f64.buffer);
f64[0] = 1;
if (u32[1] !== 0x3ff00000) throw new Error('portable-math needs a little-endian platform');

/** POW2[k + 1075] = 2^k for k in [−1074, 1023], each exact (built by halving and doubling). */
const POW2 = new Float64Array(1075 + 1024);
for (let k = 0, p = 1; k <= 1023; k++, p *= 2) POW2[k + 1075] = p;
for (let k = 0, p = 1; k >= -1074; k--, p /= 2) POW2[k + 1075] = p;

const LN2_HI = 6.9314718036912381649e-1;
const LN2_LO = 1.90821492927058770002e-10;
const TWO54 = 1.8014398509481984e16;
const LG1 = 6.66666666666673513e-1;
const LG2 = 3.999999999940941908e-1;
const LG3 = 2.857142874366239149e-1;
const LG4 = 2.222219843214978396e-1;
const LG5 = 1.818357216161805012e-1;
const LG6 = 1.531383769920937332e-1;
const LG7 = 1.479819860511658591e-1;

/** Natural logarithm (fdlibm __ieee754_log). */
export function log(x: number): number {
  f64[0] = x;
  let hx = i32[1];
  let k = 0;
  if (hx < 0x00100000) {
    if (((hx & 0x7fffffff) | u32[0]) === 0) return -Infinity; // log(±0)
    if (hx < 0) return NaN; // log(negative)
    k -= 54; // subnormal: scale up
    x *= TWO54;
    f64[0] = x;
    hx = i32[1];
  }
  if (hx >= 0x7ff00000) return x + x; // Inf or NaN
  let e = (hx >> 20) - 1023;
  hx &= 0x000fffff;
  let i = (hx + 0x95f64) & 0x100000;
  e += i >> 20; // x = m·2^e with m in [√2/2, √2)
  k += e;
  const f = x * POW2[1075 - e] - 1.0;
  if ((0x000fffff & (2 + hx)) < 3) {
    // |f| < 2^-20
    if (f === 0) {
      if (k === 0) return 0;
      return k * LN2_HI + k * LN2_LO;
    }
    const R = f * f * (0.5 - 0.3333333333333333 * f);
    if (k === 0) return f - R;
    return k * LN2_HI - (R - k * LN2_LO - f);
  }
  const s = f / (2.0 + f);
  const dk = k;
  const z = s * s;
  i = hx - 0x6147a;
  const w = z * z;
  const j = 0x6b851 - hx;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  i |= j;
  const R = t2 + t1;
  if (i > 0) {
    const hfsq = 0.5 * f * f;
    if (k === 0) return f - (hfsq - s * (hfsq + R));
    return dk * LN2_HI - (hfsq - (s * (hfsq + R) + dk * LN2_LO) - f);
  }
  if (k === 0) return f - s * (f - R);
  return dk * LN2_HI - (s * (f - R) - dk * LN2_LO - f);
}

const O_THRESHOLD = 7.09782712893383973096e2;
const U_THRESHOLD = -7.4513321910194110842e2;
const INV_LN2 = 1.442695040888963387;
const TWOM1000 = 9.3326361850321887899e-302;
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.6533902205465251539e-6;
const P5 = 4.13813679705723846039e-8;

/** e^x (fdlibm __ieee754_exp). */
export function exp(x: number): number {
  f64[0] = x;
  let hx = u32[1];
  const xsb = hx >>> 31;
  hx &= 0x7fffffff;
  if (hx >= 0x40862e42) {
    // |x| ≥ 709.78…
    if (hx >= 0x7ff00000) {
      if (((hx & 0xfffff) | u32[0]) !== 0) return x + x; // NaN
      return xsb === 0 ? x : 0; // exp(±Inf)
    }
    if (x > O_THRESHOLD) return Infinity;
    if (x < U_THRESHOLD) return 0;
  }
  let hi = 0;
  let lo = 0;
  let k = 0;
  if (hx > 0x3fd62e42) {
    // |x| > 0.5 ln2: reduce to x = k ln2 + r
    if (hx < 0x3ff0a2b2) {
      hi = xsb === 0 ? x - LN2_HI : x + LN2_HI;
      lo = xsb === 0 ? LN2_LO : -LN2_LO;
      k = 1 - xsb - xsb;
    } else {
      k = Math.trunc(INV_LN2 * x + (xsb === 0 ? 0.5 : -0.5));
      hi = x - k * LN2_HI; // exact
      lo = k * LN2_LO;
    }
    x = hi - lo;
  } else if (hx < 0x3e300000) {
    // |x| < 2^-28
    return 1 + x;
  }
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2.0) - x);
  const y = 1 - (lo - (x * c) / (2.0 - c) - hi);
  // Scale by 2^k (exact); 2^1024 is not a double, and below −1021 fdlibm scales in two steps too.
  if (k >= -1021) return k <= 1023 ? y * POW2[k + 1075] : y * 2 * POW2[1023 + 1075];
  return y * POW2[k + 1000 + 1075] * TWOM1000;
}
