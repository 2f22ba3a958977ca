import type { Flow } from '../core/types.js';
import { brParts, codeLike, codeList, codeText, emptyish, httpAndCode, plain, strictCode } from './cells.js';
import { MAX_CELLS } from './document.js';
import type { Grid, GridRow } from './grid.js';
import { trim } from './grid.js';
import { entityTitles, headerParts, headerRole, notACodeTable, type Role } from './header-roles.js';

export type { Role } from './header-roles.js';

/**
 * What each column of a table is for, from its header words in any of the languages providers
 * write in, and from its values when there is no header; then one record per row.
 */
export interface RecordText {
  role: Role;
  header?: string;
  text: string;
  /** The cell as written, when it differs from `text`. */
  raw?: string;
  column: number;
}

export interface ImportRecord {
  code: string;
  texts: RecordText[];
  label?: string;
  section?: string;
  /** The flow the headings above set (markdown and HTML documents). */
  sectionFlow?: Flow;
  line: number;
  end?: number;
  table: number;
  kind: Grid['kind'];
}

export interface Skipped {
  line: number;
  reason: string;
}

/** Row numbers: 1, 2, 3… in order (a "no" column is not a code). */
function isIndexColumn(values: string[]): boolean {
  if (values.length < 3 || (values[0] !== '0' && values[0] !== '1')) return false;
  return countsUp(values);
}

/** Numbers that go up by one from row to row, from wherever they start: a count carried over a page. */
function countsUp(values: string[]): boolean {
  if (values.length < 3) return false;
  let prev = Number.NaN;
  let steps = 0;
  for (const v of values) {
    if (!/^(0|[1-9]\d{0,5})$/.test(v)) return false;
    const n = Number(v);
    if (n === prev + 1) steps++;
    prev = n;
  }
  return steps >= 0.95 * (values.length - 1);
}

interface ColumnStats {
  /** Share of cells that are a code or a list of codes. */
  codeLike: number;
  /** Share of cells that are one code: a column of lists (`51, 52, 53`) is rarely the key. */
  single: number;
  unique: number;
  avgLen: number;
  spaces: number;
  n: number;
}

function stats(values: string[]): ColumnStats {
  const filled = values.filter((v) => !emptyish(v));
  const codes = filled.map(codeText);
  const n = filled.length;
  if (n === 0) return { codeLike: 0, single: 0, unique: 0, avgLen: 0, spaces: 0, n: 0 };
  return {
    n,
    codeLike: codes.filter((c) => codeLike(c) || codeList(c) !== undefined || httpAndCode(c) !== undefined).length / n,
    single: codes.filter((c) => codeLike(c) || httpAndCode(c) !== undefined).length / n,
    unique: new Set(codes).size / n,
    avgLen: codes.reduce((a, c) => a + c.length, 0) / n,
    spaces: filled.filter((v) => /\s/.test(plain(v))).length / n,
  };
}

/** A class of HTTP statuses (`2xx`, `4XX`). */
const STATUS_CLASS = /^[1-5]xx$/i;

/** A detail code's column: `sub_code`, `Sub code`, 明细返回码, 子错误码, `detail code`. */
const SUB_CODE = /sub[_ -]?(return[_ -]?)?code|明细|明細|子码|子碼|子错误|detail(ed)? code/;

/** A code column's header that names an identifier of the code, not the code: `Code ID`, `コードID`. */
const CODE_ID = /(code|コード|코드|代码|代碼)\s*id$/;

