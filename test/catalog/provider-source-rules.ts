import type { SourceRules } from './source-rules.js';

/** Per-provider rules that read the codes off each verbatim source document (see source-rules.ts). */
export const SOURCE_RULES: SourceRules = {
  // Single codes only: the reserved ranges (0A–A0 …) after "| From | To |" are left out.
  iso8583: { to: '| From | To |', pattern: /^\| ([0-9A-Z]{2}) \|/, count: 112 },
};
