import type { Decision } from '../../core/types.js';
import { isObj, type Obj, parseBody } from '../body.js';
import type { ResponsesCatalog } from '../catalog.js';
import { DECODER_REGISTRY } from '../decoders.js';
import { at, type EnvelopeData, type StateTable, strAt } from '../envelope.js';
import { acceptedCode } from '../extract.js';
import { SCHEMES } from '../schemes.js';
import { compact, decimal, newOrder, readCall } from './common.js';
import type { Step } from './scenario.js';
import type { Call, MockAdapter, MockContext, Order, Refund, Reply } from './types.js';

/** Meanings a provider reports as a declined payment (a failed state with its code), not as a refused call. */
const DECLINES = new Set(['funds_limits', 'card_account', 'issuer_decline', 'risk', 'authentication', 'customer_data', 'customer_choice']);

/** Sets a dotted path, creating objects on the way (`__proto__` is an ordinary key). */
function put(o: Obj, path: string, value: unknown): void {
  const keys = path.split('.');
  let cur = o;
  for (const k of keys.slice(0, -1)) {
    const next = Object.hasOwn(cur, k) ? cur[k] : undefined;
    if (typeof next !== 'object' || next === null || Array.isArray(next))
      Object.defineProperty(cur, k, { value: {}, enumerable: true, writable: true, configurable: true });
    cur = cur[k] as Obj;
  }
  Object.defineProperty(cur, keys[keys.length - 1] as string, { value, enumerable: true, writable: true, configurable: true });
}

/** The state value a table uses for a meaning (the first row that means it), e.g. QFPay cancel `3` for already_refunded. */
function rowFor(rows: Record<string, { unified: string }>, ...meanings: string[]): string | undefined {
  for (const m of meanings) {
    const k = Object.keys(rows).find((v) => rows[v]?.unified === m);
    if (k !== undefined) return k;
  }
  return undefined;
}

/** An endpoint template (`GET /api/v1/trade/{trade_id}`) as a matcher that binds its `{field}` segments into the body. */
function matcher(endpoint: string): (method: string, path: string, body: Obj) => boolean {
  const [m, template = ''] = endpoint.split(' ');
  const parts = template.split('/');
  return (method, path, body) => {
    const segs = path.split('/');
    if (method !== m || segs.length !== parts.length) return false;
    const bound: [string, string][] = [];
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i] as string;
      const s = segs[i] as string;
      if (p.startsWith('{') && p.endsWith('}') && s !== '') bound.push([p.slice(1, -1), decodeURIComponent(s)]);
      else if (p !== s) return false;
    }
    for (const [k, v] of bound) put(body, k, v);
    return true;
  };
}

/**
 * The mock for a provider, from its envelope data alone: `mock.operations` routes calls, `mock.fields`
 * names the request fields, and answers put the request code, the state, the decline code, the
 * success wrapper (`unwrap`), refund markers and enquiry records (`records`) where `fromResponse`
 * reads them. What a step means comes from the catalog: a code that says succeeded moves the order to
 * the paid state, a failed code with a decline-code field becomes the failed state with that code,
 * any other code refuses the call (at HTTP 200, or with an HTTP status when `request.http` is 2xx).
 */
