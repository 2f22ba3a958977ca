import { type Context, Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { send } from '../respond.js';
import { type StaticFile, staticFile, type WebFiles } from '../static-file.js';
import { buildWebCatalog } from '../web-catalog.js';

const NOT_BUILT =
  '<!doctype html><title>paycodes</title><p>The web catalog is not built. Run <code>npm run build</code>; the API is at <a href="/docs">/docs</a>.</p>';

/**
 * The web page: its built files, and the catalog it reads (public like the page, so the page
 * works when an API key guards /v1). Only files that exist at start-up are routes, so no request
 * path ever reaches a file system.
 */
export function webRoutes(files: WebFiles): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  let catalog: StaticFile | undefined;
  r.get('/catalog.json', (c) => {
    catalog ??= staticFile(JSON.stringify(buildWebCatalog()), 'application/json; charset=utf-8');
    return send(c, catalog);
  });
  for (const [path, load] of files) r.get(path, (c) => send(c, load()));
  if (!files.has('/')) {
    const missing = (c: Context) => c.html(NOT_BUILT, 503);
    r.get('/', missing);
    r.get('/index.html', missing);
  }
  return r;
}
