/**
 * Reading and validating a scenario file: every problem at once, one line each, `path: message`,
 * e.g. `sites[1].groups[0].agents: must be a whole number ≥ 0`.
 *
 * Hostile input is stopped before it costs anything: oversized text before parsing, deep nesting
 * with an iterative scan before JSON.parse (no recursion), `__proto__`/`constructor`/`prototype` keys
 * reported and never copied into the value that is validated.
 */
import type { z } from 'zod';
import type { Scenario } from '../sim/scenario';
import { scenarioSchema } from './schema';
import { didYouMean, formatNumber, formatPath, quoteList } from './text';

export type ScenarioResult = { ok: true; scenario: Scenario } | { ok: false; problems: string[] };

/** Largest scenario text accepted, in characters (a UTF-16 string never has more characters than bytes). */
export const MAX_SCENARIO_CHARS = 20 * 1024 * 1024;
/** Deepest nesting of objects and arrays accepted. A valid scenario nests at most 7 levels. */
export const MAX_NESTING_DEPTH = 64;
/** Keys that could reach an object's prototype if copied naively; never allowed anywhere. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

type Path = (string | number)[];

/** Parse scenario JSON text and validate it. */
export function parseScenarioText(text: string): ScenarioResult {
  if (typeof text !== 'string') return fail('(root): must be the text of a JSON file');
  if (text.length > MAX_SCENARIO_CHARS)
    return fail(
      `(root): file is too large (${formatNumber(text.length)} characters; the limit is 20 MB) — not read`,
    );
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return fail('(root): file is empty');
  const deep = findExcessiveNesting(body, MAX_NESTING_DEPTH);
  if (deep !== undefined)
    return fail(
      `(root): nested more than ${MAX_NESTING_DEPTH} levels deep (at line ${deep.line}, column ${deep.column}) — not read`,
    );
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (e) {
    return fail(`(root): not valid JSON: ${describeJsonError(e, body)}`);
  }
  return validateScenario(value);
}

/** Validate an already-parsed value (for example from JSON.parse or a test). Never mutates it. */
export function validateScenario(value: unknown): ScenarioResult {
  const scan = sanitize(value);
  if (scan.tooDeep) return fail(`(root): nested more than ${MAX_NESTING_DEPTH} levels deep — not validated`);
  if (!isPlainObject(scan.value))
    return fail(`(root): must be a JSON object { ... }, not ${describeValue(scan.value)}`);

  const knownKeys = new WeakMap<readonly string[], readonly string[]>();
  const result = scenarioSchema.safeParse(scan.value, {
    reportInput: true,
    error: (iss) => errorMessage(iss, knownKeys),
  });
  const problems = [...scan.problems];
  if (!result.success) {
    for (const issue of result.error.issues) problems.push(...formatIssue(issue, [], knownKeys));
  }
  const unique = [...new Set(problems)];
  if (unique.length > 0) return { ok: false, problems: unique };
  return { ok: true, scenario: result.data as Scenario };
}

/** Problems as one text block (one line each), as the command line prints them. */
export function formatProblems(problems: readonly string[]): string {
  return problems.join('\n');
}

function fail(problem: string): ScenarioResult {
  return { ok: false, problems: [problem] };
}

// ---------------------------------------------------------------------------------------------------------
// hostile input

/**
 * Where the text first nests deeper than `limit` objects/arrays, counting only brackets outside
 * strings; undefined if it never does. One pass, no recursion.
 */
export function findExcessiveNesting(
  text: string,
  limit: number,
): { line: number; column: number } | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > limit) return lineColumn(text, i);
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth--;
  }
  return undefined;
}

interface Sanitized {
  value: unknown;
  problems: string[];
  tooDeep: boolean;
}

/**
 * An iterative deep copy of plain JSON-like data that leaves out forbidden keys (reporting each with
 * its path) and stops at MAX_NESTING_DEPTH (which also stops cycles). Only own enumerable keys are
 * copied and forbidden ones never are, so no assignment can reach a prototype.
 */
function sanitize(input: unknown): Sanitized {
  const problems: string[] = [];
  if (typeof input !== 'object' || input === null) return { value: input, problems, tooDeep: false };
  const root: unknown = Array.isArray(input) ? [] : {};
  const stack: { from: object; to: Record<string, unknown> | unknown[]; path: Path }[] = [
    { from: input, to: root as Record<string, unknown>, path: [] },
  ];
  while (stack.length > 0) {
    const { from, to, path } = stack.pop()!;
    if (path.length >= MAX_NESTING_DEPTH) return { value: undefined, problems, tooDeep: true };
    const entries: [string | number, unknown][] = Array.isArray(from)
      ? from.map((v, i) => [i, v])
      : Object.keys(from).map((k) => [k, (from as Record<string, unknown>)[k]]);
    for (const [key, v] of entries) {
      if (typeof key === 'string' && FORBIDDEN_KEYS.has(key)) {
        problems.push(
          `${formatPath([...path, key])}: the field name "${key}" is not allowed (it could change object prototypes)`,
        );
        continue;
      }
      let copy: unknown = v;
      if (typeof v === 'object' && v !== null) {
        copy = Array.isArray(v) ? [] : {};
        stack.push({ from: v, to: copy as Record<string, unknown>, path: [...path, key] });
      }
      if (Array.isArray(to)) to[key as number] = copy;
      else to[key as string] = copy;
    }
  }
  return { value: root, problems, tooDeep: false };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function lineColumn(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index && i < text.length; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: index - lineStart + 1 };
}

