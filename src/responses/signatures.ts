import { createHash, createHmac } from 'node:crypto';
import { isObj, type Obj, parseBody } from './body.js';
import { PaycodesSignatureError } from './errors.js';
import { ottpayDecrypt, ottpayEncrypt } from './ottpay-crypto.js';
import { safeEqual } from './safe-equal.js';
import type { Provenance, ResponseProvider } from './types.js';

/**
 * Notification signature schemes, as documented (see seed-providers.md):
 * - QFPay (official): `X-QF-SIGN` = upper(MD5(raw body + client key)).
 * - SHOPLINE Payments (third-party, three implementations agree): `sign` = hex HMAC-SHA256(signKey,
 *   `${timestamp}.${raw body}`), `timestamp` in ms, rejected beyond 5 minutes of skew.
 * - Subotiz (official): `X-Signature` = hex HMAC-SHA256(secret, `${X-Timestamp}.${raw body}`).
 *   The docs give no skew limit; paycodes applies the same window as replay protection (its choice).
 * - eftPay (inferred: the official signature page was not retrieved): body field `sign` =
 *   SHA256(secret + "k1=v1&k2=v2…"), keys in ASCII order, `sign` and empty values left out.
 * - OTT Pay (official Appendix A): no separate signature; `data` is AES-encrypted with a key derived
 *   from `md5` + signKey, and `md5` must equal MD5 of the decrypted values.
 */
export interface Scheme {
  name: string;
  provenance: Provenance;
}

export const SCHEMES: Record<ResponseProvider, Scheme> = {
  qfpay: { name: 'X-QF-SIGN: upper(MD5(body + client_key))', provenance: 'official' },
  'shopline-payments': { name: 'sign: hex HMAC-SHA256(signKey, timestamp + "." + body)', provenance: 'third-party' },
  subotiz: { name: 'X-Signature: hex HMAC-SHA256(secret, X-Timestamp + "." + body)', provenance: 'official' },
  eftpay: { name: 'body.sign: hex SHA256(secret + sorted k=v&…)', provenance: 'inferred' },
  ottpay: { name: 'AES-128-ECB(data) keyed by md5 + signKey; md5 = upper(MD5(sorted values))', provenance: 'official' },
};

export const DEFAULT_TOLERANCE_SECONDS = 300;

const md5Upper = (b: Buffer): string => createHash('md5').update(b).digest('hex').toUpperCase();
const hmacHex = (secret: string, text: Buffer): string => createHmac('sha256', secret).update(text).digest('hex');

/** `${timestamp}.` followed by the raw bytes, without re-encoding the body. */
const dotted = (timestamp: string, raw: Buffer): Buffer => Buffer.concat([Buffer.from(`${timestamp}.`, 'utf8'), raw]);

export function qfpaySign(raw: Buffer, clientKey: string): string {
  return md5Upper(Buffer.concat([raw, Buffer.from(clientKey, 'utf8')]));
}

export function hmacTimestampSign(raw: Buffer, secret: string, timestamp: string): string {
  return hmacHex(secret, dotted(timestamp, raw));
}

function eftpayText(body: Obj): string {
  return Object.keys(body)
    .filter((k) => k !== 'sign')
    .sort()
    .flatMap((k) => {
      const v = body[k];
      if (v === undefined || v === null || v === '') return [];
      return [`${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`];
    })
    .join('&');
}

export function eftpaySign(body: Obj, secret: string): string {
  return createHash('sha256')
    .update(secret + eftpayText(body), 'utf8')
    .digest('hex');
}

/** Timestamps are documented in ms; a 10-digit value is read as seconds rather than rejected. */
function timestampMs(t: string): number | undefined {
  if (!/^\d{1,16}$/.test(t)) return undefined;
  const n = Number(t);
  return t.length <= 10 ? n * 1000 : n;
}

export interface VerifyInput {
  provider: ResponseProvider;
  raw: Buffer;
  header: (name: string) => string | undefined;
  secrets: readonly string[];
  now: number;
  toleranceSeconds: number;
}

