import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quoteString, toSql } from '../../src/analytics/export.js';
import { buildMapping } from '../../src/analytics/mapping.js';
import { mappingQuery, stateQuery } from '../../src/analytics/query.js';
import { validateCatalog } from '../../src/build/validate.js';
import type { Flow } from '../../src/core/types.js';
import { csvField, parseCsv } from '../../src/io/csv.js';
import { normalize } from '../../src/normalize.js';
import { ROOT } from '../helpers/paths.js';
import { runCli } from '../helpers/run.js';
import { type Postgres, postgresAvailable, startPostgres } from './postgres.js';

/**
 * The PostgreSQL dialect of the SQL export, loaded into a real PostgreSQL: it survives a server
 * with standard_conforming_strings off, and the README's warehouse query over it answers every
 * sample row as normalize() does. Skipped only when the PostgreSQL binaries are not installed
 * (CI installs them).
 */
const available = postgresAvailable();
let pg: Postgres;
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'paycodes-pg-test-'));
  if (available) pg = startPostgres();
}, 60_000);

afterAll(() => {
  pg?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const ANSWER = ['known', 'unified', 'category', 'outcome', 'next', 'party', 'disclosure'] as const;

describe.skipIf(!available)('PostgreSQL', () => {
  it('loads the export even when the server has standard_conforming_strings off', async () => {
    const r = await runCli(['export', '--format', 'sql', '--dialect', 'postgres']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('SET standard_conforming_strings = on;');
    const out = pg.psql(
      `SET standard_conforming_strings = off;\n${r.stdout}\nSELECT count(*) AS n, count(DISTINCT provider) AS p FROM paycodes_mapping;\n` +
        `SELECT provider_text_zh_hant AS t FROM paycodes_mapping WHERE provider = 'qfpay' AND code = '1201';`,
      { csv: true },
    );
    const rows = buildMapping();
    expect(out).toContain(`n,p\n${rows.length},${new Set(rows.map((x) => x.provider)).size}\n`);
    expect(out).toContain('t\n餘額不足，請更換支付方式 (1201)\n');
  });

  it('keeps a backslash-and-quote text as data, not as SQL (F9)', () => {
    const hostile = "it\\'s \\'; DROP TABLE paycodes_mapping; -- \\";
    const [first] = buildMapping();
    const row = { ...(first as NonNullable<typeof first>), reason: hostile };
    const sql = toSql([row], 'postgres', { table: 'pc_hostile' });
    const out = pg.psql(`SET standard_conforming_strings = off;\n${sql}\nSELECT reason FROM pc_hostile;`, { csv: true });
    expect(parseCsv(out).map((x) => x.fields)).toEqual([['reason'], [hostile]]);
  });

  it("answers every row of a sample log as normalize() does, with the README's query", async () => {
    const logFile = join(dir, 'sample.ndjson');
    const s = await runCli(['sample', '--rows', '3000', '--seed', '7', '--unmapped-rate', '0.05', '--out', logFile]);
    expect(s.code, s.stderr).toBe(0);
    const log = readFileSync(logFile, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; provider: string; code: string; flow: Flow });
    const csv = `id,provider,flow,code\n${log.map((r) => [r.id, r.provider, r.flow ?? '', r.code].map(csvField).join(',')).join('\n')}\n`;
    const data = pg.put('log.csv', csv);
    const exp = await runCli(['export', '--format', 'sql', '--dialect', 'postgres']);
    const out = pg.psql(
      `${exp.stdout}\nCREATE TABLE payment_log (id TEXT, provider TEXT, flow TEXT, code TEXT);\n` +
        `\\copy payment_log FROM '${data}' WITH (FORMAT csv, HEADER true)\n${mappingQuery()};`,
      { csv: true },
    );
    const [head, ...rows] = parseCsv(out).map((x) => x.fields);
    const col = (name: string) => (head as string[]).indexOf(name);
    expect(rows).toHaveLength(log.length);
    const byId = new Map(rows.map((r) => [r[col('id')], r]));
    let wrong = 0;
    for (const r of log) {
      const d = normalize({ provider: r.provider, code: r.code, flow: r.flow });
      const got = byId.get(r.id) as string[];
      const want = ANSWER.map((k) => (k === 'known' ? (d.known ? 't' : 'f') : String(d[k])));
      if (JSON.stringify(ANSWER.map((k) => got[col(k)])) !== JSON.stringify(want)) wrong++;
    }
    expect(wrong).toBe(0);
  }, 60_000);
});

describe.skipIf(!available)('PostgreSQL, two-layer records', () => {
  it('answers every row of a two-layer sample log (request code and state) as normalize({ state }) does', async () => {
    const logFile = join(dir, 'sample-state.ndjson');
    const s = await runCli(['sample', '--rows', '3000', '--seed', '11', '--unmapped-rate', '0.05', '--out', logFile]);
    expect(s.code, s.stderr).toBe(0);
    const log = readFileSync(logFile, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; provider: string; code: string; flow: Flow; state?: string });
    // Extra rows: every state spelling of eftPay 00 and OTT Pay SUCCESS, refund and payment, and an unlisted state.
    for (const [provider, code, states] of [
      ['eftpay', '00', ['TRADE_SUCCESS', 'trade_success', 'TRADE_PROCESSING', 'TRADE_CLOSED', 'TRADE_REFUND', 'NOPE']],
      ['ottpay', 'SUCCESS', ['SUCCESS', 'PROCESSING', 'REFUND_SUCCESS', 'ORDERCLOSE', 'NOPE']],
      ['subotiz', '', ['succeeded', 'processing', 'payment_failed']],
    ] as const) {
      for (const state of states)
        for (const flow of ['payment', 'refund'] as const) log.push({ id: `x-${provider}-${state}-${flow}`, provider, code, flow, state });
    }
    expect(log.filter((r) => r.state !== undefined).length).toBeGreaterThan(300);
    const cells = (r: (typeof log)[number]) => [r.id, r.provider, r.flow ?? '', r.code, r.state ?? ''].map(csvField).join(',');
    const data = pg.put('log-state.csv', `id,provider,flow,code,state\n${log.map(cells).join('\n')}\n`);
    const exp = await runCli(['export', '--format', 'sql', '--dialect', 'postgres']);
    expect(exp.code, exp.stderr).toBe(0);
    const out = pg.psql(
      `${exp.stdout}\nCREATE TABLE state_log (id TEXT, provider TEXT, flow TEXT, code TEXT, state TEXT);\n` +
        `\\copy state_log FROM '${data}' WITH (FORMAT csv, HEADER true)\n${stateQuery('state_log')};`,
      { csv: true },
    );
    const [head, ...rows] = parseCsv(out).map((x) => x.fields);
    const col = (name: string) => (head as string[]).indexOf(name);
    expect(rows).toHaveLength(log.length);
    const byId = new Map(rows.map((r) => [r[col('id')], r]));
    const wrong: string[] = [];
    for (const r of log) {
      const d = normalize({ provider: r.provider, code: r.code, flow: r.flow, ...(r.state ? { state: r.state } : {}) });
      const got = byId.get(r.id) as string[];
      const want = ANSWER.map((k) => (k === 'known' ? (d.known ? 't' : 'f') : String(d[k])));
      if (JSON.stringify(ANSWER.map((k) => got[col(k)])) !== JSON.stringify(want)) wrong.push(r.id);
    }
    expect(wrong).toEqual([]);
    expect(normalize({ provider: 'eftpay', code: '00', state: 'TRADE_SUCCESS' })).toMatchObject({ outcome: 'succeeded', next: 'done' });
  }, 120_000);
});

describe('NUL in a text (F9)', () => {
  it('is refused by the SQL export', () => {
    expect(() => quoteString('postgres', 'a\u0000b')).toThrow(/NUL/);
  });

  it('is refused when the catalog compiles', () => {
    const cat = join(dir, 'catalog');
    cpSync(join(ROOT, 'catalog'), cat, { recursive: true });
    const file = join(cat, 'unified.yaml');
    const text = readFileSync(file, 'utf8');
    // The first English message gets a YAML \0 escape.
    const patched = text.replace(/^(\s+en: )(.+)$/m, '$1"has a \\0 NUL"');
    expect(patched).not.toBe(text);
    writeFileSync(file, patched);
    const result = validateCatalog({ dir: cat, root: ROOT });
    expect(result.problems.map((p) => p.message).join('\n')).toMatch(/holds a NUL character/);
  });
});
