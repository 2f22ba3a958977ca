import type { Obj } from '../body.js';
import type { MockFields } from './common.js';
import type { Step } from './scenario.js';

export type Op = 'payment' | 'query' | 'refund' | 'close' | 'reversal' | 'capture';

/** One parsed call to the mock. */
export interface Call {
  op: Op;
  /** The merchant's order id, or the provider's trade number, whichever the call names. */
  orderId?: string;
  tradeNo?: string;
  /** In minor units (cents). */
  amount?: number;
  /** The request gave the amount as a JSON number (answers echo it the same way). */
  amountIsNumber?: boolean;
  currency?: string;
  refundId?: string;
  /** The provider's refund number a query names. */
  refundNo?: string;
  body: Obj;
}

export interface Refund {
  id: string;
  amount: number;
  state: string;
  code?: string;
}

export interface Order {
  id: string;
  tradeNo: string;
  amount: number;
  /** Amounts in answers are JSON numbers, as the request sent them (SHOPLINE `amount.value`). */
  amountIsNumber?: boolean;
  currency: string;
  /** The transaction state in the provider's words. */
  state: string;
  /** The provider code that goes with the state (QFPay record respcd, a decline code…). */
  code?: string;
  message?: string;
  refunded: number;
  refunds: Refund[];
  /** Created by a pre-order whose answer showed no state yet. */
  preordered?: boolean;
  /** The records' state after a reversal or close (QFPay `cancel`). */
  cancelled?: string;
  created: number;
}

export interface Reply {
  status: number;
  body: Obj | string;
  headers?: Record<string, string>;
}

export interface MockContext {
  signKey: string;
  /** The request field names from the provider's envelope data. */
  fields: MockFields;
  now: () => number;
  nextId: () => string;
}

/** The six outcomes every provider can be asked for by name (magic amounts use them). */
export type Named = 'success' | 'insufficient' | 'pending' | 'decline' | 'system' | 'awaiting';

/** A provider's mock logic; what it is called, serves and can be asked for comes from its envelope data. */
export type MockAdapter = Pick<MockProvider, 'route' | 'answer' | 'httpError'>;

export interface MockProvider {
  id: string;
  /** Documented endpoints the mock serves, for the banner and the README. */
  endpoints: string[];
  route(method: string, path: string, body: Obj, ctx: MockContext): Call | undefined;
  fields: MockFields;
  isState(s: string): boolean;
  /** A code the catalog knows for this provider (scenario words are checked against it). */
  isCode(s: string): boolean;
  named: Record<Named, Step>;
  /** Applies a step to a (new or existing) order and renders the reply for the call. */
  answer(call: Call, order: Order | undefined, step: Step, ctx: MockContext): { reply: Reply; order?: Order };
  /** The provider-shaped body for a forced HTTP status. */
  httpError(status: number, step: Step): Obj;
  /** The fields that say what happened, for the one-line call log. */
  summary(body: Obj): string;
}
