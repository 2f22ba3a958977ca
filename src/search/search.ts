import { entriesForUnified, getCode, listEntries, listProviders, listUnified } from '../catalog/api.js';
import { canonicalCode } from '../core/canonical.js';
import { normalizer } from '../normalize.js';
import { type Doc, entryDoc, type RankContext, rank, type SearchOptions, type SearchResult, unifiedDoc } from './rank.js';

export { MAX_QUERY_LENGTH, type SearchField, type SearchOptions, type SearchResult } from './rank.js';

let index: Doc[] | undefined;

/** Every provider's entries in catalog order, then every unified code. */
function buildIndex(): Doc[] {
  const docs: Doc[] = [];
  for (const p of listProviders()) {
    for (const e of listEntries(p.id)) {
      const reading = normalizer.readings(p.id, e.code)?.readings.find((r) => r.line === e.source.line && r.flow === e.flow);
      docs.push(
        entryDoc({
          provider: e.provider,
          code: e.code,
          flow: e.flow,
          scene: e.scene,
          unified: e.unified,
          outcome: reading?.outcome ?? '',
          next: reading?.next ?? '',
          party: reading?.party ?? '',
          messages: e.messages,
        }),
      );
    }
  }
  for (const u of listUnified()) docs.push(unifiedDoc({ ...u, entries: entriesForUnified(u.code).length }));
  return docs;
}

function sameCode(provider: string, code: string, q: string): boolean {
  if (code.toLowerCase() === q.toLowerCase()) return true;
  const p = normalizer.provider(provider);
  if (!p) return false;
  try {
    return canonicalCode(p.canonical, q) === code;
  } catch {
    return false;
  }
}

/**
 * Ranked search across every provider's codes and texts and every unified code; see `rank` for
 * the order. The web page ranks with the same function.
 */
export function search(query: string, options: SearchOptions = {}): SearchResult[] {
  if (typeof query !== 'string') return [];
  // Untyped callers: null or a non-object reads as no options.
  if (typeof options !== 'object' || options === null) return search(query);
  index ??= buildIndex();
  const ctx: RankContext = {
    provider: options.provider === undefined ? undefined : normalizer.provider(options.provider)?.id,
    sameCode,
  };
  // Ranked by what matched; each entry then shows what normalize() answers for its code and the
  // flow asked (none: `any`), and how many readings the code has, as every listing does.
  return rank(index, query, options, ctx).map((r) => {
    if (r.kind !== 'entry') return r;
    const listing = getCode(r.provider as string, r.code as string, options.flow ?? 'any');
    if (!listing) return r;
    const d = listing.decision;
    return { ...r, unified: d.unified, outcome: d.outcome, next: d.next, party: d.party, readings: listing.readings };
  });
}
