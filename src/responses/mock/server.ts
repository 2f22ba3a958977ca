import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { type Obj, parseBody } from '../body.js';
import type { ResponsesCatalog } from '../catalog.js';
import { defaultCatalog } from '../default-catalog.js';
import { mockFor } from './registry.js';
import { parseStep, type Scenario, type Step } from './scenario.js';
import type { Call, MockContext, MockProvider, Named, Order, Reply } from './types.js';

/**
 * Magic amounts: the cents of the amount pick an outcome when no header or scenario does
 * (x.00 succeeds). Steps repeat their last entry, so `02` is pending twice, then succeeds.
 */
export const MAGIC: ReadonlyArray<{ cents: number; label: string; steps: (Named | { named: Named; fault: Step['fault'] })[] }> = [
  { cents: 1, label: 'insufficient funds', steps: ['insufficient'] },
  { cents: 2, label: 'pending, pending, then succeeded', steps: ['pending', 'pending', 'success'] },
  { cents: 3, label: 'pending forever', steps: ['pending'] },
  { cents: 4, label: 'generic decline', steps: ['decline'] },
  { cents: 5, label: 'provider system error (HTTP 5xx where the provider uses HTTP errors)', steps: ['system'] },
  {
    cents: 6,
    label: 'payment call never answered (timeout); the payment went through',
    steps: [{ named: 'success', fault: 'timeout' }, 'success'],
  },
  { cents: 7, label: 'connection dropped; the payment went through', steps: [{ named: 'success', fault: 'drop' }, 'success'] },
  { cents: 8, label: 'unparsable 200 body; the payment went through', steps: [{ named: 'success', fault: 'garbage' }, 'success'] },
  { cents: 9, label: 'awaiting the customer twice, then succeeded', steps: ['awaiting', 'awaiting', 'success'] },
];

/** The fields that say what happened, for the one-line call log. */
function summary(provider: MockProvider, body: Obj | string): string {
  if (typeof body === 'string') return `(unparsable) ${body.slice(0, 40)}`;
  return provider.summary(body) || JSON.stringify(body).slice(0, 80);
}

const MAX_REQUEST_BYTES = 1 << 20;
/** A "timeout" holds the socket at most this long, so a forgotten client cannot pin the server. */
const HOLD_MS = 10 * 60_000;

export interface MockOptions {
  /** A provider id or alias whose envelope describes a mock. */
  provider: string;
  /** The catalog to serve from (the embedded one by default). */
  catalog?: ResponsesCatalog;
  scenario?: Scenario;
  /** Key for eftPay response signatures and OTT Pay data encryption. */
  signKey?: string;
  /** One line per call, e.g. to stderr. */
  log?: (line: string) => void;
  now?: () => number;
}

export interface MockServer {
  server: Server;
  provider: MockProvider;
  orders: Map<string, Order>;
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

export const DEFAULT_SIGN_KEY = 'paycodes-mock-key';

interface Script {
  steps: Step[];
  index: number;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  const s = Array.isArray(v) ? v[0] : v;
  return s === undefined || s.trim() === '' ? undefined : s.trim();
}

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_REQUEST_BYTES) {
        resolve(undefined);
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(undefined));
  });
}

