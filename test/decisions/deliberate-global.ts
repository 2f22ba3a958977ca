/**
 * Allow-list rows of the global and card-network providers for the doubtful-word scan (D1): each
 * entry's words sound doubtful but its decision to fail is deliberate, for the reason given.
 */
const UNKNOWN_REASON = 'a decline whose reason is unknown: the decline itself is certain, nothing was authorised';
const PROCESSING_LIMIT = '"processing limit" is a volume cap on the account; the charge or payout was refused, not started';
const NOT_A_STATE = 'the doubtful word names a field or a pending item, not the state of this payment';

export const DELIBERATE_GLOBAL: Record<string, string> = {
  'stripe-decline:payment:call_issuer': UNKNOWN_REASON,
  'stripe-decline:payment:do_not_honor': UNKNOWN_REASON,
  'stripe-decline:payment:generic_decline': UNKNOWN_REASON,
  'stripe-decline:payment:no_action_taken': UNKNOWN_REASON,
  'stripe-decline:payment:reenter_transaction': 'the issuer declined to process it; Stripe advises attempting the payment again',
  'stripe-decline:payment:service_not_allowed': UNKNOWN_REASON,
  'stripe-decline:payment:transaction_not_allowed': UNKNOWN_REASON,
  'stripe-decline:payment:try_again_later': UNKNOWN_REASON,
  'stripe:any:charge_exceeds_source_limit': PROCESSING_LIMIT,
  'stripe:any:charge_exceeds_transaction_limit': PROCESSING_LIMIT,
  'stripe:payout:instant_payouts_limit_exceeded': PROCESSING_LIMIT,
  'stripe:payout:payouts_limit_exceeded': PROCESSING_LIMIT,
  'stripe:any:invalid_source_usage': NOT_A_STATE,
  'stripe:any:invoice_no_customer_line_items': NOT_A_STATE,
  'stripe:any:invoice_no_subscription_line_items': NOT_A_STATE,
  'stripe:any:lock_timeout': 'the object was locked by another request, so this request was not carried out; Stripe says to retry it',
  'stripe:any:payment_intent_konbini_rejected_confirmation_number':
    'the processing partner rejected the confirmation number at confirmation, so nothing was paid',
  'stripe:any:terminal_reader_busy': 'the reader refused the new command because it is busy; the command was not started',
  'stripe:any:testmode_charges_only': 'the account is not activated, so live charges are refused before any is started',
  'stripe:any:token_card_network_invalid': NOT_A_STATE,
  'mollie:payment:unknown_reason': UNKNOWN_REASON,
};

/** Success in words other than "success", "approved" or "authorised". */
export const SUCCESS_GLOBAL: Record<string, string> = {
  'mercadopago:accredited': '"se acreditó tu pago": the payment was credited',
  'yuno:REVIEW_WON': 'the acquirer rejected the chargeback, so the merchant won the dispute and keeps the money',
};
