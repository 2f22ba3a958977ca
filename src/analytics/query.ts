/**
 * The README's warehouse query: a log table joined to the exported mapping, with the flow fallback
 * done in SQL. Written once here so the docs and the tests that run it on DuckDB and SQLite agree.
 * It is plain SQL that DuckDB, SQLite, PostgreSQL and BigQuery all accept (BigQuery wants the
 * tables dataset-qualified).
 */
export function mappingQuery(log = 'payment_log', mapping = 'paycodes_mapping'): string {
  return `SELECT
  l.id,
  l.provider,
  l.code,
  COALESCE(l.flow, 'any') AS flow,
  d.provider IS NOT NULL AS known,
  COALESCE(e.unified, a.unified, d.unified, 'unmapped') AS unified,
  COALESCE(e.category, a.category, d.category, 'unknown_outcome') AS category,
  COALESCE(e.outcome, a.outcome, d.outcome, 'unknown') AS outcome,
  COALESCE(e.next, a.next, d.next, 'query') AS next,
  COALESCE(e.party, a.party, d.party, 'provider') AS party,
  COALESCE(e.disclosure, a.disclosure, d.disclosure, 'generic') AS disclosure
FROM ${log} AS l
-- 1. the reading for the log's own flow
LEFT JOIN ${mapping} AS e
  ON e.provider = l.provider AND e.code = l.code
 AND e.flow = l.flow AND e.flow <> 'any' AND e.is_default
-- 2. else the code's \`any\` reading
LEFT JOIN ${mapping} AS a
  ON a.provider = l.provider AND a.code = l.code
 AND a.flow = 'any' AND COALESCE(l.flow, 'any') <> 'any' AND a.is_default
-- 3. else (no flow given, or the code has neither) the reading normalize() gives for flow \`any\`
LEFT JOIN ${mapping} AS d
  ON d.provider = l.provider AND d.code = l.code AND d.is_default_for_flow_any`;
}
