// `paycodes`: the library. What a caller needs to turn a code into a decision and act on it, and
// nothing of the compiled data's internals (tuples, canonical forms, lookup keys) or of evaluation.
// Bring-your-own-data lives in `paycodes/core` + `paycodes/data`, unknown codes in `paycodes/classify`,
// whole responses and notifications (node:crypto) in `paycodes/responses`, the HTTP API in
// `paycodes/server`. This entry imports no `node:` module, so it bundles for browsers and edge runtimes.
export {
  type CatalogEntry,
  entriesForUnified,
  getEntries,
  getEntry,
  getProvider,
  getUnified,
  listEntries,
  listProviders,
  listUnified,
  type ProviderInfo,
  type UnifiedCode,
} from './catalog/api.js';
export { type CodeListing, getCode, listCodes } from './catalog/listings.js';
export { PaycodesInputError } from './core/errors.js';
export { resolveLang } from './core/lang.js';
export {
  type CategoryId,
  type Classification,
  type Decision,
  type DecisionNetwork,
  type DecisionSource,
  DISCLOSURES,
  type Disclosure,
  type Evidence,
  FLOWS,
  type Flow,
  LANGS,
  type Lang,
  NEXT_STEPS,
  type Next,
  type NormalizeInput,
  OUTCOMES,
  type Outcome,
  PARTIES,
  type Party,
  type ProviderId,
  type UnifiedId,
} from './core/types.js';
export { normalize, type StateInput } from './normalize.js';
export type { ProviderName, ResponseProvider } from './responses/index.js';
export {
  type AppliedRule,
  type Attempt,
  adviseRetry,
  DECLINES,
  type Decline,
  NETWORKS,
  type Network,
  RECURRING_ADVICE,
  type RecurringAdvice,
  type RetryAdvice,
  type RetryInput,
} from './retry/index.js';
