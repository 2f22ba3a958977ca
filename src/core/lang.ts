import { PaycodesInputError } from './errors.js';
import type { Lang } from './types.js';

// A Map, not an object literal: `__proto__` or `toString` must not find Object.prototype members.
const EXACT = new Map<string, Lang>([
  ['en', 'en'],
  ['zh-Hant', 'zh-Hant'],
  ['zh-Hans', 'zh-Hans'],
]);

/**
 * A BCP 47 tag as one of the three supported languages. Region tags map to the script their
 * readers use (zh-TW, zh-HK and zh-MO read Traditional; zh-CN and zh-SG Simplified).
 */
export function resolveLang(tag: unknown): Lang {
  if (typeof tag !== 'string') throw new PaycodesInputError('lang', `lang must be a string, got ${tag === null ? 'null' : typeof tag}`);
  const exact = EXACT.get(tag);
  if (exact !== undefined) return exact;
  const t = tag.trim().toLowerCase().replace(/_/g, '-');
  if (t === 'en' || t.startsWith('en-')) return 'en';
  if (t.startsWith('zh-hant') || t === 'zh-tw' || t === 'zh-hk' || t === 'zh-mo') return 'zh-Hant';
  if (t === 'zh' || t.startsWith('zh-hans') || t === 'zh-cn' || t === 'zh-sg') return 'zh-Hans';
  throw new PaycodesInputError('lang', `lang must be en, zh-Hant or zh-Hans, got ${JSON.stringify(tag.slice(0, 40))}`);
}
