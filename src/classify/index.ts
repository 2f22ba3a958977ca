// `paycodes/classify`: the classifier for codes the catalog does not know, on its own so that
// bundles which only look up known codes (`paycodes/core`) do not carry the model.

export type { Classification, ClassifyInput, Evidence } from '../core/types.js';
export { CLASSIFY_THRESHOLD, type ClassifierOptions, classifierModel, classify, createClassifier, type PackedModel } from './classify.js';
export { isRiskyFailure, type SafetyStep, saysMoneyMoved } from './safety.js';
