/** The browser replication pool, with in-process fake workers. */
import { describe, expect, it } from 'vitest';
import { CancelledError, ReplicationPool, type PoolWorker } from '../src/worker/pool';
import { readFileSync } from 'node:fs';
import { pilotFor, runReplication, type Scenario } from '../src/sim/index';
import { oneSite } from './support/build';

function fakeWorker(log: string[], delayMs = 1): PoolWorker {
  let alive = true;
  return {
    run: (scenario, seed, replication, days, pilot) =>
      new Promise((resolve, reject) =>
        setTimeout(
          () => {
            if (!alive) return reject(new Error('terminated'));
            log.push(`run ${replication}${pilot === undefined ? '' : pilot ? ' with a pilot' : ' no pilot'}`);
            resolve(runReplication(scenario, { seed, replication, days, pilot }));
          },
          delayMs * (1 + (replication % 3)),
        ),
      ),
    terminate: () => {
      alive = false;
      log.push('terminate');
    },
  };
}

describe('replication pool', () => {
  const scenario = oneSite(5, 40, 1);

  it('returns outcomes in job order, identical to a serial run, reporting progress', async () => {
    const log: string[] = [];
    const pool = new ReplicationPool(() => fakeWorker(log), 3);
    const jobs = Array.from({ length: 7 }, (_, r) => ({ scenario, seed: 's', replication: r }));
    const progress: number[] = [];
    const out = await pool.run(jobs, (done) => progress.push(done));
    expect(out).toEqual(jobs.map((j) => runReplication(scenario, { seed: 's', replication: j.replication })));
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(log.filter((l) => l.startsWith('run')).length).toBe(7);
  });

  it("computes each variant's warm-up pilot once, in a worker, and passes it to every job as data", async () => {
    // offshore-voice's default warm-up is 8 days: its replications start from the pilot
    const base = JSON.parse(
      readFileSync(new URL('../scenarios/offshore-voice.json', import.meta.url), 'utf8'),
    ) as Scenario;
    const variant = structuredClone(base);
    variant.sites[1].firstContactResolution = 0.75;
    const log: string[] = [];
    const pool = new ReplicationPool(() => {
      const w = fakeWorker(log);
      return {
        ...w,
        pilot: async (scenario, seed, days) => {
          log.push(`pilot ${scenario === base ? 'base' : 'variant'}`);
          return pilotFor(scenario, { seed, days });
        },
      };
    }, 2);
    const jobs = [base, variant, base, variant].map((scenario, i) => ({
      scenario,
      seed: 's',
      replication: i >> 1,
    }));
    const out = await pool.run(jobs);
    expect(log.filter((l) => l.startsWith('pilot')).sort()).toEqual(['pilot base', 'pilot variant']);
    expect(log.filter((l) => l.startsWith('run')).every((l) => l.endsWith('with a pilot'))).toBe(true);
    // the same outcomes as replications that find their own pilot
    expect(out).toEqual(
      jobs.map((j) => runReplication(j.scenario, { seed: 's', replication: j.replication })),
    );
  });

  it("starts a variant's jobs as soon as its pilot is ready, rather than wait for another's", async () => {
    // the base's pilot takes 60 ms, the variant's 1 ms: the worker that measured the variant must not
    // sit on a job of the base (the first in order) until the base's pilot is done
    const base = oneSite(5, 40, 1);
    const variant = oneSite(6, 40, 1);
    const log: string[] = [];
    const name = (s: Scenario) => (s === base ? 'base' : 'variant');
    const pool = new ReplicationPool(
      () => ({
        run: async (s, seed, replication, days, pilot) => {
          log.push(`run ${name(s)} ${replication}`);
          await new Promise((ok) => setTimeout(ok, 5));
          return runReplication(s, { seed, replication, days, pilot });
        },
        pilot: async (s) => {
          await new Promise((ok) => setTimeout(ok, s === base ? 60 : 1));
          log.push(`pilot ${name(s)} done`);
          return null;
        },
        terminate: () => {},
      }),
      2,
    );
    const jobs = [base, base, base, variant, variant, variant].map((s, i) => ({
      scenario: s,
      seed: 's',
      replication: i % 3,
    }));
    const out = await pool.run(jobs);
    expect(log.slice(0, 2)).toEqual(['pilot variant done', 'run variant 0']);
    expect(log.indexOf('pilot base done')).toBeGreaterThan(1);
    expect(log.filter((l) => l.startsWith('run'))).toHaveLength(6);
    // results in job order, whatever order they were run in
    expect(out).toEqual(
      jobs.map((j) => runReplication(j.scenario, { seed: 's', replication: j.replication, pilot: false })),
    );
  });

  it('cancels: rejects with CancelledError and terminates busy workers', async () => {
    const log: string[] = [];
    const pool = new ReplicationPool(() => fakeWorker(log, 20), 2);
    const ctrl = new AbortController();
    const jobs = Array.from({ length: 10 }, (_, r) => ({ scenario, seed: 's', replication: r }));
    const running = pool.run(jobs, () => ctrl.abort(), ctrl.signal);
    await expect(running).rejects.toBeInstanceOf(CancelledError);
    expect(log).toContain('terminate');
    // The pool still works afterwards, with fresh workers.
    const again = await pool.run(jobs.slice(0, 2));
    expect(again).toHaveLength(2);
  });
});
