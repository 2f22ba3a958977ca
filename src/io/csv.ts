import { isUtf8 } from 'node:buffer';
import { CsvRecord, CsvSkipper, INCOMPLETE } from './csv-scan.js';
import { MAX_RECORD_BYTES } from './limits.js';

export { CsvRecord, CsvSkipper, csvField, csvSafeField, INCOMPLETE } from './csv-scan.js';

const LF = 0x0a;

export interface CsvSink {
  /**
   * One record: `rec` describes it inside `buf` from `start` (valid only during the call). `line`
   * is the physical line it starts on; `utf8` is false when its bytes are not valid UTF-8.
   */
  record(buf: Buffer, start: number, rec: CsvRecord, line: number, utf8: boolean): void;
  /**
   * A record over the size limit, skipped unread up to its real end. `rest` is true when a quoted
   * field never closed, so everything from `line` to the end of the input was that one record.
   */
  oversized(line: number, rest: boolean): void;
}

/**
 * The one RFC 4180 reader: bytes in arbitrary chunks to records, with a leading BOM dropped, LF
 * or CRLF line endings, quoted fields holding commas, quotes and line breaks, and the record
 * size limit. Fields are located, not copied, so the batch path can pass rows through byte for byte.
 */
export class CsvSplitter {
  private readonly rec: CsvRecord;
  private tail: Buffer | undefined;
  private skipper: CsvSkipper | undefined;
  private skipLine = 0;
  private first = true;
  /** Physical line where the next record starts (records can span lines). */
  private line = 1;

  constructor(
    private readonly sink: CsvSink,
    private readonly maxRecord = MAX_RECORD_BYTES,
    private readonly sep = 0x2c,
  ) {
    this.rec = new CsvRecord(sep);
  }

  push(chunk: Buffer): void {
    this.feed(chunk, false);
  }

  end(): void {
    this.feed(Buffer.alloc(0), true);
  }

  private feed(chunk: Buffer, eof: boolean): void {
    if (this.skipper !== undefined) {
      const next = this.skipper.skip(chunk, 0, chunk.length);
      if (next < 0) {
        if (eof) this.endSkip(true);
        return;
      }
      this.endSkip(false);
      chunk = chunk.subarray(next);
    }
    const data = this.tail === undefined ? chunk : Buffer.concat([this.tail, chunk]);
    this.tail = undefined;
    let pos = 0;
    if (this.first && data.length >= 3 && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) pos = 3;
    if (this.first && (data.length >= 3 || eof)) this.first = false;
    const lastNl = data.lastIndexOf(LF);
    const okUntil = lastNl >= pos && isUtf8(data.subarray(pos, lastNl + 1)) ? lastNl + 1 : pos;
    const end = data.length;
    while (pos < end) {
      const next = this.rec.parse(data, pos, end, eof);
      if (next === INCOMPLETE) break;
      // The limit holds however the input was chunked.
      if (next - pos > this.maxRecord) this.sink.oversized(this.line, false);
      else this.sink.record(data, pos, this.rec, this.line, next <= okUntil || isUtf8(data.subarray(pos, next)));
      this.line += countLines(data, pos, next);
      pos = next;
    }
    if (pos >= end) return;
    if (end - pos <= this.maxRecord) {
      this.tail = Buffer.from(data.subarray(pos));
      return;
    }
    // Too long to keep: follow the quoting from the record's start to its real end.
    const skipper = new CsvSkipper(this.sep);
    this.skipper = skipper;
    this.skipLine = this.line;
    const next = skipper.skip(data, pos, end);
    if (next < 0) {
      if (eof) this.endSkip(true);
      return;
    }
    this.endSkip(false);
    this.feed(Buffer.from(data.subarray(next)), eof);
  }

  private endSkip(rest: boolean): void {
    const lines = this.skipper?.lines ?? 1;
    this.skipper = undefined;
    this.sink.oversized(this.skipLine, rest);
    this.line = this.skipLine + Math.max(1, lines);
  }
}

/** Line breaks in buf[s, e): how far a record moves the line counter. */
function countLines(buf: Buffer, s: number, e: number): number {
  let n = 0;
  let i = s;
  for (;;) {
    i = buf.indexOf(LF, i);
    if (i < 0 || i >= e) break;
    n++;
    if (i === e - 1) break;
    i++;
  }
  return n || 1;
}

export interface CsvRow {
  fields: string[];
  /** 1-based line where the record starts. */
  line: number;
  /** Set when the row could not be read cleanly (its fields are what could be recovered). */
  problem?: 'invalid_utf8' | 'too_long' | 'unterminated_quote' | 'text_after_quote';
}

/**
 * Streaming rows as strings, for every reader that wants values rather than byte ranges (report,
 * import, tests). Blank lines are skipped.
 */
export class CsvReader {
  private readonly splitter: CsvSplitter;

  constructor(
    onRow: (row: CsvRow) => void,
    onBlank: (line: number) => void = () => {},
    maxRecord = MAX_RECORD_BYTES,
    delimiter: ',' | ';' | '\t' = ',',
  ) {
    this.splitter = new CsvSplitter(
      {
        record(buf, start, rec, line, utf8) {
          if (isBlank(buf, start, rec.contentEnd)) return onBlank(line);
          if (!utf8) return onRow({ fields: [], line, problem: 'invalid_utf8' });
          const fields = Array.from({ length: rec.count }, (_, i) => rec.field(buf, i));
          const row: CsvRow = { fields, line };
          if (rec.error !== undefined) row.problem = rec.error === 'unterminated quoted field' ? 'unterminated_quote' : 'text_after_quote';
          onRow(row);
        },
        oversized(line, rest) {
          onRow({ fields: [], line, problem: rest ? 'unterminated_quote' : 'too_long' });
        },
      },
      maxRecord,
      delimiter.charCodeAt(0),
    );
  }

  push(chunk: Buffer | string): void {
    this.splitter.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  }

  end(): void {
    this.splitter.end();
  }
}

/** Parses a whole CSV (or, with a tab or a semicolon delimiter, TSV or a semicolon sheet) text into rows; for small inputs (documents, tests). */
export function parseCsv(text: string | Buffer, options: { delimiter?: ',' | ';' | '\t'; maxRecord?: number } = {}): CsvRow[] {
  const out: CsvRow[] = [];
  const r = new CsvReader((row) => out.push(row), undefined, options.maxRecord ?? MAX_RECORD_BYTES, options.delimiter ?? ',');
  r.push(text);
  r.end();
  return out;
}

export function isBlank(buf: Buffer, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const b = buf[i];
    if (b !== 0x20 && b !== 0x09 && b !== 0x0d) return false;
  }
  return true;
}
