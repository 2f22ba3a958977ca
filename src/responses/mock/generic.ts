import type { Obj } from '../body.js';
import type { ResponsesCatalog } from '../catalog.js';
import type { EnvelopeData } from '../envelope.js';
import { acceptedCode } from '../extract.js';
import { decimal, newOrder, readCall } from './common.js';
import type { Step } from './scenario.js';
import type { Call, MockAdapter, Order, Reply } from './types.js';

/** Sets a dotted path, creating objects on the way. */
function put(o: Obj, path: string, value: unknown): void {
  const keys = path.split('.');
  let cur = o;
  for (const k of keys.slice(0, -1)) {
    if (typeof cur[k] !== 'object' || cur[k] === null) cur[k] = {};
    cur = cur[k] as Obj;
  }
  cur[keys[keys.length - 1] as string] = value;
}

/**
 * The mock for a provider described only by data: `mock.operations` routes calls, `mock.fields`
 * names the request fields, and answers carry the request code (`request.code`) and the state
 * (`mock.stateTable`'s field) where `fromResponse` reads them.
 */
export function genericMock(cat: ResponsesCatalog, id: string, env: EnvelopeData): MockAdapter {
  const mock = env.mock;
  if (mock?.operations === undefined) throw new Error(`paycodes: ${id} has no envelope.mock.operations (the generic mock needs them)`);
  const ops = Object.entries(mock.operations) as [Call['op'], string][];
  const fields = mock.fields;
  const table = env.states[mock.stateTable];
  if (table === undefined) throw new Error(`paycodes: ${id} envelope.mock.stateTable names no state table`);
  const codeField = env.request.code[0] as string;
  const messageField = env.request.message?.[0];
  const accepted = acceptedCode(env);
  const rowFor = (rows: Record<string, { unified: string }>, unified: string) =>
    Object.keys(rows).find((k) => rows[k]?.unified === unified);
  const paid = mock.named.success.state ?? rowFor(table.payment, 'approved') ?? '';
  const refunded = rowFor(table.refund, 'refund_succeeded') ?? paid;
  const isAccepted = (code: string | undefined) => code === undefined || code === accepted;

  const text = (code: string): string => {
    const d = cat.normalize({ provider: id, code });
    return d.source?.messages.en ?? Object.values(d.source?.messages ?? {})[0] ?? 'mock error';
  };
  const reply = (code: string | undefined, extra: Obj = {}, status = 200): Reply => {
    const body: Obj = {};
    const c = code ?? accepted;
    if (c !== undefined) put(body, codeField, c);
    if (messageField !== undefined && c !== undefined) put(body, messageField, isAccepted(c) ? 'success' : text(c));
    for (const [k, v] of Object.entries(extra)) put(body, k, v);
    return { status, body };
  };
  const orderFields = (o: Order): Obj => {
    const out: Obj = { [fields.orderId]: o.id, [table.field]: o.state };
    if (fields.tradeNo) out[fields.tradeNo] = o.tradeNo;
    out[fields.amount] = fields.amountUnit === 'decimal' ? decimal(o.amount) : String(o.amount);
    if (fields.currency) out[fields.currency] = o.currency;
    return out;
  };
  /** A step on an order: a refusing code answers with that code, a state moves the order. */
  const apply = (o: Order, step: Step): Reply | undefined => {
    if (step.code !== undefined && !isAccepted(step.code)) {
      o.code = step.code;
      return reply(step.code);
    }
    if (step.state !== undefined) o.state = step.state;
    delete o.code;
    return undefined;
  };

  return {
    route(method, path, body) {
      const op = ops.find(([, e]) => e === `${method} ${path}`)?.[0];
      return op === undefined ? undefined : readCall(op, body, fields);
    },
    answer(call, order, step, ctx) {
      if (call.op === 'payment') {
        const o = order ?? newOrder(call, paid, ctx);
        const refused = apply(o, step);
        return { order: o, reply: refused ?? reply(accepted, orderFields(o)) };
      }
      if (order === undefined) return { reply: reply('ORDER_NOT_FOUND', {}, 404) };
      if (call.op === 'refund') {
        if (step.code !== undefined && !isAccepted(step.code)) return { order, reply: reply(step.code) };
        const amount = call.amount ?? order.amount - order.refunded;
        const rid = call.refundId ?? ctx.nextId();
        const state = step.state ?? refunded;
        order.refunds.push({ id: rid, amount, state });
        if (state === refunded) order.refunded += amount;
        const marker = env.refundWhen?.[0] ?? 'refund_id';
        return { order, reply: reply(accepted, { [fields.orderId]: order.id, [marker]: rid, [table.field]: state }) };
      }
      const refused = apply(order, step);
      if (refused) return { order, reply: refused };
      if (order.code !== undefined) return { order, reply: reply(order.code) };
      return { order, reply: reply(accepted, orderFields(order)) };
    },
    httpError: (status, step) => reply(step.code ?? mock.named.system.code ?? 'SYSTEM_ERROR', {}, status).body as Obj,
  };
}
