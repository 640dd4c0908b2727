/**
 * The worker bundle cache (src/node/parallel.ts): reused while the sources are unchanged, rebuilt as
 * soon as any of them changes, and never trusted when its files are missing or damaged.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, describe, expect, it } from 'vitest';
import { cachedBundle } from '../src/node/parallel';

const require = createRequire(import.meta.url);

describe('worker bundle cache', () => {
  const src = mkdtempSync(join(tmpdir(), 'shoreline-bundle-src-'));
  const cache = join(src, 'cache');
  const entry = join(src, 'entry.ts');
  const dependency = join(src, 'value.ts');
  writeFileSync(entry, "export { value } from './value';\n");
  const setValue = (v: number) => writeFileSync(dependency, `export const value: number = ${v};\n`);
  const load = async (file: string) => {
    delete require.cache[file];
    return (require(file) as { value: number }).value;
  };
  afterAll(() => rmSync(src, { recursive: true, force: true }));

  it('reuses the bundle while no source changes, and rebuilds when one does', async () => {
    setValue(1);
    const first = await cachedBundle(entry, cache);
    expect(await load(first)).toBe(1);
    const built = statSync(first).ino;
    const again = await cachedBundle(entry, cache);
    expect(again).toBe(first);
    expect(statSync(again).ino).toBe(built); // not rebuilt (a build renames a new file over it)

    setValue(2); // a change in an imported module, not the entry
    const changed = await cachedBundle(entry, cache);
    expect(changed).not.toBe(first);
    expect(await load(changed)).toBe(2);
  });

  it('rebuilds when the bundle is gone or the manifest is damaged', async () => {
    setValue(3);
    const file = await cachedBundle(entry, cache);
    rmSync(file);
    const rebuilt = await cachedBundle(entry, cache);
    expect(rebuilt).toBe(file); // same sources, same name
    expect(await load(rebuilt)).toBe(3);

    for (const name of readdirSync(cache).filter((n) => n.endsWith('.json'))) {
      writeFileSync(join(cache, name), '{"inputs": 42');
    }
    expect(await load(await cachedBundle(entry, cache))).toBe(3);
  });
});
