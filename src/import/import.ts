import { classify } from '../classify/classify.js';
import type { Flow, Next, Outcome, Party } from '../core/types.js';
import { attributedEnumGrid, xmlRecordGrid, xsdEnumerationGrid } from './annotated.js';
import { type FoundGrid, findGrids } from './document.js';
import { flowOf } from './flow.js';
import type { GridRow } from './grid.js';
import { findHtmlGrids } from './html.js';
import { columnTag, detectTag, headerLanguage, LATIN_TAGS, latinWords } from './lang.js';
import { exampleFieldNames, gridRecords, type ImportRecord, type RecordText, type Role, type Skipped } from './records.js';
import { parseScrape } from './scrape.js';
import { scriptCounts } from './script.js';
import { embeddedDocuments, findStructuredGrids } from './structured.js';
import { parseDelimited } from './tables.js';

export type ImportFormat = 'auto' | 'markdown' | 'csv' | 'tsv' | 'html' | 'json' | 'source' | 'lines';

export interface ImportOptions {
  provider: string;
  format?: ImportFormat;
}

export interface Suggestion {
  unified: string;
  outcome: Outcome;
  next: Next;
  party: Party;
  confidence: number;
  evidence: string[];
}

export interface DraftEntry {
  code: string;
  flow: Flow;
  scene?: string;
  /** The heading the table sits under. */
  section?: string;
  /** The provider's text, verbatim, keyed by BCP 47 tag. */
  messages: Record<string, string>;
  /**
   * More of the provider's words for the code from the same row (a description or a solution the
   * message column does not hold), verbatim, keyed by BCP 47 tag: the catalog's `details`.
   */
  details?: Record<string, string>;
  /** The provider's other columns (HTTP status, category…) and further texts, verbatim, as `Header: text`. */
  notes: string[];
  /** The same texts as written in the document (markup kept), for the verbatim check. */
  raw?: Record<string, string>;
  source: { line: number; end?: number };
  /** The classifier's reading of the messages: a suggestion for a person to review. */
  suggestion: Suggestion;
}

export interface ImportSummary {
  tables: number;
  rowsRead: number;
  skipped: Skipped[];
  duplicates: { code: string; sections: string[] }[];
}

export interface ImportResult {
  provider: string;
  format: Exclude<ImportFormat, 'auto'>;
  /** Languages of the texts, most used first. */
  languages: string[];
  entries: DraftEntry[];
  summary: ImportSummary;
}

/** Picks a parser from what the text looks like (used when one format is asked for by name). */
export function detectFormat(text: string): Exclude<ImportFormat, 'auto'> {
  return importTable(text, { provider: 'x' }, false).format;
}

/**
 * The language of a text of Han characters alone (成功, 餘額不足), which its characters cannot tell:
 * Japanese in a document whose Han comes with kana, otherwise the Chinese script most of the
 * document's characters show.
 */
function hanFallback(sample: string): 'zh-Hant' | 'zh-Hans' | 'ja' {
  let han = 0;
  let kana = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c >= 0x3040 && c <= 0x30ff) kana++;
    else if (c >= 0x3400 && c <= 0x9fff) han++;
  }
  if (kana > 0.1 * (han + kana)) return 'ja';
  const { hant, hans } = scriptCounts(sample);
  return hans > hant ? 'zh-Hans' : 'zh-Hant';
}

/** The share of a text's letters that are Latin. */
function latinShare(text: string): number {
  let latin = 0;
  let other = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i) | 0x20;
    if (c >= 0x61 && c <= 0x7a) latin++;
    else if (text.charCodeAt(i) >= 0x3040) other++;
  }
  return latin + other === 0 ? 0 : latin / (latin + other);
}

/**
 * A text's language from its own words (`own`) and its column's (`col`): a text too short to tell
 * takes its column's; Spanish and Portuguese, which share words, take the column's; English must
 * show its own function words to stand out of a column in another language.
 */
function pickTag(own: string | undefined, col: string | undefined, text: string): string {
  if (!own) return col ?? 'en';
  if (!col) return own;
  if (!LATIN_TAGS.has(own)) {
    // An English text that quotes a few Chinese characters (`amount [xxx幣種] paid`) stays the column's.
    return own.startsWith('zh') && col !== undefined && LATIN_TAGS.has(col) && latinShare(text) > 0.75 ? col : own;
  }
  if (!LATIN_TAGS.has(col)) return wordCount(text) >= 2 ? own : col;
  if (own === col || wordCount(text) < 4) return col;
  if (own !== 'en' && col !== 'en') return col;
  return latinWords(text, own) > 0 ? own : col;
}

