import type { MessageTable, ProviderData, UnifiedData } from '../core/data.js';
import { LANGS, type Lang } from '../core/types.js';
import type { EnvelopeData } from '../responses/envelope.js';
import { entryTuples, resolveEnvelope, unifiedData } from './compile.js';
import { formatProblem } from './load.js';
import { validateCatalog } from './validate.js';

export interface CatalogData {
  providers: ProviderData[];
  unified: UnifiedData;
  messages: Record<Lang, MessageTable>;
  envelopes: Record<string, EnvelopeData>;
}

/**
 * A catalog directory validated and compiled in memory: the same data `npm run compile` writes to
 * src/data, for tests and tools that run a catalog other than the embedded one.
 */
export function loadCatalogData(dir: string, root: string): CatalogData {
  const result = validateCatalog({ dir, root });
  if (result.catalog === undefined)
    throw new Error(`paycodes: catalog ${dir} is invalid:\n${result.problems.map(formatProblem).join('\n')}`);
  const { providers: files, unified } = result.catalog;
  const envelopes: Record<string, EnvelopeData> = {};
  const providers = files.map(({ data: p }) => {
    if (typeof p.envelope !== 'string') envelopes[p.id] = resolveEnvelope(p.envelope);
    return {
      id: p.id,
      name: p.name,
      aliases: p.aliases ?? [],
      languages: p.languages,
      canonical: p.canonical,
      document: p.source.document,
      entries: entryTuples(p),
    };
  });
  const messages = Object.fromEntries(
    LANGS.map((l) => [
      l,
      Object.fromEntries(Object.entries(unified.data.codes).map(([k, c]) => [k, [c.messages.customer[l], c.messages.merchant[l]]])),
    ]),
  ) as Record<Lang, MessageTable>;
  return { providers, unified: unifiedData(unified.data), messages, envelopes };
}
