import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entriesForUnified, listEntries, listProviders, listUnified } from '../../src/catalog/api.js';
import { normalize } from '../../src/normalize.js';
import { search } from '../../src/search/search.js';
import { CodeList, Decision, Health, Problem, ProviderList, SearchResponse, UnifiedDetail, UnifiedList } from '../../src/server/schemas.js';
import { type TestServer, testServer } from './helpers.js';

const PROBLEM = /^application\/problem\+json/;

async function problem(res: Response, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(PROBLEM);
  const body = await res.json();
  const parsed = Problem.parse(body);
  expect(parsed.status).toBe(status);
  expect(parsed.type).toBe('about:blank');
  expect(parsed.detail.length).toBeGreaterThan(0);
  return parsed;
}

let s: TestServer;
beforeAll(async () => {
  s = await testServer();
});
afterAll(async () => {
  await s.close();
});

describe('GET /v1/normalize', () => {
  it('answers a known code with its decision, in English by default', async () => {
    const res = await s.get('/v1/normalize?provider=qfpay&code=1201');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('content-language')).toBe('en');
    const d = Decision.parse(await res.json());
    expect(d).toEqual(JSON.parse(JSON.stringify(normalize({ provider: 'qfpay', code: '1201' }))));
    expect(d).toMatchObject({
      provider: 'qfpay',
      code: '1201',
      known: true,
      unified: 'insufficient_funds',
      outcome: 'failed',
      next: 'ask_customer',
      party: 'customer',
    });
  });

  it('takes the flow and the message into account', async () => {
    const res = await s.get('/v1/normalize?provider=eftpay&code=-99&flow=refund');
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(normalize({ provider: 'eftpay', code: '-99', flow: 'refund' }))));
  });

  it('picks the language from ?lang, then Accept-Language, then English', async () => {
    const hant = normalize({ provider: 'qfpay', code: 1201, lang: 'zh-Hant' }).message;
    const hans = normalize({ provider: 'qfpay', code: 1201, lang: 'zh-Hans' }).message;
    const en = normalize({ provider: 'qfpay', code: 1201 }).message;
    const q = await s.get('/v1/normalize?provider=qfpay&code=1201&lang=zh-TW', { headers: { 'accept-language': 'zh-CN' } });
    expect(q.headers.get('content-language')).toBe('zh-Hant');
    expect((await q.json()).message).toEqual(hant);
    const h = await s.get('/v1/normalize?provider=qfpay&code=1201', { headers: { 'accept-language': 'fr-FR, zh-CN;q=0.8, en;q=0.5' } });
    expect(h.headers.get('content-language')).toBe('zh-Hans');
    expect(h.headers.get('vary')).toMatch(/accept-language/i);
    expect((await h.json()).message).toEqual(hans);
    const ranked = await s.get('/v1/normalize?provider=qfpay&code=1201', { headers: { 'accept-language': 'en;q=0.3, zh-HK;q=0.9' } });
    expect((await ranked.json()).message).toEqual(hant);
    const none = await s.get('/v1/normalize?provider=qfpay&code=1201', { headers: { 'accept-language': 'fr, de;q=0.9' } });
    expect((await none.json()).message).toEqual(en);
  });

  it('gives an unknown provider or code a 200 unmapped decision, never failed or succeeded', async () => {
    for (const path of [
      '/v1/normalize?provider=nope&code=1',
      '/v1/normalize?provider=qfpay&code=NOT-A-CODE',
      '/v1/normalize?provider=__proto__&code=constructor',
    ]) {
      const res = await s.get(path);
      expect(res.status, path).toBe(200);
      const d = Decision.parse(await res.json());
      expect(d).toMatchObject({ known: false, unified: 'unmapped', outcome: 'unknown', next: 'query' });
    }
  });

  it('refuses missing and wrongly typed fields with a 400 that names them', async () => {
    const p = await problem(await s.get('/v1/normalize'), 400);
    expect(p.errors?.map((e) => `${e.in}:${e.path}`).sort()).toEqual(['query:/code', 'query:/provider']);
    const f = await problem(await s.get('/v1/normalize?provider=qfpay&code=1201&flow=nonsense'), 400);
    expect(f.errors).toEqual([expect.objectContaining({ in: 'query', path: '/flow' })]);
    const l = await problem(await s.get('/v1/normalize?provider=qfpay&code=1201&lang=fr'), 400);
    expect(l.errors).toEqual([expect.objectContaining({ in: 'query', path: '/lang' })]);
    expect(l.instance).toBe('/v1/normalize');
    await problem(await s.get(`/v1/normalize?provider=qfpay&code=${'9'.repeat(200)}`), 400);
    await problem(await s.get(`/v1/normalize?provider=${'p'.repeat(65)}&code=1`), 400);
  });
});

