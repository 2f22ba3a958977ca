import { createNormalizer, providerKey } from '../core/normalizer.js';
import { en } from '../data/messages/en.js';
import { zhHans } from '../data/messages/zh-hans.js';
import { zhHant } from '../data/messages/zh-hant.js';
import { loadProvider, PROVIDER_KEYS } from '../data/providers/lazy.js';
import { unified } from '../data/unified.js';
import type { Explainer } from './explain-run.js';

/**
 * The start-up fast path of `paycodes explain`: the core over the one provider asked about, so a
 * support engineer's lookup parses one provider's data instead of the whole catalog. It is the
 * same core, the same unified data and messages and the same provider data as the library's
 * `normalize`, and without a message (no classifier) or network facts its answer is the same. It
 * is undefined for a name the catalog does not know, which the full path turns into a usage error
 * that suggests the closest provider.
 */
export async function explainOne(name: string): Promise<Explainer | undefined> {
  const id = PROVIDER_KEYS.get(name) ?? PROVIDER_KEYS.get(providerKey(name));
  const load = id === undefined ? undefined : loadProvider[id];
  if (id === undefined || load === undefined) return undefined;
  const normalizer = createNormalizer({ providers: [await load()], unified, messages: { en, 'zh-Hant': zhHant, 'zh-Hans': zhHans } });
  return { provider: () => id, normalize: normalizer.normalize };
}
