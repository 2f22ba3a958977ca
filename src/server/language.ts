import { languageDetector } from 'hono/language';
import { resolveLang } from '../core/lang.js';
import { LANGS } from '../core/types.js';

/**
 * The reader's language from Accept-Language, by preference and q; region tags fold to a script
 * the way the library folds them (`zh-TW` → `zh-Hant`). English when none is ours. An explicit
 * `lang` parameter is validated by the route and wins over this.
 */
export const language = () =>
  languageDetector({
    order: ['header'],
    caches: false,
    supportedLanguages: [...LANGS],
    fallbackLanguage: 'en',
    convertDetectedLanguage: (tag) => {
      try {
        return resolveLang(tag);
      } catch {
        return tag;
      }
    },
  });
