/**
 * Turns a folded message into hashed features, the same way at training time and at run time.
 *
 * One pass over the characters, no regular expressions and no substrings: a word's hash is built
 * as its letters go by. Features, each in its own hash namespace:
 * - words (Latin letters and digits, Hangul) and pairs of neighbouring words;
 * - pairs of neighbouring Hangul syllables inside a word (Korean glues particles to its stems);
 * - single Han/Kana characters and pairs of neighbouring ones (CJK text has no spaces);
 * - the words of a code such as `AMOUNT_NOT_ENOUGH` or `orderNotFound` (bare numbers say nothing
 *   across providers, so codes without letters give none);
 * - the flow the caller asked about.
 *
 * A word or phrase of a glossary (Spanish, Portuguese, Russian … : glossary/index.ts), and a Chinese,
 * Japanese or Thai term wherever it stands in a run of its script, also give their English words'
 * features (glossary/).
 */

import { fold } from '../text/fold.js';
import { spellings, TERM_GLOSSARIES, WORD_GLOSSARIES } from './glossary/index.js';

const FNV_PRIME = 0x01000193;
const FNV_OFFSET = 0x811c9dc5;

export const NS_WORD = 1;
export const NS_WORD_PAIR = 2;
export const NS_CHAR = 3;
export const NS_CHAR_PAIR = 4;
export const NS_CODE = 5;
export const NS_CODE_PAIR = 6;
export const NS_FLOW = 7;
export const NS_BIAS = 8;
export const NS_PREFIX = 9;
export const NS_HANGUL_PAIR = 10;
/** Not a feature: the key under which a Chinese, Japanese or Thai glossary term is looked up. */
const NS_CJK_TERM = 11;
/** Not a feature: the key under which a three-word glossary phrase is looked up. */
const NS_PHRASE3 = 12;
/** Longest Chinese or Japanese glossary term looked for, in characters. */
const CJK_TERM = 9;
/** The same for Thai, whose words are spelled with more characters (and vowel signs). */
export const THAI_TERM = 16;

/** Words longer than this also give their first PREFIX letters: refund, refunded, refunds meet. */
const PREFIX = 5;

/** Longest text looked at: the words that decide come first, and the cost stays bounded. */
export const MAX_FEATURE_TEXT = 1024;

function mix(h: number): number {
  let x = h;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  // 30 bits: a small integer that V8 never boxes; collisions stay negligible at catalog sizes.
  return x & 0x3fffffff;
}

/** The hash of a feature of namespace `ns` whose running (unmixed) hash is `h`. */
function finish(ns: number, h: number): number {
  return mix(Math.imul(h, FNV_PRIME) ^ ns);
}

function pair(ns: number, a: number, b: number): number {
  return mix(Math.imul(a ^ 0x9e3779b9, FNV_PRIME) ^ Math.imul(b, 0x27d4eb2f) ^ ns);
}

enum Kind {
  Other = 0,
  Word = 1,
  Cjk = 2,
}

function isHiragana(c: number): boolean {
  return c >= 0x3040 && c <= 0x309f;
}

function kindOf(c: number): Kind {
  if (c < 0x80) {
    // a-z and 0-9; the text is already lower-case.
    return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) ? Kind.Word : Kind.Other;
  }
  if ((c >= 0x3400 && c <= 0x9fff) || (c >= 0x3040 && c <= 0x30ff) || (c >= 0xf900 && c <= 0xfaff)) return Kind.Cjk;
  if (c >= 0xac00 && c <= 0xd7a3) return Kind.Word; // Hangul syllables: Korean puts spaces between words
  if ((c >= 0xc0 && c <= 0x24f) || (c >= 0x370 && c <= 0x52f)) return Kind.Word; // accented Latin, Greek, Cyrillic
  if (c >= 0x1e00 && c <= 0x1eff) return Kind.Word; // Latin with two marks: Vietnamese (dịch, thẻ, lỗi)
  // Hebrew and Arabic letters (not their vowel marks, which split a word where a rare text carries
  // them): both scripts put spaces between words, and their glossaries' keys are words.
  if ((c >= 0x5d0 && c <= 0x5f2) || (c >= 0x620 && c <= 0x64a) || (c >= 0x660 && c <= 0x669) || (c >= 0x66e && c <= 0x6d3)) {
    return Kind.Word;
  }
  // Thai, like Han and Kana, puts no spaces between words.
  if (isThaiChar(c)) return Kind.Cjk;
  return Kind.Other;
}

