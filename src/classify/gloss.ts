/**
 * An English reading of a message written in a language that the safety rules have no words for
 * (Portuguese, Indonesian, Vietnamese, Thai, French, German, Italian, Turkish, Polish, Russian, Dutch,
 * Czech, Hebrew, Arabic, Persian, Ukrainian, Hungarian, Romanian, Swedish, Norwegian, Danish, Finnish, and
 * terminals' shorthand such as NSF and INSUFF FUNDS: the glossaries marked `glossed` in
 * glossary/index.ts): each glossary word, phrase or term replaced by its
 * English words, everything else kept as it stands. The safety rules read it beside the message,
 * so "Transação aprovada" says that the money moved as "Transaction approved" does, and "Hết thời
 * gian chờ" is a time-out as "Timed out" is.
 *
 * Only a text that holds a word of those languages is glossed (features.ts says which); a text in
 * Spanish, Chinese or Japanese is read as it stands, since the rules are written in those languages
 * too.
 */
import { fold } from '../text/fold.js';
import { isThaiChar, isWordChar, THAI_TERM } from './features.js';
import { spellings, TERM_GLOSSARIES, WORD_GLOSSARIES } from './glossary/index.js';

let phrases: Map<string, string> | undefined;
const ZWNJ = /\u200c/g;
let terms: Map<string, string> | undefined;

function tables(): void {
  phrases = new Map();
  terms = new Map();
  // Every word glossary: a Portuguese text also holds the words it spells as Spanish does
  // (autorizada, cancelado), which are listed once, in Spanish.
  for (const { words, plain } of WORD_GLOSSARIES) {
    for (const [key, en] of Object.entries(words)) for (const s of spellings(fold(key), plain)) phrases.set(s, en);
  }
  for (const { terms: ts, glossed } of TERM_GLOSSARIES) if (glossed) for (const [key, en] of Object.entries(ts)) terms.set(fold(key), en);
}

/** The end of the word that starts at `i`. */
function wordEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length && isWordChar(text.charCodeAt(j))) j++;
  return j;
}

/**
 * `text` (folded) with its glossary words, phrases and terms in English. Linear: each word is
 * looked up at most three times (as a phrase of three, two or one), each Thai character at most
 * THAI_TERM times.
 */
export function glossText(text: string): string {
  if (phrases === undefined) tables();
  const p = phrases as Map<string, string>;
  const t = terms as Map<string, string>;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (isWordChar(c)) {
      // The word at i, and the next two where a single space joins them.
      const ends = [wordEnd(text, i)];
      for (let n = 1; n < 3; n++) {
        const e = ends[n - 1] as number;
        // A space, or a Persian zero-width non-joiner (می‌باشد: features.ts reads it as a space).
        const joiner = text.charCodeAt(e);
        if ((joiner !== 0x20 && joiner !== 0x200c) || !isWordChar(text.charCodeAt(e + 1))) break;
        ends.push(wordEnd(text, e + 1));
      }
      let taken = false;
      for (let n = ends.length - 1; n >= 0 && !taken; n--) {
        const words = text.slice(i, ends[n]);
        const en = p.get(words.includes('\u200c') ? words.replace(ZWNJ, ' ') : words);
        if (en !== undefined) {
          out += en;
          i = ends[n] as number;
          taken = true;
        }
      }
      if (!taken) {
        out += text.slice(i, ends[0]);
        i = ends[0] as number;
      }
      continue;
    }
    if (isThaiChar(c)) {
      let end = i;
      while (end < text.length && isThaiChar(text.charCodeAt(end))) end++;
      let taken = false;
      for (let n = Math.min(THAI_TERM, end - i); n >= 2 && !taken; n--) {
        const en = t.get(text.slice(i, i + n));
        if (en !== undefined) {
          out += ` ${en} `;
          i += n;
          taken = true;
        }
      }
      if (!taken) {
        out += text[i];
        i++;
      }
      continue;
    }
    out += text[i];
    i++;
  }
  return out.replace(/ {2,}/g, ' ').trim();
}
