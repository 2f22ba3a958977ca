export { type AppOptions, createApp, DEFAULT_BODY_LIMIT, languageFromHeader } from './app.js';
export { buildOpenApi } from './openapi.js';
export { type RunningServer, type ServerOptions, startServer } from './server.js';
