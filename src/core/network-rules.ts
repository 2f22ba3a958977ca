/**
 * The shapes of the card-network retry rules (catalog/retry-rules.yaml, compiled into
 * src/data/retry-rules.ts). Plain types: the runtime reads them without a schema library.
 */
export const NETWORKS = ['visa', 'mastercard', 'amex', 'jcb', 'unionpay', 'discover'] as const;
export type Network = (typeof NETWORKS)[number];

export const DECLINES = ['soft', 'hard'] as const;
export type Decline = (typeof DECLINES)[number];

export const RECURRING_ADVICE = ['stop', 'update_card', 'wait'] as const;
export type RecurringAdvice = (typeof RECURRING_ADVICE)[number];

/** How a group of codes lets a declined payment be tried again, strictest first. */
export const RETRY_KINDS = ['never', 'after_fix', 'later', 'capped'] as const;
export type RetryKind = (typeof RETRY_KINDS)[number];

export interface RuleSource {
  title: string;
  publisher: string;
  url?: string;
  /** Repository path of a verbatim copy, when the repo keeps one. */
  document?: string;
  edition: string;
  retrieved: string;
}

/** A set of network response codes or advice codes that say the same thing about a decline. */
export interface CodeGroup {
  id: string;
  network: Network;
  says: string;
  source: string;
  /** Issuer response codes; `*` is every decline code no earlier group claims. */
  networkCodes?: string[];
  adviceCodes?: string[];
  decline?: Decline;
  retry?: RetryKind;
  waitSeconds?: number;
  recurring?: RecurringAdvice;
  stepUp?: boolean;
}

/** A limit on declined attempts for one card at one merchant. */
export interface AttemptCap {
  id: string;
  network: Network;
  says: string;
  source: string;
  /** At most this many declined attempts (the first included) in `windowSeconds`. */
  attempts?: number;
  windowSeconds?: number;
  /** Count only attempts at the latest attempt's amount. */
  sameAmount?: boolean;
  /** No retry once the first attempt is older than this. */
  sinceFirstSeconds?: number;
}

export interface Backoff {
  id: string;
  says: string;
  source: string;
  initialSeconds: number;
  factor: number;
  maxSeconds: number;
  attempts: number;
  windowSeconds: number;
}

export interface RetryRules {
  sources: Record<string, RuleSource>;
  networks: Record<Network, { name: string; catalogs: string[] }>;
  groups: CodeGroup[];
  caps: AttemptCap[];
  backoff: Backoff;
}
