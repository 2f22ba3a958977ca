import type { Flow } from '../core/types.js';
import { isObj, type Obj } from './body.js';
import { at, type EnvelopeData, firstAt, mainTable, withPath } from './envelope.js';
import { acceptedCode, extractGeneric, readRecord, refundField } from './extract.js';
import { type Extracted, type NotificationRead, table } from './read-types.js';
import type { NotificationEvent } from './types.js';

/** The event fields a notification names, by the envelope's field lists. */
export function eventOf(body: Obj, env: EnvelopeData): NotificationEvent {
  const n = env.notification ?? {};
  const event: NotificationEvent = {};
  const type = firstAt(body, n.type)?.value;
  const id = firstAt(body, n.id)?.value;
  const orderId = firstAt(body, n.orderId)?.value;
  if (type !== undefined) event.type = type;
  if (id !== undefined) event.id = id;
  if (orderId !== undefined) event.orderId = orderId;
  return event;
}

/**
 * Reads a verified notification over the envelope data. The signature stands in for "the request
 * is genuine", so the request layer is the signature field: an unsigned envelope code never decides.
 */
export function readNotification(verified: Obj, env: EnvelopeData, field: string): NotificationRead {
  const n = env.notification ?? {};
  // Only the signed part may reach the decision (OTT Pay signs `data` alone).
  const body: Obj = n.only === undefined ? verified : { [n.only]: at(verified, n.only) };
  const event = eventOf(body, env);
  const type = event.type;
  const innerValue = n.body === undefined ? body : at(body, n.body);
  const inner: Obj = isObj(innerValue) ? innerValue : {};
  const refundEvent = type !== undefined && (n.refundWhen ?? []).some((s) => type.includes(s));
  const flow: Flow = refundEvent || refundField(env, inner) !== undefined ? 'refund' : 'payment';
  const side = flow === 'refund' ? 'refund' : 'payment';
  let ex: Extracted;
  if (n.asRecord) {
    // The body is one record: its own code, else its state (QFPay notifies with respcd + cancel).
    ex = { request: { accepted: true, field }, raw: {} };
    const tx = readRecord(env, inner, side, ex.raw, '');
    if (tx !== undefined) ex.transaction = tx;
  } else {
    // A notification carries no request code: read it as if the request was accepted.
    const codeField = env.request.code[0];
    const ok = acceptedCode(env);
    const forced = codeField !== undefined && ok !== undefined ? withPath(inner, codeField, ok) : inner;
    ex = extractGeneric(forced, { flow, env });
    if (forced !== inner && codeField !== undefined) delete ex.raw[codeField];
  }
  ex.request = { accepted: true, field };
  if (!ex.transaction && n.typeState && type !== undefined) {
    // A refund event may carry a refund object without its status: the event type names the result.
    const last = type.split('.').pop() ?? type;
    ex.transaction = {
      field: 'type',
      status: n.typeState.case === 'lower' ? last.toLowerCase() : last.toUpperCase(),
      table: table(env, n.typeState.table),
      side,
    };
  }
  if (!ex.transaction && n.impliedState) {
    const t = mainTable(env);
    if (t) ex.transaction = { field: field, status: n.impliedState.state, table: t, side };
  }
  if (n.body !== undefined) ex.raw = Object.fromEntries(Object.entries(ex.raw).map(([k, v]) => [`${n.body}.${k}`, v]));
  if (type !== undefined) {
    ex.raw.type = type;
    if (n.asRecord && ex.transaction) ex.transaction.detail = { ...ex.transaction.detail, [n.type?.[0] ?? 'type']: type };
  }
  return { ex, flow, event };
}