/**
 * The classifier's reading of an entry: its messages, then the provider's own account of the code
 * (a description or a next step), which the model also learned from in the catalog.
 */
function suggest(code: string, flow: Flow, messages: Record<string, string>, details?: Record<string, string>): Suggestion {
  const message = [...Object.values(messages), ...Object.values(details ?? {})].join('\n');
  const c = classify({ code, message, flow });
  return {
    unified: c.unified,
    outcome: c.outcome,
    next: c.next,
    party: c.party,
    confidence: c.confidence,
    evidence: c.evidence.map((e) => `${e.kind}: ${e.detail}`),
  };
}

function scrapeEntries(text: string): DraftEntry[] {
  const records = parseScrape(text).filter((r) => r.texts.some((t) => t.trim() !== ''));
  const fallback = hanFallback(
    records
      .flatMap((r) => r.texts)
      .join('')
      .slice(0, 200000),
  );
  const width = Math.max(0, ...records.map((r) => r.texts.length));
  const colTags = Array.from({ length: width }, (_, c) =>
    columnTag(
      records
        .map((r) => r.texts[c] ?? '')
        .filter(Boolean)
        .slice(0, 400),
      fallback,
    ),
  );
  return records.map((r): DraftEntry => {
    const messages: Record<string, string> = {};
    r.texts.forEach((t, i) => {
      const text = t.trim();
      if (!text) return;
      const lang = pickTag(detectTag(text, fallback), colTags[i], text);
      if (messages[lang] === undefined) messages[lang] = text;
      // Chinese and Japanese put no space between the lines of a wrapped text; other languages do.
      else if (lang.startsWith('zh') || lang === 'ja') messages[lang] = `${messages[lang]}${text}`;
      else messages[lang] = `${messages[lang]} ${text}`;
    });
    const flow = flowOf(r.label) ?? flowOf(r.section, true) ?? 'any';
    const entry: DraftEntry = { code: r.code, flow, messages, notes: [], source: { line: r.line }, suggestion: EMPTY };
    if (r.label) entry.scene = r.label;
    if (r.section !== undefined) entry.section = r.section;
    if (r.end !== undefined && r.end > r.line) entry.source.end = r.end;
    return entry;
  });
}

const EMPTY: Suggestion = { unified: 'unmapped', outcome: 'unknown', next: 'query', party: 'provider', confidence: 0, evidence: [] };
const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;

