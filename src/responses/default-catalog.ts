import { envelopes } from '../generated/envelopes.js';
import { en } from '../generated/messages/en.js';
import { zhHans } from '../generated/messages/zh-hans.js';
import { zhHant } from '../generated/messages/zh-hant.js';
import { unified } from '../generated/unified.js';
import { normalize, normalizer } from '../normalize.js';
import type { ResponsesCatalog } from './catalog.js';

/** The embedded catalog, as the response readers see it. */
export const defaultCatalog: ResponsesCatalog = {
  envelopes,
  normalize,
  providerId: (name) => normalizer.provider(name)?.id,
  unified,
  messages: { en, 'zh-Hant': zhHant, 'zh-Hans': zhHans },
};
