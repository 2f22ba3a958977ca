import type { Obj } from '../body.js';
import { newOrder, pick, readCall, stamp, textOf } from './common.js';
import type { Step } from './scenario.js';
import type { Call, MockAdapter, Order, Reply } from './types.js';

/**
 * QFPay (official shapes): form POSTs to /trade/v1/*, JSON answers. A `code` step is a `respcd`
 * (1143/1145/1298 leave the payment pending, anything but 0000 fails it); a `state` step is a
 * newer-format `data.txstatus` (SUCCESS, PENDING, FAILED).
 */
const PENDING_CODES = new Set(['1143', '1145', '1298']);
const STATE_CODE: Record<string, string> = { SUCCESS: '0000', PENDING: '1145', FAILED: '1205' };
const OPS: Record<string, Call['op']> = {
  '/trade/v1/payment': 'payment',
  '/trade/v1/query': 'query',
  '/trade/v1/refund': 'refund',
  '/trade/v1/reversal': 'reversal',
  '/trade/v1/close': 'close',
};

const stateOfCode = (code: string): string => (code === '0000' ? 'SUCCESS' : PENDING_CODES.has(code) ? 'PENDING' : 'FAILED');

function record(o: Order): Obj {
  return {
    syssn: o.tradeNo,
    out_trade_no: o.id,
    txamt: String(o.amount),
    txcurrcd: o.currency,
    txdtm: stamp(o.created),
    sysdtm: stamp(o.created),
    pay_type: '800101',
    respcd: o.code ?? STATE_CODE[o.state] ?? '0000',
    errmsg: o.code && o.code !== '0000' ? textOf('qfpay', o.code) : 'success',
    cancel: o.cancelled ?? (o.refunded === 0 ? '0' : o.refunded >= o.amount ? '3' : '5'),
    order_type: 'payment',
    origssn: '',
  };
}

const ok = (body: Obj): Reply => ({ status: 200, body });

export const qfpayMock: MockAdapter = {
  route(method, path, body, ctx) {
    const op = OPS[path];
    return method !== 'POST' || op === undefined ? undefined : readCall(op, body, ctx.fields);
  },
  answer(call, order, step, ctx) {
    const code = step.code ?? (step.state ? STATE_CODE[step.state.toUpperCase()] : undefined);
    if (call.op === 'payment') {
      const o = order ?? newOrder(call, 'SUCCESS', ctx);
      const c = code ?? '0000';
      o.code = c;
      o.state = step.state ? step.state.toUpperCase() : stateOfCode(c);
      const base: Obj = {
        syssn: o.tradeNo,
        out_trade_no: o.id,
        txamt: String(o.amount),
        txcurrcd: o.currency,
        txdtm: stamp(o.created),
        sysdtm: stamp(ctx.now()),
        pay_type: pick(call.body, 'pay_type') ?? '800101',
        chnlsn: '',
      };
      if (step.state) {
        // The newer response format: respcd 0000 says the call worked, txstatus says what the money did.
        return { order: o, reply: ok({ respcd: '0000', respmsg: '', data: { ...base, txstatus: o.state } }) };
      }
      const msg = c === '0000' ? 'success' : textOf('qfpay', c);
      return { order: o, reply: ok({ ...base, respcd: c, resperr: msg, respmsg: '' }) };
    }
    if (call.op === 'query') {
      if (order === undefined)
        return { reply: ok({ respcd: '0000', resperr: 'success', respmsg: '', page: '1', page_size: '10', data: [] }) };
      if (code !== undefined) {
        order.code = code;
        order.state = step.state ? step.state.toUpperCase() : stateOfCode(code);
      }
      const refunds = order.refunds.map((r) => ({
        ...record(order),
        syssn: r.id,
        out_trade_no: r.id,
        txamt: String(r.amount),
        respcd: r.code ?? '0000',
        errmsg: 'success',
        cancel: '0',
        order_type: 'refund',
        origssn: order.tradeNo,
      }));
      return {
        order,
        reply: ok({ respcd: '0000', resperr: 'success', respmsg: '', page: '1', page_size: '10', data: [record(order), ...refunds] }),
      };
    }
    if (order === undefined) return { reply: ok({ respcd: '1268', resperr: textOf('qfpay', '1268'), respmsg: '' }) };
    const c = code ?? '0000';
    if (call.op === 'refund') {
      const amount = call.amount ?? order.amount - order.refunded;
      const id = call.refundId ?? ctx.nextId();
      if (c === '0000') {
        order.refunded += amount;
        order.refunds.push({ id, amount, state: 'SUCCESS', code: '0000' });
      }
      return {
        order,
        reply: ok({
          respcd: c,
          resperr: c === '0000' ? 'success' : textOf('qfpay', c),
          respmsg: '',
          syssn: id,
          orig_syssn: order.tradeNo,
          txamt: String(amount),
          sysdtm: stamp(ctx.now()),
        }),
      };
    }
    // reversal / close
    if (c === '0000') order.cancelled = call.op === 'close' ? '2' : '1';
    return {
      order,
      reply: ok({
        respcd: c,
        resperr: c === '0000' ? 'success' : textOf('qfpay', c),
        respmsg: '',
        syssn: order.tradeNo,
        out_trade_no: order.id,
      }),
    };
  },
  // QFPay documents no HTTP errors except 429; the body is not documented, so it carries no code.
  httpError: (status: number, _step: Step) => ({ error: status === 429 ? 'Too Many Requests' : 'mock HTTP error' }),
};
