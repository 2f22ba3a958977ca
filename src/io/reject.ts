import { MAX_RECORD_LABEL } from './limits.js';

/**
 * The one vocabulary for records that cannot be read, shared by `normalize` (stderr and the
 * paycodes_error field) and `report` (its rejection table), so a log gets the same words from both.
 */
export const REJECT = {
  invalid_utf8: 'invalid UTF-8',
  too_long: `record is longer than ${MAX_RECORD_LABEL}`,
  invalid_json: 'invalid JSON',
  not_object: 'not a JSON object',
  unterminated_quote: 'unterminated quoted field',
  text_after_quote: 'text after a closing quote',
  field_count: 'the row does not have as many fields as the header',
  missing_provider: 'the record has no provider (give --provider or --provider-field)',
  missing_code: 'the record has no code (see --code-field)',
  invalid_provider: 'the provider is not a usable value',
  invalid_code: 'the code is not a usable value',
  invalid_flow: 'the flow is not one of the known flows',
  invalid_message: 'the message is not a string',
  invalid_state: 'the state is not a string',
  invalid_network: 'the card network is not one of the known networks (or a network code came without one)',
  invalid_network_code: 'the network response code is not 1 to 8 letters or digits',
  invalid_advice_code: 'the advice code is not 1 to 8 letters or digits',
  invalid_input: 'the record cannot be decided',
} as const;

export type RejectReason = keyof typeof REJECT;

/** `reason: wording`, with the record's own detail when there is one. */
export function rejection(reason: RejectReason, detail?: string): string {
  return detail === undefined || detail === '' ? `${reason}: ${REJECT[reason]}` : `${reason}: ${detail}`;
}

/** The reason key of a rejection message made by `rejection()`. */
export function reasonOf(message: string): RejectReason {
  const i = message.indexOf(':');
  const key = i < 0 ? message : message.slice(0, i);
  return Object.hasOwn(REJECT, key) ? (key as RejectReason) : 'invalid_input';
}

/** The reason for a field a normalizer rejected (PaycodesInputError.field). */
export function reasonForField(field: string): RejectReason {
  // The library names fields in camelCase; the vocabulary is snake_case like the log columns.
  const key = `invalid_${field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`;
  return Object.hasOwn(REJECT, key) ? (key as RejectReason) : 'invalid_input';
}
