import { retryRules } from '../data/retry-rules.js';
import { createAdviseRetry } from './advise.js';

export { isNetwork, type NetworkReading, networkCode, readNetwork } from '../core/network.js';
export * from '../core/network-rules.js';
export type { AppliedRule, Attempt, RetryAdvice, RetryInput } from './advise.js';
export { createAdviseRetry, MAX_ATTEMPTS } from './advise.js';
export { retryRules };

/** Advises whether, when and under which reference a declined payment may be tried again. */
export const adviseRetry = createAdviseRetry(retryRules);
