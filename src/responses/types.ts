import type { Decision, Flow, Lang } from '../core/types.js';

/** The seed providers whose whole responses `fromResponse` understands. */
export const RESPONSE_PROVIDERS = ['qfpay', 'eftpay', 'shopline-payments', 'subotiz', 'ottpay'] as const;
export type ResponseProvider = (typeof RESPONSE_PROVIDERS)[number];

/**
 * How sure we are that a shape or status value is the provider's real behaviour.
 * `official`: the provider's own docs; `third-party`: community code that agrees with itself;
 * `inferred`: our reading, unverified against the provider.
 */
export type Provenance = 'official' | 'third-party' | 'inferred';

/** Layer 1: was the request itself accepted? */
export interface RequestLayer {
  /** The HTTP status, when the caller passed it. */
  httpStatus?: number;
  /** The provider's outer code (`respcd`, `return_status`, `rsp_code`, `{code}`), when there is one. */
  code?: string;
  message?: string;
  /** Where the code was read from, e.g. `respcd` or `body.code`. */
  field?: string;
  /** True when this layer says the request went through and the transaction layer (if any) decides. */
  accepted: boolean;
}

/** Layer 2: what happened to the money. */
export interface TransactionLayer {
  /** The field the state came from, e.g. `data.txstatus`, `trade_status`, `data[0].respcd`. */
  field: string;
  /** The provider's state value, verbatim. */
  status: string;
  /** A decline or error code carried with the state (`paymentMsg.code`, `last_payment_error.code`). */
  code?: string;
  message?: string;
  /** The unified code the state maps to. */
  unified: string;
  provenance: Provenance;
  /** Extra state the provider returned alongside (`subStatus`, `cancel`, `refund_status`, `order_type`). */
  detail?: Record<string, string>;
}

export type DecidedBy = 'request' | 'transaction' | 'http' | 'body';

/** A `Decision` for a whole response, with the two layers it was built from. */
export interface ResponseDecision extends Decision {
  /** Which layer settled the outcome. */
  decidedBy: DecidedBy;
  layers: { request: RequestLayer; transaction?: TransactionLayer };
  /** The raw fields that were read, by dotted path, exactly as the provider sent them. */
  raw: Record<string, unknown>;
  /** Why the body could not be read, when it could not. */
  parseError?: string;
}

export interface ResponseOptions {
  /** The call that produced the response. `refund` switches state tables to refund meanings. */
  flow?: Flow;
  httpStatus?: number;
  lang?: Lang | string;
  /** OTT Pay: the merchant signKey, to decrypt and check an encrypted `data` field. */
  signKey?: string;
}

export interface NotificationOptions {
  /** The request headers (any casing; arrays and Fetch `Headers` are accepted). */
  headers?: HeadersLike;
  /**
   * The shared secret: QFPay client key, SHOPLINE signKey, Subotiz access secret / API key,
   * eftPay secret code, OTT Pay signKey. Several secrets are tried in order (key rotation).
   */
  secret?: string | readonly string[];
  /** Clock for timestamp checks, in ms since the epoch (tests). */
  now?: number;
  /** Allowed clock skew for timestamped signatures, in seconds. Default 300. */
  toleranceSeconds?: number;
  lang?: Lang | string;
}

export type HeadersLike =
  | Record<string, string | readonly string[] | undefined>
  | { get(name: string): string | null }
  | Iterable<readonly [string, string]>;

export interface NotificationEvent {
  /** The provider's event type (`notify_type`, `type`), when it has one. */
  type?: string;
  id?: string;
  /** The merchant's order id carried by the notification. */
  orderId?: string;
}

export interface NotificationDecision extends ResponseDecision {
  event: NotificationEvent;
  signature: { scheme: string; provenance: Provenance };
}
