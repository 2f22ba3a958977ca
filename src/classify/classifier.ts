import type { ProviderData, UnifiedData } from '../core/data.js';
import { unifiedVerdict } from '../core/policy.js';
import {
  type Classification,
  type ClassifyInput,
  type Evidence,
  FLOWS,
  type Flow,
  type Next,
  type Outcome,
  type Party,
} from '../core/types.js';
import { fold } from '../text/fold.js';
import { DANGERS, dangerIn, isRiskyFailure, saysSuccess } from './guard.js';
import { RULES } from './rules.js';
import { type SimilarHit, SimilarityIndex } from './similarity.js';

/** Below this confidence the classifier answers `unmapped`: outcome unknown, next query. */
export const CLASSIFY_THRESHOLD = 0.4;

export interface ClassifierOptions {
  providers: readonly ProviderData[];
  unified: UnifiedData;
  /** Provider ids whose entries stay out of the similarity index (leave-one-provider-out). */
  exclude?: readonly string[];
  /** Defaults to CLASSIFY_THRESHOLD; 0 returns every raw answer (the evaluation uses it). */
  threshold?: number;
  /** For ablations in the evaluation: switch off one source of evidence. */
  sources?: { patterns?: boolean; similarity?: boolean };
}

/** Share of the similarity score that counts; patterns written by hand count in full. */
const SIMILARITY_WEIGHT = 0.7;
/** Code words (`AMOUNT_NOT_ENOUGH`) count a little less than the message itself. */
const CODE_WEIGHT = 0.85;
const MAX_TEXT = 4096;

interface Candidate {
  unified: string;
  pattern: number;
  similar: number;
  score: number;
}

/** `AMOUNT_NOT_ENOUGH`, `orderNotFound` → words; bare numbers say nothing across providers. */
function codeWords(code: string | number | undefined): string {
  // Only strings and numbers: String() on an object from an untyped caller can throw.
  if (typeof code !== 'string' && typeof code !== 'number') return '';
  const s = String(code).slice(0, 64);
  if (!/[a-z]{3,}/i.test(s)) return '';
  return fold(s.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_\-.]+/g, ' '));
}

function noisyOr(a: number, b: number): number {
  return 1 - (1 - a) * (1 - b);
}

/**
 * Builds a classifier over catalog data. The similarity index is built on the first call, so
 * importing this module costs nothing until an unknown code actually needs classifying.
 */
