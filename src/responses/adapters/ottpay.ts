import { isObj, type Obj, own, parseBody, str } from '../body.js';
import { at, type EnvelopeData, firstAt, strAt } from '../envelope.js';
import { isAccepted, refundField } from '../extract.js';
import { readNotification } from '../notification-read.js';
import { ottpayDecrypt, ottpayMd5 } from '../ottpay-crypto.js';
import { safeEqual } from '../safe-equal.js';
import { type Extracted, type Extractor, keep, type NotificationRead, sideOf, table } from './types.js';

/**
 * OTT Pay legacy Payment Web API (official): `rsp_code`/`rsp_msg` is Appendix B (request level),
 * and the AES-encrypted `data` carries the order: PREPAY_QUERY `status`, CC APIs `respcode`,
 * PREPAY_QUERY `rspCode`, new-API callbacks `order_status`.
 */
export const ottpay: Extractor = (body, { flow, env, signKey }) => {
  const raw: Record<string, unknown> = {};
  const code = firstAt(body, env.request.code)?.value;
  const message = firstAt(body, env.request.message)?.value;
  for (const p of [...env.request.code, ...(env.request.message ?? [])]) keep(raw, p, at(body, p));
  const out: Extracted = { request: { accepted: isAccepted(env, code), field: env.request.code[0] ?? 'rsp_code' }, raw };
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

  // The state is read from the table's field and its alternatives, relative to the decrypted body.
  const t = table(env, 'status');
  const inner = { data };
  for (const f of [t.field, ...(t.also ?? [])]) {
    const status = strAt(inner, f);
    if (status === undefined) continue;
    keep(raw, f, at(inner, f));
    const side = flow === 'refund' || refundField(env, data) !== undefined ? 'refund' : sideOf(flow);
    out.transaction = { field: f, status: status.toUpperCase(), table: t, side };
    const m = firstAt(inner, t.message)?.value;
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
