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
    let s = dotless(text.normalize('NFKC').toLowerCase());
    if (pairs.length > 0 && HAN.test(s)) {
      const t = lookup();
      let out = '';
      for (const ch of s) out += t.get(ch) ?? ch;
      s = out;
    }
    return s.replace(/\s+/g, ' ').trim();
  };
}

/**
 * The same fold, with shortcuts for the classifier and search, which fold every message they see:
 * one scan for ASCII and Hangul, no NFKC for text it cannot change, and Traditional characters
 * looked up by code point. Kept apart from createFold so that the core, which folds only the odd
 * message it weighs, does not carry them (test/text/fold.property.test.ts holds both to the plain
 * definition).
 */
function createFastFold(pairs: string): (text: string) => string {
  // Keyed by code point: a number key is cheaper than a one-character string, and the table has
  // characters beyond the BMP.
  let table: Map<number, string> | undefined;
  let lowest = 0;
  const lookup = (): Map<number, string> => {
    if (table) return table;
    table = new Map();
    const chars = [...pairs];
    for (let i = 0; i + 1 < chars.length; i += 2) table.set((chars[i] as string).codePointAt(0) as number, chars[i + 1] as string);
    lowest = Math.min(...table.keys());
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
    let s = dotless((nfkcStable(text) ? text : text.normalize('NFKC')).toLowerCase());
    if (pairs.length > 0 && HAN.test(s)) s = simplified(s, lookup(), lowest);
    return s.replace(/\s+/g, ' ').trim();
  };
}

/**
 * Turkish capital İ lower-cases to i and a combining dot above (U+0307): "İşlem" would fold apart
 * from "işlem". The dot says nothing an i does not.
 */
function dotless(s: string): string {
  return s.includes('\u0307') ? s.replace(/i\u0307/g, 'i') : s;
}

/**
 * Text that NFKC leaves as it is, so the costly call can be skipped: ASCII, precomposed Latin-1
 * letters, CJK ideographs, kana and Hangul syllables, with no combining mark or compatibility form
 * anywhere (those are outside every range here, so one of them sends the text through NFKC).
 */
function nfkcStable(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x7f) continue;
    if (c >= 0x4e00 && c <= 0x9fff) continue;
    if (c >= 0xac00 && c <= 0xd7a3) continue;
    if (c >= 0x3400 && c <= 0x4dbf) continue;
    if (c >= 0x3041 && c <= 0x3096) continue;
    if (c >= 0x30a1 && c <= 0x30fc) continue;
    if (c === 0x3001 || c === 0x3002 || (c >= 0x300c && c <= 0x300f)) continue;
    if (c >= 0xc0 && c <= 0xff) continue;
    return false;
  }
  return true;
}

/** Replaces each character the table knows; builds a new string only from the first change on. */
function simplified(s: string, table: Map<number, string>, lowest: number): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    let cp = s.charCodeAt(i);
    let width = 1;
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < s.length) {
      const lo = s.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = ((cp - 0xd800) << 10) + (lo - 0xdc00) + 0x10000;
        width = 2;
      }
    }
    if (cp >= lowest) {
      const to = table.get(cp);
      if (to !== undefined) {
        out += s.slice(from, i) + to;
        from = i + width;
      }
    }
    i += width - 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

/** Folds text for matching with the whole Traditional → Simplified table. */
export const fold: (text: string) => string = /* @__PURE__ */ createFastFold(HANT_TO_HANS);

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
