import { Hono } from 'hono';
import { listProviders } from '../../catalog/api.js';
import { VERSION } from '../../version.js';
import { DOCS_CSS, DOCS_HTML, DOCS_JS } from '../docs-page.js';
import type { AppEnv } from '../env.js';
import { buildOpenApi } from '../openapi.js';
import { send } from '../respond.js';
import { type StaticFile, staticFile } from '../static-file.js';

/** What the server is and how to call it: /healthz, /openapi.json and the /docs page. */
export function docsRoutes(auth: boolean): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  let openapi: string | undefined;

  r.get('/healthz', (c) => {
    const providers = listProviders();
    return c.json(
      { status: 'ok', version: VERSION, providers: providers.length, entries: providers.reduce((n, p) => n + p.entries, 0) },
      200,
      { 'cache-control': 'no-store' },
    );
  });

  r.get('/openapi.json', (c) => {
    openapi ??= JSON.stringify(buildOpenApi({ auth }));
    return c.body(openapi, 200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-cache' });
  });

  const files = new Map<string, StaticFile>([
    ['/docs', staticFile(DOCS_HTML, 'text/html; charset=utf-8')],
    ['/docs.js', staticFile(DOCS_JS, 'text/javascript; charset=utf-8')],
    ['/docs.css', staticFile(DOCS_CSS, 'text/css; charset=utf-8')],
  ]);
  for (const [path, f] of files) r.get(path, (c) => send(c, f));
  return r;
}
