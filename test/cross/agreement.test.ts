import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mappingQuery } from '../../src/analytics/query.js';
import { listEntries, listProviders } from '../../src/catalog/api.js';
import type { Flow } from '../../src/core/types.js';
import { normalize, normalizer } from '../../src/normalize.js';
import { runCli } from '../helpers/run.js';
import { type TestServer, testServer } from '../server/helpers.js';

/**
 * One answer on every surface (issue 14, "Done when"). For every catalog entry, with no flow and
 * with each flow its code has, and with and without the provider's message, the library, the HTTP
 * API, batch `normalize` (NDJSON and CSV) and the SQL export joined in DuckDB give the same unified,
 * outcome, next and party; `explain --json` is checked on the cases where an answer can go wrong
 * (codes with several readings, messages, unknown codes). One server, one binary run per batch
 * format, one export: never a process per entry.
 */

interface Case {
  id: string;
  provider: string;
  code: string;
  flow?: Flow;
  message?: string;
}

type Answer = { unified: string; outcome: string; next: string; party: string };
const pick = (r: Record<string, unknown>): Answer => ({
  unified: String(r.unified),
  outcome: String(r.outcome),
  next: String(r.next),
  party: String(r.party),
});
const show = (c: Case) =>
  `${c.provider} ${c.code}${c.flow ? ` --flow ${c.flow}` : ''}${c.message !== undefined ? ` --message ${JSON.stringify(c.message)}` : ''}`;

function buildCases(): Case[] {
  const seen = new Set<string>();
  const out: Case[] = [];
  const add = (c: Omit<Case, 'id'>) => {
    const key = JSON.stringify([c.provider, c.code, c.flow ?? null, c.message ?? null]);
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ id: `c${out.length}`, ...c });
  };
  for (const p of listProviders()) {
    for (const e of listEntries(p.id)) {
      const readings = normalizer.readings(p.id, e.code)?.readings ?? [];
      const flows = [undefined, ...new Set([e.flow, ...readings.map((r) => r.flow)].filter((f) => f !== 'any'))];
      const message = Object.values(e.messages)[0];
      for (const flow of flows) {
        add(flow ? { provider: p.id, code: e.code, flow } : { provider: p.id, code: e.code });
        if (message !== undefined) add(flow ? { provider: p.id, code: e.code, flow, message } : { provider: p.id, code: e.code, message });
      }
    }
  }
  // Codes the catalog lacks, with the message that lets the classifier read them.
  add({ provider: 'subotiz', code: '100888', message: '风控拦截' });
  add({ provider: 'subotiz', code: '100888' });
  add({ provider: 'ottpay', code: 'WALLET_LIMIT', message: 'wallet limit exceeded' });
  add({ provider: 'qfpay', code: '9999', flow: 'refund', message: '餘額不足' });
  return out;
}

const cases = buildCases();
const library = new Map(cases.map((c) => [c.id, pick(normalize(c) as unknown as Record<string, unknown>)]));