/** A letter or digit of a word (folded text): Latin, Greek, Cyrillic, Hangul, Hebrew, Arabic. */
export function isWordChar(c: number): boolean {
  return kindOf(c) === Kind.Word;
}

export function isThaiChar(c: number): boolean {
  return c >= 0x0e01 && c <= 0x0e5b;
}

/** The word feature of `word` (lower-case letters) and, past PREFIX letters, its prefix's. */
function wordFeatures(word: string): number[] {
  let h = FNV_OFFSET;
  let hp = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) {
    h = Math.imul(h ^ word.charCodeAt(i), FNV_PRIME);
    if (i + 1 === PREFIX) hp = h;
  }
  return word.length > PREFIX ? [finish(NS_WORD, h), finish(NS_PREFIX, hp)] : [finish(NS_WORD, h)];
}

/** The features of English words (one or more, space-separated). */
function englishFeatures(words: string): number[] {
  return words.split(' ').flatMap(wordFeatures);
}

/**
 * The lookup key of a glossary word or phrase (folded words, space-separated): a word's own
 * feature; for two words, their pair feature; for three, the pair's and the third word's, as the
 * scan meets them.
 */
function wordKey(phrase: string): number {
  const ws = phrase.split(' ').map((w) => wordFeatures(w)[0] as number);
  if (ws.length > 3) throw new Error(`glossary phrase of more than three words: ${phrase}`);
  if (ws.length === 1) return ws[0] as number;
  const two = pair(NS_WORD_PAIR, ws[0] as number, ws[1] as number);
  if (ws.length === 2) return two;
  phraseStarts[(two >>> 5) & 2047] = (phraseStarts[(two >>> 5) & 2047] as number) | (1 << (two & 31));
  return pair(NS_PHRASE3, two, ws[2] as number);
}

/** The lookup key of a run of Han or Kana, hashed from its last character back, as the scan reads it. */
function cjkTermKey(term: string): number {
  let g = FNV_OFFSET;
  for (let i = term.length - 1; i >= 0; i--) g = Math.imul(g ^ term.charCodeAt(i), FNV_PRIME);
  return finish(NS_CJK_TERM, g);
}

/** What a glossary key stands for. */
interface Gloss {
  /** Its English words' features. */
  feats: number[];
  /**
   * A glossed language's (glossary/index.ts): the safety rules read it in English, and its English
   * words also pair with their neighbours, as English words do ("transação aprovada" gives the
   * pair "transaction approved"). The other glossaries' languages are in the catalog, and their
   * features stay as the model was trained on them.
   */
  glossed: boolean;
  /** The features of its first and last English word. */
  first: number;
  last: number;
}

let glossByHash: Map<number, Gloss> | undefined;
/** Whether the last text scanned held a word of a glossed language. */
let sawGlossed = false;

/** Whether the last call of features() met a word that the safety rules read only glossed. */
export function needsGloss(): boolean {
  return sawGlossed;
}
/**
 * One bit per low 16 bits of each glossary key (a word's feature, a phrase's, a Chinese, Japanese
 * or Thai term's lookup key). Most words and runs of most messages hold none: a bit that is clear rules
 * them out without a map lookup, which cost a few per cent of classify().
 */
const glossBits = new Uint32Array(2048);
/**
 * One bit per low 16 bits of the pair feature of each three-word phrase's first two words: most
 * pairs start none, and a clear bit spares hashing the third word in.
 */
const phraseStarts = new Uint32Array(2048);
/** One bit per character (of the Basic Multilingual Plane) that ends a Chinese, Japanese or Thai glossary term. */
const termEnds = new Uint32Array(2048);
/**
 * The glossaries by key, to their English words' features: each term, folded; each word or phrase,
 * folded, and spelled without its accents where its glossary says so.
 */
