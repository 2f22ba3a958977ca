import { isObj, type Obj, parseBody } from '../body.js';
import { ottpayDecrypt, ottpayEncrypt } from '../ottpay-crypto.js';
import { newOrder, pick, readCall, stamp, textOf } from './common.js';
import type { Call, MockAdapter, MockContext, Order, Reply } from './types.js';

/**
 * OTT Pay legacy Payment Web API (official shapes): POST /process (or /processV2) with
 * `{action, version, merchant_id, data, md5}`; answers `{rsp_code, rsp_msg, data, md5}` with `data`
 * AES-encrypted under the signKey (Appendix A). A `code` step is an Appendix B `rsp_code`; a
 * `state` step is the decrypted `data.status` (SUCCESS, PROCESSING, ORDERCLOSE). Amounts are read as
 * integer cents (an assumption).
 */
const ACTIONS: Record<string, Call['op']> = {
  ACTIVEPAY: 'payment',
  PREPAY_INIT: 'payment',
  CC_PURCHASE: 'payment',
  STATUS_QUERY: 'query',
  PREPAY_QUERY: 'query',
  CC_QUERYPAY: 'query',
  REFUND: 'refund',
};

function reply(code: string, data: Obj | undefined, ctx: MockContext): Reply {
  const body: Obj = { rsp_code: code, rsp_msg: code === 'SUCCESS' ? 'success' : textOf('ottpay', code) };
  if (data !== undefined) {
    const enc = ottpayEncrypt(data, ctx.signKey);
    body.data = enc.data;
    body.md5 = enc.md5;
  }
  return { status: 200, body };
}

function orderData(o: Order, ctx: MockContext): Obj {
  return {
    order_id: o.id,
    amount: String(o.amount),
    status: o.state,
    bizpay_order_id: o.tradeNo,
    finish_time: stamp(ctx.now()).replace(/\D/g, ''),
  };
}

export const ottpayMock: MockAdapter = {
  route(method, path, body, ctx) {
    if (method !== 'POST' || (path !== '/process' && path !== '/processV2' && path !== '/processV3')) return undefined;
    const op = ACTIONS[pick(body, 'action')?.toUpperCase() ?? ''];
    if (op === undefined) return undefined;
    // Request data is encrypted like responses; a plain object is accepted too (testing convenience).
    let data: Obj = {};
    if (isObj(body.data)) data = body.data;
    else if (typeof body.data === 'string') {
      const r = ottpayDecrypt(body.data, pick(body, 'md5'), ctx.signKey);
      if (r.ok) data = r.data;
      else {
        const p = parseBody(body.data);
        if (p.ok) data = p.value;
      }
    }
    return readCall(op, data, ctx.fields);
  },
  answer(call, order, step, ctx) {
    const code = step.code?.toUpperCase();
    if (call.op === 'payment') {
      if (order !== undefined) return { order, reply: reply('ORDER_USED', undefined, ctx) };
      const o = newOrder(call, 'SUCCESS', ctx);
      o.currency = 'CAD';
      if (code !== undefined && code !== 'SUCCESS' && code !== 'PROCESSING') {
        o.state = 'ORDERCLOSE';
        o.code = code;
        return { order: o, reply: reply(code, { order_id: o.id }, ctx) };
      }
      if (code === 'PROCESSING') o.state = 'PROCESSING';
      if (step.state) o.state = step.state.toUpperCase();
      return { order: o, reply: reply('SUCCESS', orderData(o, ctx), ctx) };
    }
    if (order === undefined) return { reply: reply('ORDER_NOT_EXIST', undefined, ctx) };
    if (call.op === 'refund') {
      if (code !== undefined && code !== 'SUCCESS') return { order, reply: reply(code, undefined, ctx) };
      if (order.state !== 'SUCCESS') return { order, reply: reply('TRADE_STATUS_ERROR', undefined, ctx) };
      const amount = call.amount ?? order.amount - order.refunded;
      if (order.refunded + amount > order.amount) return { order, reply: reply('REFUND_INVALID', undefined, ctx) };
      order.refunded += amount;
      const id = call.refundId ?? ctx.nextId();
      order.refunds.push({ id, amount, state: 'SUCCESS' });
      return {
        order,
        reply: reply(
          'SUCCESS',
          { order_id: id, ori_order_id: order.id, amount: String(amount), status: step.state?.toUpperCase() ?? 'SUCCESS' },
          ctx,
        ),
      };
    }
    if (code !== undefined && code !== 'SUCCESS' && code !== 'PROCESSING') return { order, reply: reply(code, undefined, ctx) };
    if (code === 'PROCESSING') order.state = 'PROCESSING';
    else if (code === 'SUCCESS') order.state = 'SUCCESS';
    if (step.state) order.state = step.state.toUpperCase();
    return { order, reply: reply('SUCCESS', orderData(order, ctx), ctx) };
  },
  httpError: () => ({ rsp_code: 'SYSTEM_ERROR', rsp_msg: textOf('ottpay', 'SYSTEM_ERROR') }),
};