/** JSON.parse's message, with line and column added when the engine gives a position. */
function describeJsonError(e: unknown, text: string): string {
  // JSON.parse's message may quote the file: keep it on one line and free of terminal control bytes.
  const raw = (e instanceof Error ? e.message : String(e)).replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  // V8: `Unexpected token } in JSON at position 42`, `... is not valid JSON`, `... (line 3 column 5)`.
  let message = raw.replace(/^JSON\.parse: /, '');
  if (/line \d+ column \d+/.test(message)) return message;
  const at = /at position (\d+)/.exec(message);
  if (at) {
    const { line, column } = lineColumn(text, Number(at[1]));
    message = message.replace(/\s*in JSON at position \d+/, '').replace(/\s*at position \d+/, '');
    return `${message} (line ${line}, column ${column})`;
  }
  if (/end of (JSON )?input/i.test(message)) {
    const { line, column } = lineColumn(text, text.length);
    return `${message} (line ${line}, column ${column})`;
  }
  return message;
}

// ---------------------------------------------------------------------------------------------------------
// messages

type RawIssue = z.core.$ZodRawIssue;
type Issue = z.core.$ZodIssue;

const TYPE_NAMES: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'a text string',
  boolean: 'true or false',
  object: 'an object { ... }',
  array: 'a list [ ... ]',
  record: 'an object { ... }',
  null: 'null',
};

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  switch (typeof v) {
    case 'string':
      return v.length <= 20 ? `the text ${JSON.stringify(v)}` : 'a text string';
    case 'number':
    case 'boolean':
      return String(v);
    case 'object':
      return 'an object';
    default:
      return typeof v;
  }
}

/**
 * The message for an issue zod raises without one of ours (set in schema.ts). Also remembers the
 * known keys of an object with unknown fields, for "did you mean" (the raw issue knows its schema;
 * the final issue keeps the same `keys` array).
 */
function errorMessage(iss: RawIssue, knownKeys: WeakMap<readonly string[], readonly string[]>): string {
  const input: unknown = iss.input;
  switch (iss.code) {
    case 'invalid_type': {
      if (input === undefined) return 'is required';
      const expected = TYPE_NAMES[iss.expected] ?? iss.expected;
      if (typeof input === 'number' && !Number.isFinite(input)) return `must be a finite number`;
      return `must be ${expected}, not ${describeValue(input)}`;
    }
    case 'too_small':
    case 'too_big': {
      const small = iss.code === 'too_small';
      const bound = formatNumber(Number(small ? iss.minimum : iss.maximum));
      const op = small ? (iss.inclusive ? '≥' : '>') : iss.inclusive ? '≤' : '<';
      if (iss.origin === 'array') return `must have ${small ? 'at least' : 'at most'} ${bound} items`;
      if (iss.origin === 'string') return `must have ${small ? 'at least' : 'at most'} ${bound} characters`;
      return `must be ${op} ${bound}`;
    }
    case 'invalid_value': {
      const values = iss.values;
      const hint = typeof input === 'string' ? didYouMean(input, values.map(String)) : '';
      return values.length === 1
        ? `must be ${quoteList(values)}${hint}`
        : `must be one of ${quoteList(values)}${hint}`;
    }
    case 'invalid_union': {
      const options = (iss as { options?: unknown[] }).options;
      if (iss.note !== undefined && Array.isArray(options)) {
        const given =
          isPlainObject(input) && iss.discriminator !== undefined ? input[iss.discriminator] : undefined;
        if (given === undefined) return `is required: one of ${quoteList(options)}`;
        const hint = typeof given === 'string' ? didYouMean(given, options.map(String)) : '';
        return `must be one of ${quoteList(options)}${hint}`;
      }
      return 'does not match any of the allowed forms';
    }
    case 'unrecognized_keys': {
      const shape = (iss.inst as { _zod?: { def?: { shape?: Record<string, unknown> } } } | undefined)?._zod
        ?.def?.shape;
      if (shape) knownKeys.set(iss.keys, Object.keys(shape));
      return `unknown field${iss.keys.length === 1 ? '' : 's'} ${quoteList(iss.keys)}`;
    }
    case 'invalid_format':
      return 'is not in the expected format';
    case 'not_multiple_of':
      return `must be a multiple of ${String(iss.divisor)}`;
    case 'invalid_key':
      return 'is not a valid key';
    case 'invalid_element':
      return 'is not valid';
    default:
      return 'is not valid';
  }
}

/** One issue → its problem lines (unknown keys give one line each; unions give their best branch). */
function formatIssue(
  issue: Issue,
  prefix: Path,
  knownKeys: WeakMap<readonly string[], readonly string[]>,
): string[] {
  const path: Path = [...prefix, ...(issue.path as Path)];
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeys.get(issue.keys) ?? [];
    return issue.keys
      .filter((key) => !FORBIDDEN_KEYS.has(key))
      .map((key) => `${formatPath([...path, key])}: unknown field "${key}"${didYouMean(key, known)}`);
  }
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    // Prefer the one branch whose type fits the input (e.g. the { open, close } form of `hours`).
    const fitting = issue.errors.filter(
      (branch) =>
        !branch.some((b) => b.path.length === 0 && (b.code === 'invalid_type' || b.code === 'invalid_value')),
    );
    if (fitting.length === 1) return fitting[0].flatMap((b) => formatIssue(b, path, knownKeys));
  }
  return [`${formatPath(path)}: ${issue.message}`];
}
