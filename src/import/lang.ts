import { chineseScript, HAN } from './script.js';

/**
 * The language of one provider text, as a BCP 47 tag: the script decides Korean, Japanese and
 * Chinese (Traditional or Simplified by the characters that differ); Latin text is told apart by
 * its letters and most common short words. Undefined when the text has no letters at all.
 */
export type TextTag = string;

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/g;
const KANA = /[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]/g;
const HAN_G = /[\u3400-\u9fff\uf900-\ufaff]/g;
const LATIN = /[A-Za-z\u00c0-\u024f]/g;
const CYRILLIC = /[\u0400-\u04ff]/g;
const THAI = /[\u0e00-\u0e7f]/g;
const ARABIC = /[\u0600-\u06ff]/g;
const VIET = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/gi;

const count = (s: string, re: RegExp) => s.match(re)?.length ?? 0;

// Short function words, the surest sign of a Latin-script language in a sentence of a few words.
const WORDS: Record<string, Set<string>> = {
  en: new Set('the a of and to is are was not be has have for with your you this that an or by on in please invalid'.split(' ')),
  es: new Set('el la los las de del que y en un una es no por para con su tu se al lo pago tarjeta'.split(' ')),
  pt: new Set('o a os as de do da dos das que e em um uma não é por para com seu sua ao pagamento cartão'.split(' ')),
  fr: new Set('le la les de des du et est un une pas pour avec votre vous ce paiement carte'.split(' ')),
  de: new Set('der die das und ist nicht ein eine für mit ihre sie zahlung karte'.split(' ')),
  // Indonesian (and most of Malay): no accents to go by, so more of its words.
  tr: new Set('ve bir bu ile veya ya da olarak olan kart banka hata tutar'.split(' ')),
  id: new Set(
    'yang dan di ke dari untuk dengan tidak ini itu atau pada adalah sudah belum anda silakan transaksi pembayaran kartu gagal berhasil pelanggan hubungi ditolak diterima minta sedang diproses telah penerbit kedaluwarsa'.split(
      ' ',
    ),
  ),
};

/** How many of `tag`'s function words `text` holds. */
export function latinWords(text: string, tag: string): number {
  const set = WORDS[tag];
  if (!set) return 0;
  let n = 0;
  for (const w of wordsOf(text)) if (set.has(w)) n++;
  return n;
}

