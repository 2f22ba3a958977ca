import { HANT_TO_HANS } from '../data/hant-to-hans.js';

const HAN = /[\u3400-\u9fff]/;

/**
 * A fold over a Traditional → Simplified table given as concatenated pairs (even positions
 * Traditional, odd Simplified). The core folds with each provider's own slice of the table, which
 * the compiler cuts to the characters that provider's texts can match (`foldPairsFor`), so a
 * one-provider bundle does not carry all 3,000 pairs; everything else uses `fold`, the whole table.
 */
export function createFold(pairs: string): (text: string) => string {
  let table: Map<string, string> | undefined;
  const lookup = (): Map<string, string> => {
    if (table) return table;
    table = new Map();
    const chars = [...pairs];
    for (let i = 0; i + 1 < chars.length; i += 2) table.set(chars[i] as string, chars[i + 1] as string);
    return table;
  };
  /**
   * NFKC (full-width forms to ASCII), lower case, Traditional characters to Simplified, runs of
   * white space to one space. `餘額不足` and `余额不足` fold to the same string.
   */
  return (text: string): string => {
    // One scan for the common case, text in ASCII and precomposed Hangul: NFKC leaves it as it is
    // and it holds no Han, so only lower case and white space can change, and often neither does.
    let plain = true;
    let upper = false;
    let space = text.length > 0 && (text.charCodeAt(0) === 0x20 || text.charCodeAt(text.length - 1) === 0x20);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x7f) {
        if (c < 0xac00 || c > 0xd7a3) {
          plain = false;
          break;
        }
      } else if (c <= 0x20) {
        if (c < 0x20 || text.charCodeAt(i + 1) === 0x20) space = true;
      } else if (c >= 0x41 && c <= 0x5a) upper = true;
    }
    if (plain) {
      const s = upper ? text.toLowerCase() : text;
      return space ? s.replace(/\s+/g, ' ').trim() : s;
    }
    let s = text.normalize('NFKC').toLowerCase();
    if (pairs.length > 0 && HAN.test(s)) {
      const t = lookup();
      let out = '';
      for (const ch of s) out += t.get(ch) ?? ch;
      s = out;
    }
    return s.replace(/\s+/g, ' ').trim();
  };
}

/** Folds text for matching with the whole Traditional → Simplified table. */
export const fold: (text: string) => string = /* @__PURE__ */ createFold(HANT_TO_HANS);

/**
 * The pairs of the whole table that matter when folded messages are compared with these texts (by
 * equality or containment): a pair stays when either of its characters can occur in the folded
 * texts. Any other character folds, under the whole table, to one that occurs in none of the texts,
 * and left as it is it occurs in none of them either; a message holding it equals no text and is
 * contained in none, and whether a text is contained in it does not depend on that character. So
 * every comparison comes out the same with the slice as with the whole table.
 */
export function foldPairsFor(texts: Iterable<string>): string {
  const seen = new Set<string>();
  for (const t of texts) for (const ch of fold(t)) seen.add(ch);
  const chars = [...HANT_TO_HANS];
  let out = '';
  for (let i = 0; i + 1 < chars.length; i += 2) {
    const from = chars[i] as string;
    const to = chars[i + 1] as string;
    if (seen.has(from) || seen.has(to)) out += from + to;
  }
  return out;
}

/** True when the text holds Han characters. */
export function hasHan(text: string): boolean {
  return HAN.test(text);
}
