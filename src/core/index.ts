// The dependency-free core: `createNormalizer` plus the types and enums. Bring your own data from
// `paycodes/data` so a bundle carries only the providers and languages it uses.

export { type CanonicalRule, canonicalCode, MAX_CODE_LENGTH, plainCode } from './canonical.js';
export type * from './data.js';
export { checkData, DATA_VERSION } from './data-version.js';
export { PaycodesInputError } from './errors.js';
export { resolveLang } from './lang.js';
export { createNormalizer, type Normalizer, type NormalizerData, providerKey, type Reading } from './normalizer.js';
export * from './types.js';