function glosses(): Map<number, Gloss> {
  if (glossByHash) return glossByHash;
  const m = new Map<number, Gloss>();
  const mark = (w: number): void => {
    glossBits[(w >>> 5) & 2047] = (glossBits[(w >>> 5) & 2047] as number) | (1 << (w & 31));
  };
  const gloss = (en: string, glossed: boolean): Gloss => {
    const words = en.split(' ').map((w) => wordFeatures(w)[0] as number);
    const feats = englishFeatures(en);
    if (glossed) for (let i = 1; i < words.length; i++) feats.push(pair(NS_WORD_PAIR, words[i - 1] as number, words[i] as number));
    return { feats, glossed, first: words[0] as number, last: words[words.length - 1] as number };
  };
  for (const { terms, glossed } of TERM_GLOSSARIES) {
    for (const [term, en] of Object.entries(terms)) {
      const folded = fold(term);
      const end = folded.charCodeAt(folded.length - 1);
      termEnds[end >>> 5] = (termEnds[end >>> 5] as number) | (1 << (end & 31));
      const key = cjkTermKey(folded);
      m.set(key, gloss(en, glossed));
      mark(key);
    }
  }
  for (const { words, plain, glossed } of WORD_GLOSSARIES) {
    for (const [word, en] of Object.entries(words)) {
      const to = gloss(en, glossed);
      for (const spelling of spellings(fold(word), plain)) {
        const w = wordKey(spelling);
        m.set(w, to);
        mark(w);
      }
    }
  }
  glossByHash = m;
  return m;
}

/** What the glossary key `w` stands for, if it is one. */
function glossOf(w: number): Gloss | undefined {
  if (((glossBits[(w >>> 5) & 2047] as number) & (1 << (w & 31))) === 0) return undefined;
  const to = glossByHash?.get(w);
  if (to?.glossed) sawGlossed = true;
  return to;
}

/** Where features go: a plain array (training), or a FeatureBuffer reused message after message. */
export interface FeatureSink {
  push(hash: number): unknown;
}

/** Where each feature's place goes, as two numbers: start and end. */
export interface SpanSink {
  push(start: number, end: number): unknown;
}

/**
 * A message's features, kept from one message to the next. An array emptied with `length = 0`
 * drops its storage and grows it again, a few times, for every message classified.
 */
export class FeatureBuffer implements FeatureSink, SpanSink {
  at: Int32Array;
  length = 0;
  constructor(width: number) {
    this.at = new Int32Array(width);
  }
  push(a: number, b?: number): void {
    if (this.length + 2 > this.at.length) {
      const wider = new Int32Array(this.at.length * 2);
      wider.set(this.at);
      this.at = wider;
    }
    this.at[this.length++] = a;
    if (b !== undefined) this.at[this.length++] = b;
  }
}

/**
 * Appends a glossary key's features, quoting [start, end), but for the word's own (`ownWord`,
 * `ownPrefix`, -1 for none): "transacción" already gave the prefix "trans" that its English
 * "transaction" gives too, and one feature given twice weighs double ("Transacción rechazada" read
 * as a duplicate for its two "trans"). In a glossed language its first English word also pairs with
 * the English side of the word before it (`before`, quoted from `beforeStart`), as two English
 * words side by side do.
 */
function pushGloss(
  g: Gloss,
  out: FeatureSink,
  spans: SpanSink | undefined,
  start: number,
  end: number,
  before: number,
  beforeStart: number,
  ownWord: number,
  ownPrefix: number,
): void {
  for (const f of g.feats) {
    if (f === ownWord || f === ownPrefix) continue;
    out.push(f);
    if (spans) spans.push(start, end);
  }
  if (g.glossed && before !== 0) {
    out.push(pair(NS_WORD_PAIR, before, g.first));
    if (spans) spans.push(beforeStart, end);
  }
}

/**
 * Appends the hashed word features of `text` (already folded) to `out`, under namespaces `nsWord`
 * and `nsPair`. Words made only of digits are skipped: amounts, ids and codes are not evidence.
 * When `spans` is given, each feature's [start, end) in `text` (plus `offset`) is appended to it,
 * so that evidence can quote the words without a second pass.
 */
