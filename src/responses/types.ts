import type { Decision, Flow, Lang } from '../core/types.js';
import { ENVELOPE_PROVIDERS, type EnvelopeProvider } from '../data/envelopes.js';
import type { Provenance } from './envelope.js';

export type { Provenance } from './envelope.js';

/**
 * The providers whose whole responses and notifications the embedded catalog describes (generated
 * from the `envelope` sections). Any other provider id throws `PaycodesInputError`.
 */
export const RESPONSE_PROVIDERS: readonly EnvelopeProvider[] = ENVELOPE_PROVIDERS;
export type ResponseProvider = EnvelopeProvider;

export function isResponseProvider(id: unknown): id is ResponseProvider {
  return typeof id === 'string' && (RESPONSE_PROVIDERS as readonly string[]).includes(id);
}

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
  /** Where the state row comes from (provider doc URL or catalog/sources path). */
  source?: string;
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
  /** Clock for timestamp checks: a Date or ms since the epoch (tests). NaN or a non-date is refused. */
  now?: number | Date;
  /** Allowed clock skew for timestamped signatures, in seconds: finite and above 0. Default 300. */
  toleranceSeconds?: number;
  /**
   * Replay guard. Called after the signature checks with a key for the event (`provider:event id`,
   * or `provider:sha256 of the body`); return true when that key was processed before and the call
   * throws `PaycodesSignatureError` (`replayed`). QFPay, eftPay and OTT Pay sign no timestamp, so a
   * captured notification verifies forever: deduplicate with this hook or in your own store.
   */
  seen?: (key: string) => boolean;
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
  /** `replayWindow` is false when the signed text has no timestamp (deduplicate yourself, see `seen`). */
  signature: { scheme: string; provenance: Provenance; replayWindow: boolean };
}
