import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { API_HEADERS, apiSecurity } from '../../src/server/security.js';

/** The headers a middleware sets on an empty answer, by lower-case name. */
async function headersSetBy(mw: ReturnType<typeof apiSecurity>): Promise<Record<string, string>> {
  const res = await new Hono()
    .use(mw)
    .get('/', (c) => c.body(null, 204))
    .request('/');
  const out: Record<string, string> = {};
  res.headers.forEach((value, name) => {
    out[name] = value;
  });
  return out;
}

describe('API security headers', () => {
  it('are the very set Hono’s secure-headers middleware sets with the API options', async () => {
    expect(await headersSetBy(apiSecurity())).toEqual(API_HEADERS);
  });

  it('reach a /v1 answer that a route built without them, and keep the route’s own headers', async () => {
    const app = createApp({ log: false });
    // A route added later that knows nothing of API_HEADERS: the middleware fills them in.
    app.get('/v1/plain', (c) => c.text('plain', 200, { 'cache-control': 'no-store' }));
    const res = await app.request('/v1/plain');
    expect(res.status).toBe(200);
    for (const [name, value] of Object.entries(API_HEADERS)) expect(res.headers.get(name), name).toBe(value);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.text()).toBe('plain');
  });

  it('are on every kind of /v1 answer, with the status and content type each answer sets', async () => {
    const app = createApp({ log: false, apiKey: 'k3y-for-tests' });
    const auth = { authorization: 'Bearer k3y-for-tests' };
    const cases: [string, RequestInit, number, string][] = [
      ['/v1/normalize?provider=qfpay&code=1201', { headers: auth }, 200, 'application/json; charset=utf-8'],
      ['/v1/normalize?provider=qfpay', { headers: auth }, 400, 'application/problem+json; charset=utf-8'],
      ['/v1/providers', { headers: auth }, 200, 'application/json'],
      ['/v1/providers', {}, 401, 'application/problem+json; charset=utf-8'],
      ['/v1/nothing-here', { headers: auth }, 404, 'application/problem+json; charset=utf-8'],
      ['/v1/normalize', { method: 'DELETE', headers: auth }, 405, 'application/problem+json; charset=utf-8'],
    ];
    for (const [path, init, status, type] of cases) {
      const res = await app.request(path, init);
      expect(res.status, path).toBe(status);
      expect(res.headers.get('content-type'), path).toBe(type);
      for (const [name, value] of Object.entries(API_HEADERS)) expect(res.headers.get(name), `${path} ${name}`).toBe(value);
      // The document-only headers stay off JSON answers.
      expect(res.headers.get('cross-origin-opener-policy'), path).toBeNull();
      await res.arrayBuffer();
    }
  });
});
