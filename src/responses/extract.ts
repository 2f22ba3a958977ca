import { isObj, type Obj } from './body.js';
import { DECODER_REGISTRY } from './decoders.js';
import { at, type EnvelopeData, firstAt, lookupState, type StateTable, strAt, type TableSide, withPath } from './envelope.js';
import { type ExtractContext, type Extracted, keep, sideOf, type TxCandidate, table } from './read-types.js';

/** True when the request code only says "accepted" (the state then decides); with no code, a 2xx accepts when `request.http` says so. */
export function isAccepted(env: EnvelopeData, code: string | undefined, httpStatus?: number): boolean {
  if (code !== undefined) return (env.request.accepted ?? []).includes(code);
  return env.request.http === '2xx' && (httpStatus === undefined || (httpStatus >= 200 && httpStatus < 300));
}

/** The code a provider sends for "accepted", for bodies that must carry one (notifications, the mock). */
export function acceptedCode(env: EnvelopeData): string | undefined {
  return env.request.accepted?.[0];
}

/** The refund field that marks a body as a refund record, when one is present. */
export function refundField(env: EnvelopeData, body: Obj): { path: string; value: string } | undefined {
  return firstAt(body, env.refundWhen);
}

/** A table with rows for one side only is read on that side, whatever the call (a refund object on a query). */
function sideFor(t: StateTable, side: TableSide): TableSide {
  const payment = Object.keys(t.payment).length > 0;
  const refund = Object.keys(t.refund).length > 0;
  return payment && !refund ? 'payment' : refund && !payment ? 'refund' : side;
}

/** The tables read at the top of a body: all but the one that belongs inside records. */
function topTables(env: EnvelopeData): [string, StateTable][] {
  const inner = env.records?.state.table;
  return Object.entries(env.states).filter(([name]) => name !== inner);
}

/** True when one of the top-level state fields is present in `body`. */
function hasState(env: EnvelopeData, body: Obj): boolean {
  return topTables(env).some(([, t]) => [t.field, ...(t.also ?? [])].some((f) => strAt(body, f) !== undefined));
}

/**
 * The first state table whose field is present in `body`, as a candidate for the decision. `prefix`
 * is where `body` sits in the whole response (`data.` inside a success wrapper), for field names and raw.
 */
export function findState(
  env: EnvelopeData,
  body: Obj,
  side: TableSide,
  raw?: Record<string, unknown>,
  prefix = '',
): TxCandidate | undefined {
  for (const [, t] of topTables(env)) {
    const field = [t.field, ...(t.also ?? [])].find((f) => strAt(body, f) !== undefined);
    const status = field === undefined ? undefined : strAt(body, field);
    if (field === undefined || status === undefined) continue;
    if (raw) keep(raw, prefix + field, at(body, field));
    const c: TxCandidate = { field: prefix + field, status, table: t, side: sideFor(t, side) };
    const code = t.code === undefined ? undefined : strAt(body, t.code);
    const message = firstAt(body, t.message);
    // An "accepted" code next to the state is no decline code.
    if (code !== undefined && !isAccepted(env, code)) c.code = code;
    if (message !== undefined) c.message = message.value;
    if (raw) {
      if (t.code !== undefined) keep(raw, prefix + t.code, at(body, t.code));
      if (message !== undefined) keep(raw, prefix + message.path, at(body, message.path));
    }
    const detail: Record<string, string> = {};
    for (const f of t.detail ?? []) {
      const v = strAt(body, f);
      if (v === undefined) continue;
      detail[f] = v;
      if (raw) keep(raw, prefix + f, v);
    }
    overrideState(env, t, body, c, detail, raw, prefix);
    if (Object.keys(detail).length > 0) c.detail = detail;
    return c;
  }
  return undefined;
}

/** State precedence: the table named in `overriddenBy` decides when its value is present and has a row. */
function overrideState(
  env: EnvelopeData,
  t: StateTable,
  body: Obj,
  c: TxCandidate,
  detail: Record<string, string>,
  raw: Record<string, unknown> | undefined,
  prefix: string,
): void {
  const o = t.overriddenBy;
  if (o === undefined || (o.when !== undefined && !o.when.includes(c.status))) return;
  const second = table(env, o.table);
  const value = strAt(body, second.field);
  if (value === undefined) return;
  if (raw) keep(raw, prefix + second.field, at(body, second.field));
  detail[t.field] = c.status;
  detail[second.field] = value;
  const side = sideFor(second, c.side);
  if (lookupState(second, side, value) === undefined) return;
  c.field = prefix + second.field;
  c.status = value;
  c.table = second;
  c.side = side;
}