/** The lower-case words of `text`, leaving out links and addresses (`docs.example.com/org` is no Portuguese "com"). */
function wordsOf(text: string): string[] {
  const out: string[] = [];
  for (const token of text.toLowerCase().split(/\s+/)) {
    if (token.includes('://') || token.includes('www.') || token.includes('@') || /\.[a-z]{2,}\//.test(token)) continue;
    for (const w of token.match(/[a-zà-ÿ]+/g) ?? []) out.push(w);
  }
  return out;
}

function latinTag(text: string): TextTag {
  const words = wordsOf(text);
  const score: Record<string, number> = { en: 0, es: 0, pt: 0, fr: 0, de: 0, id: 0, tr: 0 };
  for (const w of words) for (const [tag, set] of Object.entries(WORDS)) if (set.has(w)) score[tag] = (score[tag] ?? 0) + 1;
  if (/[ñ¿¡]/i.test(text)) score.es = (score.es ?? 0) + 2;
  if (/[ãõ]|ção|ções/i.test(text)) score.pt = (score.pt ?? 0) + 2;
  if (/[ß]|[äöü]/i.test(text)) score.de = (score.de ?? 0) + 2;
  // ı, ğ and ş (and a capital İ) are Turkish letters: its ö and ü would otherwise read as German.
  if (/[ığşİ]/.test(text)) score.tr = (score.tr ?? 0) + 3;
  // ł, ą, ę, ś, ź, ż, ć and ń are Polish letters; no language tagged here writes them.
  if (/[łąęśźżćń]/i.test(text)) score.pl = (score.pl ?? 0) + 3;
  if (/[èêëàç]/i.test(text) && !/ção/i.test(text)) score.fr = (score.fr ?? 0) + 1;
  // Acute vowels (inválido, número, código) are Spanish or Portuguese, rarely English or French.
  if (/[áíóú]/i.test(text)) {
    score.es = (score.es ?? 0) + 1;
    score.pt = (score.pt ?? 0) + 1;
  }
  // Words shared by several languages ("de", "a") only count when they beat English clearly.
  let best = 'en';
  for (const [tag, s] of Object.entries(score)) if (s > (score[best] ?? 0) + (tag === 'en' ? 0 : 1)) best = tag;
  return best;
}

export function detectTag(text: string, chineseFallback: 'zh-Hant' | 'zh-Hans' | 'ja' = 'zh-Hant'): TextTag | undefined {
  const hangul = count(text, HANGUL);
  const kana = count(text, KANA);
  const han = count(text, HAN_G);
  const latin = count(text, LATIN);
  const others: [TextTag, number][] = [
    ['ru', count(text, CYRILLIC)],
    ['th', count(text, THAI)],
    ['ar', count(text, ARABIC)],
  ];
  if (hangul > 0 && hangul >= kana) return 'ko';
  if (kana > 0) return 'ja';
  if (han > 0) return chineseFallback === 'ja' ? 'ja' : (chineseScript(text) ?? chineseFallback);
  const [otherTag, otherCount] = others.reduce((a, b) => (b[1] > a[1] ? b : a));
  if (otherCount > latin) return otherTag;
  if (latin === 0) return undefined;
  if (count(text, VIET) >= 2) return 'vi';
  return latinTag(text);
}

/** The language most of a column's texts are in; the column keeps it for texts that are too short to tell. */
/** The languages written in Latin letters that texts are tagged with. */
export const LATIN_TAGS: ReadonlySet<string> = new Set(['en', 'es', 'pt', 'fr', 'de', 'pl', 'id', 'vi', 'tr']);

export function columnTag(texts: string[], chineseFallback: 'zh-Hant' | 'zh-Hans' | 'ja'): TextTag | undefined {
  const votes = new Map<TextTag, number>();
  let hanText = '';
  let latinText = '';
  for (const t of texts) {
    const tag = detectTag(t, chineseFallback);
    if (!tag) continue;
    if (tag.startsWith('zh')) {
      if (hanText.length < 20000) hanText += t;
      votes.set('zh', (votes.get('zh') ?? 0) + 1);
      continue;
    }
    if (LATIN_TAGS.has(tag) && latinText.length < 20000) latinText += ` ${t}`;
    votes.set(tag, (votes.get(tag) ?? 0) + 1);
  }
  let best: TextTag | undefined;
  let bestCount = 0;
  for (const [tag, c] of votes) if (c > bestCount) [best, bestCount] = [tag, c];
  if (best === 'zh') return chineseFallback === 'ja' ? 'ja' : (chineseScript(hanText) ?? chineseFallback);
  // Short texts ("Tarjeta rechazada", "Pago no encontrado") hold too few function words to tell
  // alone and read as English; the column's words together tell.
  if (best === 'en' && latinText !== '') return latinTag(latinText);
  return best;
}

/** Column headers that name a language (`English | 简体中文 | 繁體中文 | 日本語`): the column's texts are in it. */
const HEADER_LANGUAGES: [string, RegExp][] = [
  ['zh-Hans', /^(简体中文|簡體中文|简体|簡體|简中|zh-cn|zh-hans|zh_cn|simplified chinese|chinese \(simplified\))$/],
  ['zh-Hant', /^(繁體中文|繁体中文|繁體|繁体|繁中|zh-tw|zh-hk|zh-hant|zh_tw|traditional chinese|chinese \(traditional\))$/],
  ['ja', /^(日本語|日本语|japanese|日文|일본어)$/],
  ['ko', /^(한국어|korean|韓國語|韩国语|韓文|韩文)$/],
  ['en', /^(english|英文|英語|英语|영어)$/],
  ['es', /^(español|espanol|spanish)$/],
  ['pt', /^(português|portugues|portuguese)$/],
  ['vi', /^(tiếng việt|vietnamese)$/],
  ['id', /^(bahasa indonesia|indonesian)$/],
  ['tr', /^(türkçe|turkce|turkish)$/],
  ['th', /^(ภาษาไทย|thai)$/],
];

export function headerLanguage(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const h = header.trim().toLowerCase();
  for (const [tag, re] of HEADER_LANGUAGES) if (re.test(h)) return tag;
  return undefined;
}

export { HAN };
