import { isUtf8 } from 'node:buffer';
import {
  FALLBACK,
  type KeysByLength,
  keysByLength,
  SLOT,
  scanObject,
  T_ARRAY,
  T_FALSE,
  T_MISSING,
  T_NULL,
  T_NUMBER,
  T_OBJECT,
  T_STRING,
  T_TRUE,
} from '../io/json-scan.js';
import { MAX_RECORD_BYTES } from '../io/limits.js';
import { rejection } from '../io/reject.js';
import type { OutBuffer } from '../io/sink.js';
import { type Decider, type Verdict, WRITTEN_KEYS } from './decide.js';
import type { Tally } from './tally.js';
import { VerdictTable } from './verdict-table.js';

export interface FieldNames {
  provider: string;
  code: string;
  flow: string;
  message: string;
  /** The transaction state, for providers that report it apart from the request code. */
  state: string;
  /** Tried in order when the record has no `state` field (the providers' own names). */
  stateAliases?: readonly string[];
  /** Card network fields; default `network`, `network_code`, `advice_code`. */
  network?: string;
  networkCode?: string;
  adviceCode?: string;
}

const MAX_RECORD = MAX_RECORD_BYTES;

const P = 0;
const C = 1;
const F = 2;
const M = 3;
const S = 4;
const N = 5;
const NC = 6;
const A = 7;
/** The first of the keys paycodes writes, looked for so they are replaced rather than repeated. */
const W = 8;
const LF = 0x0a;

/** The card network field names, defaults filled in. */
export function cardNames(names: FieldNames): [string, string, string] {
  return [names.network ?? 'network', names.networkCode ?? 'network_code', names.adviceCode ?? 'advice_code'];
}

