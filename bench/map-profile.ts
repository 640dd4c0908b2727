/**
 * Profiles the map view (case 5m) in headless Chromium: a CDP trace (busy time per thread of the
 * renderer and GPU processes, the busiest threads' top events) and a JS CPU profile (self time by
 * function, unminified build), in the same run as bench/render.ts drives. Tracing slows the page (the
 * fps it prints is not the bench's); the shares between threads and events are what it is for.
 * Usage: npx tsx bench/map-profile.ts [seconds] [floor]   ("floor": profile the floor view instead)
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openUnminifiedApp, playFullModel } from './full-model-page';

const seconds = Number(process.argv[2] ?? 4);
const floorOnly = process.argv[3] === 'floor';
const { page, close } = await openUnminifiedApp();
await playFullModel(page);
await page.waitForTimeout(1500);
if (!floorOnly) {
  await page.getByRole('button', { name: 'Map', exact: true }).click();
  await page.waitForSelector('[data-testid=map-view] .map-site');
}
await page.waitForTimeout(2000);
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
interface TraceEvent {
  ph: string;
  name: string;
  pid: number;
  tid: number;
  ts?: number;
  dur?: number;
  args: { name?: string };
}
const events: TraceEvent[] = [];
cdp.on('Tracing.dataCollected', (d) => events.push(...(d.value as unknown as TraceEvent[])));
const done = new Promise<void>((ok) => cdp.once('Tracing.tracingComplete', () => ok()));
await cdp.send('Tracing.start', {
  categories: 'toplevel,devtools.timeline,disabled-by-default-devtools.timeline,gpu,viz,cc,blink,v8',
  transferMode: 'ReportEvents',
});
await cdp.send('Profiler.start');
const fps0 = Date.now();
const frames = (await page.evaluate(
  `new Promise((ok) => { let n = 0; const t0 = performance.now(); const f = (t) => { n++; if (t - t0 < ${seconds * 1000}) requestAnimationFrame(f); else ok(n / ((t - t0) / 1000)); }; requestAnimationFrame(f); })`,
)) as number;
const { profile } = await cdp.send('Profiler.stop');
await cdp.send('Tracing.end');
await done;
const wall = (Date.now() - fps0) / 1000;
const inflight = floorOnly ? 0 : await page.evaluate('window.shoreline.views.map.inFlight');
console.log(`fps ${frames.toFixed(1)} over ${wall.toFixed(1)} s, in flight ${inflight}`);
const tracePath = join(tmpdir(), 'shoreline-map-trace.json');
writeFileSync(tracePath, JSON.stringify(events));
console.log(`trace: ${tracePath} (open in Perfetto)`);

// JS self time by function
const self = new Map<string, number>();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const dts = profile.timeDeltas ?? [];
for (let i = 0; i < (profile.samples ?? []).length; i++) {
  const n = byId.get((profile.samples ?? [])[i])!;
  const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
  self.set(key, (self.get(key) ?? 0) + (dts[i] ?? 0) / 1000);
}
const total = [...self.values()].reduce((a, b) => a + b, 0);
console.log(`\nJS profile: ${total.toFixed(0)} ms sampled; self time top 30 (ms per second):`);
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30))
  console.log(`  ${(v / seconds).toFixed(1).padStart(7)}  ${k}`);

// trace: threads and busy time
const threadName = new Map<string, string>();
for (const e of events)
  if (e.ph === 'M' && e.name === 'thread_name') threadName.set(`${e.pid}:${e.tid}`, e.args.name ?? '');
const procName = new Map<number, string>();
for (const e of events) if (e.ph === 'M' && e.name === 'process_name') procName.set(e.pid, e.args.name ?? '');
const ts = events.filter((e) => e.ph === 'X' && e.ts).map((e) => e.ts!);
const t0 = Math.min(...ts);
const t1 = Math.max(...ts);
const span = (t1 - t0) / 1e6;
const busy = new Map<string, number>();
const top = new Map<string, Map<string, number>>();
for (const e of events) {
  if (e.ph !== 'X' || !e.dur) continue;
  const key = `${procName.get(e.pid) ?? e.pid}/${threadName.get(`${e.pid}:${e.tid}`) ?? e.tid}`;
  if (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'ThreadPool_RunTask' || e.name === 'RunTask')
    busy.set(key, (busy.get(key) ?? 0) + e.dur / 1000);
  let m = top.get(key);
  if (!m) top.set(key, (m = new Map()));
  m.set(e.name, (m.get(e.name) ?? 0) + e.dur / 1000);
}
console.log(`\ntrace span ${span.toFixed(1)} s; busy (top-level tasks) ms per second by thread:`);
for (const [k, v] of [...busy].sort((a, b) => b[1] - a[1]).slice(0, 15))
  console.log(`  ${(v / span).toFixed(0).padStart(5)}  ${k}`);
console.log('\nevent totals (ms per second, inclusive) on the busiest threads:');
for (const [k] of [...busy].sort((a, b) => b[1] - a[1]).slice(0, 5)) {
  console.log(` ${k}`);
  for (const [n, v] of [...(top.get(k) ?? [])].sort((a, b) => b[1] - a[1]).slice(0, 18))
    console.log(`    ${(v / span).toFixed(1).padStart(7)}  ${n}`);
}
await close();
