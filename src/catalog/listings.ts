import { forFlow, sameVerdict } from '../core/policy.js';
import type { Decision, Flow } from '../core/types.js';
import { normalize, normalizer } from '../normalize.js';
import { appliesTo, type CatalogEntry, getEntries, listEntries } from './api.js';

/**
 * The catalog as every listing shows it (`paycodes codes`, `paycodes search`, the HTTP code lists):
 * per code, the decision `normalize()` gives, so a list never says something `normalize()` would
 * not. Kept apart from api.ts because it loads the normalizer.
 */

/** One code of a provider as every listing shows it: what `normalize()` answers, and whether it is the only reading. */
export interface CodeListing {
  provider: string;
  code: string;
  /** The flow asked about; `any` when none was given. */
  flow: Flow;
  /** Exactly what `normalize({ provider, code, flow })` answers. */
  decision: Decision;
  /**
   * How many different readings (unified code, outcome, next, party) answer for this flow. Above 1,
   * `decision` is the safest of them and `decision.alternatives` holds the others.
   */
  readings: number;
  /** The catalog entries behind the code that apply to the flow. */
  entries: CatalogEntry[];
}

/** How many different readings of a code answer for `flow`. */
function readingCount(provider: string, code: string, flow: Flow): number {
  const all = normalizer.readings(provider, code)?.readings ?? [];
  const distinct: (typeof all)[number][] = [];
  for (const r of forFlow(all, flow)) if (!distinct.some((d) => sameVerdict(d, r))) distinct.push(r);
  return distinct.length;
}

/** The listing of one (provider, code) for a flow, or undefined when the catalog does not have the code. */
export function getCode(provider: string, code: string | number, flow: Flow = 'any'): CodeListing | undefined {
  const entries = getEntries(provider, code).filter((e) => appliesTo(e, flow));
  const first = entries[0];
  if (first === undefined) return undefined;
  return {
    provider: first.provider,
    code: first.code,
    flow,
    decision: normalize({ provider: first.provider, code: first.code, flow }),
    readings: readingCount(first.provider, first.code, flow),
    entries,
  };
}

/**
 * A provider's codes, one listing per canonical code in catalog order, each with the decision
 * `normalize()` gives for the flow. `flow` keeps the codes that have an entry for it or for `any`;
 * `unified` keeps the codes with an applicable entry mapped to it.
 */
export function listCodes(provider: string, filter: { flow?: Flow; unified?: string } = {}): CodeListing[] {
  const flow = filter.flow ?? 'any';
  const byCode = new Map<string, CatalogEntry[]>();
  for (const e of listEntries(provider, { flow })) {
    const list = byCode.get(e.code);
    if (list) list.push(e);
    else byCode.set(e.code, [e]);
  }
  const out: CodeListing[] = [];
  for (const [code, entries] of byCode) {
    if (filter.unified && !entries.some((e) => e.unified === filter.unified)) continue;
    const id = (entries[0] as CatalogEntry).provider;
    out.push({
      provider: id,
      code,
      flow,
      decision: normalize({ provider: id, code, flow }),
      readings: readingCount(id, code, flow),
      entries,
    });
  }
  return out;
}
