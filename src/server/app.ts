import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { methodNotAllowed } from 'hono/method-not-allowed';
import { PaycodesInputError } from '../core/errors.js';
import { accessLog, type LogSink } from './access-log.js';
import { requireKey } from './auth.js';
import type { AppEnv } from './env.js';
import { HttpProblem, problemResponse } from './problem.js';
import { catalogRoutes } from './routes/catalog.js';
import { docsRoutes } from './routes/docs.js';
import { normalizeRoutes } from './routes/normalize.js';
import { retryRoutes } from './routes/retry.js';
import { searchRoutes } from './routes/search.js';
import { webRoutes } from './routes/web.js';
import { securityByPath } from './security.js';
import type { WebFiles } from './static-file.js';

export interface AppOptions {
  /**
   * When set, /v1 asks for `Authorization: Bearer <apiKey>`; the page, its assets, /docs and
   * /healthz stay open. An empty string is refused: it would turn auth off by mistake.
   */
  apiKey?: string | false | undefined;
  /** Allowed origins for cross-origin requests; `*` for any. Off when empty. */
  cors?: readonly string[] | '*' | undefined;
  /** Largest request body in bytes (1 MB by default). */
  bodyLimit?: number;
  /** The web page's built files by URL path; none by default (`startServer` finds web/dist). */
  files?: WebFiles;
  /** One line per request (method, path, status, ms); `console.error` by default, `false` for none. */
  log?: LogSink | false;
}

export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/**
 * The HTTP API and the web catalog as a Hono app, built from Hono's middleware (secure headers,
 * CORS, bearer auth, body limit, Accept-Language, 405s) and one module per route group. It uses
 * nothing beyond the Fetch API, so it runs wherever Hono runs: `app.fetch` in a worker, or
 * `startServer` on Node.
 */
export function createApp(options: AppOptions = {}): Hono<AppEnv> {
  const log = options.log === false ? undefined : (options.log ?? ((line: string) => console.error(line)));
  const key = typeof options.apiKey === 'string' ? options.apiKey : undefined;
  const app = new Hono<AppEnv>();

  if (log) app.use('*', accessLog(log));
  app.use('*', securityByPath());
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
  if (key !== undefined) app.use('/v1/*', requireKey(key));
  app.use(
    '*',
    methodNotAllowed({
      app,
      onMethodNotAllowed: (c, methods) => {
        const allow = methods.join(', ');
        return problemResponse(405, `${c.req.method} is not allowed here; use ${allow}`, c.req.path, undefined, { allow });
      },
    }),
  );

  app.route('/', normalizeRoutes(options.bodyLimit ?? DEFAULT_BODY_LIMIT));
  app.route('/', retryRoutes(options.bodyLimit ?? DEFAULT_BODY_LIMIT));
  app.route('/', catalogRoutes());
  app.route('/', searchRoutes());
  app.route('/', docsRoutes(key !== undefined));
  app.route('/', webRoutes(options.files ?? new Map()));

  app.notFound((c) => problemResponse(404, `nothing at ${c.req.method} ${c.req.path}`, c.req.path));

  app.onError((err, c) => {
    if (err instanceof HttpProblem) return problemResponse(err.status, err.message, c.req.path, err.errors, err.headers);
    if (err instanceof HTTPException) return err.getResponse();
    if (err instanceof PaycodesInputError)
      return problemResponse(400, err.message, c.req.path, [{ in: 'body', path: `/${err.field}`, message: err.message }]);
    const status = (err as { status?: unknown }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) return problemResponse(status, err.message.slice(0, 200), c.req.path);
    // The stack goes to the operator's log, never to the client.
    console.error(`paycodes: internal error on ${c.req.method} ${c.req.path}: ${err.stack ?? err.name}`);
    return problemResponse(500, 'the server failed to answer this request', c.req.path);
  });

  return app;
}
