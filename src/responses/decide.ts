import { resolveLang } from '../core/lang.js';
import type { Decision, Flow, Lang } from '../core/types.js';
import type { ResponsesCatalog } from './catalog.js';
import type { Provenance } from './envelope.js';

/** Confidence of a decision read from a state table, by how well the row is sourced. */
const CONFIDENCE: Record<Provenance, number> = { official: 1, 'third-party': 0.8, inferred: 0.6 };

/** What a state row or an HTTP-level answer says, before it becomes a decision. */
export interface Rule {
  unified: string;
  outcome?: Decision['outcome'];
  next?: Decision['next'];
  reason?: string;
  useCode?: boolean;
}

export function langOf(lang: unknown): Lang {
  return lang === undefined || lang === null ? 'en' : resolveLang(lang as string);
}

/** The catalog's decision for a provider code, as a mutable copy (normalize() returns frozen objects). */
export function codeDecision(cat: ResponsesCatalog, provider: string, code: string, flow: Flow, lang: Lang, message?: string): Decision {
  const d = cat.normalize(message === undefined ? { provider, code, flow, lang } : { provider, code, flow, lang, message });
  return { ...d };
}

/**
 * A decision straight from a unified code: used for transaction states and HTTP-level answers,
 * which are not provider codes and so are not in the catalog. The core's one builder reads it, with
 * the rule's outcome and next as an override on the flow's reading.
 */
export function unifiedDecision(
  cat: ResponsesCatalog,
  provider: string,
  code: string,
  flow: Flow,
  lang: Lang,
  rule: Rule,
  provenance: Provenance,
  known: boolean,
): Decision {
  const u = Object.hasOwn(cat.unified.codes, rule.unified) ? rule.unified : 'outcome_unknown';
  return cat.decisions.fromUnified({ provider, code, flow, lang }, u, {
    override: [rule.outcome ?? '', rule.next ?? '', '', rule.reason ?? ''],
    known,
    confidence: known ? CONFIDENCE[provenance] : 0,
  });
}