export function createClassifier(options: ClassifierOptions): (input: ClassifyInput) => Classification {
  const { unified } = options;
  const threshold = options.threshold ?? CLASSIFY_THRESHOLD;
  const excluded = new Set(options.exclude ?? []);
  const usePatterns = options.sources?.patterns !== false;
  const useSimilarity = options.sources?.similarity !== false;
  let index: SimilarityIndex | undefined;

  const getIndex = (): SimilarityIndex => {
    if (index) return index;
    const ix = new SimilarityIndex();
    for (const p of options.providers) {
      if (excluded.has(p.id)) continue;
      for (const [code, flow, , u, texts] of p.entries) {
        for (const t of texts) if (t) ix.add({ ref: `${p.id}:${code}`, unified: u, flow }, t);
      }
    }
    index = ix.finish();
    return ix;
  };

  // The policy reads a unified code for a flow, so the classifier and normalize() cannot disagree.
  const decisionOf = (u: string, flow: Flow | undefined) => {
    const code = unified.codes[u] === undefined ? 'unmapped' : u;
    const base = unified.codes[code];
    if (base === undefined) throw new Error('the unified table has no `unmapped` code');
    const f = typeof flow === 'string' && FLOWS.includes(flow) ? flow : 'any';
    const v = unifiedVerdict(base, unified.flows[code], f);
    return { category: base[0], outcome: v.outcome, next: v.next, party: v.party, disclosure: base[4] };
  };

  const unmapped = (confidence: number, evidence: Evidence[]): Classification => {
    const d = decisionOf('unmapped', undefined);
    return { unified: 'unmapped', ...d, outcome: 'unknown', next: 'query', party: 'provider', disclosure: 'generic', confidence, evidence };
  };

  return function classify(input: ClassifyInput): Classification {
    const message = typeof input?.message === 'string' ? input.message.slice(0, MAX_TEXT) : '';
    const flow = input?.flow;
    const text = fold(message);
    const words = codeWords(input?.code);
    if (text === '' && words === '') return unmapped(0, [{ kind: 'threshold', detail: 'no message to classify' }]);

    const cands = new Map<string, Candidate>();
    const cand = (u: string): Candidate => {
      let c = cands.get(u);
      if (!c) {
        c = { unified: u, pattern: 0, similar: 0, score: 0 };
        cands.set(u, c);
      }
      return c;
    };
    const evidence: Evidence[] = [];
    const hitsByUnified = new Map<string, number>();

    for (const r of usePatterns ? RULES : []) {
      if (r.flows && (flow === undefined || !r.flows.includes(flow))) continue;
      if (unified.codes[r.unified] === undefined) continue;
      let w = 0;
      let kind: Evidence['kind'] = 'pattern';
      let m = text ? r.re.exec(text) : null;
      if (m) w = r.weight;
      else if (words) {
        m = r.re.exec(words);
        if (m) {
          w = r.weight * CODE_WEIGHT;
          kind = 'code';
        }
      }
      if (!m) continue;
      const c = cand(r.unified);
      const n = hitsByUnified.get(r.unified) ?? 0;
      hitsByUnified.set(r.unified, n + 1);
      // A second rule for the same code adds a little; it is rarely independent evidence.
      c.pattern = c.pattern === 0 ? w : Math.min(0.99, Math.max(c.pattern, w) + 0.04);
      evidence.push({ kind, detail: `${r.id} → ${r.unified}: "${m[0].trim().slice(0, 40)}"`, weight: round(w) });
    }

    let similar: SimilarHit[] = [];
    const simText = [message, words].filter(Boolean).join(' ');
    if (useSimilarity) similar = getIndex().query(simText, 5);
    for (const h of similar) {
      if (h.score < 0.2 || unified.codes[h.unified] === undefined) continue;
      const c = cand(h.unified);
      c.similar = Math.max(c.similar, h.score);
    }
    for (const h of similar.slice(0, 3)) {
      if (h.score >= 0.2) evidence.push({ kind: 'similar', detail: `${h.ref} → ${h.unified}`, weight: round(h.score) });
    }

    for (const c of cands.values()) c.score = noisyOr(c.pattern, SIMILARITY_WEIGHT * c.similar);
    const ranked = [...cands.values()].sort((a, b) => b.score - a.score || b.pattern - a.pattern);
    const best = ranked[0];
    if (best === undefined) return unmapped(0, [...evidence, { kind: 'threshold', detail: 'no pattern or similar entry matched' }]);

    const d = decisionOf(best.unified, flow);
    // Confidence drops when a runner-up would lead to a different decision.
    const rival = ranked.find((c) => {
      if (c === best) return false;
      const o = decisionOf(c.unified, flow);
      return o.outcome !== d.outcome || o.next !== d.next;
    });
    let confidence = best.score - (rival ? 0.35 * rival.score : 0);
    confidence = Math.max(0, Math.min(1, confidence));

    let result: Classification = { unified: best.unified, ...d, confidence: round(confidence), evidence };
    result = guard(result, text || words, words, flow, decisionOf);
    if (result.confidence < threshold) {
      return unmapped(result.confidence, [
        ...result.evidence,
        { kind: 'threshold', detail: `confidence ${result.confidence} is below ${threshold}` },
      ]);
    }
    return result;
  };
}

type DecisionOf = (
  u: string,
  flow: Flow | undefined,
) => { category: string; outcome: Outcome; next: Next; party: Party; disclosure: Classification['disclosure'] };

/** Checks the final answer against the danger words; see guard.ts. */
function guard(r: Classification, text: string, words: string, flow: Flow | undefined, decisionOf: DecisionOf): Classification {
  const all = words && words !== text ? `${text} ${words}` : text;
  if (r.outcome === 'succeeded' && !saysSuccess(text, flow)) {
    const u = r.unified === 'approved' ? 'request_accepted' : r.unified;
    return {
      ...r,
      unified: u,
      ...decisionOf(u, flow),
      outcome: 'unknown',
      next: 'query',
      evidence: [...r.evidence, { kind: 'threshold', detail: 'safety guard: the text does not plainly say this transaction succeeded' }],
    };
  }
  if (isRiskyFailure(r.outcome, r.next)) {
    const danger = dangerIn(all);
    if (danger) {
      const keep = danger.members.includes(r.unified);
      const u = keep ? r.unified : danger.unified;
      const base = decisionOf(u, flow);
      const safe = isRiskyFailure(base.outcome, base.next) ? { outcome: 'unknown' as const, next: 'query' as const } : {};
      return {
        ...r,
        unified: u,
        ...base,
        ...safe,
        evidence: [
          ...r.evidence,
          {
            kind: 'threshold',
            detail: `safety guard (${danger.family}): ${r.unified} ${r.outcome}/${r.next} would invite a retry; answered ${u} instead`,
          },
        ],
      };
    }
  }
  return r;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

export { DANGERS };
