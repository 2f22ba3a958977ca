import { CORPUS_FILES_APAC, SOURCE_RULES_APAC } from './provider-source-rules-apac.js';
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
  'paypal-processor': { pattern: /^\| ([0-9A-Z]{4}) \| Response/, count: 154 },
  // Every details[].issue row of every error schema; an issue repeats under several schemas,
  // and a few schemas list the same row twice.
  paypal: { pattern: /^\| ([A-Z][A-Z0-9_]+) \| /, section: /^## /, count: 394 },
  'paypal-payments': { pattern: /^\| ([A-Z][A-Z0-9_]+) \| /, section: /^## /, count: 74 },
  square: [
    { from: '## Error Code', to: '## ErrorCode values in', pattern: /^\| `([A-Z0-9_]+)` \| /, count: 158 },
    { from: '## ErrorCode values in', pattern: /^- `([A-Z0-9_]+)`$/, count: 14 },
  ],
  authorizenet: { pattern: /^\| ([IE]?\d+) \| /, count: 463 },
  cybersource: { pattern: /^\| (\d{3}) \| /, count: 69 },
  credorax: { pattern: /^\| ([0-9A-Z]{2}) \| /, count: 96 },
  globalpayments: { pattern: /^\| (\d+) \| /, count: 137 },
  // Response-code tables only: the AVS/CVV letters before them and the HTTP table after are left out.
  fiserv: [
    { from: '**Most Common Response Codes**', to: '=== docs/schemas-md', pattern: /^\| ([0-9A-Z_]+) \|/, count: 17 },
    { from: '# Nashville Response Codes', to: '| *HTTP RESPONSE*', pattern: /^\| ([0-9A-Z_]+) \|/, count: 128 },
  ],
  'checkout-com': { pattern: /^\| ([0-9A-Z]{5}) \| /, count: 221 },
  emerchantpay: [
    { to: '## Issuer response codes', pattern: /^\| (\d{3}) \| [A-Z_0-9]+ \|/, count: 88 },
    { from: '## Issuer response codes', pattern: /^\| ([0-9A-Z]{2}) \| /, count: 99 },
  ],
  braintree: [
    { from: '## Transaction::GatewayRejectionReason', to: '## Transaction::Status', pattern: /^\| ([a-z_]+) \| [A-Za-z]+ \|$/, count: 11 },
    { from: '## Transaction::Status', to: '## Validation error codes', pattern: /^\| ([a-z_]+) \| [A-Za-z]+ \|$/, count: 14 },
    { from: '## Validation error codes', pattern: /^\| (\d+) \| [A-Z0-9_]+ \|/, count: 643 },
  ],
  ...SOURCE_RULES_APAC,
};

/**
 * The corpus file each provider's source copy was taken from (catalog/README.md accounts for
 * every one); the copy must stay byte for byte the same.
 */
export const CORPUS_FILES: Record<string, string> = {
  iso8583: 'iso8583-field39-postilion.txt',
  'mastercard-advice': 'yuno-merchant-advice-codes.txt',
  visa: 'yuno-merchant-advice-codes.txt',
  'stripe-decline': 'stripe-decline.txt',
  stripe: 'stripe-error-codes.txt',
  adyen: 'adyen-result-codes.txt',
  mollie: 'mollie-failure-reasons.txt',
  nmi: 'nmi-response-codes.txt',
  'paypal-advice': 'paypal-payment-advice-codes.txt',
  mercadopago: 'mercadopago-status-detail.txt',
  yuno: 'yuno-transaction-response-codes.txt',
  'paypal-processor': 'paypal-processor-response-codes.txt',
  paypal: 'paypal-orders-v2-errors.txt',
  'paypal-payments': 'paypal-payments-v2-errors.txt',
  square: 'square-error-codes.txt',
  authorizenet: 'authorizenet-response-codes.txt',
  cybersource: 'cybersource-reason-codes.txt',
  credorax: 'credorax-response-codes.txt',
  globalpayments: 'globalpayments-de39-action-codes.txt',
  fiserv: 'fiserv-ipg-response-codes.txt',
  'checkout-com': 'checkout-com-response-codes.txt',
  emerchantpay: 'emerchantpay-genesis-error-codes.txt',
  braintree: 'braintree-codes.txt',
  ...CORPUS_FILES_APAC,
};
