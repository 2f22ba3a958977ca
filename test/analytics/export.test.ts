import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { columns, quoteIdent, quoteString, toSql } from '../../src/analytics/export.js';
import { buildMapping, lookup } from '../../src/analytics/mapping.js';
import { listEntries, listProviders } from '../../src/catalog/api.js';
import { FLOWS } from '../../src/core/types.js';
import { parseCsv } from '../../src/io/csv.js';
import { normalize, normalizer } from '../../src/normalize.js';
import { runCli } from '../helpers/run.js';
import { openSqlite } from './sqlite.js';

const dir = mkdtempSync(join(tmpdir(), 'paycodes-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rows = buildMapping();
const codes = listProviders().flatMap((p) => [...new Set(listEntries(p.id).map((e) => e.code))].map((c) => [p.id, c] as const));
const readingCount = codes.reduce((n, [p, c]) => n + (normalizer.readings(p, c)?.readings.length ?? 0), 0);

describe('the mapping', () => {
  it('has one row per catalog reading', () => {
    expect(rows).toHaveLength(readingCount);
    expect(rows.length).toBeGreaterThan(listProviders().reduce((n, p) => n + p.entries, 0));
  });

  it('flags exactly one default per (provider, code, flow) and one flow-any answer per (provider, code)', () => {
    const perFlow = new Map<string, number>();
    const perCode = new Map<string, number>();
    for (const r of rows) {
      const k = `${r.provider} ${r.code}`;
      perFlow.set(`${k} ${r.flow}`, (perFlow.get(`${k} ${r.flow}`) ?? 0) + (r.is_default ? 1 : 0));
      perCode.set(k, (perCode.get(k) ?? 0) + (r.is_default_for_flow_any ? 1 : 0));
    }
    expect([...perFlow.values()].every((n) => n === 1)).toBe(true);
    expect([...perCode.values()].every((n) => n === 1)).toBe(true);
    expect(perCode.size).toBe(codes.length);
  });

  it('answers every code under every flow as normalize() does', () => {
    const wrong: string[] = [];
    for (const [p, c] of codes) {
      for (const flow of FLOWS) {
        const d = normalize({ provider: p, code: c, flow });
        const r = lookup(rows, p, c, flow);
        if (
          !r ||
          r.unified !== d.unified ||
          r.outcome !== d.outcome ||
          r.next !== d.next ||
          r.party !== d.party ||
          r.disclosure !== d.disclosure
        ) {
          wrong.push(`${p} ${c} ${flow}`);
        }
        if (r && r.customer_message.en !== d.message.customer) wrong.push(`${p} ${c} ${flow} message`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('keeps both readings of eftPay -99 and defaults to the one normalize() picks without a message', () => {
    const m99 = rows.filter((r) => r.provider === 'eftpay' && r.code === '-99');
    expect(m99.map((r) => [r.flow, r.unified, r.is_default])).toEqual([
      ['any', 'system_error', true],
      ['any', 'duplicate_order', false],
    ]);
    expect(normalize({ provider: 'eftpay', code: '-99' }).unified).toBe('system_error');
  });
});

describe('paycodes export formats', () => {
  it('json parses into one object per row with every column', async () => {
    const r = await runCli(['export', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const data = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    expect(data).toHaveLength(rows.length);
    expect(Object.keys(data[0] as object)).toEqual(columns().map((c) => c.name));
    const q = data.find((x) => x.provider === 'qfpay' && x.code === '1201');
    expect(q).toMatchObject({ unified: 'insufficient_funds', outcome: 'failed', is_default: true, is_default_for_flow_any: true });
    expect(String(q?.merchant_message_zh_hant)).toMatch(/[\u4e00-\u9fff]/);
    expect(q?.provider_text_zh_hant).toBe('餘額不足，請更換支付方式 (1201)');
  });

  it('csv parses back (RFC 4180) with the same rows, and --lang keeps one message column each', async () => {
    const r = await runCli(['export', '--format', 'csv', '--lang', 'zh-Hans']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('\r\n');
    const recs = parseCsv(r.stdout);
    const header = recs[0]?.fields ?? [];
    expect(header).toEqual(columns('zh-Hans').map((c) => c.name));
    expect(header).toContain('customer_message');
    expect(header).not.toContain('customer_message_en');
    expect(recs).toHaveLength(rows.length + 1);
    expect(recs.every((x) => x.fields.length === header.length && x.problem === undefined)).toBe(true);
    const ci = header.indexOf('customer_message');
    const row = recs.find((x) => x.fields[0] === 'qfpay' && x.fields[1] === '1201');
    expect(row?.fields[ci]).toBe(rows.find((x) => x.provider === 'qfpay' && x.code === '1201')?.customer_message['zh-Hans']);
  });

  it('md is a table with a row per reading', async () => {
    const out = join(dir, 'map.md');
    const r = await runCli(['export', '--format', 'md', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(rows.length + 2);
    expect(lines[1]).toMatch(/^\|(---\|)+$/);
    const cells = (l: string) => l.split(/(?<!\\)\|/).length;
    expect(lines.every((l) => cells(l) === cells(lines[0] as string))).toBe(true);
  });

  it('sql loads into real DuckDB for the duckdb dialect', async () => {
    for (const dialect of ['duckdb']) {
      const r = await runCli(['export', '--format', 'sql', '--dialect', dialect]);
      expect(r.code, r.stderr).toBe(0);
      const inst = await DuckDBInstance.create(':memory:');
      const conn = await inst.connect();
      try {
        await conn.run(r.stdout);
        const got = (
          await conn.runAndReadAll('SELECT count(*)::INTEGER AS n, count(DISTINCT provider)::INTEGER AS p FROM paycodes_mapping')
        ).getRowObjectsJS();
        expect(got).toEqual([{ n: rows.length, p: new Set(rows.map((x) => x.provider)).size }]);
        const text = (
          await conn.runAndReadAll("SELECT provider_text_zh_hant AS t FROM paycodes_mapping WHERE provider = 'qfpay' AND code = '1201'")
        ).getRowObjectsJS();
        expect(text).toEqual([{ t: '餘額不足，請更換支付方式 (1201)' }]);
      } finally {
        conn.closeSync();
        inst.closeSync();
      }
    }
  });

  it('sql loads into real SQLite, and a custom table name is quoted', async () => {
    const r = await runCli(['export', '--format', 'sql', '--dialect', 'sqlite', '--table', 'main.pc_map']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('CREATE TABLE "main"."pc_map"');
    const db = openSqlite();
    try {
      db.exec(r.stdout);
      expect(db.prepare('SELECT count(*) AS n, sum(is_default_for_flow_any) AS a FROM pc_map').get()).toEqual({
        n: rows.length,
        a: codes.length,
      });
    } finally {
      db.close();
    }
  });

  it('bigquery uses STRING, backticks and backslash escapes', async () => {
    const r = await runCli(['export', '--format', 'sql', '--dialect', 'bigquery', '--table', 'payments.paycodes_mapping']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('CREATE TABLE `payments`.`paycodes_mapping` (');
    expect(r.stdout).toContain('`provider` STRING NOT NULL');
    expect(r.stdout).toContain('`is_default` BOOL NOT NULL');
    expect(r.stdout).toContain('`source_line` INT64 NOT NULL');
    expect(r.stdout).not.toContain('BEGIN;');
    expect(quoteString('bigquery', "it's a \\ path\nnext")).toBe("'it\\'s a \\\\ path\\nnext'");
    expect(quoteString('postgres', "it's a \\ path")).toBe("'it''s a \\ path'");
    expect(quoteIdent('bigquery', 'a`b')).toBe('`a\\`b`');
    expect(quoteIdent('duckdb', 'a"b')).toBe('"a""b"');
    const q0000 = rows.filter((x) => x.provider === 'qfpay' && x.code === '0000');
    expect(toSql(q0000, 'sqlite')).toMatch(/VALUES\n {2}\('qfpay', '0000', 'any', 1, 1, 1,/);
  });

  it('rejects bad options with exit status 2', async () => {
    for (const args of [
      ['--format', 'xml'],
      ['--format', 'sql', '--dialect', 'oracle'],
      ['--format', 'sql', '--table', 'x; DROP TABLE y'],
      ['--lang', 'fr'],
    ]) {
      const r = await runCli(['export', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
    }
  });
});
