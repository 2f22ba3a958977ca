import { createHash, timingSafeEqual } from 'node:crypto';
import { type Context, Hono } from 'hono';
import { cors } from 'hono/cors';
import type { z } from 'zod';
import { entriesForUnified, getProvider, getUnified, listEntries, listProviders, listUnified } from '../catalog/api.js';
import { PaycodesInputError } from '../core/errors.js';
import { resolveLang } from '../core/lang.js';
import type { Decision, NormalizeInput as Input, Lang } from '../core/types.js';
import { normalize } from '../normalize.js';
import { search } from '../search/search.js';
import { VERSION } from '../version.js';
import { readJson } from './body.js';
import { DOCS_CSS, DOCS_HTML, DOCS_JS } from './docs-page.js';
import { buildOpenApi } from './openapi.js';
import { type FieldError, fieldErrors, HttpProblem, problemResponse, SECURITY_HEADERS } from './problem.js';
import { CodesQuery, LangQuery, MAX_BATCH, NormalizeInput, NormalizeQuery, SearchQuery } from './schemas.js';
import { findWebRoot, type StaticFile, staticFile, webFiles } from './static.js';
import { buildWebCatalog } from './web-catalog.js';

export interface AppOptions {
  /** When set, /v1 asks for `Authorization: Bearer <apiKey>`. The page, its assets, /docs and /healthz stay open. */
  apiKey?: string | undefined;
  /** Allowed origins for cross-origin requests; `*` for any. Off when empty. */
  cors?: readonly string[] | '*' | undefined;
  /** Largest request body in bytes (1 MB by default). */
  bodyLimit?: number;
  /** The built web catalog (web/dist); found beside the package by default; `false` serves none. */
  webRoot?: string | false;
  /** One line per request (method, path, status, ms); stderr by default, `false` for none. */
  log?: ((line: string) => void) | false;
}

export const DEFAULT_BODY_LIMIT = 1024 * 1024;

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Hashing both sides first gives equal lengths, so the comparison time says nothing about the key. */
function keyMatches(given: string, expected: Buffer): boolean {
  return timingSafeEqual(digest(given), expected);
}

/** The best supported language in an Accept-Language header; English when none is. */
export function languageFromHeader(header: string | undefined): Lang {
  if (!header) return 'en';
  const ranked = header
    .slice(0, 1024)
    .split(',')
    .slice(0, 32)
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().split(';');
      let q = 1;
      for (const p of params) {
        const m = /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(p);
        if (m) q = Number(m[1]);
      }
      return { tag: tag.trim(), q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((x) => x.tag !== '' && x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { tag } of ranked) {
    if (tag === '*') return 'en';
    try {
      return resolveLang(tag);
    } catch {
      // Not one of ours; try the next preference.
    }
  }
  return 'en';
}

function parse<S extends z.ZodType>(schema: S, value: unknown, where: FieldError['in'], what: string): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw new HttpProblem(400, `invalid ${what}`, fieldErrors(where, r.error.issues));
  return r.data;
}

const SECURITY_ENTRIES = Object.entries(SECURITY_HEADERS);

const DECISION_HEADERS: Record<Lang, Record<string, string>> = Object.fromEntries(
  (['en', 'zh-Hant', 'zh-Hans'] as const).map((lang) => [
    lang,
    {
      ...SECURITY_HEADERS,
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-cache',
      'content-language': lang,
      vary: 'Accept-Language',
    },
  ]),
) as unknown as Record<Lang, Record<string, string>>;

/** Catalog decisions are frozen and shared, so their JSON text can be kept beside them. */
const jsonOf = new WeakMap<Decision, string>();
function decisionJson(d: Decision): string {
  if (!Object.isFrozen(d)) return JSON.stringify(d);
  let text = jsonOf.get(d);
  if (text === undefined) {
    text = JSON.stringify(d);
    jsonOf.set(d, text);
  }
  return text;
}

/**
 * Access log lines gathered per event-loop turn and written together: one write per request
 * costs more than the request under load.
 */
function stderrLog(): (line: string) => void {
  let pending: string[] = [];
  const flush = () => {
    const out = pending.join('');
    pending = [];
    process.stderr.write(out);
  };
  process.once('exit', () => {
    if (pending.length > 0) process.stderr.write(pending.join(''));
  });
  return (line) => {
    if (pending.push(`${line}\n`) === 1) setImmediate(flush);
  };
}

/** Library input errors become 400s that name the field. */
function decide(input: Input, where: FieldError['in'], prefix: PropertyKey[] = []): Decision {
  try {
    return normalize(input);
  } catch (e) {
    if (e instanceof PaycodesInputError)
      throw new HttpProblem(400, e.message, fieldErrors(where, [{ path: [...prefix, e.field], message: e.message }]));
    throw e;
  }
}

/**
 * The HTTP API and the web catalog as a Hono app. Pure: no listening, no signals, so tests and
 * other runtimes can call `app.fetch` directly; `startServer` puts it on node:http.
 */
