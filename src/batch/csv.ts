import { isUtf8 } from 'node:buffer';
import { PaycodesInputError } from '../core/errors.js';
import { CsvRecord, csvField, INCOMPLETE } from './csv-scan.js';
import { ADDED, type Decider, ERROR_FIELD, MESSAGE_FIELDS, type Verdict } from './decide.js';
import { type FieldNames, MAX_RECORD } from './ndjson.js';
import type { OutBuffer } from './output.js';
import type { Tally } from './tally.js';

const LF = 0x0a;

function isBlank(buf: Buffer, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const b = buf[i];
    if (b !== 0x20 && b !== 0x09 && b !== 0x0d) return false;
  }
  return true;
}

/**
 * CSV in, CSV out (RFC 4180): the header row gains the decision's columns and `paycodes_error`;
 * each row is copied byte for byte with the new cells appended. Quoted fields may hold commas,
 * quotes and line breaks. Blank lines are skipped (they are not records).
 */
export class CsvProcessor {
  private readonly rec = new CsvRecord();
  private tail: Buffer | undefined;
  private header: string[] | undefined;
  private cols = { provider: -1, code: -1, flow: -1, message: -1 };
  /** Physical line where the next record starts (records can span lines). */
  private line = 1;
  private first = true;
  private oversized = false;
  /** Set from the header's line ending; the decider must use the same. */
  eol = '\n';

  constructor(
    private readonly makeDecider: (eol: string) => Decider,
    private readonly out: OutBuffer,
    private readonly tally: Tally,
    private readonly names: FieldNames,
    private readonly hasDefaultProvider: boolean,
    private readonly extraColumns: boolean,
  ) {}

  private decider: Decider | undefined;

  push(chunk: Buffer): void {
    this.feed(chunk, false);
  }

  end(): void {
    this.feed(Buffer.alloc(0), true);
  }

  private feed(chunk: Buffer, eof: boolean): void {
    if (this.oversized) {
      const nl = chunk.indexOf(LF);
      if (nl < 0 && !eof) return;
      this.rejectOversized();
      chunk = nl < 0 ? Buffer.alloc(0) : chunk.subarray(nl + 1);
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
      const utf8 = next <= okUntil || isUtf8(data.subarray(pos, next));
      this.record(data, pos, utf8);
      this.line += countLines(data, pos, next);
      pos = next;
    }
    if (pos < end) {
      if (end - pos > MAX_RECORD) {
        this.oversized = true;
        return;
      }
      this.tail = Buffer.from(data.subarray(pos));
    }
  }

  private rejectOversized(): void {
    this.oversized = false;
    const message = `record is longer than ${MAX_RECORD >> 20} MiB`;
    if (this.header) this.emitFields([], this.decider?.error(message) as Verdict);
    this.tally.reject(this.line, message);
    this.line++;
  }

  private record(buf: Buffer, s: number, utf8: boolean): void {
    const rec = this.rec;
    if (isBlank(buf, s, rec.contentEnd)) {
      if (this.header) this.tally.blank++;
      return;
    }
    if (this.header === undefined) {
      this.readHeader(buf, s, utf8);
      return;
    }
    const decider = this.decider as Decider;
    const n = this.header.length;
    let problem: string | undefined;
    if (!utf8) problem = 'invalid UTF-8';
    else if (rec.error) problem = `${rec.error} (record starts on line ${this.line})`;
    else if (rec.count !== n) {
      const extra =
        rec.count > n ? `; extra: ${Array.from({ length: rec.count - n }, (_, i) => csvField(rec.field(buf, n + i))).join(',')}` : '';
      problem = `row has ${rec.count} fields; the header has ${n}${extra}`;
    }
    if (problem !== undefined) {
      this.rejectFields(buf, problem);
      return;
    }
    const { provider, code, flow, message } = this.cols;
    const p = provider >= 0 ? rec.field(buf, provider) : undefined;
    const c = rec.field(buf, code);
    const f = flow >= 0 ? rec.field(buf, flow) : undefined;
    let v = decider.decide(p, c, f, undefined);
    if (v.byMessage && message >= 0) v = decider.decide(p, c, f, rec.field(buf, message));
    this.out.copy(buf, s, rec.contentEnd);
    this.out.put(v.csv);
    this.tally.count(v, this.line);
  }

  private readHeader(buf: Buffer, s: number, utf8: boolean): void {
    const rec = this.rec;
    if (!utf8) throw new PaycodesInputError('input', 'the CSV header is not valid UTF-8');
    const header = Array.from({ length: rec.count }, (_, i) => rec.field(buf, i));
    const find = (name: string): number => {
      const exact = header.indexOf(name);
      if (exact >= 0) return exact;
      const loose = name.trim().toLowerCase();
      return header.findIndex((h) => h.trim().toLowerCase() === loose);
    };
    this.cols = {
      provider: find(this.names.provider),
      code: find(this.names.code),
      flow: find(this.names.flow),
      message: find(this.names.message),
    };
    const shown = header.map((h) => JSON.stringify(h)).join(', ');
    if (this.cols.code < 0)
      throw new PaycodesInputError('input', `the CSV header has no "${this.names.code}" column (give --code-field); columns: ${shown}`);
    if (this.cols.provider < 0 && !this.hasDefaultProvider) {
      throw new PaycodesInputError(
        'input',
        `the CSV header has no "${this.names.provider}" column: give --provider or --provider-field; columns: ${shown}`,
      );
    }
    this.header = header;
    this.eol = rec.crlf ? '\r\n' : '\n';
    this.decider = this.makeDecider(this.eol);
    const added = [...ADDED, ...(this.extraColumns ? MESSAGE_FIELDS : []), ERROR_FIELD].join(',');
    this.out.copy(buf, s, rec.contentEnd);
    this.out.put(Buffer.from(`${rec.count > 0 ? ',' : ''}${added}${this.eol}`));
  }

  /** A row that cannot be read: its cells re-written (padded to the header), the error in the last column. */
  private rejectFields(buf: Buffer, message: string): void {
    const rec = this.rec;
    const n = (this.header as string[]).length;
    const cells = Array.from({ length: Math.min(rec.count, n) }, (_, i) => rec.field(buf, i));
    const v = (this.decider as Decider).error(message);
    this.emitFields(cells, v);
    this.tally.count(v, this.line);
  }

  private emitFields(cells: string[], v: Verdict): void {
    const n = (this.header as string[]).length;
    const row = Array.from({ length: n }, (_, i) => csvField(cells[i] ?? '')).join(',');
    this.out.put(Buffer.from(row));
    this.out.put(v.csv);
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
