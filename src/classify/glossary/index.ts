/**
 * What the classifier's features read in languages the catalog holds little or none of: each
 * glossary word also gives the features of its English word(s), which the model learned from
 * thousands of texts (features.ts).
 *
 * Two kinds, by how the language writes a word:
 * - with spaces between words (Spanish, Portuguese, Indonesian, Vietnamese, French, German, Italian,
 *   Turkish, Polish, Russian, Dutch, Czech, Hebrew, Arabic, Ukrainian, Hungarian, Romanian, Swedish,
 *   Norwegian, Danish, Finnish, and the shorthand of card terminals and bank-debit returns: NSF,
 *   INSUFF, ACCT): a key is
 *   a word, or a phrase of two or three words, matched where those words stand side by side;
 * - without (Chinese, Japanese, Thai): a key is a term, matched wherever it stands in a run of the
 *   script.
 */

import { ARABIC_GLOSSARY } from './arabic.js';
import { CJK_GLOSSARY } from './cjk.js';
import { CZECH_GLOSSARY } from './czech.js';
import { DUTCH_GLOSSARY } from './dutch.js';
import { FINNISH_GLOSSARY } from './finnish.js';
import { FRENCH_GLOSSARY } from './french.js';
import { GERMAN_GLOSSARY } from './german.js';
import { HEBREW_GLOSSARY } from './hebrew.js';
import { HUNGARIAN_GLOSSARY } from './hungarian.js';
import { INDONESIAN_GLOSSARY } from './indonesian.js';
import { ITALIAN_GLOSSARY } from './italian.js';
import { PERSIAN_GLOSSARY } from './persian.js';
import { POLISH_GLOSSARY } from './polish.js';
import { PORTUGUESE_GLOSSARY } from './portuguese.js';
import { ROMANIAN_GLOSSARY } from './romanian.js';
import { RUSSIAN_GLOSSARY } from './russian.js';
import { SCANDINAVIAN_GLOSSARY } from './scandinavian.js';
import { SHORTHAND_GLOSSARY } from './shorthand.js';
import { SPANISH_GLOSSARY } from './spanish.js';
import { THAI_GLOSSARY } from './thai.js';
import { TURKISH_GLOSSARY } from './turkish.js';
import { UKRAINIAN_GLOSSARY } from './ukrainian.js';
import { VIETNAMESE_GLOSSARY } from './vietnamese.js';

export {
  ARABIC_GLOSSARY,
  CJK_GLOSSARY,
  CZECH_GLOSSARY,
  DUTCH_GLOSSARY,
  FINNISH_GLOSSARY,
  FRENCH_GLOSSARY,
  GERMAN_GLOSSARY,
  HEBREW_GLOSSARY,
  HUNGARIAN_GLOSSARY,
  INDONESIAN_GLOSSARY,
  ITALIAN_GLOSSARY,
  PERSIAN_GLOSSARY,
  POLISH_GLOSSARY,
  PORTUGUESE_GLOSSARY,
  ROMANIAN_GLOSSARY,
  RUSSIAN_GLOSSARY,
  SCANDINAVIAN_GLOSSARY,
  SHORTHAND_GLOSSARY,
  SPANISH_GLOSSARY,
  THAI_GLOSSARY,
  TURKISH_GLOSSARY,
  UKRAINIAN_GLOSSARY,
  VIETNAMESE_GLOSSARY,
};

export interface WordGlossary {
  words: Readonly<Record<string, string>>;
  /** The safety rules have no words in this language: they read its messages glossed (gloss.ts). */
  glossed: boolean;
  /**
   * Which keys are also looked up without their accents or tone marks, as people type them
   * ("transaccion", "giao dich"): all, or only phrases. A Vietnamese syllable without its marks is
   * often an English word (thẻ, "card", would become "the").
   */
  plain: 'all' | 'phrases';
}

