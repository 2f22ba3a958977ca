import { classify } from '../classify/classify.js';
import type { Flow, Lang, Next, Outcome, Party } from '../core/types.js';
import { flowOf } from './flow.js';
import { parseScrape, type RawRecord } from './scrape.js';
import { chineseScript, HAN, scriptCounts } from './script.js';
import { type GridRow, parseDelimited, parseHtml, parseMarkdown } from './tables.js';

export type ImportFormat = 'auto' | 'markdown' | 'csv' | 'tsv' | 'html' | 'lines';

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
  messages: Partial<Record<Lang, string>>;
  source: { line: number; end?: number };
  /** The classifier's reading of the messages: a suggestion for a person to review. */
  suggestion: Suggestion;
}

export interface ImportResult {
  provider: string;
  format: Exclude<ImportFormat, 'auto'>;
  /** Languages of the text columns, in column order. */
  languages: Lang[];
  entries: DraftEntry[];
}

/** Picks a parser from what the text looks like; scraped pages fall through to `lines`. */
export function detectFormat(text: string): Exclude<ImportFormat, 'auto'> {
  const sample = text.slice(0, 20000);
  if (/<t(able|r)\b/i.test(sample)) return 'html';
  const lines = sample.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.some((l) => /^\s*\|?\s*:?-{3,}:?\s*\|/.test(l)) && lines.filter((l) => l.includes('|')).length >= 2) return 'markdown';
  if (lines.length > 0 && lines.filter((l) => l.includes('\t')).length >= 0.6 * lines.length) return 'tsv';
  const commaCounts = lines.map((l) => parseDelimited(l, ',')[0]?.cells.length ?? 0);
  const first = commaCounts[0] ?? 0;
  if (first >= 2 && commaCounts.filter((c) => c === first).length >= 0.8 * lines.length) return 'csv';
  return 'lines';
}

const CODE_CELL = /^-?[A-Za-z0-9][A-Za-z0-9_.:-]{0,47}$/;
const looksLikeCode = (s: string) => CODE_CELL.test(s) && /[0-9A-Z]/.test(s) && !/^[A-Z][a-z]+$/.test(s);
const TEXT_HEADER = /desc|message|msg|說明|说明|描述|含義|含义|meaning|reason|text|提示|信息|訊息|讯息/i;
const CODE_HEADER = /code|碼|码|status|errcode|返回|回應|响应|回应/i;
const SCENE_HEADER = /scene|場景|场景|category|分類|分类|類別|类别|\btype\b|section|group|module|模块|模組/i;

/** Rows of a well-formed table → records: which column is the code, which the scene, which texts. */
function gridRecords(rows: GridRow[]): RawRecord[] {
  if (rows.length === 0) return [];
  let headerIndex = rows.findIndex((r) => r.header);
  if (headerIndex < 0 && rows[0] && !rows[0].cells.some(looksLikeCode) && rows.length > 1) headerIndex = 0;
  const header = headerIndex >= 0 ? (rows[headerIndex] as GridRow).cells : [];
  const data = rows.filter((_, i) => i !== headerIndex && !(rows[i] as GridRow).header);
  const width = Math.max(...data.map((r) => r.cells.length), header.length);

  let codeCol = header.findIndex((h) => CODE_HEADER.test(h) && !TEXT_HEADER.test(h));
  if (codeCol < 0) {
    for (let c = 0; c < width && codeCol < 0; c++) {
      const cells = data.map((r) => r.cells[c] ?? '').filter(Boolean);
      if (cells.length > 0 && cells.filter(looksLikeCode).length >= 0.8 * cells.length) codeCol = c;
    }
  }
  if (codeCol < 0) return [];
  const sceneCols = new Set<number>();
  header.forEach((h, i) => {
    if (i !== codeCol && SCENE_HEADER.test(h) && !TEXT_HEADER.test(h)) sceneCols.add(i);
  });
  // Without a header, columns before the code are labels (scene, category).
  if (header.length === 0) for (let c = 0; c < codeCol; c++) sceneCols.add(c);

  const out: RawRecord[] = [];
  let scene: string | undefined;
  let section: string | undefined;
  for (const r of data) {
    const code = (r.cells[codeCol] ?? '').trim();
    if (!code) continue;
    if (r.section !== section) {
      section = r.section;
      scene = undefined;
    }
    const label = [...sceneCols]
      .map((c) => r.cells[c] ?? '')
      .filter(Boolean)
      .join(' ');
    // A category written only on a group's first row covers the rows under it.
    if (label) scene = label;
    const texts: string[] = [];
    for (let c = 0; c < width; c++) if (c !== codeCol && !sceneCols.has(c)) texts.push(r.cells[c] ?? '');
    const rec: RawRecord = { code, texts, line: r.line };
    if (r.end !== undefined) rec.end = r.end;
    if (scene) rec.label = scene;
    if (section !== undefined) rec.section = section;
    out.push(rec);
  }
  return out;
}

