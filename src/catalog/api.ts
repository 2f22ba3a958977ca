import { canonicalCode } from '../core/canonical.js';
import type { ProviderData, ProviderFacts } from '../core/data.js';
import { providerKey } from '../core/normalizer.js';
import type { Flow, Next, Outcome, Party } from '../core/types.js';
import { providerFacts } from '../data/provider-facts.js';
import { providers as generatedProviders } from '../data/providers/index.js';

/**
 * The typed, dependency-free view of the compiled catalog. These functions read the generated data
 * only; the listings that carry `normalize()`'s decisions live in listings.ts (which loads the
 * normalizer) and are re-exported at the end for callers that take everything from here.
 */

export interface ProviderInfo {
  id: string;
  name: string;
  aliases: string[];
  region: string[];
  docs: string;
  /** BCP 47 tags of the provider's own texts. */
  languages: string[];
  envelope: string;
  document: string;
  url: string;
  retrieved: string;
  /** Catalog entries: one per (code, flow, scene, text) the provider documents. */
  entries: number;
  /** Distinct canonical codes: what `normalize()` and the code listings count. */
  codes: number;
}

export interface CatalogEntry {
  provider: string;
  code: string;
  flow: Flow;
  scene?: string;
  /** The provider's text, verbatim, keyed by BCP 47 tag. */
  /** The provider's text, verbatim, keyed by BCP 47 tag. */
  messages: Record<string, string>;
  source: { document: string; line: number; end: number };
  unified: string;
  override?: { outcome?: Outcome; next?: Next; party?: Party; reason: string };
  notes?: string;
}

const NO_FACTS: ProviderFacts = { region: [], docs: '', envelope: '', url: '', retrieved: '', notes: {} };
const factsOf = (id: string) => (Object.hasOwn(providerFacts, id) ? providerFacts[id] : undefined) ?? NO_FACTS;

const info = (p: ProviderData): ProviderInfo => {
  const f = factsOf(p.id);
  return {
    id: p.id,
    name: p.name,
    aliases: p.aliases,
    region: f.region,
    docs: f.docs,
    languages: p.languages,
    envelope: f.envelope,
    document: p.document,
    url: f.url,
    retrieved: f.retrieved,
    entries: p.entries.length,
    codes: new Set(p.entries.map((e) => e[0])).size,
  };
};

// Keyed loosely, as normalize() matches providers: `SHOPLINE Payments` finds `shopline-payments`.
let byKey: Map<string, ProviderData> | undefined;
function findProvider(id: unknown): ProviderData | undefined {
  if (typeof id !== 'string') return undefined;
  if (byKey === undefined) {
    byKey = new Map();
    for (const p of generatedProviders) {
      byKey.set(p.id, p);
      byKey.set(providerKey(p.id), p);
      for (const a of p.aliases) byKey.set(providerKey(a), p);
    }
  }
  return byKey.get(id) ?? byKey.get(providerKey(id.trim()));
}

const entryCache = new Map<string, CatalogEntry[]>();

function expand(p: ProviderData): CatalogEntry[] {
  let list = entryCache.get(p.id);
  if (list) return list;
  const notesOf = factsOf(p.id).notes;
  list = p.entries.map(([code, flow, scene, u, texts, line, end, override], index) => {
    const notes = notesOf[index];
    const messages: Record<string, string> = {};
    p.languages.forEach((l, i) => {
      if (texts[i]) messages[l] = texts[i];
    });
    const e: CatalogEntry = { provider: p.id, code, flow, messages, source: { document: p.document, line, end }, unified: u };
    if (scene) e.scene = scene;
    if (override) {
      const o: NonNullable<CatalogEntry['override']> = { reason: override[3] };
      if (override[0]) o.outcome = override[0];
      if (override[1]) o.next = override[1];
      if (override[2]) o.party = override[2];
      e.override = o;
    }
    if (notes) e.notes = notes;
    return e;
  });
  entryCache.set(p.id, list);
  return list;
}

/** Every provider in the catalog. */
export function listProviders(): ProviderInfo[] {
  return generatedProviders.map(info);
}

/** A provider by id or alias (loosely: `SHOPLINE Payments` finds `shopline-payments`). */
export function getProvider(id: string): ProviderInfo | undefined {
  const p = findProvider(id);
  return p ? info(p) : undefined;
}

/** True when an entry answers for `flow`: its own flow, or `any`, which applies to every flow. */
export const appliesTo = (e: CatalogEntry, flow: Flow | undefined): boolean =>
  !flow || flow === 'any' || e.flow === flow || e.flow === 'any';

/**
 * A provider's entries in catalog order, optionally narrowed to a flow (its own entries plus the
 * `any` entries, which apply to every flow) or a unified code.
 */
export function listEntries(provider: string, filter: { flow?: Flow; unified?: string } = {}): CatalogEntry[] {
  const p = findProvider(provider);
  if (!p) return [];
  return expand(p).filter((e) => appliesTo(e, filter.flow) && (!filter.unified || e.unified === filter.unified));
}

/**
 * The entry for (provider, code, flow): the exact flow first, then `any`. The code is
 * canonicalised the way `normalize()` does it. Codes with several entries for one flow (eftPay
 * `-99`) return the first; use `getEntries` for all of them.
 */
export function getEntry(provider: string, code: string | number, flow: Flow = 'any'): CatalogEntry | undefined {
  const all = getEntries(provider, code);
  return all.find((e) => e.flow === flow) ?? all.find((e) => e.flow === 'any');
}

/** Every entry of a canonical (provider, code), across flows. */
export function getEntries(provider: string, code: string | number): CatalogEntry[] {
  const p = findProvider(provider);
  if (!p) return [];
  let c: string;
  try {
    c = canonicalCode(p.canonical, code);
  } catch {
    return [];
  }
  return expand(p).filter((e) => e.code === c);
}

/** Every provider entry mapped to a unified code: the side-by-side view. */
export function entriesForUnified(code: string): CatalogEntry[] {
  return generatedProviders.flatMap((p) => expand(p).filter((e) => e.unified === code));
}

// The package is `sideEffects: false`, so a bundle that uses none of these drops the normalizer.
export { type CodeListing, getCode, listCodes } from './listings.js';

export { getUnified, listUnified, type UnifiedCode, unifiedReading } from './unified.js';
