import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_BODY_LIMIT } from '../../src/server/app.js';
import { type RunningServer, startServer } from '../../src/server/server.js';
import { type Reply, raw, send } from './http.js';
import { type PrototypeSnapshot, prototypeChanges, snapshotPrototypes } from './prototype.js';

let srv: RunningServer;
let port: number;
const log: string[] = [];
const statuses: number[] = [];
let before: PrototypeSnapshot;

beforeAll(async () => {
  before = snapshotPrototypes();
  srv = await startServer({ port: 0, log: (line) => log.push(line) });
  port = srv.port;
});

afterAll(async () => {
  await srv?.close();
  // The server runs in this process: whatever the bodies held, the built-in prototypes are untouched.
  expect(prototypeChanges(before, snapshotPrototypes())).toEqual([]);
  expect(statuses.filter((s) => s >= 500)).toEqual([]);
});

afterEach(async () => {
  const h = await send(port, { path: '/healthz' });
  expect(h.status).toBe(200);
  expect((h.json as { status: string }).status).toBe('ok');
});

async function call(opts: Parameters<typeof send>[1]): Promise<Reply> {
  const r = await send(port, opts);
  statuses.push(r.status);
  return r;
}

/** A problem+json answer with the given status, its fields as RFC 9457 asks. */
function expectProblem(r: Reply, status: number): void {
  expect(r.status, r.body.slice(0, 300)).toBe(status);
  expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
  const p = r.json as { status: number; title: string; detail: string; type: string };
  expect(p.status).toBe(status);
  expect(typeof p.title).toBe('string');
  expect(typeof p.detail).toBe('string');
  expect(p.detail.length).toBeLessThan(1000);
}

const postJson = (body: string | Buffer, headers: Record<string, string> = {}) =>
  call({ method: 'POST', path: '/v1/normalize', headers: { 'content-type': 'application/json', ...headers }, body });

