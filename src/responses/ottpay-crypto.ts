import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';
import { isObj, type Obj } from './body.js';
import { safeEqual } from './safe-equal.js';

/**
 * OTT Pay legacy "Appendix A" (official): md5 = upper(MD5(values of `data` sorted by key, concatenated));
 * AES key = upper(MD5(md5 + signKey)) characters 8..24; AES-128-ECB with PKCS#7 padding; Base64.
 * The key slicing is how the 3rd-party PHP and C# clients read step (3); the docs say "16-char MD5".
 */

const md5Hex = (s: string): string => createHash('md5').update(s, 'utf8').digest('hex');

function valueText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** upper(MD5(values sorted by key)). */
export function ottpayMd5(data: Obj): string {
  const keys = Object.keys(data).sort();
  return md5Hex(keys.map((k) => valueText(data[k])).join('')).toUpperCase();
}

export function ottpayAesKey(md5: string, signKey: string): Buffer {
  return Buffer.from(
    md5Hex(md5 + signKey)
      .toUpperCase()
      .slice(8, 24),
    'utf8',
  );
}

/** Encrypts `data` the way OTT Pay does (used by the mock server and fixtures). */
export function ottpayEncrypt(data: Obj, signKey: string): { data: string; md5: string } {
  const md5 = ottpayMd5(data);
  const cipher = createCipheriv('aes-128-ecb', ottpayAesKey(md5, signKey), null);
  const enc = Buffer.concat([cipher.update(JSON.stringify(data), 'utf8'), cipher.final()]);
  return { data: enc.toString('base64'), md5 };
}

export type OttpayDecrypted = { ok: true; data: Obj } | { ok: false; error: 'decrypt_failed' | 'md5_mismatch' | 'missing_md5' };

/** Decrypts `data` with the response's own `md5` and checks that md5 against the decrypted values. */
export function ottpayDecrypt(encrypted: string, md5: string | undefined, signKey: string): OttpayDecrypted {
  if (md5 === undefined || md5 === '') return { ok: false, error: 'missing_md5' };
  let parsed: unknown;
  try {
    const decipher = createDecipheriv('aes-128-ecb', ottpayAesKey(md5.toUpperCase(), signKey), null);
    const text = Buffer.concat([decipher.update(Buffer.from(encrypted, 'base64')), decipher.final()]).toString('utf8');
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, error: 'decrypt_failed' };
  }
  if (!isObj(parsed)) return { ok: false, error: 'decrypt_failed' };
  return safeEqual(ottpayMd5(parsed), md5.toUpperCase()) ? { ok: true, data: parsed } : { ok: false, error: 'md5_mismatch' };
}
