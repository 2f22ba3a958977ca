import type { MiddlewareHandler } from 'hono';

export type LogSink = (line: string) => void;

const HEX = '0123456789abcdef';

/**
 * A log field with control characters (C0, DEL, C1), line and paragraph separators and the
 * backslash written as `\xNN`/`\uNNNN`: a decoded `%0a` cannot forge a line and `%1b` cannot
 * reach a terminal. One pass over the characters, no regex.
 */
export function logField(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c !== 0x5c && !(c >= 0x7f && c <= 0x9f) && c !== 0x2028 && c !== 0x2029) continue;
    out += s.slice(from, i);
    out += c === 0x5c ? '\\\\' : c <= 0xff ? `\\x${HEX[c >> 4]}${HEX[c & 15]}` : `\\u${c.toString(16).padStart(4, '0')}`;
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

export function accessLine(method: string, path: string, status: number, ms: number): string {
  return `${logField(method)} ${logField(path)} ${status} ${ms.toFixed(1)}ms`;
}

/**
 * One line per request: method, decoded path, status, time. Never the query string, the headers
 * or the body: they may carry keys or customer data. Hono's own logger writes two lines per
 * request with the raw path and no escaping, so this is the same idea in one line.
 */
export function accessLog(sink: LogSink): MiddlewareHandler {
  return async (c, next) => {
    const start = performance.now();
    await next();
    sink(accessLine(c.req.method, c.req.path, c.res.status, performance.now() - start));
  };
}
