import { isObj, type Obj, own, parseBody, str } from '../body.js';
import type { EnvelopeData } from '../envelope.js';
import { isAccepted } from '../extract.js';
import { readNotification } from '../notification-read.js';
import { ottpayDecrypt, ottpayMd5 } from '../ottpay-crypto.js';
import { safeEqual } from '../safe-equal.js';
import { type Extracted, type Extractor, keep, type NotificationRead, sideOf, table } from './types.js';

const STATUS_FIELDS = ['status', 'order_status', 'respcode', 'rspCode'] as const;

/**
 * OTT Pay legacy Payment Web API (official): `rsp_code`/`rsp_msg` is Appendix B (request level),
 * and the AES-encrypted `data` carries the order: PREPAY_QUERY `status`, CC APIs `respcode`,
 * PREPAY_QUERY `rspCode`, new-API callbacks `order_status`.
 */
export const ottpay: Extractor = (body, { flow, env, signKey }) => {
  const raw: Record<string, unknown> = {};
  const code = str(body, 'rsp_code') ?? str(body, 'rep_code');
  const message = str(body, 'rsp_msg') ?? str(body, 'rep_msg');
  keep(raw, 'rsp_code', own(body, 'rsp_code'));
  keep(raw, 'rsp_msg', own(body, 'rsp_msg'));
  const out: Extracted = { request: { accepted: isAccepted(env, code), field: 'rsp_code' }, raw };
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
    // Some integrations hand over data already decrypted but still as JSON text. With a signKey the
    // md5 must still match the values: a bogus or missing md5 leaves the state unread (query).
    if (data === undefined && d.trim().startsWith('{')) {
      const p = parseBody(d);
      const md5 = str(body, 'md5');
      if (p.ok && signKey === undefined) {
        data = p.value;
        delete out.note;
      } else if (p.ok && md5 !== undefined && safeEqual(ottpayMd5(p.value), md5.toUpperCase())) {
        data = p.value;
        delete out.note;
      } else if (p.ok) {
        out.note = `data is plain JSON whose md5 ${md5 === undefined ? 'is missing' : 'does not match'}: the order state is not trusted`;
      }
    }
  }
  if (!out.request.accepted || data === undefined) return out;

  for (const f of STATUS_FIELDS) {
    const status = str(data, f);
    if (status === undefined) continue;
    keep(raw, `data.${f}`, own(data, f));
    const side = flow === 'refund' || str(data, 'ori_order_id') !== undefined ? 'refund' : sideOf(flow);
    out.transaction = { field: `data.${f}`, status: status.toUpperCase(), table: table(env, 'status'), side };
    const m = str(data, 'respmsg') ?? str(data, 'rspMsg');
    if (m !== undefined) out.transaction.message = m;
    break;
  }
  return out;
};

/**
 * A verified OTT Pay callback: only the decrypted `data` is signed (md5 covers its values), so
 * `rsp_code` and `rsp_msg` outside it are never read. No state in `data` means the implied one.
 */
export function ottpayNotification(body: Obj, env: EnvelopeData, field: string): NotificationRead {
  const data = isObj(own(body, 'data')) ? (own(body, 'data') as Obj) : {};
  return readNotification({ data }, env, field, (_b, ctx) => {
    const ex = ottpay({ data, [env.request.code[0] ?? 'rsp_code']: env.request.accepted[0] }, ctx);
    ex.raw = {};
    for (const [k, v] of Object.entries(data)) if (typeof v === 'string' || typeof v === 'number') ex.raw[k] = v;
    return ex;
  });
}