/** Languages written with spaces between words. */
export const WORD_GLOSSARIES: readonly WordGlossary[] = [
  { words: SPANISH_GLOSSARY, plain: 'all', glossed: false },
  { words: PORTUGUESE_GLOSSARY, plain: 'all', glossed: true },
  { words: INDONESIAN_GLOSSARY, plain: 'all', glossed: true },
  { words: VIETNAMESE_GLOSSARY, plain: 'phrases', glossed: true },
  { words: FRENCH_GLOSSARY, plain: 'all', glossed: true },
  { words: GERMAN_GLOSSARY, plain: 'all', glossed: true },
  { words: ITALIAN_GLOSSARY, plain: 'all', glossed: true },
  { words: TURKISH_GLOSSARY, plain: 'all', glossed: true },
  { words: POLISH_GLOSSARY, plain: 'all', glossed: true },
  { words: RUSSIAN_GLOSSARY, plain: 'all', glossed: true },
  { words: DUTCH_GLOSSARY, plain: 'all', glossed: true },
  { words: CZECH_GLOSSARY, plain: 'all', glossed: true },
  { words: HEBREW_GLOSSARY, plain: 'all', glossed: true },
  { words: ARABIC_GLOSSARY, plain: 'all', glossed: true },
  { words: PERSIAN_GLOSSARY, plain: 'all', glossed: true },
  { words: UKRAINIAN_GLOSSARY, plain: 'all', glossed: true },
  { words: HUNGARIAN_GLOSSARY, plain: 'all', glossed: true },
  { words: ROMANIAN_GLOSSARY, plain: 'all', glossed: true },
  { words: SCANDINAVIAN_GLOSSARY, plain: 'all', glossed: true },
  { words: FINNISH_GLOSSARY, plain: 'all', glossed: true },
  { words: SHORTHAND_GLOSSARY, plain: 'all', glossed: true },
];

export interface TermGlossary {
  terms: Readonly<Record<string, string>>;
  /** See WordGlossary.glossed. */
  glossed: boolean;
}

/** Languages written without spaces between words. */
export const TERM_GLOSSARIES: readonly TermGlossary[] = [
  { terms: CJK_GLOSSARY, glossed: false },
  { terms: THAI_GLOSSARY, glossed: true },
];

/**
 * A spelling without accents or tone marks: transacción → transaccion, giao dịch → giao dich; a
 * Turkish dotless ı as i, since "KARTIN" lower-cases to "kartin", not "kartın"; and a Polish ł as l,
 * as ASCII-only APIs write it (platnosc), though NFD does not take its stroke off.
 */
export function plainSpelling(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/ı/g, 'i')
    .replace(/ł/g, 'l');
}

/**
 * The spellings under which a word glossary's key (folded) is looked up: as written; with a Romanian
 * ș or ț as the cedilla letter ş or ţ that older keyboards and encodings write in its place
 * (tranzacţie), which no fold makes one with it; a Persian key with the Arabic letters for ی and ک;
 * and, where `plain` says so, without its marks.
 */
export function spellings(key: string, plain: WordGlossary['plain']): string[] {
  const out = [key];
  const cedilla = key.replace(/ș/g, 'ş').replace(/ț/g, 'ţ');
  if (cedilla !== key) out.push(cedilla);
  // Turkish in capitals lower-cases its I to i, not ı ("BAŞARILI" → "başarili"), keeping its
  // other marks.
  const dotted = key.replace(/ı/g, 'i');
  if (dotted !== key) out.push(dotted);
  // Persian's ی and ک as the Arabic letters ي and ك, which much Persian software writes.
  const arabicLetters = key.replace(/ی/g, 'ي').replace(/ک/g, 'ك');
  if (arabicLetters !== key) out.push(arabicLetters);
  if (plain === 'phrases' && !key.includes(' ')) return out;
  const bare = plainSpelling(key);
  if (bare !== key) out.push(bare);
  return out;
}
