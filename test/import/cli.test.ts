import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { providerSchema } from '../../src/catalog/schema.js';
import { ROOT } from '../helpers/paths.js';
import { runCli } from '../helpers/run.js';

const dir = mkdtempSync(join(tmpdir(), 'paycodes-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('paycodes import (real binary)', () => {
  it('writes a draft provider YAML that passes the catalog schema', async () => {
    const out = join(dir, 'acme.yaml');
    const r = await runCli(['import', 'catalog/sources/shopline-payments.txt', '--provider', 'acme-pay', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/wrote 142 draft entries \(lines\)/);
    const text = readFileSync(out, 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/provider.schema.json');
    const data = parse(text);
    const checked = providerSchema.safeParse(data);
    expect(checked.success ? [] : checked.error.issues).toEqual([]);
    expect(data.id).toBe('acme-pay');
    expect(data.languages).toEqual(['zh-Hant', 'en']);
    const e4454 = data.entries.find((e: { code: string }) => e.code === '4454');
    expect(e4454).toMatchObject({ code: '4454', flow: 'payment', scene: '付款', source: { line: 82 }, unified: 'insufficient_funds' });
    expect(e4454.notes).toMatch(
      /^REVIEW: classifier suggestion insufficient_funds \(failed\/ask_customer, party customer\), confidence 0\.\d\d/,
    );
  });

  it('prints YAML to standard output, and JSON with --json', async () => {
    const y = await runCli(['import', resolve(ROOT, 'test/fixtures/import/table.csv'), '--provider', 'csv-pay']);
    expect(y.code).toBe(0);
    expect(providerSchema.safeParse(parse(y.stdout)).success).toBe(true);
    const j = await runCli(['import', 'test/fixtures/import/table.html', '--provider', 'html-pay', '--json']);
    expect(j.code).toBe(0);
    const result = JSON.parse(j.stdout);
    expect(result.format).toBe('html');
    expect(result.entries.map((e: { code: string; flow: string }) => [e.code, e.flow])).toEqual([
      ['RF01', 'refund'],
      ['RF02', 'refund'],
    ]);
    expect(result.entries[1].suggestion).toMatchObject({ unified: 'refund_in_progress', outcome: 'pending', next: 'wait' });
  });

  it('refuses bad input with exit status 2', async () => {
    const missing = await runCli(['import', join(dir, 'nope.txt'), '--provider', 'acme']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read/);
    const badId = await runCli(['import', 'catalog/sources/qfpay.md', '--provider', 'Acme_Pay']);
    expect(badId.code).toBe(2);
    expect(badId.stderr).toMatch(/^paycodes: provider id "Acme_Pay" must be lowercase letters and digits/);
    const badFormat = await runCli(['import', 'catalog/sources/qfpay.md', '--provider', 'acme', '--format', 'xls']);
    expect(badFormat.code).toBe(2);
    const noProvider = await runCli(['import', 'catalog/sources/qfpay.md']);
    expect(noProvider.code).toBe(2);
  });
});
