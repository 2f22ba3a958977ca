import { Hono } from 'hono';
import { entriesForUnified, getProvider, getUnified, listCodes, listProviders, listUnified } from '../../catalog/api.js';
import type { AppEnv } from '../env.js';
import { HttpProblem } from '../problem.js';
import { json, parse } from '../respond.js';
import { CodesQuery } from '../schemas.js';

/** The catalog read-only: providers, their codes, and the unified codes. */
export function catalogRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();

  r.get('/v1/providers', () => json({ providers: listProviders() }));

  r.get('/v1/providers/:id/codes', (c) => {
    const id = c.req.param('id');
    const p = getProvider(id);
    if (!p)
      throw new HttpProblem(404, `no provider ${JSON.stringify(id.slice(0, 64))}`, [
        { in: 'path', path: '/id', message: 'unknown provider' },
      ]);
    const q = parse(CodesQuery, c.req.query(), 'query', 'query parameters');
    // One listing per code, with what normalize() answers for the flow (none: `any`) and how many
    // readings the code has; a flow keeps the `any` entries, which apply to every flow.
    const codes = listCodes(p.id, { ...(q.flow ? { flow: q.flow } : {}), ...(q.unified ? { unified: q.unified } : {}) });
    return json({ provider: p.id, flow: q.flow ?? 'any', count: codes.length, codes });
  });

  r.get('/v1/unified', () => json({ unified: listUnified() }));

  r.get('/v1/unified/:code', (c) => {
    const code = c.req.param('code');
    const u = getUnified(code);
    if (!u)
      throw new HttpProblem(404, `no unified code ${JSON.stringify(code.slice(0, 64))}`, [
        { in: 'path', path: '/code', message: 'unknown unified code' },
      ]);
    const entries = entriesForUnified(u.code);
    return json({ unified: u, count: entries.length, entries });
  });

  return r;
}
