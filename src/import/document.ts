import { readBlockTable } from './blocks.js';
import { codeLike, codeList, codeText, decodeEntities, plain, strictCode, stripTags } from './cells.js';
import { type Grid, type GridRow, splitLines, trim } from './grid.js';
import { headerRole, notACodeTable } from './header-roles.js';
import { Outline } from './outline.js';
import { parseSourceLine, type SourceLine } from './source.js';
import { parseDelimited } from './tables.js';

/**
 * Finds every table in a plain-text document, whatever form each one takes: markdown pipes (with
 * or without outer pipes, ragged, tab-mixed, `---` between rows), TSV and CSV runs, aligned
 * columns and "code then text" lines, bullets of codes, definition lists, and SDK constants. One
 * pass over the lines; every run is read once.
 */

export interface Heading {
  text: string;
  level: number;
}

/** `## Title ##` → Title, read without a regex (long runs of spaces made one backtrack). */
export function atxHeading(line: string): Heading | undefined {
  let i = 0;
  while (i < 3 && line[i] === ' ') i++;
  let level = 0;
  while (line[i + level] === '#') level++;
  if (level < 1 || level > 6) return undefined;
  const after = line[i + level];
  if (after !== undefined && after !== ' ' && after !== '\t') return undefined;
  let text = trim(line.slice(i + level));
  let end = text.length;
  while (end > 0 && text[end - 1] === '#') end--;
  if (end < text.length && (end === 0 || text[end - 1] === ' ' || text[end - 1] === '\t')) text = trim(text.slice(0, end));
  // `# -*- coding: utf-8 -*-` opens a Python or Ruby file: an editor's setting, not a title.
  if (text.startsWith('-*-')) return undefined;
  return { text: plain(text), level };
}

/** A markdown separator row: every cell is dashes with optional colons (`| :-- | --: |`, `---`). */
/** A grid table's line between rows: `+------+------+`, or `+======+======+` under its header. */
const GRID_BORDER = /^\s*\+(?:[-=:]{2,}\+){1,64}\s*$/;

export function isSeparator(line: string): boolean {
  const t = trim(line);
  if (t.length < 1 || !/^[|:\-\s+]+$/.test(t) || !t.includes('-')) return false;
  for (const cell of t.split(/[|+]/)) {
    const c = trim(cell);
    if (c === '') continue;
    if (!/^:?-+:?$/.test(c)) return false;
  }
  return true;
}

/** No code table is this wide; the rest of a wider row stays in its last cell, so work stays linear. */
export const MAX_CELLS = 64;

/** Cells of a pipe row; `\|` is a pipe inside a cell, pipes inside backticks too. */
export function splitPipes(line: string): string[] {
  let s = trim(line);
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1);
  const cells: string[] = [];
  let cur = '';
  let tick = false;
  const lastTick = s.lastIndexOf('`');
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string;
    if (ch === '\\' && s[i + 1] === '|') {
      cur += '\\|';
      i++;
    } else if (ch === '`') {
      tick = !tick && i < lastTick;
      cur += ch;
    } else if (ch === '|' && !tick && cells.length < MAX_CELLS - 1) {
      cells.push(trim(cur));
      cur = '';
    } else cur += ch;
  }
  cells.push(trim(cur));
  return cells;
}

function pipeCount(line: string): number {
  let n = 0;
  for (let i = 0; i < line.length; i++) if (line[i] === '|' && line[i - 1] !== '\\') n++;
  return n;
}

function isPipeRow(line: string): boolean {
  const n = pipeCount(line);
  if (n === 0) return false;
  const t = trim(line);
  // A line of markup (`<title>Errors | Docs</title>`) is no row.
  if (t.startsWith('<') && t.endsWith('>')) return false;
  // `a | b` needs text on both sides; `| a |` is a one-column row.
  return n >= 2 || (!t.startsWith('|') && !t.endsWith('|'));
}

/** Spaces and tabs before a line's first character (a tab counts as four). */
function indentOf(line: string): number {
  let n = 0;
  for (const ch of line) {
    if (ch === ' ') n++;
    else if (ch === '\t') n += 4;
    else break;
  }
  return n;
}

const CODE_ENDS = ' \u3000\t:：=|';

/** Words that name a field of an object or a request, not a status or a code. */
const FIELD_NAME =
  /^(code|message|msg|type|status|state|param|params|parameter|id|object|description|desc|reason|error|errors|data|details?|amount|currency|source|metadata|name|value|url|title|result|request|response|body|header|headers|token|key|signature|sign|timestamp|created|updated|version|method)$/;

const BOLD_LINE = /^(\*\*|__)([^*_\n]{1,160})\1:?$/;

/**
 * A line that is only a code and text: `E01 - Declined`, `- \`E01\`: Declined`, `E01  Declined`.
 * With `words`, a plain lower-case word set off by markup (`**pending** — The payment …`) is a code
 * too, where a text follows it: the caller decides whether a run of them is a list of statuses.
 */
