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
export { CLASSIFY_THRESHOLD, type ClassifierOptions, classify, createClassifier } from './classify/classify.js';
export { type CanonicalRule, canonicalCode, MAX_CODE_LENGTH, plainCode } from './core/canonical.js';
export type { DecisionPatch, EntryTuple, MessageTable, ProviderData, UnifiedData, UnifiedInfo } from './core/data.js';
export { PaycodesInputError } from './core/errors.js';
export { resolveLang } from './core/lang.js';
export { createNormalizer, type Normalizer, type NormalizerData, providerKey, type Reading } from './core/normalizer.js';
export type { DecisionNetwork } from './core/types.js';
export {
  type CategoryId,
  type Classification,
  type Classifier,
  type ClassifyInput,
  type Decision,
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
export { normalize, normalizer } from './normalize.js';
// Whole responses, notifications and signatures (node:crypto) live in `paycodes/responses`, so this
// entry bundles for browsers and edge runtimes.
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
