import { createHash } from 'node:crypto';
import { PaycodesInputError } from '../core/errors.js';
import type { ResponsesCatalog } from './catalog.js';
import { langOf } from './decide.js';
import { PaycodesSignatureError } from './errors.js';
import { responseProvider } from './from-response.js';
import { headerReader } from './headers.js';
import { decideExtracted } from './layers.js';
import { readNotification } from './notification-read.js';
import { DEFAULT_TOLERANCE_SECONDS, SCHEMES } from './schemes.js';
import type { NotificationDecision, NotificationOptions } from './types.js';

function rawBytes(payload: unknown): Buffer {
  if (typeof payload === 'string') return Buffer.from(payload, 'utf8');
  if (payload instanceof Uint8Array) return Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength);
  throw new PaycodesInputError(
    'payload',
    'paycodes: fromNotification() needs the raw request body (string or Buffer): signatures cover the exact bytes, which a parsed object no longer has',
  );
}

function secretsOf(provider: string, secret: NotificationOptions['secret']): string[] {
  const list = (Array.isArray(secret) ? secret : [secret]).filter((s): s is string => typeof s === 'string' && s !== '');
  if (list.length === 0)
    throw new PaycodesSignatureError(
      provider,
      'missing_secret',
      `${provider} notification: no secret given; a notification cannot be trusted without one`,
    );
  return list;
}

/** A clock and a window that cannot silently switch the timestamp check off. */
function clock(options: NotificationOptions): { now: number; toleranceSeconds: number } {
  const t = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (typeof t !== 'number' || !Number.isFinite(t) || t <= 0)
    throw new PaycodesInputError(
      'toleranceSeconds',
      `paycodes: toleranceSeconds must be a finite number of seconds above 0, got ${String(t)}`,
    );
  const n = options.now ?? Date.now();
  const now = n instanceof Date ? n.getTime() : n;
  if (typeof now !== 'number' || !Number.isFinite(now))
    throw new PaycodesInputError('now', `paycodes: now must be a Date or milliseconds since the epoch, got ${String(n)}`);
  return { now, toleranceSeconds: t };
}

/**
 * Verifies a provider's asynchronous notification and decides on it. `payload` is the raw body;
 * a missing secret, a missing or invalid signature, a stale timestamp or a replay reported by
 * `seen` throws `PaycodesSignatureError`: an untrusted notification never becomes a decision.
 */
export function readNotificationPayload(
  cat: ResponsesCatalog,
  provider: string,
  payload: string | Uint8Array,
  options: NotificationOptions = {},
): NotificationDecision {
  const { id, env } = responseProvider(cat, provider);
  if (typeof options !== 'object' || options === null) throw new PaycodesInputError('options', 'options must be an object');
  const sig = env.signature;
  if (sig === undefined)
    throw new PaycodesSignatureError(id, 'unsupported', `${id} notification: the catalog has no signature scheme for ${id}`);
  const raw = rawBytes(payload);
  const lang = langOf(options.lang);
  const secrets = secretsOf(id, options.secret);
  const { now, toleranceSeconds } = clock(options);
  if (options.seen !== undefined && typeof options.seen !== 'function')
    throw new PaycodesInputError('seen', 'paycodes: seen must be a function');
  const scheme = SCHEMES[sig.scheme];
  const body = scheme.verify({ provider: id, sig, raw, header: headerReader(options.headers), secrets, now, toleranceSeconds });
  const field = scheme.field(sig);
  const read = readNotification(body, env, field);
  // Without a timestamp in the signed text a captured notification stays valid forever: the hook lets the caller refuse repeats.
  if (options.seen) {
    const key = `${id}:${read.event.id ?? createHash('sha256').update(raw).digest('hex')}`;
    if (options.seen(key)) throw new PaycodesSignatureError(id, 'replayed', `${id} notification: ${key} was already processed`);
  }
  const d = decideExtracted(cat, id, read.ex, read.flow, lang);
  return { ...d, event: read.event, signature: { scheme: sig.scheme, provenance: sig.provenance, replayWindow: sig.replayWindow } };
}