describe('HTTP: malformed bodies get a 4xx problem+json, never a 500', () => {
  it('refuses malformed JSON with 400', async () => {
    for (const body of [
      '{',
      '{"provider":',
      'nul',
      '[1,2',
      "{'provider':'qfpay'}",
      '\u0000',
      'NaN',
      '{"provider":"qfpay","code":"1201",}',
      '"just a string"',
      '42',
      'null',
      '[]',
      '{}',
    ]) {
      expectProblem(await postJson(body), 400);
    }
  });

  it('refuses an empty body and wrong field types with 400 naming the field', async () => {
    expectProblem(await postJson(''), 400);
    const r = await postJson(JSON.stringify({ provider: 'qfpay', code: { nested: true } }));
    expectProblem(r, 400);
    expect(JSON.stringify((r.json as { errors: unknown }).errors)).toContain('/code');
    const n = await postJson('{"provider":"qfpay","code":1e400}');
    expectProblem(n, 400);
  });

  it('refuses wrong media types with 415', async () => {
    const body = JSON.stringify({ provider: 'qfpay', code: '1201' });
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/jsonx',
      'application/json; charset=latin1',
      'text/json',
    ]) {
      expectProblem(await call({ method: 'POST', path: '/v1/normalize', headers: { 'content-type': type }, body }), 415);
    }
    expectProblem(await call({ method: 'POST', path: '/v1/normalize', body }), 415);
  });

  it('refuses bodies over the limit with 413, declared or streamed', async () => {
    expect(DEFAULT_BODY_LIMIT).toBe(1024 * 1024);
    const big = Buffer.alloc(DEFAULT_BODY_LIMIT + 1, 0x20);
    expectProblem(await postJson(big), 413);
    // No Content-Length: the server has to count the bytes as they arrive.
    const chunks = Array.from({ length: 24 }, () => Buffer.alloc(64 * 1024, 0x20));
    const r = await call({ method: 'POST', path: '/v1/normalize', headers: { 'content-type': 'application/json' }, chunks });
    expectProblem(r, 413);
    // A body exactly at the limit is read (and is then simply not valid input).
    const at = Buffer.alloc(DEFAULT_BODY_LIMIT, 0x20);
    at.write('{"provider":"qfpay","code":"1201"}');
    const ok = await postJson(at);
    expect(ok.status).toBe(200);
    expect((ok.json as { unified: string }).unified).toBe('insufficient_funds');
  });

  it('answers a batch of 1,000 in order and refuses 1,001 with 400', async () => {
    const items = Array.from({ length: 1000 }, (_, i) => ({ provider: i % 2 ? 'qfpay' : 'nobody', code: String(1000 + i) }));
    const ok = await postJson(JSON.stringify(items));
    expect(ok.status).toBe(200);
    const out = ok.json as { provider: string; code: string; known: boolean; outcome: string }[];
    expect(out).toHaveLength(1000);
    out.forEach((d, i) => {
      expect(d.code).toBe(i % 2 ? String(1000 + i).padStart(4, '0') : String(1000 + i));
      if (!d.known) expect(d.outcome).toBe('unknown');
    });
    expectProblem(await postJson(JSON.stringify([...items, { provider: 'qfpay', code: '1201' }])), 400);
    expectProblem(await postJson(JSON.stringify(Array.from({ length: 50_000 }, () => 0))), 400);
  });

  it('refuses deeply nested JSON with 400 before parsing it', async () => {
    expectProblem(await postJson('['.repeat(100_000)), 400);
    expectProblem(await postJson(`${'['.repeat(100_000)}${']'.repeat(100_000)}`), 400);
    expectProblem(await postJson(`${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`), 400);
    // Brackets inside strings are text, not nesting.
    const inString = await postJson(JSON.stringify({ provider: 'qfpay', code: '1201', message: '['.repeat(3000) }));
    expect(inString.status).toBe(200);
  });

  it('refuses invalid UTF-8 with 400', async () => {
    const wrap = (bad: number[]) =>
      Buffer.concat([Buffer.from('{"provider":"qfpay","code":"1201","message":"'), Buffer.from(bad), Buffer.from('"}')]);
    for (const bad of [[0xff], [0xfe, 0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0xf8, 0x88, 0x80, 0x80, 0x80], [0x80]]) {
      expectProblem(await postJson(wrap(bad)), 400);
    }
  });

  it('treats __proto__ and constructor keys in bodies as data, and pollutes nothing', async () => {
    const r = await postJson(
      '{"__proto__":{"provider":"nobody","polluted":1},"constructor":{"prototype":{"polluted":1}},"provider":"qfpay","code":"1201"}',
    );
    expect([200, 400]).toContain(r.status);
    if (r.status === 200) expect((r.json as { unified: string }).unified).toBe('insufficient_funds');
    const batch = await postJson(
      '[{"__proto__":{"code":"9999"},"provider":"qfpay","code":"1201"},{"provider":"__proto__","code":"__proto__"}]',
    );
    expect([200, 400]).toContain(batch.status);
    if (batch.status === 200) {
      const [a, b] = batch.json as { known: boolean; outcome: string; unified: string }[];
      expect(a?.unified).toBe('insufficient_funds');
      expect(b?.known).toBe(false);
      expect(b?.outcome).toBe('unknown');
    }
    for (const k of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const g = await call({ path: `/v1/normalize?provider=${k}&code=${k}` });
      expect(g.status).toBe(200);
      expect((g.json as { known: boolean; outcome: string }).known).toBe(false);
      expect((g.json as { outcome: string }).outcome).toBe('unknown');
      expectProblem(await call({ path: `/v1/normalize?provider=qfpay&code=1201&lang=${k}` }), 400);
      expectProblem(await call({ path: `/v1/normalize?provider=qfpay&code=1201&flow=${k}` }), 400);
      const al = await call({ path: '/v1/normalize?provider=qfpay&code=1201', headers: { 'accept-language': k } });
      expect(al.status).toBe(200);
      expect(al.headers['content-language']).toBe('en');
      expectProblem(await call({ path: `/v1/providers/${k}/codes` }), 404);
      expectProblem(await call({ path: `/v1/unified/${k}` }), 404);
      const s = await call({ path: `/v1/search?q=${k}&provider=qfpay` });
      expect(s.status).toBe(200);
      expectProblem(
        await call({
          method: 'POST',
          path: '/v1/normalize',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ [k]: 1, provider: k, code: 7, lang: k }),
        }),
        400,
      );
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses huge query strings and headers with a 4xx', async () => {
    expectProblem(await call({ path: `/v1/normalize?provider=qfpay&code=1201&message=${'m'.repeat(5000)}` }), 400);
    expectProblem(await call({ path: `/v1/normalize?provider=${'p'.repeat(5000)}&code=1` }), 400);
    expectProblem(await call({ path: `/v1/normalize?provider=qfpay&code=${'1'.repeat(5000)}` }), 400);
    expectProblem(await call({ path: `/v1/search?q=${'q'.repeat(8000)}` }), 400);
    expectProblem(await call({ path: `/v1/search?q=x&limit=${'9'.repeat(400)}` }), 400);
    // Beyond node's header size limit the HTTP parser answers before the app sees the request.
    const longUrl = await call({ path: `/v1/search?q=${'q'.repeat(100_000)}` });
    expect(longUrl.status).toBeGreaterThanOrEqual(400);
    expect(longUrl.status).toBeLessThan(500);
    const longHeader = await call({ path: '/v1/providers', headers: { 'x-filler': 'h'.repeat(100_000) } });
    expect(longHeader.status).toBe(431);
    const many = Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`x-h${i}`, 'v']));
    const manyHeaders = await call({ path: '/v1/providers', headers: many });
    expect(manyHeaders.status).toBeLessThan(500);
  });

  it('answers garbage on the wire with a 4xx and keeps serving', async () => {
    for (const bytes of [
      'GARBAGE\r\n\r\n',
      'GET / HTTP/9.9\r\n\r\n',
      'POST /v1/normalize HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n',
      'POST /v1/normalize HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
      'POST /v1/normalize HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\nZZZ\r\n',
      'GET /\u0000 HTTP/1.1\r\nHost: x\r\n\r\n',
    ]) {
      const reply = await raw(port, bytes);
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(reply)?.[1] ?? 0);
      statuses.push(status);
      // Either the parser answers with a 4xx or simply hangs up; never a 5xx.
      if (status !== 0) expect(status >= 400 && status < 500, reply.slice(0, 200)).toBe(true);
    }
  });

  it('answers requests the HTTP parser refuses with problem+json too (400, 431)', async () => {
    for (const [bytes, status] of [
      ['GARBAGE\r\n\r\n', 400],
      [`GET /v1/search?q=${'q'.repeat(100_000)} HTTP/1.1\r\nHost: x\r\n\r\n`, 431],
      ['POST /v1/normalize HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n', 400],
    ] as const) {
      const reply = await raw(port, bytes);
      const [head = '', body = ''] = reply.split('\r\n\r\n');
      expect(head).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
      expect(head.toLowerCase(), head).toContain('content-type: application/problem+json');
      expect(head.toLowerCase()).toContain('x-content-type-options: nosniff');
      expect(JSON.parse(body)).toMatchObject({ status });
    }
  });

  it('answers unknown routes with 404 and wrong methods with 405, as problem+json', async () => {
    expectProblem(await call({ path: '/v2/normalize' }), 404);
    expectProblem(await call({ path: '/v1/../../etc/passwd' }), 404);
    expectProblem(await call({ path: '/%2e%2e/%2e%2e/etc/passwd' }), 404);
    expectProblem(await call({ path: '/v1/unified/%ff%fe' }), 404);
    expectProblem(await call({ method: 'DELETE', path: '/v1/normalize' }), 405);
    expectProblem(await call({ method: 'PUT', path: '/v1/providers', headers: { 'content-type': 'application/json' }, body: '{}' }), 405);
    // A repeated parameter is read one way or refused; either way it is defined.
    const dup = await call({ path: '/v1/normalize?provider=qfpay&code=1201&flow=payment&flow=__proto__' });
    expect([200, 400]).toContain(dup.status);
  });
});

