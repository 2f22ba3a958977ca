import { own, str } from '../body.js';
import { EFTPAY_TRADE_STATUS } from '../tables.js';
import { type Extracted, type Extractor, keep, sideOf } from './extract.js';

/**
 * eftPay VMP (official): `return_status` "00" only says the request was accepted ("cannot be used
 * to determine the status of the transaction"); `trade_status` is the money. When a query carries
 * a refund number, `trade_status` is the refund's status.
 */
export const eftpay: Extractor = (body, { flow }) => {
  const raw: Record<string, unknown> = {};
  const code = str(body, 'return_status');
  const message = str(body, 'return_char');
  keep(raw, 'return_status', own(body, 'return_status'));
  keep(raw, 'return_char', own(body, 'return_char'));
  const out: Extracted = { request: { accepted: code === '00', field: 'return_status' }, raw };
  if (code !== undefined) out.request.code = code;
  if (message !== undefined) out.request.message = message;
  if (!out.request.accepted) return out;

  const status = str(body, 'trade_status');
  keep(raw, 'trade_status', own(body, 'trade_status'));
  if (status === undefined) return out;
  const refundNo = str(body, 'refund_no') ?? str(body, 'out_refund_no');
  const side = refundNo !== undefined ? 'refund' : sideOf(flow);
  const detail: Record<string, string> = {};
  const tradeType = str(body, 'trade_type');
  if (tradeType !== undefined) detail.trade_type = tradeType;
  if (refundNo !== undefined) {
    detail.refund_no = refundNo;
    keep(raw, 'refund_no', refundNo);
  }
  out.transaction = { field: 'trade_status', status, table: EFTPAY_TRADE_STATUS, side, detail };
  return out;
};