/** Verifies and returns the body to read (OTT Pay: with `data` decrypted). Throws PaycodesSignatureError. */
export function verify(input: VerifyInput): Obj {
  const { provider, raw, header, secrets, now, toleranceSeconds } = input;
  const fail = (reason: ConstructorParameters<typeof PaycodesSignatureError>[1], msg: string): never => {
    throw new PaycodesSignatureError(provider, reason, `${provider} notification: ${msg}`);
  };
  const anySecret = (check: (secret: string) => boolean): boolean => {
    let ok = false;
    // Every secret is tried, so timing does not reveal which one matched.
    for (const s of secrets) if (check(s)) ok = true;
    return ok;
  };
  const readJson = (): Obj => {
    const p = parseBody(raw);
    if (!p.ok) return fail('malformed_payload', `the body is not JSON (${p.error})`);
    return p.value;
  };
  const checkTimestamp = (ts: string | undefined, headerName: string): string => {
    if (ts === undefined) return fail('missing_timestamp', `the ${headerName} header is missing`);
    const ms = timestampMs(ts);
    if (ms === undefined) return fail('missing_timestamp', `the ${headerName} header is not a number`);
    if (toleranceSeconds > 0 && Number.isFinite(toleranceSeconds) && Math.abs(now - ms) > toleranceSeconds * 1000) {
      return fail('stale_timestamp', `the ${headerName} is more than ${toleranceSeconds}s from now`);
    }
    return ts;
  };

  switch (provider) {
    case 'qfpay': {
      const sig = header('x-qf-sign');
      if (sig === undefined) return fail('missing_signature', 'the X-QF-SIGN header is missing');
      if (!anySecret((s) => safeEqual(qfpaySign(raw, s), sig.toUpperCase())))
        return fail('invalid_signature', 'X-QF-SIGN does not match the body');
      return readJson();
    }
    case 'shopline-payments':
    case 'subotiz': {
      const sigName = provider === 'subotiz' ? 'x-signature' : 'sign';
      const tsName = provider === 'subotiz' ? 'x-timestamp' : 'timestamp';
      const sig = header(sigName);
      if (sig === undefined) return fail('missing_signature', `the ${sigName} header is missing`);
      const ts = checkTimestamp(header(tsName), tsName);
      if (!anySecret((s) => safeEqual(hmacTimestampSign(raw, s, ts), sig.toLowerCase())))
        return fail('invalid_signature', `${sigName} does not match the body`);
      return readJson();
    }
    case 'eftpay': {
      const body = readJson();
      const sig = typeof body.sign === 'string' && Object.hasOwn(body, 'sign') ? body.sign.trim() : '';
      if (sig === '') return fail('missing_signature', 'the body has no sign field');
      if (!anySecret((s) => safeEqual(eftpaySign(body, s), sig.toLowerCase())))
        return fail('invalid_signature', 'sign does not match the body');
      return body;
    }
    case 'ottpay': {
      const body = readJson();
      const data = Object.hasOwn(body, 'data') ? body.data : undefined;
      const md5 = Object.hasOwn(body, 'md5') && typeof body.md5 === 'string' ? body.md5 : undefined;
      if (typeof data !== 'string' || data === '') return fail('missing_signature', 'the body has no encrypted data field');
      if (md5 === undefined) return fail('missing_signature', 'the body has no md5 field');
      for (const s of secrets) {
        const r = ottpayDecrypt(data, md5, s);
        if (r.ok) return { ...body, data: r.data };
      }
      return fail('invalid_signature', 'data does not decrypt to values matching md5 with this signKey');
    }
  }
}

/**
 * Signs a notification body the way the provider does, for tests and the mock server. Returns the
 * headers to send and the exact body bytes (eftPay and OTT Pay sign inside the body).
 */
export function signNotification(
  provider: ResponseProvider,
  body: Obj,
  secret: string,
  opts: { timestamp?: number } = {},
): { body: string; headers: Record<string, string> } {
  const ts = String(opts.timestamp ?? Date.now());
  switch (provider) {
    case 'qfpay': {
      const text = JSON.stringify(body);
      return { body: text, headers: { 'content-type': 'application/json', 'X-QF-SIGN': qfpaySign(Buffer.from(text), secret) } };
    }
    case 'shopline-payments': {
      const text = JSON.stringify(body);
      return {
        body: text,
        headers: {
          'content-type': 'application/json',
          timestamp: ts,
          sign: hmacTimestampSign(Buffer.from(text), secret, ts),
          apiVersion: 'V1',
        },
      };
    }
    case 'subotiz': {
      const text = JSON.stringify(body);
      return {
        body: text,
        headers: { 'content-type': 'application/json', 'X-Timestamp': ts, 'X-Signature': hmacTimestampSign(Buffer.from(text), secret, ts) },
      };
    }
    case 'eftpay': {
      const { sign: _drop, ...rest } = body;
      return { body: JSON.stringify({ ...rest, sign: eftpaySign(rest, secret) }), headers: { 'content-type': 'application/json' } };
    }
    case 'ottpay': {
      const inner = isObj(body.data) ? body.data : {};
      const enc = ottpayEncrypt(inner, secret);
      return { body: JSON.stringify({ ...body, data: enc.data, md5: enc.md5 }), headers: { 'content-type': 'application/json' } };
    }
  }
}