/** The column that holds the codes: code-like values, mostly distinct, helped by a code header. */
export function pickCodeColumn(header: string[] | undefined, rows: GridRow[], width: number): number {
  let best = -1;
  let bestScore = 0;
  for (let c = 0; c < width; c++) {
    const values = rows.map((r) => r.cells[c] ?? '');
    const s = stats(values);
    if (s.n === 0) continue;
    const role = header ? headerRole(header[c] ?? '') : undefined;
    // Numbers in order are a row count, unless the title says they are the codes (`Código`: 0, 1, 2, 3).
    if (role === 'index' || (role !== 'code' && isIndexColumn(values.filter((v) => !emptyish(v)).map(codeText)))) continue;
    if (s.codeLike < 0.6) continue;
    let score = s.single * 2 + s.unique + (s.n / rows.length) * 0.5 - Math.min(s.avgLen, 60) / 120;
    // "Code ID" beside "Code" (PayPay's codeId) numbers the codes; the code is what the merchant keys on.
    if (role === 'code') score += CODE_ID.test(plain(header?.[c] ?? '').toLowerCase()) ? 0.5 : 1.5;
    // A count that goes on from an earlier page (26, 27, 28 … under `Sr. No.`) loses to a column of
    // codes beside it; where no other column holds codes, the numbers are the codes.
    else if (role === undefined && countsUp(values.filter((v) => !emptyish(v)).map(codeText))) score -= 1.5;
    else if (role === 'message' || role === 'description' || role === 'solution') score -= 1;
    // An HTTP status beside another code is how the API answered, not the code.
    else if (role === 'http') score -= 1.5;
    // `status_id` beside `status`: the number identifies the status the other column names.
    else if (/[_ -]id$/.test(plain(header?.[c] ?? '').toLowerCase()) && (role === 'status' || role === 'name' || role === undefined))
      score -= 1.2;
    else if (role === 'status' || role === 'scene') score -= 0.7;
    else if (role === 'name') score -= 0.4;
    if (score > bestScore + 1e-9) [best, bestScore] = [c, score];
  }
  return best;
}

function isHeaderLike(cells: string[]): boolean {
  const filled = cells.filter((c) => !emptyish(c));
  if (filled.length < 2) return false;
  // Titles are a few words: a sentence (`The FORCE Approval Code supplied in the …`) is a row's text.
  if (filled.some((c) => plain(c).length > 60)) return false;
  const roles = filled.map(headerRole).filter(Boolean);
  return roles.length >= Math.max(2, filled.length - 1) && roles.includes('code');
}

/** One or more HTTP statuses in a cell: `404`, `5xx`, `500 / 502`. */
const HTTP_STATUSES = /^(?:[1-5]\d\d|[1-5]xx)(?: ?[/,、] ?(?:[1-5]\d\d|[1-5]xx)){0,8}$/i;
/** An HTTP status's reason phrase opening a cell's text (`Bad request. A parameter is missing…`). */
const REASON_PHRASE =
  /^(?:ok|created|accepted|no content|bad request|unauthori[sz]ed|forbidden|not found|method not allowed|conflict|gone|unprocessable (?:entity|content)|too many requests|internal server error|bad gateway|service unavailable|gateway time-?out|request time-?out|payment required|not acceptable)\b/i;

/** A field's name joined by `_`: `m_payment_id`. */
const SNAKE_NAME = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$/;
/** A field's data type: `Char(10)`, `Varchar(30)`, `string`, `int`, `N(12)`, `AN 20`. */
const DATA_TYPE =
  /^(?:(?:var)?char|varchar2?|string|str|int(?:eger)?|long|number|numeric|decimal|bool(?:ean)?|date(?:time)?|object|array|enum|n|an|a)(?:\s?\(\d{1,5}(?:[,/]\s?\d{1,5})?\)|\s\d{1,5})?$/i;
/** A data type that is no code's word: a type's name, or a letter type with its length (`AN 20`, not `A`). */
const SURE_DATA_TYPE =
  /^(?:(?:(?:var)?char|varchar2?|string|str|int(?:eger)?|long|numeric|alphanumeric|alpha|decimal|bool(?:ean)?|date(?:time)?|object|array|float|double)(?:\s?\(\d{1,5}(?:[,/]\s?\d{1,5})?\)|\s\d{1,5})?|(?:n|an|a|ans)(?:\s?\(\d{1,5}(?:[,/]\s?\d{1,5})?\)|\s\d{1,5}))$/i;
