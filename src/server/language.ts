import type { MiddlewareHandler } from 'hono';
import { languageDetector } from 'hono/language';
import { resolveLang } from '../core/lang.js';
import { LANGS } from '../core/types.js';

/**
 * The reader's language from Accept-Language, by preference and q; region tags fold to a script
 * the way the library folds them (`zh-TW` → `zh-Hant`). English when none is ours. An explicit
 * `lang` parameter is validated by the route and wins over this.
 */
export function language(): MiddlewareHandler {
  const detect = languageDetector({
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
  // On Node, a request without Accept-Language (most API calls) needs no detection: the routes
  // fall back to English, as the detector would. Asking the Fetch request for a header makes the
  // Node adapter build a Headers object from every header the client sent, which costs more than
  // the rest of a GET /v1/normalize; the adapter's IncomingMessage holds them already parsed.
  return (c, next) => {
    const incoming = (c.env as { incoming?: { headers?: Record<string, string | string[] | undefined> } } | undefined)?.incoming;
    if (incoming?.headers !== undefined && incoming.headers['accept-language'] === undefined) return next();
    return detect(c, next);
  };
}
