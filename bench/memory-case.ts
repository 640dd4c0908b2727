/**
 * Benchmark case 4, one process per horizon: runs one replication of the full model and prints its
 * peak resident set and the heap still held with the result alive (after a full GC).
 * Usage: node --expose-gc --import tsx bench/memory-case.ts <days>
 */
import { runReplication } from '../src/sim/index';
import { fullModelCase } from './cases';

const days = Number(process.argv[2] ?? 1);
const outcome = runReplication(fullModelCase(days), { seed: 'memory' });
(globalThis as { gc?: () => void }).gc?.();
const heap = process.memoryUsage().heapUsed;
console.log(
  JSON.stringify({
    days,
    contacts: outcome.contacts,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    heapBytes: heap,
    intervals: outcome.intervals.length,
  }),
);
