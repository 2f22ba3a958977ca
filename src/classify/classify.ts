import type { Classification, ClassifyInput } from '../core/types.js';

/**
 * Placeholder until the classifier lands (issue 6): every unseen code gets the safe answer.
 */
export function classify(_input: ClassifyInput): Classification {
  return {
    unified: 'unmapped',
    category: 'unknown_outcome',
    outcome: 'unknown',
    next: 'query',
    party: 'provider',
    disclosure: 'generic',
    confidence: 0,
    evidence: [{ kind: 'threshold', detail: 'no classifier rules matched' }],
  };
}
