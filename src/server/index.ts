/**
 * `paycodes/server`: the HTTP API and web catalog. `createApp` is a Hono app for any runtime Hono
 * supports; `startServer` runs it on Node with timeouts, a web root and graceful shutdown.
 */
export { type AppOptions, createApp, DEFAULT_BODY_LIMIT } from './app.js';
export { buildOpenApi } from './openapi.js';
export { type RunningServer, type ServerOptions, startServer } from './server.js';
export type { StaticFile, WebFiles } from './static-file.js';
