import type { SourceRules } from './source-rules.js';

/** Per-provider rules that read the codes off each verbatim source document (see source-rules.ts). */
export const SOURCE_RULES: SourceRules = {};
