-- The two-layer warehouse query of docs/analytics.md ("Two-layer logs, in SQL"), verbatim: every payment
-- in payment_log(id, provider, code, state, flow) gets the decision normalize() gives it, from the
-- tables that `paycodes export --format sql` writes (paycodes_mapping and paycodes_state).
SELECT
  l.id,
  l.provider,
  l.code,
  l.state,
  COALESCE(l.flow, 'any') AS flow,
  COALESCE(sf.known, sa.known, uf.known, ua.known, xf.known, xa.known, d.provider IS NOT NULL) AS known,
  COALESCE(sf.unified, sa.unified, uf.unified, ua.unified, xf.unified, xa.unified, e.unified, a.unified, d.unified, 'unmapped') AS unified,
  COALESCE(sf.category, sa.category, uf.category, ua.category, xf.category, xa.category, e.category, a.category, d.category, 'unknown_outcome') AS category,
  COALESCE(sf.outcome, sa.outcome, uf.outcome, ua.outcome, xf.outcome, xa.outcome, e.outcome, a.outcome, d.outcome, 'unknown') AS outcome,
  COALESCE(sf.next, sa.next, uf.next, ua.next, xf.next, xa.next, e.next, a.next, d.next, 'query') AS next,
  COALESCE(sf.party, sa.party, uf.party, ua.party, xf.party, xa.party, e.party, a.party, d.party, 'provider') AS party,
  COALESCE(sf.disclosure, sa.disclosure, uf.disclosure, ua.disclosure, xf.disclosure, xa.disclosure, e.disclosure, a.disclosure, d.disclosure, 'generic') AS disclosure
FROM payment_log AS l
-- 1. an accepted request code with this state: the log's flow, else flow `any`
LEFT JOIN paycodes_state AS sf
  ON sf.provider = l.provider AND sf.code = COALESCE(l.code, '')
 AND sf.state = TRIM(l.state) AND sf.flow = COALESCE(l.flow, 'any')
LEFT JOIN paycodes_state AS sa
  ON sa.provider = l.provider AND sa.code = COALESCE(l.code, '')
 AND sa.state = TRIM(l.state) AND sa.flow = 'any'
-- 2. the same with the state in upper case (providers are not consistent about case)
LEFT JOIN paycodes_state AS uf
  ON uf.provider = l.provider AND uf.code = COALESCE(l.code, '')
 AND uf.state = UPPER(TRIM(l.state)) AND uf.flow = COALESCE(l.flow, 'any')
LEFT JOIN paycodes_state AS ua
  ON ua.provider = l.provider AND ua.code = COALESCE(l.code, '')
 AND ua.state = UPPER(TRIM(l.state)) AND ua.flow = 'any'
-- 3. an accepted request code with a state the tables do not list (state = '')
LEFT JOIN paycodes_state AS xf
  ON xf.provider = l.provider AND xf.code = COALESCE(l.code, '')
 AND xf.state = '' AND xf.flow = COALESCE(l.flow, 'any') AND TRIM(l.state) <> ''
LEFT JOIN paycodes_state AS xa
  ON xa.provider = l.provider AND xa.code = COALESCE(l.code, '')
 AND xa.state = '' AND xa.flow = 'any' AND TRIM(l.state) <> ''
-- 4. no state, or a request code that is not "accepted": the code alone, as in the mapping query
LEFT JOIN paycodes_mapping AS e
  ON e.provider = l.provider AND e.code = l.code
 AND e.flow = l.flow AND e.flow <> 'any' AND e.is_default
LEFT JOIN paycodes_mapping AS a
  ON a.provider = l.provider AND a.code = l.code
 AND a.flow = 'any' AND COALESCE(l.flow, 'any') <> 'any' AND a.is_default
LEFT JOIN paycodes_mapping AS d
  ON d.provider = l.provider AND d.code = l.code AND d.is_default_for_flow_any;