describe('POST /v1/normalize', () => {
  it('answers one object with one decision', async () => {
    const res = await s.post('/v1/normalize', { provider: 'qfpay', code: 1201, lang: 'zh-Hans' });
    expect(res.status).toBe(200);
    expect(Decision.parse(await res.json())).toEqual(
      JSON.parse(JSON.stringify(normalize({ provider: 'qfpay', code: 1201, lang: 'zh-Hans' }))),
    );
  });

  it('answers a batch in the order given', async () => {
    const inputs = [
      { provider: 'subotiz', code: 'x' },
      { provider: 'qfpay', code: '1201' },
      { provider: 'nope', code: 7 },
      ...listEntries('shopline-payments')
        .slice(0, 20)
        .map((e) => ({ provider: e.provider, code: e.code, flow: e.flow })),
      { provider: 'eftpay', code: '-99', message: 'System error' },
    ];
    const res = await s.post('/v1/normalize', inputs);
    expect(res.status).toBe(200);
    const body = (await res.json()) as unknown[];
    expect(body).toHaveLength(inputs.length);
    expect(body).toEqual(JSON.parse(JSON.stringify(inputs.map((i) => normalize(i as Parameters<typeof normalize>[0])))));
  });

  it('sends the batch as the exact bytes JSON.stringify gives, with non-Latin-1 text and its true length', async () => {
    // Answers are assembled from cached UTF-8 bytes per decision, not from a string.
    const inputs = listProviders().flatMap((p, i) =>
      listEntries(p.id)
        .slice(0, 3)
        .map((e) => ({ provider: e.provider, code: e.code, flow: e.flow, lang: i % 2 ? 'zh-Hant' : 'en' })),
    );
    const res = await s.post('/v1/normalize', inputs);
    expect(res.status).toBe(200);
    const text = await res.text();
    const expected = JSON.stringify(inputs.map((i) => normalize(i as Parameters<typeof normalize>[0])));
    expect(/[^\u0000-\u00ff]/.test(expected)).toBe(true);
    expect(text).toBe(expected);
    expect(res.headers.get('content-length')).toBe(String(new TextEncoder().encode(expected).byteLength));
    const one = await s.get('/v1/normalize?provider=qfpay&code=1201&lang=zh-Hant');
    expect(await one.text()).toBe(JSON.stringify(normalize({ provider: 'qfpay', code: '1201', lang: 'zh-Hant' })));
  });

  it('takes 1000 items and refuses 1001', async () => {
    const item = { provider: 'qfpay', code: '1201' };
    const ok = await s.post(
      '/v1/normalize',
      Array.from({ length: 1000 }, () => item),
    );
    expect(ok.status).toBe(200);
    expect(await ok.json()).toHaveLength(1000);
    const p = await problem(
      await s.post(
        '/v1/normalize',
        Array.from({ length: 1001 }, () => item),
      ),
      400,
    );
    expect(p.detail).toMatch(/1000/);
    await problem(await s.post('/v1/normalize', []), 400);
  });

  it('names each wrong field in a batch by its index', async () => {
    const p = await problem(
      await s.post('/v1/normalize', [
        { provider: 'qfpay', code: 1 },
        { provider: 'qfpay', code: {} },
        { provider: 'qfpay', code: 1, flow: 'bogus', lang: 'xx' },
      ]),
      400,
    );
    expect(p.errors?.map((e) => e.path).sort()).toEqual(['/1/code', '/2/flow', '/2/lang']);
    expect(p.errors?.every((e) => e.in === 'body')).toBe(true);
  });

  it('uses the item lang, then ?lang, then Accept-Language', async () => {
    const res = await s.post(
      '/v1/normalize?lang=zh-Hant',
      [
        { provider: 'qfpay', code: 1201 },
        { provider: 'qfpay', code: 1201, lang: 'en' },
      ],
      {
        headers: { 'accept-language': 'zh-CN' },
      },
    );
    const [a, b] = (await res.json()) as { message: unknown }[];
    expect(a?.message).toEqual(normalize({ provider: 'qfpay', code: 1201, lang: 'zh-Hant' }).message);
    expect(b?.message).toEqual(normalize({ provider: 'qfpay', code: 1201, lang: 'en' }).message);
    const viaHeader = await s.post('/v1/normalize', { provider: 'qfpay', code: 1201 }, { headers: { 'accept-language': 'zh-CN' } });
    expect((await viaHeader.json()).message).toEqual(normalize({ provider: 'qfpay', code: 1201, lang: 'zh-Hans' }).message);
  });

  it('refuses bodies that are not JSON objects or arrays of them with a 400', async () => {
    for (const body of [
      '{"provider": "qfpay", ',
      'null',
      '42',
      '"qfpay"',
      '',
      '[1, 2]',
      '{"provider": 5, "code": 1}',
      '{"__proto__": {"x": 1}, "code": 1}',
    ]) {
      const res = await s.post('/v1/normalize', body);
      const p = await problem(res, 400);
      expect(p.errors?.length, body).toBeGreaterThan(0);
    }
  });

  it('refuses deeply nested JSON and invalid UTF-8 with a 400', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect((await problem(await s.post('/v1/normalize', deep), 400)).detail).toMatch(/deeper/);
    const bad = new Uint8Array([0x7b, 0x22, 0x70, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]);
    expect((await problem(await s.post('/v1/normalize', bad), 400)).detail).toMatch(/UTF-8/);
  });

  it('answers other media types with a 415', async () => {
    const body = JSON.stringify({ provider: 'qfpay', code: 1201 });
    await problem(await s.post('/v1/normalize', body, { headers: { 'content-type': 'text/plain' } }), 415);
    await problem(await s.post('/v1/normalize', body, { headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415);
    await problem(await s.post('/v1/normalize', body, { headers: { 'content-type': 'application/json; charset=latin1' } }), 415);
    const ok = await s.post('/v1/normalize', body, { headers: { 'content-type': 'Application/JSON; charset="UTF-8"' } });
    expect(ok.status).toBe(200);
    const none = await fetch(`${s.url}v1/normalize`, { method: 'POST', body: new Blob([body]) });
    await problem(none, 415);
  });
});

describe('the body limit', () => {
  let small: TestServer;
  beforeAll(async () => {
    small = await testServer({ bodyLimit: 1024 });
  });
  afterAll(async () => {
    await small.close();
  });

  it('answers a declared body over the limit with a 413', async () => {
    const big = JSON.stringify(Array.from({ length: 100 }, () => ({ provider: 'qfpay', code: '1201' })));
    expect(big.length).toBeGreaterThan(1024);
    await problem(await small.post('/v1/normalize', big), 413);
  });

  it('counts a streamed body without a length and stops at the limit', async () => {
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        // Endless unless the server stops reading: the 413 must come from counting, not from the end.
        if (sent > 50_000_000) return controller.close();
        sent += 4096;
        controller.enqueue(new TextEncoder().encode(' '.repeat(4096)));
      },
    });
    const res = await fetch(`${small.url}v1/normalize`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    await problem(res, 413);
    expect(sent).toBeLessThan(50_000_000);
  });

  it('still answers a body under the limit', async () => {
    expect((await small.post('/v1/normalize', { provider: 'qfpay', code: 1201 })).status).toBe(200);
  });

  it('is 1 MB by default', async () => {
    const item = { provider: 'qfpay', code: '1201', message: 'x'.repeat(4000) };
    const over = Array.from({ length: 270 }, () => item);
    expect(JSON.stringify(over).length).toBeGreaterThan(1024 * 1024);
    await problem(await s.post('/v1/normalize', over), 413);
  });
});

