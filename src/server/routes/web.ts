import { type Context, Hono } from 'hono';
import { compress } from 'hono/compress';
import type { AppEnv } from '../env.js';
import { HttpProblem } from '../problem.js';
import { send } from '../respond.js';
import { type StaticFile, staticFile, type WebFiles } from '../static-file.js';
import { buildWebIndex, buildWebProvider } from '../web-catalog.js';

const NOT_BUILT =
  '<!doctype html><title>paycodes</title><p>The web catalog is not built. Run <code>npm run build</code>; the API is at <a href="/docs">/docs</a>.</p>';

const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * The web page: its built files, the catalog index it loads first, and one file per provider it
 * loads on demand. Only files that exist at start-up are routes, so no request path ever reaches
 * a file system.
 */
export function webRoutes(files: WebFiles): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  // The page and its data are text that gzip shrinks to a fifth: what a phone downloads. The API's
  // answers are small, or read by programs on fast links, and stay uncompressed.
  const gzip = compress();
  r.use('/catalog.json', gzip);
  r.use('/catalog/*', gzip);
  for (const path of files.keys()) r.use(path, gzip);
  let index: StaticFile | undefined;
  const providers = new Map<string, StaticFile>();
  r.get('/catalog.json', (c) => {
    index ??= staticFile(JSON.stringify(buildWebIndex()), JSON_TYPE);
    return send(c, index);
  });
  r.get('/catalog/:file{[a-z0-9-]+\\.json}', (c) => {
    const id = c.req.param('file').slice(0, -'.json'.length);
    let f = providers.get(id);
    if (!f) {
      const body = buildWebProvider(id);
      if (!body) throw new HttpProblem(404, `no provider ${JSON.stringify(id.slice(0, 64))}`);
      f = staticFile(JSON.stringify(body), JSON_TYPE);
      providers.set(id, f);
    }
    return send(c, f);
  });
  for (const [path, load] of files) r.get(path, (c) => send(c, load()));
  if (!files.has('/')) {
    const missing = (c: Context) => c.html(NOT_BUILT, 503);
    r.get('/', missing);
    r.get('/index.html', missing);
  }
  return r;
}
