import { SOURCE_RULES_APAC } from './provider-source-rules-apac.js';
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
  // The described resultCode rows, then Success, which only the enum line lists.
  adyen: [
    { from: '| --- |', to: '`enum`', pattern: /^\| ([A-Za-z]+) \| /, count: 13 },
    { from: '`enum`', pattern: /, (Success)$/, count: 1 },
  ],
  mollie: { from: '## Values', pattern: /^\| `FailureReason\w+`\s+\| ([a-z_]+)\s+\|$/, count: 15 },
  nmi: { pattern: /^\| (\d{3}) \| /, count: 33 },
  'paypal-advice': { pattern: /^\| (\d\d) \| PaymentAdvice/, count: 15 },
  mercadopago: [
    { to: '=== guides/checkout-api/data-entry', pattern: /^\| (?:approved|in_process|rejected) \|\s+`([a-z_]+)` \|/, count: 18 },
    { from: '=== guides/checkout-api/data-entry', pattern: /^\| ([A-Z]?\d{3}|default) \| /, count: 18 },
  ],
  // Every response_code, MAC and chargeback row after the transaction-type table (left out).
  yuno: { from: '## Transaction codes', pattern: /^\| `([A-Z0-9_]+)`/, count: 133 },
  ...SOURCE_RULES_APAC,
};