describe('catalog endpoints', () => {
  it('GET /v1/providers lists every provider', async () => {
    const res = await s.get('/v1/providers');
    const body = ProviderList.parse(await res.json());
    expect(body.providers.map((p) => p.id)).toEqual(listProviders().map((p) => p.id));
    expect(body.providers.map((p) => p.id)).toContain('qfpay');
  });

  it("GET /v1/providers/{id}/codes lists a provider's codes, by id or alias, with filters", async () => {
    const all = CodeList.parse(await (await s.get('/v1/providers/qfpay/codes')).json());
    expect(all.provider).toBe('qfpay');
    expect(all.flow).toBe('any');
    expect(all.count).toBe(new Set(listEntries('qfpay').map((e) => e.code)).size);
    expect(all.codes.every((c) => c.provider === 'qfpay')).toBe(true);
    // With no flow, each code shows what normalize() says, and how many readings it has: QFPay 1125
    // is unknown/query (a payment may have been refunded), with a second reading.
    const refunded = all.codes.find((c) => c.code === '1125');
    const d = normalize({ provider: 'qfpay', code: '1125' });
    expect(refunded?.decision).toEqual(JSON.parse(JSON.stringify(d)));
    expect(refunded?.decision).toMatchObject({ outcome: 'unknown', next: 'query' });
    expect(refunded?.readings).toBeGreaterThan(1);
    expect(all.codes.find((c) => c.code === '1201')?.readings).toBe(1);
    const byName = CodeList.parse(await (await s.get('/v1/providers/SHOPLINE%20Payments/codes')).json());
    expect(byName.provider).toBe('shopline-payments');
    const funds = CodeList.parse(await (await s.get('/v1/providers/qfpay/codes?unified=insufficient_funds')).json());
    expect(funds.codes.map((c) => c.code)).toContain('1201');
    expect(funds.codes.every((c) => c.entries.some((e) => e.unified === 'insufficient_funds'))).toBe(true);
    const refunds = CodeList.parse(await (await s.get('/v1/providers/eftpay/codes?flow=refund')).json());
    expect(refunds.count).toBe(new Set(listEntries('eftpay', { flow: 'refund' }).map((e) => e.code)).size);
    // `any` entries apply to every flow, refunds included.
    expect(refunds.codes.every((c) => c.flow === 'refund' && c.entries.every((e) => e.flow === 'refund' || e.flow === 'any'))).toBe(true);
    expect(refunds.codes.some((c) => c.entries.some((e) => e.flow === 'any'))).toBe(true);
    for (const c of refunds.codes)
      expect(c.decision).toEqual(JSON.parse(JSON.stringify(normalize({ provider: 'eftpay', code: c.code, flow: 'refund' }))));
    const qfRefunds = CodeList.parse(await (await s.get('/v1/providers/qfpay/codes?flow=refund')).json());
    expect(qfRefunds.count).toBeGreaterThan(0);
  });

  it('GET /v1/providers/{id}/codes is a 404 for an unknown provider and a 400 for a bad flow', async () => {
    const p = await problem(await s.get('/v1/providers/nope/codes'), 404);
    expect(p.errors).toEqual([expect.objectContaining({ in: 'path', path: '/id' })]);
    await problem(await s.get('/v1/providers/__proto__/codes'), 404);
    await problem(await s.get('/v1/providers/qfpay/codes?flow=bogus'), 400);
  });

  it('GET /v1/unified lists the unified codes', async () => {
    const body = UnifiedList.parse(await (await s.get('/v1/unified')).json());
    expect(body.unified.map((u) => u.code)).toEqual(listUnified().map((u) => u.code));
  });

  it('GET /v1/unified/{code} lists every provider code mapped to it', async () => {
    const body = UnifiedDetail.parse(await (await s.get('/v1/unified/insufficient_funds')).json());
    expect(body.unified.code).toBe('insufficient_funds');
    expect(body.count).toBe(entriesForUnified('insufficient_funds').length);
    expect(body.entries.every((e) => e.unified === 'insufficient_funds')).toBe(true);
    expect(body.entries.some((e) => e.provider === 'qfpay' && e.code === '1201')).toBe(true);
    expect(new Set(body.entries.map((e) => e.provider)).size).toBeGreaterThan(1);
    await problem(await s.get('/v1/unified/not_a_code'), 404);
    await problem(await s.get('/v1/unified/constructor'), 404);
  });

  it('GET /v1/search answers what search() answers', async () => {
    const res = await s.get(`/v1/search?q=${encodeURIComponent('余额不足')}&limit=20`);
    expect(res.status).toBe(200);
    const raw = await res.json();
    const body = SearchResponse.parse(raw);
    expect(body.query).toBe('余额不足');
    expect(raw.results).toEqual(JSON.parse(JSON.stringify(search('余额不足', { limit: 20, lang: 'en' }))));
    expect(body.results.some((r) => r.provider === 'qfpay' && r.code === '1201' && r.outcome === 'failed')).toBe(true);
    expect(body.count).toBe(body.results.length);
    const filtered = await (await s.get(`/v1/search?q=1201&provider=qfpay&flow=payment&lang=zh-Hant`)).json();
    expect(SearchResponse.safeParse(filtered).success).toBe(true);
    expect(filtered.results).toEqual(
      JSON.parse(JSON.stringify(search('1201', { provider: 'qfpay', flow: 'payment', lang: 'zh-Hant', limit: 20 }))),
    );
  });

  it('GET /v1/search refuses a missing query and a bad limit', async () => {
    expect((await problem(await s.get('/v1/search'), 400)).errors?.[0]?.path).toBe('/q');
    await problem(await s.get('/v1/search?q=%20'), 400);
    await problem(await s.get('/v1/search?q=x&limit=0'), 400);
    await problem(await s.get('/v1/search?q=x&limit=abc'), 400);
    await problem(await s.get(`/v1/search?q=${'x'.repeat(201)}`), 400);
  });

  it('GET /healthz answers ok', async () => {
    const res = await s.get('/healthz');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const h = Health.parse(await res.json());
    expect(h).toMatchObject({ status: 'ok', providers: listProviders().length });
  });
});

