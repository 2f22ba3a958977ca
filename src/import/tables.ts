/**
 * Well-formed tables (markdown pipes, CSV/TSV, HTML) → rows of cells with line numbers.
 * Headings seen before a row are kept with it, so a "Refund errors" section can name its flow.
 */
export interface GridRow {
  cells: string[];
  line: number;
  end?: number;
  /** The nearest heading above the row. */
  section?: string;
  header?: boolean;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

function lineAt(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

// --- markdown ---------------------------------------------------------------------------------
const MD_SEPARATOR = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

function splitPipes(line: string): string[] {
  let s = line.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1);
  const cells: string[] = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string;
    if (ch === '\\' && s[i + 1] === '|') {
      cur += '|';
      i++;
    } else if (ch === '|') {
      cells.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  cells.push(cur.trim());
  return cells;
}

export function parseMarkdown(text: string): GridRow[] {
  const lines = text.split(/\r?\n/);
  const rows: GridRow[] = [];
  let section: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const heading = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      section = heading[1];
      continue;
    }
    if (!line.includes('|')) continue;
    if (MD_SEPARATOR.test(line)) {
      const prev = rows[rows.length - 1];
      if (prev && prev.line === i) prev.header = true;
      continue;
    }
    const row: GridRow = { cells: splitPipes(line), line: i + 1 };
    if (section !== undefined) row.section = section;
    rows.push(row);
  }
  return rows;
}

// --- CSV / TSV --------------------------------------------------------------------------------
/** RFC 4180-style: quoted cells may hold the delimiter, doubled quotes and line breaks. */
export function parseDelimited(text: string, delimiter: ',' | '\t'): GridRow[] {
  const starts = lineStarts(text);
  const rows: GridRow[] = [];
  let cells: string[] = [];
  let cur = '';
  let quoted = false;
  let rowStart = 0;
  let i = 0;
  const endRow = (endOffset: number) => {
    cells.push(cur);
    cur = '';
    if (cells.some((c) => c.trim() !== '')) {
      const line = lineAt(starts, rowStart);
      const last = lineAt(starts, Math.max(rowStart, endOffset));
      const row: GridRow = { cells: cells.map((c) => c.trim()), line };
      if (last > line) row.end = last;
      rows.push(row);
    }
    cells = [];
  };
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  rowStart = i;
  for (; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cur += '"';
          i++;
        } else quoted = false;
      } else cur += ch;
    } else if (ch === '"' && cur.trim() === '') {
      quoted = true;
      cur = '';
    } else if (ch === delimiter) {
      cells.push(cur);
      cur = '';
    } else if (ch === '\n' || ch === '\r') {
      endRow(i - 1);
      if (ch === '\r' && text[i + 1] === '\n') i++;
      rowStart = i + 1;
    } else cur += ch;
  }
  if (cur !== '' || cells.length > 0) endRow(text.length - 1);
  return rows;
}

// --- HTML -------------------------------------------------------------------------------------
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const n = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : m;
    }
    return Object.hasOwn(ENTITIES, e.toLowerCase()) ? (ENTITIES[e.toLowerCase()] as string) : m;
  });
}

function cellText(html: string): string {
  return decode(html.replace(/<br\s*\/?>/gi, ' ').replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
}

export function parseHtml(text: string): GridRow[] {
  const starts = lineStarts(text);
  const rows: GridRow[] = [];
  const clean = text
    .replace(/<!--[\s\S]*?-->/g, (m) => m.replace(/[^\n]/g, ' '))
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, (m) => m.replace(/[^\n]/g, ' '));
  const token = /<h[1-6][^>]*>([\s\S]*?)<\/h[1-6]>|<tr\b[^>]*>([\s\S]*?)(?=<tr\b|<\/table>|$)/gi;
  let section: string | undefined;
  for (let m = token.exec(clean); m !== null; m = token.exec(clean)) {
    if (m[1] !== undefined) {
      section = cellText(m[1]);
      continue;
    }
    const body = m[2] ?? '';
    const cells: string[] = [];
    let header = true;
    for (const c of body.matchAll(/<(td|th)\b[^>]*>([\s\S]*?)(?=<\/?(?:td|th|tr)\b|<\/table>|$)/gi)) {
      if ((c[1] as string).toLowerCase() === 'td') header = false;
      cells.push(cellText(c[2] ?? ''));
    }
    if (cells.length === 0) continue;
    const row: GridRow = { cells, line: lineAt(starts, m.index) };
    if (header) row.header = true;
    if (section !== undefined) row.section = section;
    rows.push(row);
  }
  return rows;
}