describe('HTTP: security headers and defaults', () => {
  it('sends CSP without inline script, nosniff and a referrer policy on the page, the docs, the API and errors', async () => {
    for (const path of ['/', '/docs', '/v1/providers', '/v1/normalize?provider=qfpay&code=1201', '/nothing-here', '/healthz']) {
      const r = await call({ path });
      const csp = String(r.headers['content-security-policy'] ?? '');
      expect(csp, path).toMatch(/(^|;)\s*(script-src|default-src) /);
      const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? /default-src ([^;]*)/.exec(csp)?.[1] ?? '';
      expect(scriptSrc, path).not.toMatch(/unsafe-inline|unsafe-eval|\*|data:|http:/);
      expect(r.headers['x-content-type-options'], path).toBe('nosniff');
      expect(r.headers['referrer-policy'], path).toMatch(/^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/);
    }
  });

  it('binds 127.0.0.1 and keeps header and request timeouts at or under 30 s by default', async () => {
    const d = await startServer({ port: 0, log: false });
    try {
      expect(d.host).toBe('127.0.0.1');
      expect(d.server.address()).toMatchObject({ address: '127.0.0.1', family: 'IPv4' });
      expect(d.server.headersTimeout).toBeGreaterThan(0);
      expect(d.server.headersTimeout).toBeLessThanOrEqual(30_000);
      expect(d.server.requestTimeout).toBeGreaterThan(0);
      expect(d.server.requestTimeout).toBeLessThanOrEqual(30_000);
    } finally {
      await d.close();
    }
  });

  it('logs method, path and status only: no query string', async () => {
    log.length = 0;
    await call({ path: '/v1/normalize?provider=qfpay&code=1201&message=QUERYMARKER' });
    expect(log.some((l) => l.includes('/v1/normalize') && l.includes('200'))).toBe(true);
    expect(log.join('\n')).not.toContain('QUERYMARKER');
  });
});
