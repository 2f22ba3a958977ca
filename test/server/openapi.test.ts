import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestServer, testServer } from './helpers.js';

let s: TestServer;
beforeAll(async () => {
  s = await testServer();
});
afterAll(async () => {
  await s.close();
});

type Doc = {
  openapi: string;
  paths: Record<string, Record<string, { parameters?: { name: string; in: string; required: boolean; example?: unknown }[] }>>;
  components: { schemas: Record<string, unknown> };
};

describe('/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const res = await s.get('/openapi.json');
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const doc = (await res.json()) as Doc;
    expect(doc.openapi).toBe('3.1.0');
    const v = new Validator();
    const result = await v.validate(doc as unknown as Parameters<Validator['validate']>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(v.version).toBe('3.1');
  });

  it('lists every endpoint of the issue, with schemas generated from the request validators', async () => {
    const doc = (await (await s.get('/openapi.json')).json()) as Doc;
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        '/healthz',
        '/v1/normalize',
        '/v1/providers',
        '/v1/providers/{id}/codes',
        '/v1/retry',
        '/v1/search',
        '/v1/unified',
        '/v1/unified/{code}',
      ].sort(),
    );
    expect(Object.keys(doc.paths['/v1/normalize'] ?? {}).sort()).toEqual(['get', 'post']);
    const schemas = doc.components.schemas as Record<
      string,
      { properties?: Record<string, { enum?: string[]; maxItems?: number }>; anyOf?: { maxItems?: number }[] }
    >;
    expect(schemas.NormalizeInput?.properties?.flow?.enum).toContain('refund');
    expect(schemas.NormalizeBody?.anyOf?.[1]?.maxItems).toBe(1000);
    expect(schemas.Decision?.properties).toHaveProperty('outcome');
    const search = doc.paths['/v1/search']?.get?.parameters ?? [];
    expect(search.map((p) => `${p.name}${p.required ? '!' : ''}`)).toEqual(['q!', 'provider', 'flow', 'lang', 'limit']);
  });

  it('describes routes the server really answers', async () => {
    const doc = (await (await s.get('/openapi.json')).json()) as Doc;
    for (const [path, item] of Object.entries(doc.paths)) {
      // POST-only routes are exercised with bodies in their own tests.
      if (item.get === undefined) continue;
      const params = item.get?.parameters ?? [];
      let url = path.replace(/\{(\w+)\}/g, (_, n) => String(params.find((p) => p.name === n)?.example ?? n));
      const query = params
        .filter((p) => p.in === 'query' && p.required)
        .map((p) => `${p.name}=${encodeURIComponent(String(p.example ?? 'x'))}`);
      if (query.length) url += `?${query.join('&')}`;
      const res = await s.get(url);
      expect(res.status, url).toBe(200);
      await res.arrayBuffer();
    }
  });
});

describe('/docs', () => {
  it('is an offline page with no inline script and nothing from another host', async () => {
    const res = await s.get('/docs');
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('<script type="module" src="/docs.js"></script>');
    expect(html.match(/<script(?![^>]*\bsrc=)[^>]*>/g)).toBeNull();
    expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
    const js = await s.get('/docs.js');
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    const code = await js.text();
    expect(code).toContain("fetch('/openapi.json')");
    expect(code).not.toMatch(/https?:\/\//);
    const css = await s.get('/docs.css');
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    await css.arrayBuffer();
  });
});