/** A field's name: joined by `_`, or in camel or Pascal case (`m_payment_id`, `txnAmount`, `MerchantID`). */
const FIELD_NAME_CELL =
  /^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$|^[a-z]+[A-Z][A-Za-z0-9]*$|^[A-Z][a-z]+(?:[A-Z][a-z0-9]*)+$|^[a-z_][a-z0-9_]{0,40}(?:\[\])?(?:\.[a-z_][A-Za-z0-9_]{0,40}(?:\[\])?){1,6}$/;
/** A title that names a request's or a notification's parts. */
const FIELD_TITLE =
  /\b(?:variables|parameters?|params|fields|attributes|properties|campos|par[aáâ]metros|champs|param[eè]tres|parametreler|parametri|campi)\b|tham số|параметры|поля|参数|參數|字段|欄位|パラメータ|項目|파라미터|필드|변수|พารามิเตอร์/i;
/** A title that names codes, errors or statuses: its lists are codes, whatever else it names. */
const CODE_TITLE =
  /\b(?:codes?|errors?|status(?:es)?|results?|reasons?|c[oó]digos?|erros?|errores)\b|码|碼|코드|コード|エラー|错误|錯誤|오류|에러|状态|狀態|状態|상태|결과|結果|结果/i;

/** The statuses a cell opens with, before their reason phrase (`200 - OK`, `500, 502 - Server Errors`). */
function httpStatusOf(cell: string): string {
  const m = cell.length <= 120 ? HTTP_PHRASED.exec(cell) : null;
  return m ? (m[1] as string) : cell;
}
const HTTP_PHRASED =
  /^((?:[1-5]\d\d|[1-5]xx)(?: ?[/,、] ?(?:[1-5]\d\d|[1-5]xx)){0,8})(?:[ \t]*[-–:][ \t]*|[ \t]+)[A-Za-z][A-Za-z' ]{1,40}$/i;

/** A card number: in groups of four (`4051 8856 0044 6623`), or sixteen digits from a card brand's range. */
const CARD_NUMBER = /(?:^|[^\d])(?:\d{4}[ -]){2,3}\d{1,7}(?![\d])|(?:^|[^\d])[3-6]\d{14,15}(?![\d])/;

/**
 * The field names of the JSON examples in a document (`"buy_order": "ordenCompra1234"`,
 * `"amount": 10000`): a table that lists them describes a response's fields, not its codes. A key
 * whose value has words (`"card_declined": "The card was declined"`) may be a code of a JSON
 * list, and is left out.
 */
export function exampleFieldNames(text: string): Set<string> {
  const out = new Set<string>();
  const re = /"([A-Za-z_][A-Za-z0-9_]{0,63})"[ \t]*:[ \t]*("[^"\n]{0,200})?/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const key = m[1] as string;
    if (!/[a-z]/.test(key)) continue;
    if (m[2] !== undefined && /\S\s+\S/.test(m[2])) continue;
    out.add(key);
  }
  return out;
}

