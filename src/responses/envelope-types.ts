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
/** Decoders for a body part that is not plain data (OTT Pay's AES `data`), registered in src/responses/decoders.ts. */
export const DECODERS = ['ottpay-aes'] as const;
/** Mock servers with provider-shaped logic, registered in src/responses/mock/registry.ts; absent: the generic mock. */
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
  overriddenBy?: { table: string; when?: string[] | undefined } | undefined;
}

/** Where a construct's fact comes from. */
export interface Sourced {
  provenance: Provenance;
  source: string;
}

/** The answer when an enquiry's record list holds no record for the call's side. */
export interface NoRecordFile {
  unified: string;
  outcome?: Outcome | undefined;
  next?: Next | undefined;
  reason: string;
  provenance: Provenance;
  source: string;
}

/** A list of transaction records (an enquiry's result): which one answers the call, and how it is read. */
export interface RecordsFile {
  field: string;
  select: { field: string; default: string; payment?: string | undefined; refund?: string | undefined };
  code: string;
  message?: string[] | undefined;
  state: { table: string; default?: string | undefined };
  keep?: string[] | undefined;
  none: NoRecordFile;
  provenance: Provenance;
  source: string;
}

export interface DecodeFile {
  scheme: (typeof DECODERS)[number];
  field: string;
  check: string;
  provenance: Provenance;
  source: string;
}

export interface MockStep {
  code?: string | undefined;
  state?: string | undefined;
  http?: number | undefined;
}

export interface MockFile {
  stateTable: string;
  endpoints: string[];
  operations?: Partial<Record<(typeof MOCK_OPERATIONS)[number], string | string[]>> | undefined;
  fields: {
    orderId: string;
    refundOrderId?: string | undefined;
    refundId?: string | undefined;
    refundNo?: string | undefined;
    tradeNo?: string | undefined;
    amount: string;
    amountUnit: 'minor' | 'decimal';
    currency?: string | undefined;
  };
  named: Record<'success' | 'insufficient' | 'pending' | 'decline' | 'system' | 'awaiting', MockStep>;
  errors?:
    | {
        notFound?: string | undefined;
        duplicate?: string | undefined;
        notRefundable?: string | undefined;
        overRefund?: string | undefined;
        notCancellable?: string | undefined;
        notCapturable?: string | undefined;
      }
    | undefined;
  currency?: string | undefined;
  actions?: ({ field: string } & Partial<Record<(typeof MOCK_OPERATIONS)[number], string[]>>) | undefined;
  preorder?: boolean | undefined;
  signReplies?: { time?: string | undefined; unsignedPrefix?: string | undefined; provenance: Provenance; source: string } | undefined;
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
  only?: string | undefined;
  asRecord?: boolean | undefined;
  typeState?: { table: string; case: 'upper' | 'lower' } | undefined;
  impliedState?: { state: string; provenance: Provenance; source: string } | undefined;
}

export interface EnvelopeFile {
  summary: string;
  request: {
    code: string[];
    message?: string[] | undefined;
    accepted?: string[] | undefined;
    http?: '2xx' | undefined;
    provenance: Provenance;
    source: string;
  };
  decode?: DecodeFile | undefined;
  unwrap?: ({ field: string } & Sourced) | undefined;
  records?: RecordsFile | undefined;
  refundWhen?: string[] | undefined;
  states: Record<string, StateTableFile>;
  signature?: SignatureFile | undefined;
  notification?: NotificationFile | undefined;
  mock?: MockFile | undefined;
}
