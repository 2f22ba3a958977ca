import { PaycodesInputError } from '../core/errors.js';
import { type CsvRecord, CsvSplitter, csvField, csvSafeField, isBlank } from '../io/csv.js';
import { MAX_RECORD_LABEL } from '../io/limits.js';
import { rejection } from '../io/reject.js';
import type { OutBuffer } from '../io/sink.js';
import { ADDED, type Decider, ERROR_FIELD, MESSAGE_FIELDS, type Verdict } from './decide.js';
import { cardNames, type FieldNames } from './ndjson.js';
import { stateFieldNames } from './state-fields.js';
import type { Tally } from './tally.js';

const FORMULA = new Uint8Array(256);
for (const c of '=+-@\t\r') FORMULA[c.charCodeAt(0)] = 1;

/**
 * CSV in, CSV out (RFC 4180): the header row gains the decision's columns and `paycodes_error`;
 * each row is copied byte for byte with the new cells appended (with `csvSafe`, a row holding a
 * cell that starts like a formula is re-written with those cells prefixed by `'`). Blank lines are
 * skipped (they are not records).
 */
export class CsvProcessor {
  private readonly splitter: CsvSplitter;
  private header: string[] | undefined;
  private cols = { provider: -1, code: -1, flow: -1, message: -1, state: -1, network: -1, networkCode: -1, adviceCode: -1 };
  private decider: Decider | undefined;
  /** Set from the header's line ending; the decider must use the same. */
  eol = '\n';

  constructor(
    private readonly makeDecider: (eol: string) => Decider,
    private readonly out: OutBuffer,
    private readonly tally: Tally,
    private readonly names: FieldNames,
    private readonly hasDefaultProvider: boolean,
    private readonly extraColumns: boolean,
    private readonly csvSafe = false,
  ) {
    this.splitter = new CsvSplitter({
      record: (buf, s, rec, line, utf8) => this.record(buf, s, rec, line, utf8),
      oversized: (line, rest) => this.oversized(line, rest),
    });
  }

  push(chunk: Buffer): void {
    this.splitter.push(chunk);
  }

  end(): void {
    this.splitter.end();
  }

  private get cell(): (s: string) => string {
    return this.csvSafe ? csvSafeField : csvField;
  }

  private oversized(line: number, rest: boolean): void {
    const message = rest
      ? rejection(
          'unterminated_quote',
          `a quoted field runs past ${MAX_RECORD_LABEL} and never closes; the rest of the input from line ${line} is this one record`,
        )
      : rejection('too_long');
    if (this.header) this.emitFields([], (this.decider as Decider).error(message));
    this.tally.reject(line, message);
  }

  private record(buf: Buffer, s: number, rec: CsvRecord, line: number, utf8: boolean): void {
    if (isBlank(buf, s, rec.contentEnd)) {
      if (this.header) this.tally.blank++;
      return;
    }
    if (this.header === undefined) {
      this.readHeader(buf, s, rec, utf8);
      return;
    }
    const decider = this.decider as Decider;
    const n = this.header.length;
    let problem: string | undefined;
    if (!utf8) problem = rejection('invalid_utf8');
    else if (rec.error) {
      const reason = rec.error === 'unterminated quoted field' ? 'unterminated_quote' : 'text_after_quote';
      problem = rejection(reason, `${rec.error} (record starts on line ${line})`);
    } else if (rec.count !== n) {
      const extra =
        rec.count > n ? `; extra: ${Array.from({ length: rec.count - n }, (_, i) => csvField(rec.field(buf, n + i))).join(',')}` : '';
      problem = rejection('field_count', `row has ${rec.count} fields; the header has ${n}${extra}`);
    }
    if (problem !== undefined) {
      this.rejectFields(buf, rec, problem, line);
      return;
    }
    const { provider, code, flow, message, state } = this.cols;
    const p = provider >= 0 ? rec.field(buf, provider) : undefined;
    const c = rec.field(buf, code);
    const f = flow >= 0 ? rec.field(buf, flow) : undefined;
    const st = state >= 0 ? rec.field(buf, state) : undefined;
    const cell = (i: number) => (i >= 0 ? rec.field(buf, i) : undefined);
    const net = cell(this.cols.network);
    const nc = cell(this.cols.networkCode);
    const ac = cell(this.cols.adviceCode);
    // One call: the decider finds the message-less answer and reads the message only where it decides.
    const v = decider.decide(p, c, f, message >= 0 ? rec.field(buf, message) : undefined, st, net, nc, ac);
    if (this.csvSafe && looksLikeFormula(buf, rec)) {
      this.out.put(Buffer.from(Array.from({ length: rec.count }, (_, i) => csvSafeField(rec.field(buf, i))).join(',')));
    } else this.out.copy(buf, s, rec.contentEnd);
    this.out.put(v.csv);
    this.tally.count(v, line);
  }

  private readHeader(buf: Buffer, s: number, rec: CsvRecord, utf8: boolean): void {
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
      state: findState(find, this.names.state),
      network: -1,
      networkCode: -1,
      adviceCode: -1,
    };
    [this.cols.network, this.cols.networkCode, this.cols.adviceCode] = cardNames(this.names).map(find) as [number, number, number];
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
    if (this.csvSafe && looksLikeFormula(buf, rec)) this.out.put(Buffer.from(header.map((h) => csvSafeField(h)).join(',')));
    else this.out.copy(buf, s, rec.contentEnd);
    this.out.put(Buffer.from(`${rec.count > 0 ? ',' : ''}${added}${this.eol}`));
  }

  /** A row that cannot be read: its cells re-written (padded to the header), the error in the last column. */
  private rejectFields(buf: Buffer, rec: CsvRecord, message: string, line: number): void {
    const n = (this.header as string[]).length;
    const cells = Array.from({ length: Math.min(rec.count, n) }, (_, i) => rec.field(buf, i));
    const v = (this.decider as Decider).error(message);
    this.emitFields(cells, v);
    this.tally.count(v, line);
  }

  private emitFields(cells: string[], v: Verdict): void {
    const n = (this.header as string[]).length;
    const cell = this.cell;
    const row = Array.from({ length: n }, (_, i) => cell(cells[i] ?? '')).join(',');
    this.out.put(Buffer.from(row));
    this.out.put(v.csv);
  }
}

/** The state column: the name given, else a provider's own name for it when the log uses one. */
export function findState(find: (name: string) => number, name: string): number {
  const i = find(name);
  if (i >= 0 || name !== DEFAULT_STATE_FIELD) return i;
  for (const alt of STATE_ALIASES) {
    const j = find(alt);
    if (j >= 0) return j;
  }
  return -1;
}

export const DEFAULT_STATE_FIELD = 'state';
/** The providers' own names for the state field (from their envelopes), tried when the default `state` is absent. */
export const STATE_ALIASES: readonly string[] = stateFieldNames();

function looksLikeFormula(buf: Buffer, rec: CsvRecord): boolean {
  for (let i = 0; i < rec.count; i++) {
    const s = rec.starts[i] as number;
    if (s < (rec.ends[i] as number) && FORMULA[buf[s] as number] === 1) return true;
  }
  return false;
}
