import type { Obj } from '../body.js';
import { decimal, newOrder, readCall, textOf } from './common.js';
import type { Step } from './scenario.js';
import type { MockAdapter, Order, Reply } from './types.js';

/**
 * Subotiz (official endpoints and trade_status values): POST /api/v1/trade, GET /api/v1/trade/{id},
 * POST /api/v1/refund. Inferred, not verified: the `{ data: … }` success wrapper and 6-digit decline
 * codes in `last_payment_error`. A `code` step that is a 6-digit decline becomes `payment_failed`
 * with `last_payment_error`; other codes come back as HTTP 4xx/5xx `{code, message}`.
 */

function httpFor(code: string): number | undefined {
  if (code === '100411') return 429;
  if (code === '100400' || code === '100412' || code === '100419' || code === 'unauthorizedError') return 401;
  if (code === '100999') return 500;
  if (/^1004\d\d$/.test(code) || !/^\d{6}$/.test(code)) return 400;
  return undefined;
}

function tradeObject(o: Order): Obj {
  return {
    trade_id: o.tradeNo,
    order_id: o.id,
    amount: decimal(o.amount),
    currency: o.currency,
    trade_status: o.state,
    refund_status: o.refunded === 0 ? 'no_refund' : o.refunded >= o.amount ? 'refunded' : 'partially_refunded',
    payment_channel: 'mock',
    last_payment_error: o.code ? { code: o.code, message: o.message ?? textOf('subotiz', o.code) } : null,
  };
}

const error = (code: string, status: number): Reply => ({ status, body: { code, message: textOf('subotiz', code) } });
const ok = (data: Obj): Reply => ({ status: 200, body: { data } });

function applyStep(o: Order, step: Step): Reply | undefined {
  if (step.code !== undefined) {
    const status = httpFor(step.code);
    if (status !== undefined) return error(step.code, status);
    if (step.code === '100000') {
      o.state = 'succeeded';
      delete o.code;
    } else {
      o.state = 'payment_failed';
      o.code = step.code;
    }
  }
  if (step.state !== undefined) {
    o.state = step.state.toLowerCase();
    if (o.state !== 'payment_failed') delete o.code;
    else o.code ??= '100602';
  }
  return undefined;
}

export const subotizMock: MockAdapter = {
  route(method, path, body, ctx) {
    if (method === 'POST' && path === '/api/v1/trade') return readCall('payment', body, ctx.fields);
    const m = /^\/api\/v1\/trade\/([^/]+)$/.exec(path);
    if (method === 'GET' && m) return { op: 'query', tradeNo: decodeURIComponent(m[1] as string), body };
    if (method === 'POST' && path === '/api/v1/refund') return readCall('refund', body, ctx.fields);
    return undefined;
  },
  answer(call, order, step, ctx) {
    if (call.op === 'payment') {
      const o = order ?? newOrder(call, 'succeeded', ctx);
      o.currency = call.currency ?? 'USD';
      const rejected = applyStep(o, step);
      if (rejected) return order ? { order, reply: rejected } : { reply: rejected };
      return { order: o, reply: ok(tradeObject(o)) };
    }
    if (order === undefined) return { reply: error('100620', 404) };
    if (call.op === 'refund') {
      if (step.code !== undefined) return { order, reply: error(step.code, httpFor(step.code) ?? 400) };
      if (order.state !== 'succeeded') return { order, reply: error('100610', 400) };
      const amount = call.amount ?? order.amount - order.refunded;
      if (order.refunded + amount > order.amount) return { order, reply: error('100105', 400) };
      const status = step.state?.toLowerCase() ?? 'succeeded';
      const id = ctx.nextId();
      order.refunds.push({ id, amount, state: status });
      if (status === 'succeeded') order.refunded += amount;
      return { order, reply: ok({ refund_id: id, trade_id: order.tradeNo, amount: decimal(amount), currency: order.currency, status }) };
    }
    const rejected = applyStep(order, step);
    if (rejected) return { order, reply: rejected };
    return { order, reply: ok(tradeObject(order)) };
  },
  httpError: (status, step) => {
    const code = step.code ?? (status === 401 ? 'unauthorizedError' : status >= 500 ? '100999' : '100414');
    return { code, message: textOf('subotiz', code) };
  },
};