function recordsOf(text: string, format: Exclude<ImportFormat, 'auto'>): RawRecord[] {
  switch (format) {
    case 'markdown':
      return gridRecords(parseMarkdown(text));
    case 'csv':
      return gridRecords(parseDelimited(text, ','));
    case 'tsv':
      return gridRecords(parseDelimited(text, '\t'));
    case 'html':
      return gridRecords(parseHtml(text));
    default:
      return parseScrape(text);
  }
}

/**
 * Each text column gets one language: English when most of its texts are Latin, otherwise the
 * Chinese script its characters show (a Latin cell in a Chinese column stays with its column).
 */
function columnLanguages(records: RawRecord[], docScript: 'zh-Hant' | 'zh-Hans'): Lang[] {
  const width = Math.max(0, ...records.map((r) => r.texts.length));
  const langs: Lang[] = [];
  for (let c = 0; c < width; c++) {
    const cells = records.map((r) => r.texts[c] ?? '').filter(Boolean);
    const han = cells.filter((t) => HAN.test(t));
    if (han.length * 2 <= cells.length) {
      langs.push('en');
      continue;
    }
    const { hant, hans } = scriptCounts(han.join(''));
    langs.push(hant > hans ? 'zh-Hant' : hans > hant ? 'zh-Hans' : docScript);
  }
  return langs;
}

function suggest(code: string, flow: Flow, messages: Partial<Record<Lang, string>>): Suggestion {
  const message = Object.values(messages).join('\n');
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

/**
 * Turns a code table copied from a provider's documentation into draft catalog entries: code,
 * flow, scene, messages by language, source lines, and a classifier suggestion for each.
 */
export function importTable(text: string, options: ImportOptions): ImportResult {
  const format = !options.format || options.format === 'auto' ? detectFormat(text) : options.format;
  const records = recordsOf(text, format).filter((r) => r.texts.some((t) => t.trim() !== ''));
  const all = records.flatMap((r) => r.texts).join('');
  const docScript = scriptCounts(all).hans > scriptCounts(all).hant ? 'zh-Hans' : 'zh-Hant';
  const langs = columnLanguages(records, docScript);

  const entries = records.map((r): DraftEntry => {
    const messages: Partial<Record<Lang, string>> = {};
    r.texts.forEach((t, i) => {
      const text = t.trim();
      if (!text) return;
      let lang = langs[i] ?? 'en';
      // Within a Chinese column, a text that plainly shows the other script keeps its own tag.
      if (lang !== 'en' && HAN.test(text)) lang = chineseScript(text) ?? lang;
      if (messages[lang] === undefined) messages[lang] = text;
      else if (lang === 'en') messages[lang] = `${messages[lang]} ${text}`;
      else messages[lang] = `${messages[lang]}${text}`;
    });
    const flow = flowOf(r.label) ?? flowOf(r.section, true) ?? 'any';
    const entry: DraftEntry = { code: r.code, flow, messages, source: { line: r.line }, suggestion: suggest(r.code, flow, messages) };
    if (r.label) entry.scene = r.label;
    if (r.end !== undefined && r.end > r.line) entry.source.end = r.end;
    return entry;
  });
  const used = new Set(entries.flatMap((e) => Object.keys(e.messages)));
  return { provider: options.provider, format, languages: [...new Set(langs)].filter((l) => used.has(l)), entries };
}
