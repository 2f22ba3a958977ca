import { createFold } from '../text/fold.js';
import { type CanonicalRule, canonicalCode, plainCode } from './canonical.js';
import type { ProviderData, UnifiedData } from './data.js';
import { checkData } from './data-version.js';
import {
  type Asked,
  createDecisionBuilder,
  type DecisionBuilder,
  type DecisionMessages,
  type NetworkFacts,
  type SourcedVerdict,
} from './decision.js';
import { PaycodesInputError } from './errors.js';
import { resolveLang } from './lang.js';
import { isNetwork, networkCode, readNetwork } from './network.js';
import { NETWORKS, type RetryRules } from './network-rules.js';
import { entryFlows, flowPatch, forFlow, safest, sameVerdict, verdictOf } from './policy.js';
import { type Classification, type Classifier, type Decision, FLOWS, type Flow, LANGS, type Lang, type NormalizeInput } from './types.js';

export interface NormalizerData {
  providers: readonly ProviderData[];
  unified: UnifiedData;
  /** English is required; other languages fall back to it. */
  messages: DecisionMessages;
  /** Consulted for unknown codes that come with a provider message. */
  classify?: Classifier;
  /** Card-network rules (catalog/retry-rules.yaml), for inputs that carry `network`. */
  networks?: RetryRules;
}

/** One way to read a (provider, code): the entry's decision, possibly specialised for a flow. */
export type Reading = SourcedVerdict;

interface CompiledProvider {
  data: ProviderData;
  rule: CanonicalRule;
  /**
   * Built on first use by `readingsOf`. Present from the start, as undefined, so that every provider
   * keeps one object shape: the hot path's `cache` read then sees one shape, not two.
   */
  readings: Map<string, Reading[]> | undefined;
  /** Frozen no-message decisions by [flow index * LANGS.length + lang index] then code; filled on first use. */
  cache: Map<string, Decision>[];
  /**
   * How many answers the caches hold beyond the catalog's own codes (unknown codes, and codes as
   * callers spell them: `1201 `, `e001` for `E001`), across flows and languages.
   */
  unknownCount: number;
  /** Folds a message and the provider's texts alike, with the provider's slice of the Traditional → Simplified table. */
  fold: (text: string) => string;
}

const FLOW_INDEX = new Map<unknown, number>(FLOWS.map((f, i) => [f, i]));
const LANG_INDEX = new Map<unknown, number>(LANGS.map((l, i) => [l, i]));
/** Unmapped answers remembered per provider; past this, unknown codes are answered afresh each time. */
const MAX_CACHED_UNKNOWN = 4096;
/** Provider ids remembered as unknown; a bound, so that hostile input cannot grow memory. */
const MAX_UNKNOWN_PROVIDERS = 1024;
/**
 * Classifier answers remembered per generation (two are kept), so hostile input cannot grow memory.
 * Small on purpose: every answer held is copied by each young-generation collection until it is
 * dropped, and a log of distinct messages fills the cache with answers no one asks for again. At
 * 256 per generation, `paycodes normalize` of such a log took about 7 % longer than at 64, while a
 * log cycling through 200 distinct messages ran as fast at 64 (side by side, five runs each).
 */
const MAX_CACHED_CLASSIFIED = 64;
/**
 * Messages seen once, remembered per generation (two are kept) by their key alone: an answer is kept
 * only for a message seen before. Holding every fresh answer kept the first few dozen alive when V8's
 * first young-generation collections ran, and V8 then allocated that kind of object in the old
 * generation for the rest of the run: on a log of distinct messages, one process in two read it about
 * a third slower, with four times the collection time (docs/benchmarks.md, Classifier).
 */
const MAX_SEEN_MESSAGES = 1024;
/** Real provider messages are short; longer ones are classified afresh rather than held as keys. */
const MAX_CACHED_MESSAGE = 256;
/** Far above any real provider message; longer text is cut before matching. */
const MAX_MESSAGE_LENGTH = 4096;