function disagreements(surface: Map<string, Answer>, only: (c: Case) => boolean = () => true): string[] {
  const bad: string[] = [];
  for (const c of cases) {
    if (!only(c)) continue;
    const want = library.get(c.id);
    const got = surface.get(c.id);
    if (JSON.stringify(got) !== JSON.stringify(want)) bad.push(`${show(c)}: library ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
  }
  return bad;
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'paycodes-agreement-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('every surface gives the library answer', () => {
  it('covers every entry, with and without flows and messages', () => {
    const entries = listProviders().reduce((n, p) => n + listEntries(p.id).length, 0);
    expect(cases.length).toBeGreaterThan(entries * 2);
    expect(cases.some((c) => c.flow === undefined && c.message !== undefined)).toBe(true);
    // The message really changes some answers, so a surface that drops it cannot pass.
    const plain = (c: Case) =>
      cases.find((x) => x.provider === c.provider && x.code === c.code && x.flow === c.flow && x.message === undefined);
    const changed = cases.filter((c) => {
      const p = c.message !== undefined ? plain(c) : undefined;
      return p !== undefined && JSON.stringify(library.get(p.id)) !== JSON.stringify(library.get(c.id));
    });
    expect(changed.length, changed.slice(0, 3).map(show).join(', ')).toBeGreaterThan(0);
  });

  describe('GET /v1/normalize on a real loopback server', () => {
    let s: TestServer;
    beforeAll(async () => {
      s = await testServer();
    });
    afterAll(async () => {
      await s.close();
    });

    it('agrees for every case', async () => {
      const got = new Map<string, Answer>();
      const ask = async (c: Case) => {
        const q = new URLSearchParams({ provider: c.provider, code: c.code });
        if (c.flow) q.set('flow', c.flow);
        if (c.message !== undefined) q.set('message', c.message);
        const r = await s.get(`/v1/normalize?${q}`);
        expect(r.status).toBe(200);
        got.set(c.id, pick((await r.json()) as Record<string, unknown>));
      };
      // A few requests in flight, as real clients send them; one long-lived server sees them all.
      for (let i = 0; i < cases.length; i += 8) await Promise.all(cases.slice(i, i + 8).map(ask));
      expect(disagreements(got)).toEqual([]);
    }, 180_000);
  });

  it('batch `paycodes normalize` over NDJSON agrees for every case', async () => {
    const input = join(dir, 'cases.ndjson');
    writeFileSync(input, `${cases.map((c) => JSON.stringify(c)).join('\n')}\n`);
    const out = join(dir, 'out.ndjson');
    const r = await runCli(['normalize', input, '--quiet', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const rows = readFileSync(out, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows).toHaveLength(cases.length);
    expect(disagreements(new Map(rows.map((row) => [String(row.id), pick(row)])))).toEqual([]);
  });

  it('batch `paycodes normalize` over CSV agrees for every case', async () => {
    const cell = (v: string | undefined) => (v === undefined ? '' : `"${v.replace(/"/g, '""')}"`);
    const input = join(dir, 'cases.csv');
    writeFileSync(
      input,
      `id,provider,code,flow,message\r\n${cases.map((c) => [c.id, c.provider, cell(c.code), c.flow ?? '', cell(c.message)].join(',')).join('\r\n')}\r\n`,
    );
    const out = join(dir, 'out.csv');
    const r = await runCli(['normalize', input, '--quiet', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const [header, ...lines] = readFileSync(out, 'utf8').trimEnd().split(/\r?\n/);
    const cols = (header ?? '').split(',');
    // Output columns are appended after the input's; the appended values never hold a comma.
    const at = (name: string) => cols.indexOf(name) - cols.length;
    const got = new Map<string, Answer>();
    for (const line of lines) {
      const cells = line.split(',');
      const v = (name: string) => cells[cells.length + at(name)] ?? '';
      got.set(cells[0] as string, { unified: v('unified'), outcome: v('outcome'), next: v('next'), party: v('party') });
    }
    expect(got.size).toBe(cases.length);
    expect(disagreements(got)).toEqual([]);
  });

  it('the SQL export joined in DuckDB agrees for every message-free case', async () => {
    const sqlFile = join(dir, 'duckdb.sql');
    const r = await runCli(['export', '--format', 'sql', '--dialect', 'duckdb', '--out', sqlFile]);
    expect(r.code, r.stderr).toBe(0);
    const db = await DuckDBInstance.create(':memory:');
    const conn = await db.connect();
    try {
      await conn.run(readFileSync(sqlFile, 'utf8'));
      await conn.run('CREATE TABLE payment_log (id VARCHAR, provider VARCHAR, code VARCHAR, flow VARCHAR)');
      const plain = cases.filter((c) => c.message === undefined);
      const app = await conn.createAppender('payment_log');
      for (const c of plain) {
        app.appendVarchar(c.id);
        app.appendVarchar(c.provider);
        app.appendVarchar(c.code);
        if (c.flow) app.appendVarchar(c.flow);
        else app.appendNull();
        app.endRow();
      }
      app.closeSync();
      const rows = (await conn.runAndReadAll(mappingQuery())).getRowObjectsJS() as Record<string, unknown>[];
      expect(rows).toHaveLength(plain.length);
      expect(disagreements(new Map(rows.map((row) => [String(row.id), pick(row)])), (c) => c.message === undefined)).toEqual([]);
    } finally {
      conn.closeSync();
      db.closeSync();
    }
  });

  it('`explain --json` (the real binary) agrees where answers can go wrong', async () => {
    // Codes with several readings, every message case of them, and the unknown codes: the cases
    // where a cache, a fold or a flow rule could change the answer. Two processes at a time.
    const several = (c: Case) => (normalizer.readings(c.provider, c.code)?.readings.length ?? 0) > 1;
    const sample = cases.filter((c) => several(c) || !normalizer.readings(c.provider, c.code)).slice(0, 40);
    expect(sample.length).toBeGreaterThanOrEqual(30);
    const got = new Map<string, Answer>();
    const run = async (c: Case) => {
      const args = ['explain', c.provider, c.code, '--json'];
      if (c.flow) args.push('--flow', c.flow);
      if (c.message !== undefined) args.push('--message', c.message);
      const r = await runCli(args);
      expect(r.code, r.stderr).toBe(0);
      got.set(c.id, pick(JSON.parse(r.stdout) as Record<string, unknown>));
    };
    for (let i = 0; i < sample.length; i += 2) await Promise.all(sample.slice(i, i + 2).map(run));
    expect(disagreements(got, (c) => sample.includes(c))).toEqual([]);
  }, 120_000);
});
