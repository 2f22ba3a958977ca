import { isObj, own, str } from '../body.js';
import { type Extracted, type Extractor, keep, sideOf, table } from './types.js';

/**
 * SHOPLINE Payments: the HTTP status picks the shape (official): 200 is the business object with
 * `status`/`subStatus` (values third-party documented) and `paymentMsg {code,msg}` for a decline;
 * 400/429/500 are `{code, msg}`.
 */
export const shopline: Extractor = (body, { flow, env, httpStatus }) => {
  const raw: Record<string, unknown> = {};
  const status = str(body, 'status');
  const code = str(body, 'code');
  const ok = httpStatus === undefined || (httpStatus >= 200 && httpStatus < 300);
  if (ok && status !== undefined && !/^\d+$/.test(status)) {
    keep(raw, 'status', own(body, 'status'));
    const out: Extracted = { request: { accepted: true, field: 'http' }, raw };
    if (httpStatus !== undefined) out.request.httpStatus = httpStatus;
    const tx: NonNullable<Extracted['transaction']> = { field: 'status', status, table: table(env, 'status'), side: sideOf(flow) };
    const sub = str(body, 'subStatus');
    if (sub !== undefined) {
      tx.detail = { subStatus: sub };
      keep(raw, 'subStatus', sub);
    }
    const pm = own(body, 'paymentMsg');
    if (isObj(pm)) {
      const c = str(pm, 'code');
      const m = str(pm, 'msg');
      keep(raw, 'paymentMsg.code', own(pm, 'code'));
      keep(raw, 'paymentMsg.msg', own(pm, 'msg'));
      if (c !== undefined) tx.code = c;
      if (m !== undefined) tx.message = m;
    }
    out.transaction = tx;
    return out;
  }
  keep(raw, 'code', own(body, 'code'));
  keep(raw, 'msg', own(body, 'msg'));
  const out: Extracted = { request: { accepted: false, field: 'code' }, raw };
  if (httpStatus !== undefined) out.request.httpStatus = httpStatus;
  if (code !== undefined) out.request.code = code;
  const msg = str(body, 'msg');
  if (msg !== undefined) out.request.message = msg;
  return out;
};