/** The loose form of a provider name: `SHOPLINE Payments` and `shopline-payments` meet. */
export function providerKey(id: string): string {
  // Letters and digits of any script: an alias such as 다날 or 银联 is a key of its own, not "".
  return id
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

export interface Normalizer {
  normalize(input: NormalizeInput): Decision;
  /** Every reading of a canonical (provider, code), or undefined when the catalog does not have it. */
  readings(provider: string, code: string | number): { provider: ProviderData; code: string; readings: readonly Reading[] } | undefined;
  /** The provider's data for an id or alias, loosely matched. */
  provider(id: string): ProviderData | undefined;
  /** The one Decision builder over this normalizer's data, for answers that are not catalog codes. */
  readonly decisions: DecisionBuilder;
}

/**
 * Builds `normalize()` over compiled catalog data. The core has no dependencies, so it bundles for
 * browsers and edge runtimes with just the providers and languages you pass in.
 *
 * Answers are a pure function of the input: the caches hold only answers that the same input would
 * get afresh, keyed on provider, canonical code, flow and language, and only for calls without a
 * message; classifier answers are keyed on the message as well.
 */
export function createNormalizer(data: NormalizerData): Normalizer {
  checkData(data);
  const { unified, messages, classify } = data;
  const byKey = new Map<string, CompiledProvider>();
  const build = createDecisionBuilder(unified, messages);
  /** Folded provider texts of each entry (shared by its readings), for matching a caller's message. */
  const foldedTexts = new WeakMap<Readonly<Record<string, string>>, string[]>();
  const foldedOf = (p: CompiledProvider, r: Reading): string[] => {
    let f = foldedTexts.get(r.texts);
    if (f === undefined) {
      f = Object.values(r.texts).map(p.fold);
      foldedTexts.set(r.texts, f);
    }
    return f;
  };

  /** A provider's readings, built on its first use: most processes ask about a few providers of many. */
  const compileReadings = (pd: ProviderData): Map<string, Reading[]> => {
    const readings = new Map<string, Reading[]>();
    for (const [code, flow, scene, u, texts, line, , override] of pd.entries) {
      const base = unified.codes[u];
      if (base === undefined) throw new Error(`${pd.id} ${code}: unknown unified code ${u}`);
      const textMap: Record<string, string> = {};
      pd.languages.forEach((l, i) => {
        if (texts[i] !== undefined && texts[i] !== '') textMap[l] = texts[i] as string;
      });
      Object.freeze(textMap);
      const patches = unified.flows[u];
      const list = readings.get(code) ?? [];
      for (const f of entryFlows(flow, patches)) {
        list.push({
          flow: f,
          unified: u,
          category: base[0],
          disclosure: base[4],
          ...verdictOf(base, flowPatch(patches, f), override),
          scene,
          texts: textMap,
          line,
        });
      }
      readings.set(code, list);
    }
    return readings;
  };
  const readingsOf = (cp: CompiledProvider): Map<string, Reading[]> => {
    cp.readings ??= compileReadings(cp.data);
    return cp.readings;
  };

  for (const pd of data.providers) {
    const compiled: CompiledProvider = {
      data: pd,
      rule: pd.canonical,
      readings: undefined,
      cache: Array.from({ length: FLOWS.length * LANGS.length }, () => new Map<string, Decision>()),
      unknownCount: 0,
      fold: createFold(pd.fold ?? ''),
    };
    byKey.set(pd.id, compiled);
    byKey.set(providerKey(pd.id), compiled);
    for (const a of pd.aliases) byKey.set(providerKey(a), compiled);
  }

  /** The readings whose provider text matches the caller's message, or all of them when none does. */
  const matching = (p: CompiledProvider, cands: readonly Reading[], message: string): readonly Reading[] => {
    const m = p.fold(message.slice(0, MAX_MESSAGE_LENGTH));
    if (m.length === 0) return cands;
    const hit = cands.filter((r) =>
      foldedOf(p, r).some((f) => f === m || (m.length >= 4 && f.includes(m)) || (f.length >= 4 && m.includes(f))),
    );
    return hit.length > 0 ? hit : cands;
  };

  const decide = (p: CompiledProvider, asked: Asked, all: Reading[], message?: string): Decision => {
    let cands = forFlow(all, asked.flow);
    if (message !== undefined && cands.length > 1) cands = matching(p, cands, message);
    const best = safest(cands);
    const others: Reading[] = [];
    for (const r of cands) {
      if (r === best || sameVerdict(r, best) || others.some((o) => sameVerdict(o, r))) continue;
      others.push(r);
    }
    return build.fromReading(asked, p.data.document, best, others);
  };

  // Keyed on everything the classifier sees; the language only picks the words afterwards.
  // Two generations: a full young map becomes the old one and a hit there moves back. Dropping the
  // oldest entry one at a time instead would leave V8's map scanning its deleted slots on each
  // eviction, which a log of distinct messages pays for on every record.
  let classified = new Map<string, Classification>();
  let classifiedBefore = new Map<string, Classification>();
  let seen = new Set<string>();
  let seenBefore = new Set<string>();
  const classifyCached = (provider: string, code: string, flow: Flow, message: string): Classification => {
    if (message.length > MAX_CACHED_MESSAGE) return (classify as Classifier)({ code, message, provider, flow });
    const key = `${provider}\u0000${code}\u0000${flow}\u0000${message}`;
    let c = classified.get(key);
    if (c !== undefined) return c;
    c = classifiedBefore.get(key);
    if (c === undefined) {
      c = (classify as Classifier)({ code, message, provider, flow });
      // A first sighting leaves only its key (MAX_SEEN_MESSAGES); the answer is kept from the second.
      if (!seen.has(key) && !seenBefore.has(key)) {
        if (seen.size >= MAX_SEEN_MESSAGES) {
          seenBefore = seen;
          seen = new Set();
        }
        seen.add(key);
        return c;
      }
    }
    if (classified.size >= MAX_CACHED_CLASSIFIED) {
      classifiedBefore = classified;
      classified = new Map();
    }
    classified.set(key, c);
    return c;
  };

  const unmapped = (asked: Asked, message: string | undefined): Decision => {
    if (classify !== undefined && message !== undefined && message.trim() !== '') {
      const c = classifyCached(asked.provider, asked.code, asked.flow, message.slice(0, MAX_MESSAGE_LENGTH));
      return build.fromClassification(asked, c);
    }
    return build.unmapped(asked);
  };

  // Ids already found to name no provider: a log from a provider outside the catalog asks with the
  // same id on every record, and its key (NFKC, case, punctuation) need not be worked out each time.
  const notProviders = new Set<string>();
  const lookupProvider = (id: string): CompiledProvider | undefined => {
    const hit = byKey.get(id);
    if (hit !== undefined || notProviders.has(id)) return hit;
    const p = byKey.get(providerKey(id));
    if (p === undefined) {
      if (notProviders.size >= MAX_UNKNOWN_PROVIDERS) notProviders.clear();
      notProviders.add(id);
    }
    return p;
  };

  // One-entry memos of the last provider id and the last flow seen: batches and services mostly ask
  // about one provider and one flow at a time, and a Map lookup costs as much as the rest of the hot
  // path. They only ever hold an id or a flow that was found (lastProvider is what byKey has for
  // lastId), so the index is always a number, and they start as strings so that V8 compiles the
  // comparisons below as string comparisons.
  let lastId: unknown = '';
  let lastProvider = byKey.get('');
  let lastFlow: unknown = 'any';
  let lastFlowIndex = 0;

  /**
   * The hot path: a code string for a known provider id, with no message or card-network facts,
   * answered from the cache. Anything else, or a cache miss, goes to `normalizeInput`, which answers
   * every input (and fills the cache). Kept small so that V8 inlines it into the caller: the memos
   * are written only when they change, and the default flow and language need no index.
   */
  const normalize = (input: NormalizeInput): Decision => {
    if (typeof input === 'object' && input !== null) {
      const code = input.code;
      if (
        typeof code === 'string' &&
        input.message === undefined &&
        input.network === undefined &&
        input.networkCode === undefined &&
        input.adviceCode === undefined
      ) {
        const provider = input.provider;
        if (provider !== lastId) {
          const p = byKey.get(provider);
          if (p === undefined) return normalizeInput(input);
          lastId = provider;
          lastProvider = p;
        }
        const flow = input.flow;
        let slot = 0;
        if (flow !== undefined) {
          if (flow !== lastFlow) {
            const fi = FLOW_INDEX.get(flow);
            if (fi === undefined) return normalizeInput(input);
            lastFlow = flow;
            lastFlowIndex = fi;
          }
          slot = lastFlowIndex * LANGS.length;
        }
        const lang = input.lang;
        if (lang !== undefined) {
          const li = LANG_INDEX.get(lang);
          if (li === undefined) return normalizeInput(input);
          slot += li;
        }
        const hit = lastProvider?.cache[slot]?.get(code);
        if (hit !== undefined) return hit;
      }
    }
    return normalizeInput(input);
  };

  /** Every input: checks it, reads card-network facts, and finds or builds the answer. */
  const normalizeInput = (input: NormalizeInput): Decision => {
    if (typeof input !== 'object' || input === null) {
      throw new PaycodesInputError('input', 'normalize() takes an object: { provider, code, flow?, message?, lang? }');
    }
    const provider = input.provider;
    const code = input.code;
    const flow = input.flow;
    const lang = input.lang;
    const message = input.message;
    if (input.network !== undefined || input.networkCode !== undefined || input.adviceCode !== undefined) {
      return withNetwork(slowNormalize(provider, code, flow, lang, message), input);
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
    if (cp === undefined) return unmapped({ provider: trimmed.toLowerCase(), code: plainCode(code), flow: f, lang: l }, msg);
    const c = canonicalCode(cp.rule, code);
    const asked: Asked = { provider: cp.data.id, code: c, flow: f, lang: l };
    const all = readingsOf(cp).get(c);
    const cache = cp.cache[fi * LANGS.length + li] as Map<string, Decision>;
    if (all === undefined) {
      // A message can make the classifier read an unknown code; only the message-less answer is shared.
      if (msg !== undefined) return unmapped(asked, msg);
      let d = cache.get(c);
      if (d === undefined) {
        d = build.unmapped(asked);
        // Logs repeat their unknown codes; remember a bounded number so hostile input cannot grow memory.
        if (cp.unknownCount < MAX_CACHED_UNKNOWN) {
          cp.unknownCount++;
          cache.set(c, d);
        }
      }
      return spelled(cp, cache, code, c, d);
    }
    // With one reading there is nothing for a message to choose between, so the shared answer holds.
    if (msg !== undefined && all.length > 1) return decide(cp, asked, all, msg);
    let d = cache.get(c);
    if (d === undefined) {
      d = decide(cp, asked, all);
      cache.set(c, d);
    }
    return spelled(cp, cache, code, c, d);
  };

  /**
   * Remembers the answer under the code as the caller spelled it too, when that is not the canonical
   * form (`e001`, `1201 `): the hot path looks codes up as given, and a log spells a code the same
   * way on every line. No spelling can be another code's canonical form (canonical forms are their
   * own canonical forms), and the same bound as for unknown codes applies.
   */
  const spelled = (cp: CompiledProvider, cache: Map<string, Decision>, code: string | number, c: string, d: Decision): Decision => {
    if (typeof code === 'string' && code !== c && cp.unknownCount < MAX_CACHED_UNKNOWN && !cache.has(code)) {
      cp.unknownCount++;
      cache.set(code, d);
    }
    return d;
  };

  const withNetwork = (base: Decision, input: NormalizeInput): Decision => {
    const network: unknown = input.network;
    if (!isNetwork(network)) {
      if (network === undefined || network === null) throw new PaycodesInputError('network', 'networkCode and adviceCode need network');
      const got = typeof network === 'string' ? JSON.stringify(network.slice(0, 40)) : typeof network;
      throw new PaycodesInputError('network', `network must be one of ${NETWORKS.join(', ')}, got ${got}`);
    }
    const code = networkCode(input.networkCode);
    if (code === undefined && input.networkCode !== undefined && input.networkCode !== null) {
      throw new PaycodesInputError('networkCode', 'networkCode must be 1 to 8 letters or digits, e.g. 51 or N7');
    }
    const advice = networkCode(input.adviceCode);
    if (advice === undefined && input.adviceCode !== undefined && input.adviceCode !== null) {
      throw new PaycodesInputError('adviceCode', 'adviceCode must be 1 to 8 letters or digits, e.g. 24');
    }
    const rules = data.networks;
    const facts: NetworkFacts = {
      network,
      reading: rules === undefined ? { network, groups: [] } : readNetwork(rules, network, code, advice),
    };
    if (code !== undefined) facts.code = code;
    if (advice !== undefined) facts.advice = advice;
    if (code !== undefined) {
      for (const id of rules?.networks[network]?.catalogs ?? []) {
        const p = lookupProvider(id);
        if (p === undefined || !readingsOf(p).has(canonicalCode(p.rule, code))) continue;
        facts.issuer = { catalog: p.data.id, decision: slowNormalize(p.data.id, code, base.flow, input.lang, undefined) };
        break;
      }
    }
    return build.withNetwork(base, facts);
  };

  return {
    normalize,
    decisions: build,
    provider: (id) => lookupProvider(id)?.data,
    readings(provider, code) {
      const p = lookupProvider(provider);
      if (p === undefined) return undefined;
      const c = canonicalCode(p.rule, code);
      const r = readingsOf(p).get(c);
      return r === undefined ? undefined : { provider: p.data, code: c, readings: r };
    },
  };
}
