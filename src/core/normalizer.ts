import { type CanonicalRule, canonicalCode, plainCode } from './canonical.js';
import type { DecisionPatch, MessageTable, ProviderData, UnifiedData } from './data.js';
import { PaycodesInputError } from './errors.js';
import { resolveLang } from './lang.js';
import {
  type Classifier,
  type Decision,
  type DecisionSource,
  FLOWS,
  type Flow,
  LANGS,
  type Lang,
  NEXT_STEPS,
  type NormalizeInput,
  OUTCOMES,
} from './types.js';

export interface NormalizerData {
  providers: readonly ProviderData[];
  unified: UnifiedData;
  /** English is required; other languages fall back to it. */
  messages: { en: MessageTable } & Partial<Record<Lang, MessageTable>>;
  /** Consulted for unknown codes that come with a provider message. */
  classify?: Classifier;
}

/** One way to read a (provider, code): the entry's decision, possibly specialised for a flow. */
export interface Reading {
  flow: Flow;
  unified: string;
  category: string;
  outcome: Decision['outcome'];
  next: Decision['next'];
  party: Decision['party'];
  disclosure: Decision['disclosure'];
  reason: string;
  scene: string;
  texts: Record<string, string>;
  line: number;
}

interface CompiledProvider {
  data: ProviderData;
  rule: CanonicalRule;
  readings: Map<string, Reading[]>;
  /** Frozen decisions by [flow index * LANGS.length + lang index] then code; filled on first use. */
  cache: Map<string, Decision>[];
  /** How many unmapped answers the caches hold, across flows and languages. */
  unknownCount: number;
}

const FLOW_INDEX = new Map<unknown, number>(FLOWS.map((f, i) => [f, i]));
const LANG_INDEX = new Map<unknown, number>(LANGS.map((l, i) => [l, i]));
const OUTCOME_RANK = new Map<string, number>([
  ['unknown', 0],
  ['pending', 1],
  ['failed', 2],
  ['succeeded', 3],
]);
const NEXT_RANK = new Map<string, number>(
  ['query', 'wait', 'stop', 'ask_customer', 'fix_and_retry', 'retry', 'done'].map((n, i) => [n, i]),
);
/** Unmapped answers remembered per provider; past this, unknown codes are answered afresh each time. */
const MAX_CACHED_UNKNOWN = 4096;
/** Far above any real provider message; longer text is cut before matching. */
const MAX_MESSAGE_LENGTH = 4096;

/** Lower is safer: a reading that leaves money in doubt beats one that says it failed or succeeded. */
function safety(r: Reading): number {
  return (OUTCOME_RANK.get(r.outcome) ?? 0) * 16 + (NEXT_RANK.get(r.next) ?? 0);
}

function sameDecision(a: Reading, b: Reading): boolean {
  return a.unified === b.unified && a.outcome === b.outcome && a.next === b.next && a.party === b.party;
}

function foldText(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The loose form of a provider name: `SHOPLINE Payments` and `shopline-payments` meet. */
export function providerKey(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9]/g, '');
}

function freezeDeep<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    for (const v of Object.values(o)) freezeDeep(v);
    Object.freeze(o);
  }
  return o;
}

export interface Normalizer {
  normalize(input: NormalizeInput): Decision;
  /** Every reading of a canonical (provider, code), or undefined when the catalog does not have it. */
  readings(provider: string, code: string | number): { provider: ProviderData; code: string; readings: readonly Reading[] } | undefined;
  /** The provider's data for an id or alias, loosely matched. */
  provider(id: string): ProviderData | undefined;
}

/**
 * Builds `normalize()` over compiled catalog data. The core has no dependencies, so it bundles for
 * browsers and edge runtimes with just the providers and languages you pass in.
 */
