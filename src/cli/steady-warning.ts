/**
 * The warning a command prints on stderr where the warm-up found no steady state (an overloaded
 * scenario whose backlog still grows: src/sim/steady-check.ts). The result's JSON carries the same
 * verdict as `steadyState`.
 */
import type { SteadyState } from '../sim/steady-check';
import type { CliIO } from './io';

export function warnIfNotSteady(io: CliIO, steady: SteadyState, variant?: string): void {
  if (steady.reached !== false) return;
  io.stderr(`warning: ${variant === undefined ? '' : `${variant}: `}${steady.reason}\n`);
}
