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
 * which are not provider codes and so are not in the catalog.
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
  const name = Object.hasOwn(cat.unified.codes, rule.unified) ? rule.unified : 'outcome_unknown';
  const tuple = cat.unified.codes[name];
  if (tuple === undefined) throw new Error(`unified code ${rule.unified} is missing from the catalog`);
  let [, outcome, next, party] = tuple;
  let reason = rule.reason;
  const patch = flow === 'any' ? undefined : cat.unified.flows[name]?.[flow];
  if (patch && rule.outcome === undefined && rule.next === undefined) {
    outcome = patch[0] || outcome;
    next = patch[1] || next;
    party = patch[2] || party;
    reason ??= patch[3];
  }
  if (rule.outcome) outcome = rule.outcome;
  if (rule.next) next = rule.next;
  const [customer, merchant] = cat.messages[lang][name] ?? ['', ''];
  const d: Decision = {
    provider,
    code,
    flow,
    known,
    unified: name,
    category: tuple[0],
    outcome,
    next,
    party,
    disclosure: tuple[4],
    message: { customer, merchant },
    confidence: known ? CONFIDENCE[provenance] : 0,
  };
  if (reason) d.reason = reason;
  return d;
}
