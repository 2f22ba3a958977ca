import type { Next, Outcome } from '../core/types.js';
import type { Provenance } from './types.js';

/**
 * Transaction-state tables: each provider's state values and what they mean for the money, as
 * data. The outer code layer is the catalog's job (`normalize()`); these tables cover the second
 * layer, which is not a code list in any provider's docs. Provenance follows
 * ../shared/research/seed-providers.md: official, third-party (community code) or inferred (ours).
 */

export interface StateRule {
  unified: string;
  /**
   * Departures from the unified default. The catalog's flow rules assume a code seen on its own;
   * here the state itself is the answer, so e.g. "refunded" on a payment query is final.
   */
  outcome?: Outcome;
  next?: Next;
  reason?: string;
  /** When set, a decline code carried next to the state (paymentMsg.code…) decides instead. */
  useCode?: boolean;
}

/** `payment` meanings apply to payment, query, capture and cancel calls; `refund` to refund calls and refund records. */
export interface StateTable {
  field: string;
  provenance: Provenance;
  /** Where the values come from, for the README and for `layers.transaction`. */
  source: string;
  payment: ReadonlyMap<string, StateRule>;
  refund: ReadonlyMap<string, StateRule>;
}

const REFUNDED_PAYMENT: StateRule = {
  unified: 'already_refunded',
  outcome: 'failed',
  next: 'stop',
  reason: 'The transaction state says the payment was refunded in full: treat the order as not paid.',
};
const PARTIAL_PAYMENT: StateRule = {
  unified: 'partially_refunded',
  outcome: 'succeeded',
  next: 'done',
  reason: 'The payment succeeded and part of it has since been refunded.',
};

const table = (rows: Record<string, StateRule>): ReadonlyMap<string, StateRule> => new Map(Object.entries(rows));

/** QFPay `data.txstatus` on the newer response format. */
export const QFPAY_TXSTATUS: StateTable = {
  field: 'data.txstatus',
  provenance: 'official',
  source: 'https://sdk.qfapi.com/docs/api-reference/response-format (zh-Hant: respcd 0000 only means the call worked)',
  payment: table({
    SUCCESS: { unified: 'approved' },
    PENDING: { unified: 'processing' },
    FAILED: { unified: 'generic_decline', useCode: true },
  }),
  refund: table({
    SUCCESS: { unified: 'refund_succeeded' },
    PENDING: { unified: 'refund_in_progress' },
    FAILED: { unified: 'refund_declined', useCode: true },
  }),
};

/**
 * QFPay enquiry records: `respcd` 0000 plus `cancel` (0..5). Other record codes (1143, 1145, declines)
 * go through the catalog like any QFPay code.
 */
export const QFPAY_CANCEL: StateTable = {
  field: 'data[].cancel',
  provenance: 'official',
  source:
    'https://sdk.qfapi.com/docs/common-api/transaction-enquiry (cancel: 0 none, 1 CPM reversed/refunded, 2 MPM cancelled, 3 refunded, 4 pre-auth finished, 5 partially refunded)',
  payment: table({
    '0': { unified: 'approved' },
    '1': { unified: 'already_cancelled', reason: 'QFPay cancel=1: the CPM payment was reversed or refunded.' },
    '2': { unified: 'already_cancelled', reason: 'QFPay cancel=2: the MPM payment was cancelled.' },
    '3': REFUNDED_PAYMENT,
    '4': { unified: 'approved', reason: 'QFPay cancel=4: the Alipay pre-authorisation was finished (captured).' },
    '5': PARTIAL_PAYMENT,
  }),
  refund: table({
    '0': { unified: 'refund_succeeded' },
  }),
};

/** eftPay `trade_status` (Appendix 2; the values seen on the pages, the full list was not retrieved). */
export const EFTPAY_TRADE_STATUS: StateTable = {
  field: 'trade_status',
  provenance: 'official',
  source: 'https://vmp.eftpay.com.cn/vmp-docs/en/api-reference/ (Query/Refund/Notify pages; Appendix 2 not fully retrieved)',
  payment: table({
    TRADE_SUCCESS: { unified: 'approved' },
    TRADE_PROCESSING: { unified: 'processing' },
    TRADE_FAIL: { unified: 'generic_decline' },
    TRADE_CLOSED: { unified: 'already_closed' },
    TRADE_REFUND: PARTIAL_PAYMENT,
    APPLY_SUCCESS: {
      unified: 'refund_in_progress',
      outcome: 'succeeded',
      next: 'done',
      reason: 'eftPay APPLY_SUCCESS on a sale: the payment went through and a refund has been applied for.',
    },
  }),
  // Documented refund flow: TRADE_PROCESSING → APPLY_SUCCESS → TRADE_REFUND | TRADE_CLOSED | TRADE_FAIL.
  refund: table({
    TRADE_PROCESSING: { unified: 'refund_in_progress' },
    APPLY_SUCCESS: { unified: 'refund_in_progress' },
    TRADE_REFUND: { unified: 'refund_succeeded', reason: 'eftPay TRADE_REFUND: the (partial) refund went through.' },
    TRADE_CLOSED: { unified: 'refund_succeeded', reason: 'eftPay TRADE_CLOSED after a refund: fully refunded.' },
    TRADE_SUCCESS: { unified: 'refund_succeeded' },
    TRADE_FAIL: { unified: 'refund_declined' },
  }),
};

