/**
 * CPU time of the headless Chromium this process launched, read from /proc (Linux): the work done,
 * which other processes' load on a shared machine does not inflate as it does wall time. Used by the
 * browser benchmarks (compare-start.ts, idle-render.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';

const USER_HZ = 100;

/** utime + stime, in ticks, of a /proc stat line (fields 14 and 15; the name may hold spaces) */
function statTicks(stat: string): { ppid: number; ticks: number; name: string } {
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return {
    ppid: Number(f[1]),
    ticks: Number(f[11]) + Number(f[12]),
    name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')),
  };
}

/** Chromium's process type from its command line ("renderer", "gpu-process", "browser" for the main one). */
function processType(pid: number): string {
  try {
    // Chromium's children rewrite their command line into one space-separated string
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/);
    const t = args.find((a) => a.startsWith('--type='));
    return t ? t.slice('--type='.length) : 'browser';
  } catch {
    return 'gone';
  }
}

export interface BrowserCpu {
  /** CPU seconds of every process descending from this one */
  total: number;
  /** of its web workers' threads alone (named DedicatedWorker) */
  workers: number;
  /** per Chromium process type (renderer, gpu-process, utility, browser…) */
  byType: Record<string, number>;
}

/**
 * CPU seconds so far of Chromium (every process descending from this one: the renderer, and the GPU
 * process, which draws WebGL with SwiftShader when there is no GPU), and of its web workers' threads.
 */
export function browserCpu(): BrowserCpu {
  const procs = new Map<number, { ppid: number; ticks: number }>();
  for (const d of readdirSync('/proc')) {
    try {
      if (/^\d+$/.test(d)) procs.set(Number(d), statTicks(readFileSync(`/proc/${d}/stat`, 'utf8')));
    } catch {
      // gone meanwhile
    }
  }
  const ours = (pid: number) => {
    let p = procs.get(pid)?.ppid;
    while (p && p !== process.pid) p = procs.get(p)?.ppid;
    return p === process.pid;
  };
  let total = 0;
  let workers = 0;
  const byType: Record<string, number> = {};
  for (const [pid, { ticks }] of procs) {
    if (!ours(pid)) continue;
    total += ticks;
    workers += workerTicks(pid);
    const type = processType(pid);
    byType[type] = (byType[type] ?? 0) + ticks / USER_HZ;
  }
  return { total: total / USER_HZ, workers: workers / USER_HZ, byType };
}

function workerTicks(pid: number): number {
  let sum = 0;
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const t = statTicks(readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8'));
      if (t.name.startsWith('DedicatedWorker')) sum += t.ticks;
    }
  } catch {
    // gone meanwhile
  }
  return sum;
}
