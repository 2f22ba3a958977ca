import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listProviders } from '../../src/catalog/api.js';
import { listCodes } from '../../src/catalog/listings.js';
import { ROOT } from '../helpers/paths.js';
import { runCli } from '../helpers/run.js';

describe('listings at catalog scale (real binary)', () => {
  it('providers are grouped by region, every provider once', async () => {
    const r = await runCli(['providers']);
    expect(r.code).toBe(0);
    const heads = [...r.stdout.matchAll(/^([A-Z][^\n(]+) \((\d+)\)$/gm)].map((m) => [m[1], Number(m[2])] as const);
    expect(heads.map(([h]) => h)).toEqual(expect.arrayContaining(['Asia-Pacific', 'Global']));
    expect(heads.reduce((n, [, k]) => n + k, 0)).toBe(listProviders().length);
    for (const p of listProviders()) expect(r.stdout).toMatch(new RegExp(`^${p.id}\\s`, 'm'));
    const asia = await runCli(['providers', '--region', 'asia', '--json']);
    const ids = JSON.parse(asia.stdout).map((p: { id: string }) => p.id);
    expect(ids).toContain('qfpay');
    expect(ids).not.toContain('stripe');
  });
  it('codes page with --limit and --offset and say where the page sits', async () => {
    const all = listCodes('kg-inicis');
    const r = await runCli(['codes', 'kg-inicis', '--limit', '3', '--offset', '10']);
    expect(r.code).toBe(0);
    const rows = r.stdout.split('\n').filter((l) => /^\S+\s+\S+\s+(unknown|failed|succeeded|pending) /.test(l));
    expect(rows.map((l) => l.split(/\s+/)[0])).toEqual(all.slice(10, 13).map((c) => c.code));
    expect(r.stdout).toContain(`kg-inicis codes 11–13 of ${all.length}; --offset 13 for more`);
  });
  it('a pipe gets every code unless --limit says otherwise', async () => {
    const r = await runCli(['codes', 'qfpay', '--json']);
    expect(JSON.parse(r.stdout)).toHaveLength(listCodes('qfpay').length);
  });
  it.each([
    [['codes', 'qfpay', '--limit', '-1'], /--limit must be a whole number/],
    [['codes', 'qfpay', '--offset', 'x'], /--offset must be a whole number/],
    [['providers', '--region', 'moon'], /unknown region "moon"/],
  ])('%j is a usage error', async (args, message) => {
    const r = await runCli(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

describe('search with a huge query', () => {
  it('says there is no match without echoing 100 kB back', async () => {
    const r = await runCli(['search', 'a'.repeat(100_000)]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^paycodes: no matches for "a{80}…"\n$/);
  });
});

describe('the CLI in a clone before any build', () => {
  it('says to run npm run build instead of printing a module error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'paycodes-unbuilt-'));
    mkdirSync(join(dir, 'bin'));
    copyFileSync(join(ROOT, 'bin', 'paycodes.js'), join(dir, 'bin', 'paycodes.js'));
    writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
    const r = spawnSync(process.execPath, [join(dir, 'bin', 'paycodes.js'), 'explain', 'qfpay', '1201'], { encoding: 'utf8' });
    rmSync(dir, { recursive: true, force: true });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^paycodes: the CLI is not built yet\. Run `npm run build`/);
    expect(r.stderr).not.toMatch(/ERR_MODULE_NOT_FOUND/);
  });
});
