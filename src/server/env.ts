import type { Lang } from '../core/types.js';

/** What the middleware hands to the routes: the language Accept-Language asked for. */
export type AppEnv = { Variables: { language: Lang } };
