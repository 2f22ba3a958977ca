import type { DecisionPatch, UnifiedTuple } from './data.js';
import type { Flow, Next, Outcome, Party } from './types.js';

/**
 * The money-safety policy, in one place: how a unified code's default is specialised for a flow and
 * an entry, which readings answer for a flow, and which of several readings wins. The normalizer,
 * the classifier, the catalog API and the response decoders all go through these functions, so one
 * question cannot get two answers depending on where it was asked.
 */

/** What a reading decides; the rest of a Decision (texts, source) is description. */
export interface Verdict {
  outcome: Outcome;
  next: Next;
  party: Party;
  /** Why this departs from the unified default; empty when it does not. */
  reason: string;
}

/** Lower is safer: a reading that leaves money in doubt beats one that says it failed or succeeded. */
const OUTCOME_RANK: Readonly<Record<Outcome, number>> = { unknown: 0, pending: 1, failed: 2, succeeded: 3 };
/** Among equal outcomes, the next step that does least harm if the reading is wrong comes first. */
const NEXT_RANK: Readonly<Record<Next, number>> = { query: 0, wait: 1, stop: 2, ask_customer: 3, fix_and_retry: 4, retry: 5, done: 6 };

/** The safety order: a smaller number is the safer reading. */
export function safety(v: { outcome: Outcome; next: Next }): number {
  return (OUTCOME_RANK[v.outcome] ?? 0) * 16 + (NEXT_RANK[v.next] ?? 0);
}

/** The safest of non-empty `readings`; ties keep catalog order, so the answer never depends on anything else. */
export function safest<T extends { outcome: Outcome; next: Next }>(readings: readonly T[]): T {
  let best = readings[0] as T;
  let rank = safety(best);
  for (let i = 1; i < readings.length; i++) {
    const r = readings[i] as T;
    const s = safety(r);
    if (s < rank) {
      best = r;
      rank = s;
    }
  }
  return best;
}

/**
 * The one patch rule: the unified default, then the flow's departure, then the entry's own
 * override. Each later layer wins field by field; an empty field keeps what is below it.
 */
export function verdictOf(base: UnifiedTuple, ...patches: readonly (DecisionPatch | undefined | 0)[]): Verdict {
  const v: Verdict = { outcome: base[1], next: base[2], party: base[3], reason: '' };
  for (const p of patches) {
    if (!p) continue;
    if (p[0]) v.outcome = p[0];
    if (p[1]) v.next = p[1];
    if (p[2]) v.party = p[2];
    if (p[3]) v.reason = p[3];
  }
  return v;
}

/** A flow's departure for a unified code, read as an own key only (never `__proto__` from a caller). */
export function flowPatch(patches: Readonly<Partial<Record<Flow, DecisionPatch>>> | undefined, flow: Flow): DecisionPatch | undefined {
  return patches !== undefined && Object.hasOwn(patches, flow) ? patches[flow] : undefined;
}

/**
 * The flows an entry answers for. An entry for one flow reads only as that flow; an `any` entry
 * applies to every flow, so it reads as itself plus once per flow its unified code departs on.
 */
export function entryFlows(entryFlow: Flow, patches: Readonly<Partial<Record<Flow, DecisionPatch>>> | undefined): Flow[] {
  if (entryFlow !== 'any' || patches === undefined) return [entryFlow];
  return ['any', ...(Object.keys(patches) as Flow[]).filter((f) => f !== 'any')];
}

/** The readings that answer for `flow`: the exact flow, else the `any` ones, else every reading the code has. */
export function forFlow<T extends { flow: Flow }>(all: readonly T[], flow: Flow): readonly T[] {
  if (flow !== 'any') {
    const exact = all.filter((r) => r.flow === flow);
    if (exact.length > 0) return exact;
    const any = all.filter((r) => r.flow === 'any');
    if (any.length > 0) return any;
  }
  return all;
}

/**
 * A unified code read for a flow with no catalog entry behind it (classifier answers, transaction
 * states): its readings as an `any` entry, narrowed to the flow, safest first.
 */
export function unifiedVerdict(
  base: UnifiedTuple,
  patches: Readonly<Partial<Record<Flow, DecisionPatch>>> | undefined,
  flow: Flow,
  override?: DecisionPatch,
): Verdict & { flow: Flow } {
  const all = entryFlows('any', patches).map((f) => ({ flow: f, ...verdictOf(base, flowPatch(patches, f), override) }));
  return safest(forFlow(all, flow));
}

/** Same unified code and same verdict: a second reading like this adds nothing to show. */
export function sameVerdict(
  a: { unified: string; outcome: Outcome; next: Next; party: Party },
  b: { unified: string; outcome: Outcome; next: Next; party: Party },
): boolean {
  return a.unified === b.unified && a.outcome === b.outcome && a.next === b.next && a.party === b.party;
}
