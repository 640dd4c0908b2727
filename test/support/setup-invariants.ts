/**
 * A vitest setup file (vite.config.ts, `test.setupFiles`): every replication outcome computed in the
 * test suite — by runReplication, simulate, the CLI's in-process runs, or a test calling
 * replicationOutcome on its own Simulation — is checked against the invariants of invariants.ts
 * (offered = handled + abandoned + backlog, raised = resolved + open + given up, and the rest), and a
 * broken one throws. So a change that breaks conservation fails every test file that runs the engine,
 * not only the files that check it by hand.
 *
 * It wraps replicationOutcome, the one function every outcome comes from. Runs in worker threads
 * (test/pool.test.ts) are outside it.
 */
import { vi } from 'vitest';
import { outcomeProblems } from './invariants';

vi.mock('../../src/sim/outcomes', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/sim/outcomes')>();
  return {
    ...original,
    replicationOutcome: (...args: Parameters<typeof original.replicationOutcome>) => {
      const outcome = original.replicationOutcome(...args);
      const problems = outcomeProblems(outcome);
      if (problems.length > 0)
        throw new Error(`engine invariants broken:\n${problems.slice(0, 10).join('\n')}`);
      return outcome;
    },
  };
});
