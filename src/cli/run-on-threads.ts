/**
 * Every replication of a command at once, on as many worker threads as its work is worth, with a
 * progress bar for a person at a terminal: the simulating part of compare and sweep.
 */
import { withRunner, type Job, type RunOptions } from '../node/pool';
import type { ReplicationOutcome } from '../sim';
import type { CliIO } from './io';
import { contactsPerReplication, progressBar, resolveThreads } from './shared';

/** Outcomes in job order. `threads`: --threads, if given. */
export async function runOnThreads(
  io: CliIO,
  label: string,
  jobs: readonly Job[],
  options: RunOptions & { threads?: number; quiet: boolean },
): Promise<ReplicationOutcome[]> {
  const { seed, days } = options;
  const bar = progressBar(io, options.quiet, label);
  bar?.update(0, jobs.length);
  let done = 0;
  try {
    const work = jobs.reduce((a, j) => a + contactsPerReplication(j.scenario, days), 0);
    return await withRunner(
      Math.min(resolveThreads(options.threads, work), Math.max(1, jobs.length)),
      (runner) => runner.run(jobs, { seed, days }, bar ? () => bar.update(++done, jobs.length) : undefined),
    );
  } finally {
    bar?.finish();
  }
}