describe('errors', () => {
  it('answers an unknown route with a 404 problem', async () => {
    for (const path of [
      '/nope',
      '/v1/nope',
      '/v1/providers/qfpay/codes/extra',
      '/v2/normalize',
      '/%zz',
      '/..%2f..%2fetc%2fpasswd',
      '/assets/../package.json',
    ]) {
      const p = await problem(await s.get(path), 404);
      expect(p.title).toBe('Not Found');
    }
  });

  it('answers a wrong method on a known route with a 405 and Allow', async () => {
    const put = await s.get('/v1/normalize', { method: 'PUT', body: '{}' });
    await problem(put, 405);
    expect(put.headers.get('allow')).toBe('GET, HEAD, POST');
    const del = await s.get('/v1/providers', { method: 'DELETE' });
    await problem(del, 405);
    expect(del.headers.get('allow')).toBe('GET, HEAD');
  });

  it('never answers bad input with a 5xx', async () => {
    const paths = [
      '/v1/normalize?provider=%ff%fe&code=%00',
      '/v1/normalize?provider=qfpay&code=1201&lang=%E4',
      `/v1/normalize?provider=qfpay&code=1201&message=${'m'.repeat(5000)}`,
      '/v1/search?q=%F0%9F%92%B3&limit=1e3',
      '/v1/search?q=__proto__',
      '/v1/providers/%E2%80%AE/codes',
      '/v1/unified/%00',
    ];
    for (const path of paths) {
      const res = await s.get(path);
      expect(res.status, path).toBeLessThan(500);
      await res.arrayBuffer();
    }
  });
});

