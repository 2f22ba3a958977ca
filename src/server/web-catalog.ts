import { listEntries, listProviders, listUnified } from '../catalog/api.js';
import { type Decision, FLOWS, type Flow, type Lang, type Next, type Outcome, type Party } from '../core/types.js';
import { normalize } from '../normalize.js';
import { VERSION } from '../version.js';

/**
 * The static catalog the web page loads from /catalog.json. It is public like the page itself, so
 * the page works when an API key guards /v1. Messages are stored once per unified code; the page
 * picks the language.
 */

export interface WebReading {
  flow: Flow;
  unified: string;
  outcome: Outcome;
  next: Next;
  party: Party;
  reason?: string;
  scene?: string;
  /** The provider's text for this reading, verbatim. */
  texts: Record<string, string>;
  line?: number;
}

export interface WebCode {
  provider: string;
  code: string;
  /** The flows the catalog lists this code under. */
  flows: Flow[];
  /** What `normalize({ provider, code })` answers, without messages. */
  decision: WebReading;
  alternatives: WebReading[];
  notes?: string;
}

export interface WebCatalog {
  version: string;
  flows: readonly Flow[];
  providers: { id: string; name: string; languages: string[]; document: string; url: string; retrieved: string; entries: number }[];
  unified: {
    code: string;
    category: string;
    outcome: Outcome;
    next: Next;
    party: Party;
    description: string;
    messages: Record<Lang, { customer: string; merchant: string }>;
  }[];
  codes: WebCode[];
}

function reading(d: Decision): WebReading {
  const r: WebReading = {
    flow: d.source?.flow ?? d.flow,
    unified: d.unified,
    outcome: d.outcome,
    next: d.next,
    party: d.party,
    texts: d.source?.messages ?? {},
  };
  if (d.reason) r.reason = d.reason;
  if (d.source?.scene) r.scene = d.source.scene;
  if (d.source?.line) r.line = d.source.line;
  return r;
}

export function buildWebCatalog(): WebCatalog {
  const codes: WebCode[] = [];
  for (const p of listProviders()) {
    const byCode = new Map<string, { flows: Flow[]; notes: string[] }>();
    for (const e of listEntries(p.id)) {
      const seen = byCode.get(e.code) ?? { flows: [], notes: [] };
      if (!seen.flows.includes(e.flow)) seen.flows.push(e.flow);
      if (e.notes) seen.notes.push(e.notes);
      byCode.set(e.code, seen);
    }
    for (const [code, { flows, notes }] of byCode) {
      const d = normalize({ provider: p.id, code });
      const c: WebCode = { provider: p.id, code, flows, decision: reading(d), alternatives: (d.alternatives ?? []).map(reading) };
      if (notes.length > 0) c.notes = notes.join('\n');
      codes.push(c);
    }
  }
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
    })),
    unified: listUnified().map(({ code, category, outcome, next, party, description, messages }) => ({
      code,
      category,
      outcome,
      next,
      party,
      description,
      messages,
    })),
    codes,
  };
}
