import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The quick benchmark is what CI runs: this proves it works and writes a well-formed results file.
// No timing assertions: the figures depend on the machine.

const ROOT = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'paycodes-bench-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Result {
  section: string;
  name: string;
  value: number | null;
  unit: string | null;
  baseline: string | null;
  baselineValue: number | null;
  ratio: number | null;
  target: string | null;
  met: boolean | null;
  skipped?: string;
  error?: string;
}

const SECTIONS = ['lookup', 'batch', 'http', 'startup', 'size'];

describe('npm run bench -- --quick', () => {
  const out = join(dir, 'results.json');
  let run: ReturnType<typeof spawnSync>;
  let report: { machine: Record<string, unknown>; mode: string; results: Result[] };

  it('runs every section and exits 0', () => {
    run = spawnSync(process.execPath, ['bench/run.mjs', '--quick', '--out', out], { cwd: ROOT, encoding: 'utf8', timeout: 170_000 });
    expect(run.stderr).not.toMatch(/ failed: /);
    expect(run.status).toBe(0);
    report = JSON.parse(readFileSync(out, 'utf8'));
    expect(run.stdout).toContain('paycodes bench (quick)');
  }, 180_000);

  it('records the machine and the mode', () => {
    expect(report.mode).toBe('quick');
    expect(typeof report.machine.cpu).toBe('string');
    expect(report.machine.cores).toBeGreaterThan(0);
    expect(report.machine.node).toBe(process.version);
    expect(Number.isNaN(Date.parse(String(report.machine.date)))).toBe(false);
  });

  it('has a figure or a skip reason for every section, and no errors', () => {
    for (const s of SECTIONS) expect(report.results.some((r) => r.section === s)).toBe(true);
    for (const r of report.results) {
      expect(r.error).toBeUndefined();
      expect(Object.keys(r)).toEqual(
        expect.arrayContaining(['section', 'name', 'value', 'unit', 'baseline', 'baselineValue', 'ratio', 'target', 'met']),
      );
      if (r.skipped !== undefined) {
        expect(r.skipped.length).toBeGreaterThan(0);
        expect(r.value).toBeNull();
        continue;
      }
      expect(typeof r.value).toBe('number');
      expect(Number.isFinite(r.value)).toBe(true);
      expect(r.value).toBeGreaterThanOrEqual(0);
      expect(typeof r.unit).toBe('string');
      if (r.ratio !== null) {
        expect(typeof r.baseline).toBe('string');
        expect(typeof r.baselineValue).toBe('number');
        expect(r.ratio).toBeGreaterThan(0);
      }
      // A target always comes with its verdict, and a verdict never comes without a target.
      expect(r.target === null).toBe(r.met === null);
      if (r.met !== null) expect(typeof r.met).toBe('boolean');
    }
  });

  it('measures the lookup against both baselines and the size budget, which need no command', () => {
    const lookup = report.results.filter((r) => r.section === 'lookup');
    expect(lookup.map((r) => r.baseline)).toEqual(expect.arrayContaining(['Map.get floor', 'SQLite prepared']));
    for (const r of lookup) {
      expect(r.unit).toBe('ns/op');
      expect(r.met).not.toBeNull();
    }
    const size = report.results.find((r) => r.section === 'size' && r.target !== null);
    expect(size?.unit).toBe('bytes');
    expect(size?.met).toBe((size?.value ?? Number.POSITIVE_INFINITY) <= 8192);
  });

  it('prints every figure of the results file in its table', () => {
    for (const r of report.results) expect(run.stdout).toContain(r.name.slice(0, 40));
  });
});
