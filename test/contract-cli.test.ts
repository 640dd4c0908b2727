/**
 * (v3) Contracts on the command line: the bundled contract scenarios run, report invoice and credit per
 * contract site (JSON and the "Contracts" table), and shards merge into exactly the unsharded result.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SimulationResult } from '../src/sim';
import { cli } from './support/cli';

const TMP = mkdtempSync(join(tmpdir(), 'shoreline-contract-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));
const VENDORS = resolve(__dirname, '../scenarios/contract-vendors.json');
const withoutPerformance = (path: string) => {
  const { performance: _p, ...rest } = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  return JSON.stringify(rest, null, 2);
};

describe('contract-vendors on the command line', () => {
  const args = [VENDORS, '--reps', '3', '--seed', 'c', '--threads', '1'];

  it('reports invoice and SLA credit per contract site; costs add up', async () => {
    const json = join(TMP, 'whole.json');
    const r = await cli([...args, '--json', json]);
    expect(r.code, r.stderr).toBe(0);
    const result = JSON.parse(readFileSync(json, 'utf8')) as SimulationResult;
    const { columbus, bogota, manila } = result.sites;
    expect(columbus.invoice.mean).toBeNull();
    for (const s of [bogota, manila]) {
      expect(s.invoice.mean).toBeGreaterThan(0);
      expect(s.slaCredit.mean).not.toBeNull();
    }
    expect(result.total.invoice.mean).toBeCloseTo(bogota.invoice.mean! + manila.invoice.mean!, 6);
    const siteSum = Object.values(result.sites).reduce((a, s) => a + s.cost.mean!, 0);
    expect(siteSum).toBeCloseTo(result.total.cost.mean!, 6);
    expect(r.stdout).toContain('Contracts (cost = invoice − SLA credit + telecom + fees)');
    expect(r.stdout).toContain('Costs are in USD.');
  });

  it('3 shards merged = the unsharded run, byte for byte apart from performance, and the same table', async () => {
    const whole = join(TMP, 'whole2.json');
    const direct = await cli([...args, '--json', whole]);
    const files: string[] = [];
    for (let i = 1; i <= 3; i++) {
      const f = join(TMP, `s${i}.json`);
      const r = await cli([...args, '--shard', `${i}/3`, '--json', f]);
      expect(r.code, r.stderr).toBe(0);
      files.push(f);
    }
    const merged = join(TMP, 'merged.json');
    const m = await cli(['merge', ...files, '--json', merged]);
    expect(m.code, m.stderr).toBe(0);
    expect(withoutPerformance(merged)).toBe(withoutPerformance(whole));
    expect(m.stdout).toBe(direct.stdout);
  });
});
