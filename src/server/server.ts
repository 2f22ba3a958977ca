import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import { accessLine, type LogSink } from './access-log.js';
import { type AppOptions, createApp } from './app.js';
import { problemBody, statusTitle } from './problem.js';
import { security } from './security.js';
import { findWebRoot, webFiles } from './web-root.js';

export interface ServerOptions extends Omit<AppOptions, 'files'> {
  /** 8787 by default; 0 picks a free port. */
  port?: number;
  /** 127.0.0.1 by default: reachable from this machine only until you say otherwise. */
  host?: string;
  /** The built web catalog (web/dist); found beside the package by default; `false` serves none. */
  webRoot?: string | false;
  /** Time a client has to send all request headers (10 s by default). */
  headersTimeout?: number;
  /** Time a client has to send the whole request (30 s by default). */
  requestTimeout?: number;
  /** How long shutdown waits for requests in flight before closing their connections (10 s). */
  shutdownGrace?: number;
}

export interface RunningServer {
  server: Server;
  url: string;
  port: number;
  host: string;
  /** Stops accepting, lets requests in flight finish (up to the grace period), then resolves. */
  close(): Promise<void>;
}

/**
 * Access log lines gathered per event-loop turn and written together: one write per request
 * costs more than the request under load.
 */
function stderrLog(): LogSink {
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

/** The app's own security headers, read once from its middleware, for answers the app never sees. */
async function securityHeaders(): Promise<Record<string, string>> {
  const probe = new Hono().use(security()).get('/', (c) => c.body(null, 204));
  const res = await probe.request('/');
  const out: Record<string, string> = {};
  res.headers.forEach((v, k) => {
    out[k] = v;
  });
  return out;
}

/**
 * The request targets the Fetch API cannot hold: `*` (OPTIONS asterisk form) and other paths not
 * starting with `/`, and a backslash before the query (`/v1\normalize`). The Node adapter would
 * answer them with a bare text 400; they get the API's problem+json, headers and a log line instead.
 */
function unreadableTarget(url: string): boolean {
  if (url.startsWith('http://') || url.startsWith('https://')) return false;
  if (url[0] !== '/') return true;
  const q = url.indexOf('?');
  const slash = url.indexOf('\\');
  return slash !== -1 && (q === -1 || slash < q);
}

const PARSER_STATUS = new Map<string | undefined, number>([
  ['HPE_HEADER_OVERFLOW', 431],
  ['ERR_HTTP_REQUEST_TIMEOUT', 408],
]);

/** Starts the app on node:http with timeouts that cut off slow clients. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const requestTimeout = options.requestTimeout ?? 30_000;
  const headersTimeout = Math.min(options.headersTimeout ?? 10_000, requestTimeout);
  const log = options.log === false ? undefined : (options.log ?? stderrLog());
  const files = webFiles(options.webRoot === false ? undefined : (options.webRoot ?? findWebRoot()));
  const app = createApp({ ...options, apiKey: options.apiKey ?? process.env.PAYCODES_API_KEY, files, log: log ?? false });
  const headers = await securityHeaders();

  const problem = (status: number, detail: string, instance: string) => {
    const body = problemBody(status, detail, instance);
    return { body, head: { ...headers, 'content-type': 'application/problem+json; charset=utf-8', 'cache-control': 'no-store' } };
  };

  const listener = getRequestListener(app.fetch, {
    hostname: host,
    // Requests the adapter cannot turn into a Request (no Host header, a Host it cannot parse).
    errorHandler: () => {
      const p = problem(400, 'the request target or Host header could not be read', '');
      return new Response(p.body, { status: 400, headers: p.head });
    },
  });

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '';
    if (!unreadableTarget(url)) {
      listener(req, res);
      return;
    }
    const start = performance.now();
    const path = url.split('?')[0] ?? '';
    const p = problem(400, 'the request target must be a path starting with / and without backslashes', path.slice(0, 200));
    res.writeHead(400, { ...p.head, 'content-length': Buffer.byteLength(p.body), connection: 'close' });
    res.end(p.body);
    req.resume();
    log?.(accessLine(req.method ?? '-', path, 400, performance.now() - start));
  };

  const server = createServer(
    {
      requestTimeout,
      headersTimeout,
      keepAliveTimeout: 5_000,
      // Node checks the two timeouts above on this interval (30 s by default), which would let a
      // slow client overstay them by up to that much.
      connectionsCheckingInterval: Math.max(250, Math.min(1_000, headersTimeout / 2)),
    },
    onRequest,
  );

  /**
   * Requests Node's HTTP parser refuses (headers over its size limit, broken framing, clients too
   * slow to finish) never reach the app. They get the same problem+json shape as every other 4xx.
   */
  server.on('clientError', (err: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket: Duplex) => {
    const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    // Only when nothing of a response has gone out yet: anything else would corrupt the stream.
    if (err.code !== 'ECONNRESET' && socket.writable && !inFlight?.headersSent) {
      const status = PARSER_STATUS.get(err.code) ?? 400;
      const p = problem(status, 'the HTTP request could not be read', '');
      const lines = Object.entries(p.head).map(([k, v]) => `${k}: ${v}\r\n`);
      socket.write(
        `HTTP/1.1 ${status} ${statusTitle(status)}\r\n${lines.join('')}Content-Length: ${Buffer.byteLength(p.body)}\r\nConnection: close\r\n\r\n${p.body}`,
      );
      // The request line as far as it was read, without its query: the parser keeps the raw bytes.
      const line = /^([^ \r\n]{1,16}) ([^ ?\r\n]{1,2048})/.exec(err.rawPacket?.toString('latin1') ?? '');
      log?.(accessLine(line?.[1] ?? '-', line?.[2] ?? '-', status, 0));
    }
    socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8787, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const addr = server.address() as AddressInfo;
  const shownHost = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= new Promise<void>((resolve) => {
      const force = setTimeout(() => server.closeAllConnections(), options.shutdownGrace ?? 10_000);
      force.unref();
      server.close(() => {
        clearTimeout(force);
        resolve();
      });
      server.closeIdleConnections();
    });
    return closing;
  };
  return { server, url: `http://${shownHost}:${addr.port}/`, port: addr.port, host: addr.address, close };
}
