// A warehouse query: load a payment log and paycodes' SQL export into DuckDB, decide every payment
// with the join from docs/analytics.md (decide.sql), and list the payments that need a status query.
// Run it with `node examples/warehouse-query/run.mjs [log.ndjson] [--out decided.ndjson]`; in your
// own project, `npm install paycodes @duckdb/node-api` first.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const out = outAt >= 0 ? resolve(args[outAt + 1] ?? '') : undefined;
const logFile = resolve(args.find((a, i) => !a.startsWith('--') && i !== outAt + 1) ?? join(here, 'payments.ndjson'));
const literal = (s) => `'${s.replaceAll("'", "''")}'`;

// The CLI of the installed paycodes, so the mapping always matches the library version in use.
const cli = join(dirname(createRequire(import.meta.url).resolve('paycodes/package.json')), 'bin/paycodes.js');
const scratch = mkdtempSync(join(tmpdir(), 'paycodes-warehouse-'));
const db = await DuckDBInstance.create(':memory:');
const sql = await db.connect();
try {
  const mapping = join(scratch, 'mapping.sql');
  execFileSync(process.execPath, [cli, 'export', '--format', 'sql', '--dialect', 'duckdb', '--out', mapping], { stdio: 'pipe' });
  await sql.run(readFileSync(mapping, 'utf8'));

  // Column types are given, not inferred: a code like `0000` or `00` must stay text.
  await sql.run(`CREATE TABLE payment_log AS SELECT * FROM read_json(${literal(logFile)}, format = 'newline_delimited', columns = {
    id: 'VARCHAR', order_id: 'VARCHAR', ts: 'VARCHAR', provider: 'VARCHAR', flow: 'VARCHAR', code: 'VARCHAR',
    state: 'VARCHAR', message: 'VARCHAR', amount: 'DECIMAL(18, 2)', currency: 'VARCHAR'})`);
  const decide = readFileSync(join(here, 'decide.sql'), 'utf8').trim().replace(/;$/, '');
  await sql.run(`CREATE VIEW decided AS ${decide}`);

  const rows = async (query) => (await sql.runAndReadAll(query)).getRowObjectsJson();
  const table = (title, list, columns, right = []) => {
    const width = columns.map((c) => Math.max(c.length, ...list.map((r) => String(r[c] ?? '').length)));
    const cell = (c, v, i) => (right.includes(c) ? String(v ?? '').padStart(width[i]) : String(v ?? '').padEnd(width[i]));
    console.log(title);
    console.log(`  ${columns.map((c, i) => cell(c, c, i)).join('  ')}`.trimEnd());
    for (const r of list) console.log(`  ${columns.map((c, i) => cell(c, r[c], i)).join('  ')}`.trimEnd());
    console.log('');
  };

  table(
    'payments by provider, outcome and next step',
    await rows(`SELECT provider, outcome, next, COUNT(*) AS payments FROM decided
      GROUP BY provider, outcome, next ORDER BY provider, payments DESC, outcome, next`),
    ['provider', 'outcome', 'next', 'payments'],
    ['payments'],
  );
  // Money in doubt: never charge again; ask the provider about the same order number.
  table(
    'to query before anything else (oldest first)',
    await rows(`SELECT l.order_id, l.ts, d.provider, d.code, COALESCE(d.state, '') AS state, d.unified,
        CASE WHEN d.known THEN 'yes' ELSE 'no' END AS known, l.amount, l.currency
      FROM decided AS d JOIN payment_log AS l USING (id) WHERE d.next = 'query' ORDER BY l.ts, l.id`),
    ['order_id', 'ts', 'provider', 'code', 'state', 'unified', 'known', 'amount', 'currency'],
    ['amount'],
  );
  const [t] = await rows(`SELECT COUNT(*) AS payments, COUNT(*) FILTER (WHERE next = 'query') AS to_query,
      COUNT(*) FILTER (WHERE NOT known) AS unmapped FROM decided`);
  console.log(`${t.payments} payments · ${t.to_query} to query · ${t.unmapped} with codes the mapping lacks`);

  if (out) await sql.run(`COPY (SELECT * FROM decided ORDER BY id) TO ${literal(out)} (FORMAT json)`);
} finally {
  sql.closeSync();
  db.closeSync();
  rmSync(scratch, { recursive: true, force: true });
}
