/**
 * The compiled command line (src/cli/bundle.cjs, bin/shoreline.cjs): plain JavaScript from the bundle
 * cache, rebuilt without a manual step as soon as one of its sources changes, and run by `npm run sim`
 * and `npx shoreline` without TypeScript tooling.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, describe, expect, it } from 'vitest';
import { cliBundle, freshCliBundle } from '../src/cli/bundle.cjs';
import { DEFAULT_COMMAND } from '../src/cli/cli';

const ROOT = resolve(__dirname, '..');
const require = createRequire(import.meta.url);

describe('CLI bundle cache', () => {
  // a project of its own, with a src/cli/main.ts
  const root = mkdtempSync(join(tmpdir(), 'shoreline-cli-bundle-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(join(root, 'src', 'cli'), { recursive: true });
  writeFileSync(
    join(root, 'src', 'cli', 'main.ts'),
    [
      "import { value } from './value';",
      'declare const SHORELINE_ROOT: string;',
      'export const root: string = SHORELINE_ROOT;',
      'export const seen: number = value;',
      'console.log(`seen ${value}`);',
      '',
    ].join('\n'),
  );
  const setValue = (v: number) =>
    writeFileSync(join(root, 'src', 'cli', 'value.ts'), `export const value: number = ${v};\n`);
  const load = async (file: string) => require(file) as { root: string; seen: number };

  it('is a CommonJS file in node_modules/.cache/shoreline, reused until a source changes, then rebuilt', async () => {
    setValue(1);
    const first = await cliBundle(root);
    expect(first.startsWith(join(root, 'node_modules', '.cache', 'shoreline', 'cli-'))).toBe(true);
    expect(first.endsWith('.cjs')).toBe(true);
    const m = await load(first);
    expect(m.seen).toBe(1);
    expect(m.root).toBe(root); // the sources are found from the cache
    const built = statSync(first).ino;
    expect(await cliBundle(root)).toBe(first);
    expect(statSync(first).ino).toBe(built); // not rebuilt

    expect(freshCliBundle(root)).toBe(first); // the launcher's check: a stat per source

    setValue(1); // touched, same contents: the stamps differ, the hash does not
    expect(freshCliBundle(root)).toBeUndefined();
    expect(await cliBundle(root)).toBe(first);
    expect(statSync(first).ino).toBe(built);
    expect(freshCliBundle(root)).toBe(first); // the new stamps were recorded

    setValue(2); // an imported module, not the entry
    expect(freshCliBundle(root)).toBeUndefined();
    const changed = await cliBundle(root);
    expect(changed).not.toBe(first);
    expect((await load(changed)).seen).toBe(2);
    expect(freshCliBundle(root)).toBe(changed);
  });

  it('bin/shoreline.cjs runs the current sources with plain Node', () => {
    const r = spawnSync(process.execPath, ['bin/shoreline.cjs', '--help'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(DEFAULT_COMMAND.usage());
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      bin: Record<string, string>;
      scripts: Record<string, string>;
    };
    expect(pkg.bin.shoreline).toBe('bin/shoreline.cjs');
    expect(pkg.scripts.sim).toBe('node bin/shoreline.cjs');
  });

  it('the running process loads the compiled bundle and nothing else: no TypeScript, no tsx, no ES module', () => {
    // A probe preloaded into the real command records what the process loaded: the CommonJS modules
    // (require.cache), every file it read, and Node's internal modules (the ES module loader's
    // translators and module jobs load only when an ES module does, or a loader hook such as tsx's).
    const probe = join(mkdtempSync(join(tmpdir(), 'shoreline-probe-')), 'probe.cjs');
    const out = `${probe}.json`;
    writeFileSync(
      probe,
      [
        "const fs = require('node:fs');",
        'const read = new Set();',
        'const readFileSync = fs.readFileSync;',
        'fs.readFileSync = function (p, ...rest) {',
        "  if (typeof p === 'string') read.add(p);",
        '  return readFileSync.call(this, p, ...rest);',
        '};',
        "process.on('exit', () => fs.writeFileSync(process.env.PROBE_OUT, JSON.stringify({",
        '  modules: Object.keys(require.cache).filter((f) => f !== __filename),',
        '  read: [...read],',
        '  internal: process.moduleLoadList,',
        '  execArgv: process.execArgv,',
        '})));',
        '',
      ].join('\n'),
    );
    const argv = ['bin/shoreline.cjs', 'scenarios/onshore-baseline.json', '--warm-up', '0', '--quiet'];
    // once to have a fresh bundle (a changed source is compiled first, with esbuild reading the sources)
    expect(spawnSync(process.execPath, argv, { cwd: ROOT }).status).toBe(0);
    const r = spawnSync(process.execPath, ['--require', probe, ...argv], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, PROBE_OUT: out, NODE_OPTIONS: '' },
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^onshore-baseline — seed "1", 1 replication/);
    const loaded = JSON.parse(readFileSync(out, 'utf8')) as {
      modules: string[];
      read: string[];
      internal: string[];
      execArgv: string[];
    };
    rmSync(resolve(probe, '..'), { recursive: true, force: true });
    expect(loaded.execArgv).toEqual(['--require', probe]);
    expect(loaded.modules.map((f) => f.slice(ROOT.length + 1)).sort()).toEqual([
      'bin/shoreline.cjs',
      'src/cli/bundle.cjs',
      'src/node/bundle-cache.cjs',
    ]);
    const files = loaded.read.map((f) => (f.startsWith(ROOT) ? f.slice(ROOT.length + 1) : f));
    expect(files.filter((f) => /\.(ts|mts|cts)$/.test(f))).toEqual([]);
    expect(
      files.filter((f) => f.startsWith('node_modules/') && !f.startsWith('node_modules/.cache/shoreline/')),
    ).toEqual([]);
    expect(files.some((f) => /^node_modules\/\.cache\/shoreline\/cli-[0-9a-f]+\.cjs$/.test(f))).toBe(true);
    expect(loaded.internal.filter((m) => /esm\/(translators|module_job)/.test(m))).toEqual([]);
  });

  it("runs it with V8's code cache beside it, written once, replaced when V8 rejects it", async () => {
    setValue(5);
    const bundle = await cliBundle(root);
    const cache = `${bundle}.${process.version}-${process.arch}.v8cache`;
    const launcher = join(root, 'launch.cjs');
    writeFileSync(
      launcher,
      [
        `const { cliBundle, loadWithCodeCache } = require(${JSON.stringify(join(ROOT, 'src', 'cli', 'bundle.cjs'))});`,
        'cliBundle(process.argv[2]).then(loadWithCodeCache);',
        '',
      ].join('\n'),
    );
    const launch = () => spawnSync(process.execPath, [launcher, root], { encoding: 'utf8' });
    expect(() => statSync(cache)).toThrow(); // none before the first run
    expect(launch().stdout).toBe('seen 5\n');
    const written = statSync(cache);
    expect(written.size).toBeGreaterThan(0);
    expect(launch().stdout).toBe('seen 5\n'); // with the cache
    expect(statSync(cache).mtimeMs).toBe(written.mtimeMs); // accepted: not written again
    writeFileSync(cache, 'not a code cache');
    expect(launch().stdout).toBe('seen 5\n');
    expect(statSync(cache).size).toBeGreaterThan(100); // rejected, so written again
  });
});
