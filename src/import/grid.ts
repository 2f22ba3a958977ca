import type { Flow } from '../core/types.js';

/**
 * The shape every parser hands on: a table of cells with the lines they came from, the heading it
 * sits under, and whatever label a document put just above it. Parsers find tables; `records.ts`
 * works out what each column means.
 */
export interface GridRow {
  cells: string[];
  /** The cells as written in the document (markup kept), for verbatim checks. */
  raw?: string[];
  line: number;
  end?: number;
  /** A row that only labels the rows below it ("**Refund API errors**"). */
  label?: boolean;
  header?: boolean;
  /** Columns whose cell is carried down from a row above (an HTML `rowspan`). */
  spanned?: boolean[];
}

export interface Grid {
  kind: 'markdown' | 'html' | 'csv' | 'tsv' | 'columns' | 'lines' | 'source' | 'json' | 'deflist' | 'scrape';
  /** Column titles, when the table has them. */
  header?: string[];
  rows: GridRow[];
  /** The nearest heading above the table. */
  section?: string;
  /** The flow the headings above the table set for it (the nearest one that names a flow). */
  sectionFlow?: Flow;
  /** A bold line or caption just above the table. */
  caption?: string;
  /** The column known to hold the code (source constants, key: value lines). */
  codeColumn?: number;
  /** Roles a parser already knows (source constants know which text is a name). */
  roles?: (string | undefined)[];
}

/** Maps offsets to 1-based line numbers, for offsets that only move forward (amortised linear). */
export class LineCursor {
  private line = 1;
  private pos = 0;
  constructor(private readonly text: string) {}
  at(offset: number): number {
    if (offset < this.pos) {
      this.line = 1;
      this.pos = 0;
    }
    const t = this.text;
    for (let i = this.pos; i < offset && i < t.length; i++) if (t.charCodeAt(i) === 10) this.line++;
    this.pos = Math.max(this.pos, Math.min(offset, t.length));
    return this.line;
  }
}

/** Trims spaces and tabs without a regex (a regex over long runs of spaces is where time went). */
export function trim(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isSpace(s.charCodeAt(a))) a++;
  while (b > a && isSpace(s.charCodeAt(b - 1))) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 10 || c === 0xa0 || c === 0x3000 || c === 0xfeff || c === 0x200b;
}

/** Splits on LF (a CR before it goes too): line numbers are the ones the catalog validator counts. */
export function splitLines(text: string): string[] {
  return text.split(/\r?\n/);
}
