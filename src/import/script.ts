import { HANS_ONLY, HANT_TO_HANS } from '../data/hant-to-hans.js';

let trad: Set<string> | undefined;
let simp: Set<string> | undefined;

// Both tables come from opencc-js at build time (scripts/generate-fold.ts), so reading a table
// needs no converter at run time.
function tables(): [Set<string>, Set<string>] {
  if (trad && simp) return [trad, simp];
  const t = new Set<string>();
  const chars = [...HANT_TO_HANS];
  for (let i = 0; i + 1 < chars.length; i += 2) if (chars[i] !== chars[i + 1]) t.add(chars[i] as string);
  trad = t;
  simp = new Set(HANS_ONLY);
  return [t, simp];
}

export const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
/** Han characters plus CJK punctuation and full-width forms: what a Chinese column is made of. */
export const HAN_CLASS = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/** How many characters in `text` change under Traditional→Simplified folding, and how many are Simplified-only. */
export function scriptCounts(text: string): { hant: number; hans: number } {
  const [t, s] = tables();
  let hant = 0;
  let hans = 0;
  for (const ch of text) {
    if (t.has(ch)) hant++;
    else if (s.has(ch)) hans++;
  }
  return { hant, hans };
}

export type TextLang = 'en' | 'zh-Hant' | 'zh-Hans';

/** `zh-Hant`, `zh-Hans`, or undefined when the text is Chinese but reads the same in both scripts. */
export function chineseScript(text: string): 'zh-Hant' | 'zh-Hans' | undefined {
  const { hant, hans } = scriptCounts(text);
  if (hant > hans) return 'zh-Hant';
  if (hans > hant) return 'zh-Hans';
  return undefined;
}

/** The language of one text: English for Latin text, otherwise the Chinese script (with a fallback). */
export function detectLang(text: string, fallback: 'zh-Hant' | 'zh-Hans' = 'zh-Hant'): TextLang {
  if (!HAN.test(text)) return 'en';
  return chineseScript(text) ?? fallback;
}
