import { isObj, type Obj, own, parseBody, str } from '../body.js';
import { ottpayDecrypt } from '../ottpay-crypto.js';
import { OTTPAY_STATUS } from '../tables.js';
import { type Extracted, type Extractor, keep, sideOf } from './extract.js';

const STATUS_FIELDS = ['status', 'order_status', 'respcode', 'rspCode'] as const;

/**
 * OTT Pay legacy Payment Web API (official): `rsp_code`/`rsp_msg` is Appendix B (request level),
 * and the AES-encrypted `data` carries the order: PREPAY_QUERY `status`, CC APIs `respcode`,
 * PREPAY_QUERY `rspCode`, new-API callbacks `order_status`.
 */
export const ottpay: Extractor = (body, { flow, signKey }) => {
  const raw: Record<string, unknown> = {};
  const code = str(body, 'rsp_code') ?? str(body, 'rep_code');
  const message = str(body, 'rsp_msg') ?? str(body, 'rep_msg');
  keep(raw, 'rsp_code', own(body, 'rsp_code'));
  keep(raw, 'rsp_msg', own(body, 'rsp_msg'));
  const out: Extracted = { request: { accepted: code === 'SUCCESS', field: 'rsp_code' }, raw };
  if (code !== undefined) out.request.code = code;
  if (message !== undefined) out.request.message = message;

  let data: Obj | undefined;
  const d = own(body, 'data');
  if (isObj(d)) data = d;
  else if (typeof d === 'string' && d.trim() !== '') {
    if (signKey === undefined) {
      out.note = 'data is encrypted; pass { signKey } to read the order state';
    } else {
      const r = ottpayDecrypt(d.trim(), str(body, 'md5'), signKey);
      if (r.ok) data = r.data;
      else out.note = `data could not be read: ${r.error}`;
    }
    // Some integrations hand over data already decrypted but still as JSON text.
    if (data === undefined && d.trim().startsWith('{')) {
      const p = parseBody(d);
      if (p.ok) {
        data = p.value;
        delete out.note;
      }
    }
  }
  if (!out.request.accepted || data === undefined) return out;

  for (const f of STATUS_FIELDS) {
    const status = str(data, f);
    if (status === undefined) continue;
    keep(raw, `data.${f}`, own(data, f));
    const side = flow === 'refund' || str(data, 'ori_order_id') !== undefined ? 'refund' : sideOf(flow);
    out.transaction = { field: `data.${f}`, status: status.toUpperCase(), table: OTTPAY_STATUS, side };
    const m = str(data, 'respmsg') ?? str(data, 'rspMsg');
    if (m !== undefined) out.transaction.message = m;
    break;
  }
  return out;
};
