import { z } from 'zod';
import { NEXT_STEPS, OUTCOMES } from '../core/types.js';
import {
  ADAPTERS,
  type EnvelopeFile as EnvelopeType,
  MOCK_ADAPTERS,
  MOCK_OPERATIONS,
  PROVENANCES,
  SIGNATURE_SCHEMES,
  type StateRowFile as StateRowType,
} from '../responses/envelope-types.js';
import { type Same, same } from '../schema/same-shape.js';

/**
 * The `envelope` section of a provider file: how a whole response or notification carries the
 * request code and the transaction state, what each state means, how notifications are signed and
 * what the mock serves. `fromResponse`, `fromNotification`, `normalize({ state })` and `paycodes mock`
 * read this data; no provider fact about envelopes lives in TypeScript.
 */

const nonEmpty = z.string().min(1);
/** Dotted field path into a parsed body: `trade_status`, `data.txstatus`, `paymentMsg.code`. */
const path = z.string().regex(/^[A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z_][A-Za-z0-9_-]*)*$/, 'a dotted field path such as data.status');
const snake = z.string().regex(/^[a-z][a-z0-9_]*$/, 'unified codes are snake_case');

export const provenanceSchema = z
  .enum(PROVENANCES)
  .describe("official: the provider's own docs; third-party: community code that agrees with itself; inferred: our reading, unverified.");
const source = nonEmpty.describe('Where the fact comes from: the provider doc URL, or a repository path under catalog/sources/.');

export const stateRowSchema = z
  .object({
    unified: snake,
    outcome: z.enum(OUTCOMES).optional().describe('Departure from the unified default: the state itself is the answer.'),
    next: z.enum(NEXT_STEPS).optional(),
    reason: nonEmpty.optional(),
    useCode: z.boolean().optional().describe('A decline code carried next to this state decides instead (it still has to say failed).'),
    provenance: provenanceSchema.optional().describe("Defaults to the table's."),
    source: source.optional().describe("Defaults to the table's."),
  })
  .strict();

export const stateTableSchema = z
  .object({
    field: path.describe('Where the state value is read.'),
    also: z.array(path).optional().describe('Other fields that carry the same state, tried in order after `field`.'),
    provenance: provenanceSchema,
    source,
    code: path.optional().describe('A decline code carried with the state, relative to the body the state is read from.'),
    message: z.array(path).optional().describe('Message fields carried with the state, first present wins.'),
    detail: z.array(path).optional().describe('Extra state fields reported with the decision (subStatus, trade_type…).'),
    payment: z.record(nonEmpty, stateRowSchema).optional().describe('Meanings on payment, query, capture and cancel calls.'),
    refund: z.record(nonEmpty, stateRowSchema).optional().describe('Meanings on refund calls and refund records.'),
  })
  .strict();

const mockStep = z
  .object({ code: nonEmpty.optional(), state: nonEmpty.optional(), http: z.number().int().min(100).max(599).optional() })
  .strict();
const endpoint = z.string().regex(/^(?:GET|POST|PUT|PATCH|DELETE) \/\S*$/, 'METHOD /path');

export const mockSchema = z
  .object({
    adapter: z.enum(MOCK_ADAPTERS).optional(),
    stateTable: nonEmpty.describe('The state table whose values a scenario step may name (the rest are codes).'),
    endpoints: z.array(endpoint).min(1).describe('What the mock serves, as METHOD /path (documentation and banner).'),
    operations: z
      .partialRecord(z.enum(MOCK_OPERATIONS), endpoint)
      .optional()
      .describe('Generic mock only: the endpoint for each operation.'),
    fields: z
      .object({
        orderId: path.describe("The merchant's order id in a payment or query request."),
        refundOrderId: path.optional().describe('The original order id in a refund request, when it differs.'),
        refundId: path.optional(),
        tradeNo: path.optional().describe("The provider's own transaction number."),
        amount: path,
        amountUnit: z.enum(['minor', 'decimal']).describe('minor: integer cents ("1001"); decimal: "10.01".'),
        currency: path.optional(),
      })
      .strict(),
    named: z
      .object({
        success: mockStep,
        insufficient: mockStep,
        pending: mockStep,
        decline: mockStep,
        system: mockStep,
        awaiting: mockStep,
      })
      .strict()
      .describe('The step each magic amount stands for.'),
  })
  .strict();

export const signatureSchema = z
  .object({
    scheme: z.enum(SIGNATURE_SCHEMES),
    provenance: provenanceSchema,
    source,
    header: nonEmpty.optional().describe('The header carrying the signature (md5-body-key, hmac-sha256-timestamp-body).'),
    timestampHeader: nonEmpty.optional().describe('The header carrying the signed timestamp (hmac-sha256-timestamp-body).'),
    field: nonEmpty.optional().describe('The body field carrying the signature (sha256-secret-sorted-params).'),
    replayWindow: z.boolean().describe('Whether the signed text carries a timestamp that bounds replays.'),
  })
  .strict();

export const notificationSchema = z
  .object({
    body: path.optional().describe('The object inside the notification that is read like a response (e.g. data).'),
    type: z.array(path).optional().describe('Event type fields.'),
    id: z.array(path).optional().describe('Event or provider transaction id fields.'),
    orderId: z.array(path).optional().describe("The merchant's order id fields."),
    refundWhen: z.array(nonEmpty).optional().describe('Substrings of the event type that mark a refund event.'),
    typeState: z
      .object({ table: nonEmpty, case: z.enum(['upper', 'lower']) })
      .strict()
      .optional()
      .describe(
        'When the body has no state, the last segment of the event type (trade.refund.succeeded → succeeded) is read in this table.',
      ),
    impliedState: z
      .object({ state: nonEmpty, provenance: provenanceSchema, source })
      .strict()
      .optional()
      .describe('The state a verified notification without a state field stands for (a provider that only notifies successes).'),
  })
  .strict();

export const envelopeSchema = z
  .object({
    summary: nonEmpty.describe('How the provider reports request acceptance and transaction state, in one paragraph.'),
    adapter: z.enum(ADAPTERS).optional().describe('Provider logic that is not data (listed in one registry). Absent: fully generic.'),
    request: z
      .object({
        code: z.array(path).min(1).describe('Fields carrying the request-level code, first present wins.'),
        message: z.array(path).optional(),
        accepted: z.array(nonEmpty).min(1).describe('Code values that only say "request accepted": the state then decides.'),
        provenance: provenanceSchema,
        source,
      })
      .strict(),
    refundWhen: z.array(path).optional().describe('Fields whose presence marks the body as a refund record.'),
    states: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/), stateTableSchema).describe('State tables by name; the first is the main one.'),
    signature: signatureSchema.optional(),
    notification: notificationSchema.optional(),
    mock: mockSchema.optional(),
  })
  .strict();

export type EnvelopeFile = z.infer<typeof envelopeSchema>;
export type StateRowFile = z.infer<typeof stateRowSchema>;

// The plain types in src/responses/envelope-types.ts are what the published declarations carry.
same<Same<EnvelopeFile, EnvelopeType>>();
same<Same<StateRowFile, StateRowType>>();
