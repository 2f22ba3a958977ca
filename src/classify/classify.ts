import type { Classification, ClassifyInput } from '../core/types.js';
import { providers } from '../generated/providers/index.js';
import { unified } from '../generated/unified.js';
import { CLASSIFY_THRESHOLD, createClassifier } from './classifier.js';

export { CLASSIFY_THRESHOLD, type ClassifierOptions, createClassifier } from './classifier.js';

let instance: ((input: ClassifyInput) => Classification) | undefined;

/**
 * Classifies a provider message that the catalog does not know: hand-written patterns (English and
 * Chinese, both scripts) plus similarity to curated entries, checked by a safety guard. Below
 * CLASSIFY_THRESHOLD the answer is `unmapped`: outcome unknown, next query.
 */
export function classify(input: ClassifyInput): Classification {
  instance ??= createClassifier({ providers, unified, threshold: CLASSIFY_THRESHOLD });
  return instance(input);
}
