import type { CategoryId, ProviderId, UnifiedId } from '../data/names.js';
import type { Decline, Network, RecurringAdvice } from './network-rules.js';

/**
 * The decision vocabulary. Each enum is exported as a readonly tuple so callers can switch over it
 * exhaustively and validate input against it at run time.
 */
export const FLOWS = [
  'any',
  'payment',
  'refund',
  'cancel',
  'capture',
  'query',
  'onboarding',
  'binding',
  'recurring',
  'payout',
  'connect',
  'sdk',
] as const;
export type Flow = (typeof FLOWS)[number];

export const OUTCOMES = ['succeeded', 'pending', 'failed', 'unknown'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const NEXT_STEPS = ['done', 'wait', 'query', 'retry', 'fix_and_retry', 'ask_customer', 'stop'] as const;
export type Next = (typeof NEXT_STEPS)[number];

export const PARTIES = ['none', 'customer', 'issuer', 'merchant', 'integration', 'provider'] as const;
export type Party = (typeof PARTIES)[number];

export const DISCLOSURES = ['specific', 'generic'] as const;
export type Disclosure = (typeof DISCLOSURES)[number];

export const LANGS = ['en', 'zh-Hant', 'zh-Hans'] as const;
export type Lang = (typeof LANGS)[number];

/** Where a catalog decision came from: the provider's own words and the line of the source document. */
export interface DecisionSource {
  readonly scene?: string;
  /** The provider's text, verbatim, keyed by BCP 47 tag. */
  readonly messages: Readonly<Record<string, string>>;
  /** Repository path of the verbatim source document. */
  readonly document: string;
  /** 1-based line of the entry in `document`. */
  readonly line?: number;
  /** The flow of the catalog entry (or of the per-flow reading) that gave this decision. */
  readonly flow?: Flow;
}

/** The card network's facts on a decision, when the caller gave them. */
export interface DecisionNetwork {
  readonly network: Network;
  /** The issuer's response code, as networks write it (two characters, upper case). */
  readonly code?: string;
  /** The Mastercard Merchant Advice Code or Visa advice code. */
  readonly advice?: string;
  /** The catalog that read the issuer's code (`visa`, `iso8583`…), when one did. */
  readonly catalog?: string;
  /** The issuer code's own unified reading. */
  readonly unified?: string;
  /** Where the issuer code's reading came from. */
  readonly source?: DecisionSource;
  /** Ids of the retry-rule groups (catalog/retry-rules.yaml) the network's codes fall in. */
  readonly rules: readonly string[];
}

/** One piece of evidence behind a classifier answer. */
export interface Evidence {
  readonly kind: 'pattern' | 'similar' | 'threshold' | 'code';
  /** What matched: a rule id, a keyword, or `provider:code` of a similar catalog entry. */
  readonly detail: string;
  /** How far the word moves the answer's code ahead of the others, in the model's log-odds. */
  readonly weight?: number;
}

/**
 * The answer for one code. Read-only because the objects are frozen and shared between callers:
 * copy (`{ ...d }`) to change one. This interface is the one definition of the shape; the HTTP
 * response schema in src/schema is checked against it by the compiler in both directions.
 */
export interface Decision {
  /** Echoed: the provider id (canonical when known; as given, lower-cased, when not). */
  readonly provider: ProviderId | (string & {});
  /** Echoed as the provider's canonical code string. */
  readonly code: string;
  /** Echoed: the flow the caller asked about (`any` when none was given). */
  readonly flow: Flow;
  /** True when (provider, code) is in the catalog. */
  readonly known: boolean;
  readonly unified: UnifiedId;
  readonly category: CategoryId;
  readonly outcome: Outcome;
  readonly next: Next;
  readonly party: Party;
  readonly disclosure: Disclosure;
  /** In the requested language; English by default. */
  readonly message: { readonly customer: string; readonly merchant: string };
  readonly source?: DecisionSource;
  /** Other readings when the code has several and no flow decided between them. */
  readonly alternatives?: readonly Decision[];
  /** 1 for catalog entries; the classifier's confidence for unmapped codes. */
  readonly confidence: number;
  /** Why this entry departs from its unified code's default decision, when it does. */
  readonly reason?: string;
  /** For classifier answers: what the answer rests on. */
  readonly evidence?: readonly Evidence[];
  /** The card network's facts, when the caller passed `network`. */
  readonly network?: DecisionNetwork;
  /** For a failed card payment with network facts: may a later or corrected attempt pass (soft) or not (hard). */
  readonly decline?: Decline;
  /** Authentication such as 3-D Secure would let the payment through. */
  readonly stepUp?: true;
  /** For stored-credential and subscription payments: stop, update the card, or wait and go on. */
  readonly recurring?: RecurringAdvice;
}

export interface NormalizeInput {
  provider: string;
  code: string | number;
  flow?: Flow;
  /** The provider's message, when known: it picks between readings of one code, and feeds the classifier. */
  message?: string;
  lang?: Lang;
  /** The card network, when the payment was a card payment and the network is known. */
  network?: Network;
  /** The issuer's response code as the network returned it, e.g. `'51'`. Needs `network`. */
  networkCode?: string | number;
  /** A Mastercard Merchant Advice Code or a Visa advice code, e.g. `'24'`. Needs `network`. */
  adviceCode?: string | number;
}

/** What a classifier returns for a code the catalog does not know. */
export interface Classification {
  unified: string;
  category: string;
  outcome: Outcome;
  next: Next;
  party: Party;
  disclosure: Disclosure;
  confidence: number;
  evidence: Evidence[];
}

export interface ClassifyInput {
  code?: string | number;
  message: string;
  provider?: string;
  flow?: Flow;
}

export type Classifier = (input: ClassifyInput) => Classification;

export type { CategoryId, ProviderId, UnifiedId };
