import { canonicalCode } from '../../src/core/canonical.js';
import type { Flow, Lang } from '../../src/core/types.js';
import { type Doc, entryDoc, rank, type SearchResult, unifiedDoc } from '../../src/search/rank.js';
import type { WebIndex, WebProvider } from '../../src/server/web-catalog.js';

/**
 * The page's search is the library's: the same documents, built from the provider files loaded so
 * far, ranked by the same function as `/v1/search` and `paycodes search`.
 */

export type { SearchResult };

/** Documents in the API's order: each provider's entries in catalog order, then the unified codes. */
export function buildDocs(index: WebIndex, loaded: ReadonlyMap<string, WebProvider>): Doc[] {
  const docs: Doc[] = [];
  for (const p of index.providers) {
    const file = loaded.get(p.id);
    if (!file) continue;
    for (const e of file.entries) docs.push(entryDoc({ provider: p.id, ...e }));
  }
  for (const u of index.unified) docs.push(unifiedDoc(u));
  return docs;
}

/** The provider's own reading of a typed code (`0` → `0000` at QFPay), or undefined when it is no code. */
export function canonical(index: WebIndex, provider: string, code: string): string | undefined {
  const p = index.providers.find((x) => x.id === provider);
  if (!p) return undefined;
  try {
    return canonicalCode(p.canonical, code);
  } catch {
    return undefined;
  }
}

export function searchDocs(
  index: WebIndex,
  docs: readonly Doc[],
  query: string,
  options: { provider?: string; flow?: Flow; lang: Lang },
): SearchResult[] {
  return rank(
    docs,
    query,
    { ...options, limit: 0 },
    {
      provider: options.provider,
      sameCode: (provider, code, raw) => code.toLowerCase() === raw.toLowerCase() || canonical(index, provider, raw) === code,
    },
  );
}