export function textFeatures(text: string, out: FeatureSink, nsWord = NS_WORD, nsPair = NS_WORD_PAIR, spans?: SpanSink, offset = 0): void {
  const n = Math.min(text.length, MAX_FEATURE_TEXT);
  const nsPrefix = nsWord === NS_WORD ? NS_PREFIX : nsWord + 16;
  if (glossByHash === undefined) glosses();
  let prevWord = 0; // hash of the previous word, 0 when none (reset by punctuation)
  let prevStart = 0;
  let prevPair = 0; // the previous pair feature, 0 when none
  let pairStart = 0;
  // The English side of the last three words, for the pairs a glossed language's words make: a
  // word of such a language stands for its gloss's last English word, any other word for itself.
  // 0 when none; each with the offset its quote starts at.
  let en1 = 0;
  let en1Start = 0;
  let en2 = 0;
  let en2Start = 0;
  let en3 = 0;
  let en3Start = 0;
  // The last Thai term read, for the same pairs between terms that stand side by side.
  let termEnd = -1;
  let termEn = 0;
  let termStart = 0;
  let prevChar = -1;
  let h = FNV_OFFSET;
  let hLast = FNV_OFFSET; // h before the word's last letter
  let hp = FNV_OFFSET;
  let len = 0;
  let letters = false;
  let prevSyllable = -1;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 0x20;
    const k = i < n ? kindOf(c) : Kind.Other;
    if (k === Kind.Word) {
      prevChar = -1;
      // Korean glues particles and endings to its stems (카드번호가, 카드번호를): pairs of
      // neighbouring syllables inside a word let those forms meet, as CJK character pairs do. A
      // two-syllable stem on its own (카드) gives its pair too, and so meets its longer forms.
      if (c >= 0xac00 && c <= 0xd7a3 && nsWord === NS_WORD) {
        if (prevSyllable >= 0) {
          out.push(pair(NS_HANGUL_PAIR, prevSyllable, c));
          if (spans) spans.push(offset + i - 1, offset + i + 1);
        }
        prevSyllable = c;
      } else prevSyllable = -1;
      hLast = h;
      h = Math.imul(h ^ c, FNV_PRIME);
      len++;
      if (len === PREFIX) hp = h;
      if (c > 0x39) letters = true;
      continue;
    }
    prevSyllable = -1;
    if (len > 0) {
      const s0 = i - len;
      if (letters) {
        const w = finish(nsWord, h);
        out.push(w);
        if (spans) spans.push(offset + s0, offset + i);
        let gloss = nsWord === NS_WORD ? glossOf(w) : undefined;
        // A Spanish plural (tarjetas, rechazadas, inválidos) reads as its singular.
        if (gloss === undefined && nsWord === NS_WORD && len > 3 && text.charCodeAt(i - 1) === 0x73)
          gloss = glossOf(finish(NS_WORD, hLast));
        let en = w;
        let enStart = offset + s0;
        // Hashes are 30 bits: -1 is no feature.
        const wp = len > PREFIX ? finish(nsPrefix, hp) : -1;
        if (wp >= 0) {
          out.push(wp);
          if (spans) spans.push(offset + s0, offset + s0 + PREFIX);
        }
        let pw = 0;
        if (prevWord !== 0) {
          pw = pair(nsPair, prevWord, w);
          out.push(pw);
          if (spans) spans.push(offset + prevStart, offset + i);
        }
        // The longest glossary phrase that ends here stands for its words: "không thành công" is
        // "unsuccessful", and its last two words ("thành công", success) then say nothing more.
        let words = 1;
        if (nsWord === NS_WORD && prevWord !== 0) {
          const three =
            prevPair !== 0 && ((phraseStarts[(prevPair >>> 5) & 2047] as number) & (1 << (prevPair & 31))) !== 0
              ? glossOf(pair(NS_PHRASE3, prevPair, w))
              : undefined;
          const two = three === undefined ? glossOf(pw) : undefined;
          if (three !== undefined) {
            gloss = three;
            words = 3;
          } else if (two !== undefined) {
            gloss = two;
            words = 2;
          }
        }
        if (gloss !== undefined) {
          // The phrase's first word, and the English side of the word before it.
          const start = words === 1 ? s0 : words === 2 ? prevStart : pairStart;
          const before = words === 1 ? en1 : words === 2 ? en2 : en3;
          const beforeStart = words === 1 ? en1Start : words === 2 ? en2Start : en3Start;
          pushGloss(gloss, out, spans, offset + start, offset + i, before, beforeStart, w, wp);
          if (gloss.glossed) {
            en = gloss.last;
            enStart = offset + start;
          }
        } else if (en1 !== prevWord && en1 !== 0) {
          // A word after a glossed one pairs with its English side too.
          out.push(pair(NS_WORD_PAIR, en1, w));
          if (spans) spans.push(en1Start, offset + i);
        }
        prevPair = pw;
        pairStart = prevStart;
        prevWord = w;
        prevStart = s0;
        en3 = en2;
        en3Start = en2Start;
        en2 = en1;
        en2Start = en1Start;
        en1 = en;
        en1Start = enStart;
      } else {
        prevWord = 0;
        en1 = en2 = en3 = 0;
      }
      h = FNV_OFFSET;
      len = 0;
      letters = false;
    }
    if (k === Kind.Cjk) {
      // Hiragana carries Japanese grammar (particles, endings: が, を, ています), not what went
      // wrong; it gives no feature of its own, and a pair only where it ends a stem (切れ, 正し).
      if (!isHiragana(c)) {
        out.push(finish(NS_CHAR, c));
        if (spans) spans.push(offset + i, offset + i + 1);
      }
      if (prevChar >= 0 && !isHiragana(prevChar)) {
        out.push(pair(NS_CHAR_PAIR, prevChar, c));
        if (spans) spans.push(offset + i - 1, offset + i + 1);
      }
      // The glossary terms that end here: the run read back from this character, a bounded walk,
      // taken only at a character that ends some term.
      if (prevChar >= 0 && nsWord === NS_WORD && ((termEnds[c >>> 5] as number) & (1 << (c & 31))) !== 0) {
        let g = Math.imul(FNV_OFFSET ^ c, FNV_PRIME);
        const longest = c < 0x0e80 ? THAI_TERM : CJK_TERM;
        const lastEnd = termEnd;
        const lastEn = termEn;
        const lastStart = termStart;
        for (let j = i - 1; j >= 0 && i - j < longest; j--) {
          const cj = text.charCodeAt(j);
          if (kindOf(cj) !== Kind.Cjk) break;
          g = Math.imul(g ^ cj, FNV_PRIME);
          const gloss = glossOf(finish(NS_CJK_TERM, g));
          if (gloss === undefined) continue;
          pushGloss(gloss, out, spans, offset + j, offset + i + 1, j === lastEnd ? lastEn : 0, lastStart, -1, -1);
          // The walk goes from the shortest term to the longest: the longest is what the next
          // term pairs with.
          if (gloss.glossed) {
            termEn = gloss.last;
            termStart = offset + j;
            termEnd = i + 1;
          }
        }
      }
      prevChar = c;
      continue;
    }
    prevChar = -1;
    // A space joins words into pairs, and so does a zero-width non-joiner, which Persian writes
    // where a verb's prefix or a plural's suffix meets its word (می‌باشد); other punctuation ends a
    // phrase.
    if (c !== 0x20 && c !== 0x200c) {
      prevWord = 0;
      en1 = en2 = en3 = 0;
    }
  }
}

