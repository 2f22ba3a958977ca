import type { Decline, Network, RecurringAdvice } from './network-rules.js';
/**
 * The decision vocabulary. Each enum is exported as a frozen tuple so callers can switch over it
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
  scene?: string;
  /** The provider's text, verbatim, keyed by BCP 47 tag. */
  messages: Record<string, string>;
  /** Repository path of the verbatim source document. */
  document: string;
  /** 1-based line of the entry in `document`. */
  line?: number;
  /** The flow of the catalog entry (or of the per-flow reading) that gave this decision. */
  flow?: Flow;
}

/** The card network's facts on a decision, when the caller gave them. */
export interface DecisionNetwork {
  network: Network;
  /** The issuer's response code, as networks write it (two characters, upper case). */
  code?: string;
  /** The Mastercard Merchant Advice Code or Visa advice code. */
  advice?: string;
  /** The catalog that read the issuer's code (`visa`, `iso8583`…), when one did. */
  catalog?: string;
  /** The issuer code's own unified reading. */
  unified?: string;
  /** Where the issuer code's reading came from. */
  source?: DecisionSource;
  /** Ids of the retry-rule groups (catalog/retry-rules.yaml) the network's codes fall in. */
  rules: string[];
}

/** One piece of evidence behind a classifier answer. */
export interface Evidence {
  kind: 'pattern' | 'similar' | 'threshold' | 'code';
  /** What matched: a rule id, a keyword, or `provider:code` of a similar catalog entry. */
  detail: string;
  weight?: number;
}

export interface Decision {
  /** Echoed: the provider id (canonical when known). */
  provider: string;
  /** Echoed as the provider's canonical code string. */
  code: string;
  /** Echoed: the flow the caller asked about (`any` when none was given). */
  flow: Flow;
  /** True when (provider, code) is in the catalog. */
  known: boolean;
  unified: string;
  category: string;
  outcome: Outcome;
  next: Next;
  party: Party;
  disclosure: Disclosure;
  /** In the requested language; English by default. */
  message: { customer: string; merchant: string };
  source?: DecisionSource;
  /** Other readings when the code has several and no flow decided between them. */
  alternatives?: Decision[];
  /** 1 for catalog entries; the classifier's confidence for unmapped codes. */
  confidence: number;
  /** Why this entry departs from its unified code's default decision, when it does. */
  reason?: string;
  /** For classifier answers: what the answer rests on. */
  evidence?: Evidence[];
  /** The card network's facts, when the caller passed `network`. */
  network?: DecisionNetwork;
  /** For a failed card payment with network facts: may a later or corrected attempt pass (soft) or not (hard). */
  decline?: Decline;
  /** Authentication such as 3-D Secure would let the payment through. */
  stepUp?: true;
  /** For stored-credential and subscription payments: stop, update the card, or wait and go on. */
  recurring?: RecurringAdvice;
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
