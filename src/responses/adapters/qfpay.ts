import type { Flow } from '../../core/types.js';
import { isObj, type Obj, own, str } from '../body.js';
import { at, type EnvelopeData, firstAt } from '../envelope.js';
import { isAccepted } from '../extract.js';
import { eventOf } from '../notification-read.js';
import { type Extracted, type Extractor, keep, type NotificationRead, sideOf, table } from './types.js';

/**
 * QFPay (official): outer `respcd` + `resperr` (older endpoints) / `respmsg` (newer). The newer
 * format wraps the result in `data` with `txstatus`; enquiries return `data[]` records that carry
 * their own `respcd`, `cancel` and `order_type`.
 */
export const qfpay: Extractor = (body, { flow, env }) => {
  const raw: Record<string, unknown> = {};
  const respcd = firstAt(body, env.request.code)?.value;
  const message = firstAt(body, env.request.message)?.value;
  for (const p of [...env.request.code, ...(env.request.message ?? [])]) keep(raw, p, at(body, p));
  const out: Extracted = {
    request: { accepted: isAccepted(env, respcd), field: env.request.code[0] ?? 'respcd' },
    raw,
  };
  if (respcd !== undefined) out.request.code = respcd;
  if (message !== undefined) out.request.message = message;
  if (!out.request.accepted) return out;

  const data = own(body, 'data');
  if (Array.isArray(data)) {
    const side = sideOf(flow);
    const index = data.findIndex((r) => isObj(r) && (str(r, 'order_type') ?? 'payment') === side);
    if (index < 0) {
      out.answer = {
        code: respcd ?? '',
        rule: {
          unified: 'order_not_found',
          outcome: 'unknown',
          next: 'query',
          reason: `The enquiry returned no ${side} record: the order is unknown to QFPay, not yet recorded, or outside the queried period.`,
        },
      };
      keep(raw, 'data.length', data.length);
      return out;
    }
    const rec = data[index];
    const at = `data[${index}]`;
    const code = str(rec, 'respcd');
    const cancel = str(rec, 'cancel') ?? '0';
    const orderType = str(rec, 'order_type') ?? 'payment';
    keep(raw, `${at}.respcd`, own(rec, 'respcd'));
    keep(raw, `${at}.errmsg`, own(rec, 'errmsg'));
    keep(raw, `${at}.cancel`, own(rec, 'cancel'));
    keep(raw, `${at}.order_type`, own(rec, 'order_type'));
    keep(raw, `${at}.syssn`, own(rec, 'syssn'));
    const detail: Record<string, string> = { order_type: orderType, cancel };
    const errmsg = str(rec, 'errmsg');
    if (code !== undefined && isAccepted(env, code)) {
      out.transaction = {
        field: `${at}.cancel`,
        status: side === 'refund' ? '0' : cancel,
        table: table(env, 'cancel'),
        side,
        echo: code,
        detail,
      };
    } else if (code !== undefined) {
      // A record code other than 0000 is the payment's state in code form (1143/1145 wait, others failed).
      out.transaction = { field: `${at}.respcd`, status: code, side, detail };
    }
    if (out.transaction && errmsg !== undefined) out.transaction.message = errmsg;
    return out;
  }
  if (isObj(data)) {
    const txstatus = str(data, 'txstatus');
    keep(raw, 'data.txstatus', own(data, 'txstatus'));
    if (txstatus !== undefined) {
      const tx: Extracted['transaction'] = { field: 'data.txstatus', status: txstatus, table: table(env, 'txstatus'), side: sideOf(flow) };
      const code = str(data, 'respcd');
      if (code !== undefined && !isAccepted(env, code)) {
        tx.code = code;
        keep(raw, 'data.respcd', own(data, 'respcd'));
      }
      const m = str(data, 'errmsg') ?? str(data, 'respmsg');
      if (m !== undefined) tx.message = m;
      out.transaction = tx;
    }
  }
  return out;
};

/**
 * A verified QFPay notification. Official: QFPay only notifies successful payments and refunds, and
 * `respcd` "will be 0000"; the state is `cancel`. Any other respcd is read as a record code.
 */
export function qfpayNotification(body: Obj, env: EnvelopeData, field: string): NotificationRead {
  const event = eventOf(body, env);
  const refund = event.type !== undefined && (env.notification?.refundWhen ?? []).includes(event.type);
  const flow: Flow = refund ? 'refund' : 'payment';
  const side = sideOf(flow);
  const respcd = str(body, 'respcd');
  const cancel = str(body, 'cancel') ?? '0';
  const ex: Extracted = { request: { accepted: true, field }, raw: {} };
  for (const k of ['respcd', 'status', 'cancel', 'notify_type', 'syssn', 'out_trade_no']) keep(ex.raw, k, own(body, k));
  ex.transaction =
    respcd === undefined || isAccepted(env, respcd)
      ? { field: 'cancel', status: refund ? '0' : cancel, table: table(env, 'cancel'), side, echo: respcd ?? env.request.accepted[0] ?? '' }
      : { field: 'respcd', status: respcd, side };
  ex.transaction.detail = { cancel, ...(event.type ? { notify_type: event.type } : {}) };
  return { ex, flow, event };
}
