import { codeLike, strictCode } from './cells.js';
import { trim } from './grid.js';

/**
 * One line of an SDK source or message file that declares a code: Java/PHP/Python/Go/TS
 * constants and enum members, `.ini`/`.properties` keys, dictionary entries. Read by hand, not by
 * one big regex, so no line can make it backtrack.
 */
export interface SourceLine {
  /** The code as the provider sends it. */
  code: string;
  /** The constant or key name, when the code is its value. */
  name?: string;
  /** A message given with it (a string value, an enum argument, a trailing comment). */
  text?: string;
  comment?: string;
  /** The code was written as a number: `30`, not `"30"`. */
  bareNumber?: true;
}

const KEYWORDS = new Set([
  'public',
  'private',
  'protected',
  'static',
  'final',
  'const',
  'readonly',
  'export',
  'var',
  'let',
  'val',
  'case',
  'define',
  'internal',
  'override',
  'abstract',
]);

function isIdentChar(c: string): boolean {
  return /[A-Za-z0-9_$.-]/.test(c);
}

const HEX4 = /^[0-9a-fA-F]{4}$/;
/** The character a `\uXXXX` escape names, from its four hex digits. */
const fromHex = (hex: string): string => String.fromCharCode(Number.parseInt(hex, 16));

/** A quoted literal at `i`: its text (escapes resolved) and the index after it. */
export function readString(s: string, i: number): [string, number] | undefined {
  const q = s[i];
  if (q !== '"' && q !== "'" && q !== '`') return undefined;
  let out = '';
  for (let j = i + 1; j < s.length; j++) {
    const c = s[j] as string;
    if (c === '\\' && j + 1 < s.length) {
      const n = s[j + 1] as string;
      // `\u4ea4` (Java, JavaScript, C#, JSON): the character it names.
      if (n === 'u' && HEX4.test(s.slice(j + 2, j + 6))) {
        out += fromHex(s.slice(j + 2, j + 6));
        j += 5;
        continue;
      }
      out += n === 'n' ? '\n' : n === 't' ? '\t' : n;
      j++;
    } else if (c === q) return [out, j + 1];
    else out += c;
  }
  return undefined;
}

function skipSpaces(s: string, i: number): number {
  while (i < s.length && (s[i] === ' ' || s[i] === '\t')) i++;
  return i;
}

function readIdent(s: string, i: number): [string, number] {
  let j = i;
  while (j < s.length && isIdentChar(s[j] as string)) j++;
  return [s.slice(i, j), j];
}

/** A value: a string, a number or a bare word; the rest of the line for `.ini` style files. */
function readValue(s: string, i: number): { value: string; quoted: boolean; next: number } | undefined {
  const str = readString(s, i);
  if (str) return { value: str[0], quoted: true, next: str[1] };
  const [word, j] = readIdent(s, i);
  if (word) return { value: word, quoted: false, next: j };
  return undefined;
}

function trailingComment(s: string, i: number): string | undefined {
  const rest = s.slice(i);
  const m = /\/\/|#|\/\*|--/.exec(rest);
  if (!m) return undefined;
  // The comment runs from its marker to the end of the line; one space after the marker goes.
  const after = rest.slice(m.index + m[0].length).split('\n', 1)[0] as string;
  const t = trim((/^\s/.test(after) ? after.slice(1) : after).replace(/\*\/\s*$/, ''));
  return t || undefined;
}

const textOf = (v: string) => /\s/.test(trim(v)) || !codeLike(trim(v));

/** `RESULT_1(1, "交易失败")`: an enum member with its arguments. */
function enumWithArgs(s: string, name: string, i: number): SourceLine | undefined {
  if (s[i] !== '(') return undefined;
  const args: { value: string; quoted: boolean }[] = [];
  let j = i + 1;
  for (let n = 0; n < 8; n++) {
    j = skipSpaces(s, j);
    const v = readValue(s, j);
    if (!v) break;
    args.push(v);
    j = skipSpaces(s, v.next);
    if (s[j] === ',') j++;
    else break;
  }
  if (s[j] !== ')' || args.length === 0) return undefined;
  // A tuple of other constants (`SUCCESS_STATUSES = (Status.AUTHORISED, Status.PAID)`) groups codes
  // declared elsewhere; it declares none.
  if (args.every((a) => !a.quoted && /^[A-Za-z_$][\w$]*\.[A-Za-z_$][\w$]*$/.test(a.value))) return undefined;
  const first = args[0] as { value: string; quoted: boolean };
  // The message is the first quoted argument that reads as text; a code-like one (`"TXN_FAILURE"`)
  // only when there is none.
  const text = args.find((a, k) => a.quoted && k > 0 && textOf(a.value)) ?? args.find((a, k) => a.quoted && (k > 0 || textOf(a.value)));
  const line: SourceLine = codeLike(first.value) && !(first.quoted && textOf(first.value)) ? { code: first.value, name } : { code: name };
  if (text && text !== first) line.text = text.value;
  else if (first.quoted && textOf(first.value)) line.text = first.value;
  const comment = trailingComment(s, j + 1);
  if (comment) line.comment = comment;
  return line;
}

