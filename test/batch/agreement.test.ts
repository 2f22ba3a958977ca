import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mappingQuery } from '../../src/analytics/query.js';
import { listEntries, listProviders } from '../../src/catalog/api.js';
import type { Flow } from '../../src/core/types.js';
import { csvField, parseCsv } from '../../src/io/csv.js';
import { normalize } from '../../src/normalize.js';
import { runCli } from '../helpers/run.js';

/**
 * Cross-surface agreement (one answer everywhere): for every catalog entry, with no flow and with
 * the entry's own flow, with and without the provider's message, batch `paycodes normalize` over
 * NDJSON and over CSV gives the unified, outcome, next and party the library gives; and the SQL
 * export joined in DuckDB gives them for every message-free record (the SQL answers (provider,
 * code, flow); only the library and batch weigh a message).
 */
interface Rec {
  id: string;
  provider: string;
  code: string;
  flow: Flow | '';
  message: string;
}

const KEYS = ['unified', 'outcome', 'next', 'party'] as const;
const OUTSIDE = 'acme-pay';
const dir = mkdtempSync(join(tmpdir(), 'paycodes-agreement-'));
const records: Rec[] = [];
const want = new Map<string, string>();

beforeAll(() => {
  for (const p of listProviders()) {
    for (const e of listEntries(p.id)) {
      const text = e.messages.en ?? e.messages['zh-Hant'] ?? e.messages['zh-Hans'] ?? '';
      const flows: Array<Flow | ''> = e.flow === 'any' ? [''] : ['', e.flow];
      for (const flow of flows) {
        for (const message of ['', text]) {
          const id = `r${records.length}`;
          records.push({ id, provider: p.id, code: e.code, flow, message });
          const d = normalize({
            provider: p.id,
            code: e.code,
            ...(flow === '' ? {} : { flow }),
            ...(message === '' ? {} : { message }),
          });
          want.set(id, KEYS.map((k) => d[k]).join('|'));
        }
      }
    }
  }
  // A provider outside the catalog, with the catalog's codes and texts: the classifier answers, and
  // batch must give what the library gives, with the message and without it.
  const outside = listProviders()
    .flatMap((p) => listEntries(p.id))
    .filter((_, i) => i % 10 === 0);
  for (const e of outside) {
    const text = e.messages.en ?? e.messages['zh-Hant'] ?? e.messages['zh-Hans'] ?? '';
    for (const message of [text, '', text]) {
      const id = `r${records.length}`;
      records.push({ id, provider: OUTSIDE, code: e.code, flow: '', message });
      const d = normalize({ provider: OUTSIDE, code: e.code, ...(message === '' ? {} : { message }) });
      want.set(id, KEYS.map((k) => d[k]).join('|'));
    }
  }
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function mismatches(got: Map<string, string>, only?: (r: Rec) => boolean): string[] {
  const wrong: string[] = [];
  for (const r of records) {
    if (only && !only(r)) continue;
    if (got.get(r.id) !== want.get(r.id))
      wrong.push(`${r.provider} ${r.code} ${r.flow} ${JSON.stringify(r.message)}: ${got.get(r.id)} vs ${want.get(r.id)}`);
  }
  return wrong;
}

describe('every catalog entry, on every surface', () => {
  it('covers every provider and thousands of records, some with a message that changes the answer', () => {
    expect(new Set(records.map((r) => r.provider)).size).toBe(listProviders().length + 1);
    expect(listProviders().some((p) => p.id === OUTSIDE)).toBe(false);
    // The outside provider's messages get classifier answers, not only abstentions.
    const classified = records.filter((r) => r.provider === OUTSIDE && r.message !== '' && !want.get(r.id)?.startsWith('unmapped|'));
    expect(classified.length).toBeGreaterThan(10);
    expect(records.length).toBeGreaterThan(20_000);
  });

  it('batch NDJSON agrees with the library', async () => {
    const file = join(dir, 'log.ndjson');
    const lines = records.map((r) => {
      const o: Record<string, string> = { id: r.id, provider: r.provider, code: r.code };
      if (r.flow !== '') o.flow = r.flow;
      if (r.message !== '') o.message = r.message;
      return JSON.stringify(o);
    });
    writeFileSync(file, `${lines.join('\n')}\n`);
    const out = join(dir, 'out.ndjson');
    const res = await runCli(['normalize', file, '--quiet', '--out', out]);
    expect(res.code, res.stderr).toBe(0);
    const got = new Map<string, string>();
    for (const l of readFileSync(out, 'utf8').trimEnd().split('\n')) {
      const o = JSON.parse(l) as Record<string, string>;
      got.set(o.id as string, KEYS.map((k) => o[k]).join('|'));
    }
    expect(mismatches(got).slice(0, 10)).toEqual([]);
  }, 120_000);

  it('batch CSV agrees with the library', async () => {
    const file = join(dir, 'log.csv');
    const rows = records.map((r) => [r.id, r.provider, r.code, r.flow, r.message].map(csvField).join(','));
    writeFileSync(file, `id,provider,code,flow,message\n${rows.join('\n')}\n`);
    const out = join(dir, 'out.csv');
    const res = await runCli(['normalize', file, '--quiet', '--out', out]);
    expect(res.code, res.stderr).toBe(0);
    const [head, ...body] = parseCsv(readFileSync(out)).map((x) => x.fields);
    const col = (k: string) => (head as string[]).indexOf(k);
    const got = new Map(body.map((f) => [f[0] as string, KEYS.map((k) => f[col(k)]).join('|')]));
    expect(mismatches(got).slice(0, 10)).toEqual([]);
  }, 120_000);

  it('the SQL export joined in DuckDB agrees with the library on every message-free record', async () => {
    const sql = join(dir, 'duckdb.sql');
    const exp = await runCli(['export', '--format', 'sql', '--dialect', 'duckdb', '--out', sql]);
    expect(exp.code, exp.stderr).toBe(0);
    const plain = records.filter((r) => r.message === '');
    const file = join(dir, 'plain.csv');
    const cell = (v: string) => (v === '' ? '' : csvField(v));
    writeFileSync(file, `id,provider,code,flow\n${plain.map((r) => [r.id, r.provider, r.code, r.flow].map(cell).join(',')).join('\n')}\n`);
    const inst = await DuckDBInstance.create(':memory:');
    const conn = await inst.connect();
    try {
      await conn.run(readFileSync(sql, 'utf8'));
      await conn.run(
        `CREATE TABLE payment_log AS SELECT * FROM read_csv('${file.replace(/'/g, "''")}', header = true, columns = {id: 'VARCHAR', provider: 'VARCHAR', code: 'VARCHAR', flow: 'VARCHAR'}, quote = '"', escape = '"')`,
      );
      const reader = await conn.runAndReadAll(`SELECT id, unified, outcome, next, party FROM (${mappingQuery()})`);
      const got = new Map(
        (reader.getRowObjectsJS() as Array<Record<string, string>>).map((o) => [o.id as string, KEYS.map((k) => o[k]).join('|')]),
      );
      expect(got.size).toBe(plain.length);
      expect(mismatches(got, (r) => r.message === '').slice(0, 10)).toEqual([]);
    } finally {
      conn.closeSync();
      inst.closeSync();
    }
  }, 120_000);
});
