import { getUnified } from '../catalog/api.js';
import { resolveLang } from '../core/lang.js';
import type { Decision, Flow, Lang } from '../core/types.js';
import { normalize, normalizer } from '../normalize.js';
import type { StateRule } from './tables.js';
import type { Provenance } from './types.js';

/** Confidence of a decision read from a state table, by how well the table is sourced. */
const CONFIDENCE: Record<Provenance, number> = { official: 1, 'third-party': 0.8, inferred: 0.6 };

export function langOf(lang: unknown): Lang {
  return lang === undefined || lang === null ? 'en' : resolveLang(lang as string);
}

/** The catalog's decision for a provider code, as a mutable copy (normalize() returns frozen objects). */
export function codeDecision(provider: string, code: string, flow: Flow, lang: Lang, message?: string): Decision {
  const d = normalize(message === undefined ? { provider, code, flow, lang } : { provider, code, flow, lang, message });
  return { ...d };
}

/**
 * A decision straight from a unified code: used for transaction states and HTTP-level answers,
 * which are not provider codes and so are not in the catalog. The core's one builder reads it, with
 * the rule's outcome and next as an override on the flow's reading.
 */
export function unifiedDecision(
  provider: string,
  code: string,
  flow: Flow,
  lang: Lang,
  rule: StateRule,
  provenance: Provenance,
  known: boolean,
): Decision {
  const u = getUnified(rule.unified) ? rule.unified : 'outcome_unknown';
  return normalizer.decisions.fromUnified({ provider, code, flow, lang }, u, {
    override: [rule.outcome ?? '', rule.next ?? '', '', rule.reason ?? ''],
    known,
    confidence: known ? CONFIDENCE[provenance] : 0,
  });
}
