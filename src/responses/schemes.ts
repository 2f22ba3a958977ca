import { createHash, createHmac } from 'node:crypto';
import { isObj, type Obj, parseBody } from './body.js';
import type { EnvelopeData } from './envelope.js';
import type { SIGNATURE_SCHEMES } from './envelope-types.js';
import { PaycodesSignatureError, type SignatureProblem } from './errors.js';
import { ottpayDecrypt, ottpayEncrypt } from './ottpay-crypto.js';
import { safeEqual } from './safe-equal.js';

/**
 * Notification signature schemes by name. A provider's YAML picks one (`envelope.signature.scheme`)
 * and names its header or field; the provenance of each provider's choice is in its YAML.
 * - `md5-body-key`: header = upper(MD5(raw body + key)) (QFPay).
 * - `hmac-sha256-timestamp-body`: header = hex HMAC-SHA256(key, `${timestamp}.${raw body}`), the
 *   timestamp (ms, or s when 10 digits) in its own header and checked against a skew window.
 * - `sha256-secret-sorted-params`: body field = hex SHA256(key + "k1=v1&k2=v2…"), keys in ASCII
 *   order, the signature field and empty values left out (eftPay, inferred). `k=v&` text is
 *   ambiguous when a value holds `&` or `=`, so such values are refused rather than signed or trusted.
 * - `aes-md5-data`: `data` is AES-128-ECB under a key derived from `md5` + key, and `md5` must equal
 *   MD5 of the decrypted values (OTT Pay Appendix A).
 */
export type SchemeName = (typeof SIGNATURE_SCHEMES)[number];
type Signature = NonNullable<EnvelopeData['signature']>;

export const DEFAULT_TOLERANCE_SECONDS = 300;

export interface VerifyInput {
  provider: string;
  sig: Signature;
  raw: Buffer;
  header: (name: string) => string | undefined;
  secrets: readonly string[];
  now: number;
  toleranceSeconds: number;
}

export interface Scheme {
  /** Checks a notification and returns the body to read; throws PaycodesSignatureError. */
  verify(input: VerifyInput): Obj;
  /** Signs a body the way the provider does: the exact bytes to send and the headers. */
  sign(sig: Signature, body: Obj | string, secret: string, timestamp: string): { body: string; headers: Record<string, string> };
  /** The field or header a verified notification was authenticated by. */
  field(sig: Signature): string;
}

const md5Upper = (b: Buffer): string => createHash('md5').update(b).digest('hex').toUpperCase();
const hmacHex = (secret: string, text: Buffer): string => createHmac('sha256', secret).update(text).digest('hex');

export function md5BodyKeySign(raw: Buffer, key: string): string {
  return md5Upper(Buffer.concat([raw, Buffer.from(key, 'utf8')]));
}

/** `${timestamp}.` followed by the raw bytes, without re-encoding the body. */
export function hmacTimestampSign(raw: Buffer, secret: string, timestamp: string): string {
  return hmacHex(secret, Buffer.concat([Buffer.from(`${timestamp}.`, 'utf8'), raw]));
}

const text = (v: unknown): string => (typeof v === 'object' ? JSON.stringify(v) : String(v));

/** The sorted `k=v&…` text, or the first key whose key or value would make it ambiguous. */
function sortedParams(body: Obj, signField: string): { ok: true; text: string } | { ok: false; key: string } {
  const parts: string[] = [];
  for (const k of Object.keys(body).sort()) {
    if (k === signField) continue;
    const v = body[k];
    if (v === undefined || v === null || v === '') continue;
    const s = text(v);
    if (/[&=]/.test(k) || /[&=]/.test(s)) return { ok: false, key: k };
    parts.push(`${k}=${s}`);
  }
  return { ok: true, text: parts.join('&') };
}

export function sortedParamsSign(body: Obj, secret: string, signField = 'sign'): string {
  const t = sortedParams(body, signField);
  if (!t.ok)
    throw new PaycodesSignatureError(
      'sortedParams',
      'malformed_payload',
      `paycodes: field ${JSON.stringify(t.key)} holds "&" or "=", which the k=v& signing text cannot carry unambiguously`,
    );
  return createHash('sha256')
    .update(secret + t.text, 'utf8')
    .digest('hex');
}

/** Timestamps are documented in ms; a 10-digit value is read as seconds rather than rejected. */
function timestampMs(t: string): number | undefined {
  if (!/^\d{1,16}$/.test(t)) return undefined;
  const n = Number(t);
  return t.length <= 10 ? n * 1000 : n;
}

function failer(provider: string) {
  return (reason: SignatureProblem, msg: string): never => {
    throw new PaycodesSignatureError(provider, reason, `${provider} notification: ${msg}`);
  };
}

/** Every secret is tried, so timing does not reveal which one matched. */
function anySecret(secrets: readonly string[], check: (secret: string) => boolean): boolean {
  let ok = false;
  for (const s of secrets) if (check(s)) ok = true;
  return ok;
}

function readJson(provider: string, raw: Buffer): Obj {
  const p = parseBody(raw);
  if (!p.ok) return failer(provider)('malformed_payload', `the body is not JSON (${p.error})`);
  return p.value;
}

const bodyText = (body: Obj | string): string => (typeof body === 'string' ? body : JSON.stringify(body));

