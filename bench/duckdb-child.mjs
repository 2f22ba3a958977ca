// The batch baseline, run as its own process so its RSS is its own: DuckDB reads the NDJSON log,
// LEFT JOINs the mapping with the flow fallback (exact flow, then `any`) and writes NDJSON.
// Usage: node bench/duckdb-child.mjs <in.ndjson> <out.ndjson> <mapping.ndjson> [export.sql]
import { existsSync, readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

const [input, output, mappingFile, exportSql] = process.argv.slice(2);
const q = (s) => `'${s.replaceAll("'", "''")}'`;

const instance = await DuckDBInstance.create(':memory:');
const conn = await instance.connect();

let table = 'mapping';
let source = 'bench mapping table (built from normalize() per flow)';
if (exportSql && existsSync(exportSql)) {
  try {
    await conn.run(readFileSync(exportSql, 'utf8'));
    // The export names its own table; take the one that has the columns the join needs.
    const reader = await conn.runAndReadAll(
      "SELECT table_name FROM information_schema.columns WHERE column_name IN ('provider','code','flow','unified','outcome','next','party','disclosure','category','is_default','is_default_for_flow_any') GROUP BY table_name HAVING count(*) = 11",
    );
    const found = reader.getRows()[0]?.[0];
    if (found) {
      table = String(found);
      source = `paycodes export --format sql --dialect duckdb (table ${table})`;
    }
  } catch (e) {
    process.stderr.write(`export SQL did not load (${e.message}); using the bench mapping table\n`);
  }
}
if (table === 'mapping' && source.startsWith('bench')) {
  await conn.run(
    `CREATE TABLE mapping AS SELECT * FROM read_json(${q(mappingFile)}, format = 'newline_delimited', columns = {provider: 'VARCHAR', code: 'VARCHAR', flow: 'VARCHAR', unified: 'VARCHAR', category: 'VARCHAR', outcome: 'VARCHAR', next: 'VARCHAR', party: 'VARCHAR', disclosure: 'VARCHAR', customer: 'VARCHAR', merchant: 'VARCHAR'})`,
  );
}

// With the real export, the query the analytics docs give (exact flow, then `any`, then the
// reading for flow `any`); with the bench table, which already has an `any` row per code, two joins.
const exported = !source.startsWith('bench');
const code = 'CAST(l.code AS VARCHAR)';
const joins = exported
  ? `LEFT JOIN ${table} AS e ON e.provider = l.provider AND e.code = ${code} AND e.flow = l.flow AND e.flow <> 'any' AND e.is_default
  LEFT JOIN ${table} AS a ON a.provider = l.provider AND a.code = ${code} AND a.flow = 'any' AND coalesce(l.flow, 'any') <> 'any' AND a.is_default
  LEFT JOIN ${table} AS d ON d.provider = l.provider AND d.code = ${code} AND d.is_default_for_flow_any`
  : `LEFT JOIN ${table} AS e ON e.provider = l.provider AND e.code = ${code} AND e.flow = coalesce(l.flow, 'any')
  LEFT JOIN ${table} AS a ON a.provider = l.provider AND a.code = ${code} AND a.flow = 'any'`;
const pick = (col, dflt) => `coalesce(e.${col}, a.${col}${exported ? `, d.${col}` : ''}, '${dflt}') AS ${col}`;
const t0 = performance.now();
await conn.run(`
COPY (
  SELECT l.*,
    coalesce(e.unified, a.unified${exported ? ', d.unified' : ''}) IS NOT NULL AS known,
    ${pick('unified', 'unmapped')},
    ${pick('category', 'unknown_outcome')},
    ${pick('outcome', 'unknown')},
    ${pick('"next"', 'query')},
    ${pick('party', 'provider')},
    ${pick('disclosure', 'generic')},
    CASE WHEN coalesce(e.unified, a.unified${exported ? ', d.unified' : ''}) IS NULL THEN 0 ELSE 1 END AS confidence
  FROM read_json(${q(input)}, format = 'newline_delimited', ignore_errors = true) AS l
  ${joins}
) TO ${q(output)} (FORMAT JSON)`);
const queryMs = performance.now() - t0;
process.stdout.write(`${JSON.stringify({ queryMs, source })}\n`);
