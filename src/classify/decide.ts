import type { UnifiedData } from '../core/data.js';
import { unifiedVerdict } from '../core/policy.js';
import type { Disclosure, Flow, Next, Outcome, Party } from '../core/types.js';

export interface UnifiedReading {
  category: string;
  outcome: Outcome;
  next: Next;
  party: Party;
  disclosure: Disclosure;
}

/**
 * The decision a unified code stands for on a flow, read by the core's one policy: the taxonomy's
 * default with the flow's patch, or, with no flow, the safest of the code's per-flow readings (as
 * normalize() reads it), so that a "refund success" is not taken for a paid order.
 */
export function unifiedReading(unified: UnifiedData, code: string, flow: Flow | undefined): UnifiedReading {
  const known = unified.codes[code] !== undefined;
  const base = unified.codes[code] ?? unified.codes.unmapped;
  if (base === undefined) throw new Error('the unified table has no `unmapped` code');
  const v = unifiedVerdict(base, known ? unified.flows[code] : undefined, flow ?? 'any');
  return { category: base[0], outcome: v.outcome, next: v.next, party: v.party, disclosure: base[4] };
}
