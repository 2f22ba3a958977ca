import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logField } from '../../src/server/access-log.js';
import { createApp } from '../../src/server/app.js';
import { startServer } from '../../src/server/server.js';
import { ROOT } from '../helpers/paths.js';
import { runCli } from '../helpers/run.js';
import { raw } from '../reliability/http.js';
import { type TestServer, testServer } from './helpers.js';

let s: TestServer;
beforeAll(async () => {
  s = await testServer();
});
afterAll(async () => {
  await s.close();
});

/** The last access-log line once it has arrived. */
async function lastLog(server: TestServer): Promise<string> {
  for (let i = 0; i < 50 && server.logs.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
  return server.logs.at(-1) ?? '';
}

describe('the access log (F7)', () => {
  it('escapes control characters, so a path cannot forge a line or reach a terminal', async () => {
    s.logs.length = 0;
    await (await s.get('/x%0aGET%20/v1/normalize%20200%200.1ms')).arrayBuffer();
    await (await s.get('/y%1b%5b31mred%1b%5b0m')).arrayBuffer();
    await (await s.get('/z%c2%85%e2%80%a8%5c')).arrayBuffer();
    expect(s.logs).toHaveLength(3);
    expect(s.logs[0]).toBe(s.logs[0]?.split('\n')[0]);
    expect(s.logs[0]).toMatch(/^GET \/x\\x0aGET \/v1\/normalize 200 0\.1ms 404 \d+\.\dms$/);
    expect(s.logs[1]).toMatch(/^GET \/y\\x1b\[31mred\\x1b\[0m 404 /);
    expect(s.logs[1]).not.toContain('\u001b');
    // C1 NEL, the Unicode line separator and a literal backslash (so `\x0a` in a path stays unambiguous).
    expect(s.logs[2]).toMatch(/^GET \/z\\x85\\u2028\\\\ 404 /);
  });

  it('leaves ordinary fields as they are', () => {
    expect(logField('/v1/normalize')).toBe('/v1/normalize');
    expect(logField('/code/餘額不足')).toBe('/code/餘額不足');
    expect(logField('a\tb\u007f')).toBe('a\\x09b\\x7f');
  });
});

describe('request targets the Fetch API cannot hold (F11)', () => {
  for (const target of ['*', '/v1\\normalize?provider=qfpay&code=1201', 'v1/normalize']) {
    it(`answers GET ${target} with problem+json, security headers and a log line`, async () => {
      s.logs.length = 0;
      const reply = await raw(s.port, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
      const [head = '', body = ''] = reply.split('\r\n\r\n');
      expect(head).toMatch(/^HTTP\/1\.1 400 /);
      expect(head.toLowerCase()).toContain('content-type: application/problem+json');
      expect(head.toLowerCase()).toContain("content-security-policy: default-src 'self'");
      expect(head.toLowerCase()).toContain('x-content-type-options: nosniff');
      expect(head.toLowerCase()).toContain('x-frame-options: deny');
      expect(JSON.parse(body)).toMatchObject({ status: 400, title: 'Bad Request' });
      const line = await lastLog(s);
      expect(line).toMatch(/^GET \S+ 400 \d+\.\dms$/);
      expect(line).not.toContain('provider=');
    });
  }
});

describe('an empty API key (F10)', () => {
  it('refuses to start with a clear message, from code and from the CLI', async () => {
    await expect(startServer({ port: 0, apiKey: '', log: false })).rejects.toThrow(/PAYCODES_API_KEY is set but empty/);
    expect(() => createApp({ apiKey: '  ' })).toThrow(/set but empty/);
    expect(() => createApp({ apiKey: 'has space' })).toThrow(/must be a bearer token/);
    const r = await runCli(['serve', '--port', '0'], { env: { PAYCODES_API_KEY: '' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^paycodes: PAYCODES_API_KEY is set but empty/m);
  });

  it('serves without auth when the variable is unset, and with auth when it holds a key', async () => {
    expect((await createApp({ log: false }).request('/v1/providers')).status).toBe(200);
    const keyed = createApp({ apiKey: 'k-1', log: false });
    expect((await keyed.request('/v1/providers')).status).toBe(401);
    expect((await keyed.request('/v1/providers', { headers: { authorization: 'Bearer k-1' } })).status).toBe(200);
  });
});

describe('missing fields read the same on GET and POST', () => {
  for (const field of ['code', 'provider']) {
    it(`says "${field} is required"`, async () => {
      const other: Record<string, string> = field === 'code' ? { provider: 'qfpay' } : { code: '1201' };
      const get = await s.get(`/v1/normalize?${new URLSearchParams(other)}`);
      const post = await s.post('/v1/normalize', other);
      const [g, p] = [await get.json(), await post.json()];
      expect(get.status).toBe(400);
      expect(post.status).toBe(400);
      expect(g.detail).toBe(`${field} is required`);
      expect(p.detail).toBe(`${field} is required`);
      expect(g.errors).toEqual([{ in: 'query', path: `/${field}`, message: `${field} is required` }]);
      expect(p.errors).toEqual([{ in: 'body', path: `/${field}`, message: `${field} is required` }]);
    });
  }
});

describe('createApp', () => {
  it('answers through app.fetch alone, with no server and no web files', async () => {
    const app = createApp({ log: false });
    const res = await app.fetch(new Request('http://paycodes.test/v1/normalize?provider=qfpay&code=1201'));
    expect(res.status).toBe(200);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await res.json()).unified).toBe('insufficient_funds');
  });

  it('is the paycodes/server entry point of the built package', async () => {
    const { execFileSync } = await import('node:child_process');
    const script =
      "const m = await import('paycodes/server'); const app = m.createApp({ log: false });" +
      "const r = await app.request('/healthz'); console.log(typeof m.startServer, r.status);";
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(out.trim()).toBe('function 200');
  });

  it('uses no node: module in the app, its middleware or its routes', () => {
    const dir = join(ROOT, 'src', 'server');
    const nodeOnly = new Set(['server.ts', 'web-root.ts']);
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !nodeOnly.has(f));
    expect(files.length).toBeGreaterThan(8);
    for (const f of files) {
      const text = readFileSync(join(dir, f), 'utf8');
      expect(text, f).not.toMatch(/from ['"]node:|from ['"]@hono\/node-server|process\./);
    }
  });
});