/** The index after any annotations at `i` (`@Name`, `@Name(args)`), or `i` when there are none. */
function skipAnnotations(s: string, i: number): number {
  let j = i;
  for (let n = 0; n < 4 && s[j] === '@'; n++) {
    const [name, k] = readIdent(s, j + 1);
    if (!name) return i;
    j = k;
    if (s[j] === '(') {
      // Up to the closing parenthesis, skipping strings; annotations do not nest here.
      let depth = 0;
      for (; j < s.length; j++) {
        const str = readString(s, j);
        if (str) {
          j = str[1] - 1;
          continue;
        }
        if (s[j] === '(') depth++;
        else if (s[j] === ')' && --depth === 0) break;
      }
      if (j >= s.length) return i;
      j++;
    }
    j = skipSpaces(s, j);
  }
  return j;
}

const CODE_FIELD = /^(code|error_?code|err_?code|result_?code|response_?code|status_?code|id|value)$/i;
const TEXT_FIELD = /^(message|msg|description|desc|text|reason|detail|title|label)$/i;

/**
 * `CARD_DECLINED: { code: 'E1001', message: 'Card declined' }`: an object per code, on one line
 * (or PHP's `'E1001' => ['message' => 'Card declined']`).
 * Its code field is the code and NAME its constant; its message field is the text.
 */
function inlineObject(rest: string, name: string): SourceLine | undefined {
  let code: string | undefined;
  let text: string | undefined;
  let i = 1;
  for (let n = 0; n < 16 && i < rest.length - 1; n++) {
    i = skipSpaces(rest, i);
    const str = readString(rest, i);
    const [field, j] = str ? str : readIdent(rest, i);
    if (!field) break;
    i = skipSpaces(rest, j);
    if (rest[i] !== ':' && rest[i] !== '=') break;
    // PHP's `'message' => '…'`.
    i = skipSpaces(rest, rest.startsWith('=>', i) ? i + 2 : i + 1);
    const v = readValue(rest, i);
    if (!v) break;
    if (code === undefined && CODE_FIELD.test(field)) code = v.value;
    else if (text === undefined && TEXT_FIELD.test(field) && v.quoted) text = v.value;
    i = skipSpaces(rest, v.next);
    if (rest[i] === ',') i++;
  }
  if (code !== undefined && codeLike(code)) return text === undefined ? { code, name } : { code, name, text };
  return text === undefined ? undefined : { code: name, text };
}

/**
 * Reads `[keywords] NAME [Type] (=|:|=>) value [,;] [// comment]` or `NAME(args)`. A value that
 * is a sentence is the message of the code NAME; a value that is itself a code is the code, and
 * NAME is its constant.
 */