describe('headers and logs', () => {
  it('sends the security headers on answers, errors and the page', async () => {
    for (const path of ['/v1/providers', '/v1/nope', '/nope', '/healthz', '/docs', '/openapi.json']) {
      const res = await s.get(path);
      // JSON answers under /v1 load nothing; documents load their own scripts only.
      const csp = res.headers.get('content-security-policy');
      if (path.startsWith('/v1/')) {
        expect(csp, path).toBe("default-src 'none'; frame-ancestors 'none'");
        expect(res.headers.get('x-xss-protection'), path).toBeNull();
      } else {
        expect(csp, path).toContain("script-src 'self'");
        expect(res.headers.get('cross-origin-opener-policy'), path).toBe('same-origin');
      }
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
      expect(res.headers.get('cross-origin-resource-policy'), path).toBe('same-origin');
      expect(res.headers.get('content-security-policy'), path).not.toContain('unsafe-inline');
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
      await res.arrayBuffer();
    }
  });

  it('logs method, path, status and time, never the query, the key or the body', async () => {
    const keyed = await testServer({ apiKey: 'sekrit-key-123' });
    try {
      await keyed.post(
        '/v1/normalize?lang=zh-Hant&token=query-secret',
        { provider: 'qfpay', code: 'body-secret-999' },
        { headers: { authorization: 'Bearer sekrit-key-123' } },
      );
      await keyed.get('/v1/providers', { headers: { authorization: 'Bearer wrong-key-456' } });
      expect(keyed.logs).toHaveLength(2);
      expect(keyed.logs[0]).toMatch(/^POST \/v1\/normalize 200 \d+(\.\d+)?ms$/);
      expect(keyed.logs[1]).toMatch(/^GET \/v1\/providers 401 \d+(\.\d+)?ms$/);
      const all = keyed.logs.join('\n');
      for (const secret of ['sekrit', 'wrong-key', 'query-secret', 'body-secret', 'qfpay', 'zh-Hant']) expect(all).not.toContain(secret);
    } finally {
      await keyed.close();
    }
  });
});

