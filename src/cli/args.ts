/**
 * Command-line argument parsing.
 *
 * Built on `node:util`'s `parseArgs` (part of Node ≥ 18.3, no dependency). Commander or cac would give
 * us subcommands, but they stop at the first problem and print their own messages; we want every
 * problem at once, one line each, in our own words, and exit status 2 — so subcommands are a small
 * table in `cli.ts` and each command describes its options with the `OptionSpec` below.
 *
 * `parseArgs` runs non-strict with `tokens: true`, and the strict checks are redone here so that
 * they are *collected* instead of thrown: unknown options, a value given to a flag, a missing value,
 * an option given twice.
 */
import { parseArgs } from 'node:util';

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** placeholder in usage, e.g. "N" */
  value?: string;
  /** one-line description for usage */
  description: string;
}

export type OptionSpecs = Record<string, OptionSpec>;

/** A command's arguments parsed: --help asked for, the arguments, or every problem with them. */
export type ParsedArgs<A> = { kind: 'help' } | { kind: 'ok'; args: A } | { kind: 'bad'; problems: string[] };

export interface ParsedOptions {
  strings: Record<string, string | undefined>;
  flags: Record<string, boolean>;
  positionals: string[];
  problems: string[];
}

/** Parses argv against `specs`, collecting every problem instead of stopping at the first. */
export function parseOptions(argv: readonly string[], specs: OptionSpecs): ParsedOptions {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = {};
  for (const [name, spec] of Object.entries(specs))
    options[name] = spec.short ? { type: spec.type, short: spec.short } : { type: spec.type };

  const { tokens } = parseArgs({
    args: [...argv],
    options,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });

  const strings: Record<string, string | undefined> = {};
  const flags: Record<string, boolean> = {};
  const positionals: string[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  const reportedArgs = new Set<number>();

  for (const token of tokens) {
    if (token.kind === 'positional') {
      positionals.push(token.value);
      continue;
    }
    if (token.kind !== 'option') continue; // the `--` terminator
    const spec = Object.hasOwn(specs, token.name) ? specs[token.name] : undefined;
    if (!spec) {
      // `-reps` is split by parseArgs into -r -e -p -s: report the argument once, as written.
      const arg = argv[token.index];
      const isShortGroup = !arg.startsWith('--') && arg.length > 2;
      if (isShortGroup && reportedArgs.has(token.index)) continue;
      reportedArgs.add(token.index);
      const raw = isShortGroup ? arg.split('=')[0] : token.rawName;
      problems.push(`${raw}: unknown option${suggest(raw, specs)}`);
      continue;
    }
    const display = `--${token.name}`;
    if (seen.has(token.name)) {
      problems.push(`${display}: given more than once`);
      continue;
    }
    seen.add(token.name);
    if (spec.type === 'boolean') {
      if (token.value !== undefined) problems.push(`${display}: takes no value (got "${token.value}")`);
      else flags[token.name] = true;
      continue;
    }
    // A string option. Non-strict parseArgs takes the next argument even if it is another option
    // (`--reps --quiet`); like strict mode, treat that as a missing value. Negative numbers pass, so
    // `--reps -1` gets the range message rather than a confusing one.
    const value = token.value;
    if (value === undefined || (!token.inlineValue && value.startsWith('-') && !/^-\d/.test(value))) {
      problems.push(
        value === undefined
          ? `${display}: needs a value`
          : `${display}: needs a value, not the option "${value}" (write ${display}=${value} if that is the value)`,
      );
      continue;
    }
    strings[token.name] = value;
  }
  return { strings, flags, positionals, problems };
}

function suggest(rawName: string, specs: OptionSpecs): string {
  const name = rawName.replace(/^-+/, '').toLowerCase();
  const close = Object.keys(specs).find((k) => k.toLowerCase() === name || near(k.toLowerCase(), name));
  return close ? ` (did you mean --${close}?)` : '';
}

/** true when a and b differ by one edit or one transposition (typo distance). */
function near(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a === b) return a === b;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
  if (a.slice(i + 1) === b.slice(i)) return true; // deletion from a
  if (a.slice(i) === b.slice(i + 1)) return true; // insertion into a
  return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // transposition
}

/**
 * A whole number in [min, max] written in plain digits ("10", not "1e1", "0x10" or "10.0").
 * Returns the number, or the problem as a one-line message.
 */
export function wholeNumber(
  option: string,
  text: string,
  min: number,
  max: number,
): { ok: true; value: number } | { ok: false; problem: string } {
  const trimmed = text.trim();
  const n = /^\d+$/.test(trimmed) ? Number(trimmed) : NaN;
  if (Number.isSafeInteger(n) && n >= min && n <= max) return { ok: true, value: n };
  return {
    ok: false,
    problem: `--${option}: must be a whole number from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')} (got "${text}")`,
  };
}

/** Usage lines for a command's options, aligned. */
export function optionUsage(specs: OptionSpecs): string[] {
  const left = Object.entries(specs).map(([name, s]) => {
    const short = s.short ? `-${s.short}, ` : '    ';
    return `${short}--${name}${s.type === 'string' ? ` ${s.value ?? 'VALUE'}` : ''}`;
  });
  const width = Math.max(...left.map((l) => l.length));
  return Object.values(specs).map((s, i) => `  ${left[i].padEnd(width)}  ${s.description}`);
}
