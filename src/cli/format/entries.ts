import type { CatalogEntry } from '../../catalog/api.js';
import { normalizer } from '../../normalize.js';

/** The decision an entry gives on its own flow, with the unified default, flow rules and its override applied. */
export function entryVerdict(e: CatalogEntry): { outcome: string; next: string; party: string; reason: string } {
  const r = normalizer.readings(e.provider, e.code)?.readings.find((x) => x.line === e.source.line && x.flow === e.flow);
  return { outcome: r?.outcome ?? '?', next: r?.next ?? '?', party: r?.party ?? '?', reason: r?.reason ?? '' };
}