export function parseSourceLine(line: string): SourceLine | undefined {
  const s = trim(line);
  if (s.length === 0 || s.length > 4000) return undefined;
  // A function's declaration (`def describe(status):`, `func (c Code) String() string {`) declares no code.
  if (/^(?:async\s+)?(?:def|function|func|fun|fn)\b/.test(s)) return undefined;
  // A query string (`ORDERID=INV-1&AMOUNT=150000&…`) is an example of a request, not declarations.
  if (/^[\w.-]+=[^\s&]*&[\w.-]+=/.test(s)) return undefined;
  // A Swift enum's member with no raw value (`case insufficientFunds`) sends its own name. A
  // `case` that ends in a colon belongs to a switch and declares nothing.
  const bare = /^case\s+([A-Za-z_][A-Za-z0-9_]*)\s*(?:\/\/(.*))?$/.exec(s);
  if (bare) {
    const line: SourceLine = { code: bare[1] as string, name: bare[1] as string };
    const comment = trim(bare[2] ?? '');
    if (comment) line.comment = comment;
    return line;
  }
  // Annotations before a member (`@JsonProperty("00") APPROVED("00", "…")`, `@SerialName("x")`).
  let i = skipAnnotations(s, 0);
  // Leading modifiers and a type (`public static final String X = "E1"`).
  let key: string | undefined;
  let quotedKey = false;
  const idents: string[] = [];
  for (let n = 0; n < 8; n++) {
    i = skipSpaces(s, i);
    const str = readString(s, i);
    if (str && idents.length === 0) {
      key = str[0];
      quotedKey = true;
      i = str[1];
      break;
    }
    const [w, j] = readIdent(s, i);
    if (!w) break;
    i = j;
    if (KEYWORDS.has(w)) continue;
    idents.push(w);
    // Generic types: `Map<String, X>` is not a declaration we read.
    if (s[i] === '<' || s[i] === '[') return undefined;
    const after = skipSpaces(s, i);
    if (s[after] === '=' || s[after] === ':' || s[after] === '(') break;
  }
  if (!quotedKey) {
    if (idents.length === 0 || idents.length > 3) return undefined;
    // Go: `Name Type = value`; Java: `String NAME = value`; the name is the last but for Go's type.
    key = idents.length === 1 ? idents[0] : idents[idents.length - 1];
    if (idents.length >= 2) {
      const last = idents[idents.length - 1] as string;
      const first = idents[idents.length - 2] as string;
      // Go puts the type after the name: the name is the one that is not a known type word.
      key = /^[A-Z][a-z][A-Za-z]*$/.test(last) && !/^(String|Integer|Int|Long|Number)$/.test(last) && /[A-Z]/.test(first) ? first : last;
    }
  }
  // An assignment to a field of an object (`this.code = code`) declares nothing.
  if (!key || /^(this|self)\./.test(key)) return undefined;
  i = skipSpaces(s, i);
  if (!quotedKey && s[i] === '(') return enumWithArgs(s, key, i);
  // Python: `FAILED = ("227", "TXN_FAILURE", "Declined")`, an enum member whose value is a tuple.
  if (!quotedKey && s[i] === '=' && s[skipSpaces(s, i + 1)] === '(') return enumWithArgs(s, key, skipSpaces(s, i + 1));
  let op = '';
  if (s.startsWith('=>', i)) op = '=>';
  else if (s.startsWith(':=', i)) op = ':=';
  else if (s[i] === '=' || s[i] === ':') op = s[i] as string;
  if (!op) return undefined;
  i = skipSpaces(s, i + op.length);
  const str = readString(s, i);
  let value: string;
  let quoted = false;
  let next: number;
  if (str) {
    [value, next] = str;
    quoted = true;
  } else {
    // Unquoted: a number or word, or (ini/properties/YAML) the rest of the line.
    const rest = trim(s.slice(i).replace(/[,;]\s*$/, ''));
    if (rest.startsWith('{') && rest.endsWith('}')) return inlineObject(rest, key);
    // PHP's array of fields: `'E1' => ['message' => '…', 'retry' => false]`.
    if (rest.startsWith('[') && rest.endsWith(']') && rest.includes('=>')) return inlineObject(rest, key);
    // A declaration that opens a block or names a type (`X: Record<string, string> = {`) is no entry.
    if (!rest || /[{[]$/.test(rest) || rest.includes('<') || rest.startsWith('new ') || rest.includes('(')) return undefined;
    // A `.properties` file writes what is not Latin-1 as `\u4ea4\u6613` (native2ascii).
    value = rest.includes('\\u') ? rest.replace(/\\u([0-9a-fA-F]{4})/g, (_, h: string) => fromHex(h)) : rest;
    next = s.length;
    const [w, j] = readIdent(s, i);
    if (
      w &&
      trim(s.slice(j))
        .replace(/^[,;]/, '')
        .trim()
        .match(/^(\/\/|#|\/\*|$)/)
    ) {
      value = w;
      next = j;
    }
  }
  const comment = trailingComment(s, next);
  // `D4406 = 'Error'`: a code named by a plain word is the key; `SUCCESS = 'success'` sends the value.
  const keyIsCode = /\d/.test(key) && strictCode(key) && !strictCode(value) && key.toLowerCase() !== value.toLowerCase();
  const out: SourceLine =
    textOf(value) || (quotedKey && !textOf(key)) || keyIsCode ? { code: key, text: value } : { code: value, name: key };
  if (!quoted && textOf(value) && !strictCode(key)) return undefined;
  if (comment) out.comment = comment;
  if (out.code === value && !quoted && /^-?\d+$/.test(value)) out.bareNumber = true;
  if (!codeLike(out.code)) return undefined;
  return out;
}
