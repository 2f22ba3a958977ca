import { getEntry } from '../../catalog/api.js';
import { isObj, type Obj } from '../body.js';
import { minorFromInteger, newOrder, pick, textOf } from './common.js';
import type { Step } from './scenario.js';
import type { Call, MockAdapter, Order, Reply } from './types.js';

/**
 * SHOPLINE Payments: JSON POSTs. `/api/v1/trade/payment/create` and `/payment/get` are official;
 * the refund/cancel/capture paths and the refund object shape are the mock's guess (the research
 * names those operations but not their paths). Status values are third-party documented.
 * A `code` step that is a payment decline (3xxx/4xxx in the catalog's payment flow) comes back as
 * HTTP 200 `status: FAILED` + `paymentMsg`; other codes as HTTP 400/429/500 `{code, msg}`.
 */
const BASE = '/api/v1/trade';
const OPS: Record<string, Call['op']> = {
  [`${BASE}/payment/create`]: 'payment',
  [`${BASE}/payment/get`]: 'query',
  [`${BASE}/refund/create`]: 'refund',
  [`${BASE}/refund/get`]: 'query',
  [`${BASE}/payment/cancel`]: 'close',
  [`${BASE}/payment/capture`]: 'capture',
};

/** HTTP status for a request-level code: 1904 is the documented 429 pair; system codes 500. */
function httpFor(code: string): number {
  if (code === '1904') return 429;
  if (/^19\d\d$/.test(code) || code === '2004' || code === 'SERVER_ERROR') return 500;
  return 400;
}

function isDecline(code: string): boolean {
  const e = getEntry('shopline-payments', code, 'payment');
  return e !== undefined && e.flow === 'payment' && /^[34]\d{3}$/.test(code) && code !== '4458';
}

function trade(o: Order): Obj {
  return {
    referenceOrderId: o.id,
    tradeOrderId: o.tradeNo,
    status: o.state,
    subStatus: '',
    paymentMsg: o.code ? { code: o.code, msg: o.message ?? textOf('shopline-payments', o.code, 'payment') } : null,
    order: { referenceOrderId: o.id, amount: { value: o.amount, currency: o.currency } },
    payment: { paymentMethod: 'CreditCard', paidAmount: { value: o.state === 'SUCCEEDED' ? o.amount : 0, currency: o.currency } },
  };
}

const error = (code: string, status = httpFor(code)): Reply => ({ status, body: { code, msg: textOf('shopline-payments', code) } });

function applyStep(o: Order, step: Step): Reply | undefined {
  if (step.code !== undefined) {
    if (step.code === '4458') {
      o.state = 'PROCESSING';
      delete o.code;
    } else if (isDecline(step.code)) {
      o.state = 'FAILED';
      o.code = step.code;
    } else {
      return error(step.code);
    }
  }
  if (step.state !== undefined) {
    o.state = step.state.toUpperCase();
    if (o.state !== 'FAILED') delete o.code;
    else o.code ??= '4103';
  }
  return undefined;
}

export const shoplineMock: MockAdapter = {
  route(method, path, body) {
    const op = OPS[path];
    if (method !== 'POST' || op === undefined) return undefined;
    const call: Call = { op, body };
    const amount = isObj(body.amount) ? minorFromInteger(body.amount.value) : undefined;
    const currency = isObj(body.amount) ? pick(body.amount, 'currency') : undefined;
    // A refund names its own referenceOrderId; the payment is found by tradeOrderId.
    const orderId = op === 'refund' ? undefined : pick(body, 'referenceOrderId');
    const tradeNo = pick(body, 'tradeOrderId');
    if (orderId !== undefined) call.orderId = orderId;
    if (tradeNo !== undefined) call.tradeNo = tradeNo;
    if (amount !== undefined) call.amount = amount;
    if (currency !== undefined) call.currency = currency;
    if (op === 'refund') {
      const r = pick(body, 'referenceOrderId');
      if (r !== undefined) call.refundId = r;
    }
    if (path.endsWith('/refund/get')) {
      const r = pick(body, 'refundOrderId');
      if (r !== undefined) call.refundId = r;
    }
    return call;
  },
  answer(call, order, step, ctx) {
    if (call.op === 'payment') {
      if (order !== undefined) return { order, reply: error('1001') };
      const o = newOrder(call, 'SUCCEEDED', ctx);
      o.currency = call.currency ?? 'TWD';
      const rejected = applyStep(o, step);
      if (rejected) return { reply: rejected };
      return { order: o, reply: { status: 200, body: trade(o) } };
    }
    if (order === undefined) return { reply: error('1016') };
    if (call.op === 'refund' || call.refundId !== undefined) {
      const existing = call.op === 'query' ? order.refunds.find((r) => r.id === call.refundId) : undefined;
      if (call.op === 'query' && existing === undefined) return { order, reply: error('1016') };
      let r = existing;
      if (r === undefined) {
        if (order.state !== 'SUCCEEDED' && order.state !== 'PARTIALLY_REFUND' && order.state !== 'CAPTURED')
          return { order, reply: error('1021', 400) };
        const amount = call.amount ?? order.amount - order.refunded;
        if (order.refunded + amount > order.amount) return { order, reply: error('4701', 400) };
        r = { id: call.refundId ?? ctx.nextId(), amount, state: 'SUCCEEDED' };
        order.refunds.push(r);
      }
      if (step.code !== undefined) return { order, reply: error(step.code) };
      if (step.state !== undefined) r.state = step.state.toUpperCase();
      if (existing === undefined && r.state === 'SUCCEEDED') {
        order.refunded += r.amount;
        order.state = order.refunded >= order.amount ? 'REFUNDED' : 'PARTIALLY_REFUND';
      }
      return {
        order,
        reply: {
          status: 200,
          body: {
            refundOrderId: r.id,
            tradeOrderId: order.tradeNo,
            referenceOrderId: r.id,
            status: r.state,
            amount: { value: r.amount, currency: order.currency },
          },
        },
      };
    }
    if (call.op === 'close') {
      if (order.state === 'SUCCEEDED') return { order, reply: error('6002', 400) };
      order.state = 'CANCELLED';
      return { order, reply: { status: 200, body: trade(order) } };
    }
    if (call.op === 'capture') {
      if (order.state !== 'AUTHORIZED') return { order, reply: error('7002', 400) };
      order.state = 'SUCCEEDED';
      return { order, reply: { status: 200, body: trade(order) } };
    }
    const rejected = applyStep(order, step);
    if (rejected) return { order, reply: rejected };
    return { order, reply: { status: 200, body: trade(order) } };
  },
  httpError: (status, step) => {
    const code = step.code ?? (status === 429 ? '1904' : status >= 500 ? '1999' : '2006');
    return { code, msg: textOf('shopline-payments', code) };
  },
};
