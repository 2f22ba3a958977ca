import { HAN, HAN_CLASS } from './script.js';

/**
 * Text scraped from a documentation page, where the table's cells lost their borders: cells glued
 * on one line (`付款4454交易卡餘額不足The card has…`), one cell per line, a category label only on
 * a group's first row, two languages on consecutive lines under the same code.
 */
export interface RawRecord {
  code: string;
  /** The row's own label (scene or category), when it has one. */
  label?: string;
  /** The nearest heading above the row. */
  section?: string;
  /** Text columns in document order. */
  texts: string[];
  line: number;
  end?: number;
}

const WORD_CODE = /^([A-Z][A-Z0-9]*(?:[-_][A-Z0-9]+)+|[A-Z][A-Z0-9]{1,39})$/;
const DIGIT_CODE = /^-?\d{1,12}$/;
/** Digits then capitals: FPX's `1A`, `2B`. */
const MIXED_CODE = /^\d{1,4}[A-Z][A-Z0-9]{0,7}$/;

function isCodeOnly(line: string): boolean {
  const t = line.trim();
  return (WORD_CODE.test(t) && t.length >= 2) || (DIGIT_CODE.test(t) && (t.startsWith('-') || t.length >= 2)) || MIXED_CODE.test(t);
}

interface Row {
  line: number;
  label: string;
  code: string;
  rest: string;
  digits: boolean;
  section?: string;
}

/** `[label]code rest`. Labels are Han runs or capitalised words (`通用`, `Connect`, `Amount Errors`). */
/** A header line names a code column and then a message column, on one line. */
function isHeaderLine(t: string): boolean {
  const line = t.split('\n', 1)[0] as string;
  const m = /码|碼|code/i.exec(line);
  return m !== null && /说明|說明|msg|desc|message/i.test(line.slice(m.index + m[0].length));
}

/** The last run of non-space characters at the end of `s`, found from the end. */
function lastRun(s: string): string | undefined {
  let i = s.length;
  while (i > 0 && !/\s/.test(s[i - 1] as string)) i--;
  return i < s.length ? s.slice(i) : undefined;
}