export function createMockServer(opts: MockOptions): MockServer {
  const provider = mockFor(opts.catalog ?? defaultCatalog, opts.provider);
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let closed = false;
  const wake = new Set<() => void>();
  const orders = new Map<string, Order>();
  const byTrade = new Map<string, string>();
  const scripts = new Map<string, Script>();
  const sockets = new Set<Socket>();
  const held = new Set<ServerResponse>();
  let seq = 0;
  const now = opts.now ?? Date.now;
  const ctx: MockContext = {
    signKey: opts.signKey ?? DEFAULT_SIGN_KEY,
    fields: provider.fields,
    now,
    nextId: () => `${now()}${String(++seq).padStart(6, '0')}`,
  };
  const log = opts.log ?? (() => {});

  const magicSteps = (amount: number | undefined): Step[] | undefined => {
    if (amount === undefined) return undefined;
    const m = MAGIC.find((x) => x.cents === amount % 100);
    return m?.steps.map((s) => (typeof s === 'string' ? provider.named[s] : { ...provider.named[s.named], fault: s.fault }));
  };

  /**
   * The next scripted step for an order: scenario entry, then scenario default, then magic amount.
   * A call without an order id still gets its magic amount (once: there is no order to follow).
   */
  const scripted = (key: string | undefined, amount: number | undefined): Step => {
    if (key === undefined) return opts.scenario?.default?.[0] ?? magicSteps(amount)?.[0] ?? {};
    let s = scripts.get(key);
    if (s === undefined) {
      const steps = opts.scenario?.orders.get(key) ?? opts.scenario?.default ?? magicSteps(amount);
      if (steps === undefined) return {};
      s = { steps, index: 0 };
      scripts.set(key, s);
    }
    const step = s.steps[Math.min(s.index, s.steps.length - 1)] as Step;
    s.index++;
    return step;
  };

  const fromHeaders = (req: IncomingMessage): Step | undefined => {
    const parts = [
      header(req, 'x-paycodes-fault'),
      header(req, 'x-paycodes-http') && `http:${header(req, 'x-paycodes-http')}`,
      header(req, 'x-paycodes-delay') && `delay:${header(req, 'x-paycodes-delay')}`,
    ];
    const step = parseStep(parts.filter(Boolean).join('+'), () => false);
    const code = header(req, 'x-paycodes-code');
    const state = header(req, 'x-paycodes-state');
    if (code !== undefined) step.code = code;
    if (state !== undefined) step.state = state;
    return Object.keys(step).length > 0 ? step : undefined;
  };

  const send = (res: ServerResponse, r: Reply): void => {
    const text = typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
    res.writeHead(r.status, {
      'content-type': typeof r.body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
      'x-paycodes-mock': provider.id,
      ...r.headers,
    });
    res.end(text);
  };

  const admin = (req: IncomingMessage, res: ServerResponse, path: string): boolean => {
    if (path === '/_paycodes/health') send(res, { status: 200, body: { ok: true, provider: provider.id } });
    else if (path === '/_paycodes/orders') send(res, { status: 200, body: { orders: [...orders.values()] as unknown as Obj[] } as Obj });
    else if (path === '/_paycodes/reset' && req.method === 'POST') {
      orders.clear();
      byTrade.clear();
      scripts.clear();
      send(res, { status: 200, body: { ok: true } });
    } else return false;
    return true;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://mock.invalid');
    let end = url.pathname.length;
    while (end > 0 && url.pathname[end - 1] === '/') end--;
    const path = url.pathname.slice(0, end) || '/';
    if (path.startsWith('/_paycodes/') && admin(req, res, path)) return;
    const text = await readBody(req);
    if (text === undefined) return send(res, { status: 413, body: { error: 'request body too large' } });
    const parsed = text.trim() === '' ? { ok: true as const, value: {} } : parseBody(text);
    const body: Obj = parsed.ok ? parsed.value : {};
    for (const [k, v] of url.searchParams)
      if (!Object.hasOwn(body, k)) Object.defineProperty(body, k, { value: v, enumerable: true, writable: true, configurable: true });
    const call: Call | undefined = provider.route(req.method ?? 'GET', path, body, ctx);
    if (call === undefined) {
      return send(res, { status: 404, body: { error: `no ${provider.id} endpoint ${req.method} ${path}`, endpoints: provider.endpoints } });
    }
    // A call names its order by the merchant's id or by the provider's trade number (a refund may carry its own id).
    const known = call.orderId !== undefined && orders.has(call.orderId) ? call.orderId : undefined;
    const key = known ?? (call.tradeNo !== undefined ? byTrade.get(call.tradeNo) : undefined) ?? call.orderId;
    const order = key !== undefined ? orders.get(key) : undefined;
    const step = fromHeaders(req) ?? scripted(key ?? call.orderId, call.amount ?? order?.amount);

    if (step.delay) {
      // Tracked, so close() (SIGTERM) ends a pending delay instead of waiting it out.
      await new Promise<void>((r) => {
        const done = () => {
          timers.delete(t);
          wake.delete(done);
          r();
        };
        const t = setTimeout(done, step.delay);
        timers.add(t);
        wake.add(done);
      });
      if (closed) return;
    }
    let reply: Reply;
    if (step.http !== undefined) {
      reply = { status: step.http, body: provider.httpError(step.http, step) };
    } else {
      const result = provider.answer(call, order, step, ctx);
      if (result.order) {
        orders.set(result.order.id, result.order);
        byTrade.set(result.order.tradeNo, result.order.id);
      }
      reply = result.reply;
    }
    const tag = `${req.method} ${path} order=${key ?? call.orderId ?? '-'}`;
    if (step.fault === 'timeout') {
      log(`${tag} → (no answer: timeout)`);
      held.add(res);
      const t = setTimeout(() => res.destroy(), HOLD_MS);
      res.on('close', () => {
        clearTimeout(t);
        held.delete(res);
      });
      return;
    }
    if (step.fault === 'drop') {
      log(`${tag} → (connection dropped)`);
      req.socket.destroy();
      return;
    }
    if (step.fault === 'garbage') reply = { status: 200, body: '<html><body>502 Bad Gateway</body></html>' };
    log(`${tag} → ${reply.status} ${summary(provider, reply.body)}`);
    send(res, reply);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) send(res, { status: 500, body: { error: `mock failure: ${(e as Error)?.message ?? String(e)}` } });
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  return {
    server,
    provider,
    orders,
    listen(port = 0, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const a = server.address();
          if (a === null || typeof a === 'string') return reject(new Error('no address'));
          const h = a.family === 'IPv6' ? `[${a.address}]` : a.address;
          resolve(`http://${h}:${a.port}`);
        });
      });
    },
    close() {
      closed = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      for (const r of wake) r();
      wake.clear();
      return new Promise((resolve) => {
        for (const r of held) r.destroy();
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      });
    },
  };
}
