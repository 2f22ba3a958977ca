// The HTTP baseline: a bare Hono route on @hono/node-server, on the same host and port settings
// as `paycodes serve`, returning a constant JSON body. The POST route reads the body it is sent,
// as any real route must, and still answers with the constant.
// Usage: node bench/bare-server.mjs <port>
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const BODY = { ok: true, outcome: 'failed', next: 'ask_customer' };
const app = new Hono();
app.get('/healthz', (c) => c.json({ ok: true }));
app.get('/v1/normalize', (c) => c.json(BODY));
app.post('/v1/normalize', async (c) => {
  await c.req.text();
  return c.json(BODY);
});

const server = serve({ fetch: app.fetch, port: Number(process.argv[2] ?? 0), hostname: '127.0.0.1' });
process.on('SIGTERM', () => server.close(() => process.exit(0)));
