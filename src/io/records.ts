import { PaycodesInputError } from '../core/errors.js';
import { CsvReader } from './csv.js';
import { LineSplitter } from './lines.js';
import type { RejectReason } from './reject.js';
import type { RecordFormat } from './source.js';

/** Which input field holds what. Missing names fall back to the defaults. */
export interface RecordFields {
  provider: string;
  code: string;
  flow: string;
  message: string;
  state: string;
  /** Tried in order when a record has no `state` field. */
  stateAliases?: readonly string[];
  /** Card network fields (`visa`…, the issuer's response code, a Mastercard or Visa advice code). */
  network?: string;
  networkCode?: string;
  adviceCode?: string;
}

export const DEFAULT_FIELDS: RecordFields = { provider: 'provider', code: 'code', flow: 'flow', message: 'message', state: 'state' };
/** The card network fields' default names: the keys records are read into. */
export const NETWORK_FIELDS = { network: 'network', networkCode: 'network_code', adviceCode: 'advice_code' } as const;

/** The canonical keys a record is read into; `extra` names pass through under their own name. */
export type LogRecord = Record<string, unknown>;

export interface RecordHandler {
  record(line: number, rec: LogRecord): void;
  reject(line: number, reason: RejectReason): void;
  blank(): void;
}

/**
 * Bytes to records, for the commands that want values (report): NDJSON objects or CSV rows, with
 * the configured field names mapped to canonical keys (provider, code, flow, message, state) and
 * the `extra` fields (amount, currency, ts, …) kept under their own names. Synchronous per chunk.
 */
export class RecordReader {
  private readonly lines: LineSplitter | undefined;
  private readonly csv: CsvReader | undefined;
  private columns: [string, number][] | undefined;
  records = 0;

  constructor(
    format: RecordFormat,
    private readonly fields: RecordFields,
    private readonly extra: readonly string[],
    private readonly on: RecordHandler,
  ) {
    if (format === 'ndjson') this.lines = new LineSplitter((l) => this.line(l.number, l.text, l.problem));
    else {
      this.csv = new CsvReader(
        (r) => this.row(r.line, r.fields, r.problem),
        () => {
          if (this.columns !== undefined) this.on.blank();
        },
      );
    }
  }

  push(chunk: Buffer): void {
    if (this.lines) this.lines.push(chunk);
    else this.csv?.push(chunk);
  }

  end(): void {
    if (this.lines) this.lines.end();
    else this.csv?.end();
  }

  /** The header columns that were found, by canonical key (CSV only, after the header). */
  get header(): ReadonlyMap<string, number> | undefined {
    return this.columns === undefined ? undefined : new Map(this.columns);
  }

  private line(number: number, text: string | undefined, problem: 'invalid_utf8' | 'too_long' | undefined): void {
    if (text === undefined) {
      this.records++;
      return void this.on.reject(number, problem ?? 'invalid_input');
    }
    if (text.trim() === '') return void this.on.blank();
    this.records++;
    let v: unknown;
    try {
      v = JSON.parse(text);
    } catch {
      return void this.on.reject(number, 'invalid_json');
    }
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return void this.on.reject(number, 'not_object');
    const obj = v as Record<string, unknown>;
    const get = (k: string): unknown => (Object.hasOwn(obj, k) ? obj[k] : undefined);
    const f = this.fields;
    const rec: LogRecord = {};
    set(rec, 'provider', get(f.provider));
    set(rec, 'code', get(f.code));
    set(rec, 'flow', get(f.flow));
    set(rec, 'message', get(f.message));
    let state = get(f.state);
    for (let i = 0; state === undefined && i < (f.stateAliases?.length ?? 0); i++) state = get(f.stateAliases?.[i] as string);
    set(rec, 'state', state);
    for (const [key, name] of Object.entries(NETWORK_FIELDS)) set(rec, name, get(f[key as keyof typeof NETWORK_FIELDS] ?? name));
    for (const k of this.extra) set(rec, k, get(k));
    this.on.record(number, rec);
  }

  private row(line: number, cells: string[], problem: string | undefined): void {
    if (this.columns === undefined) {
      if (problem !== undefined)
        throw new PaycodesInputError(
          'input',
          problem === 'invalid_utf8' ? 'the CSV header is not valid UTF-8' : `the CSV header cannot be read (${problem})`,
        );
      this.columns = this.mapHeader(cells);
      return;
    }
    this.records++;
    if (problem !== undefined) return void this.on.reject(line, problem as RejectReason);
    if (cells.length !== this.width) return void this.on.reject(line, 'field_count');
    const rec: LogRecord = {};
    for (const [k, i] of this.columns) rec[k] = cells[i];
    this.on.record(line, rec);
  }

  private width = 0;

  private mapHeader(cells: string[]): [string, number][] {
    this.width = cells.length;
    const find = (name: string): number => {
      const exact = cells.indexOf(name);
      if (exact >= 0) return exact;
      const loose = name.trim().toLowerCase();
      return cells.findIndex((h) => h.trim().toLowerCase() === loose);
    };
    const f = this.fields;
    const out: [string, number][] = [];
    const add = (key: string, name: string) => {
      const i = find(name);
      if (i >= 0) out.push([key, i]);
      return i;
    };
    const shown = cells.map((h) => JSON.stringify(h)).join(', ');
    if (add('code', f.code) < 0)
      throw new PaycodesInputError('input', `the CSV header has no "${f.code}" column (give --code-field); columns: ${shown}`);
    if (add('provider', f.provider) < 0) {
      throw new PaycodesInputError('input', `the CSV header has no "${f.provider}" column (give --provider-field); columns: ${shown}`);
    }
    add('flow', f.flow);
    add('message', f.message);
    if (add('state', f.state) < 0) for (const a of f.stateAliases ?? []) if (add('state', a) >= 0) break;
    for (const [key, name] of Object.entries(NETWORK_FIELDS)) add(name, f[key as keyof typeof NETWORK_FIELDS] ?? name);
    for (const k of this.extra) add(k, k);
    return out;
  }
}

function set(rec: LogRecord, key: string, v: unknown): void {
  if (v !== undefined) rec[key] = v;
}
