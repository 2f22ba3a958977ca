import { Hono } from 'hono';
import { PaycodesInputError } from '../../core/errors.js';
import { search } from '../../search/search.js';
import type { AppEnv } from '../env.js';
import { language } from '../language.js';
import { fieldErrors, HttpProblem } from '../problem.js';
import { json, langOf, parse } from '../respond.js';
import { SearchQuery } from '../schemas.js';

/** The same ranked search as `paycodes search` and the web page. */
export function searchRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.get('/v1/search', language(), (c) => {
    const q = parse(SearchQuery, c.req.query(), 'query', 'query parameters');
    const lang = langOf(c, q.lang);
    let results: ReturnType<typeof search>;
    try {
      results = search(q.q, { lang, limit: q.limit, ...(q.provider ? { provider: q.provider } : {}), ...(q.flow ? { flow: q.flow } : {}) });
    } catch (e) {
      if (e instanceof PaycodesInputError)
        throw new HttpProblem(400, e.message, fieldErrors('query', [{ path: [e.field], message: e.message }]));
      throw e;
    }
    return json({ query: q.q, count: results.length, results }, lang);
  });
  return r;
}
