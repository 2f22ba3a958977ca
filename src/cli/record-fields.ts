import type { Command } from 'commander';

/** The field (or column) options shared by the commands that read records: normalize and report. */
export interface RecordFieldOptions {
  providerField: string;
  codeField: string;
  flowField: string;
  networkField: string;
  networkCodeField: string;
  adviceCodeField: string;
  messageField: string;
  stateField: string;
}

/** Adds the field options, so `normalize` and `report` read a record's fields by the same names. */
export function recordFieldOptions(command: Command): Command {
  return command
    .option('--provider-field <name>', 'field or column holding the provider', 'provider')
    .option('--code-field <name>', 'field or column holding the response code', 'code')
    .option('--flow-field <name>', 'field or column holding the flow (payment, refund, ...)', 'flow')
    .option(
      '--network-field <name>',
      'field or column holding the card network (visa, mastercard, amex, jcb, unionpay, discover)',
      'network',
    )
    .option('--network-code-field <name>', "field or column holding the issuer's response code as the network returns it", 'network_code')
    .option('--advice-code-field <name>', 'field or column holding a Mastercard or Visa merchant advice code', 'advice_code')
    .option('--message-field <name>', "field or column holding the provider's message", 'message')
    .option(
      '--state-field <name>',
      "field or column holding the transaction state (default state, then the state field names in the providers' envelopes, e.g. trade_status, txstatus)",
      'state',
    );
}
