import type { DecisionPatch, UnifiedData } from '../core/data.js';
import type { Disclosure, Flow, Next, Outcome, Party } from '../core/types.js';

export interface UnifiedReading {
  category: string;
  outcome: Outcome;
  next: Next;
  party: Party;
  disclosure: Disclosure;
}

const OUTCOME_RANK: Record<Outcome, number> = { unknown: 0, pending: 1, failed: 2, succeeded: 3 };
const NEXT_RANK: Record<Next, number> = { query: 0, wait: 1, stop: 2, ask_customer: 3, fix_and_retry: 4, retry: 5, done: 6 };

/** Lower is safer; the order the normalizer uses to choose between readings. */
function safety(o: Outcome, n: Next): number {
  return OUTCOME_RANK[o] * 16 + NEXT_RANK[n];
}

/**
 * The decision a unified code stands for on a flow: the taxonomy's default with the flow's patch,
 * or, with no flow, the safest of the code's per-flow readings (as normalize() reads it), so that a
 * "refund success" is not taken for a paid order.
 */
export function unifiedReading(unified: UnifiedData, code: string, flow: Flow | undefined): UnifiedReading {
  const base = unified.codes[code] ?? unified.codes.unmapped;
  if (base === undefined) throw new Error('the unified table has no `unmapped` code');
  const [category, , , , disclosure] = base;
  const read = (p: DecisionPatch | undefined): UnifiedReading => ({
    category,
    outcome: (p?.[0] || base[1]) as Outcome,
    next: (p?.[1] || base[2]) as Next,
    party: (p?.[2] || base[3]) as Party,
    disclosure,
  });
  const patches = unified.flows[code] ?? {};
  if (flow !== undefined && flow !== 'any') {
    // The flow comes from the caller: an own key of the table only, never `__proto__` or an object.
    return read(typeof flow === 'string' && Object.hasOwn(patches, flow) ? patches[flow] : undefined);
  }
  let best = read(undefined);
  for (const p of Object.values(patches)) {
    const r = read(p);
    if (safety(r.outcome, r.next) < safety(best.outcome, best.next)) best = r;
  }
  return best;
}
