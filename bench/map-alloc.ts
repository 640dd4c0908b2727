/**
 * Where the main thread allocates while the map plays (case 5m's run, unminified build): a CDP
 * sampling heap profile over 4 s, self bytes per second by function and caller. Issue 18 asks for no
 * allocation per frame; this is how the map's frame was checked.
 * Usage: npx tsx bench/map-alloc.ts
 */
import { openUnminifiedApp, playFullModel } from './full-model-page';

const { page, close } = await openUnminifiedApp();
await playFullModel(page);
await page.getByRole('button', { name: 'Map', exact: true }).click();
await page.waitForSelector('[data-testid=map-view] .map-site');
await page.waitForTimeout(2000);
const cdp = await page.context().newCDPSession(page);
await cdp.send('HeapProfiler.enable');
await cdp.send('HeapProfiler.startSampling', {
  samplingInterval: 512,
  includeObjectsCollectedByMajorGC: true,
  includeObjectsCollectedByMinorGC: true,
} as never);
await page.waitForTimeout(4000);
interface Node {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: Node[];
}
const { profile } = (await cdp.send('HeapProfiler.stopSampling')) as unknown as { profile: { head: Node } };
const self = new Map<string, number>();
const walk = (n: Node, path: string) => {
  const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber} < ${path}`;
  if (n.selfSize) self.set(k, (self.get(k) ?? 0) + n.selfSize);
  for (const c of n.children) walk(c, `${n.callFrame.functionName || '(anon)'}`);
};
walk(profile.head, '');
const total = [...self.values()].reduce((a, b) => a + b, 0);
console.log(`allocated ~${(total / 4 / 1024).toFixed(0)} KiB/s sampled`);
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25))
  console.log(`  ${(v / 4 / 1024).toFixed(1).padStart(8)} KiB/s  ${k}`);
await close();