export function genericMock(cat: ResponsesCatalog, id: string, env: EnvelopeData): MockAdapter {
  const mock = env.mock;
  if (mock === undefined || (mock.operations === undefined && mock.actions === undefined))
    throw new Error(`paycodes: ${id} has no envelope.mock.operations or actions (the mock needs one)`);
  const routes = Object.entries(mock.operations ?? {}).flatMap(([op, e]) =>
    (Array.isArray(e) ? e : [e]).map((endpoint) => ({ op: op as Call['op'], match: matcher(endpoint) })),
  );
  const actionRoutes = mock.actions === undefined ? [] : mock.endpoints.map(matcher);
  /** The operation an `actions` field names: the value, or its last `.` segment, in any case. */
  const actionOf = (body: Obj): Call['op'] | undefined => {
    const a = mock.actions;
    const v = a === undefined ? undefined : strAt(body, a.field)?.toUpperCase();
    if (a === undefined || v === undefined) return undefined;
    const last = v.split('.').pop() ?? v;
    for (const op of ['payment', 'query', 'refund', 'close', 'reversal', 'capture'] as const)
      if ((a[op] ?? []).some((x) => x.toUpperCase() === v || x.toUpperCase() === last)) return op;
    return undefined;
  };
  /** A request whose encoded part (`envelope.decode`) is decoded with the mock's key, or read as plain JSON. */
  const decodedRequest = (body: Obj, ctx: MockContext): Obj => {
    const d = env.decode;
    const v = d === undefined ? undefined : at(body, d.field);
    if (d === undefined || typeof v !== 'string') return body;
    const r = DECODER_REGISTRY[d.scheme](v, strAt(body, d.check), ctx.signKey);
    const plain = r.ok ? r : parseBody(v);
    if (plain.ok && isObj(plain.value)) put(body, d.field, plain.value);
    return body;
  };
  /** Signs (or encrypts) a reply the way the provider does, with the mock's key. */
  const signed = (r: Reply, ctx: MockContext): Reply => {
    const s = mock.signReplies;
    const sig = env.signature;
    if (s === undefined || sig === undefined || typeof r.body === 'string') return r;
    const code = strAt(r.body, codeField);
    if (s.unsignedPrefix !== undefined && code?.startsWith(s.unsignedPrefix)) return r;
    if (env.decode !== undefined && at(r.body, env.decode.field) === undefined) return r;
    if (s.time !== undefined) put(r.body, s.time, compact(ctx.now()));
    return { ...r, body: JSON.parse(SCHEMES[sig.scheme].sign(sig, r.body, ctx.signKey, '').body) as Obj };
  };
  const fields = mock.fields;
  const table = env.states[mock.stateTable];
  if (table === undefined) throw new Error(`paycodes: ${id} envelope.mock.stateTable names no state table`);
  const codeField = env.request.code[0] as string;
  const messageField = env.request.message?.[0];
  const accepted = acceptedCode(env);
  const byHttp = env.request.http === '2xx';
  const wrapper = env.unwrap?.field;
  const errors = mock.errors ?? {};
  const paid = mock.named.success.state ?? rowFor(table.payment, 'approved') ?? '';
  const failedState = Object.keys(table.payment).find((k) => table.payment[k]?.useCode);
  const refundTable = Object.values(env.states).find((t) => Object.keys(t.refund).length > 0) ?? table;
  const refunded = rowFor(refundTable.refund, 'refund_succeeded') ?? paid;
  const over = table.overriddenBy === undefined ? undefined : env.states[table.overriddenBy.table];
  const records = env.records;
  const recordTable: StateTable | undefined = records === undefined ? undefined : env.states[records.state.table];
  const isAccepted = (code: string | undefined) => code === undefined || code === accepted;
  /** The table's own spelling of a state word (scenarios and headers may use any case). */
  const stateOf = (s: string): string => {
    const keys = [...Object.keys(table.payment), ...Object.keys(table.refund)];
    return keys.find((k) => k === s) ?? keys.find((k) => k.toUpperCase() === s.toUpperCase()) ?? s;
  };

  const decide = (code: string): Decision | undefined => {
    try {
      return cat.normalize({ provider: id, code, flow: 'payment' });
    } catch {
      return undefined;
    }
  };
  const text = (code: string): string => {
    const d = decide(code);
    return d?.source?.messages.en ?? Object.values(d?.source?.messages ?? {})[0] ?? 'mock error';
  };
  /** A mock's guess at the HTTP status a provider gives a refusal, from the code's meaning (the 4xx/5xx/429 split the sources name). */
  const httpOf = (code: string): number => {
    const d = decide(code);
    if (d?.unified === 'rate_limited') return 429;
    if (d?.category === 'provider' || d?.category === 'unknown_outcome') return 500;
    return 400;
  };
  const reply = (code: string | undefined, inner: Obj | undefined, status = 200): Reply => {
    const body: Obj = {};
    const c = code ?? accepted;
    if (c !== undefined) put(body, codeField, c);
    if (messageField !== undefined && c !== undefined) put(body, messageField, isAccepted(c) ? 'success' : text(c));
    if (inner !== undefined) {
      if (wrapper === undefined) for (const [k, v] of Object.entries(inner)) put(body, k, v);
      else put(body, wrapper, inner);
    }
    return { status, body };
  };
  /** A refused call: the code at HTTP 200, or with an HTTP error status when the status is the acceptance. */
  const refuse = (code: string): Reply => (byHttp ? reply(code, undefined, httpOf(code)) : reply(code, undefined));
  const amountOf = (minor: number, o?: Order): string | number =>
    fields.amountUnit === 'decimal' ? decimal(minor) : o?.amountIsNumber ? minor : String(minor);
  const orderFields = (o: Order): Obj => {
    const out: Obj = {};
    put(out, fields.orderId, o.id);
    if (fields.tradeNo) put(out, fields.tradeNo, o.tradeNo);
    put(out, fields.amount, amountOf(o.amount, o));
    if (fields.currency) put(out, fields.currency, o.currency);
    if (!(mock.preorder && o.preordered)) put(out, table.field, o.state);
    if (o.code !== undefined && table.code !== undefined) {
      put(out, table.code, o.code);
      if (table.message?.[0] !== undefined) put(out, table.message[0], o.message ?? text(o.code));
    }
    const refundState =
      over === undefined || o.refunded === 0
        ? undefined
        : rowFor(over.payment, o.refunded >= o.amount ? 'already_refunded' : 'partially_refunded');
    if (over !== undefined && refundState !== undefined) put(out, over.field, refundState);
    return out;
  };
  /** An enquiry's records: the payment, then its refunds, each in the records' shape. */
  const recordList = (o: Order): Obj[] => {
    if (records === undefined || recordTable === undefined) return [];
    const one = (kind: string, code: string | undefined, state: string | undefined, ref: string, amount: number): Obj => {
      const rec: Obj = {};
      put(rec, records.select.field, kind);
      put(rec, records.code, code ?? accepted ?? '');
      if (records.message?.[0] !== undefined) put(rec, records.message[0], isAccepted(code) ? 'success' : text(code as string));
      if (state !== undefined) put(rec, recordTable.field, state);
      for (const k of records.keep ?? []) put(rec, k, ref);
      put(rec, fields.orderId, ref === o.tradeNo ? o.id : ref);
      put(rec, fields.amount, amountOf(amount));
      if (fields.currency) put(rec, fields.currency, o.currency);
      return rec;
    };
    const state =
      o.cancelled ??
      rowFor(recordTable.payment, o.refunded === 0 ? 'approved' : o.refunded >= o.amount ? 'already_refunded' : 'partially_refunded');
    // A payment whose state is not the paid one shows its code (a pending or failed record speaks in codes).
    const code = o.code ?? (o.state === paid ? undefined : mock.named[o.state === failedState ? 'decline' : 'pending'].code);
    const refundState = rowFor(recordTable.refund, 'refund_succeeded');
    return [
      one(records.select.payment ?? 'payment', code, state, o.tradeNo, o.amount),
      ...o.refunds.map((r) => one(records.select.refund ?? 'refund', r.code, refundState, r.id, r.amount)),
    ];
  };
  /** A step on an order: a code moves it to the paid or failed state, or refuses the call; a state moves it. */
  const apply = (o: Order, step: Step): Reply | undefined => {
    if (step.code !== undefined && !isAccepted(step.code)) {
      const d = decide(step.code);
      const pendingState = byHttp && d?.known && d.outcome === 'pending' ? rowFor(table.payment, d.unified, 'processing') : undefined;
      if (d?.known && d.outcome === 'succeeded') {
        o.state = paid;
        delete o.code;
      } else if (d?.known && DECLINES.has(d.category) && failedState !== undefined && table.code !== undefined) {
        o.state = failedState;
        o.code = step.code;
      } else if (pendingState !== undefined) {
        // A provider that reports states in the body shows a "still processing" code as that state.
        o.state = pendingState;
        delete o.code;
      } else {
        // A code-level provider's refusal is the order's state in code form (QFPay 1145 on the next enquiry too).
        if (!byHttp) o.code = step.code;
        return refuse(step.code);
      }
    } else if (step.code !== undefined) delete o.code;
    if (step.state !== undefined) {
      o.state = stateOf(step.state);
      if (o.state !== failedState) delete o.code;
      else o.code ??= mock.named.decline.code;
    }
    return undefined;
  };
  const answerOrder = (o: Order): Reply => reply(accepted, orderFields(o));
  /** A refund as the provider shows it: its id, state, amount and the payment it belongs to. */
  const refundFields = (o: Order, r: Refund): Obj => {
    const inner: Obj = {};
    if (fields.refundOrderId !== undefined) put(inner, fields.refundOrderId, o.id);
    const marker = env.refundWhen?.[0] ?? fields.refundId;
    if (marker !== undefined && at(inner, marker) === undefined) put(inner, marker, r.id);
    if (fields.refundId !== undefined && at(inner, fields.refundId) === undefined) put(inner, fields.refundId, r.id);
    if (fields.refundNo !== undefined) put(inner, fields.refundNo, r.id);
    put(inner, refundTable.field, r.state);
    if (fields.tradeNo) put(inner, fields.tradeNo, o.tradeNo);
    put(inner, fields.amount, amountOf(r.amount, o));
    if (fields.currency) put(inner, fields.currency, o.currency);
    return inner;
  };

  const answer = (call: Call, order: Order | undefined, step: Step, ctx: MockContext): { reply: Reply; order?: Order } => {
    if (call.op === 'payment') {
      if (order !== undefined && errors.duplicate !== undefined) return { order, reply: refuse(errors.duplicate) };
      const o = order ?? newOrder(call, paid, ctx);
      if (order === undefined && call.currency === undefined && mock.currency !== undefined) o.currency = mock.currency;
      // A pre-order's answer says nothing about the money; the state shows from the next call on.
      if (order === undefined && mock.preorder) o.preordered = true;
      const refused = apply(o, step);
      if (refused !== undefined && byHttp && order === undefined) return { reply: refused };
      return { order: o, reply: refused ?? answerOrder(o) };
    }
    if (order === undefined) {
      // An enquiry that finds nothing answers with an empty record list, as the provider does.
      if (records !== undefined && call.op === 'query') return { reply: reply(accepted, { [records.field]: [] }) };
      return { reply: errors.notFound === undefined ? reply('ORDER_NOT_FOUND', undefined, 404) : refuse(errors.notFound) };
    }
    if (call.op === 'refund') {
      if (step.code !== undefined && !isAccepted(step.code)) return { order, reply: refuse(step.code) };
      const paidNow = table.payment[order.state]?.unified;
      if (errors.notRefundable !== undefined && paidNow !== 'approved' && paidNow !== 'partially_refunded')
        return { order, reply: refuse(errors.notRefundable) };
      const amount = call.amount ?? order.amount - order.refunded;
      if (errors.overRefund !== undefined && order.refunded + amount > order.amount) return { order, reply: refuse(errors.overRefund) };
      const rid = call.refundId ?? ctx.nextId();
      const state = step.state ?? refunded;
      order.refunds.push({ id: rid, amount, state });
      if (state === refunded) {
        order.refunded += amount;
        // Without a precedence table the order's own state says it was refunded (SHOPLINE PARTIALLY_REFUND).
        const after = rowFor(table.payment, order.refunded >= order.amount ? 'already_refunded' : 'partially_refunded');
        if (over === undefined && after !== undefined) order.state = after;
      }
      return { order, reply: reply(accepted, refundFields(order, order.refunds.at(-1) as Refund)) };
    }
    if (call.op === 'query' && call.refundNo !== undefined) {
      const r = order.refunds.find((x) => x.id === call.refundNo);
      if (r === undefined) return { order, reply: refuse(errors.notFound ?? 'ORDER_NOT_FOUND') };
      if (step.state !== undefined) r.state = stateOf(step.state);
      return { order, reply: reply(accepted, refundFields(order, r)) };
    }
    if (call.op === 'close' || call.op === 'reversal') {
      if (step.code !== undefined && !isAccepted(step.code)) return { order, reply: refuse(step.code) };
      if (errors.notCancellable !== undefined && order.state === paid) return { order, reply: refuse(errors.notCancellable) };
      const cancelled = rowFor(recordTable?.payment ?? {}, 'already_cancelled');
      if (cancelled !== undefined) order.cancelled = cancelled;
      else order.state = rowFor(table.payment, 'already_cancelled', 'already_closed') ?? order.state;
      return { order, reply: answerOrder(order) };
    }
    if (call.op === 'capture') {
      if (errors.notCapturable !== undefined && order.state === paid) return { order, reply: refuse(errors.notCapturable) };
      order.state = paid;
      return { order, reply: answerOrder(order) };
    }
    delete order.preordered;
    const refused = apply(order, step);
    if (refused) return { order, reply: refused };
    if (records !== undefined && call.op === 'query') return { order, reply: reply(accepted, { [records.field]: recordList(order) }) };
    if (order.code !== undefined && order.state !== failedState) return { order, reply: refuse(order.code) };
    return { order, reply: answerOrder(order) };
  };

  return {
    route(method, path, body, ctx) {
      const r = routes.find((x) => x.match(method, path, body));
      if (r !== undefined) return readCall(r.op, decodedRequest(body, ctx), fields);
      const op = actionRoutes.some((match) => match(method, path, body)) ? actionOf(body) : undefined;
      return op === undefined ? undefined : readCall(op, decodedRequest(body, ctx), fields);
    },
    answer(call, order, step, ctx) {
      const result = answer(call, order, step, ctx);
      return { ...result, reply: signed(result.reply, ctx) };
    },
    httpError: (status, step) => {
      // A provider whose HTTP status is its acceptance answers errors with its code; others document no HTTP error body.
      if (!byHttp) return { error: `HTTP ${status}` };
      return reply(step.code ?? mock.named.system.code ?? 'SYSTEM_ERROR', undefined, status).body as Obj;
    },
  };
}

/** The fields a reply's one-line log shows: request code, states and record codes, from the envelope. */
export function summaryPaths(env: EnvelopeData): string[] {
  const paths = new Set<string>(env.request.code);
  for (const t of Object.values(env.states)) {
    paths.add(t.field);
    if (env.unwrap) paths.add(`${env.unwrap.field}.${t.field}`);
    if (t.code) paths.add(t.code);
  }
  return [...paths];
}

/** `k=v` for each summary path present in a reply, and the first record's code and state. */
export function summarize(body: Obj, env: EnvelopeData): string {
  const parts = summaryPaths(env).flatMap((p) => {
    const v = strAt(body, p);
    return v === undefined ? [] : [`${p}=${v}`];
  });
  const r = env.records;
  const list = r === undefined ? undefined : at(body, r.field);
  if (r !== undefined && Array.isArray(list) && list.length > 0) {
    const table = env.states[r.state.table];
    for (const f of [r.code, table?.field]) {
      const v = f === undefined ? undefined : strAt(list[0], f);
      if (v !== undefined) parts.push(`${r.field}[0].${f}=${v}`);
    }
  }
  return parts.join(' ');
}
