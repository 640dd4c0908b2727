/**
 * The few special functions and the minimiser the likelihood fits need: the normal and gamma
 * distribution functions, log Γ, and Nelder–Mead.
 *
 * Written out rather than taken from a library: each is a textbook algorithm of a few lines (Numerical
 * Recipes §6.1–6.2, W. J. Cody's erfc rational fit via the Chebyshev form, Lanczos for log Γ), and the
 * statistics libraries that carry them (jStat, stdlib) would add hundreds of kilobytes to the app for
 * four functions. Accuracy ~1e-7 relative, far below the sampling error of any call log.
 */

/** Complementary error function (Numerical Recipes' erfcc, fractional error < 1.2e-7). */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** Standard normal distribution function Φ(x). */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

const LANCZOS = [
  676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** log Γ(x) for x > 0 (Lanczos, g = 7). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const y = x - 1;
  let a = 0.99999999999980993;
  const t = y + 7.5;
  for (let i = 0; i < 8; i++) a += LANCZOS[i] / (y + i + 1);
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Regularised lower incomplete gamma P(a, x): the Gamma(shape a, scale 1) distribution function. */
export function gammaP(a: number, x: number): number {
  if (x <= 0) return 0;
  const lead = -x + a * Math.log(x) - logGamma(a);
  if (x < a + 1) {
    // series
    let ap = a;
    let sum = 1 / a;
    let del = sum;
    for (let n = 0; n < 1000; n++) {
      ap += 1;
      del *= x / ap;
      sum += del;
      if (Math.abs(del) < Math.abs(sum) * 1e-14) break;
    }
    return Math.min(1, sum * Math.exp(lead));
  }
  // continued fraction for Q (modified Lentz)
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-14) break;
  }
  return Math.max(0, 1 - Math.exp(lead) * h);
}

/**
 * Minimises f over R^n by Nelder–Mead from x0 with initial step `step` in every coordinate. Returns
 * the point and the value. Enough for the two-parameter likelihoods here (smooth, one optimum).
 */
export function nelderMead(
  f: (x: number[]) => number,
  x0: number[],
  step = 0.5,
  iterations = 400,
): { x: number[]; value: number } {
  const n = x0.length;
  let simplex = [x0, ...x0.map((_, i) => x0.map((v, j) => (i === j ? v + step : v)))].map((x) => ({
    x,
    v: f(x),
  }));
  for (let it = 0; it < iterations; it++) {
    simplex.sort((a, b) => a.v - b.v);
    const best = simplex[0];
    const worst = simplex[n];
    if (Math.abs(worst.v - best.v) < 1e-10 * (1 + Math.abs(best.v))) break;
    const centroid = x0.map((_, j) => simplex.slice(0, n).reduce((s, p) => s + p.x[j], 0) / n);
    const along = (t: number) => centroid.map((c, j) => c + t * (worst.x[j] - c));
    const reflected = { x: along(-1), v: 0 };
    reflected.v = f(reflected.x);
    if (reflected.v < best.v) {
      const expanded = { x: along(-2), v: 0 };
      expanded.v = f(expanded.x);
      simplex[n] = expanded.v < reflected.v ? expanded : reflected;
    } else if (reflected.v < simplex[n - 1].v) {
      simplex[n] = reflected;
    } else {
      const contracted = { x: along(reflected.v < worst.v ? -0.5 : 0.5), v: 0 };
      contracted.v = f(contracted.x);
      if (contracted.v < Math.min(worst.v, reflected.v)) simplex[n] = contracted;
      else
        simplex = simplex.map((p, i) =>
          i === 0
            ? p
            : {
                x: p.x.map((v, j) => best.x[j] + 0.5 * (v - best.x[j])),
                v: f(p.x.map((v, j) => best.x[j] + 0.5 * (v - best.x[j]))),
              },
        );
    }
  }
  simplex.sort((a, b) => a.v - b.v);
  return { x: simplex[0].x, value: simplex[0].v };
}

/** Inverse of a 2×2 symmetric matrix [[a, b], [b, c]], or null when singular. */
export function invert2(a: number, b: number, c: number): [number, number, number] | null {
  const det = a * c - b * b;
  if (!(det > 0)) return null;
  return [c / det, -b / det, a / det];
}

/** Two-sided 95 % normal quantile. */
export const Z95 = 1.959963984540054;
