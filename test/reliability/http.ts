import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect, type Socket } from 'node:net';

export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  json: unknown;
}

/** One HTTP request with exactly the headers and bytes given; `chunks` are sent without Content-Length. */
export function send(
  port: number,
  opts: { method?: string; path: string; headers?: Record<string, string | number>; body?: string | Buffer; chunks?: Buffer[] },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers ?? {}, agent: false },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (b: Buffer) => parts.push(b));
        res.on('error', reject);
        res.on('end', () => {
          const body = Buffer.concat(parts).toString('utf8');
          let json: unknown;
          try {
            json = JSON.parse(body);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json });
        });
      },
    );
    req.on('error', reject);
    if (opts.chunks) {
      const chunks = [...opts.chunks];
      const pump = () => {
        let c = chunks.shift();
        while (c !== undefined) {
          if (!req.write(c)) {
            req.once('drain', pump);
            return;
          }
          c = chunks.shift();
        }
        req.end();
      };
      pump();
    } else req.end(opts.body);
  });
}

/** Raw bytes on a socket: for requests node's client refuses to build. Resolves with all bytes read until the server closes. */
export function raw(port: number, bytes: Buffer | string): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = connect(port, '127.0.0.1');
    const parts: Buffer[] = [];
    s.on('data', (b: Buffer) => parts.push(b));
    s.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' ? resolve(Buffer.concat(parts).toString('latin1')) : reject(e)));
    s.on('close', () => resolve(Buffer.concat(parts).toString('latin1')));
    s.end(bytes);
  });
}

export interface SlowResult {
  /** Bytes sent before the server closed the connection. */
  sent: number;
  /** Whether every byte was sent (the server never cut the client off). */
  finished: boolean;
  /** What the server said, if anything, before closing. */
  reply: string;
  ms: number;
}

/**
 * Sends `prefix` at once, then `trickle` one byte every `everyMs`, and never ends the request
 * itself: only the server can close it. `finished` tells whether it outlasted the whole trickle.
 */
export function slowClient(port: number, prefix: string, trickle: string, everyMs: number): Promise<SlowResult> {
  return new Promise((resolve) => {
    const start = performance.now();
    const s: Socket = connect(port, '127.0.0.1');
    let sent = 0;
    let timer: NodeJS.Timeout | undefined;
    const parts: Buffer[] = [];
    let done = false;
    const finish = (finished: boolean) => {
      if (done) return;
      done = true;
      clearInterval(timer);
      s.destroy();
      resolve({ sent, finished, reply: Buffer.concat(parts).toString('latin1'), ms: performance.now() - start });
    };
    s.on('data', (b: Buffer) => parts.push(b));
    s.on('close', () => finish(false));
    s.on('error', () => finish(false));
    s.on('connect', () => {
      s.write(prefix);
      sent += prefix.length;
      let i = 0;
      timer = setInterval(() => {
        if (i >= trickle.length) return finish(true);
        if (!s.destroyed) s.write(trickle[i++] as string);
        sent++;
      }, everyMs);
    });
  });
}
