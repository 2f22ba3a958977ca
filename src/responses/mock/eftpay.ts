import type { Obj } from '../body.js';
import { sortedParamsSign } from '../schemes.js';
import { compact, decimal, minorFromDecimal, newOrder, pick, textOf } from './common.js';
import type { Call, MockAdapter, MockContext, Order, Reply } from './types.js';

/**
 * eftPay VMP (official shapes): JSON POST to /Servlet/JSAPIService.do, the operation chosen by
 * `service` (e.g. `service.alipay.qrcode.PreOrder`, `service.common.Query`). A `code` step is a
 * `return_status` for that call only (the order is left as it was); a `state` step is a
 * `trade_status`. Responses with return_status >= 00 are signed with the inferred SHA256 scheme.
 */
const PATH = '/Servlet/JSAPIService.do';

function opOf(service: string): Call['op'] | undefined {
  const last = service.split('.').pop()?.toLowerCase() ?? '';
  if (last === 'preorder' || last === 'pay' || last === 'sale' || last === 'micropay') return 'payment';
  if (last === 'query') return 'query';
  if (last === 'refund' || last === 'applyrefund') return 'refund';
  if (last === 'close') return 'close';
  return undefined;
}

function signed(body: Obj, ctx: MockContext): Reply {
  const rs = String(body.return_status ?? '');
  const out: Obj = { ...body, time: compact(ctx.now()) };
  // Negative codes come back unsigned (official).
  if (!rs.startsWith('-')) out.sign = sortedParamsSign(out, ctx.signKey);
  return { status: 200, body: out };
}

function rejected(code: string, ctx: MockContext, extra: Obj = {}): Reply {
  return signed({ return_status: code, return_char: textOf('eftpay', code), ...extra }, ctx);
}

function tradeFields(o: Order): Obj {
  return {
    out_trade_no: o.id,
    eft_trade_no: o.tradeNo,
    transaction_amount: decimal(o.amount),
    currency: o.currency,
    trade_status: o.state,
    trade_type: 'SALE',
  };
}

export const eftpayMock: MockAdapter = {
  route(method, path, body) {
    if (method !== 'POST' || path !== PATH) return undefined;
    const op = opOf(pick(body, 'service') ?? '');
    if (op === undefined) return undefined;
    const call: Call = { op, body };
    const orderId = pick(body, 'out_trade_no');
    const tradeNo = pick(body, 'eft_trade_no', 'eftpay_trade_no');
    const amount = minorFromDecimal(op === 'refund' ? (body.refund_amount ?? body.transaction_amount) : body.transaction_amount);
    const currency = pick(body, 'currency', 'fee_type');
    const refundId = pick(body, 'refund_no', 'out_refund_no');
    if (orderId !== undefined) call.orderId = orderId;
    if (tradeNo !== undefined) call.tradeNo = tradeNo;
    if (amount !== undefined) call.amount = amount;
    if (currency !== undefined) call.currency = currency;
    if (refundId !== undefined) call.refundId = refundId;
    return call;
  },
  answer(call, order, step, ctx) {
    if (step.code !== undefined && step.code !== '00') return { reply: rejected(step.code, ctx), ...(order ? { order } : {}) };
    const state = step.state?.toUpperCase();
    if (call.op === 'payment') {
      if (order !== undefined) return { order, reply: rejected('03', ctx) };
      // A pre-order only creates the order: its answer says nothing about the money (no trade_status);
      // a requested state shows up on the next query.
      const o = newOrder(call, state ?? 'TRADE_SUCCESS', ctx);
      const body: Obj = {
        return_status: '00',
        return_char: 'Success',
        out_trade_no: o.id,
        eft_trade_no: o.tradeNo,
        qrcode: `https://qr.example.invalid/${o.tradeNo}`,
      };
      return { order: o, reply: signed(body, ctx) };
    }
    if (order === undefined) return { reply: rejected('05', ctx) };
    if (call.op === 'query') {
      if (call.refundId !== undefined) {
        const r = order.refunds.find((x) => x.id === call.refundId);
        if (r === undefined) return { order, reply: rejected('05', ctx) };
        if (state) r.state = state;
        return {
          order,
          reply: signed(
            {
              return_status: '00',
              return_char: 'Success',
              ...tradeFields(order),
              refund_no: r.id,
              refund_amount: decimal(r.amount),
              trade_status: r.state,
            },
            ctx,
          ),
        };
      }
      if (state) order.state = state;
      return { order, reply: signed({ return_status: '00', return_char: 'Success', ...tradeFields(order) }, ctx) };
    }
    if (call.op === 'refund') {
      if (order.state !== 'TRADE_SUCCESS' && order.state !== 'TRADE_REFUND') return { order, reply: rejected('16', ctx) };
      const amount = call.amount ?? order.amount - order.refunded;
      if (order.refunded + amount > order.amount) return { order, reply: rejected('18', ctx) };
      order.refunded += amount;
      const rstate = state ?? (order.refunded >= order.amount ? 'TRADE_CLOSED' : 'TRADE_REFUND');
      const id = call.refundId ?? ctx.nextId();
      order.refunds.push({ id, amount, state: rstate });
      order.state = order.refunded >= order.amount ? 'TRADE_CLOSED' : 'TRADE_REFUND';
      return {
        order,
        reply: signed(
          {
            return_status: '00',
            return_char: 'Success',
            ...tradeFields(order),
            refund_no: id,
            refund_amount: decimal(amount),
            trade_status: rstate,
          },
          ctx,
        ),
      };
    }
    // close
    if (order.state === 'TRADE_SUCCESS') return { order, reply: rejected('54', ctx) };
    order.state = 'TRADE_CLOSED';
    return { order, reply: signed({ return_status: '00', return_char: 'Success', ...tradeFields(order) }, ctx) };
  },
  // eftPay documents no HTTP error bodies; a bare -1 is its "interface abnormal".
  httpError: () => ({ return_status: '-1', return_char: textOf('eftpay', '-1') }),
};