export function createNormalizer(data: NormalizerData): Normalizer {
  const { unified, messages, classify } = data;
  const byKey = new Map<string, CompiledProvider>();

  const applyPatch = (r: Reading, p: DecisionPatch | undefined | 0): void => {
    if (!p) return;
    if (p[0]) r.outcome = p[0];
    if (p[1]) r.next = p[1];
    if (p[2]) r.party = p[2];
    if (p[3]) r.reason = p[3];
  };

  for (const pd of data.providers) {
    const readings = new Map<string, Reading[]>();
    for (const [code, flow, scene, u, texts, line, , override] of pd.entries) {
      const base = unified.codes[u];
      if (base === undefined) throw new Error(`${pd.id} ${code}: unknown unified code ${u}`);
      const textMap: Record<string, string> = {};
      pd.languages.forEach((l, i) => {
        if (texts[i] !== undefined && texts[i] !== '') textMap[l] = texts[i] as string;
      });
      const flowPatches = unified.flows[u] ?? {};
      const make = (f: Flow): Reading => {
        const r: Reading = {
          flow: f,
          unified: u,
          category: base[0],
          outcome: base[1],
          next: base[2],
          party: base[3],
          disclosure: base[4],
          reason: '',
          scene,
          texts: textMap,
          line,
        };
        applyPatch(r, flowPatches[f]);
        applyPatch(r, override);
        return r;
      };
      const list = readings.get(code) ?? [];
      list.push(make(flow));
      if (flow === 'any') {
        for (const f of Object.keys(flowPatches) as Flow[]) if (f !== 'any') list.push(make(f));
      }
      readings.set(code, list);
    }
    const compiled: CompiledProvider = {
      data: pd,
      rule: pd.canonical,
      readings,
      cache: Array.from({ length: FLOWS.length * LANGS.length }, () => new Map<string, Decision>()),
      unknownCount: 0,
    };
    byKey.set(pd.id, compiled);
    byKey.set(providerKey(pd.id), compiled);
    for (const a of pd.aliases) byKey.set(providerKey(a), compiled);
  }

  const unmappedBase = unified.codes.unmapped;
  if (unmappedBase === undefined) throw new Error('the unified table has no `unmapped` code');

  const texts = (u: string, lang: Lang): [string, string] => messages[lang]?.[u] ?? messages.en[u] ?? messages.en.unmapped ?? ['', ''];

  // Shared and frozen: every unmapped answer in one language carries the same words.
  const unmappedMessages = LANGS.map((l) => {
    const [customer, merchant] = texts('unmapped', l);
    return Object.freeze({ customer, merchant });
  });

  const toDecision = (p: CompiledProvider, code: string, flow: Flow, lang: Lang, r: Reading): Decision => {
    const [customer, merchant] = texts(r.unified, lang);
    const source: DecisionSource = { messages: r.texts, document: p.data.document, line: r.line, flow: r.flow };
    if (r.scene) source.scene = r.scene;
    const d: Decision = {
      provider: p.data.id,
      code,
      flow,
      known: true,
      unified: r.unified,
      category: r.category,
      outcome: r.outcome,
      next: r.next,
      party: r.party,
      disclosure: r.disclosure,
      message: { customer, merchant },
      source,
      confidence: 1,
    };
    if (r.reason) d.reason = r.reason;
    return d;
  };

  /** The readings that answer for `flow`: exact flow, then `any`, then every flow the code has. */
  const candidates = (all: Reading[], flow: Flow): Reading[] => {
    if (flow !== 'any') {
      const exact = all.filter((r) => r.flow === flow);
      if (exact.length > 0) return exact;
      const any = all.filter((r) => r.flow === 'any');
      if (any.length > 0) return any;
    }
    return all;
  };

  const decide = (p: CompiledProvider, code: string, all: Reading[], flow: Flow, lang: Lang, message?: string): Decision => {
    let cands = candidates(all, flow);
    if (message !== undefined && cands.length > 1) {
      const m = foldText(message.slice(0, MAX_MESSAGE_LENGTH));
      if (m.length > 0) {
        const hit = cands.filter((r) =>
          Object.values(r.texts).some((t) => {
            const f = foldText(t);
            return f === m || (m.length >= 4 && f.includes(m)) || (f.length >= 4 && m.includes(f));
          }),
        );
        if (hit.length > 0) cands = hit;
      }
    }
    let best = cands[0] as Reading;
    for (const r of cands) if (safety(r) < safety(best)) best = r;
    const d = toDecision(p, code, flow, lang, best);
    const others: Reading[] = [];
    for (const r of cands) {
      if (r === best || sameDecision(r, best) || others.some((o) => sameDecision(o, r))) continue;
      others.push(r);
    }
    if (others.length > 0) d.alternatives = others.map((r) => toDecision(p, code, r.flow, lang, r));
    return freezeDeep(d);
  };

  const unmapped = (provider: string, code: string, flow: Flow, lang: Lang, message: string | undefined): Decision => {
    if (classify !== undefined && message !== undefined && message.trim() !== '') {
      const c = classify({ code, message: message.slice(0, MAX_MESSAGE_LENGTH), provider, flow });
      if (c.unified !== 'unmapped' && OUTCOMES.includes(c.outcome) && NEXT_STEPS.includes(c.next)) {
        const [customer, merchant] = texts(c.unified, lang);
        return {
          provider,
          code,
          flow,
          known: false,
          unified: c.unified,
          category: c.category,
          outcome: c.outcome,
          next: c.next,
          party: c.party,
          disclosure: c.disclosure,
          message: { customer, merchant },
          confidence: c.confidence,
          evidence: c.evidence,
        };
      }
      const [customer, merchant] = texts('unmapped', lang);
      return {
        provider,
        code,
        flow,
        known: false,
        unified: 'unmapped',
        category: unmappedBase[0],
        outcome: 'unknown',
        next: 'query',
        party: 'provider',
        disclosure: 'generic',
        message: { customer, merchant },
        confidence: c.confidence,
        evidence: c.evidence,
      };
    }
    return {
      provider,
      code,
      flow,
      known: false,
      unified: 'unmapped',
      category: unmappedBase[0],
      outcome: 'unknown',
      next: 'query',
      party: 'provider',
      disclosure: 'generic',
      message: unmappedMessages[LANGS.indexOf(lang)] as Decision['message'],
      confidence: 0,
    };
  };

  const lookupProvider = (id: string): CompiledProvider | undefined => byKey.get(id) ?? byKey.get(providerKey(id));

  // A one-entry memo of the last provider seen: batches and services mostly ask about one provider
  // at a time, and it saves a map lookup on the hot path.
  let lastId: unknown;
  let lastProvider: CompiledProvider | undefined;
  let lastFlow: unknown;
  let lastFlowIndex: number | undefined;

  const normalize = (input: NormalizeInput): Decision => {
    if (typeof input !== 'object' || input === null) {
      throw new PaycodesInputError('input', 'normalize() takes an object: { provider, code, flow?, message?, lang? }');
    }
    const provider = input.provider;
    const code = input.code;
    const flow = input.flow;
    const lang = input.lang;
    const message = input.message;
    // Fast path: a canonical code string for a provider id, nothing to weigh a message against.
    if (typeof code === 'string' && (message === undefined || message === null)) {
      const p = provider === lastId ? lastProvider : byKey.get(provider);
      if (p !== undefined) {
        lastId = provider;
        lastProvider = p;
        let fi: number | undefined = 0;
        if (flow !== undefined && flow !== null) {
          if (flow !== lastFlow) {
            lastFlowIndex = FLOW_INDEX.get(flow);
            lastFlow = flow;
          }
          fi = lastFlowIndex;
        }
        const li = lang === undefined || lang === null ? 0 : LANG_INDEX.get(lang);
        if (fi !== undefined && li !== undefined) {
          const hit = p.cache[fi * LANGS.length + li]?.get(code);
          if (hit !== undefined) return hit;
        }
      }
    }
    return slowNormalize(provider, code, flow, lang, message);
  };

  const slowNormalize = (provider: unknown, code: unknown, flow: unknown, lang: unknown, message: unknown): Decision => {
    if (typeof provider !== 'string') {
      throw new PaycodesInputError('provider', `provider must be a string, got ${provider === null ? 'null' : typeof provider}`);
    }
    const fi = flow === undefined || flow === null ? 0 : FLOW_INDEX.get(flow);
    if (fi === undefined) {
      const got = typeof flow === 'string' ? JSON.stringify(flow.slice(0, 40)) : typeof flow;
      throw new PaycodesInputError('flow', `flow must be one of ${FLOWS.join(', ')}, got ${got}`);
    }
    let li = lang === undefined || lang === null ? 0 : LANG_INDEX.get(lang);
    if (li === undefined) li = LANGS.indexOf(resolveLang(lang));
    if (message !== undefined && message !== null && typeof message !== 'string') {
      throw new PaycodesInputError('message', `message must be a string, got ${typeof message}`);
    }
    if (typeof code !== 'string' && typeof code !== 'number') {
      throw new PaycodesInputError('code', `code must be a string or a number, got ${code === null ? 'null' : typeof code}`);
    }
    const msg = (message ?? undefined) as string | undefined;
    const trimmed = provider.trim();
    if (trimmed.length === 0) throw new PaycodesInputError('provider', 'provider is empty');
    if (trimmed.length > 64) throw new PaycodesInputError('provider', 'provider is longer than 64 characters');
    const f = FLOWS[fi] as Flow;
    const l = LANGS[li] as Lang;
    const cp = byKey.get(provider) ?? lookupProvider(trimmed);
    if (cp === undefined) return unmapped(trimmed.toLowerCase(), plainCode(code), f, l, msg);
    const c = canonicalCode(cp.rule, code);
    const cache = cp.cache[fi * LANGS.length + li] as Map<string, Decision>;
    const cached = cache.get(c);
    if (cached !== undefined && (msg === undefined || cached.alternatives === undefined)) return cached;
    const all = cp.readings.get(c);
    if (all === undefined) {
      const d = unmapped(cp.data.id, c, f, l, msg);
      // Logs repeat their unknown codes; remember a bounded number so hostile input cannot grow memory.
      if (msg === undefined && cp.unknownCount < MAX_CACHED_UNKNOWN) {
        cp.unknownCount++;
        cache.set(c, Object.freeze(d));
      }
      return d;
    }
    if (msg !== undefined && all.length > 1) return decide(cp, c, all, f, l, msg);
    const d = decide(cp, c, all, f, l);
    cache.set(c, d);
    return d;
  };

  return {
    normalize,
    provider: (id) => lookupProvider(id)?.data,
    readings(provider, code) {
      const p = lookupProvider(provider);
      if (p === undefined) return undefined;
      const c = canonicalCode(p.rule, code);
      const r = p.readings.get(c);
      return r === undefined ? undefined : { provider: p.data, code: c, readings: r };
    },
  };
}
