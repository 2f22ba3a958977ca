/**
 * The warehouse query in docs/analytics.md: a log table joined to the exported mapping, with the flow fallback
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

/**
 * The two-layer query: the mapping query's log with a `state` column, where an "accepted" request
 * code (eftPay `00`, OTT Pay `SUCCESS`, an HTTP 2xx) and the transaction state decide together. The
 * state rows come first (exact spelling, then upper case, then "any other state"), each with its
 * flow fallback; a row without a state, or with a code that is not "accepted", reads as the mapping
 * query does.
 */
export function stateQuery(log = 'payment_log', mapping = 'paycodes_mapping', state = 'paycodes_state'): string {
  const pick = (col: string, fallback: string) =>
    `COALESCE(sf.${col}, sa.${col}, uf.${col}, ua.${col}, xf.${col}, xa.${col}, e.${col}, a.${col}, d.${col}, ${fallback}) AS ${col}`;
  const join = (alias: string, value: string, flow: string) => `LEFT JOIN ${state} AS ${alias}
  ON ${alias}.provider = l.provider AND ${alias}.code = COALESCE(l.code, '')
 AND ${alias}.state = ${value} AND ${alias}.flow = ${flow}`;
  const own = "COALESCE(l.flow, 'any')";
  return `SELECT
  l.id,
  l.provider,
  l.code,
  l.state,
  ${own} AS flow,
  COALESCE(sf.known, sa.known, uf.known, ua.known, xf.known, xa.known, d.provider IS NOT NULL) AS known,
  ${pick('unified', "'unmapped'")},
  ${pick('category', "'unknown_outcome'")},
  ${pick('outcome', "'unknown'")},
  ${pick('next', "'query'")},
  ${pick('party', "'provider'")},
  ${pick('disclosure', "'generic'")}
FROM ${log} AS l
-- 1. an accepted request code with this state: the log's flow, else flow \`any\`
${join('sf', 'TRIM(l.state)', own)}
${join('sa', 'TRIM(l.state)', "'any'")}
-- 2. the same with the state in upper case (providers are not consistent about case)
${join('uf', 'UPPER(TRIM(l.state))', own)}
${join('ua', 'UPPER(TRIM(l.state))', "'any'")}
-- 3. an accepted request code with a state the tables do not list (state = '')
${join('xf', "''", own)} AND TRIM(l.state) <> ''
${join('xa', "''", "'any'")} AND TRIM(l.state) <> ''
-- 4. no state, or a request code that is not "accepted": the code alone, as in the mapping query
LEFT JOIN ${mapping} AS e
  ON e.provider = l.provider AND e.code = l.code
 AND e.flow = l.flow AND e.flow <> 'any' AND e.is_default
LEFT JOIN ${mapping} AS a
  ON a.provider = l.provider AND a.code = l.code
 AND a.flow = 'any' AND COALESCE(l.flow, 'any') <> 'any' AND a.is_default
LEFT JOIN ${mapping} AS d
  ON d.provider = l.provider AND d.code = l.code AND d.is_default_for_flow_any`;
}

/**
 * The network code groups that apply to a card decline in a log with `network`, `network_code` and
 * `advice_code` columns: one row per (log row, group), as `normalize({ network, networkCode,
 * adviceCode })` lists them in `decision.network.groups`. The `*` row applies only where no group
 * with a retry rule names the issuer code.
 */
export function networkQuery(log = 'payment_log', groups = 'paycodes_network_codes'): string {
  return `SELECT
  l.id,
  l.network,
  l.network_code,
  l.advice_code,
  g.group_id,
  g.kind,
  g.decline,
  g.retry,
  g.wait_seconds,
  g.recurring,
  g.step_up
FROM ${log} AS l
JOIN ${groups} AS g
  ON g.network = LOWER(l.network)
 AND (
      (g.kind = 'issuer' AND g.code = l.network_code)
   OR (g.kind = 'advice' AND g.code = l.advice_code)
   OR (g.kind = 'issuer' AND g.code = '*' AND l.network_code IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM ${groups} AS n
        WHERE n.network = g.network AND n.kind = 'issuer' AND n.code = l.network_code AND n.retry IS NOT NULL))
 )`;
}