export function createApp(options: AppOptions = {}): Hono<{ Variables: { prepared: boolean } }> {
  const limit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const log = options.log === false ? undefined : (options.log ?? stderrLog());
  const expectedKey = options.apiKey ? digest(options.apiKey) : undefined;
  const files = webFiles(options.webRoot === false ? undefined : (options.webRoot ?? findWebRoot()));
  let openapi: string | undefined;
  let catalog: StaticFile | undefined;

  const app = new Hono<{ Variables: { prepared: boolean } }>();

  app.use('*', async (c, next) => {
    const start = performance.now();
    await next();
    // The hot-path answers are built with these headers already (see `decisions`); touching their
    // headers again would make the server adapter rebuild the response.
    if (!c.get('prepared')) for (const [k, v] of SECURITY_ENTRIES) c.res.headers.set(k, v);
    // Never the query string, the headers or the body: they may carry keys or customer data.
    log?.(`${c.req.method} ${c.req.path} ${c.res.status} ${(performance.now() - start).toFixed(1)}ms`);
  });

  if (options.cors && options.cors.length > 0) {
    const allowed = options.cors;
    app.use(
      '*',
      cors({
        origin: allowed === '*' ? '*' : [...allowed],
        allowMethods: ['GET', 'HEAD', 'POST', 'OPTIONS'],
        allowHeaders: ['Authorization', 'Content-Type', 'Accept-Language'],
        maxAge: 600,
      }),
    );
  }

  if (expectedKey) {
    app.use('/v1/*', async (c, next) => {
      const header = c.req.header('authorization') ?? '';
      const m = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
      if (!m || !keyMatches(m[1] as string, expectedKey)) {
        throw new HttpProblem(401, header ? 'the bearer key is wrong' : 'send Authorization: Bearer <key>', undefined, {
          'www-authenticate': 'Bearer realm="paycodes"',
        });
      }
      await next();
    });
  }

  const langOf = (c: Context, explicit: Lang | undefined): Lang => explicit ?? languageFromHeader(c.req.header('accept-language'));
  const json = (c: Context, body: unknown, lang?: Lang) => {
    c.header('cache-control', 'no-cache');
    if (lang) {
      c.header('content-language', lang);
      c.header('vary', 'Accept-Language');
    }
    return c.json(body as object);
  };
  /** Decisions as JSON text, reusing the text of shared (frozen) decisions. */
  const decisions = (c: Context, body: Decision | Decision[], lang: Lang) => {
    c.set('prepared', true);
    const text = Array.isArray(body) ? `[${body.map(decisionJson).join(',')}]` : decisionJson(body);
    // A plain header record lets @hono/node-server write the response without building Headers.
    // A fresh record each time: the adapter writes Content-Length into the object it is given.
    return new Response(text, { status: 200, headers: { ...DECISION_HEADERS[lang] } });
  };

  app.get('/v1/normalize', (c) => {
    const q = parse(NormalizeQuery, c.req.query(), 'query', 'query parameters');
    const lang = langOf(c, q.lang);
    const input: Input = { provider: q.provider, code: q.code, lang };
    if (q.flow) input.flow = q.flow;
    if (q.message !== undefined) input.message = q.message;
    return decisions(c, decide(input, 'query'), lang);
  });

  app.post('/v1/normalize', async (c) => {
    const q = parse(LangQuery, c.req.query(), 'query', 'query parameters');
    const fallback = langOf(c, q.lang);
    const body = await readJson(c.req.raw, limit);
    const one = (item: unknown, path: PropertyKey[]) => {
      const r = NormalizeInput.safeParse(item);
      if (!r.success)
        return {
          errors: fieldErrors(
            'body',
            r.error.issues.map((i) => ({ path: [...path, ...i.path], message: i.message })),
          ),
        };
      const v = r.data;
      const input: Input = { provider: v.provider, code: v.code, lang: v.lang ?? fallback };
      if (v.flow) input.flow = v.flow;
      if (v.message !== undefined) input.message = v.message;
      return { input };
    };
    if (!Array.isArray(body)) {
      const r = one(body, []);
      if (r.errors) throw new HttpProblem(400, 'invalid normalize input', r.errors);
      return decisions(c, decide(r.input as Input, 'body'), fallback);
    }
    if (body.length === 0) throw new HttpProblem(400, 'the batch is empty', [{ in: 'body', path: '', message: 'send 1 to 1000 items' }]);
    if (body.length > MAX_BATCH) {
      throw new HttpProblem(400, `a batch holds at most ${MAX_BATCH} items; this one has ${body.length}`, [
        { in: 'body', path: '', message: `at most ${MAX_BATCH} items` },
      ]);
    }
    const inputs: Input[] = [];
    const errors: FieldError[] = [];
    body.forEach((item, i) => {
      const r = one(item, [i]);
      if (r.errors) errors.push(...r.errors);
      else inputs.push(r.input as Input);
    });
    if (errors.length > 0)
      throw new HttpProblem(400, `${errors.length} invalid field${errors.length === 1 ? '' : 's'} in the batch`, errors);
    return decisions(
      c,
      inputs.map((input, i) => decide(input, 'body', [i])),
      fallback,
    );
  });

  app.get('/v1/providers', (c) => json(c, { providers: listProviders() }));

  app.get('/v1/providers/:id/codes', (c) => {
    const id = c.req.param('id');
    const p = getProvider(id);
    if (!p)
      throw new HttpProblem(404, `no provider ${JSON.stringify(id.slice(0, 64))}`, [
        { in: 'path', path: '/id', message: 'unknown provider' },
      ]);
    const q = parse(CodesQuery, c.req.query(), 'query', 'query parameters');
    const codes = listEntries(p.id, { ...(q.flow ? { flow: q.flow } : {}), ...(q.unified ? { unified: q.unified } : {}) });
    return json(c, { provider: p.id, count: codes.length, codes });
  });

  app.get('/v1/unified', (c) => json(c, { unified: listUnified() }));

  app.get('/v1/unified/:code', (c) => {
    const code = c.req.param('code');
    const u = getUnified(code);
    if (!u)
      throw new HttpProblem(404, `no unified code ${JSON.stringify(code.slice(0, 64))}`, [
        { in: 'path', path: '/code', message: 'unknown unified code' },
      ]);
    const entries = entriesForUnified(u.code);
    return json(c, { unified: u, count: entries.length, entries });
  });

  app.get('/v1/search', (c) => {
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
    return json(c, { query: q.q, count: results.length, results }, lang);
  });

  app.get('/healthz', (c) => {
    c.header('cache-control', 'no-store');
    return c.json({
      status: 'ok',
      version: VERSION,
      providers: listProviders().length,
      entries: listProviders().reduce((n, p) => n + p.entries, 0),
    });
  });

  app.get('/openapi.json', (c) => {
    openapi ??= JSON.stringify(buildOpenApi({ auth: expectedKey !== undefined }));
    c.header('cache-control', 'no-cache');
    return c.body(openapi, 200, { 'content-type': 'application/json; charset=utf-8' });
  });

  const docs = new Map<string, StaticFile>([
    ['/docs', staticFile(DOCS_HTML, 'text/html; charset=utf-8')],
    ['/docs.js', staticFile(DOCS_JS, 'text/javascript; charset=utf-8')],
    ['/docs.css', staticFile(DOCS_CSS, 'text/css; charset=utf-8')],
  ]);

  const send = (c: Context, f: StaticFile) => {
    const headers = { etag: f.etag, 'cache-control': f.cacheControl };
    if (c.req.header('if-none-match') === f.etag) return c.body(null, 304, headers);
    return c.body(f.body as Uint8Array<ArrayBuffer>, 200, { ...headers, 'content-type': f.type });
  };

  app.get('/catalog.json', (c) => {
    catalog ??= staticFile(JSON.stringify(buildWebCatalog()), 'application/json; charset=utf-8');
    return send(c, catalog);
  });

  for (const [path, f] of docs) app.get(path, (c) => send(c, f));

  const methodNotAllowed = (allow: string) => (c: Context) => {
    throw new HttpProblem(405, `${c.req.method} is not allowed here; use ${allow}`, undefined, { allow });
  };
  app.all('/v1/normalize', methodNotAllowed('GET, HEAD, POST'));
  for (const p of [
    '/v1/providers',
    '/v1/providers/:id/codes',
    '/v1/unified',
    '/v1/unified/:code',
    '/v1/search',
    '/healthz',
    '/openapi.json',
    '/catalog.json',
    ...docs.keys(),
  ]) {
    app.all(p, methodNotAllowed('GET, HEAD'));
  }

  app.get('*', (c) => {
    const f = files.get(c.req.path)?.();
    if (f) return send(c, f);
    if (c.req.path === '/' || c.req.path === '/index.html') {
      return c.html(
        '<!doctype html><title>paycodes</title><p>The web catalog is not built. Run <code>npm run build</code>; the API is at <a href="/docs">/docs</a>.</p>',
        503,
      );
    }
    return c.notFound();
  });

  app.notFound((c) => problemResponse(404, `nothing at ${c.req.method} ${c.req.path}`, c.req.path));

  app.onError((err, c) => {
    if (err instanceof HttpProblem) return problemResponse(err.status, err.message, c.req.path, err.errors, err.headers);
    if (err instanceof PaycodesInputError)
      return problemResponse(400, err.message, c.req.path, [{ in: 'body', path: `/${err.field}`, message: err.message }]);
    const status = (err as { status?: unknown }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) return problemResponse(status, err.message.slice(0, 200), c.req.path);
    // The stack goes to the operator's log, never to the client.
    process.stderr.write(`paycodes: internal error on ${c.req.method} ${c.req.path}: ${err.stack ?? err.name}\n`);
    return problemResponse(500, 'the server failed to answer this request', c.req.path);
  });

  return app;
}
