import type { CanonicalRule } from './canonical.js';
import type { Disclosure, Flow, Next, Outcome, Party } from './types.js';

/**
 * The compact shapes that `npm run compile` writes to src/data from the catalog YAML.
 * Tuples instead of objects keep the bundles small; `createNormalizer` expands them once.
 */

/** [outcome, next, party, reason]; an empty string keeps the unified default. */
export type DecisionPatch = [outcome: Outcome | '', next: Next | '', party: Party | '', reason: string];

/** [code, flow, scene, unified, texts (in `ProviderData.languages` order), line, endLine, override] */
export type EntryTuple = [
  code: string,
  flow: Flow,
  scene: string,
  unified: string,
  texts: string[],
  line: number,
  end: number,
  override: DecisionPatch | 0,
];

/** What `normalize()` needs of a provider. Descriptive facts live in `ProviderFacts`, so bundles stay small. */
export interface ProviderData {
  /** The data version it was compiled for (`DATA_VERSION`); hand-written data may leave it out. */
  version?: number;
  id: string;
  name: string;
  aliases: string[];
  /** The languages of the provider's own texts (BCP 47 tags: ko, ja, es…), in the order `EntryTuple.texts` uses. */
  languages: string[];
  canonical: CanonicalRule;
  /** Repository path of the verbatim source document. */
  document: string;
  entries: EntryTuple[];
  /**
   * The Traditional → Simplified pairs that matching a message against this provider's texts needs
   * (even positions Traditional, odd Simplified; see src/text/fold.ts). Absent: Han characters are
   * compared as they are written.
   */
  fold?: string;
}

/** The rest of a provider file: read by the catalog API, the CLI and the web page, not by `normalize()`. */
export interface ProviderFacts {
  region: string[];
  docs: string;
  envelope: string;
  url: string;
  retrieved: string;
  /** Entry notes by entry index. */
  notes: Record<number, string>;
  /** More of the provider's own words by entry index, then language (the entries' `details`). */
  details?: Record<number, Record<string, string>>;
}

/** [category, outcome, next, party, disclosure] */
export type UnifiedTuple = [category: string, outcome: Outcome, next: Next, party: Party, disclosure: Disclosure];

export interface UnifiedData {
  /** The data version it was compiled for (`DATA_VERSION`); hand-written data may leave it out. */
  version?: number;
  codes: Record<string, UnifiedTuple>;
  /** Per-flow departures from a unified code's default, each with its reason. */
  flows: Record<string, Partial<Record<Flow, DecisionPatch>>>;
}

/** unified code → [customer message, merchant guidance] */
export type MessageTable = Record<string, [customer: string, merchant: string]>;

export interface UnifiedInfo {
  description: string;
  equivalents: { iso8583?: string[]; stripe?: string[]; visa?: number; mastercard?: string[]; activemerchant?: string };
}