/** One transaction record: its own code, else its state in the records' state table. */
export function readRecord(
  env: EnvelopeData,
  rec: Obj,
  side: TableSide,
  raw: Record<string, unknown>,
  prefix: string,
): TxCandidate | undefined {
  const r = env.records;
  if (r === undefined) return undefined;
  const t = table(env, r.state.table);
  const code = strAt(rec, r.code);
  const state = strAt(rec, t.field) ?? r.state.default;
  keep(raw, prefix + r.code, at(rec, r.code));
  for (const m of r.message ?? []) keep(raw, prefix + m, at(rec, m));
  keep(raw, prefix + t.field, at(rec, t.field));
  keep(raw, prefix + r.select.field, at(rec, r.select.field));
  for (const k of r.keep ?? []) keep(raw, prefix + k, at(rec, k));
  const detail: Record<string, string> = { [r.select.field]: strAt(rec, r.select.field) ?? r.select.default };
  if (state !== undefined) detail[t.field] = state;
  const message = firstAt(rec, r.message)?.value;
  let c: TxCandidate | undefined;
  if (code !== undefined && !isAccepted(env, code)) {
    // A record code other than the accepted one is the record's state in code form (wait, failed…).
    c = { field: prefix + r.code, status: code, side, detail };
  } else if (state !== undefined) {
    c = { field: prefix + t.field, status: state, table: t, side: sideFor(t, side), detail };
    const echo = code ?? acceptedCode(env);
    if (echo !== undefined) c.echo = echo;
  }
  if (c !== undefined && message !== undefined) c.message = message;
  return c;
}

/** An enquiry's record list: the first record of the call's side answers; none is the YAML's `none` answer. */
function readRecords(env: EnvelopeData, list: unknown[], side: TableSide, out: Extracted): void {
  const r = env.records;
  if (r === undefined) return;
  const want = side === 'refund' ? (r.select.refund ?? 'refund') : (r.select.payment ?? 'payment');
  const index = list.findIndex((x) => isObj(x) && (strAt(x, r.select.field) ?? r.select.default) === want);
  if (index < 0) {
    const { provenance, source: _s, ...rule } = r.none;
    out.answer = { code: out.request.code ?? '', rule, provenance };
    keep(out.raw, `${r.field}.length`, list.length);
    return;
  }
  const tx = readRecord(env, list[index] as Obj, side, out.raw, `${r.field}[${index}].`);
  if (tx !== undefined) out.transaction = tx;
}

/** The body with its encoded part decoded, or a note on why it stays unread. */
function decoded(env: EnvelopeData, body: Obj, key: string | undefined): { body: Obj; note?: string } {
  const d = env.decode;
  const v = d === undefined ? undefined : at(body, d.field);
  if (d === undefined || typeof v !== 'string' || v.trim() === '') return { body };
  const r = DECODER_REGISTRY[d.scheme](v, strAt(body, d.check), key);
  return r.ok ? { body: withPath(body, d.field, r.value) } : { body: withPath(body, d.field, undefined), note: r.note };
}

/**
 * The one reader, over the envelope data: the request code from `request.code`, "accepted" from
 * `request.accepted` or `request.http`; then an enquiry's records, or the first state table whose
 * field is present (inside the success wrapper when the top has no state).
 */
export function extractGeneric(input: Obj, { flow, env, httpStatus, signKey }: ExtractContext): Extracted {
  const raw: Record<string, unknown> = {};
  const code = firstAt(input, env.request.code);
  const message = firstAt(input, env.request.message);
  for (const p of [...env.request.code, ...(env.request.message ?? [])]) keep(raw, p, at(input, p));
  const accepted = isAccepted(env, code?.value, httpStatus);
  const field = code?.path ?? (accepted ? 'http' : (env.request.code[0] ?? 'code'));
  const out: Extracted = { request: { accepted, field }, raw };
  if (code !== undefined) out.request.code = code.value;
  if (message !== undefined) out.request.message = message.value;
  const { body, note } = decoded(env, input, signKey);
  if (note !== undefined) out.note = note;
  if (!accepted) return out;

  const list = env.records === undefined ? undefined : at(body, env.records.field);
  if (Array.isArray(list)) {
    readRecords(env, list, sideOf(flow), out);
    return out;
  }
  let obj = body;
  let prefix = '';
  const wrapped = env.unwrap === undefined || hasState(env, body) ? undefined : at(body, env.unwrap.field);
  if (env.unwrap !== undefined && isObj(wrapped)) {
    obj = wrapped;
    prefix = `${env.unwrap.field}.`;
  }
  const refund = refundField(env, obj);
  const tx = findState(env, obj, refund !== undefined ? 'refund' : sideOf(flow), raw, prefix);
  if (tx === undefined) return out;
  if (refund !== undefined) {
    tx.detail = { ...tx.detail, [refund.path]: refund.value };
    keep(raw, prefix + refund.path, refund.value);
  }
  out.transaction = tx;
  return out;
}
