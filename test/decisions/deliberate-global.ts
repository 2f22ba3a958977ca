/**
 * Allow-list rows of the global and card-network providers for the doubtful-word scan (D1): each
 * entry's words sound doubtful but its decision to fail is deliberate, for the reason given.
 */
const UNKNOWN_REASON = 'a decline whose reason is unknown: the decline itself is certain, nothing was authorised';
const PROCESSING_LIMIT = '"processing limit" is a volume cap on the account; the charge or payout was refused, not started';
const MERCHANT_SETUP =
  'the processor refused the request because the merchant is set up wrong there (the source names the setup fault); nothing was authorised';
const NOT_A_STATE =
  'the doubtful word (processing, network, pending) names a field, a capability or an item, not the state of this payment';

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
  'paypal:any:NOT_ENABLED_FOR_CARD_PROCESSING': 'card processing is a capability the account lacks, not a payment in progress',
  'paypal:any:MISSING_PREVIOUS_REFERENCE': NOT_A_STATE,
  'paypal:any:MISSING_CRYPTOGRAM': NOT_A_STATE,
  'paypal:any:ORDER_COMPLETE_ON_PAYMENT_APPROVAL': NOT_A_STATE,
  'paypal:payment:MISSING_PREVIOUS_REFERENCE': NOT_A_STATE,
  'paypal:payment:MISSING_CRYPTOGRAM': NOT_A_STATE,
  'paypal:payment:CARD_TYPE_NOT_SUPPORTED': NOT_A_STATE,
  'paypal:payment:ORDER_COMPLETE_ON_PAYMENT_APPROVAL': NOT_A_STATE,
  'paypal:payment:DEVICE_DATA_NOT_AVAILABLE': NOT_A_STATE,
  'paypal:payment:CARD_BRAND_NOT_SUPPORTED': NOT_A_STATE,
  'paypal:any:UNSUPPORTED_PROCESSING_INSTRUCTION': NOT_A_STATE,
  'paypal:payment:UNSUPPORTED_PROCESSING_INSTRUCTION': NOT_A_STATE,
  'square:any:CARD_PROCESSING_NOT_ENABLED': 'card processing is a capability the location lacks, not a payment in progress',
  'square:any:PAYMENT_LIMIT_EXCEEDED': PROCESSING_LIMIT,
  'square:any:PAYMENT_METHOD_ERROR': 'an error category for invalid payment-method details (CVV, expiry): the payment was refused',
  'authorizenet:any:E00058': NOT_A_STATE,
  'authorizenet:any:35': MERCHANT_SETUP,
  'authorizenet:any:66': 'the transaction was not accepted for processing at all',
  'authorizenet:any:153': 'the payment data could not be read (the source lists marketType and descriptor fixes): nothing was authorised',
  'authorizenet:any:154': 'Apple Pay processing is a capability the account lacks, not a payment in progress',
  'authorizenet:any:170': MERCHANT_SETUP,
  'authorizenet:any:171': 'the processor (Concord EFS) says the request is invalid: nothing was authorised',
  'authorizenet:any:172': MERCHANT_SETUP,
  'authorizenet:any:173': MERCHANT_SETUP,
  'cybersource:refund:254': 'stand-alone refunds are a capability the account lacks; the refund was refused',
  'globalpayments:any:186': '"partial approval processing" names the feature; the answer is a referral to the issuer',
  'globalpayments:any:309': 'an unknown file in a file-update message: no money moves',
  'globalpayments:any:908': 'the switch does not know where to route the transaction, so it never reached an issuer',
  'fiserv:any:7778': 'the provider states the timed-out transaction "has not been processed" and asks for a retry',
  'emerchantpay:any:92': 'the switch found no institution to route to, so the transaction never reached an issuer',
  'emerchantpay:any:B2': '"debit network" names the issuer type; a surcharge it does not support was refused',
  'paypal-processor:any:1360': 'a bad processing code is a malformed request field, not a payment still being processed',
  'paypal-processor:any:PPNL': 'the card network frequency limit: the card has been used too often, nothing was charged',
};

/** Success in words other than "success", "approved" or "authorised". */
export const SUCCESS_GLOBAL: Record<string, string> = {
  'mercadopago:accredited': '"se acreditó tu pago": the payment was credited',
  'credorax:08': 'honour with identification is an approval once the cardholder is identified',
  'credorax:85': '"no reason to decline" is the approval of an account verification',
  'globalpayments:1': 'honour with identification is an approval once the cardholder is identified',
  'checkout-com:10100': 'an approval (10XXX) that risk rules flagged for review',
  'checkout-com:10200': 'an approval (10XXX) whose capture is deferred',
  'emerchantpay:08': 'honour with ID is an approval once the cardholder is identified',
  'emerchantpay:83': '"not declined" is the answer to an address-verification-only request',
  'emerchantpay:85': '"no reason to decline" is the approval of a verification request',
  'yuno:REVIEW_WON': 'the acquirer rejected the chargeback, so the merchant won the dispute and keeps the money',
};
