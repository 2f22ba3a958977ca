import type { DecisionPatch, MessageTable, UnifiedData } from './data.js';
import type { NetworkReading } from './network.js';
import type { Network } from './network-rules.js';
import { unifiedVerdict, type Verdict } from './policy.js';
import type { Classification, Decision, DecisionNetwork, DecisionSource, Evidence, Flow, Lang } from './types.js';
import { NEXT_STEPS, OUTCOMES } from './types.js';

/**
 * The one Decision builder. Every Decision that paycodes hands out (a catalog reading, a classifier
 * answer, an unmapped code, a transaction state) is shaped and frozen here, so the surfaces that
 * print decisions cannot disagree about what one holds.
 */

export type DecisionMessages = { en: MessageTable } & Partial<Record<Lang, MessageTable>>;

/** What the caller asked about, echoed in the Decision. */
export interface Asked {
  provider: string;
  code: string;
  flow: Flow;
  lang: Lang;
}

/** A catalog reading as the builder needs it: the verdict plus where it came from. */
export interface SourcedVerdict extends Verdict {
  flow: Flow;
  unified: string;
  category: string;
  disclosure: Decision['disclosure'];
  scene: string;
  texts: Readonly<Record<string, string>>;
  line: number;
}

export interface DecisionBuilder {
  /** A catalog reading, with the other readings that also answer for the asked flow. */
  fromReading(asked: Asked, document: string, r: SourcedVerdict, others?: readonly SourcedVerdict[]): Decision;
  /** A classifier answer for a code the catalog does not have; falls back to unmapped when unusable. */
  fromClassification(asked: Asked, c: Classification): Decision;
  /** A code nobody can read: money in doubt, ask the provider. */
  unmapped(asked: Asked, confidence?: number, evidence?: Evidence[]): Decision;
  /**
   * A unified code with no catalog entry behind it (a transaction state, an HTTP answer), read for
   * the flow as an `any` entry would be, with an optional override on top.
   */
  fromUnified(asked: Asked, unified: string, options: { override?: DecisionPatch; known: boolean; confidence: number }): Decision;
  /**
   * A decision refined by the card network's facts. The issuer's own response code, where a network
   * catalog reads it as a decline, is more specific than the provider's generic decline or an
   * unmapped code, so it decides; both sources stay on the answer.
   */
  withNetwork(base: Decision, facts: NetworkFacts): Decision;
}

/** What the card network said about one payment, read by the normalizer. */
export interface NetworkFacts {
  network: Network;
  code?: string;
  advice?: string;
  /** The issuer code's reading in the first network catalog that has it. */
  issuer?: { catalog: string; decision: Decision };
  reading: NetworkReading;
}

/** Decisions are shared between callers, so nothing may change them after they are built. */
export function freezeDeep<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    for (const v of Object.values(o)) freezeDeep(v);
    Object.freeze(o);
  }
  return o;
}

