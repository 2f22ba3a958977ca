// The HTTP baseline: a bare Hono route on @hono/node-server, on the same host and port settings
// as `paycodes serve`, returning a constant JSON body: the same bytes the API answers with (read
// from <bodies.json>), so only the per-request work differs. The POST route reads the body it is
// sent, as any real route must, and still answers with its constant.
// Usage: node bench/bare-server.mjs <port> [bodies.json]

import { readFileSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const fallback = JSON.stringify({ ok: true, outcome: 'failed', next: 'ask_customer' });
const bodies = process.argv[3] ? JSON.parse(readFileSync(process.argv[3], 'utf8')) : { get: fallback, post: fallback };
const app = new Hono();
app.get('/healthz', (c) => c.json({ ok: true }));
app.get('/v1/normalize', (c) => c.body(bodies.get, 200, { 'content-type': 'application/json' }));
app.post('/v1/normalize', async (c) => {
  await c.req.text();
  return c.body(bodies.post, 200, { 'content-type': 'application/json' });
});

const server = serve({ fetch: app.fetch, port: Number(process.argv[2] ?? 0), hostname: '127.0.0.1' });
process.on('SIGTERM', () => server.close(() => process.exit(0)));
