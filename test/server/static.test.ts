import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listProviders } from '../../src/catalog/api.js';
import { normalize } from '../../src/normalize.js';
import type { WebIndex, WebProvider } from '../../src/server/web-catalog.js';
import { ensureWebBuilt } from '../web/build.js';
import { type TestServer, testServer } from './helpers.js';

let s: TestServer;
beforeAll(async () => {
  ensureWebBuilt();
  s = await testServer({ apiKey: 'page-stays-open' });
});
afterAll(async () => {
  await s.close();
});

describe('the web catalog', () => {
  it('serves the page at / with no inline script, even with an API key set', async () => {
    const res = await s.get('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await res.text();
    expect(html.match(/<script(?![^>]*\bsrc=)[^>]*>/g)).toBeNull();
    expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1] as string);
    expect(assets.some((a) => a.endsWith('.js'))).toBe(true);
    expect(assets.some((a) => a.endsWith('.css'))).toBe(true);
    for (const a of assets) {
      const r = await s.get(a);
      expect(r.status, a).toBe(200);
      expect(r.headers.get('cache-control'), a).toBe('public, max-age=31536000, immutable');
      expect(r.headers.get('content-type'), a).toMatch(a.endsWith('.js') ? /^text\/javascript/ : /^text\/css/);
      const body = await r.text();
      // Bundled and offline: no code that reaches for another host.
      expect(body, a).not.toMatch(/\bfetch\(\s*["'`]https?:/);
      expect(body, a).not.toMatch(/@import\s+url\(\s*["']?https?:/);
    }
  });

  it('answers a repeat request for an unchanged file with a 304', async () => {
    const first = await s.get('/');
    const etag = first.headers.get('etag');
    await first.arrayBuffer();
    // Weak when the answer was gzipped (fetch asks for it), strong otherwise.
    expect(etag).toMatch(/^(W\/)?".+"$/);
    const again = await s.get('/', { headers: { 'if-none-match': etag as string } });
    expect(again.status).toBe(304);
  });

  it('serves /catalog.json as a small index, and each provider file with its codes and decisions', async () => {
    const res = await s.get('/catalog.json');
    expect(res.status).toBe(200);
    const cat = (await res.json()) as WebIndex;
    expect(cat.providers.map((p) => p.id)).toEqual(listProviders().map((p) => p.id));
    expect(cat.providers.find((p) => p.id === 'qfpay')?.canonical).toEqual({ width: 4, case: expect.any(String) });
    expect(cat).not.toHaveProperty('codes');
    const u = cat.unified.find((x) => x.code === 'insufficient_funds');
    expect(u?.messages['zh-Hant'].customer).toBe(normalize({ provider: 'qfpay', code: '1201', lang: 'zh-Hant' }).message.customer);

    const qfpay = (await (await s.get('/catalog/qfpay.json')).json()) as WebProvider;
    expect(qfpay.entries).toHaveLength(listProviders().find((p) => p.id === 'qfpay')?.entries ?? -1);
    const qf = qfpay.codes.find((c) => c.code === '1201');
    const d = normalize({ provider: 'qfpay', code: '1201' });
    expect(qf?.decision).toMatchObject({ unified: d.unified, outcome: d.outcome, next: d.next, party: d.party });
    expect(qfpay.entries[qf?.decision.entry ?? -1]?.messages['zh-Hant']).toContain('餘額不足');
    // QFPay 1125's other reading is the one a refund gets, though the catalog lists it under `any`.
    const refunded = qfpay.codes.find((c) => c.code === '1125');
    expect(refunded?.alternatives.map((r) => r.applies.includes('refund'))).toContain(true);
    expect(refunded?.decision.applies).not.toContain('refund');

    const eftpay = (await (await s.get('/catalog/eftpay.json')).json()) as WebProvider;
    const eft = eftpay.codes.find((c) => c.code === '-99');
    expect(eft?.alternatives.length).toBe(normalize({ provider: 'eftpay', code: '-99' }).alternatives?.length);
    for (const p of ['/catalog/nope.json', '/catalog/qfpay', '/catalog/..%2fpackage.json', '/catalog/QFPAY.JSON']) {
      const r = await s.get(p);
      expect(r.status, p).toBe(404);
      await r.arrayBuffer();
    }
  });

  it('gzips the page and its catalog for browsers that ask, and a repeat is a 304', async () => {
    const { gunzipSync } = await import('node:zlib');
    const { request } = await import('node:http');
    const get = (path: string, headers: Record<string, string>) =>
      new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
        request({ host: '127.0.0.1', port: s.port, path, headers }, (res) => {
          const parts: Buffer[] = [];
          res.on('data', (b: Buffer) => parts.push(b));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }));
        })
          .on('error', reject)
          .end();
      });
    const plain = await get('/catalog/qfpay.json', {});
    const gz = await get('/catalog/qfpay.json', { 'accept-encoding': 'gzip' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.body.length).toBeLessThan(plain.body.length / 3);
    expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
    const again = await get('/catalog/qfpay.json', { 'accept-encoding': 'gzip', 'if-none-match': String(gz.headers.etag) });
    expect(again.status).toBe(304);
    // The API stays uncompressed: small answers, read by programs.
    const api = await get('/v1/normalize?provider=qfpay&code=1201', { 'accept-encoding': 'gzip', authorization: 'Bearer page-stays-open' });
    expect(api.status).toBe(200);
    expect(api.headers['content-encoding']).toBeUndefined();
  });

  it('refuses paths outside the built files', async () => {
    for (const p of ['/assets/', '/assets/..%2f..%2fpackage.json', '/web/dist/index.html', '/.env', '/src/server/app.ts']) {
      const r = await s.get(p);
      expect(r.status, p).toBe(404);
      await r.arrayBuffer();
    }
  });
});
