// The dependency-free core: `createNormalizer` plus the types and enums. Bring your own data from
// `paycodes/data` so a bundle carries only the providers and languages it uses. The data's types are
// here so that hand-made data type-checks; how the core keys and canonicalises codes is not.

export type * from './data.js';
export { DATA_VERSION } from './data-version.js';
export type { Asked, DecisionBuilder, DecisionMessages, SourcedVerdict } from './decision.js';
export { PaycodesInputError } from './errors.js';
export { resolveLang } from './lang.js';
export { createNormalizer, type Normalizer, type NormalizerData, type Reading } from './normalizer.js';
export type { Verdict } from './policy.js';
export * from './types.js';
