import { entriesForUnified, listEntries, listProviders, listUnified } from '../catalog/api.js';
import type { CanonicalRule } from '../core/canonical.js';
import { FLOWS, type Flow, type Lang, type Next, type Outcome, type Party } from '../core/types.js';
import { normalize, normalizer } from '../normalize.js';
import { VERSION } from '../version.js';

/**
 * What the web page reads. `/catalog.json` is the index: providers (with how each writes its
 * codes) and the unified codes, small enough for a phone's first load. `/catalog/<id>.json` holds
 * one provider's entries and codes, fetched when the page needs them. Both are public like the
 * page itself, so the page works when an API key guards /v1.
 */

export interface WebProviderInfo {
  id: string;
  name: string;
  /** BCP 47 tags of the provider's texts. */
  languages: string[];
  document: string;
  url: string;
  retrieved: string;
  entries: number;
  /** How the provider writes its codes: the page reads `#/code/qfpay/0` as 0000 with it. */
  canonical: CanonicalRule;
}

export interface WebIndex {
  version: string;
  flows: readonly Flow[];
  providers: WebProviderInfo[];
  unified: {
    code: string;
    category: string;
    outcome: Outcome;
    next: Next;
    party: Party;
    description: string;
    messages: Record<Lang, { customer: string; merchant: string }>;
    /** How many provider entries map here. */
    entries: number;
  }[];
}

/** One catalog entry, in catalog order, with the reading its own flow gets: what search indexes. */
export interface WebEntry {
  code: string;
  flow: Flow;
  scene?: string;
  unified: string;
  outcome: Outcome | '';
  next: Next | '';
  party: Party | '';
  /** The provider's text, verbatim, by language. */
  messages: Partial<Record<Lang, string>>;
  line: number;
  notes?: string;
}

export interface WebReading {
  /** The flow the catalog lists this reading under. */
  flow: Flow;
  /** The flows that get this reading from `normalize()`: what "Other readings" is labelled by. */
  applies: Flow[];
  unified: string;
  outcome: Outcome;
  next: Next;
  party: Party;
  reason?: string;
  /** Index of the entry in the provider file's `entries`: its texts, scene and line. */
  entry: number;
}

export interface WebCode {
  code: string;
  /** What `normalize({ provider, code })` answers, without flow or message. */
  decision: WebReading;
  alternatives: WebReading[];
}

export interface WebProvider {
  version: string;
  provider: string;
  entries: WebEntry[];
  codes: WebCode[];
}

export function buildWebIndex(): WebIndex {
  return {
    version: VERSION,
    flows: FLOWS,
    providers: listProviders().map(({ id, name, languages, document, url, retrieved, entries }) => ({
      id,
      name,
      languages,
      document,
      url,
      retrieved,
      entries,
      canonical: normalizer.provider(id)?.canonical ?? { width: 0, case: 'preserve' },
    })),
    unified: listUnified().map(({ code, category, outcome, next, party, description, messages }) => ({
      code,
      category,
      outcome,
      next,
      party,
      description,
      messages,
      entries: entriesForUnified(code).length,
    })),
  };
}

/** One provider's file, or undefined for an id the catalog does not have. */
export function buildWebProvider(id: string): WebProvider | undefined {
  const p = listProviders().find((x) => x.id === id);
  if (!p) return undefined;
  const list = listEntries(p.id);
  const entries: WebEntry[] = list.map((e) => {
    const reading = normalizer.readings(p.id, e.code)?.readings.find((r) => r.line === e.source.line && r.flow === e.flow);
    const w: WebEntry = {
      code: e.code,
      flow: e.flow,
      unified: e.unified,
      outcome: reading?.outcome ?? '',
      next: reading?.next ?? '',
      party: reading?.party ?? '',
      messages: e.messages,
      line: e.source.line,
    };
    if (e.scene) w.scene = e.scene;
    if (e.notes) w.notes = e.notes;
    return w;
  });
  const flows = FLOWS.filter((f) => f !== 'any');
  const entryAt = (line: number | undefined, flow: Flow | undefined) => {
    const same = list.findIndex((e) => e.source.line === line && e.flow === flow);
    return same >= 0 ? same : list.findIndex((e) => e.source.line === line);
  };
  const seen = new Set<string>();
  const codes: WebCode[] = [];
  for (const e of list) {
    if (seen.has(e.code)) continue;
    seen.add(e.code);
    const d = normalize({ provider: p.id, code: e.code });
    // Which reading each listed flow gets, so a residual `any` reading is labelled by the flows it
    // really answers (QFPay 1125's failed/stop reading is the refund one).
    const byFlow = flows.map((f) => {
      const x = normalize({ provider: p.id, code: e.code, flow: f });
      return { f, key: `${x.source?.flow}|${x.source?.line}|${x.outcome}|${x.next}` };
    });
    const reading = (x: typeof d): WebReading => {
      const flow = x.source?.flow ?? x.flow;
      const key = `${x.source?.flow}|${x.source?.line}|${x.outcome}|${x.next}`;
      const r: WebReading = {
        flow,
        applies: byFlow.filter((b) => b.key === key).map((b) => b.f),
        unified: x.unified,
        outcome: x.outcome,
        next: x.next,
        party: x.party,
        entry: entryAt(x.source?.line, flow),
      };
      if (x.reason) r.reason = x.reason;
      return r;
    };
    codes.push({ code: e.code, decision: reading(d), alternatives: (d.alternatives ?? []).map(reading) });
  }
  return { version: VERSION, provider: p.id, entries, codes };
}