describe('the API key', () => {
  let keyed: TestServer;
  beforeAll(async () => {
    keyed = await testServer({ apiKey: 'k3y-for-tests' });
  });
  afterAll(async () => {
    await keyed.close();
  });

  it('is required on /v1 with a 401 problem when missing or wrong', async () => {
    const missing = await keyed.get('/v1/providers');
    await problem(missing, 401);
    expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer/);
    await problem(await keyed.get('/v1/providers', { headers: { authorization: 'Bearer k3y-for-test' } }), 401);
    await problem(await keyed.get('/v1/providers', { headers: { authorization: 'Basic k3y-for-tests' } }), 401);
    await problem(await keyed.post('/v1/normalize', { provider: 'qfpay', code: 1 }), 401);
    await problem(await keyed.get('/v1/nope'), 401);
  });

  it('lets the right key through', async () => {
    expect((await keyed.get('/v1/providers', { headers: { authorization: 'Bearer k3y-for-tests' } })).status).toBe(200);
    expect((await keyed.get('/v1/unified/approved', { headers: { authorization: 'bearer k3y-for-tests' } })).status).toBe(200);
  });

  it('leaves /healthz, the page, its catalog and the docs open', async () => {
    for (const path of ['/healthz', '/catalog.json', '/docs', '/docs.js', '/openapi.json']) {
      const res = await keyed.get(path);
      expect(res.status, path).toBe(200);
      await res.arrayBuffer();
    }
  });

  it('is described in the OpenAPI document', async () => {
    const doc = await (await keyed.get('/openapi.json')).json();
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.paths['/v1/providers'].get.security).toEqual([{ bearer: [] }]);
    expect(doc.paths['/healthz'].get.security).toEqual([]);
  });
});

describe('CORS', () => {
  it('is off by default', async () => {
    const res = await s.get('/v1/providers', { headers: { origin: 'https://shop.example' } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    await res.arrayBuffer();
  });

  it('allows the configured origins only, and answers preflight before the key check', async () => {
    const c = await testServer({ cors: ['https://shop.example'], apiKey: 'k' });
    try {
      const pre = await c.get('/v1/normalize', {
        method: 'OPTIONS',
        headers: {
          origin: 'https://shop.example',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization, content-type',
        },
      });
      expect(pre.status).toBe(204);
      expect(pre.headers.get('access-control-allow-origin')).toBe('https://shop.example');
      expect(pre.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
      const ok = await c.get('/v1/providers', { headers: { origin: 'https://shop.example', authorization: 'Bearer k' } });
      expect(ok.headers.get('access-control-allow-origin')).toBe('https://shop.example');
      const other = await c.get('/v1/providers', { headers: { origin: 'https://evil.example', authorization: 'Bearer k' } });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
      await Promise.all([ok.arrayBuffer(), other.arrayBuffer()]);
    } finally {
      await c.close();
    }
  });

  it('allows any origin with *', async () => {
    const c = await testServer({ cors: '*' });
    try {
      const res = await c.get('/v1/providers', { headers: { origin: 'https://anywhere.example' } });
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      await res.arrayBuffer();
    } finally {
      await c.close();
    }
  });
});
