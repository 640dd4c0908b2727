/** The scenario file a command is given: read and validated before anything runs. */
import { readFileSync, statSync } from 'node:fs';
import { parseScenarioText, MAX_SCENARIO_CHARS } from '../scenario/validate';
import type { Scenario } from '../sim';
import { formatNumber } from './format';
import { describeFsError, type CliIO } from './io';
import { applyWarmUp, usageError } from './shared';

/** Reads and validates the scenario file: the scenario, or one line per problem. */
export function loadScenario(
  path: string,
): { ok: true; scenario: Scenario } | { ok: false; problems: string[] } {
  let text: string;
  try {
    const st = statSync(path);
    if (st.isDirectory()) return { ok: false, problems: [`${path}: cannot read file (it is a directory)`] };
    if (!st.isFile() && !st.isFIFO())
      return { ok: false, problems: [`${path}: cannot read file (not a regular file)`] };
    // UTF-8 takes at most 3 bytes per UTF-16 unit: anything larger is over the limit whatever it holds.
    if (st.size > MAX_SCENARIO_CHARS * 3)
      return {
        ok: false,
        problems: [`${path}: cannot read file (${formatNumber(st.size, 0)} bytes; the limit is 20 MB)`],
      };
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return { ok: false, problems: [`${path}: cannot read file (${describeFsError(e)})`] };
  }
  const parsed = parseScenarioText(text);
  return parsed.ok ? parsed : { ok: false, problems: parsed.problems };
}

/**
 * The one scenario of run, sweep and optimise, with --warm-up applied; or, when it cannot be read or
 * is invalid, its problems reported and the exit status to return (2).
 */
export function scenarioOrExit(io: CliIO, path: string, warmUpDays: number | undefined): Scenario | number {
  const loaded = loadScenario(path);
  if (!loaded.ok) return usageError(io, loaded.problems);
  applyWarmUp(loaded.scenario, warmUpDays);
  return loaded.scenario;
}
