import { type RunningServer, type ServerOptions, startServer } from '../../src/server/server.js';

export interface TestServer extends RunningServer {
  logs: string[];
  get(path: string, init?: RequestInit): Promise<Response>;
  post(path: string, body: unknown, init?: RequestInit): Promise<Response>;
}

/** A real server on 127.0.0.1 with a free port; its access log is captured instead of printed. */
export async function testServer(options: ServerOptions = {}): Promise<TestServer> {
  const logs: string[] = [];
  const s = await startServer({ port: 0, host: '127.0.0.1', apiKey: false, log: (l) => logs.push(l), ...options });
  const base = s.url.replace(/\/$/, '');
  return Object.assign(s, {
    logs,
    get: (path: string, init: RequestInit = {}) => fetch(base + path, init),
    post: (path: string, body: unknown, init: RequestInit = {}) =>
      fetch(base + path, {
        method: 'POST',
        ...init,
        headers: { 'content-type': 'application/json', ...(init.headers as Record<string, string> | undefined) },
        body: typeof body === 'string' || body instanceof Uint8Array ? (body as BodyInit) : JSON.stringify(body),
      }),
  });
}
