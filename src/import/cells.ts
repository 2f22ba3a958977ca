import { trim } from './grid.js';

/**
 * What a cell says once presentation is gone: markdown emphasis, backticks, links, inline HTML,
 * entities. Used for codes (which must come out exactly as the provider returns them) and for
 * reading header words; message text keeps its own wording.
 */

const CASELESS: ReadonlySet<string> = new Set(['amp', 'lt', 'gt', 'quot', 'apos', 'nbsp', 'ndash', 'mdash']);

/** HTML's named entities for Latin letters and common marks (`&ccedil;`, `&atilde;`, `&hellip;`): pages in Portuguese, Spanish, French and German write them. */
const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  AElig: 'Æ',
  Aacute: 'Á',
  Acirc: 'Â',
  Agrave: 'À',
  Aring: 'Å',
  Atilde: 'Ã',
  Auml: 'Ä',
  Ccedil: 'Ç',
  ETH: 'Ð',
  Eacute: 'É',
  Ecirc: 'Ê',
  Egrave: 'È',
  Euml: 'Ë',
  Iacute: 'Í',
  Icirc: 'Î',
  Igrave: 'Ì',
  Iuml: 'Ï',
  Ntilde: 'Ñ',
  Oacute: 'Ó',
  Ocirc: 'Ô',
  Ograve: 'Ò',
  Oslash: 'Ø',
  Otilde: 'Õ',
  Ouml: 'Ö',
  THORN: 'Þ',
  Uacute: 'Ú',
  Ucirc: 'Û',
  Ugrave: 'Ù',
  Uuml: 'Ü',
  Yacute: 'Ý',
  aacute: 'á',
  acirc: 'â',
  aelig: 'æ',
  agrave: 'à',
  aring: 'å',
  atilde: 'ã',
  auml: 'ä',
  bull: '•',
  ccedil: 'ç',
  copy: '©',
  deg: '°',
  eacute: 'é',
  ecirc: 'ê',
  egrave: 'è',
  eth: 'ð',
  euml: 'ë',
  euro: '€',
  hellip: '…',
  iacute: 'í',
  icirc: 'î',
  iexcl: '¡',
  igrave: 'ì',
  iquest: '¿',
  iuml: 'ï',
  laquo: '«',
  ldquo: '“',
  lsquo: '‘',
  middot: '·',
  ntilde: 'ñ',
  oacute: 'ó',
  ocirc: 'ô',
  ograve: 'ò',
  ordf: 'ª',
  ordm: 'º',
  oslash: 'ø',
  otilde: 'õ',
  ouml: 'ö',
  para: '¶',
  pound: '£',
  raquo: '»',
  rdquo: '”',
  reg: '®',
  rsquo: '’',
  sect: '§',
  shy: '­',
  szlig: 'ß',
  thorn: 'þ',
  times: '×',
  trade: '™',
  uacute: 'ú',
  ucirc: 'û',
  ugrave: 'ù',
  uuml: 'ü',
  yacute: 'ý',
  yen: '¥',
  yuml: 'ÿ',
};

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]{2,8});/g, (m, e: string) => {
    if (e[0] === '#') {
      const n = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : m;
    }
    // A letter's entity keeps its case (`&Eacute;` is É, `&eacute;` é); `&AMP;` and the like are `&amp;`.
    if (Object.hasOwn(ENTITIES, e)) return ENTITIES[e] as string;
    const k = e.toLowerCase();
    return CASELESS.has(k) ? (ENTITIES[k] as string) : m;
  });
}

/** Removes `<tags>` in one pass; a `<` that never closes stays as text. */
export function stripTags(s: string): string {
  if (!s.includes('<')) return s;
  let out = '';
  let i = 0;
  while (i < s.length) {
    const lt = s.indexOf('<', i);
    if (lt < 0) break;
    const gt = s.indexOf('>', lt + 1);
    if (gt < 0) break;
    const next = s.charCodeAt(lt + 1);
    const tagLike = (next >= 65 && next <= 90) || (next >= 97 && next <= 122) || next === 47 || next === 33;
    out += s.slice(i, lt);
    if (!tagLike) out += '<';
    i = tagLike ? gt + 1 : lt + 1;
    if (tagLike && /^<br\b/i.test(s.slice(lt, lt + 4))) out += ' ';
  }
  return out + s.slice(i);
}

/** `<br>` splits a cell into lines (markdown tables write multi-line cells that way). */
export function brParts(s: string): string[] {
  return s.split(/<br\s{0,4}\/?>/i);
}

/**
 * `[text](target)` → `text` (text up to 500 characters, target up to 2,000, neither across a line),
 * in one pass: a regex with two bounded runs would rescan from every `[`.
 */
function unlink(s: string): string {
  let out = '';
  let i = 0;
  let close = -1;
  for (;;) {
    const open = s.indexOf('[', i);
    if (open < 0) return out + s.slice(i);
    if (close <= open) close = s.indexOf('](', open + 1);
    if (close < 0) return out + s.slice(i);
    const text = close - open - 1 <= 500 ? s.slice(open + 1, close) : undefined;
    const rel = text !== undefined && !text.includes(']') && !text.includes('\n') ? s.slice(close + 2, close + 2003).indexOf(')') : -1;
    const end = rel < 0 ? -1 : close + 2 + rel;
    const target = end < 0 ? undefined : s.slice(close + 2, end);
    if (text === undefined || target === undefined || target.includes('\n')) {
      out += s.slice(i, open + 1);
      i = open + 1;
      continue;
    }
    out += s.slice(i, open) + text;
    i = end + 1;
  }
}

