/** RFC 4180 CSV, one record at a time over bytes. */

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

const NEEDS_QUOTES = /[",\r\n]/;
/** Cells a spreadsheet would run as a formula (OWASP CSV injection), tab and CR included. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One field for CSV output: quoted (with doubled quotes) only when it has to be. */
export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** `--csv-safe`: a leading `'` keeps a spreadsheet from running the cell; other cells are untouched. */
export function csvSafeField(value: string): string {
  return csvField(FORMULA_START.test(value) ? `'${value}` : value);
}

/** True when a cell would be changed by `csvSafeField` before quoting. */
export function startsLikeFormula(value: string): boolean {
  return FORMULA_START.test(value);
}

export const INCOMPLETE = -1;

/**
 * Where the fields of the last parsed record are. Reused between records so the hot loop
 * allocates nothing.
 */
export class CsvRecord {
  /** Number of fields. */
  count = 0;
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  /** 1 for a quoted field (its range excludes the quotes), 2 when it also holds doubled quotes. */
  quoted = new Uint8Array(64);
  /** End of the record's content (before the line ending). */
  contentEnd = 0;
  /** The record ended with CRLF. */
  crlf = false;
  /** Set when the record breaks the quoting rules; the record is still delimited. */
  error: string | undefined;

  /** The field separator: a comma (RFC 4180), or a tab for TSV. */
  constructor(private readonly sep: number = COMMA) {}

  private push(s: number, e: number, q: number): void {
    if (this.count === this.starts.length) {
      const n = this.count * 2;
      const starts = new Int32Array(n);
      starts.set(this.starts);
      const ends = new Int32Array(n);
      ends.set(this.ends);
      const quoted = new Uint8Array(n);
      quoted.set(this.quoted);
      this.starts = starts;
      this.ends = ends;
      this.quoted = quoted;
    }
    this.starts[this.count] = s;
    this.ends[this.count] = e;
    this.quoted[this.count] = q;
    this.count++;
  }

  /** The text of field `i`, unquoted. */
  field(buf: Buffer, i: number): string {
    const s = this.starts[i] as number;
    const e = this.ends[i] as number;
    const text = buf.toString('utf8', s, e);
    return this.quoted[i] === 2 ? text.replace(/""/g, '"') : text;
  }

  /**
   * Parses the record that starts at `s`. Returns the index after its line ending, or INCOMPLETE
   * when the record runs past `e` and more input may come (`eof` false).
   */
  parse(buf: Buffer, s: number, e: number, eof: boolean): number {
    this.count = 0;
    this.error = undefined;
    this.crlf = false;
    let i = s;
    for (;;) {
      let fieldEnd: number;
      if (i < e && buf[i] === QUOTE) {
        const fs = i + 1;
        let j = fs;
        let doubled = false;
        for (;;) {
          const q = buf.indexOf(QUOTE, j);
          if (q < 0 || q >= e) {
            if (!eof) return INCOMPLETE;
            // Unterminated quote at the end of the input: the rest is this record.
            this.error = 'unterminated quoted field';
            this.push(fs, e, 1);
            this.contentEnd = e;
            return e;
          }
          if (q + 1 < e && buf[q + 1] === QUOTE) {
            doubled = true;
            j = q + 2;
            continue;
          }
          if (q + 1 >= e && !eof) return INCOMPLETE;
          this.push(fs, q, doubled ? 2 : 1);
          i = q + 1;
          break;
        }
        if (i < e && buf[i] !== this.sep && buf[i] !== LF && !(buf[i] === CR && buf[i + 1] === LF)) {
          // Text after a closing quote: keep it in the field and flag the record.
          this.error = 'text after a closing quote';
          while (i < e && buf[i] !== this.sep && buf[i] !== LF) i++;
          if (buf[i - 1] === CR && buf[i] === LF) i--;
          this.ends[this.count - 1] = i;
        }
        fieldEnd = i;
      } else {
        const fs = i;
        const sep = this.sep;
        while (i < e) {
          const b = buf[i];
          if (b === sep || b === LF) break;
          i++;
        }
        fieldEnd = i > fs && buf[i - 1] === CR && buf[i] === LF ? i - 1 : i;
        this.push(fs, fieldEnd, 0);
      }
      if (i >= e) {
        if (!eof) return INCOMPLETE;
        this.contentEnd = fieldEnd;
        return e;
      }
      if (buf[i] === this.sep) {
        i++;
        continue;
      }
      if (buf[i] === CR) i++;
      // buf[i] is LF here.
      this.contentEnd = fieldEnd;
      this.crlf = buf[fieldEnd] === CR;
      return i + 1;
    }
  }
}

enum Skip {
  FieldStart,
  Unquoted,
  Quoted,
  QuoteSeen,
}

/**
 * Finds the real end of a record too long to keep, without keeping it: it follows the quoting
 * rules across chunks, so a line break inside a quoted field is never taken for a record boundary
 * (a forged `\nqfpay,0000,forged\n` inside an oversized field stays inside it).
 */
export class CsvSkipper {
  private state = Skip.FieldStart;
  /** Line breaks passed, the record's own last one included. */
  lines = 0;

  constructor(private readonly sep: number = COMMA) {}

  /** Scans buf[s, e). Returns the index after the record's line ending, or -1 when it runs on. */
  skip(buf: Buffer, s: number, e: number): number {
    let i = s;
    while (i < e) {
      switch (this.state) {
        case Skip.Quoted: {
          const q = buf.indexOf(QUOTE, i);
          const stop = q < 0 || q >= e ? e : q;
          this.lines += countLf(buf, i, stop);
          if (stop === e) return -1;
          this.state = Skip.QuoteSeen;
          i = stop + 1;
          break;
        }
        case Skip.QuoteSeen:
          if (buf[i] === QUOTE) {
            this.state = Skip.Quoted;
            i++;
            break;
          }
          this.state = Skip.Unquoted;
          break;
        case Skip.FieldStart:
          if (buf[i] === QUOTE) {
            this.state = Skip.Quoted;
            i++;
            break;
          }
          this.state = Skip.Unquoted;
          break;
        default: {
          const b = buf[i];
          if (b === LF) {
            this.lines++;
            this.state = Skip.FieldStart;
            return i + 1;
          }
          if (b === this.sep) this.state = Skip.FieldStart;
          i++;
        }
      }
    }
    return -1;
  }

  /** Inside a quoted field: at the end of the input, the rest of it was one unterminated field. */
  get inQuotes(): boolean {
    return this.state === Skip.Quoted;
  }
}

function countLf(buf: Buffer, s: number, e: number): number {
  let n = 0;
  for (let i = buf.indexOf(LF, s); i >= 0 && i < e; i = buf.indexOf(LF, i + 1)) n++;
  return n;
}
