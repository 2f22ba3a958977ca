import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
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