/** Every table the document holds, by the readers its content calls for. */
function gridsOf(text: string, format: ImportFormat): FoundGrid[] {
  switch (format) {
    case 'csv':
    case 'tsv':
      return [{ kind: format, rows: parseDelimited(text, format === 'csv' ? ',' : '\t'), from: 1, to: 1 }];
    case 'html':
      return findHtmlGrids(text);
    case 'json':
      return findStructuredGrids(text) ?? [];
    case 'markdown':
      return findGrids(text).filter((g) => g.kind === 'markdown');
    case 'source':
      return findGrids(text).filter((g) => g.kind === 'source');
    case 'lines':
      return [];
    default: {
      const structured = findStructuredGrids(text);
      // Tables in the file's string values (a Postman or OpenAPI description in markdown).
      const embedded = structured ? embeddedDocuments(text).flatMap((d) => shifted(gridsOf(d.text, 'auto'), d.line - 1)) : [];
      if (structured && structured.length + embedded.length > 0) return [...structured, ...embedded].sort((a, b) => a.from - b.from);
      // Codes declared by annotations: an XML Schema's enumeration, a C# enum's attributes.
      const xsd = /<(xs|xsd):enumeration\b/.test(text) ? xsdEnumerationGrid(text) : undefined;
      if (xsd) return [xsd];
      const attributed = /\[\s*(EnumMember|JsonStringEnumMemberName|XmlEnum)\s*\(/.test(text) ? attributedEnumGrid(text) : undefined;
      if (attributed) return [attributed];
      // Records of an XML file (`<Error><Code>E1001</Code><Message>…</Message></Error>`).
      const xml = /^\s*(<\?xml|<!--|<[A-Za-z])/.test(text) && !/<(html|body|table|div)\b/i.test(text) ? xmlRecordGrid(text) : undefined;
      if (xml) return [xml];
      const sheet = wholeSheet(text);
      if (sheet) return [sheet];
      const html = /<(table|dl)\b/i.test(text) ? findHtmlGrids(text) : [];
      const spans = html.map((g): [number, number] => [g.from, g.to]);
      return [...html, ...findGrids(withoutStylesAndScripts(text), spans)].sort((a, b) => a.from - b.from);
    }
  }
}

/** Grids read from a text that starts on line `by + 1` of the document, placed on its lines. */
function shifted(grids: FoundGrid[], by: number): FoundGrid[] {
  for (const g of grids) {
    g.from += by;
    g.to += by;
    for (const r of g.rows) {
      r.line += by;
      if (r.end !== undefined) r.end += by;
    }
  }
  return grids;
}

/**
 * The text of a page with its `<style>` and `<script>` elements emptied, line breaks kept: a style
 * sheet's `mso-number-format:General;` is no code and its meaning, whatever line it is on.
 */
function withoutStylesAndScripts(text: string): string {
  if (!/<(style|script)\b/i.test(text)) return text;
  // Found in the text itself, not in a lower-cased copy: lower-casing can change a text's length
  // (Turkish İ becomes two code units), and the offsets would no longer match.
  const open = /<(style|script)\b[^<>]{0,1024}>/gi;
  const closes = { style: /<\/style/gi, script: /<\/script/gi };
  let out = '';
  let at = 0;
  for (let m = open.exec(text); m !== null; m = open.exec(text)) {
    const close = closes[(m[1] as string).toLowerCase() as 'style' | 'script'];
    const body = open.lastIndex;
    close.lastIndex = body;
    const found = close.exec(text);
    const end = found === null ? text.length : found.index;
    out += text.slice(at, body) + text.slice(body, end).replace(/[^\n]+/g, '');
    at = end;
    open.lastIndex = end;
    if (found === null) break;
  }
  return out + text.slice(at);
}

/**
 * A document that is one CSV or TSV sheet from top to bottom (quoted cells may run over lines,
 * which line-by-line reading would cut): nearly every record has the same number of cells.
 */
function wholeSheet(text: string): FoundGrid | undefined {
  const sample = text.slice(0, 4096);
  if (sample.includes('|') || /^\s*</.test(sample)) return undefined;
  // A JSON document has commas on every line, and is no sheet.
  if (/^(\s*\/\/[^\n]*\n)*\s*[[{]/.test(sample)) return undefined;
  // Tabs, then semicolons (spreadsheets set to a comma for the decimal point export with them), then commas.
  for (const delimiter of ['\t', ';', ','] as const) {
    if (!sample.includes(delimiter)) continue;
    const rows = parseDelimited(text, delimiter);
    if (rows.length < 3) continue;
    // The usual width: a title or a comment line above the header is one cell wide.
    const widths = new Map<number, number>();
    for (const r of rows) widths.set(r.cells.length, (widths.get(r.cells.length) ?? 0) + 1);
    let width = 0;
    for (const [w, n] of widths) if (n > (widths.get(width) ?? 0)) width = w;
    // A line or two narrower than the rest above the header are a title or a comment, not rows;
    // more, and the text is a page with a table in it, not a sheet.
    // A spreadsheet pads them to its width (`Title,,,` and an empty `,,,` under it).
    let top = 0;
    let padded = 0;
    for (; top < rows.length; top++) {
      const cells = (rows[top] as GridRow).cells;
      if (cells.length < width) continue;
      if (cells.filter((c) => c.trim() !== '').length > 1) break;
      padded++;
    }
    const sheet = rows.slice(top);
    if (width < 2 || top - padded > 2 || padded > 3 || sheet.length < 3 || (widths.get(width) ?? 0) < 0.9 * sheet.length) continue;
    return { kind: delimiter === '\t' ? 'tsv' : 'csv', rows: sheet, from: sheet[0]?.line ?? 1, to: rows[rows.length - 1]?.line ?? 1 };
  }
  return undefined;
}

const KIND_FORMAT: Record<string, Exclude<ImportFormat, 'auto'>> = {
  markdown: 'markdown',
  html: 'html',
  csv: 'csv',
  tsv: 'tsv',
  json: 'json',
  source: 'source',
};

/** Codes a sheet stored as numbers: shorter than their column's usual width, with no zero-led code anywhere. */
function zeroLossCodes(records: ImportRecord[]): Set<ImportRecord> {
  const out = new Set<ImportRecord>();
  const byTable = new Map<number, ImportRecord[]>();
  for (const r of records) {
    const list = byTable.get(r.table);
    if (list) list.push(r);
    else byTable.set(r.table, [r]);
  }
  for (const rs of byTable.values()) {
    const digits = rs.filter((r) => /^\d+$/.test(r.code));
    if (digits.length < 3 || digits.some((r) => r.code.length > 1 && r.code.startsWith('0'))) continue;
    const lens = new Map<number, number>();
    for (const r of digits) lens.set(r.code.length, (lens.get(r.code.length) ?? 0) + 1);
    let width = 0;
    let best = 0;
    for (const [l, c] of lens) if (c > best) [width, best] = [l, c];
    if (width < 2 || best < 0.5 * digits.length) continue;
    for (const r of digits) if (r.code.length < width) out.add(r);
  }
  return out;
}

function gridEntries(records: ImportRecord[]): DraftEntry[] {
  // Each table column gets a language from its texts; each text may show its own.
  const hanAll = records
    .flatMap((r) => r.texts.map((t) => t.text))
    .join('')
    .slice(0, 200000);
  const docScript = hanFallback(hanAll);
  const columns = new Map<string, string[]>();
  for (const r of records)
    for (const t of r.texts) {
      const k = `${r.table}:${t.column}`;
      const list = columns.get(k) ?? [];
      if (list.length < 400) list.push(t.text);
      columns.set(k, list);
    }
  const colTag = new Map<string, string | undefined>();
  for (const [k, texts] of columns) colTag.set(k, columnTag(texts, docScript));
  const zeroLoss = zeroLossCodes(records);

  return records.map((r): DraftEntry => {
    const messages: Record<string, string> = {};
    const raw: Record<string, string> = {};
    const notes: string[] = [];
    const tagOf = (t: RecordText): string =>
      headerLanguage(t.header) ?? pickTag(detectTag(t.text, docScript), colTag.get(`${r.table}:${t.column}`), t.text);
    const order: Role[] = ['message', 'description', 'solution', 'name', 'othercode', 'status', 'other'];
    let used: RecordText[] = r.texts.filter((t) => t.role === 'message');
    for (const role of order) {
      if (used.length > 0) break;
      const first = r.texts.find((t) => t.role === role);
      if (first) used = [first];
    }
    for (const t of used) {
      const tag = tagOf(t);
      if (messages[tag] === undefined) {
        messages[tag] = t.text;
        if (t.raw !== undefined) raw[tag] = t.raw;
      }
    }
    // A description in a language no message has is that language's message (`中文说明` next to `message`).
    for (const t of r.texts) {
      if (used.includes(t) || (t.role !== 'description' && t.role !== 'other')) continue;
      const tag = tagOf(t);
      if (messages[tag] !== undefined) continue;
      messages[tag] = t.text;
      if (t.raw !== undefined) raw[tag] = t.raw;
      used = [...used, t];
    }
    const details: Record<string, string> = {};
    for (const t of r.texts) {
      if (used.includes(t) && Object.values(messages).includes(t.text)) continue;
      // A description or a solution is the provider's own account of the code: the classifier
      // learns from it. One per language; the rest, and every other column, are notes.
      if (t.role === 'description' || t.role === 'solution') {
        const tag = tagOf(t);
        if (details[tag] === undefined && !Object.values(messages).includes(t.text)) {
          details[tag] = t.text;
          continue;
        }
      }
      notes.push(`${t.header ?? t.role}: ${t.text}`);
    }
    if (zeroLoss.has(r)) {
      notes.push(
        'Leading zeros: codes in this column have different lengths and none starts with 0, as when a sheet stores codes as numbers; check the code the provider really returns.',
      );
    }
    const flow = flowOf(r.label) ?? r.sectionFlow ?? flowOf(r.section, true) ?? 'any';
    const entry: DraftEntry = { code: r.code, flow, messages, notes, source: { line: r.line }, suggestion: EMPTY };
    if (Object.keys(details).length > 0) entry.details = details;
    if (Object.keys(raw).length > 0) entry.raw = raw;
    if (r.label) entry.scene = r.label;
    if (r.section !== undefined) entry.section = r.section;
    if (r.end !== undefined && r.end > r.line) entry.source.end = r.end;
    return entry;
  });
}

const CODE_SEPARATORS = '-–—:：.)]）|';
const FOOTNOTE_MARKS = '¹²³⁴⁵⁶⁷⁸⁹⁰†‡';

/**
 * A message without what the page wrapped around it: its own code in front (`00 - Approved`,
 * `51: Insufficient funds`), which reads to the classifier as a word of the message, and a footnote
 * mark at its end (`交易处理中*`, `Timeout ¹`). A message that is nothing but those stays as written.
 */
export function bareMessage(message: string, code: string): string {
  let m = message;
  if (code !== '' && m.startsWith(code)) {
    // A dash or a dot joined to what follows may be part of a longer code (E1-2, 1.5): not a separator.
    const rest = m.slice(code.length).trimStart();
    const sep = rest[0] ?? '';
    const joined = '-–—.|'.includes(sep) && !/\s/.test(rest[1] ?? '');
    if (sep !== '' && CODE_SEPARATORS.includes(sep) && !joined && rest.slice(1).trim() !== '') m = rest.slice(1).trim();
  }
  let end = m.length;
  if (m[end - 1] === '*') {
    end--;
    if (m[end - 1] === '*') end--;
  } else while (end > 0 && FOOTNOTE_MARKS.includes(m[end - 1] as string)) end--;
  if (end < m.length) {
    const kept = m.slice(0, end).trimEnd();
    if (kept !== '' && !kept.endsWith('*')) m = kept;
  }
  return m;
}

/**
 * An SDK that declares its codes twice, as constants (`AUTHORISED = 5`) and then in a table of
 * descriptions (`5: "Authorised"`): each constant's name joins its code's described entry, so the
 * code is one entry with its message, not a second one whose message is the constant's name.
 * Removes the joined records from `records`.
 */
function joinNamedConstants(records: ImportRecord[]): void {
  const described = new Map<string, ImportRecord>();
  const nameOnly = (r: ImportRecord) => r.kind === 'source' && r.texts.every((t) => t.role === 'name');
  for (const r of records) if (r.kind === 'source' && !nameOnly(r) && !described.has(r.code)) described.set(r.code, r);
  if (described.size === 0) return;
  let kept = 0;
  for (const r of records) {
    const d = nameOnly(r) ? described.get(r.code) : undefined;
    if (d !== undefined && d.table !== r.table) d.texts.push(...r.texts);
    else records[kept++] = r;
  }
  records.length = kept;
}

/**
 * Turns a provider's documentation into draft catalog entries: every table it holds, whatever its
 * form, with code, flow, scene, messages by language, the other columns as notes, source lines,
 * and a classifier suggestion for each.
 */
export function importTable(text: string, options: ImportOptions, suggestions = true): ImportResult {
  const asked = options.format ?? 'auto';
  const grids = gridsOf(text, asked);
  const skipped: Skipped[] = [];
  const records: ImportRecord[] = [];
  let tables = 0;
  let rowsRead = 0;
  const kinds = new Map<string, number>();
  const fieldNames = exampleFieldNames(text);
  grids.forEach((g, k) => {
    rowsRead += g.rows.length;
    const rs = gridRecords(g, k, skipped, fieldNames);
    if (rs.length > 0) tables++;
    kinds.set(g.kind, (kinds.get(g.kind) ?? 0) + rs.length);
    for (const r of rs) records.push(r);
  });
  joinNamedConstants(records);
  let entries: DraftEntry[];
  let format: Exclude<ImportFormat, 'auto'>;
  // No table with borders, or only loose lines: a page scraped to text, cells glued or one per line.
  const weak = [...kinds].every(([k, n]) => n === 0 || k === 'lines' || k === 'csv');
  const scraped = asked === 'lines' || (asked === 'auto' && weak) ? scrapeEntries(text) : [];
  if (asked === 'lines' || (scraped.length > 0 && scraped.length >= 2 * records.length)) {
    entries = scraped;
    format = 'lines';
    tables = entries.length > 0 ? 1 : 0;
    rowsRead = entries.length;
  } else {
    entries = gridEntries(records);
    let top = '';
    let best = -1;
    for (const [k, n] of kinds) if (n > best) [top, best] = [k, n];
    format = asked !== 'auto' ? asked : (KIND_FORMAT[top] ?? 'lines');
  }
  for (const e of entries) for (const [tag, m] of Object.entries(e.messages)) e.messages[tag] = bareMessage(m, e.code);
  if (suggestions) for (const e of entries) e.suggestion = suggest(e.code, e.flow, e.messages, e.details);

  const sections = new Map<string, string[]>();
  for (const e of entries) {
    const where = e.scene ?? e.section ?? '';
    const list = sections.get(e.code);
    if (list) list.push(where);
    else sections.set(e.code, [where]);
  }
  const duplicates = [...sections].filter(([, s]) => s.length > 1).map(([code, s]) => ({ code, sections: [...new Set(s)] }));
  const langCount = new Map<string, number>();
  for (const e of entries) for (const l of Object.keys(e.messages)) langCount.set(l, (langCount.get(l) ?? 0) + 1);
  const languages = [...langCount].sort((a, b) => b[1] - a[1]).map(([l]) => l);
  return { provider: options.provider, format, languages, entries, summary: { tables, rowsRead, skipped, duplicates } };
}
