// The dependency-free core: `createNormalizer` plus the types and enums. Bring your own data from
// `paycodes/data` so a bundle carries only the providers and languages it uses.
export { createNormalizer, type Normalizer, type NormalizerData, type Reading, providerKey } from './normalizer.js';
export { canonicalCode, plainCode, MAX_CODE_LENGTH, type CanonicalRule } from './canonical.js';
export { resolveLang } from './lang.js';
export { PaycodesInputError } from './errors.js';
export * from './types.js';
export type * from './data.js';
