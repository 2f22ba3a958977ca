export { normalize, normalizer } from './normalize.js';
export { createNormalizer, type Normalizer, type NormalizerData, type Reading, providerKey } from './core/normalizer.js';
export { canonicalCode, plainCode, MAX_CODE_LENGTH, type CanonicalRule } from './core/canonical.js';
export { resolveLang } from './core/lang.js';
export { PaycodesInputError } from './core/errors.js';
export {
  FLOWS,
  OUTCOMES,
  NEXT_STEPS,
  PARTIES,
  DISCLOSURES,
  LANGS,
  type Flow,
  type Outcome,
  type Next,
  type Party,
  type Disclosure,
  type Lang,
  type Decision,
  type DecisionSource,
  type NormalizeInput,
  type Classification,
  type ClassifyInput,
  type Classifier,
  type Evidence,
} from './core/types.js';
export type { ProviderData, UnifiedData, MessageTable, EntryTuple, DecisionPatch, UnifiedInfo } from './core/data.js';
export {
  listProviders,
  getProvider,
  listEntries,
  getEntry,
  getEntries,
  listUnified,
  getUnified,
  entriesForUnified,
  type ProviderInfo,
  type CatalogEntry,
  type UnifiedCode,
} from './catalog/api.js';
export { classify } from './classify/classify.js';