export function createDecisionBuilder(unified: UnifiedData, messages: DecisionMessages): DecisionBuilder {
  const unmappedBase = unified.codes.unmapped;
  if (unmappedBase === undefined) throw new Error('the unified table has no `unmapped` code');

  const texts = (u: string, lang: Lang): [string, string] => messages[lang]?.[u] ?? messages.en[u] ?? messages.en.unmapped ?? ['', ''];

  // Shared and frozen, one per code and language: a log of distinct messages builds a decision per
  // record, and its words need not be copied (nor frozen) each time.
  const messageCache = new Map<string, Decision['message']>();
  const message = (u: string, lang: Lang): Decision['message'] => {
    const key = `${lang}\u0000${u}`;
    let m = messageCache.get(key);
    if (m === undefined) {
      const [customer, merchant] = texts(u, lang);
      m = Object.freeze({ customer, merchant });
      // Bounded by the taxonomy for the embedded data; the guard keeps hand-made data in bounds too.
      if (messageCache.size < 4096) messageCache.set(key, m);
    }
    return m;
  };

  const reading = (asked: Asked, document: string, r: SourcedVerdict): Decision => {
    const source: DecisionSource = r.scene
      ? { messages: r.texts, document, line: r.line, flow: r.flow, scene: r.scene }
      : { messages: r.texts, document, line: r.line, flow: r.flow };
    const d: { -readonly [K in keyof Decision]: Decision[K] } = {
      provider: asked.provider,
      code: asked.code,
      flow: asked.flow,
      known: true,
      unified: r.unified as Decision['unified'],
      category: r.category as Decision['category'],
      outcome: r.outcome,
      next: r.next,
      party: r.party,
      disclosure: r.disclosure,
      message: message(r.unified, asked.lang),
      source,
      confidence: 1,
    };
    if (r.reason) d.reason = r.reason;
    return d;
  };

  const unmapped = (asked: Asked, confidence = 0, evidence?: Evidence[]): Decision => {
    const d: { -readonly [K in keyof Decision]: Decision[K] } = {
      provider: asked.provider,
      code: asked.code,
      flow: asked.flow,
      known: false,
      unified: 'unmapped',
      category: unmappedBase[0] as Decision['category'],
      outcome: 'unknown',
      next: 'query',
      party: 'provider',
      disclosure: 'generic',
      message: message('unmapped', asked.lang),
      confidence,
    };
    if (evidence !== undefined) d.evidence = evidence;
    return freezeDeep(d);
  };

  return {
    fromReading(asked, document, r, others = []) {
      const d = reading(asked, document, r) as { alternatives?: Decision[] };
      if (others.length > 0) d.alternatives = others.map((o) => reading({ ...asked, flow: o.flow }, document, o));
      return freezeDeep(d as Decision);
    },

    fromClassification(asked, c) {
      const usable =
        c.unified !== 'unmapped' && unified.codes[c.unified] !== undefined && OUTCOMES.includes(c.outcome) && NEXT_STEPS.includes(c.next);
      if (!usable) return unmapped(asked, c.confidence, c.evidence);
      // The evidence is the only part made for this answer; the message is shared and frozen.
      // (A classifier passed in by hand may send no evidence or something else: frozen all the same.)
      if (Array.isArray(c.evidence)) {
        for (const e of c.evidence) Object.freeze(e);
        Object.freeze(c.evidence);
      } else freezeDeep(c.evidence);
      return Object.freeze({
        provider: asked.provider,
        code: asked.code,
        flow: asked.flow,
        known: false,
        unified: c.unified,
        category: c.category,
        outcome: c.outcome,
        next: c.next,
        party: c.party,
        disclosure: c.disclosure,
        message: message(c.unified, asked.lang),
        confidence: c.confidence,
        evidence: c.evidence,
      } as Decision);
    },

    unmapped,

    withNetwork(base, facts) {
      const issuer = facts.issuer?.decision;
      const useIssuer = issuer?.known === true && issuer.outcome === 'failed' && (base.outcome === 'failed' || base.unified === 'unmapped');
      const from = useIssuer ? issuer : base;
      const d: { -readonly [K in keyof Decision]: Decision[K] } = {
        provider: base.provider,
        code: base.code,
        flow: base.flow,
        known: base.known || useIssuer,
        unified: from.unified,
        category: from.category,
        outcome: from.outcome,
        next: from.next,
        party: from.party,
        disclosure: from.disclosure,
        message: from.message,
        confidence: useIssuer ? 1 : base.confidence,
      };
      if (base.source !== undefined) d.source = base.source;
      if (useIssuer) {
        d.reason = `the issuer's ${facts.network} response code ${facts.code} is more specific than the provider's ${base.unified}`;
      } else {
        if (base.alternatives !== undefined) d.alternatives = base.alternatives;
        if (base.reason !== undefined) d.reason = base.reason;
        if (base.evidence !== undefined) d.evidence = base.evidence;
      }
      const network: { -readonly [K in keyof DecisionNetwork]: DecisionNetwork[K] } = {
        network: facts.network,
        rules: facts.reading.groups.map((g) => g.id),
      };
      if (facts.code !== undefined) network.code = facts.code;
      if (facts.advice !== undefined) network.advice = facts.advice;
      if (facts.issuer !== undefined) {
        network.catalog = facts.issuer.catalog;
        network.unified = facts.issuer.decision.unified;
        if (facts.issuer.decision.source !== undefined) network.source = facts.issuer.decision.source;
      }
      d.network = network;
      // Soft/hard, step-up and recurring advice describe a decline; on any other outcome they would mislead.
      if (d.outcome === 'failed') {
        const decline = facts.reading.decline ?? (d.next === 'stop' ? 'hard' : undefined);
        if (decline !== undefined) d.decline = decline;
        if (facts.reading.stepUp) d.stepUp = true;
        if (facts.reading.recurring !== undefined) d.recurring = facts.reading.recurring;
      }
      return freezeDeep(d);
    },

    fromUnified(asked, u, options) {
      const base = unified.codes[u];
      if (base === undefined) throw new Error(`unified code ${u} is missing from the catalog`);
      const v = unifiedVerdict(base, unified.flows[u], asked.flow, options.override);
      const d: { -readonly [K in keyof Decision]: Decision[K] } = {
        provider: asked.provider,
        code: asked.code,
        flow: asked.flow,
        known: options.known,
        unified: u as Decision['unified'],
        category: base[0] as Decision['category'],
        outcome: v.outcome,
        next: v.next,
        party: v.party,
        disclosure: base[4],
        message: message(u, asked.lang),
        confidence: options.confidence,
      };
      if (v.reason) d.reason = v.reason;
      return freezeDeep(d);
    },
  };
}
