import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { providerSchema } from '../../src/build/catalog-schema.js';
import { importTable } from '../../src/import/index.js';
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
    expect(e4454).toMatchObject({ code: '4454', flow: 'payment', scene: '付款', source: { line: 82 } });
    // The draft carries the classifier's suggestion for review: the unified code it wrote, with its decision and confidence.
    expect(e4454.notes).toMatch(
      new RegExp(`^REVIEW: classifier suggestion ${e4454.unified} \\((\\w+)\\/(\\w+), party (\\w+)\\), confidence [01]\\.\\d+`),
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
    // The binary's suggestions are the library's, and a refund still in progress is never called a failure.
    const lib = importTable(readFileSync(resolve(ROOT, 'test/fixtures/import/table.html'), 'utf8'), { provider: 'html-pay' });
    expect(result.entries.map((e: { suggestion: unknown }) => e.suggestion)).toEqual(
      JSON.parse(JSON.stringify(lib.entries.map((e) => e.suggestion))),
    );
    expect(['pending', 'unknown']).toContain(result.entries[1].suggestion.outcome);
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

describe('paycodes import: paths and drafts (real binary)', () => {
  it('an --out folder that does not exist is a clear error with exit 2 (no stack trace)', async () => {
    const r = await runCli(['import', 'catalog/sources/qfpay.md', '--provider', 'acme', '--out', '/nonexistent/x.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^paycodes: cannot write \/nonexistent\/x\.yaml/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a file name with a line break cannot add YAML keys (F13)', async () => {
    const { writeFileSync } = await import('node:fs');
    const evil = join(dir, 'codes\nid: injected\n#.md');
    writeFileSync(evil, '| code | message |\n| --- | --- |\n| E1 | Card declined |\n| E2 | Card expired |\n');
    const r = await runCli(['import', evil, '--provider', 'acme']);
    expect(r.code).toBe(0);
    const data = parse(r.stdout);
    expect(data.id).toBe('acme');
    expect(data.source.document).toContain('\nid: injected\n');
  });

  it('writes a catalog that `paycodes validate` accepts as it stands, for a provider id starting with a digit', async () => {
    const { cpSync, mkdirSync, writeFileSync } = await import('node:fs');
    const cat = join(dir, 'repo');
    mkdirSync(join(cat, 'catalog/providers'), { recursive: true });
    cpSync(resolve(ROOT, 'catalog/unified.yaml'), join(cat, 'catalog/unified.yaml'));
    const doc = join(dir, 'codes-2c2p.md');
    writeFileSync(
      doc,
      [
        '# Payment response codes',
        '',
        '| Code | Message | 中文说明 |',
        '| --- | --- | --- |',
        '| `0000` | Success | 成功 |',
        '| 4001 | Insufficient balance \\| try another card | 余额不足 |',
        '',
        '## Refund errors',
        '',
        'REF01 - Refund amount exceeds the paid amount',
        'REF02 - Refund window has expired',
        'REF03 - Refund already processed',
        '',
      ].join('\n'),
    );
    const out = join(cat, 'catalog/providers/2c2p.yaml');
    const w = await runCli(['import', doc, '--provider', '2c2p', '--out', out]);
    expect(w.stderr).toBe('');
    expect(w.code).toBe(0);
    expect(w.stdout).toMatch(/2 tables found, 5 rows read, 5 codes, 0 rows skipped/);
    expect(readFileSync(join(cat, 'catalog/sources/2c2p.md'), 'utf8')).toBe(readFileSync(doc, 'utf8'));
    const v = await runCli(['validate', '--dir', join(cat, 'catalog'), '--root', cat]);
    expect(v.stderr).toBe('');
    expect(v.code).toBe(0);
    const data = parse(readFileSync(out, 'utf8'));
    expect(data.source.document).toBe('catalog/sources/2c2p.md');
    expect(data.entries.map((e: { code: string; flow: string }) => [e.code, e.flow])).toEqual([
      ['0000', 'any'],
      ['4001', 'any'],
      ['REF01', 'refund'],
      ['REF02', 'refund'],
      ['REF03', 'refund'],
    ]);
    expect(data.entries[1].messages).toEqual({ en: 'Insufficient balance \\| try another card', 'zh-Hans': '余额不足' });
  });
});
