import { type Obj, parseBody } from './body.js';
import type { DECODERS } from './envelope-types.js';
import { ottpayDecrypt, ottpayMd5 } from './ottpay-crypto.js';
import { safeEqual } from './safe-equal.js';

/** A decoded body part, or why it stays unread (reported as the decision's parseError). */
export type Decoded = { ok: true; value: Obj } | { ok: false; note: string };

/**
 * Turns an encoded body part into an object. `check` is the digest field's value next to it and
 * `key` the caller's `signKey`. The provider's YAML names its decoder in `envelope.decode`.
 */
export type Decoder = (encoded: string, check: string | undefined, key: string | undefined) => Decoded;

/**
 * OTT Pay Appendix A (AES-128-ECB under a key derived from md5 + signKey, md5 over the values).
 * Some integrations hand `data` over already decrypted but still as JSON text: with a key, its md5
 * must still match the values, so a bogus or missing md5 leaves the state unread.
 */
const ottpayAes: Decoder = (encoded, check, key) => {
  const text = encoded.trim();
  let note = 'data is encrypted; pass { signKey } to read the order state';
  if (key !== undefined) {
    const r = ottpayDecrypt(text, check, key);
    if (r.ok) return { ok: true, value: r.data };
    note = `data could not be read: ${r.error}`;
  }
  if (!text.startsWith('{')) return { ok: false, note };
  const p = parseBody(text);
  if (!p.ok) return { ok: false, note };
  if (key === undefined || (check !== undefined && safeEqual(ottpayMd5(p.value), check.toUpperCase()))) return { ok: true, value: p.value };
  return {
    ok: false,
    note: `data is plain JSON whose md5 ${check === undefined ? 'is missing' : 'does not match'}: the order state is not trusted`,
  };
};

/** The one registry of logic that is not data: decoders by the name a provider's YAML gives. */
export const DECODER_REGISTRY: Record<(typeof DECODERS)[number], Decoder> = {
  'ottpay-aes': ottpayAes,
};