function parseRow(text: string): Omit<Row, 'line'> | undefined {
  const t = text.trim();
  const word = /^((?:[A-Z][a-z]+)+|[\u3400-\u9fff]+)?([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)(.*)$/s.exec(t);
  if (word) return { label: word[1] ?? '', code: word[2] as string, rest: word[3] as string, digits: false };
  const num = /^([^\d|]{0,40}?)(-?\d+)(.*)$/s.exec(t);
  if (!num) return undefined;
  const label = (num[1] as string).trim();
  const code = num[2] as string;
  const rest = num[3] as string;
  if (rest.trim() === '') return undefined;
  if (!code.startsWith('-') && code.length < 2) return undefined;
  // Markup or a query string before the number is no label: `<payRef>5122941</payRef>`, `&ref=ORD2024`.
  if (/[:：(（"'#*<>=&]/.test(label)) return undefined;
  // A letter or two glued to the digits is the code's own prefix (`E201`, `U337`), not a label.
  const glued = /(?:^|\s)([A-Z]{1,2})$/.exec(num[1] as string);
  if (glued) {
    const prefix = glued[1] as string;
    const before = label.slice(0, label.length - prefix.length).trim();
    return { label: before, code: prefix + code, rest, digits: false };
  }
  return { label, code, rest, digits: true };
}

/** The most common length among digit codes; used to cut `1006043D Secure…` into 100604 + `3D…`. */
function dominantLength(rows: Row[]): number | undefined {
  const counts = new Map<number, number>();
  let n = 0;
  for (const r of rows) {
    if (!r.digits) continue;
    const len = r.code.replace('-', '').length;
    counts.set(len, (counts.get(len) ?? 0) + 1);
    n++;
  }
  let best: number | undefined;
  let bestCount = 0;
  for (const [len, c] of counts) if (c > bestCount) [best, bestCount] = [len, c];
  return best !== undefined && best >= 3 && bestCount >= 0.6 * n ? best : undefined;
}

function words(s: string): Set<string> {
  return new Set(
    s
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean),
  );
}

/** A glued run's suffix that is a word of `english`: long, capitalised or with a digit, so "in" never splits "within". */
function wordSuffix(run: string, englishOf: (suffix: string) => string): string | undefined {
  for (let k = run.length - 1; k >= 2; k--) {
    const s = run.slice(run.length - k);
    if (!/^[A-Za-z0-9]+$/.test(s)) continue;
    if (!(/[A-Z0-9]/.test(s) || s.length >= 3)) continue;
    if (words(englishOf(s)).has(s.toLowerCase())) return s;
  }
  return undefined;
}

/** Chinese first, English second: `交易卡餘額不足The card has insufficient funds…`. */
export function splitZhEn(rest: string): [string, string] {
  const s = rest.trim();
  // The last Chinese character outside square brackets: `[xxx幣種]` inside English stays English.
  let last = -1;
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string;
    if (ch === '[') depth++;
    else if (ch === ']') depth = Math.max(0, depth - 1);
    else if (depth === 0 && HAN_CLASS.test(ch)) last = i;
  }
  if (last < 0) {
    // No Chinese at all (`Others-ExceptionThe payment…`): split at the first lower→Upper seam.
    const seam = /[a-z][A-Z]/.exec(s);
    return seam ? [s.slice(0, seam.index + 1), s.slice(seam.index + 1)] : ['', s];
  }
  let cut = last + 1;
  // A closing bracket whose opening bracket is in the Chinese part belongs to it.
  while (s[cut] === ')' && (s.slice(0, cut).match(/\(/g)?.length ?? 0) > (s.slice(0, cut).match(/\)/g)?.length ?? 0)) cut++;
  const tail = s.slice(cut);
  if (/^[\s a-z]/.test(tail)) {
    // Columns are trimmed, so a tail that starts with a space or lower case continues the Chinese
    // column up to the next case seam (`回應not foundPayment failed…`).
    const seam = /[a-z][A-Z]/.exec(tail);
    if (seam) cut += seam.index + 1;
  } else {
    // An acronym glued to a capitalised word (`輸入PINCard/E-Wallet…`): the acronym is Chinese-side.
    const acro = /^([A-Z0-9]{2,})(?=[A-Z][a-z]{2,})/.exec(tail);
    if (acro) cut += (acro[1] as string).length;
  }
  return [s.slice(0, cut).trim(), s.slice(cut).trim()];
}

/** English first, Chinese second: `Token expiredtoken过期` → `Token expired` + `token过期`. */
export function splitEnZh(rest: string): [string, string] {
  const s = rest.trim();
  let first = -1;
  for (let i = 0; i < s.length; i++) {
    if (HAN.test(s[i] as string)) {
      first = i;
      break;
    }
  }
  if (first < 0) return [s, ''];
  let latin = s.slice(0, first);
  let zh = s.slice(first);
  const run = lastRun(latin);
  if (run) {
    const head = latin.slice(0, latin.length - run.length);
    const suffix = wordSuffix(run, (sfx) => head + run.slice(0, run.length - sfx.length));
    if (suffix) {
      latin = latin.slice(0, latin.length - suffix.length);
      zh = suffix + zh;
    }
  }
  return [latin.trim(), zh.trim()];
}

function scriptOf(s: string): 'han' | 'latin' {
  return HAN.test(s) ? 'han' : 'latin';
}

/**
 * One cell per line: a code alone on its line, then its text line(s). Where a code's text follows
 * it on the next line, as in most of the page, a blank line ends that text: what comes after it
 * in the same script is a heading (the nearest heading above the next codes) or the page's own
 * navigation, not more of the message.
 */
function parseCells(lines: string[], words: ReadonlySet<number> = new Set()): RawRecord[] {
  const isCode = (t: string, i: number) => isCodeOnly(t) || words.has(i);
  let codes = 0;
  let spaced = 0;
  for (let i = 0; i < lines.length; i++) {
    const t = (lines[i] as string).trim();
    if (t === '' || !isCode(t, i)) continue;
    codes++;
    if ((lines[i + 1] ?? '').trim() === '') spaced++;
  }
  const blankEnds = spaced < codes / 2;
  const out: RawRecord[] = [];
  let cur: RawRecord | undefined;
  let lastScript: 'han' | 'latin' | undefined;
  let section: string | undefined;
  let gap = false;
  // Each record whose text ran over a line, as it stood before.
  const unwrapped = new Map<RawRecord, Pick<RawRecord, 'texts' | 'end'>>();
  for (let i = 0; i < lines.length; i++) {
    const t = (lines[i] as string).trim();
    if (t === '') {
      if (cur && cur.texts.length > 0) gap = true;
      continue;
    }
    if (isCode(t, i)) {
      cur = { code: t, texts: [], line: i + 1 };
      if (section !== undefined) cur.section = section;
      out.push(cur);
      lastScript = undefined;
      gap = false;
      continue;
    }
    const script = scriptOf(t);
    if (cur && gap && blankEnds && script === lastScript) cur = undefined;
    if (!cur) {
      if (t.length <= 60 && !isHeaderLine(t)) section = t.replace(/^#{1,6}\s+/, '');
      continue;
    }
    if (cur.texts.length > 0 && script === lastScript) {
      // A message that wraps over two lines.
      if (!unwrapped.has(cur)) unwrapped.set(cur, { texts: [...cur.texts], end: cur.end });
      cur.texts[cur.texts.length - 1] = `${cur.texts[cur.texts.length - 1]} ${t}`;
    } else cur.texts.push(t);
    lastScript = script;
    gap = false;
    cur.end = i + 1;
  }
  // Where no other code's text runs over a line, the last one's does not either: what follows it
  // is the page after the table (a note, a feedback prompt, the footer), not more of its message.
  const last = out[out.length - 1];
  const before = last && unwrapped.size === 1 && out.length >= 3 ? unwrapped.get(last) : undefined;
  if (last && before) {
    last.texts = before.texts;
    if (before.end === undefined) delete last.end;
    else last.end = before.end;
  }
  return out.filter((r) => r.texts.length > 0);
}

/** Glued rows: `[label]code text…`, one row per line. */
function parseGlued(lines: string[]): RawRecord[] {
  const rows: Row[] = [];
  let section: string | undefined;
  lines.forEach((raw, i) => {
    const t = raw.trim();
    if (t === '') return;
    const r = parseRow(t);
    if (r) {
      const row: Row = { ...r, line: i + 1 };
      if (section !== undefined) row.section = section;
      rows.push(row);
    } else if (t.length <= 60 && !isHeaderLine(t)) section = t;
  });

  const width = dominantLength(rows);
  if (width !== undefined) {
    for (const r of rows) {
      const digits = r.code.replace('-', '');
      if (r.digits && digits.length > width) {
        const keep = r.code.length - (digits.length - width);
        r.rest = r.code.slice(keep) + r.rest;
        r.code = r.code.slice(0, keep);
      }
    }
  }

  // Which language comes first: rows that start in Chinese and end in Latin, or the reverse.
  let zhFirst = 0;
  let enFirst = 0;
  for (const r of rows) {
    const s = r.rest.trim();
    if (!HAN.test(s) || !/[A-Za-z]/.test(s)) continue;
    const startsHan = HAN_CLASS.test(s[0] as string) || /^[A-Za-z0-9]{0,8}[\u3400-\u9fff]/.test(s);
    const endsHan = HAN_CLASS.test(s[s.length - 1] as string);
    if (startsHan && !endsHan) zhFirst++;
    else if (!startsHan && endsHan) enFirst++;
  }
  const layout = zhFirst + enFirst < 0.3 * rows.length ? 'single' : zhFirst >= enFirst ? 'zh-en' : 'en-zh';

  const records: RawRecord[] = [];
  let label: string | undefined;
  let labelSection: string | undefined;
  for (const r of rows) {
    if (r.section !== labelSection) {
      label = undefined;
      labelSection = r.section;
    }
    if (r.label) label = r.label;
    let code = r.code;
    let texts: string[];
    if (layout === 'zh-en') {
      let [zh, en] = splitZhEn(r.rest);
      // `URL_NOT_FOUNDURL不存在The url…`: the code swallowed the start of the Chinese column.
      if (!r.digits && HAN.test(r.rest[0] ?? '')) {
        const segment = code.slice(code.lastIndexOf('_') + 1);
        const sfx = wordSuffix(segment, () => en);
        if (sfx && sfx.length < segment.length) {
          code = code.slice(0, code.length - sfx.length);
          zh = sfx + zh;
        }
      }
      texts = [zh, en];
    } else if (layout === 'en-zh') texts = splitEnZh(r.rest);
    else texts = [r.rest.trim()];
    const rec: RawRecord = { code, texts, line: r.line };
    if (label) rec.label = label;
    if (r.section !== undefined) rec.section = r.section;
    records.push(rec);
  }
  return layout === 'single' ? pairRuns(records) : records;
}

/**
 * One language per line, the same code on consecutive lines (`-1系统错误…` then `-1System error…`):
 * runs are cut into groups as long as the document's usual run, so a code used twice with two
 * meanings (`-99` ×4) gives two entries.
 */
function pairRuns(records: RawRecord[]): RawRecord[] {
  const runs: RawRecord[][] = [];
  for (const r of records) {
    const last = runs[runs.length - 1];
    const prev = last?.[last.length - 1];
    if (last && prev && prev.code === r.code && prev.line + 1 === r.line) last.push(r);
    else runs.push([r]);
  }
  const counts = new Map<number, number>();
  for (const run of runs) counts.set(run.length, (counts.get(run.length) ?? 0) + 1);
  let size = 1;
  let best = 0;
  for (const [len, c] of counts) if (c > best || (c === best && len < size)) [size, best] = [len, c];
  if (size < 2) return records;
  const out: RawRecord[] = [];
  for (const run of runs) {
    if (run.length % size !== 0) {
      for (const r of run) out.push(r);
      continue;
    }
    for (let i = 0; i < run.length; i += size) {
      const group = run.slice(i, i + size);
      const head = group[0] as RawRecord;
      const tail = group[group.length - 1] as RawRecord;
      const rec: RawRecord = { ...head, texts: group.flatMap((g) => g.texts) };
      if (tail.line > head.line) rec.end = tail.end ?? tail.line;
      out.push(rec);
    }
  }
  return out;
}

/** Records from a scraped page; picks one-cell-per-line or glued rows by what the lines look like. */
export function parseScrape(text: string): RawRecord[] {
  const lines = text.split(/\r?\n/);
  const codeOnly = lines.filter((l) => l.trim() !== '' && isCodeOnly(l)).length;
  const glued = lines.filter((l) => l.trim() !== '' && !isCodeOnly(l) && parseRow(l) !== undefined).length;
  return codeOnly >= 2 && codeOnly >= glued ? parseCells(lines, statusWords(lines)) : parseGlued(lines);
}

/** A status in lower case alone on its line: `successful`, `pending`, `in_progress`. */
const STATUS_WORD = /^[a-z][a-z_]{2,31}$/;

/**
 * The lines of a list of statuses written in lower case, each alone on its line above a sentence
 * that explains it (`pending` / `The transaction has not been completed yet…`), three or more in a
 * row. A page's menu is capitalised and explains nothing; a word before a sentence once is prose.
 */
function statusWords(lines: string[]): Set<number> {
  const out = new Set<number>();
  let run: number[] = [];
  const close = () => {
    if (run.length >= 3) for (const k of run) out.add(k);
    run = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const t = (lines[i] as string).trim();
    if (t === '') continue;
    const next = (lines[i + 1] ?? '').trim();
    if (STATUS_WORD.test(t) && next.split(' ').length >= 4 && /^[A-Z\u3400-\u9fff\uac00-\ud7a3]/.test(next)) {
      run.push(i);
      // Its explanation: the lines up to the next blank one.
      while (i + 1 < lines.length && (lines[i + 1] as string).trim() !== '') i++;
    } else close();
  }
  close();
  return out;
}
