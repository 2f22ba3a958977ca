import type { SourceRules } from './source-rules.js';

/** Per-provider rules that read the codes off each verbatim source document (see source-rules.ts). */
export const SOURCE_RULES: SourceRules = {
  // Single codes only: the reserved ranges (0A–A0 …) after "| From | To |" are left out.
  iso8583: { to: '| From | To |', pattern: /^\| ([0-9A-Z]{2}) \|/, count: 112 },
  // The Mastercard column of the "MACs list" table.
  'mastercard-advice': { from: '## MACs list', to: '## MAC fields', pattern: /\| `(\d\d)` – /, count: 15 },
  // Every code listed under "Common category N codes" for categories 1-3 (category 4 lists none).
  visa: { from: '### Category 1', to: '### Category 4', pattern: /`([0-9A-Z]{2})`/g, all: true, count: 40 },
  // Card and local-payment-method tables; the snapshot fused a "deprecated" badge to two codes.
  'stripe-decline': {
    from: '## Card decline codes',
    pattern: /^\| ([a-z_]+) \| /,
    canonical: (c) => c.replace(/^deprecated/, ''),
    count: 68,
  },
  stripe: { from: '| Code | Description |', pattern: /^\| ([a-z0-9_]+) \| /, count: 172 },
};
