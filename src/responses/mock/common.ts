import type { Obj } from '../body.js';
import { at, type EnvelopeData, strAt } from '../envelope.js';
import type { Call, MockContext, Order } from './types.js';

/** "30.00" → 3000. Undefined for anything that is not a plain decimal amount. */
export function minorFromDecimal(v: unknown): number | undefined {
  const s = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : '';
  if (!/^\d{1,12}(\.\d{1,2})?$/.test(s)) return undefined;
  const [whole, frac = ''] = s.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}

export function minorFromInteger(v: unknown): number | undefined {
  const s = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : '';
  return /^\d{1,14}$/.test(s) ? Number(s) : undefined;
}

export const decimal = (minor: number): string => `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;

const pad = (n: number): string => String(n).padStart(2, '0');

/** "2026-01-30 14:21:28" in UTC. */
export function stamp(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** "20260130142128" in UTC. */
export const compact = (ms: number): string => stamp(ms).replace(/\D/g, '');

export function newOrder(call: Call, state: string, ctx: MockContext): Order {
  return {
    id: call.orderId ?? ctx.nextId(),
    tradeNo: ctx.nextId(),
    amount: call.amount ?? 0,
    ...(call.amountIsNumber ? { amountIsNumber: true } : {}),
    currency: call.currency ?? 'HKD',
    state,
    refunded: 0,
    refunds: [],
    created: ctx.now(),
  };
}

export type MockFields = NonNullable<EnvelopeData['mock']>['fields'];

/** The order id, amount, currency and references of a call, read by the request field names in the envelope data. */
export function readCall(op: Call['op'], body: Obj, fields: MockFields): Call {
  const call: Call = { op, body };
  const orderId = strAt(body, op === 'refund' ? (fields.refundOrderId ?? fields.orderId) : fields.orderId);
  const raw = strAt(body, fields.amount);
  const amount = fields.amountUnit === 'decimal' ? minorFromDecimal(raw) : minorFromInteger(raw);
  const currency = fields.currency ? strAt(body, fields.currency) : undefined;
  const tradeNo = fields.tradeNo ? strAt(body, fields.tradeNo) : undefined;
  const refundId = op === 'refund' && fields.refundId ? strAt(body, fields.refundId) : undefined;
  const refundNo = op === 'query' && fields.refundNo ? strAt(body, fields.refundNo) : undefined;
  if (orderId !== undefined) call.orderId = orderId;
  if (amount !== undefined) call.amount = amount;
  if (typeof at(body, fields.amount) === 'number') call.amountIsNumber = true;
  if (currency !== undefined) call.currency = currency;
  if (tradeNo !== undefined) call.tradeNo = tradeNo;
  if (refundId !== undefined) call.refundId = refundId;
  if (refundNo !== undefined) call.refundNo = refundNo;
  return call;
}
