/**
 * Small text helpers for scenario problems: field paths in the form `sites[1].groups[0].agents`,
 * numbers written for people, and "did you mean" suggestions.
 */

const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/;

/** `["sites", 1, "groups", 0, "agents"]` → `sites[1].groups[0].agents`; the empty path → `(root)`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else {
      const key = String(part);
      if (PLAIN_KEY.test(key)) out += out === '' ? key : `.${key}`;
      else out += `[${JSON.stringify(key)}]`;
    }
  }
  return out === '' ? '(root)' : out;
}

/** A number as people write it in a message: 20000 → "20,000", 0.6 → "0.6". */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n) && Math.abs(n) >= 10_000) {
    const sign = n < 0 ? '-' : '';
    return sign + String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  }
  return String(n);
}

/** `"a", "b" or "c"`-style list of quoted choices, for messages. */
export function quoteList(values: readonly unknown[]): string {
  return values.map((v) => (typeof v === 'string' ? JSON.stringify(v) : String(v))).join(', ');
}

/**
 * Optimal-string-alignment (restricted Damerau–Levenshtein) distance: insertions, deletions,
 * substitutions and transpositions of adjacent characters each count one edit. Gives up early
 * (returning `limit + 1`) once the distance must exceed `limit`.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const n = b.length;
  let prev2: number[] = new Array<number>(n + 1).fill(0);
  let prev: number[] = Array.from({ length: n + 1 }, (_, j) => j);
  let cur: number[] = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return limit + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n];
}

/**
 * The known name closest to `input`: an exact case-insensitive match first, else the nearest within
 * two edits (and fewer edits than the input has characters, so "ab" does not suggest "id").
 */
export function closestMatch(input: string, known: Iterable<string>): string | undefined {
  const lower = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    if (candidate === input) continue;
    if (candidate.toLowerCase() === lower) return candidate;
    const d = editDistance(lower, candidate.toLowerCase(), 2);
    if (d > 2 || d >= input.length) continue;
    // ties go to the longer common prefix: "ofshore" → "offshore", not "onshore"
    if (
      d < bestDistance ||
      (d === bestDistance && commonPrefix(lower, candidate) > commonPrefix(lower, best ?? ''))
    ) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function commonPrefix(lower: string, candidate: string): number {
  const c = candidate.toLowerCase();
  let i = 0;
  while (i < lower.length && i < c.length && lower[i] === c[i]) i++;
  return i;
}

/** `' (did you mean "agents"?)'`, or `''` when nothing is close. */
export function didYouMean(input: string, known: Iterable<string>): string {
  const match = closestMatch(input, known);
  return match === undefined ? '' : ` (did you mean ${JSON.stringify(match)}?)`;
}
