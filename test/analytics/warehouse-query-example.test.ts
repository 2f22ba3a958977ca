import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stateQuery } from '../../src/analytics/query.js';
import type { Flow } from '../../src/core/types.js';
import { normalize } from '../../src/normalize.js';
import { ROOT } from '../helpers/paths.js';

/**
 * examples/warehouse-query runs as a reader would run it (a child process, DuckDB, the built CLI's
 * SQL export), and what it prints and writes is checked against normalize() over the same log.
 */

const run = promisify(execFile);
const DIR = join(ROOT, 'examples/warehouse-query');
const FIELDS = ['known', 'unified', 'category', 'outcome', 'next', 'party', 'disclosure'] as const;

interface LogRow {
  id: string;
  order_id: string;
  ts: string;
  provider: string;
  flow?: Flow;
  code: string;
  state?: string;
  message?: string;
}

let dir: string;
let stdout: string;
let log: LogRow[];
let decided: Array<Record<string, unknown>>;

const lines = (file: string) => readFileSync(file, 'utf8').trimEnd().split('\n');

/** The question the SQL answers: provider, code, flow and state, without the message. */
function expected(r: LogRow) {
  const d = normalize({ provider: r.provider, code: r.code, flow: r.flow, ...(r.state ? { state: r.state } : {}) });
  return Object.fromEntries(FIELDS.map((f) => [f, d[f]]));
}

/** The rows of one printed table, by its title; cells are separated by two or more spaces. */
function printed(title: string): string[][] {
  const all = stdout.split('\n');
  const at = all.indexOf(title);
  expect(at, `table "${title}" in the output`).toBeGreaterThanOrEqual(0);
  const end = all.indexOf('', at);
  return all.slice(at + 2, end).map((l) => l.trim().split(/\s{2,}/));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'paycodes-warehouse-example-'));
  const r = await run(process.execPath, [join(DIR, 'run.mjs'), '--out', join(dir, 'decided.ndjson')], { cwd: ROOT });
  stdout = r.stdout;
  log = lines(join(DIR, 'payments.ndjson')).map((l) => JSON.parse(l) as LogRow);
  decided = lines(join(dir, 'decided.ndjson')).map((l) => JSON.parse(l) as Record<string, unknown>);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('examples/warehouse-query', () => {
  it('runs the query docs/analytics.md shows', () => {
    expect(readFileSync(join(DIR, 'decide.sql'), 'utf8')).toContain(stateQuery());
    expect(readFileSync(join(ROOT, 'docs/analytics.md'), 'utf8')).toContain('examples/warehouse-query');
  });

  it('has a log with the cases worth showing', () => {
    const answers = log.map(expected);
    expect(new Set(log.map((r) => r.provider)).size).toBeGreaterThanOrEqual(4);
    expect(answers.some((a) => a.known === false)).toBe(true);
    expect(answers.some((a) => a.known === true && a.next === 'query')).toBe(true);
    expect(log.some((r) => r.state)).toBe(true);
    expect(log.every((r) => typeof r.message === 'string')).toBe(true);
  });

  it('gives every payment the decision normalize() gives it', () => {
    expect(decided).toHaveLength(log.length);
    const byId = new Map(decided.map((r) => [r.id, r]));
    expect(byId.size).toBe(log.length);
    for (const r of log) {
      const got = byId.get(r.id) as Record<string, unknown>;
      expect({ id: r.id, ...Object.fromEntries(FIELDS.map((f) => [f, got[f]])) }).toEqual({ id: r.id, ...expected(r) });
    }
  });

  it('prints counts per provider, outcome and next step that match normalize()', () => {
    const want = new Map<string, number>();
    for (const r of log) {
      const a = expected(r);
      const key = `${r.provider} ${a.outcome} ${a.next}`;
      want.set(key, (want.get(key) ?? 0) + 1);
    }
    const got = new Map(printed('payments by provider, outcome and next step').map((c) => [c.slice(0, 3).join(' '), Number(c[3])]));
    expect(got).toEqual(want);
  });

  it('lists exactly the payments to query, oldest first, and prints the totals', () => {
    const answers = log.map((r) => ({ r, a: expected(r) }));
    const toQuery = answers
      .filter(({ a }) => a.next === 'query')
      .sort((x, y) => (x.r.ts < y.r.ts ? -1 : x.r.ts > y.r.ts ? 1 : 0))
      .map(({ r, a }) => [r.order_id, r.ts, r.provider, r.code, a.unified, a.known ? 'yes' : 'no']);
    const rows = printed('to query before anything else (oldest first)');
    // The state column is blank for most rows, so read the row from both ends.
    expect(rows.map((c) => [...c.slice(0, 4), c.at(-4), c.at(-3)])).toEqual(toQuery);
    const unmapped = answers.filter(({ a }) => !a.known).length;
    expect(stdout.trimEnd().split('\n').at(-1)).toBe(
      `${log.length} payments · ${toQuery.length} to query · ${unmapped} with codes the mapping lacks`,
    );
  });
});
