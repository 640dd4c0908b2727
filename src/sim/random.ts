/**
 * Seeded random streams, one per purpose.
 *
 * Each stream is seeded from the run's seed plus a purpose name ("voice/arrival", "chat/handle", ...),
 * so two variants of a scenario run with the same seed draw the same numbers for the same purpose
 * (common random numbers), and adding a channel or a site never shifts another stream. Alea is
 * seedrandom's fastest generator with good statistical quality; it gives the same sequence in every
 * JavaScript runtime, which is what makes Node and browser runs identical.
 */
// seedrandom's Alea alone: the package's index also loads its other generators and, in Node,
// node:crypto for auto-seeding (~10 ms of every command's start-up), neither of which is used here
import alea from 'seedrandom/lib/alea';

export type Uniform = () => number;

export function createStream(seed: string, purpose: string): Uniform {
  const prng = alea(`${seed}|${purpose}`);
  // alea can return exactly 0; callers take logs of 1 − u, so keep u in [0, 1).
  return prng;
}

/**
 * One uniform from a stream, for the variate generators. Why not call u() in place: V8 ties a call
 * site to the first stream it sees, and a rare branch (a distribution's tail) first taken with one
 * stream and later with another makes it throw away the compiled code around it. Inlined copies of
 * this function share one record of call targets, which the common paths fill with every stream
 * before the rare ones run.
 */
export function draw(u: Uniform): number {
  return u();
}

/** Seed of replication r: replications use distinct, reproducible streams. */
export function replicationSeed(seed: string, replication: number): string {
  return replication === 0 ? seed : `${seed}#${replication}`;
}
