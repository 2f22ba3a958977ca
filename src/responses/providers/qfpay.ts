import { isObj, own, str } from '../body.js';
import { QFPAY_CANCEL, QFPAY_TXSTATUS } from '../tables.js';
import { type Extracted, type Extractor, keep, sideOf } from './extract.js';

/**
 * QFPay (official): outer `respcd` + `resperr` (older endpoints) / `respmsg` (newer). The newer
 * format wraps the result in `data` with `txstatus`; enquiries return `data[]` records that carry
 * their own `respcd`, `cancel` and `order_type`.
 */
export const qfpay: Extractor = (body, { flow }) => {
  const raw: Record<string, unknown> = {};
  const respcd = str(body, 'respcd');
  const message = str(body, 'resperr') ?? str(body, 'respmsg');
  keep(raw, 'respcd', own(body, 'respcd'));
  keep(raw, 'resperr', own(body, 'resperr'));
  keep(raw, 'respmsg', own(body, 'respmsg'));
  const out: Extracted = {
    request: { accepted: respcd === '0000', field: 'respcd' },
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
    if (code === '0000') {
      out.transaction = { field: `${at}.cancel`, status: side === 'refund' ? '0' : cancel, table: QFPAY_CANCEL, side, echo: code, detail };
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
      const tx: Extracted['transaction'] = { field: 'data.txstatus', status: txstatus, table: QFPAY_TXSTATUS, side: sideOf(flow) };
      const code = str(data, 'respcd');
      if (code !== undefined && code !== '0000') {
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
