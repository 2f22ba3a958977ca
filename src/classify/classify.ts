import type { Classification, ClassifyInput } from '../core/types.js';
import { classifierModel } from '../data/classifier-model.js';
import { unified } from '../data/unified.js';
import { createClassifier } from './classifier.js';

export { type ClassifierOptions, createClassifier } from './classifier.js';
export type { PackedModel } from './model.js';
export { classifierModel };

/** Below this calibrated confidence the classifier answers `unmapped`: outcome unknown, next query. */
export const CLASSIFY_THRESHOLD: number = classifierModel.threshold;

let instance: ((input: ClassifyInput) => Classification) | undefined;

/**
 * Classifies a provider message that the catalog does not know: a model learned from every catalog
 * entry proposes a unified code, the taxonomy and the flow give the decision, the safety rules
 * check it, and below CLASSIFY_THRESHOLD the answer is `unmapped`: outcome unknown, next query.
 */
export function classify(input: ClassifyInput): Classification {
  instance ??= createClassifier({ unified, model: classifierModel });
  return instance(input);
}
