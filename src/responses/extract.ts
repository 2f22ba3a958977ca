import type { ExtractContext, Extracted, TxCandidate } from './adapters/types.js';
import { keep, sideOf } from './adapters/types.js';
import type { Obj } from './body.js';
import { at, type EnvelopeData, firstAt, strAt, type TableSide } from './envelope.js';

/** True when the request code only says "accepted" (the state then decides). `http-2xx` is the HTTP status itself. */
export function isAccepted(env: EnvelopeData, code: string | undefined, httpStatus?: number): boolean {
  if (code !== undefined) return env.request.accepted.includes(code);
  return env.request.accepted.includes('http-2xx') && (httpStatus === undefined || (httpStatus >= 200 && httpStatus < 300));
}

/** The refund field that marks a body as a refund record, when one is present. */
export function refundField(env: EnvelopeData, body: Obj): { path: string; value: string } | undefined {
  return firstAt(body, env.refundWhen);
}

/** The first state table whose field is present in `body`, as a candidate for the decision. */
export function findState(env: EnvelopeData, body: Obj, side: TableSide, raw?: Record<string, unknown>): TxCandidate | undefined {
  for (const t of Object.values(env.states)) {
    const field = [t.field, ...(t.also ?? [])].find((f) => strAt(body, f) !== undefined);
    const status = field === undefined ? undefined : strAt(body, field);
    if (field === undefined || status === undefined) continue;
    if (raw) keep(raw, field, at(body, field));
    const c: TxCandidate = { field, status, table: t, side };
    const code = t.code === undefined ? undefined : strAt(body, t.code);
    const message = firstAt(body, t.message);
    if (code !== undefined) c.code = code;
    if (message !== undefined) c.message = message.value;
    if (raw) {
      if (t.code !== undefined) keep(raw, t.code, at(body, t.code));
      if (message !== undefined) keep(raw, message.path, at(body, message.path));
    }
    const detail: Record<string, string> = {};
    for (const f of t.detail ?? []) {
      const v = strAt(body, f);
      if (v === undefined) continue;
      detail[f] = v;
      if (raw) keep(raw, f, v);
    }
    if (Object.keys(detail).length > 0) c.detail = detail;
    return c;
  }
  return undefined;
}

/**
 * The generic reader: the request code from `request.code`, "accepted" from `request.accepted`,
 * then the first state table whose field is present. A provider with no adapter is read this way.
 */
export function extractGeneric(body: Obj, { flow, env, httpStatus }: ExtractContext): Extracted {
  const raw: Record<string, unknown> = {};
  const code = firstAt(body, env.request.code);
  const message = firstAt(body, env.request.message);
  for (const p of [...env.request.code, ...(env.request.message ?? [])]) keep(raw, p, at(body, p));
  const out: Extracted = {
    request: { accepted: isAccepted(env, code?.value, httpStatus), field: code?.path ?? env.request.code[0] ?? 'code' },
    raw,
  };
  if (code !== undefined) out.request.code = code.value;
  if (message !== undefined) out.request.message = message.value;
  if (!out.request.accepted) return out;
  const refund = refundField(env, body);
  const tx = findState(env, body, refund !== undefined ? 'refund' : sideOf(flow), raw);
  if (tx === undefined) return out;
  if (refund !== undefined) {
    tx.detail = { ...tx.detail, [refund.path]: refund.value };
    keep(raw, refund.path, refund.value);
  }
  out.transaction = tx;
  return out;
}