export function codeLine(line: string, words = false, titled = false): string[] | undefined {
  let t = trim(line);
  if (t.length === 0 || t.length > 2000) return undefined;
  let bullet = false;
  if (/^[-*+•]\s/.test(t)) {
    t = trim(t.slice(2));
    bullet = true;
  } else if (/^\d{1,3}[.)]\s/.test(t)) {
    // A numbered step is prose ("1. Open the dashboard"), unless it starts with a code set off by
    // markup: `1. **E001**：必要欄位未填`.
    const item = trim(t.replace(/^\d{1,3}[.)]\s+/, ''));
    if (!/^(\*\*|`)/.test(item)) return undefined;
    t = item;
    bullet = true;
  }
  // The first token, with its markup: `code`, **code**, "code", [code](url).
  let end = 0;
  if (t[0] === '`') end = t.indexOf('`', 1) + 1;
  else if (t.startsWith('**')) end = t.indexOf('**', 2) + 2;
  else if (t[0] === '"' || t[0] === "'") end = t.indexOf(t[0], 1) + 1;
  if (end <= 0) {
    end = 0;
    // A full-width space (U+3000) ends a code as a space does: Chinese and Japanese pages use it.
    while (end < t.length && !CODE_ENDS.includes(t[end] as string)) end++;
  }
  const token = t.slice(0, end);
  const code = codeText(token);
  const word = words && token !== code && /^[a-z]{3,32}$/.test(code);
  // Under a column titled as the code, any short token is one: DragonPay's `S`, `F`, `P`.
  // It stands in its column, apart from the text (a note below, `Catatan: …`, does not).
  const underTitle = titled && /^[A-Za-z0-9][\w.-]{0,31}$/.test(code) && codeLike(code) && /^(?:\s{2,}|\t)\S/.test(t.slice(end));
  // Several codes for one meaning (`2000、2008：交易处理中`) are one row; the records split them.
  if (!code || !(strictCode(code) || word || underTitle || (/^[^\s,;、]+(?:[、,][^\s,;、]+)+$/.test(code) && codeList(code) !== undefined)))
    return undefined;
  // `100101Amount exceeds…`: a code glued to the first word of its text is a scrape, not a column.
  if (/^[+-]?\d+[A-Z][a-z]/.test(code)) return undefined;
  let rest = t.slice(end);
  const sep = /^\s*(?:[-–—:=|]|=>)\s|^\s*[:：]|^\t|^\s{2,}/.exec(rest);
  if (!sep) {
    if (trim(rest) === '') return !word && (bullet || /[`*"']/.test(token[0] ?? '')) ? [code] : undefined;
    if (!/^\s/.test(rest)) return undefined;
  }
  rest = trim(rest.slice(sep ? sep[0].length : 0));
  // A list item of an HTML page read as text (`<li><b>01</b> – Pending</li>`) keeps no tags.
  if (rest.includes('</')) rest = trim(decodeEntities(stripTags(rest)));
  if (rest === '') return word ? undefined : [code];
  // `REFUND_CODES = {`: a declaration that opens a block, not a code and its text; nor is a tuple
  // or call after `=` (`SUCCESS_STATUSES = (Status.AUTHORISED, …)`), which is code.
  if (/^[{[(]$/.test(rest) || (sep?.[0].trim() === '=' && /^[({[]/.test(rest))) return undefined;
  // Aligned columns: a second code-like token before the text (`FAILED  0302  Declined`).
  const cols = rest.split(/\t|\s{2,}/).map(trim);
  if (cols.length >= 2 && cols.every((c) => c !== '')) return [code, ...cols];
  const second = /^(\S+)\s+(.*)$/s.exec(rest);
  if (!sep && second && strictCode(codeText(second[1] as string)) && /[a-z]/i.test(second[2] as string)) {
    return [code, codeText(second[1] as string), trim(second[2] as string)];
  }
  return [code, rest];
}

/**
 * Line `i` opens the rows of a fixed-width table: above it a line of dashes in two or more runs,
 * and above that its titles, the first standing over the first run and naming the code.
 */
function codeTitledColumns(lines: readonly string[], i: number): boolean {
  const dashes = lines[i - 1] ?? '';
  const titles = lines[i - 2] ?? '';
  if (!/^\s*-{2,}(?:\s+-{2,})+\s*$/.test(dashes) || indentOf(dashes) !== indentOf(lines[i] ?? '')) return false;
  if (indentOf(titles) !== indentOf(dashes)) return false;
  const first = trim(titles).split(/\t|\s{2,}/)[0] ?? '';
  return headerRole(first) === 'code';
}

/** Where each cell of an aligned row starts in its line; undefined when a cell cannot be found. */
function cellStarts(line: string, cells: readonly string[]): number[] | undefined {
  if (cells.length < 2) return undefined;
  const out = [indentOf(line)];
  let from = out[0] as number;
  for (let j = 1; j < cells.length; j++) {
    const at = line.indexOf(cells[j] as string, from + 1);
    if (at < 0) return undefined;
    out.push(at);
    from = at;
  }
  return out;
}

/** A Han, kana or full-width character: the scripts that put no spaces between words. */
const WIDE = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

/** A cell's text and the piece it wraps onto: Chinese and Japanese write no spaces, so they join with none. */
function joinWrapped(cell: string, piece: string): string {
  if (WIDE.test(cell.slice(-1)) && WIDE.test(piece.slice(0, 1))) return `${cell}${piece}`;
  // A word a PDF broke at the line's end (`weiterge-` / `leitet`, `aus-` / `stehend`) is one word.
  if (/\p{Ll}-$/u.test(cell) && /^\p{Ll}/u.test(piece)) return `${cell.slice(0, -1)}${piece}`;
  return `${cell} ${piece}`;
}

/**
 * Adds a wrapped line's pieces (runs of text two or more spaces apart) to the cells they stand
 * under. False, and nothing added, unless every piece stands under a text column, not under the
 * code, and the line is no bullet.
 */
function wrapInto(row: GridRow, starts: readonly number[], line: string): boolean {
  if (/^\s*[-*+•]\s/.test(line)) return false;
  const pieces = [...line.matchAll(/\S+(?: \S+)*/g)];
  const columns: number[] = [];
  for (const m of pieces) {
    let j = starts.length - 1;
    // A piece may start a character before its column (PDF text shifts).
    while (j > 0 && (starts[j] as number) > (m.index as number) + 1) j--;
    if (j === 0) return false;
    columns.push(j);
  }
  pieces.forEach((m, n) => {
    const j = columns[n] as number;
    row.cells[j] = joinWrapped(row.cells[j] as string, m[0]);
  });
  return pieces.length > 0;
}

/**
 * Puts wrapped lines that stand above a row (in its block, between blank lines) in front of the
 * cells they stand over, as wrapInto does below a row. Lines with a piece over the code are left
 * out: they are no part of the row's text.
 */
function wrapAbove(row: GridRow, starts: readonly number[], lines: readonly string[]): void {
  const before: string[][] = row.cells.map(() => []);
  for (const line of lines) {
    const probe: GridRow = { cells: row.cells.map(() => ''), line: row.line };
    if (!wrapInto(probe, starts, line)) return;
    probe.cells.forEach((piece, j) => {
      if (piece !== '') before[j]?.push(piece);
    });
  }
  before.forEach((pieces, j) => {
    if (pieces.length === 0) return;
    row.cells[j] = [...pieces, row.cells[j] as string].reduce((a, b) => (a === '' ? b : b === '' ? a : joinWrapped(a, b)), '');
  });
}

export interface FoundGrid extends Grid {
  /** First and last line of the table. */
  from: number;
  to: number;
  /** SDK constants whose values are all bare numbers. */
  numbersOnly?: boolean;
}

interface State {
  section?: string;
  caption?: string;
  /** The document's sections, which set the flow of the tables under them. */
  outline?: Outline;
}

/** A heading names the section of the tables below it. */
function openSection(state: State, text: string, level: number): void {
  state.outline?.heading(text, level);
  state.section = text;
  delete state.caption;
}

function makeGrid(kind: Grid['kind'], rows: GridRow[], state: State, extra: Partial<Grid> = {}): FoundGrid {
  const g: FoundGrid = {
    kind,
    rows,
    from: rows[0]?.line ?? 0,
    to: rows[rows.length - 1]?.end ?? rows[rows.length - 1]?.line ?? 0,
    ...extra,
  };
  if (state.section !== undefined) g.section = state.section;
  if (state.caption !== undefined) g.caption = state.caption;
  state.outline?.place(g);
  return g;
}

/**
 * A MediaWiki table: `{|` opens it and `|}` closes it, `|-` starts a row, `!` lines hold header
 * cells and `|` lines data cells, several to a line between `!!` or `||`. A cell may open with its
 * attributes (`| style="…" | text`). Returns undefined where `start` opens none.
 */
function readWikiTable(lines: string[], start: number): { header?: string[]; rows: GridRow[]; next: number } | undefined {
  if (!trim(lines[start] as string).startsWith('{|')) return undefined;
  let header: string[] | undefined;
  const rows: GridRow[] = [];
  let open: GridRow | undefined;
  const cellText = (c: string) => {
    // `style="…" | text`: the attributes end at the first single pipe.
    const bar = c.indexOf('|');
    return trim(bar >= 0 && /^\s*[a-z-]+\s*=/.test(c.slice(0, bar)) ? c.slice(bar + 1) : c);
  };
  let i = start + 1;
  for (; i < lines.length; i++) {
    const t = trim(lines[i] as string);
    if (t.startsWith('|}')) {
      i++;
      break;
    }
    if (t.startsWith('|-')) {
      open = undefined;
      continue;
    }
    if (t.startsWith('|+')) continue;
    if (t.startsWith('!')) {
      const cells = t.slice(1).split('!!').map(cellText);
      header = open === undefined && rows.length === 0 ? [...(header ?? []), ...cells] : header;
      continue;
    }
    if (t.startsWith('|')) {
      const cells = t.slice(1).split('||').map(cellText);
      if (open === undefined) {
        open = { cells, line: i + 1 };
        rows.push(open);
      } else {
        for (const c of cells) open.cells.push(c);
        open.end = i + 1;
      }
      continue;
    }
    // A cell's text that runs onto the next line.
    if (open !== undefined && t !== '') {
      const last = open.cells.length - 1;
      open.cells[last] = `${open.cells[last] ?? ''} ${t}`;
      open.end = i + 1;
    }
  }
  return { header, rows, next: i };
}

/** `INSERT INTO error_codes (code, message) VALUES`: the table's name and its column list. */
const SQL_INSERT = /^insert\s+into\s+[`"[]?([\w.]{1,64})[`"\]]?\s*\(([^()]{1,512})\)\s*values\b/i;
/** An SQL statement on one line, other than an INSERT. */
const SQL_STATEMENT = /^(?:set|drop|create|alter|commit|begin|use|truncate|delete|update|grant|start transaction)\b[^;]{0,512};$/i;
/** A table named for codes: error_codes, result_code, response_messages, decline_reasons. */
const SQL_CODE_TABLE = /code|err|result|status|response|reason|message|msg|decline/i;

/**
 * The rows of an SQL seed (`INSERT INTO … (code, message) VALUES ('E01', '…'), (…);`), its column
 * names as the header. Quoted values with `''` or `\'` inside, numbers and NULL; the statement
 * may span lines. Returns undefined where `start` opens no INSERT with a column list.
 */
function readSqlInsert(lines: string[], start: number): { table: string; header: string[]; rows: GridRow[]; next: number } | undefined {
  const first = trim(lines[start] as string);
  const m = SQL_INSERT.exec(first);
  if (!m) return undefined;
  const header = (m[2] as string).split(',').map((c) => trim(c).replace(/^[`"[]|[`"\]]$/g, ''));
  const rows: GridRow[] = [];
  let cells: string[] | undefined;
  let value = '';
  let quoted = false;
  let i = start;
  let at = m[0].length;
  for (; i < lines.length; i++, at = 0) {
    const line = lines[i] as string;
    for (let j = at; j < line.length; j++) {
      const c = line[j] as string;
      if (quoted) {
        if (c === '\\' && j + 1 < line.length) value += line[++j] as string;
        else if (c === "'" && line[j + 1] === "'") {
          value += "'";
          j++;
        } else if (c === "'") quoted = false;
        else value += c;
        continue;
      }
      if (c === '(' && cells === undefined) {
        cells = [];
        value = '';
      } else if (cells === undefined) {
        if (c === ';') return { table: m[1] as string, header, rows, next: i + 1 };
      } else if (c === "'") quoted = true;
      else if (c === ',' || c === ')') {
        cells.push(trim(value).replace(/^null$/i, ''));
        value = '';
        if (c === ')') {
          rows.push({ cells, line: i + 1 });
          cells = undefined;
        }
      } else value += c;
    }
    // A value's line break is kept as a space.
    if (quoted) value += ' ';
  }
  return { table: m[1] as string, header, rows, next: i };
}

/** `syntax = "proto3";`: a Protocol Buffers file. */
const PROTO_SYNTAX = /^syntax\s*=\s*["']proto[23]["']\s*;/;
/** `enum ResultCode {` */
const PROTO_ENUM = /^enum\s+([A-Za-z_]\w{0,63})\s*\{/;
/** `ORDER_NOT_EXIST = 12; // the order does not exist` */
const PROTO_MEMBER = /^([A-Za-z_]\w{0,127})[ \t]{0,16}=[ \t]{0,16}-?\d{1,10}/;

/** A member line's name and trailing comment (`[deprecated = true]` may sit before its `;`), or undefined. */
function protoMember(t: string): { name: string; comment: string } | undefined {
  const m = PROTO_MEMBER.exec(t);
  if (!m) return undefined;
  let rest = trim(t.slice(m[0].length));
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close < 0) return undefined;
    rest = trim(rest.slice(close + 1));
  }
  if (!rest.startsWith(';')) return undefined;
  rest = trim(rest.slice(1));
  let slashes = 0;
  while (rest[slashes] === '/') slashes++;
  return { name: m[1] as string, comment: slashes >= 2 ? trim(rest.slice(slashes)) : '' };
}

/**
 * The enums of a Protocol Buffers file. A member's name is what an API sends (the JSON mapping
 * writes enums by name; the number is the wire tag), and the comment above or beside it says what
 * it means. The zero member named `…_UNSPECIFIED` is proto's default, never a result. Messages,
 * options and the package are not codes.
 */
function readProtoEnums(lines: string[], state: State): FoundGrid[] {
  const grids: FoundGrid[] = [];
  for (let i = 0; i < lines.length; i++) {
    const e = PROTO_ENUM.exec(trim(lines[i] as string));
    if (!e) continue;
    openSection(state, e[1] as string, 2);
    const rows: GridRow[] = [];
    for (i++; i < lines.length && !trim(lines[i] as string).startsWith('}'); i++) {
      const m = protoMember(trim(lines[i] as string));
      if (!m || m.name.endsWith('_UNSPECIFIED')) continue;
      const above: string[] = [];
      for (let k = i - 1; k >= 0 && trim(lines[k] as string).startsWith('//'); k--)
        above.unshift(trim((lines[k] as string).replace(/^\s*\/\/+/, '')));
      const text = [m.comment, ...above]
        .map(trim)
        .filter((x) => x !== '')
        .join(' ');
      rows.push({ cells: [m.name, text], line: i + 1 });
    }
    if (rows.length > 0) grids.push(makeGrid('lines', rows, state, { codeColumn: 0, header: ['code', 'message'] }));
  }
  return grids;
}

/** `pub enum PaymentStatus {` */
const RUST_ENUM = /^(?:pub(?:\([a-z]{1,10}\))? )?enum ([A-Z]\w{0,63})(?:<[^<>]{0,64}>)? ?\{/;
/** `#[serde(rename = "invalid_api_key")]`, `#[serde(rename_all = "snake_case")]` */
const SERDE_RENAME = /^#\[serde\([^)]{0,256}?\brename\s*=\s*"([^"]{1,128})"/;
const SERDE_RENAME_ALL = /^#\[serde\([^)]{0,256}?\brename_all\s*=\s*"([^"]{1,32})"/;
/** `Pending,`, `Expired = 3,`, `Declined(String),` */
const RUST_VARIANT = /^([A-Z][A-Za-z0-9]{0,127})\s*(?:=\s*-?\d{1,10}\s*)?(?:\([^()]{0,256}\)\s*)?,?$/;

/** A variant's wire name under serde's `rename_all` rule. */
function serdeName(variant: string, rule: string | undefined): string {
  const words = variant.split(/(?=[A-Z])/).filter((w) => w !== '');
  switch (rule) {
    case 'snake_case':
      return words.join('_').toLowerCase();
    case 'SCREAMING_SNAKE_CASE':
      return words.join('_').toUpperCase();
    case 'kebab-case':
      return words.join('-').toLowerCase();
    case 'SCREAMING-KEBAB-CASE':
      return words.join('-').toUpperCase();
    case 'lowercase':
      return variant.toLowerCase();
    case 'UPPERCASE':
      return variant.toUpperCase();
    case 'camelCase':
      return variant.charAt(0).toLowerCase() + variant.slice(1);
    default:
      return variant;
  }
}

/**
 * The enums of a Rust file, by the names serde sends: a variant's `#[serde(rename = "…")]`, or its
 * name under the enum's `rename_all`; its `///` doc comment is its message. Constants, `impl`
 * blocks and tests are not codes.
 */
function readRustEnums(lines: string[], state: State): FoundGrid[] {
  const grids: FoundGrid[] = [];
  for (let i = 0; i < lines.length; i++) {
    const e = RUST_ENUM.exec(trim(lines[i] as string));
    if (!e) continue;
    let rule: string | undefined;
    for (let k = i - 1; k >= 0 && k >= i - 6; k--) {
      const t = trim(lines[k] as string);
      if (!t.startsWith('#[') && !t.startsWith('///')) break;
      rule ??= SERDE_RENAME_ALL.exec(t)?.[1];
    }
    openSection(state, e[1] as string, 2);
    const rows: GridRow[] = [];
    let docs: string[] = [];
    let rename: string | undefined;
    for (i++; i < lines.length && !trim(lines[i] as string).startsWith('}'); i++) {
      const t = trim(lines[i] as string);
      if (t.startsWith('///')) docs.push(trim(t.slice(3)));
      else if (t.startsWith('#[')) rename = SERDE_RENAME.exec(t)?.[1] ?? rename;
      else {
        const v = RUST_VARIANT.exec(t);
        if (v) rows.push({ cells: [rename ?? serdeName(v[1] as string, rule), docs.join(' '), v[1] as string], line: i + 1 });
        docs = [];
        rename = undefined;
      }
    }
    if (rows.length > 0) grids.push(makeGrid('lines', rows, state, { codeColumn: 0, header: ['code', 'message', 'name'] }));
  }
  return grids;
}

/** The `-- comment` block that titles an SQL statement: its first line that is not a rule of dashes. */
function sqlComment(lines: string[], at: number): string | undefined {
  let k = at - 1;
  while (k >= 0 && k >= at - 12 && trim(lines[k] as string).startsWith('--')) k--;
  for (k++; k < at; k++) {
    const t = trim(lines[k] as string);
    let a = 0;
    let b = t.length;
    while (a < b && t[a] === '-') a++;
    while (b > a && (t[b - 1] === '-' || t[b - 1] === '=')) b--;
    const text = trim(t.slice(a, b));
    if (text !== '') return text;
  }
  return undefined;
}

/** `== Title ==`: a MediaWiki heading, its level the number of `=` on each side. */
function wikiHeading(t: string): Heading | undefined {
  let level = 0;
  while (t[level] === '=') level++;
  if (level < 1 || level > 6 || t.length <= 2 * level) return undefined;
  for (let k = t.length - level; k < t.length; k++) if (t[k] !== '=') return undefined;
  if (t[t.length - level - 1] === '=') return undefined;
  const text = trim(t.slice(level, t.length - level));
  return text === '' ? undefined : { text: plain(text), level };
}

/** A value that is a text, not a token: words, escaped characters (`\u4ea4…`), or long. */
const TEXT_VALUE = /\S\s+\S|\\u[0-9a-fA-F]{4}|^.{41}/;

/** A code set off from its text by a dash or a colon: `COMPLETE - The payment…`, `E01: Bad input`. */
const PUNCTUATED_ROW = /^\s*(?:[-*+•]\s+)?(?:\*\*|`)?[^\s:：*`]{1,64}?(?:\*\*|`)?(?:\s+[-–—]\s|\s*[:：]\s?)/;

/** A piece of an upper-case code, with no space: `APPROVED_PENDING_S`, `ETTLEMENT`. */
const SPLIT_CODE = /^[A-Z0-9_]{1,64}$/;

/**
 * For each cell of a boxed row's line, whether its text runs up to the box's right edge (at most
 * one space of padding before the `|`): a renderer that wraps a cell mid-word leaves it full.
 */
function filledCells(line: string): boolean[] {
  const t = trim(line);
  const inner = t.slice(t.startsWith('|') ? 1 : 0, t.endsWith('|') ? -1 : undefined);
  return inner.split('|').map((seg) => seg.trim() !== '' && seg.trimEnd().length >= seg.length - 1);
}

/** Reads a pipe table starting at `start`; returns it and the index after it. */
function readPipeTable(lines: string[], start: number, state: State): [FoundGrid | undefined, number] {
  const rows: GridRow[] = [];
  let header: string[] | undefined;
  let headerRaw: string[] | undefined;
  let i = start;
  let lastEndedWithPipe = true;
  // A grid table (reStructuredText, pandoc, a box drawn by a console: `+-----+-----+`) draws a line
  // between its rows, and a row's cells wrap over the lines between two of them: those lines are
  // one row. `+=====+` closes its header.
  let boxed = GRID_BORDER.test(lines[start - 1] ?? '');
  let open: GridRow | undefined;
  let openFilled: boolean[] = [];
  for (; i < lines.length; i++) {
    const line = lines[i] as string;
    const t = trim(line);
    if (t === '') break;
    if (GRID_BORDER.test(line)) {
      boxed = true;
      open = undefined;
      if (t.includes('=') && !header && rows.length === 1) {
        const first = rows.pop() as GridRow;
        header = first.cells;
        headerRaw = first.raw;
      }
      continue;
    }
    if (boxed && open && isPipeRow(line)) {
      const row = open;
      const filled = filledCells(line);
      splitPipes(line).forEach((piece, k) => {
        const cell = row.cells[k] ?? '';
        if (piece === '') return;
        // A code too wide for its box goes on under it mid-word (`APPROVED_PENDING_S` over
        // `ETTLEMENT`): where the line above filled the cell, a code's pieces join with no space.
        row.cells[k] =
          cell === '' ? piece : openFilled[k] && SPLIT_CODE.test(cell) && SPLIT_CODE.test(piece) ? cell + piece : joinWrapped(cell, piece);
      });
      openFilled = filled;
      row.end = i + 1;
      continue;
    }
    if (isSeparator(line)) {
      if (!header && rows.length === 1) {
        const first = rows.pop() as GridRow;
        header = first.cells;
        headerRaw = first.raw;
      }
      continue;
    }
    if (!isPipeRow(line)) {
      // A cell that goes on over the next line: only when the row above was left open.
      const prev = rows[rows.length - 1];
      if (prev && !lastEndedWithPipe && /^\s*\|/.test(lines[start] as string)) {
        const k = prev.cells.length - 1;
        prev.cells[k] = `${prev.cells[k]} ${t}`;
        prev.end = i + 1;
        continue;
      }
      break;
    }
    let cells = splitPipes(line);
    const width = header?.length ?? rows[0]?.cells.length ?? 0;
    // Tabs used as column breaks inside a pipe table.
    if (line.includes('\t') && cells.length < width) {
      const split = cells.flatMap((c) => c.split('\t').map(trim));
      if (split.length <= width) cells = split;
    }
    lastEndedWithPipe = t.endsWith('|');
    const row: GridRow = { cells, raw: [...cells], line: i + 1 };
    rows.push(row);
    if (boxed) {
      open = row;
      openFilled = filledCells(line);
    }
  }
  if (rows.length === 0 && !header) return [undefined, Math.max(i, start + 1)];
  // A message format or its sample (`MerchantID|CustomerID|TxnReferenceNo|…`): many cells to a
  // line, each one token of Latin letters and digits, no header. A code table says what its codes mean.
  const cellCount = rows.reduce((n, r) => n + r.cells.length, 0);
  if (!header && cellCount >= 5 * rows.length && rows.every((r) => r.cells.every((c) => /^[\w.#*:/+-]*$/.test(c)))) {
    return [undefined, Math.max(i, start + 1)];
  }
  const extra: Partial<Grid> = {};
  if (header) extra.header = header;
  const g = makeGrid('markdown', rows, state, extra);
  if (headerRaw) g.from = Math.max(1, (rows[0]?.line ?? start + 1) - 2);
  return [rows.length > 0 ? g : undefined, Math.max(i, start + 1)];
}

/** Field names of a response's code and its message: `resultCode`, `RespMsg`, `response_message`, `vnp_Message`. */
const CODE_FIELD_NAME = /^(?:[a-z]+_)?(?:result_?|resp_?|response_?|return_?|ret_?|error_?|err_?|status_?|reason_?)?code$/i;
const MESSAGE_FIELD_NAME =
  /^(?:[a-z]+_)?(?:result_?|resp_?|response_?|return_?|ret_?|error_?|err_?|status_?)?(?:msg|message|desc|description)$/i;

/**
 * Keys that hold both a code field and a message field, in lower or mixed case: an example of a
 * response (`{"resultCode": "W102", "resultMsg": "잔액부족"}`), not a list of codes.
 */
function responseExample(keys: readonly (string | undefined)[]): boolean {
  const all = keys.filter((k): k is string => k !== undefined);
  const named = all.filter((k) => /[a-z]/.test(k));
  if (named.some((k) => CODE_FIELD_NAME.test(k)) && named.some((k) => MESSAGE_FIELD_NAME.test(k))) return true;
  // In capitals too, a field beside its own description (`ACTION_CODE` and `ACTION_DESCRIPTION`,
  // `ECI` and `ECI_DESCRIPTION`) is an object's pair of fields: a list of codes names no code twice.
  const lower = new Set(all.map((k) => k.toLowerCase()));
  return all.some((k) => {
    const base = /^(.+?)_?(?:desc|description|message|msg|text)$/i.exec(k)?.[1]?.toLowerCase();
    return base !== undefined && (lower.has(base) || lower.has(`${base}_code`) || lower.has(`${base}code`));
  });
}

/**
 * A field of a JSON example (`"reference_id": "order-1234"`, `"resultCode": "W102"`): a lower-case key
 * whose value is one token with a digit, or in capitals. A code's message has words.
 */
function exampleField(key: string, value: string | undefined): boolean {
  // Field names mix cases or join words with `_` (`reference_id`, `resultCode`, `MerchantID`,
  // `vnp_TxnRef`); a code in capitals (`CARD_DECLINED`) or a plain word does neither.
  if (!/[a-z]/.test(key) || !/[A-Z_]/.test(key) || !/^[A-Za-z][A-Za-z0-9_]*$/.test(key)) return false;
  if (value === undefined || (!/\s/.test(value) && (/\d/.test(value) || /^[A-Z][A-Z0-9_]*$/.test(value)))) return true;
  // `"card_type": "Credit"`: a snake- or camel-case key whose value is one word. A code's message
  // says more than a word.
  return /^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$|^[a-z]+[A-Z]/.test(key) && !/\s/.test(value);
}

/** Words, not an id: two letters together (any script), or a space between tokens. */
function hasWords(value: string): boolean {
  return /\p{L}\p{L}/u.test(value) || /\S\s+\S/.test(value);
}

/** Runs of lines that share one reader; blank lines may sit between rows of the same run. */
function readRun(lines: string[], start: number, test: (line: string) => boolean, gap: number, comments = false): number {
  let i = start;
  let last = start;
  // With `comments`, the lines of a comment or a brace between two members do not count toward the
  // gap: a doc comment of any length may stand above each constant.
  let skipped = 0;
  while (i < lines.length) {
    const line = lines[i] as string;
    if (test(line)) {
      last = i;
      skipped = 0;
      i++;
      continue;
    }
    const blank = trim(line) === '';
    if (!blank && !isTrivialSource(line)) break;
    // A Python docstring under a member (`"""Paid in full."""`) may run over lines.
    if (comments && docstringOpens(line)) {
      i = docstringEnd(lines, i) + 1;
      continue;
    }
    if (!comments || blank) skipped++;
    if (skipped > gap) break;
    i++;
  }
  return last + 1;
}

/** `class PaymentStatus(str, Enum):` */
const PY_ENUM_CLASS = /^class \w{1,64}\([^()]{0,64}Enum\)\s*:/;

/**
 * The line opens the body of a Python enum (`CREDIT = "Credit"` under `class PaymentStatus(str,
 * Enum):`): its plain-word values are the members' wire values, though they read as words.
 */
function underEnumClass(lines: string[], i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 12; k--) {
    const t = trim(lines[k] as string);
    if (PY_ENUM_CLASS.test(t)) return true;
    if (t !== '' && !docstringOpens(t) && !t.startsWith('#') && !t.endsWith('"""') && !t.endsWith("'''")) return false;
  }
  return false;
}

/** A line that opens a Python docstring. */
function docstringOpens(line: string): boolean {
  const t = trim(line);
  return t.startsWith('"""') || t.startsWith("'''");
}

/** The line on which the docstring opened at `i` closes (the same line when it holds both quotes). */
function docstringEnd(lines: string[], i: number): number {
  const t = trim(lines[i] as string);
  const quote = t.slice(0, 3);
  if (t.length >= 6 && t.endsWith(quote)) return i;
  for (let k = i + 1; k < lines.length && k < i + 40; k++) if ((lines[k] as string).includes(quote)) return k;
  return i;
}

/** The docstring under a member (Python writes a member's documentation below it), as one line. */
function docstringBelow(lines: string[], k: number): string | undefined {
  const i = k + 1;
  if (i >= lines.length || !docstringOpens(lines[i] as string)) return undefined;
  const end = docstringEnd(lines, i);
  const text = lines
    .slice(i, end + 1)
    .map((l) =>
      trim(l)
        .replace(/^("""|''')/, '')
        .replace(/("""|''')$/, ''),
    )
    .map(trim)
    .filter((l) => l !== '')
    .join(' ');
  return text === '' ? undefined : text;
}

/** Lines an SDK file has between its constants: braces, comments, annotations. */
function isTrivialSource(line: string): boolean {
  const t = trim(line);
  return /^(?:[{}()[\];,]+$|"""|'''|\/\/|\/\*|\*|#(?!#)|@\w|<\?php$|\?>$|(?:(?:public|private|export|final|static) )*(?:enum|class|interface|object|const|var|type|module|package|namespace|import|use)\b)/.test(
    t,
  );
}

/** A list of two or more literals: `['5093', '9107', '9112']`, `("a", "b")`, Go's `[]string{"iban", "aba"}`. */
const LIST_LITERAL = /^(?:\[\]\w+|array|new\w+\[\])?[[({](?:"[^"]*"|'[^']*'|[\w.-]+)(?:,(?:"[^"]*"|'[^']*'|[\w.-]+))+,?[\])}]$/;

/** A list literal, read without its spaces (which LIST_LITERAL then need not allow for). */
function isListLiteral(text: string): boolean {
  return LIST_LITERAL.test(text.replace(/\s+/g, ''));
}

/** The last word of a collection's name that says what it lists, when that is banks, currencies or the like. */
const ENTITY_WORDS = new Set(
  'bank banks currency currencies country countries channel channels brand brands locale locales language languages'.split(' '),
);
const LIST_WORDS = new Set(['code', 'codes', 'list', 'names', 'map', 'ids', 'table']);

/**
 * Whether the collection that `line` opens (`public const BANK_CODES = [`, `var SourceCurrencies =
 * map[string]string{`) is named for banks, currencies, countries, channels, brands or languages,
 * whose keys are theirs, not a provider's answers; undefined when the line opens none.
 * `BANK_ERROR_CODES` names errors, and is not such a list.
 */
function opensEntityList(line: string): boolean | undefined {
  const t = trim(line);
  if (!/[[{(]$/.test(t)) return undefined;
  // The name is the last word before the assignment (`=`, `:=`, `=>`), or before the first colon
  // where one comes first (`bankCodes: Record<string, string> = {`, `bankCodes: {`).
  const eq = t.indexOf('=');
  const colon = t.indexOf(':');
  const at = colon >= 0 && (eq < 0 || colon < eq) ? colon : eq;
  if (at <= 0) return undefined;
  let end = at;
  while (end > 0 && /\s/.test(t.charAt(end - 1))) end--;
  let start = end;
  while (start > 0 && /\w/.test(t.charAt(start - 1))) start--;
  const name = t.slice(start, end);
  if (!/^[A-Za-z_]/.test(name)) return undefined;
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split('_')
    .filter((w) => w !== '');
  while (words.length > 1 && LIST_WORDS.has(words[words.length - 1] as string)) words.pop();
  const last = words[words.length - 1] as string;
  return ENTITY_WORDS.has(last) || (words.length >= 2 && words[words.length - 2] === 'payment' && /^methods?$/.test(last));
}

/** The comment just above a constant (line comments, doc comments), as its description. */
function commentAbove(lines: string[], i: number): string | undefined {
  let t = trim(lines[i - 1] ?? '');
  if (t.startsWith('##')) return undefined;
  // A doc comment of several lines (`/** … */`, `/// …`) opens with its summary: that line, as written.
  const block = t === '*/' || t === '**/';
  if (block || t.startsWith('///')) {
    let first: string | undefined;
    for (let k = i - (block ? 2 : 1); k >= 0 && k >= i - 40; k--) {
      const l = trim(lines[k] as string);
      if (block ? !l.startsWith('*') && !l.startsWith('/**') : !l.startsWith('///')) break;
      const text = trim(l.replace(/^\/\*\*|^\/\/\/|^\*/, ''));
      if (text !== '' && !text.startsWith('@') && !text.startsWith('<')) first = text;
      if (l.startsWith('/**')) break;
    }
    return first;
  }
  const open = /^(\/\/+|#+|\/\*+|\*+)/.exec(t);
  if (!open) return undefined;
  t = t.slice((open[1] as string).length);
  if (t.endsWith('*/')) t = t.slice(0, -2);
  t = trim(t);
  // A banner (`# ---- 交易結果 ----`) heads a group of constants; it describes none of them.
  if (/^[-=*#~]{3,}/.test(t)) return undefined;
  return t && !t.startsWith('@') ? t : undefined;
}

/** The top-of-file comment block (`# Provider: …` lines) and YAML front matter are not headings. */
function preamble(lines: string[]): number {
  let i = 0;
  if (trim(lines[0] ?? '') === '---') {
    for (let j = 1; j < Math.min(lines.length, 200); j++) if (trim(lines[j] as string) === '---') return j + 1;
  }
  while (i < lines.length && /^#(?!#)/.test(lines[i] as string)) i++;
  return i >= 2 ? i : 0;
}

/** A code's shape: its digits, capitals and small letters each as one sign. */
function shapeOf(code: string): string {
  return code.replace(/[0-9]/g, '9').replace(/[A-Z]/g, 'A').replace(/[a-z]/g, 'a');
}

/**
 * How many codes of each shape the grids read so far hold. Each grid is counted once, when it is
 * first asked about: asking again after every short run would read the document's rows again each
 * time, which grows with the square of the document.
 */
class ShapeCounts {
  #counted = 0;
  readonly #counts = new Map<string, number>();

  /**
   * `code` has a shape of its own (joined parts, or letters and digits together: `100.380.401`,
   * `RR-06`), and three or more codes of `grids` (the grids read so far, only ever added to) share it.
   */
  known(grids: readonly FoundGrid[], code: string): boolean {
    if (!/[.\-_]/.test(code) && !(/\d/.test(code) && /[A-Za-z]/.test(code))) return false;
    for (; this.#counted < grids.length; this.#counted++) {
      const g = grids[this.#counted] as FoundGrid;
      for (const r of g.rows) {
        const shape = shapeOf(r.cells[g.codeColumn ?? 0] ?? '');
        this.#counts.set(shape, (this.#counts.get(shape) ?? 0) + 1);
      }
    }
    return (this.#counts.get(shapeOf(code)) ?? 0) >= 3;
  }
}

/** Where the second column of an aligned line starts (`E01    Declined` → 7), or -1. */
function textColumn(line: string): number {
  const m = /^\s*\S+(?:\t|\s{2,})(?=\S)/.exec(line);
  return m ? m[0].length : -1;
}

/**
 * Line `k` holds only a code in lower case (`invalid_type`, `cardDeclined`), set off by a blank
 * line above. Codes in capitals or digits alone on a line are read with the page's other loose
 * lines (scrape.ts), where a code's texts may also stand one to a line.
 */
function termAt(lines: readonly string[], k: number): string | undefined {
  const t = trim(lines[k] ?? '');
  if (t === '' || t.length > 64 || /\s/.test(t) || trim(lines[k - 1] ?? '') !== '') return undefined;
  const code = codeText(t);
  return /[a-z]/.test(code) && strictCode(code) ? code : undefined;
}

/** A line of prose: words (so no code alone), not a row of cells. */
function proseLine(line: string): boolean {
  const t = trim(line);
  return /\S\s+\S/.test(t) && /\p{L}{2}/u.test(t) && !/\t|\s{3,}|\|/.test(t);
}

/**
 * Codes each on a line of their own, each over a paragraph that says what it means, the blocks
 * apart between blank lines: the rows, or undefined where fewer than three blocks stand in a row.
 */
function termBlocks(lines: readonly string[], start: number): { rows: GridRow[]; next: number } | undefined {
  const rows: GridRow[] = [];
  let k = start;
  for (;;) {
    const code = termAt(lines, k);
    if (code === undefined || !proseLine(lines[k + 1] ?? '')) break;
    let end = k + 1;
    const text: string[] = [];
    while (end < lines.length && trim(lines[end] as string) !== '') text.push(trim(lines[end++] as string));
    rows.push({ cells: [code, text.join(' ')], line: k + 1, end });
    k = end;
    while (k < lines.length && trim(lines[k] as string) === '' && trim(lines[k + 1] ?? '') === '') k++;
    k++;
  }
  return rows.length >= 3 ? { rows, next: Math.min(k, lines.length) } : undefined;
}

/**
 * One heading per code, its meaning in the paragraph below (`### card_declined` then text): a run
 * of at least three such headings at one level is a table.
 */
function codeHeadings(lines: string[], start: number, level: number): { rows: GridRow[]; next: number } | undefined {
  const rows: GridRow[] = [];
  let i = start;
  while (i < lines.length) {
    const h = atxHeading(lines[i] as string);
    if (!h || h.level !== level) break;
    const code = codeText(h.text);
    if (code.includes('/') || (!strictCode(code) && !(codeLike(code) && /`/.test(lines[i] as string)))) break;
    const text: string[] = [];
    let k = i + 1;
    let last = i + 1;
    for (; k < lines.length; k++) {
      const next = atxHeading(lines[k] as string);
      if (next && next.level <= level) break;
      const t = trim(lines[k] as string);
      // A heading over a table names the table, not one code.
      if (isPipeRow(t) || t.includes('\t')) return undefined;
      if (t && !next) {
        text.push(t);
        last = k + 1;
      }
    }
    const row: GridRow = { cells: [code, text.join(' ')], line: i + 1 };
    if (last > i + 1) row.end = last;
    rows.push(row);
    i = k;
  }
  return rows.length >= 3 ? { rows, next: i } : undefined;
}

/**
 * A list inside a doc comment (` * - `CAPTURED` – The charge was captured.`) reads as the list it
 * is: its items lose the comment's leading star. Nothing else in the comment changes.
 */
function docCommentLists(lines: string[]): string[] {
  let inside = false;
  return lines.map((line) => {
    const t = trim(line);
    if (!inside && t.startsWith('/*')) inside = !t.includes('*/');
    else if (inside && t.includes('*/')) inside = false;
    else if (inside && /^\*\s+(?:[-+•]|\d{1,3}[.)])\s/.test(t)) return t.replace(/^\*\s+/, '');
    return line;
  });
}

/** `"key": (` or `KEY = (`: a value in parentheses, its strings on the lines below. */
const PAREN_VALUE = /^((?:"[^"]{1,128}"|'[^']{1,128}'|[A-Za-z_]\w{0,127})\s*[:=])\s*\($/;
const STRING_LINE = /^(?:"([^"]*)"|'([^']*)')$/;

/**
 * A value that Python or JavaScript splits into strings over several lines (`"key": (` `"Text
 * that "` `"goes on."` `),`) is joined onto the key's line, as one string; the lines it took are
 * left as comments, so the line numbers stay.
 */
function joinParenStrings(lines: string[]): string[] {
  for (let i = 0; i < lines.length; i++) {
    const m = PAREN_VALUE.exec(trim(lines[i] as string));
    if (!m) continue;
    const parts: string[] = [];
    let k = i + 1;
    for (; k < lines.length && k < i + 40; k++) {
      const t = trim(lines[k] as string);
      const str = STRING_LINE.exec(t);
      if (!str) break;
      parts.push(str[1] ?? str[2] ?? '');
    }
    if (parts.length === 0 || !/^\)\s*,?$/.test(trim(lines[k] ?? ''))) continue;
    const indent = (lines[i] as string).slice(0, (lines[i] as string).length - (lines[i] as string).trimStart().length);
    lines[i] = `${indent}${m[1]} "${parts.join('').replace(/"/g, "'").trim()}",`;
    for (let j = i + 1; j <= k; j++) lines[j] = `${indent}#`;
    i = k;
  }
  return lines;
}

/** `[status.ERROR_VALUE_INVALID]`: a TOML table or an INI section. */
const SECTION_LINE = /^\[\s*([\w.:-]{1,128})\s*\]\s*(?:[#;].*)?$/;
/** `message = "…"` or `message=…` inside a section. */
const SECTION_KEY = /^([\w.-]{1,64})[ \t]{0,16}=(.{0,2000})$/;

/** A TOML or INI value as text: quotes taken off, a trailing comment dropped from a bare value. */
function sectionValue(raw: string): string {
  const t = trim(raw);
  const q = t[0];
  if ((q === '"' || q === "'") && t.length >= 2) {
    const end = t.indexOf(q, 1);
    return end > 0 ? t.slice(1, end) : t.slice(1);
  }
  const hash = t.search(/\s[#;]/);
  return trim(hash >= 0 ? t.slice(0, hash) : t);
}

/**
 * Codes as the sections of a TOML or INI file (`[status.ERROR_VALUE_INVALID]` then `message =
 * "…"`): the section's last name is the code, its keys are the columns. Only sections with a key
 * titled as a text (message, description …) count, so settings (`[api]`, `[logging]`) give none.
 */
function readSections(lines: string[], state: State): FoundGrid[] {
  const rows: GridRow[] = [];
  const header: string[] = ['code'];
  let open: { code: string; values: Map<string, string>; line: number; end: number } | undefined;
  const close = () => {
    if (!open) return;
    const texty = [...open.values.keys()].some((k) => {
      const r = headerRole(k);
      return r === 'message' || r === 'description';
    });
    if (texty && codeLike(open.code)) {
      for (const k of open.values.keys()) if (!header.includes(k)) header.push(k);
      const o = open;
      const row: GridRow = { cells: [o.code, ...header.slice(1).map((h) => o.values.get(h) ?? '')], line: o.line };
      if (o.end > o.line) row.end = o.end;
      rows.push(row);
    }
    open = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const t = trim(lines[i] as string);
    const sec = SECTION_LINE.exec(t);
    if (sec) {
      close();
      const name = sec[1] as string;
      open = { code: name.slice(name.lastIndexOf('.') + 1), values: new Map(), line: i + 1, end: i + 1 };
      continue;
    }
    const kv = open ? SECTION_KEY.exec(t) : null;
    if (open && kv) {
      open.values.set(kv[1] as string, sectionValue(kv[2] as string));
      open.end = i + 1;
    }
  }
  close();
  // Rows are widened to the final header: a later section may add a key.
  for (const r of rows) while (r.cells.length < header.length) r.cells.push('');
  return rows.length >= 3 ? [makeGrid('lines', rows, state, { header, codeColumn: 0 })] : [];
}

/** `エラーコード: MP-4001`, `Error code: E01`: a label, a colon, a value. */
const LABELLED = /^([^:：\s][^:：]{0,23})[:：][ \t]*(\S.{0,1999})$/;

/**
 * Records written as blocks of labelled lines, a blank line between blocks:
 * `エラーコード: MP-4001` / `エラー名: INVALID_PARAMETER` / `説明: …` / `対処方法: …`. The label that
 * names a code (headerRole) gives the code; the other labels are the columns, in the order first
 * seen. Three blocks at least, each with that label; a line of text between blocks (`■ 決済エラー`)
 * is skipped.
 */
function readLabelBlocks(lines: string[], start: number): { header: string[]; rows: GridRow[]; next: number } | undefined {
  const first = LABELLED.exec(trim(lines[start] as string));
  if (!first || headerRole(first[1] as string) !== 'code') return undefined;
  const codeLabel = trim(first[1] as string);
  const header: string[] = [codeLabel];
  const blocks: { values: Map<string, string>; line: number; end: number }[] = [];
  let i = start;
  let last = start;
  while (i < lines.length) {
    const m = LABELLED.exec(trim(lines[i] as string));
    if (!m || trim(m[1] as string) !== codeLabel) {
      // Between blocks: blank lines and at most one line of text (a group's title).
      if (trim(lines[i] as string) === '' || (i > last + 1 && i <= last + 3 && !LABELLED.test(trim(lines[i] as string)))) {
        if (i > last + 4) break;
        i++;
        continue;
      }
      break;
    }
    const values = new Map<string, string>();
    const line = i + 1;
    for (; i < lines.length; i++) {
      const f = LABELLED.exec(trim(lines[i] as string));
      if (!f) break;
      const label = trim(f[1] as string);
      if (values.has(label)) break;
      values.set(label, trim(f[2] as string));
      if (!header.includes(label)) header.push(label);
    }
    blocks.push({ values, line, end: i });
    last = i - 1;
  }
  if (blocks.length < 3) return undefined;
  const rows = blocks.map((b) => {
    const row: GridRow = { cells: header.map((h) => b.values.get(h) ?? ''), line: b.line };
    if (b.end > b.line) row.end = b.end;
    return row;
  });
  return { header, rows, next: last + 1 };
}

/** Fences that hold a request or a command line, not a list. */
const REQUEST_FENCE = /^(?:http|https|curl|bash|sh|shell|console|zsh|powershell|ps1|cmd|bat)\b/;

/** A page number in a running head or foot: `- 28 -`, `Page 41 of 96`, `12 / 40`. */
const PAGE_NUMBER = /- {0,3}\d{1,4} {0,3}-|\bpage {1,3}\d{1,4}(?: {1,3}of {1,3}\d{1,4})?\b|\b\d{1,4} {0,3}\/ {0,3}\d{1,4}$/gi;

/**
 * A manual copied from a PDF repeats its running head and foot on every page (`KSNET Confidential
 * Copyright …`), each alone between blank lines: blanked, they read as neither a row nor a heading.
 * A row of a table repeated in another table has rows beside it.
 */
function withoutPageFurniture(lines: string[]): string[] {
  const alone = (k: number) => trim(lines[k - 1] ?? '') === '' && trim(lines[k + 1] ?? '') === '';
  const counts = new Map<string, number>();
  const keys = lines.map((l, k) => {
    const t = trim(l);
    // A line that opens with a number is a code and its text (`0000  Success`), which a page may
    // well repeat in two sections.
    if (t.length < 20 || !/\s/.test(t) || !alone(k) || /^\S*\d/.test(t)) return undefined;
    const key = t.replace(PAGE_NUMBER, '#');
    counts.set(key, (counts.get(key) ?? 0) + 1);
    return key;
  });
  return lines.map((l, k) => {
    const key = keys[k];
    return key !== undefined && (counts.get(key) ?? 0) >= 2 ? '' : l;
  });
}

export function findGrids(text: string, skip: [number, number][] = []): FoundGrid[] {
  const lines = withoutPageFurniture(joinParenStrings(docCommentLists(splitLines(text))));
  const grids: FoundGrid[] = [];
  const shapes = new ShapeCounts();
  // Where the last run of a request's fields ended: a field's text wrapped onto a line of its own
  // breaks the run, and the rows after it are fields still.
  let fieldsEnd = -1;
  const outline = new Outline();
  const state: State = { outline };
  const skipped = (n: number) => skip.some(([a, b]) => n >= a && n <= b);
  if (lines.some((l) => PROTO_SYNTAX.test(trim(l)))) return readProtoEnums(lines, state);
  // A TOML or INI file: sections and `key = value` lines, and nothing that reads as prose.
  if (
    lines.filter((l) => SECTION_LINE.test(trim(l))).length >= 3 &&
    !lines.some((l) => /^\s*(#{1,6} |<\w|\|)/.test(l) && !/^\s*#/.test(l))
  ) {
    const sections = readSections(lines, state);
    if (sections.length > 0) return sections;
  }
  // Rust: enums that serde sends by name (a derive, and an enum, in the file).
  if (lines.some((l) => trim(l).startsWith('#[derive(')) && lines.some((l) => RUST_ENUM.test(trim(l)))) {
    const rust = readRustEnums(lines, state);
    if (rust.length > 0) return rust;
  }
  let fence: string | undefined;
  let sqlCodeTables: boolean | undefined;
  let wikiHeadings: boolean | undefined;
  let i = preamble(lines);
  while (i < lines.length) {
    const line = lines[i] as string;
    const t = trim(line);
    if (skipped(i + 1)) {
      i++;
      continue;
    }
    const fenceMark = /^(`{3,}|~{3,})/.exec(t);
    if (fenceMark) {
      const mark = fenceMark[1] as string;
      // A request or a shell session (```http, ```curl, ```bash): its headers and options are no codes.
      if (fence === undefined && REQUEST_FENCE.test(t.slice(mark.length).trim().toLowerCase())) {
        i++;
        while (i < lines.length && !trim(lines[i] as string).startsWith(mark)) i++;
        i++;
        continue;
      }
      fence = fence === undefined ? mark : t.startsWith(fence) ? undefined : fence;
      i++;
      continue;
    }
    if (fence === undefined) {
      const labelled = readLabelBlocks(lines, i);
      if (labelled) {
        grids.push(makeGrid('lines', labelled.rows, state, { header: labelled.header, codeColumn: 0 }));
        i = labelled.next;
        continue;
      }
      // The other statements of an SQL file (`SET NAMES utf8mb4;`, `DROP TABLE …;`, `COMMIT;`).
      if (SQL_STATEMENT.test(t)) {
        i++;
        continue;
      }
      const sql = readSqlInsert(lines, i);
      if (sql) {
        // Where the file names tables for codes, only those hold codes (not `settlement_types`).
        sqlCodeTables ??= lines.some((l) => SQL_CODE_TABLE.test(SQL_INSERT.exec(trim(l))?.[1] ?? ''));
        if (sql.rows.length > 0 && (!sqlCodeTables || SQL_CODE_TABLE.test(sql.table))) {
          grids.push(makeGrid('csv', sql.rows, state, { header: sql.header, caption: sqlComment(lines, i) }));
        }
        i = Math.max(sql.next, i + 1);
        continue;
      }
      // `== Title ==` heads a section only on a page with no markdown headings: elsewhere a line
      // of `===` around a file name is a banner between documents pasted together.
      wikiHeadings ??= !lines.some((l) => atxHeading(l) !== undefined);
      const wh = wikiHeadings ? wikiHeading(t) : undefined;
      if (wh) {
        openSection(state, wh.text, wh.level);
        i++;
        continue;
      }
      // MediaWiki's switches (`__TOC__`, `__NOTOC__`) are no labels.
      if (/^__[A-Z]{2,20}__$/.test(t)) {
        i++;
        continue;
      }
      const wiki = readWikiTable(lines, i);
      if (wiki) {
        if (wiki.rows.length > 0) grids.push(makeGrid('markdown', wiki.rows, state, wiki.header ? { header: wiki.header } : {}));
        i = wiki.next;
        continue;
      }
      const h = atxHeading(line);
      if (h) {
        const run = codeHeadings(lines, i, h.level);
        if (run) {
          grids.push(makeGrid('lines', run.rows, state, { codeColumn: 0 }));
          i = run.next;
          continue;
        }
        openSection(state, h.text, h.level);
        i++;
        continue;
      }
      const underline = lines[i + 1] ?? '';
      if (t && !t.includes('|') && /^=+\s*$/.test(underline) && underline.length >= 3) {
        openSection(state, plain(t), 1);
        i += 2;
        continue;
      }
      // A title over one run of dashes about as long (`1. PAYMENT STATUS` / `-----------`), as
      // markdown and plain-text pages underline a second-level title. Column titles over their
      // dashes (`Code   Name` / `----   ----`) are a table's header, not this.
      const dashes = trim(underline);
      if (
        t &&
        trim(lines[i - 1] ?? '') === '' &&
        !/[|\t]|\S\s{2,}\S/.test(t) &&
        t.length <= 100 &&
        /^-{3,}$/.test(dashes) &&
        dashes.length * 2 >= t.length &&
        dashes.length <= t.length * 2 + 4 &&
        codeLine(line) === undefined
      ) {
        openSection(state, plain(t), 2);
        i += 2;
        continue;
      }
      // A numbered title alone between blank lines (`2.1 Authentication`, `5.3 退款错误码`, an
      // appendix's `C.2 Reject Reason Codes`). The number has a dot inside, so it is no code (a
      // decimal is none), and the title ends in no sentence's stop.
      const numbered = /^((?:[A-Z]\.)?\d{1,2}(?:\.\d{1,2}){1,3}|[A-Z]\.\d{1,2})\.?\s+(\S.{0,79})$/.exec(t);
      if (
        numbered &&
        trim(lines[i - 1] ?? '') === '' &&
        trim(lines[i + 1] ?? '') === '' &&
        !/[.。:：,，;；]$/.test(t) &&
        !/\S\s{2,}\S/.test(numbered[2] as string)
      ) {
        openSection(state, plain(t), (numbered[1] as string).split('.').length + 1);
        i++;
        continue;
      }
      const bold = BOLD_LINE.exec(t);
      if (bold) {
        state.caption = trim(bold[2] as string);
        i++;
        continue;
      }
    }
    if (isPipeRow(line) && !parseSourceLine(line)) {
      const [g, next] = readPipeTable(lines, i, state);
      if (g) grids.push(g);
      i = next;
      continue;
    }
    // A tab between two cells, not a tab of indentation (Go and Makefile-style code indent with tabs).
    if (/\S\t/.test(line) && !parseSourceLine(line)) {
      const end = readRun(lines, i, (l) => /\S\t/.test(l), 0);
      const rows = parseDelimited(lines.slice(i, end).join('\n'), '\t').map((r) => ({
        ...r,
        line: r.line + i,
        ...(r.end ? { end: r.end + i } : {}),
      }));
      if (rows.length >= 2) grids.push(makeGrid('tsv', rows, state));
      else if (rows.length === 1) {
        const cells = codeLine(line);
        if (cells) grids.push(makeGrid('lines', [{ cells, line: i + 1 }], state));
      }
      i = end;
      continue;
    }
    // Cards copied from a page: a header of column titles, one per line, then a row per block.
    if (fence === undefined) {
      const blocks = readBlockTable(lines, i);
      if (blocks) {
        grids.push(makeGrid('lines', blocks.rows, state, { header: blocks.header, codeColumn: blocks.codeColumn }));
        i = blocks.next;
        continue;
      }
    }
    const src = parseSourceLine(line);
    if (src && (fence !== undefined || strictCode(src.code) || src.text !== undefined || underEnumClass(lines, i))) {
      const end = readRun(lines, i, (l) => parseSourceLine(l) !== undefined, 3, true);
      const rows: GridRow[] = [];
      // Among string codes (`ErrInvalidSignature = "E1001"`), a bare number is a setting of the SDK
      // (`DefaultTimeoutSeconds = 30`), not a code.
      const parsed = lines.slice(i, end).map((l) => parseSourceLine(l));
      // `"code": "E01"`, `"message": "…"` in a response example: field names, not codes; and
      // `"reference_id": "order-1234"`, a field whose value is an id or an enum, not a message.
      const field = (p: SourceLine | undefined) =>
        p !== undefined && p.name === undefined && (/^[a-z]+$/.test(p.code) || exampleField(p.code, p.text));
      // Where most of a run is such fields, the run is the example, its message field too
      // (`"resultMsg": "잔액부족"`).
      const fields = parsed.filter(field).length;
      // Keys in capitals (`"RC": "00"`, `"MID": "8089000016"`) beside a field name, whose values
      // are all ids, dates or numbers: an example's data. A list of codes gives each one words.
      const keyed = parsed.filter((p): p is SourceLine => p !== undefined && p.name === undefined);
      const wordless = keyed.length >= 3 && keyed.every((p) => p.text === undefined || !hasWords(p.text));
      // `vads_amount=4525`, `vads_auth_mode=FULL`: a form's fields (lower-case names joined by `_`
      // or in camel case) set to values; an SDK's constants are named in capitals.
      const named = parsed.filter((p): p is SourceLine => p?.name !== undefined);
      const formFields =
        named.length >= 3 &&
        named.filter((p) => /^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$|^[a-z]+[A-Z]\w*$/.test(p.name as string)).length * 5 >= named.length * 3;
      // A response written as `Name=value` lines (`VPSProtocol=4.00`, `Status=NOTAUTHED`): values that
      // are tokens, not texts; a properties file of codes (`E1001=Invalid signature`) gives texts.
      const assigned = lines.slice(i, end).filter((l) => /^\s*[A-Za-z][\w.-]{0,63}=[^=\s]/.test(l));
      // Nor are lines that set an object's fields (`errorCode=5000`, `errorName=…`, `errorMessage=…`),
      // whatever their values: a name that ends in Code, Name or Message names a field, not a code.
      const fieldNamed = assigned.filter((l) =>
        /^\s*(?:[a-z]+(?:[A-Z][a-z0-9]*)*(?:Code|Name|Message|Msg|Desc|Description|Status|Id|Text|Type)|[a-z]+(?:_[a-z0-9]+)*_(?:code|name|message|msg|desc|description|status|id|text|type))=/.test(
          l,
        ),
      ).length;
      const sample =
        assigned.length >= 3 &&
        assigned.length * 5 >= (end - i) * 3 &&
        (assigned.filter((l) => TEXT_VALUE.test(l.slice(l.indexOf('=') + 1).trim())).length * 3 <= assigned.length ||
          fieldNamed * 5 >= assigned.length * 3);
      const example =
        formFields ||
        sample ||
        (fields >= 2 && fields * 2 >= parsed.filter((p) => p !== undefined).length) ||
        (fields >= 1 && wordless) ||
        responseExample(parsed.map((p) => (p?.name === undefined ? p?.code : undefined)));
      const numbers = parsed.filter((p) => p?.bareNumber).length;
      const strings = parsed.filter((p) => p !== undefined && !p.bareNumber && p.name !== undefined).length;
      const settings = strings >= 3 && numbers * 2 <= strings;
      // `BANK_CODES = [ '001' => 'Banco do Brasil', … ]`: a map of banks, currencies or channels, from
      // the line that opens it to the line that closes it.
      let entityMap = opensEntityList(lines[i - 1] ?? '') ?? false;
      for (let k = i; k < end; k++) {
        const s = parsed[k - i];
        const opens = s === undefined ? opensEntityList(lines[k] as string) : undefined;
        if (opens !== undefined) entityMap = opens;
        else if (s === undefined && /^\s*[\])}]/.test(lines[k] as string)) entityMap = false;
        if (entityMap) continue;
        if (settings && s?.bareNumber) continue;
        // A class's declaration (`class PaymentRequestStatus(str, Enum):`) is none of its members.
        if (!s || example || field(s) || /^\s*class\s/.test(lines[k] as string)) continue;
        // A constant that holds a list (`RETRYABLE_CODES = ['5093', '9107']`) groups codes; it is none.
        if (s.text !== undefined && isListLiteral(s.text)) continue;
        // An SDK's settings: an address (`API_BASE_URL = "https://…"`) is no code, nor its meaning.
        if (/^(?:https?:\/\/|\/[\w-])/.test(s.code) || /^(?:https?:\/\/|\/[\w-])/.test(s.text ?? '')) continue;
        const comment = s.comment ?? commentAbove(lines, k) ?? docstringBelow(lines, k);
        // A member that sends its own name (Swift's `case timeout`) has no other name to note.
        const name = s.name === undefined || s.name === s.code ? '' : s.name;
        rows.push({ cells: [s.code, s.text ?? '', name, comment ?? ''], line: k + 1 });
      }
      if (rows.length >= 2) {
        const g = makeGrid('source', rows, state, { codeColumn: 0, header: ['code', 'message', 'name', 'comment'] });
        if (parsed.every((p) => p === undefined || p.bareNumber)) g.numbersOnly = true;
        grids.push(g);
        i = Math.max(end, i + 1);
        continue;
      }
      // One `CODE: text` line whose text wraps onto plain lines (`SIGNATURE_MISMATCH: Generated
      // signature … Check` / `that your passphrase …`) is a list's row, read as a list below.
      if (
        fence !== undefined ||
        rows.length !== 1 ||
        !/^\s*[\w.-]{1,64}\s*[:：]\s*\p{L}+\s+\p{L}/u.test(line) ||
        codeLine(line, true) === undefined
      ) {
        i = Math.max(end, i + 1);
        continue;
      }
    }
    // A fixed-width table whose first column is titled as the code, over a line of dashes
    // (`Code   Name   Description` / `----   ----   -----------`): its first column holds codes,
    // however short.
    const titled = codeTitledColumns(lines, i);
    const cl = codeLine(line, true, titled);
    if (cl) {
      // Lines indented under a code (a sub-bullet that explains it) belong to it, not to the list.
      const base = indentOf(line);
      // In a list that sets each code off with punctuation (`COMPLETE - The payment…`,
      // `SIGNATURE_MISMATCH: Generated…`), a row is set off so too: any other line straight after
      // a row goes on with its text, as a page wraps it (`ISO-8601 format (…)` under a line that
      // ends mid-sentence is no code).
      const punctuated = PUNCTUATED_ROW.test(line);
      const rows: GridRow[] = [];
      // In columns set apart by spaces, a line whose text starts where the first row's does is a row
      // though its code is a plain word (`completed        La transacción…` under `charge_pending   El
      // cargo…`); the plain words are then kept or dropped together, as a list of statuses is.
      const column = punctuated || !strictCode(cl[0] as string) ? -1 : textColumn(line);
      const rowOf = (l: string) =>
        codeLine(l, true, titled) ?? (column > 0 && textColumn(l) === column ? codeLine(l, true, true) : undefined);
      const isRow = (l: string) => rowOf(l) !== undefined && indentOf(l) >= base && (!punctuated || PUNCTUATED_ROW.test(l));
      const under = (l: string) => trim(l) !== '' && indentOf(l) > base;
      // Only prose goes on: words, not a brace, a quote or a statement of code.
      const prose = (l: string) => /^[\p{L}\p{N}(]/u.test(trim(l)) && !/[{};=]\s*$|\(["']/.test(l);
      const goesOn = (l: string, above: string, text: string) =>
        punctuated && trim(above) !== '' && prose(l) && /\p{L}\s+\p{L}/u.test(text);
      // A line set further left than the list (`HTTP ステータスコード` over its indented rows) is a title
      // that ends it, though it starts with a word in capitals.
      let before = line;
      let text = '';
      const end = readRun(
        lines,
        i,
        (l) => {
          const row = isRow(l);
          if (row) text = codeLine(l, true, titled)?.at(-1) ?? '';
          const ok = row || /^\s*:\s/.test(l) || under(l) || goesOn(l, before, text);
          before = l;
          return ok;
        },
        1,
      );
      let starts: number[] | undefined;
      // Rows that stand apart between blank lines wrap their text above the code's line as well as
      // below it (a PDF centres the code in its row): a wrapped line after a blank line, whose
      // block goes on to a row, belongs to that row.
      let overRow: string[] = [];
      // A line that starts under a text column (`PSP Request credit pay`) is no row, though its
      // first word looks like a code.
      const inText = (l: string) => starts !== undefined && starts.length > 1 && indentOf(l) >= (starts[1] as number) - 1;
      const opensBlockOfRow = (k: number) => {
        if (trim(lines[k - 1] ?? '') !== '') return false;
        for (let j = k; j < end; j++) {
          const n = lines[j] as string;
          if (trim(n) === '') return false;
          if (isRow(n) && !inText(n)) return j > k;
          if (!under(n)) return false;
        }
        return false;
      };
      for (let k = i; k < end; k++) {
        const l = lines[k] as string;
        const prev = rows[rows.length - 1];
        if (starts && (!isRow(l) || inText(l)) && under(l) && (overRow.length > 0 ? trim(lines[k - 1] ?? '') !== '' : opensBlockOfRow(k))) {
          overRow.push(l);
          continue;
        }
        if (prev && (under(l) || (!isRow(l) && goesOn(l, lines[k - 1] as string, prev.cells.at(-1) ?? '')))) {
          // Text copied from a PDF wraps a cell onto the next line, under its own column; a list
          // of `code - text` wraps its text onto the next line, whatever its indent.
          if (starts && under(l) && wrapInto(prev, starts, l)) prev.end = k + 1;
          else if ((punctuated || prev.cells.length === 2) && !isRow(l) && !/^\s*[-*+•]\s/.test(l)) {
            const last = prev.cells.length - 1;
            prev.cells[last] = joinWrapped(prev.cells[last] as string, trim(l));
            prev.end = k + 1;
          }
          continue;
        }
        const c = isRow(l) ? rowOf(l) : undefined;
        if (c) {
          const row: GridRow = { cells: c, line: k + 1 };
          rows.push(row);
          const at = cellStarts(l, c);
          starts = at;
          if (at && overRow.length > 0) wrapAbove(row, at, overRow);
        }
        overRow = [];
      }
      // Plain words in bold or code style (`**pending** — …`) are a list of statuses only where
      // three or more stand together and none names a field of an object (`code`, `message`): a
      // list of an error object's fields, or a note or two in bold, is no code list.
      const plainWord = (r: GridRow) => !titled && !strictCode(r.cells[0] as string) && codeList(r.cells[0] as string) === undefined;
      // But a word set off as code among codes set off the same way (`unauthorized` among
      // `validation_error`, `permission_denied` …) is one of them.
      const ticked = (r: GridRow) => /^\s*(?:[-*+•]\s+)?`/.test(lines[r.line - 1] ?? '');
      const amongCodes =
        rows.every(ticked) &&
        rows.filter((r) => !plainWord(r)).length * 2 >= rows.length &&
        !rows.some((r) => FIELD_NAME.test(r.cells[0] as string));
      if (
        rows.some(plainWord) &&
        !amongCodes &&
        (rows.filter(plainWord).length < 3 || rows.some((r) => FIELD_NAME.test(r.cells[0] as string)))
      ) {
        for (let k = rows.length - 1; k >= 0; k--) if (plainWord(rows[k] as GridRow)) rows.splice(k, 1);
      }
      // A header line just above (`Code  Message`) names the columns.
      // (Under it may be a line of dashes: `----    -----------`.)
      const dashes = /^[-=\s]+$/.test(trim(lines[i - 1] ?? '')) && trim(lines[i - 1] ?? '') !== '';
      const above = trim(lines[dashes ? i - 2 : i - 1] ?? '');
      const extra: Partial<Grid> = {};
      const headerCells = above.split(/\t|\s{2,}/).map(trim);
      // A title may look like a code (`RefStatus`) where it names a column's role.
      if (
        headerCells.length >= 2 &&
        headerCells.length === rows[0]?.cells.length &&
        !headerCells.some((h) => strictCode(h) && headerRole(h) === undefined)
      )
        extra.header = headerCells;
      // A header above that titles a request's fields (`No.  項目名  項目ID  属性  桁数  必須`): the
      // rows are fields, however their cells were split.
      const fieldRows = (headerCells.length >= 3 && notACodeTable(headerCells)) || (fieldsEnd >= 0 && i - fieldsEnd <= 2 && !extra.header);
      if (fieldRows) fieldsEnd = end;
      // Two lines that happen to start with a code are prose more often than a table, unless both
      // are list items that set off a code in digits or capitals (`1. **0000**：交易成功`); a pair of
      // field names set off so (`transactions.merchant_advice_code`) is prose about a response.
      const marked = (r: GridRow) =>
        /^\s*(?:[-*+•]|\d{1,3}[.)])\s+(?:\*\*|`)/.test(lines[r.line - 1] as string) && /\d|^[A-Z][A-Z0-9_.-]*$/.test(r.cells[0] as string);
      const listed = rows.length === 2 && rows.every(marked);
      // A response example in a doc comment (` *   "resultCode": "00",`) lists fields, not codes.
      // One or two rows whose codes have a shape the document's tables already use three times or
      // more (`100.380.401` under its own heading, after `800.100.402` …) are the rest of that table.
      const kin = rows.length > 0 && rows.length <= 2 && rows.every((r) => shapes.known(grids, r.cells[0] as string));
      if (
        !fieldRows &&
        (rows.length >= 3 || (rows.length === 2 && (extra.header || listed)) || kin) &&
        !responseExample(rows.map((r) => r.cells[0]))
      )
        grids.push(makeGrid('lines', rows, state, extra));
      i = Math.max(end, i + 1);
      continue;
    }
    // A code in lower case on a line of its own, its meaning in the paragraph below, the blocks
    // apart between blank lines (`invalid_type` / `The errors key may also …`): three or more in a
    // row are a list.
    const terms = termBlocks(lines, i);
    if (terms) {
      grids.push(makeGrid('lines', terms.rows, state, { codeColumn: 0, header: ['code', 'message'] }));
      i = terms.next;
      continue;
    }
    // Definition lists: a code on its own line, its meaning on the next line after `: `.
    const next = lines[i + 1] ?? '';
    if (t && /^:\s/.test(next) && codeLike(codeText(t))) {
      const rows: GridRow[] = [];
      let k = i;
      while (k < lines.length) {
        const term = trim(lines[k] as string);
        const def = lines[k + 1] ?? '';
        if (!term) {
          k++;
          if (trim(lines[k] ?? '') === '') break;
          continue;
        }
        if (!/^:\s/.test(def) || !codeLike(codeText(term))) break;
        rows.push({ cells: [codeText(term), trim(def.slice(1))], line: k + 1, end: k + 2 });
        k += 2;
      }
      if (rows.length > 0) grids.push(makeGrid('deflist', rows, state, { codeColumn: 0 }));
      i = Math.max(k, i + 1);
      continue;
    }
    // A line that opens a block (`… = {`) is code, not the first row of a CSV table; nor is a line of
    // HTML markup (`<p>When a request fails, the …`), whose commas are a sentence's.
    const markup = (l: string) => /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?>/i.test(l);
    if (t.includes(',') && !/[.!?:。{[(]$/.test(t) && !markup(t)) {
      const width = parseDelimited(line, ',')[0]?.cells.length ?? 0;
      if (width >= 2) {
        const end = readRun(lines, i, (l) => !markup(l) && (parseDelimited(l, ',')[0]?.cells.length ?? 0) === width, 0);
        if (end - i >= 3) {
          const rows = parseDelimited(lines.slice(i, end).join('\n'), ',').map((r) => ({ ...r, line: r.line + i }));
          grids.push(makeGrid('csv', rows, state));
          i = end;
          continue;
        }
      }
    }
    i++;
  }
  // A short block of numbers among string codes (`DefaultTimeoutSeconds = 30`, `MaxRetries = 3`
  // after `ErrX = "E1001"` …) holds the SDK's settings, not codes.
  const stringCodes = grids.reduce((n, g) => n + (g.kind === 'source' && !g.numbersOnly ? g.rows.length : 0), 0);
  const kept = grids.filter((g) => !(g.numbersOnly && g.rows.length * 2 <= stringCodes));
  grids.length = 0;
  for (const g of kept) grids.push(g);
  outline.setFlows();
  outline.qualifySections();
  return grids;
}