/**
 * The words of a code: `AMOUNT_NOT_ENOUGH`, `orderNotFound`, `card-declined` → "amount not enough",
 * "order not found", "card declined". Empty when the code has fewer than three letters in a row.
 */
export function codeWords(code: unknown): string {
  // Only strings and numbers: String() on an object from an untyped caller can throw.
  if (typeof code !== 'string' && typeof code !== 'number') return '';
  const s = String(code).slice(0, 64);
  let out = '';
  let run = 0;
  let longest = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const upper = c >= 0x41 && c <= 0x5a;
    const lower = c >= 0x61 && c <= 0x7a;
    if (upper || lower) {
      const prev = i > 0 ? s.charCodeAt(i - 1) : 0;
      if (upper && prev >= 0x61 && prev <= 0x7a) out += ' ';
      out += upper ? String.fromCharCode(c + 32) : s[i];
      run++;
      if (run > longest) longest = run;
    } else {
      run = 0;
      out += c >= 0x30 && c <= 0x39 ? s[i] : ' ';
    }
  }
  return longest >= 3 ? out.trim() : '';
}

/**
 * All features of one input. `text` is folded; `words` comes from codeWords(). With `spans`, each
 * feature's place is recorded: offsets into `text`, or into `words` plus CODE_OFFSET; -1 for the
 * bias and the flow.
 */
export function features<T extends FeatureSink = number[]>(
  text: string,
  words: string,
  flow: string | undefined,
  out?: T,
  spans?: SpanSink,
): T {
  const sink = out ?? ([] as unknown as T);
  sawGlossed = false;
  sink.push(finish(NS_BIAS, FNV_OFFSET));
  if (spans) spans.push(-1, -1);
  if (text) textFeatures(text, sink, NS_WORD, NS_WORD_PAIR, spans, 0);
  if (words) textFeatures(words, sink, NS_CODE, NS_CODE_PAIR, spans, CODE_OFFSET);
  if (flow) {
    sink.push(flowFeature(flow));
    if (spans) spans.push(-1, -1);
  }
  return sink;
}

/** Added to the offsets of features that come from the code's words. */
export const CODE_OFFSET = 1 << 20;

function flowFeature(flow: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < flow.length && i < 32; i++) h = Math.imul(h ^ flow.charCodeAt(i), FNV_PRIME);
  return finish(NS_FLOW, h);
}
