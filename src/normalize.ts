import { classify } from './classify/classify.js';
import { createNormalizer } from './core/normalizer.js';
import type { Decision, NormalizeInput } from './core/types.js';
import { en } from './generated/messages/en.js';
import { zhHans } from './generated/messages/zh-hans.js';
import { zhHant } from './generated/messages/zh-hant.js';
import { providers } from './generated/providers/index.js';
import { retryRules } from './generated/retry-rules.js';
import { unified } from './generated/unified.js';

/** The normalizer over the whole embedded catalog, with the classifier for unknown codes. */
export const normalizer = createNormalizer({
  providers,
  unified,
  messages: { en, 'zh-Hant': zhHant, 'zh-Hans': zhHans },
  classify,
  networks: retryRules,
});

/**
 * Turns a provider's response code into one decision: did the money move, what to do next, who
 * acts, and what to tell the customer and the merchant.
 */
export function normalize(input: NormalizeInput): Decision {
  return normalizer.normalize(input);
}