export function gridRecords(grid: Grid, table: number, skipped: Skipped[], fieldNames?: ReadonlySet<string>): ImportRecord[] {
  let header = grid.header?.slice(0, MAX_CELLS);
  // A row wider than any code table keeps its overflow in the last cell (bounded work per row).
  let rows = grid.rows.map((r) =>
    r.cells.length <= MAX_CELLS ? r : { ...r, cells: [...r.cells.slice(0, MAX_CELLS - 1), r.cells.slice(MAX_CELLS - 1).join(' ')] },
  );
  if (rows.length === 0) return [];
  // One line with a pipe in it and nothing above or below (`🌐 Tiếng Việt | English`) is a menu or
  // a breadcrumb, not a table.
  if (grid.kind === 'markdown' && !header && rows.length === 1) return [];
  // A title row where the header should be (`|**Capture API errors**||||`): the real header comes later.
  let groupLabel: string | undefined;
  if (header && header.filter((c) => !emptyish(c)).length === 1 && !codeLike(codeText(header[0] ?? ''))) {
    groupLabel = plain(header.find((c) => !emptyish(c)) ?? '');
    const k = rows.findIndex((r) => isHeaderLike(r.cells));
    if (k >= 0 && k < 3) {
      header = rows[k]?.cells;
      rows = rows.slice(k + 1);
    } else header = undefined;
  }
  if (header && notACodeTable(header)) {
    skipped.push({ line: grid.rows[0]?.line ?? 0, reason: 'a table of ranges or fields, not codes' });
    return [];
  }
  if (!header && entityTitles(rows[0]?.cells ?? [])) {
    skipped.push({ line: grid.rows[0]?.line ?? 0, reason: 'a list of banks, currencies, countries or channels, not codes' });
    return [];
  }
  // A loop, not Math.max(...rows): a sheet of a million rows would overflow the call stack.
  let width = header?.length ?? 0;
  for (const r of rows) if (r.cells.length > width) width = r.cells.length;
  // Headerless: the first row is a header when its code cell is not a code but the others are.
  let codeCol = grid.codeColumn ?? pickCodeColumn(header, rows, width);
  if (!header && codeCol < 0 && rows.length > 1) {
    const c = pickCodeColumn(rows[0]?.cells, rows.slice(1), width);
    if (c >= 0 && !codeLike(codeText(rows[0]?.cells[c] ?? ''))) {
      header = rows[0]?.cells;
      rows = rows.slice(1);
      codeCol = c;
    }
  } else if (!header && codeCol >= 0 && grid.kind !== 'source' && rows.length >= 2 && isHeaderLike(rows[0]?.cells ?? [])) {
    header = rows[0]?.cells;
    rows = rows.slice(1);
    // Picked again under its titles: `Código | Status`, where the statuses' names are as code-like
    // as the numbers and the title says which is the code.
    if (grid.codeColumn === undefined) {
      const titled = pickCodeColumn(header, rows, width);
      if (titled >= 0) codeCol = titled;
    }
  }
  let textKeys = false;
  if (codeCol < 0) {
    // "Message | Description" tables whose first column is the value a provider returns.
    const first = rows.map((r) => plain(r.cells[0] ?? '')).filter((v) => !emptyish(v));
    const avg = (xs: string[]) => xs.reduce((a, x) => a + x.length, 0) / Math.max(1, xs.length);
    // The text is the longest of the other columns: `message | Returned by | Meaning` explains in
    // its third.
    let second: string[] = [];
    for (let c = 1; c < width; c++) {
      const col = rows.map((r) => plain(r.cells[c] ?? '')).filter((v) => !emptyish(v));
      if (avg(col) > avg(second)) second = col;
    }
    const firstRole = header ? headerRole(header[0] ?? '') : undefined;
    const keyish = firstRole === undefined || firstRole === 'message' || firstRole === 'code' || firstRole === 'name';
    if (
      keyish &&
      width >= 2 &&
      first.length >= 3 &&
      new Set(first).size === first.length &&
      avg(first) <= 40 &&
      avg(second) > 1.5 * avg(first)
    ) {
      codeCol = 0;
      textKeys = true;
    } else {
      skipped.push({ line: grid.rows[0]?.line ?? 0, reason: `a table without a code column (${rows.length} rows)` });
      return [];
    }
  }
  // The header again further down (a sheet's second block, a table carried over a page) is no row.
  if (header) {
    const titles = header.map((c) => plain(c).trim().toLowerCase());
    rows = rows.filter((r) => !(r.cells.length === titles.length && r.cells.every((c, k) => plain(c).trim().toLowerCase() === titles[k])));
  }
  // A column of parameter or field names is an API reference, not a code list.
  if (
    header &&
    headerParts(header[codeCol] ?? '').some((h) =>
      /^(parameter|param|field|property|attribute|argument|参数|參數|字段|欄位|属性|파라미터|필드|속성|項目|パラメータ|プロパティ|parámetro|campo|propiedad|propriedade|atributo|alan|parametre|champ|paramètre|feld|feldname|pole|parametr|veld|parametro)( ?names?|名稱|名称|名|명| adı| adi)?$/i.test(
        h,
      ),
    )
  ) {
    skipped.push({ line: grid.rows[0]?.line ?? 0, reason: 'a table of fields or parameters, not codes' });
    return [];
  }
  // Test cards: most rows hold a card number (`4051 8856 0044 6623`). What such a table calls a
  // code is a card brand or a scenario; the codes it triggers are listed where they are defined.
  const cardRows = rows.filter((r) => r.cells.some((c) => CARD_NUMBER.test(c))).length;
  if (rows.length >= 2 && cardRows * 5 >= rows.length * 3) {
    skipped.push({ line: grid.rows[0]?.line ?? 0, reason: 'a table of test cards, not codes' });
    return [];
  }
  // Endpoints (`Sandbox | https://sandbox…`): every other cell is an address, no text at all.
  const addresses = rows.every((r) =>
    r.cells.every((c, k) => k === codeCol || emptyish(c) || /^(?:https?:\/\/|\/)\S*$/.test(plain(c).trim())),
  );
  if (addresses && rows.some((r) => r.cells.some((c, k) => k !== codeCol && !emptyish(c)))) {
    skipped.push({ line: grid.rows[0]?.line ?? 0, reason: 'a table of addresses, not codes' });
    return [];
  }
  // HTTP statuses (`200 | OK`, `401 | Unauthorized`, `5xx | …`) under a heading or title that says
  // so, or with their reason phrases: how the API answers at the transport, beside the codes.
  const keys = rows.map((r) => plain(r.cells[codeCol] ?? '').trim()).filter((v) => !emptyish(v));
  // Its title read as a first row (`HTTP ステータスコード` above the statuses) says so too.
  const httpTitle = /^http$/i.test(keys[0] ?? '');
  if (keys.length - (httpTitle ? 1 : 0) >= 2 && keys.every((k, n) => HTTP_STATUSES.test(httpStatusOf(k)) || (n === 0 && httpTitle))) {
    const texts = rows.map((r) => {
      const key = plain(r.cells[codeCol] ?? '').trim();
      const phrase = key.slice(httpStatusOf(key).length).replace(/^\s*[-–:]?\s*/, '');
      return plain([phrase, ...r.cells.filter((_, k) => k !== codeCol)].join(' ')).trim();
    });
    const phrased = texts.filter((t) => REASON_PHRASE.test(t)).length;
    const titled = httpTitle || [grid.section, grid.caption, header?.[codeCol]].some((t) => t !== undefined && /\bhttp\b/i.test(t));
    if (titled || (phrased >= 2 && phrased * 2 >= texts.length)) {
      skipped.push({ line: grid.rows[0]?.line ?? 0, reason: 'a table of HTTP statuses, not codes' });
      return [];
    }
  }
  // Under a title that names fields or parameters and no codes (`3. ITN VARIABLES`, `请求参数`), a
  // table with a column of field names is an API reference.
  const fieldTitle = [grid.section, grid.caption].find((t) => t !== undefined && FIELD_TITLE.test(t) && !CODE_TITLE.test(t));
  // Names joined by `_` are fields there; names in camel or Pascal case (which codes use too:
  // `userCancel`) only beside a column of data types (`Char(10)`, `string`).
  const mostly = (column: number, re: RegExp, least = 3) => {
    const cells = rows.map((r) => plain(r.cells[column] ?? '').trim()).filter((v) => !emptyish(v));
    return cells.length >= least && cells.filter((v) => re.test(v)).length * 5 >= cells.length * 3;
  };
  const columns = Array.from({ length: Math.min(width, 6) }, (_, c) => c);
  // A column of data types (`string`, `Varchar(30)`, `N(12)`) under any title: no code table has one.
  const typed = columns.some((c) => mostly(c, SURE_DATA_TYPE, 2));
  if (
    typed ||
    (fieldTitle &&
      (columns.some((c) => mostly(c, SNAKE_NAME)) ||
        (columns.some((c) => mostly(c, FIELD_NAME_CELL)) && columns.some((c) => mostly(c, DATA_TYPE)))))
  ) {
    skipped.push({ line: grid.rows[0]?.line ?? 0, reason: 'a list of fields or parameters, not codes' });
    return [];
  }
  // Versions (`V1.0`, `v2.3.1`): a revision history, whose notes may name codes it added.
  if (keys.length >= 1 && keys.every((k) => /^v(?:er\.?\s?)?\d{1,3}(?:\.\d{1,4}){1,3}$/i.test(k))) {
    skipped.push({ line: grid.rows[0]?.line ?? 0, reason: 'a revision history, not codes' });
    return [];
  }
  // Most of the column is the field names of a JSON example in the same document.
  if (fieldNames && fieldNames.size > 0 && grid.kind !== 'source' && grid.kind !== 'json') {
    const named = keys.filter((k) => fieldNames.has(k) || fieldNames.has(k.slice(k.lastIndexOf('.') + 1))).length;
    if (keys.length >= 3 && named * 5 >= keys.length * 3) {
      skipped.push({ line: grid.rows[0]?.line ?? 0, reason: 'a table of the fields of a JSON example, not codes' });
      return [];
    }
  }
  const roles: Role[] = [];
  // Some column is titled as the text (message, description, solution).
  const textTitled = (header ?? []).some((h, c) => {
    const r = c === codeCol ? undefined : headerRole(h);
    return r === 'message' || r === 'description' || r === 'solution';
  });
  for (let c = 0; c < width; c++) {
    if (c === codeCol) {
      roles.push('code');
      continue;
    }
    const known = grid.roles?.[c] as Role | undefined;
    const byHeader = known ?? (header ? headerRole(header[c] ?? '') : undefined);
    const values = rows.map((r) => r.cells[c] ?? '').filter((v) => !emptyish(v));
    const s = stats(values);
    let role: Role = byHeader ?? 'other';
    if (role === 'code') role = 'othercode';
    if (role === 'index' || (!byHeader && isIndexColumn(values))) role = 'index';
    if (!byHeader && role === 'other') {
      // No header word: a column of few repeated labels before the code is a category; prose is a message.
      // But a titled column whose title says nothing of text, beside one titled as the text
      // (`Description | R-type`), is another column: its short values are flags, not the message.
      if (c < codeCol && s.unique < 0.5) role = 'scene';
      else if (s.spaces > 0.3 || s.codeLike < 0.5) role = textTitled && !emptyish(header?.[c] ?? '') && s.avgLen < 12 ? 'other' : 'message';
      else role = 'name';
    }
    if (grid.kind === 'source' && c === 3) role = 'description';
    roles.push(role);
  }
  // A column titled as the message that holds ids (`Mensaje`: MSG0008), beside a column of prose
  // titled as the description: the ids are another code, the prose is the message.
  for (let c = 0; c < width; c++) {
    if (roles[c] !== 'message') continue;
    const s = stats(rows.map((r) => r.cells[c] ?? '').filter((v) => !emptyish(v)));
    if (s.n === 0 || s.spaces > 0 || s.codeLike < 0.9) continue;
    const prose = roles.findIndex(
      (r, k) => r === 'description' && stats(rows.map((x) => x.cells[k] ?? '').filter((v) => !emptyish(v))).spaces > 0.5,
    );
    if (prose >= 0) {
      roles[c] = 'othercode';
      roles[prose] = 'message';
    }
  }
  // With no message column, the first text column carries the message.
  if (!roles.includes('message')) {
    const k = roles.findIndex((r) => r === 'description' || r === 'other');
    if (k >= 0) roles[k] = 'message';
  }

  const out: ImportRecord[] = [];
  let scene: string | undefined;
  const sceneCols = roles.map((r, c) => (r === 'scene' ? c : -1)).filter((c) => c >= 0);
  // A detail code beside the code (Alipay's `sub_code`, 明细返回码): a code of its own, with the texts
  // to its right, often on rows whose code cell is merged with the one above.
  const subCol = header ? roles.findIndex((role, c) => role === 'othercode' && SUB_CODE.test(plain(header[c] ?? '').toLowerCase())) : -1;
  // A cell's text with its column's role and title.
  const cellRecordText = (r: GridRow, c: number): RecordText => {
    const cell = r.cells[c] ?? '';
    const text = grid.kind === 'markdown' || grid.kind === 'html' ? cellText(cell) : trim(cell);
    const t: RecordText = { role: roles[c] as Role, text, column: c };
    const raw = r.raw?.[c];
    if (raw !== undefined && raw !== text) t.raw = raw;
    const h = header?.[c];
    if (h) t.header = plain(h);
    return t;
  };
  // A record of `code` from row `r`, under the row's label and the table's section.
  const record = (code: string, texts: RecordText[], r: GridRow): ImportRecord => {
    const rec: ImportRecord = { code, texts, line: r.line, table, kind: grid.kind };
    const l = scene ?? groupLabel ?? grid.caption;
    if (l) rec.label = l;
    if (grid.section !== undefined) rec.section = grid.section;
    if (grid.sectionFlow !== undefined) rec.sectionFlow = grid.sectionFlow;
    return rec;
  };
  const subRecord = (r: GridRow): ImportRecord | undefined => {
    const sub = codeText(r.cells[subCol] ?? '');
    if (!strictCode(sub) && !/^[A-Za-z]+(?:[._-][A-Za-z0-9]+)+$/.test(sub)) return undefined;
    const texts: RecordText[] = [];
    for (let c = subCol + 1; c < width; c++) {
      const role = roles[c] as Role;
      if (c === codeCol || role === 'index' || role === 'scene' || role === 'othercode' || emptyish(r.cells[c] ?? '')) continue;
      texts.push(cellRecordText(r, c));
    }
    return record(sub, texts, r);
  };
  let entityList = false;
  let sectionStart = false;
  let prevEnd = -1;
  for (const r of rows) {
    const filled = r.cells.filter((c) => !emptyish(c));
    const rawCode = r.cells[codeCol] ?? '';
    // A blank line above the row (a grid may leave blank rows out) starts a section as a blank row does.
    if (prevEnd >= 0 && r.line > prevEnd + 1) {
      entityList = false;
      sectionStart = true;
    }
    prevEnd = r.end ?? r.line;
    let code = codeText(rawCode);
    const sub = subCol >= 0 ? subRecord(r) : undefined;
    if (sub && emptyish(rawCode)) {
      out.push(sub);
      continue;
    }
    // `402 card_declined`: the status goes to the notes, the code is the code.
    const withStatus = !codeLike(code) && !textKeys ? httpAndCode(code) : undefined;
    if (withStatus) code = withStatus[1];
    if (filled.length === 0) {
      entityList = false;
      sectionStart = true;
      continue;
    }
    // A sheet that sets a list of banks or channels below its codes, after a blank row: the list
    // runs to the next blank row.
    if (entityList || (sectionStart && entityTitles(r.cells))) {
      entityList = true;
      skipped.push({ line: r.line, reason: 'a list of banks, currencies, countries or channels, not codes' });
      continue;
    }
    sectionStart = filled.length === 1 || r.label === true;
    // A header cell alone on its row (`<th colspan="3">Cards</th>`), or one cell across the row,
    // heads the rows under it.
    if ((r.header || r.label) && filled.length === 1) {
      groupLabel = plain(filled[0] as string);
      continue;
    }
    // `2xx | Success`: a class of HTTP statuses heads the rows under it; it is no code.
    if (STATUS_CLASS.test(code)) {
      groupLabel = filled.map((c) => plain(c)).join(' ');
      continue;
    }
    // A cell that lists several codes gives each of them the row's texts.
    // So does one with a code per line (`ST02<br>ST12`), where every line is a code.
    const lines = /<br/i.test(rawCode) ? brParts(rawCode).map((p) => codeText(p)) : [];
    const listed =
      code && !codeLike(code) && !textKeys
        ? codeList(code)
        : lines.length > 1 && !textKeys && lines.every((c) => strictCode(c))
          ? lines
          : undefined;
    if (!code || !(codeLike(code) || listed || (textKeys && code.length <= 80))) {
      if (filled.length === 1 || r.label) groupLabel = plain(filled[0] as string);
      else if (isHeaderLike(r.cells)) {
        /* a repeated header row */
      } else skipped.push({ line: r.line, reason: code ? `"${code.slice(0, 40)}" is not a code` : 'no code in the code column' });
      continue;
    }
    // A row under a code cell that spans it (`<td rowspan="2">05</td>`), with nothing of its own
    // but text, says more about that code: it is not a second entry, and its text goes to the
    // code's notes (a message must stand on one line of the source as written).
    const prev = out[out.length - 1];
    if (r.spanned?.[codeCol] && prev?.code === code && !listed && continuesAbove(r, roles, codeCol)) {
      for (let c = 0; c < width; c++) {
        const cell = r.cells[c] ?? '';
        if (c === codeCol || r.spanned[c] || emptyish(cell)) continue;
        const h = header?.[c] ? plain(header[c] as string) : (roles[c] as string);
        prev.texts.push({ role: 'other', header: `${h} (line ${r.line})`, text: cellText(cell), column: c });
      }
      continue;
    }
    const label = sceneCols
      .map((c) => plain(r.cells[c] ?? ''))
      .filter((x) => !emptyish(x))
      .join(' ');
    // A category written only on a group's first row covers the rows under it.
    if (label) scene = label;
    const texts: RecordText[] = [];
    // In a table keyed by its messages, the key is the text the provider returns.
    if (textKeys) {
      const t: RecordText = { role: 'message', text: code, column: codeCol };
      const h = header?.[codeCol];
      if (h) t.header = plain(h);
      texts.push(t);
    }
    if (withStatus) texts.push({ role: 'http', header: 'HTTP', text: withStatus[0], column: codeCol });
    // Text after a `<br>` in the code cell is the code's own message (`CODE<br>Retry later`).
    const codeParts = brParts(rawCode);
    if (codeParts.length > 1) {
      const rest = plain(codeParts.slice(1).join(' '));
      if (rest) texts.push({ role: 'message', text: rest, column: codeCol, ...(header?.[codeCol] ? { header: header[codeCol] } : {}) });
    }
    for (let c = 0; c < width; c++) {
      const role = roles[c] as Role;
      if (c === codeCol || role === 'index' || role === 'scene') continue;
      // The detail code's own description is its record's, not the code's.
      if (subCol >= 0 && c > subCol && role === 'description') continue;
      if (emptyish(r.cells[c] ?? '')) continue;
      texts.push(cellRecordText(r, c));
    }
    for (const one of listed ?? [code]) {
      const rec = record(one, listed ? texts.map((t) => ({ ...t })) : texts, r);
      if (r.end !== undefined && r.end > r.line) rec.end = r.end;
      out.push(rec);
    }
    if (sub) out.push(sub);
  }
  return out;
}

/** Every cell of row `r` that is its own (not carried down by a rowspan) is text. */
function continuesAbove(r: GridRow, roles: readonly Role[], codeCol: number): boolean {
  for (let c = 0; c < r.cells.length; c++) {
    if (c === codeCol || r.spanned?.[c] || emptyish(r.cells[c] ?? '')) continue;
    const role = roles[c];
    if (role !== 'message' && role !== 'description' && role !== 'solution' && role !== 'other') return false;
  }
  return true;
}

/** A markdown or HTML cell as text: `<br>` becomes a line break's space, escaped pipes are pipes. */
function cellText(cell: string): string {
  const t = cell.replace(/\\\|/g, '|');
  return /<|&|`|\*\*|\]\(/.test(t) ? plain(t) : trim(t);
}
