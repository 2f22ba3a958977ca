import { z } from 'zod';
import { NEXT_STEPS, OUTCOMES } from '../core/types.js';
import {
  DECODERS,
  type EnvelopeFile as EnvelopeType,
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
    overriddenBy: z
      .object({
        table: nonEmpty.describe('The table that decides instead.'),
        when: z.array(nonEmpty).optional().describe("Only when this table's value is one of these (absent: any value)."),
      })
      .strict()
      .optional()
      .describe(
        "State precedence: when the named table's field is present and its value has a row there, that table decides (a trade that succeeded and was since refunded).",
      ),
  })
  .strict();

const sourced = { provenance: provenanceSchema, source };

export const recordsSchema = z
  .object({
    field: path.describe('The list of records (an enquiry result).'),
    select: z
      .object({
        field: path.describe('The record field that says which kind of record it is.'),
        default: nonEmpty.describe('Its value when a record leaves it out.'),
        payment: nonEmpty.optional().describe('The value of a payment record (default: payment).'),
        refund: nonEmpty.optional().describe('The value of a refund record (default: refund).'),
      })
      .strict()
      .describe(
        "The first record of the call's side answers: payment, query and capture calls read a payment record, refunds a refund record.",
      ),
    code: path.describe("The record's own code: an accepted value means the state decides; any other value is the state in code form."),
    message: z.array(path).optional().describe('Message fields of a record, first present wins.'),
    state: z
      .object({ table: nonEmpty, default: nonEmpty.optional().describe('The state of a record that leaves the field out.') })
      .strict()
      .describe('The state table read inside a record (it is not read at the top of a body).'),
    keep: z.array(path).optional().describe('Record fields reported in raw (e.g. the transaction number).'),
    none: z
      .object({
        unified: snake,
        outcome: z.enum(OUTCOMES).optional(),
        next: z.enum(NEXT_STEPS).optional(),
        reason: nonEmpty,
        ...sourced,
      })
      .strict()
      .describe("The answer when the list has no record of the call's side."),
    ...sourced,
  })
  .strict();

export const decodeSchema = z
  .object({
    scheme: z.enum(DECODERS).describe('A decoder registered in src/responses/decoders.ts (logic that is not data, such as AES).'),
    field: path.describe('The body field holding the encoded part; decoded, it replaces the field before anything is read.'),
    check: path.describe('The body field the decoder checks the result against (a digest).'),
    ...sourced,
  })
  .strict();

const mockStep = z
  .object({ code: nonEmpty.optional(), state: nonEmpty.optional(), http: z.number().int().min(100).max(599).optional() })
  .strict();
const endpoint = z.string().regex(/^(?:GET|POST|PUT|PATCH|DELETE) \/\S*$/, 'METHOD /path');

export const mockSchema = z
  .object({
    stateTable: nonEmpty.describe('The state table whose values a scenario step may name (the rest are codes).'),
    endpoints: z.array(endpoint).min(1).describe('What the mock serves, as METHOD /path (documentation and banner).'),
    operations: z
      .partialRecord(z.enum(MOCK_OPERATIONS), z.union([endpoint, z.array(endpoint).min(1)]))
      .optional()
      .describe('Generic mock only: the endpoint(s) of each operation; a `{field}` path segment is read as that request field.'),
    fields: z
      .object({
        orderId: path.describe("The merchant's order id in a payment or query request."),
        refundOrderId: path.optional().describe('The original order id in a refund request, when it differs.'),
        refundId: path.optional().describe('The refund id a refund request names.'),
        refundNo: path
          .optional()
          .describe("The provider's refund number: refund answers carry it, and a query naming it answers with that refund."),
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
    errors: z
      .object({
        notFound: nonEmpty.optional().describe('The code for a call on an order the provider does not know.'),
        duplicate: nonEmpty
          .optional()
          .describe('The code for a second payment with the same order id (absent: the call acts on the order).'),
        notRefundable: nonEmpty.optional().describe('The code for a refund of an order that is not paid.'),
        overRefund: nonEmpty.optional().describe('The code for a refund above what is left to refund.'),
        notCancellable: nonEmpty.optional().describe('The code for cancelling an order that is already paid.'),
        notCapturable: nonEmpty.optional().describe('The code for capturing an order that is already paid.'),
      })
      .strict()
      .optional()
      .describe('Generic mock: the codes it refuses calls with (absent: the check is not made).'),
    currency: nonEmpty.optional().describe('The currency of an order whose request names none.'),
    actions: z
      .object({
        field: path.describe('The request field that names the operation (eftPay service, OTT Pay action).'),
        payment: z.array(nonEmpty).min(1).optional(),
        query: z.array(nonEmpty).min(1).optional(),
        refund: z.array(nonEmpty).min(1).optional(),
        close: z.array(nonEmpty).min(1).optional(),
        reversal: z.array(nonEmpty).min(1).optional(),
        capture: z.array(nonEmpty).min(1).optional(),
      })
      .strict()
      .optional()
      .describe(
        'Calls to any of `endpoints` are routed by this field: a value, or its last `.` segment, listed under an operation (any case) is that operation.',
      ),
    preorder: z
      .boolean()
      .optional()
      .describe('A payment call only creates the order: its answer carries no state, which shows on the next query.'),
    signReplies: z
      .object({
        time: path.optional().describe('A field with the reply time (yyyyMMddHHmmss, UTC), signed with the rest.'),
        unsignedPrefix: nonEmpty.optional().describe('Replies whose request code starts with this go unsigned.'),
        provenance: provenanceSchema,
        source,
      })
      .strict()
      .optional()
      .describe("Replies are signed (or encrypted) with the provider's signature scheme and the mock's key, as the provider does."),
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
    only: path
      .optional()
      .describe('The part of the body the signature covers: the rest is dropped before reading (paths stay rooted at the body).'),
    asRecord: z.boolean().optional().describe('The notification body is one record, read like an element of `records`.'),
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
    request: z
      .object({
        code: z.array(path).min(1).describe('Fields carrying the request-level code, first present wins.'),
        message: z.array(path).optional(),
        accepted: z.array(nonEmpty).min(1).optional().describe('Code values that only say "request accepted": the state then decides.'),
        http: z
          .literal('2xx')
          .optional()
          .describe('The HTTP status is the acceptance: a 2xx without a code accepts the request, and the state then decides.'),
        provenance: provenanceSchema,
        source,
      })
      .strict()
      .refine((r) => r.accepted !== undefined || r.http !== undefined, 'request needs accepted codes, http: 2xx, or both'),
    decode: decodeSchema.optional(),
    unwrap: z
      .object({ field: path, ...sourced })
      .strict()
      .optional()
      .describe('A success wrapper: when no state field is at the top of the body and this field is an object, it is read instead.'),
    records: recordsSchema.optional(),
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
