import { isObj, own, str } from '../body.js';
import { type Extracted, type Extractor, keep, table } from './types.js';

/**
 * Subotiz: HTTP status + `{code, message}` for errors (official). The trade object's `trade_status`
 * and `refund_status` are official; the `{…, data: {…}}` success wrapper and the 6-digit codes in
 * `last_payment_error` are inferred (unverified against a sandbox).
 */
export const subotiz: Extractor = (body, { flow, env, httpStatus }) => {
  const raw: Record<string, unknown> = {};
  const wrapped = isObj(own(body, 'data')) && own(body, 'trade_status') === undefined && own(body, 'refund_id') === undefined;
  const obj = wrapped ? (own(body, 'data') as Record<string, unknown>) : body;
  const p = wrapped ? 'data.' : '';
  const ok = httpStatus === undefined || (httpStatus >= 200 && httpStatus < 300);
  const tradeStatus = str(obj, 'trade_status');
  const refundStatus = str(obj, 'status');
  const isRefund = str(obj, 'refund_id') !== undefined || (flow === 'refund' && tradeStatus === undefined && refundStatus !== undefined);

  if (ok && (tradeStatus !== undefined || (isRefund && refundStatus !== undefined))) {
    const out: Extracted = { request: { accepted: true, field: 'http' }, raw };
    if (httpStatus !== undefined) out.request.httpStatus = httpStatus;
    const err = own(obj, 'last_payment_error');
    const code = isObj(err) ? str(err, 'code') : undefined;
    const message = isObj(err) ? str(err, 'message') : undefined;
    if (isObj(err)) {
      keep(raw, `${p}last_payment_error.code`, own(err, 'code'));
      keep(raw, `${p}last_payment_error.message`, own(err, 'message'));
    }
    if (isRefund && refundStatus !== undefined) {
      keep(raw, `${p}status`, own(obj, 'status'));
      out.transaction = { field: `${p}status`, status: refundStatus, table: table(env, 'refund'), side: 'refund' };
    } else if (tradeStatus !== undefined) {
      keep(raw, `${p}trade_status`, own(obj, 'trade_status'));
      const refunds = str(obj, 'refund_status');
      keep(raw, `${p}refund_status`, own(obj, 'refund_status'));
      const refunded = tradeStatus === 'succeeded' && refunds !== undefined && Object.hasOwn(table(env, 'refund_status').payment, refunds);
      out.transaction = refunded
        ? { field: `${p}refund_status`, status: refunds as string, table: table(env, 'refund_status'), side: 'payment' }
        : { field: `${p}trade_status`, status: tradeStatus, table: table(env, 'trade_status'), side: 'payment' };
      if (refunds !== undefined) out.transaction.detail = { trade_status: tradeStatus, refund_status: refunds };
    }
    if (out.transaction && code !== undefined) out.transaction.code = code;
    if (out.transaction && message !== undefined) out.transaction.message = message;
    return out;
  }
  const code = str(body, 'code');
  keep(raw, 'code', own(body, 'code'));
  keep(raw, 'message', own(body, 'message'));
  const out: Extracted = { request: { accepted: ok && code === undefined, field: 'code' }, raw };
  if (httpStatus !== undefined) out.request.httpStatus = httpStatus;
  if (code !== undefined) out.request.code = code;
  const m = str(body, 'message');
  if (m !== undefined) out.request.message = m;
  return out;
};