function isWs(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

/** Buffer's own decoder, without toString's argument handling: the hot path decodes ASCII codes. */
type Latin1 = Buffer & { latin1Slice(start?: number, end?: number): string };

const TYPE_NAMES = ['undefined', 'string', 'number', 'object', 'boolean', 'boolean', 'object', 'object'];

/**
 * NDJSON in, NDJSON out: each line is scanned for its provider/code/flow/message without JSON.parse
 * when it is simple (JSON.parse otherwise), and written back byte for byte with the decision's
 * fields spliced in before its closing brace. Blank lines are skipped (they are not records).
 */
export class NdjsonProcessor {
  private readonly keys: Uint8Array[];
  private readonly slots: Int32Array;
  private tail: Buffer | undefined;
  private readonly table = new VerdictTable();
  /** The last lookup built a complete key, so a miss can be stored. */
  private keyed = false;
  /** Inside a line longer than MAX_RECORD: drop bytes until its end. */
  private oversized = false;
  line = 0;
  private readonly aliases: readonly string[];
  private readonly byLength: KeysByLength;
  private readonly aliasBase: number;

  constructor(
    private readonly decider: Decider,
    private readonly out: OutBuffer,
    private readonly tally: Tally,
    private readonly names: FieldNames,
    /** False sends every line through JSON.parse: the reference the fast path is tested against. */
    private readonly fast = true,
  ) {
    this.aliases = (names.stateAliases ?? []).filter((a) => a !== names.state);
    const card = cardNames(names);
    const wanted = [names.provider, names.code, names.flow, names.message, names.state, ...card, ...WRITTEN_KEYS, ...this.aliases];
    this.keys = wanted.map((n) => Buffer.from(n, 'utf8'));
    this.byLength = keysByLength(this.keys);
    this.slots = new Int32Array(this.keys.length * SLOT + 1);
    this.aliasBase = W + WRITTEN_KEYS.length;
  }

  /** Takes the next chunk of input. The chunk may be reused by the caller afterwards. */
  push(chunk: Buffer): void {
    let s = 0;
    if (this.tail !== undefined || this.oversized) {
      const nl = chunk.indexOf(LF);
      if (nl < 0) {
        this.grow(chunk);
        return;
      }
      if (this.oversized) this.endOversized();
      else {
        const first = Buffer.concat([this.tail as Buffer, chunk.subarray(0, nl)]);
        this.tail = undefined;
        if (first.length > MAX_RECORD) this.endOversized();
        else this.record(first, 0, first.length, isUtf8(first));
      }
      s = nl + 1;
    }
    const last = chunk.lastIndexOf(LF);
    if (last < s) {
      if (s < chunk.length) this.grow(chunk.subarray(s));
      return;
    }
    this.lines(chunk, s, last + 1);
    if (last + 1 < chunk.length) this.grow(chunk.subarray(last + 1));
  }

  /** The last line when the input does not end with a newline. */
  end(): void {
    if (this.oversized) this.endOversized();
    else if (this.tail !== undefined) {
      const t = this.tail;
      this.tail = undefined;
      this.record(t, 0, t.length, isUtf8(t));
    }
  }

  private grow(part: Buffer): void {
    if (this.oversized) return;
    const size = (this.tail?.length ?? 0) + part.length;
    if (size > MAX_RECORD) {
      this.tail = undefined;
      this.oversized = true;
      return;
    }
    this.tail = this.tail === undefined ? Buffer.from(part) : Buffer.concat([this.tail, part]);
  }

  private endOversized(): void {
    this.oversized = false;
    this.line++;
    this.rejectRaw(rejection('too_long'), undefined);
  }

  /** Complete lines in buf[s, e), each ending with a newline. */
  private lines(buf: Buffer, s: number, e: number): void {
    const ok = isUtf8(buf.subarray(s, e));
    let pos = s;
    while (pos < e) {
      let nl = buf.indexOf(LF, pos);
      if (nl < 0 || nl >= e) nl = e;
      this.record(buf, pos, nl, ok);
      pos = nl + 1;
    }
  }

  private record(buf: Buffer, s: number, e: number, utf8: boolean): void {
    this.line++;
    // A byte order mark belongs to the file, not to the first record.
    if (this.line === 1 && buf[s] === 0xef && buf[s + 1] === 0xbb && buf[s + 2] === 0xbf) s += 3;
    let a = s;
    while (a < e && isWs(buf[a] as number)) a++;
    if (a === e) {
      this.tally.blank++;
      return;
    }
    if (!utf8 && !isUtf8(buf.subarray(s, e))) {
      this.rejectRaw(rejection('invalid_utf8'), buf.toString('utf8', s, e));
      return;
    }
    const slots = this.slots;
    const close = this.fast ? scanObject(buf, a, e, this.keys, slots, this.byLength) : FALLBACK;
    if (close === FALLBACK || this.writesOver(slots)) {
      this.slow(buf, s, e);
      return;
    }
    if (slots[S * SLOT] === T_MISSING) this.stateFromAlias(slots);
    const mt = slots[M * SLOT] as number;
    const st = slots[S * SLOT] as number;
    const v =
      mt !== T_MISSING && mt !== T_NULL && mt !== T_STRING
        ? this.decider.reject('invalid_message', `message must be a string, got ${TYPE_NAMES[mt]}`)
        : st !== T_MISSING && st !== T_NULL && st !== T_STRING
          ? this.decider.reject('invalid_state', `state must be a string, got ${TYPE_NAMES[st]}`)
          : this.verdict(buf, mt === T_STRING);
    this.emit(buf, s, close, (slots[this.keys.length * SLOT] as number) === 0, v);
  }

  /** The record already holds a key paycodes writes: the JSON.parse path replaces it. */
  private writesOver(slots: Int32Array): boolean {
    for (let k = W; k < this.aliasBase; k++) if (slots[k * SLOT] !== T_MISSING) return true;
    return false;
  }

  /** Copies the first provider-named state field found into the state slot. */
  private stateFromAlias(slots: Int32Array): void {
    for (let k = this.aliasBase; k < this.keys.length; k++) {
      if (slots[k * SLOT] === T_MISSING) continue;
      for (let j = 0; j < SLOT; j++) slots[S * SLOT + j] = slots[k * SLOT + j] as number;
      return;
    }
  }

  /** The verdict for the scanned record: from the byte-keyed table when it can, else the decider. */
  private verdict(buf: Buffer, hasMessage: boolean): Verdict {
    let v = this.lookup(buf);
    if (v === undefined) {
      if (hasMessage && this.decider.outsideCatalog(this.value(buf, P))) return this.decide(buf, this.value(buf, M));
      v = this.decide(buf, undefined);
      if (this.keyed) this.table.set(v);
    }
    if (v.byMessage && hasMessage) v = this.decide(buf, this.value(buf, M));
    return v;
  }

  private decide(buf: Buffer, message: unknown): Verdict {
    const at = (k: number) => this.value(buf, k);
    return this.decider.decide(at(P), at(C), at(F), message, at(S), at(N), at(NC), at(A));
  }

  /**
   * The cached verdict for this record's raw provider/code/flow bytes. Only plain strings (and
   * numbers for the code) are keyed; the type goes into the key, so `1201` and `"1201"` stay apart.
   */
  private lookup(buf: Buffer): Verdict | undefined {
    const slots = this.slots;
    const t = this.table;
    this.keyed = false;
    t.begin();
    for (let k = P; k <= A; k++) {
      if (k === M) continue;
      const o = k * SLOT;
      const type = slots[o] as number;
      if (type === T_STRING || (type === T_NUMBER && (k === C || k === NC || k === A))) {
        if (!t.add(type, buf, slots[o + 1] as number, slots[o + 2] as number)) return undefined;
      } else if (type === T_MISSING || type === T_NULL) {
        if (!t.add(T_MISSING, buf, 0, 0)) return undefined;
      } else return undefined;
    }
    this.keyed = true;
    return t.get();
  }

  private value(buf: Buffer, k: number): unknown {
    const o = k * SLOT;
    const slots = this.slots;
    switch (slots[o]) {
      case T_STRING:
        return slots[o + 3] ? buf.toString('utf8', slots[o + 1], slots[o + 2]) : (buf as Latin1).latin1Slice(slots[o + 1], slots[o + 2]);
      case T_NUMBER:
        return Number((buf as Latin1).latin1Slice(slots[o + 1], slots[o + 2]));
      case T_NULL:
        return null;
      case T_TRUE:
        return true;
      case T_FALSE:
        return false;
      case T_OBJECT:
        return {};
      case T_ARRAY:
        return [];
      default:
        return undefined;
    }
  }

  /** The JSON.parse path, for lines the scanner does not take. */
  private slow(buf: Buffer, s: number, e: number): void {
    const text = buf.toString('utf8', s, e);
    let obj: unknown;
    try {
      obj = JSON.parse(text);
    } catch (err) {
      this.rejectRaw(rejection('invalid_json', `invalid JSON: ${(err as Error).message}`), text);
      return;
    }
    if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
      this.rejectRaw(
        rejection('not_object', `not a JSON object (got ${obj === null ? 'null' : Array.isArray(obj) ? 'an array' : typeof obj})`),
        text,
      );
      return;
    }
    const rec = obj as Record<string, unknown>;
    const get = (name: string): unknown => (Object.hasOwn(rec, name) ? rec[name] : undefined);
    const m = get(this.names.message);
    let st = get(this.names.state);
    for (let i = 0; st === undefined && i < this.aliases.length; i++) st = get(this.aliases[i] as string);
    let v: Verdict;
    if (m !== undefined && m !== null && typeof m !== 'string')
      v = this.decider.reject('invalid_message', `message must be a string, got ${typeof m}`);
    else {
      const p = get(this.names.provider);
      const c = get(this.names.code);
      const f = get(this.names.flow);
      const [n, nc, a] = cardNames(this.names).map(get);
      // One call: the decider finds the message-less answer and reads the message only where it decides.
      v = this.decider.decide(p, c, f, m, st, n, nc, a);
    }
    if (WRITTEN_KEYS.some((k) => Object.hasOwn(rec, k))) {
      // Replace, never repeat: the record is re-serialised without the keys paycodes writes.
      for (const k of WRITTEN_KEYS) delete rec[k];
      const rest = Buffer.from(JSON.stringify(rec));
      this.emit(rest, 0, rest.length - 1, Object.keys(rec).length === 0, v);
      return;
    }
    let close = e - 1;
    while (close > s && buf[close] !== 0x7d) close--;
    this.emit(buf, s, close, Object.keys(rec).length === 0, v);
  }

  private emit(buf: Buffer, s: number, close: number, empty: boolean, v: Verdict): void {
    this.out.copy(buf, s, close);
    this.out.put(empty ? v.ndEmpty : v.nd);
    this.tally.count(v, this.line);
  }

  /** A line that is not a JSON object: passed through as text inside a new object. */
  private rejectRaw(message: string, raw: string | undefined): void {
    const obj: Record<string, string> = { paycodes_error: message };
    if (raw !== undefined) obj.paycodes_raw = raw;
    this.out.put(Buffer.from(`${JSON.stringify(obj)}\n`));
    this.tally.reject(this.line, message);
  }
}