/** SHOPLINE Payments `status` (third-party: three community integrations agree; no official enum page found). */
export const SHOPLINE_STATUS: StateTable = {
  field: 'status',
  provenance: 'third-party',
  source: 'boyonglin/shopline-payments-skill, Ya19880104/ys-shopline-via-woocommerce, nczz/mxp-cf7-shopline-payment',
  payment: table({
    CREATED: { unified: 'awaiting_customer' },
    CUSTOMER_ACTION: { unified: 'awaiting_customer' },
    PENDING: { unified: 'processing' },
    PROCESSING: { unified: 'processing' },
    SUCCEEDED: { unified: 'approved' },
    AUTHORIZED: {
      unified: 'approved',
      reason: 'SHOPLINE Payments AUTHORIZED: authorised for manual capture; capture to collect the money.',
    },
    CAPTURED: { unified: 'approved' },
    FAILED: { unified: 'generic_decline', useCode: true },
    CANCELLED: { unified: 'already_cancelled' },
    EXPIRED: { unified: 'order_expired' },
    REFUNDED: REFUNDED_PAYMENT,
    PARTIALLY_REFUND: PARTIAL_PAYMENT,
  }),
  refund: table({
    CREATED: { unified: 'refund_in_progress' },
    PENDING: { unified: 'refund_in_progress' },
    PROCESSING: { unified: 'refund_in_progress' },
    SUCCEEDED: { unified: 'refund_succeeded' },
    REFUNDED: { unified: 'refund_succeeded' },
    PARTIALLY_REFUND: { unified: 'refund_succeeded' },
    FAILED: { unified: 'refund_declined', useCode: true },
  }),
};

/** Subotiz `trade_status` (official Trade object); `payment_failed` reads `last_payment_error` (placement inferred). */
export const SUBOTIZ_TRADE_STATUS: StateTable = {
  field: 'trade_status',
  provenance: 'official',
  source: 'https://developer.subotiz.com/v1.0-en-us/reference/trade-object',
  payment: table({
    requires_payment_method: {
      unified: 'awaiting_customer',
      reason: 'Subotiz requires_payment_method: no payment yet, or a renewal charge whose result is not available yet.',
    },
    requires_action: { unified: 'awaiting_customer' },
    processing: { unified: 'processing' },
    succeeded: { unified: 'approved' },
    payment_failed: { unified: 'generic_decline', useCode: true },
    closed: { unified: 'already_closed' },
  }),
  refund: table({}),
};

/** Subotiz `refund_status` on a trade (official): only consulted when the trade succeeded. */
export const SUBOTIZ_REFUND_STATUS: StateTable = {
  field: 'refund_status',
  provenance: 'official',
  source: 'https://developer.subotiz.com/v1.0-en-us/reference/trade-object',
  payment: table({
    partially_refunded: PARTIAL_PAYMENT,
    refunded: REFUNDED_PAYMENT,
  }),
  refund: table({}),
};

/** Subotiz refund object `status` (official values pending|succeeded|failed). */
export const SUBOTIZ_REFUND: StateTable = {
  field: 'status',
  provenance: 'official',
  source: 'https://developer.subotiz.com/reference/ (refund object)',
  payment: table({}),
  refund: table({
    pending: { unified: 'refund_in_progress' },
    succeeded: { unified: 'refund_succeeded' },
    failed: { unified: 'refund_declined', useCode: true },
  }),
};

/**
 * OTT Pay decrypted `data`: PREPAY_QUERY `status` (official: SUCCESS, ORDERCLOSE, PROCESSING) and the
 * new REST API's `order_status` (authorised/captured). Other values (NOTPAY, PAYERROR, REFUND, UNKNOW…)
 * are Appendix B words, so they go through the catalog.
 */
export const OTTPAY_STATUS: StateTable = {
  field: 'data.status',
  provenance: 'official',
  source: 'https://docs.ottpay.com/payment-api/ (PREPAY_QUERY, STATUS_QUERY; new API callback order_status)',
  payment: table({
    SUCCESS: { unified: 'approved' },
    PROCESSING: { unified: 'processing' },
    ORDERCLOSE: { unified: 'already_closed' },
    AUTHORISED: { unified: 'approved', reason: 'OTT Pay order_status authorised: capture to collect the money.' },
    CAPTURED: { unified: 'approved' },
  }),
  refund: table({
    SUCCESS: { unified: 'refund_succeeded' },
    PROCESSING: { unified: 'refund_in_progress' },
    REFUND: { unified: 'refund_in_progress' },
    REFUND_SUCCESS: { unified: 'refund_succeeded' },
    PARTIAL_REFUNDED: { unified: 'refund_succeeded' },
    FULLY_REFUNDED: { unified: 'refund_succeeded' },
    ORDERCLOSE: { unified: 'refund_declined' },
  }),
};

export type TableSide = 'payment' | 'refund';

/** The rule for a state value (exact first, then upper-case: providers are not consistent about case). */
export function lookupState(t: StateTable, side: TableSide, value: string): StateRule | undefined {
  const rows = t[side];
  return rows.get(value) ?? rows.get(value.toUpperCase()) ?? rows.get(value.toLowerCase());
}