/** Plain text of a cell: tags, entities, emphasis and link targets removed, spaces collapsed. */
export function plain(s: string): string {
  let t = decodeEntities(stripTags(s));
  t = unlink(t);
  t = t.replace(/\*\*|`/g, '');
  t = t.replace(/\s+/g, ' ');
  return trim(t);
}

const QUOTE_CHARS = new Set(['"', "'", '‘', '’', '“', '”', '«', '»']);

/** Quote marks around a code go; a loop, as an end-anchored regex rescans long runs of quotes. */
function unquote(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && QUOTE_CHARS.has(s[a] as string)) a++;
  while (b > a && QUOTE_CHARS.has(s[b - 1] as string)) b--;
  return s.slice(a, b);
}

/** A cell reduced to the code it holds: presentation, quotes and a trailing colon go; case and zeros stay. */
export function codeText(cell: string): string {
  const first = brParts(cell)[0] ?? '';
  let t = plain(first);
  // `*Value*:` and `**E01**` style emphasis around the whole cell.
  if (t.length > 2 && t.startsWith('*') && t.endsWith('*')) t = t.slice(1, -1);
  else if (t.length > 2 && t.startsWith('_') && t.endsWith('_') && !t.slice(1, -1).includes('_')) t = t.slice(1, -1);
  t = trim(unquote(t));
  if (t.endsWith(':')) t = trim(t.slice(0, -1));
  // A footnote mark after the code (`RP06\*`, `E01†`, `51¹`). A bare `*` goes only after a code with
  // a letter, since `5*` in a table of ranges is a wildcard, not a code.
  const mark = /^([A-Za-z0-9][\w.-]{0,63}?)(\\?\*|[†‡¹²³⁴⁵⁶⁷⁸⁹])$/.exec(t);
  if (mark && (!(mark[2] as string).endsWith('*') || (/[A-Za-z]/.test(mark[1] as string) && (mark[1] as string).length >= 3))) {
    t = mark[1] as string;
  }
  return t;
}

const CODE = /^[+-]?[A-Za-z0-9][A-Za-z0-9_.:/#+-]{0,127}$/;

const DATE = /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$/;

/** A UUID names one object (a request, a payment), never a kind of answer. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Could this be a code at all: one token, letters, digits and a few joiners. */
export function codeLike(s: string): boolean {
  // A date (2024/02/01, a revision history's) is no code, nor an id.
  // `self::STATUS_PAID`, `Status::Paid`: a reference to a constant, not a value.
  return CODE.test(s) && !/^[.:/#-]|[.:/#-]$/.test(s.replace(/^-(?=\d)/, '')) && !DATE.test(s) && !UUID.test(s) && !s.includes('::');
}

/**
 * A cell that gives an HTTP status and then the code (`402 card_declined`, `HTTP 400 INVALID_PARAM`):
 * the two, or undefined.
 */
export function httpAndCode(s: string): [http: string, code: string] | undefined {
  const m = /^(?:HTTP\s*)?([1-5]\d\d)(?:\s*[-–:]\s*|\s+)(\S{2,64})$/i.exec(s);
  if (!m) return undefined;
  const code = m[2] as string;
  // A reason phrase (`200 OK`, `401 Unauthorized`) is no code: a code here has a joiner or a digit.
  return strictCode(code) && /[_.\-\d]/.test(code) && !/^\d+$/.test(code) ? [m[1] as string, code] : undefined;
}

/**
 * A cell that lists several codes for one meaning (`04, 07, 41, 43`, `51 / 61`, `E01 or E02`):
 * the codes, or undefined when it is anything else. Every part must be a code that cannot be an
 * ordinary word, so a phrase with commas is not read as one.
 */
export function codeList(s: string): string[] | undefined {
  if (s.length > 400 || !/[,、;/]|\sor\s|\sand\s/.test(s)) return undefined;
  const parts = s
    .split(/[,、;]|\s\/\s|\s(?:or|and)\s/)
    .map((p) => trim(p))
    .filter((p) => p !== '');
  if (parts.length < 2 || parts.length > 40) return undefined;
  return parts.every((p) => strictCode(p) && p.length <= 40) ? parts : undefined;
}

/**
 * A code that cannot be an ordinary word: it has a digit, an underscore, a joiner, or is in
 * capitals. Used where prose could otherwise be mistaken for a table (lines, bullets, key = value).
 */
export function strictCode(s: string): boolean {
  if (!codeLike(s)) return false;
  // A date (2024-02-01) or a decimal or a version (1.5, 2.0.1) is no code; groups of three digits
  // (000.100.110) are one.
  if (/\d/.test(s)) {
    if (/^\d{4}-\d{2}/.test(s)) return false;
    return !/^\d+\.\d+(?:\.\d*)?$/.test(s) || /^\d{3,}\.\d{3,}\.\d{3,}$/.test(s);
  }
  if (s.includes('_')) return true;
  if (/^[A-Z][A-Z.-]+$/.test(s) && s.length >= 2) return true;
  return /^[a-z]+[A-Z][A-Za-z]*$/.test(s) || /^[A-Z][a-z]+[A-Z][A-Za-z]*$/.test(s);
}

/** Cells that stand for "nothing here" in provider tables. */
export function emptyish(s: string): boolean {
  const t = trim(s);
  return t === '' || t === '-' || t === '–' || t === '—' || t === '/' || /^(n\/?a|none|null|特になし|없음|无|無)$/i.test(t);
}