function need(sig: Signature, key: 'header' | 'timestampHeader' | 'field'): string {
  const v = sig[key];
  if (v === undefined) throw new Error(`paycodes: signature scheme ${sig.scheme} needs envelope.signature.${key}`);
  return v;
}

export const SCHEMES: Record<SchemeName, Scheme> = {
  'md5-body-key': {
    field: (sig) => need(sig, 'header'),
    verify({ provider, sig, raw, header, secrets }) {
      const name = need(sig, 'header');
      const got = header(name);
      const fail = failer(provider);
      if (got === undefined) return fail('missing_signature', `the ${name} header is missing`);
      if (!anySecret(secrets, (s) => safeEqual(md5BodyKeySign(raw, s), got.toUpperCase())))
        return fail('invalid_signature', `${name} does not match the body`);
      return readJson(provider, raw);
    },
    sign(sig, body, secret) {
      const t = bodyText(body);
      return { body: t, headers: { 'content-type': 'application/json', [need(sig, 'header')]: md5BodyKeySign(Buffer.from(t), secret) } };
    },
  },
  'hmac-sha256-timestamp-body': {
    field: (sig) => need(sig, 'header'),
    verify({ provider, sig, raw, header, secrets, now, toleranceSeconds }) {
      const name = need(sig, 'header');
      const tsName = need(sig, 'timestampHeader');
      const fail = failer(provider);
      const got = header(name);
      if (got === undefined) return fail('missing_signature', `the ${name} header is missing`);
      const ts = header(tsName);
      if (ts === undefined) return fail('missing_timestamp', `the ${tsName} header is missing`);
      const ms = timestampMs(ts);
      if (ms === undefined) return fail('missing_timestamp', `the ${tsName} header is not a number`);
      if (Math.abs(now - ms) > toleranceSeconds * 1000)
        return fail('stale_timestamp', `the ${tsName} is more than ${toleranceSeconds}s from now`);
      if (!anySecret(secrets, (s) => safeEqual(hmacTimestampSign(raw, s, ts), got.toLowerCase())))
        return fail('invalid_signature', `${name} does not match the body`);
      return readJson(provider, raw);
    },
    sign(sig, body, secret, ts) {
      const t = bodyText(body);
      return {
        body: t,
        headers: {
          'content-type': 'application/json',
          [need(sig, 'timestampHeader')]: ts,
          [need(sig, 'header')]: hmacTimestampSign(Buffer.from(t), secret, ts),
        },
      };
    },
  },
  'sha256-secret-sorted-params': {
    field: (sig) => need(sig, 'field'),
    verify({ provider, sig, raw, secrets }) {
      const name = need(sig, 'field');
      const fail = failer(provider);
      const body = readJson(provider, raw);
      const got = Object.hasOwn(body, name) && typeof body[name] === 'string' ? body[name].trim() : '';
      if (got === '') return fail('missing_signature', `the body has no ${name} field`);
      const t = sortedParams(body, name);
      // A value with & or = could move text between fields and keep the signature valid.
      if (!t.ok)
        return fail(
          'malformed_payload',
          `field ${JSON.stringify(t.key)} holds "&" or "=", which the signed text cannot carry unambiguously`,
        );
      const expected = (s: string) =>
        createHash('sha256')
          .update(s + t.text, 'utf8')
          .digest('hex');
      if (!anySecret(secrets, (s) => safeEqual(expected(s), got.toLowerCase())))
        return fail('invalid_signature', `${name} does not match the body`);
      return body;
    },
    sign(sig, body, secret) {
      const name = need(sig, 'field');
      const obj = typeof body === 'string' ? parsedObject(body) : body;
      const { [name]: _drop, ...rest } = obj;
      return {
        body: JSON.stringify({ ...rest, [name]: sortedParamsSign(rest, secret, name) }),
        headers: { 'content-type': 'application/json' },
      };
    },
  },
  'aes-md5-data': {
    field: (sig) => need(sig, 'field'),
    verify({ provider, sig, raw, secrets }) {
      const name = need(sig, 'field');
      const fail = failer(provider);
      const body = readJson(provider, raw);
      const data = Object.hasOwn(body, 'data') ? body.data : undefined;
      const md5 = Object.hasOwn(body, name) && typeof body[name] === 'string' ? (body[name] as string) : undefined;
      if (typeof data !== 'string' || data === '') return fail('missing_signature', 'the body has no encrypted data field');
      if (md5 === undefined) return fail('missing_signature', `the body has no ${name} field`);
      for (const s of secrets) {
        const r = ottpayDecrypt(data, md5, s);
        if (r.ok) return { ...body, data: r.data };
      }
      return fail('invalid_signature', `data does not decrypt to values matching ${name} with this signKey`);
    },
    sign(sig, body, secret) {
      const obj = typeof body === 'string' ? parsedObject(body) : body;
      const inner = isObj(obj.data) ? obj.data : {};
      const enc = ottpayEncrypt(inner, secret);
      return {
        body: JSON.stringify({ ...obj, data: enc.data, [need(sig, 'field')]: enc.md5 }),
        headers: { 'content-type': 'application/json' },
      };
    },
  },
};

/** A JSON object body given as text (signing helpers accept either). */
function parsedObject(t: string): Obj {
  const p = parseBody(t);
  if (!p.ok || !isObj(p.value))
    throw new TypeError(`paycodes: the body to sign must be a JSON object (${p.ok ? 'not an object' : p.error})`);
  return p.value;
}
