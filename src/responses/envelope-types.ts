import type { Next, Outcome } from '../core/types.js';

/**
 * The `envelope` section of a provider file, as plain types. The zod schema that validates the YAML
 * (src/build/envelope-schema.ts) is checked against these in both directions, so the two cannot
 * drift, and the published declarations need no zod.
 */

export const PROVENANCES = ['official', 'third-party', 'inferred'] as const;
export type Provenance = (typeof PROVENANCES)[number];

/** Signature schemes implemented in src/responses/schemes.ts, by name. */
export const SIGNATURE_SCHEMES = ['md5-body-key', 'hmac-sha256-timestamp-body', 'sha256-secret-sorted-params', 'aes-md5-data'] as const;
/** Provider adapters for logic that is not expressible as data, registered in src/responses/adapters/index.ts. */
export const ADAPTERS = ['qfpay', 'subotiz', 'ottpay'] as const;
/** Mock servers with provider-shaped logic, registered in src/responses/mock/registry.ts; absent: the generic mock. */
export const MOCK_ADAPTERS = ['qfpay', 'eftpay', 'shopline', 'subotiz', 'ottpay'] as const;
export const MOCK_OPERATIONS = ['payment', 'query', 'refund', 'close', 'reversal', 'capture'] as const;

export interface StateRowFile {
  unified: string;
  outcome?: Outcome | undefined;
  next?: Next | undefined;
  reason?: string | undefined;
  useCode?: boolean | undefined;
  provenance?: Provenance | undefined;
  source?: string | undefined;
}

export interface StateTableFile {
  field: string;
  also?: string[] | undefined;
  provenance: Provenance;
  source: string;
  code?: string | undefined;
  message?: string[] | undefined;
  detail?: string[] | undefined;
  payment?: Record<string, StateRowFile> | undefined;
  refund?: Record<string, StateRowFile> | undefined;
}

export interface MockStep {
  code?: string | undefined;
  state?: string | undefined;
  http?: number | undefined;
}

export interface MockFile {
  adapter?: (typeof MOCK_ADAPTERS)[number] | undefined;
  stateTable: string;
  endpoints: string[];
  operations?: Partial<Record<(typeof MOCK_OPERATIONS)[number], string>> | undefined;
  fields: {
    orderId: string;
    refundOrderId?: string | undefined;
    refundId?: string | undefined;
    tradeNo?: string | undefined;
    amount: string;
    amountUnit: 'minor' | 'decimal';
    currency?: string | undefined;
  };
  named: Record<'success' | 'insufficient' | 'pending' | 'decline' | 'system' | 'awaiting', MockStep>;
}

export interface SignatureFile {
  scheme: (typeof SIGNATURE_SCHEMES)[number];
  provenance: Provenance;
  source: string;
  header?: string | undefined;
  timestampHeader?: string | undefined;
  field?: string | undefined;
  replayWindow: boolean;
}

export interface NotificationFile {
  body?: string | undefined;
  type?: string[] | undefined;
  id?: string[] | undefined;
  orderId?: string[] | undefined;
  refundWhen?: string[] | undefined;
  typeState?: { table: string; case: 'upper' | 'lower' } | undefined;
  impliedState?: { state: string; provenance: Provenance; source: string } | undefined;
}

export interface EnvelopeFile {
  summary: string;
  adapter?: (typeof ADAPTERS)[number] | undefined;
  request: {
    code: string[];
    message?: string[] | undefined;
    accepted: string[];
    provenance: Provenance;
    source: string;
  };
  refundWhen?: string[] | undefined;
  states: Record<string, StateTableFile>;
  signature?: SignatureFile | undefined;
  notification?: NotificationFile | undefined;
  mock?: MockFile | undefined;
}
