import { HANT_TO_HANS } from '../data/hant-to-hans.js';

let table: Map<string, string> | undefined;

function hantToHans(): Map<string, string> {
  if (table) return table;
  table = new Map();
  const chars = [...HANT_TO_HANS];
  for (let i = 0; i + 1 < chars.length; i += 2) table.set(chars[i] as string, chars[i + 1] as string);
  return table;
}

const HAN = /[\u3400-\u9fff]/;

/**
 * Folds text for matching: NFKC (full-width forms to ASCII), lower case, Traditional characters to
 * Simplified, runs of white space to one space. `餘額不足` and `余额不足` fold to the same string.
 */
export function fold(text: string): string {
  let s = text.normalize('NFKC').toLowerCase();
  if (HAN.test(s)) {
    const t = hantToHans();
    let out = '';
    for (const ch of s) out += t.get(ch) ?? ch;
    s = out;
  }
  return s.replace(/\s+/g, ' ').trim();
}

/** True when the text holds Han characters. */
export function hasHan(text: string): boolean {
  return HAN.test(text);
}
