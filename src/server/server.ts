import { type Server, STATUS_CODES } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { createAdaptorServer } from '@hono/node-server';
import { type AppOptions, createApp } from './app.js';

export interface ServerOptions extends AppOptions {
  /** 8787 by default; 0 picks a free port. */
  port?: number;
  /** 127.0.0.1 by default: reachable from this machine only until you say otherwise. */
  host?: string;
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

const PARSER_STATUS = new Map<string | undefined, number>([
  ['HPE_HEADER_OVERFLOW', 431],
  ['ERR_HTTP_REQUEST_TIMEOUT', 408],
]);

/**
 * Requests Node's HTTP parser refuses (headers over its size limit, broken framing, clients too
 * slow to finish) never reach the app. They get the same problem+json shape as every other 4xx.
 */
function answerClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  // Only when nothing of a response has gone out yet: anything else would corrupt the stream.
  if (err.code !== 'ECONNRESET' && socket.writable && !inFlight?.headersSent) {
    const status = PARSER_STATUS.get(err.code) ?? 400;
    const title = STATUS_CODES[status] ?? 'Bad Request';
    const body = JSON.stringify({ type: 'about:blank', title, status, detail: 'the HTTP request could not be read' });
    socket.write(
      `HTTP/1.1 ${status} ${title}\r\nContent-Type: application/problem+json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `X-Content-Type-Options: nosniff\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}

/** Starts the app on node:http with timeouts that cut off slow clients. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const requestTimeout = options.requestTimeout ?? 30_000;
  const headersTimeout = Math.min(options.headersTimeout ?? 10_000, requestTimeout);
  const app = createApp({ ...options, apiKey: options.apiKey ?? process.env.PAYCODES_API_KEY });
  const server = createAdaptorServer({
    fetch: app.fetch,
    hostname: host,
    serverOptions: {
      requestTimeout,
      headersTimeout,
      keepAliveTimeout: 5_000,
      // Node checks the two timeouts above on this interval (30 s by default), which would let a
      // slow client overstay them by up to that much.
      connectionsCheckingInterval: Math.max(250, Math.min(1_000, headersTimeout / 2)),
    },
  }) as Server;
  server.on('clientError', answerClientError);
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
