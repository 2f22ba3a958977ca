/**
 * Allow-list rows of the Asia-Pacific providers for the doubtful-word scan (D1): each entry's
 * words sound doubtful but its decision to fail is deliberate, for the reason given.
 */
export const DELIBERATE_APAC: Record<string, string> = {
  'danal:any:1324': "시간 초과 is the customer's authentication window, and Danal says the transaction was cancelled automatically",
  'danal:any:1622': "시간 초과 is the customer's authentication window, and Danal says the transaction was cancelled automatically",
  'danal:any:2373': "시간 초과 is the customer's authentication window, and Danal says the transaction was cancelled automatically",
  'danal:any:2673': "시간 초과 is the customer's authentication window, and Danal says the transaction was cancelled automatically",
  'danal:any:2873': "시간 초과 is the customer's authentication window, and Danal says the transaction was cancelled automatically",
  'danal:any:3042': "시간 초과 is the customer's authentication window, and Danal says the transaction was cancelled automatically",
  'danal:any:3242': "시간 초과 is the customer's authentication window, and Danal says the transaction was cancelled automatically",
  'danal:any:3442': "시간 초과 is the customer's authentication window, and Danal says the transaction was cancelled automatically",
  'danal:any:4042': "시간 초과 is the customer's authentication window, and Danal says the transaction was cancelled automatically",
  'danal:any:4442': "시간 초과 is the customer's authentication window, and Danal says the transaction was cancelled automatically",
  'danal:any:4647': "시간 초과 is the customer's authentication window, and Danal says the transaction was cancelled automatically",
  'danal:any:4847': "시간 초과 is the customer's authentication window, and Danal says the transaction was cancelled automatically",
  'danal:any:5418': "시간 초과 is the customer's authentication window, and Danal says the transaction was cancelled automatically",
  'danal:any:5863': "시간 초과 is the customer's authentication window, and Danal says the transaction was cancelled automatically",
  'danal:any:5963': "시간 초과 is the customer's authentication window, and Danal says the transaction was cancelled automatically",
  'eway:any:V6018': '"Unknown" names the currency code the request sent, not the outcome',
  'eway:any:V6039': '"Network" here is the card network token, not a connection',
  'eway:any:V6091': '"Unknown" names the country code the request sent, not the outcome',
  'eway:any:V6092': '"Unknown" names the country code the request sent, not the outcome',
  'gmo-payment-gateway:any:E91050001': 'the detail asks to check the link-type template settings: the payment page never started',
  'gmo-payment-gateway:any:E91099997': 'the buyer message says the requested API does not exist: nothing was processed',
  'kg-inicis:any:500614': '알수없는 names the card (a foreign card Inicis cannot identify), not the outcome of the call',
  'kg-inicis:any:501614': '알수없는 names the card (a foreign card Inicis cannot identify), not the outcome of the call',
  'kg-inicis:any:503614': '알수없는 names the card (a foreign card Inicis cannot identify), not the outcome of the call',
  'kg-inicis:any:504614': '알수없는 names the card (a foreign card Inicis cannot identify), not the outcome of the call',
  'kg-inicis:any:506614': '알수없는 names the card (a foreign card Inicis cannot identify), not the outcome of the call',
  'kg-inicis:any:507614': '알수없는 names the card (a foreign card Inicis cannot identify), not the outcome of the call',
  'kg-inicis:any:509614': '알수없는 names the card (a foreign card Inicis cannot identify), not the outcome of the call',
  'kg-inicis:any:511614': '알수없는 names the card (a foreign card Inicis cannot identify), not the outcome of the call',
  'kg-inicis:any:512614': '알수없는 names the card (a foreign card Inicis cannot identify), not the outcome of the call',
  'kg-inicis:any:550614': '알수없는 names the card (a foreign card Inicis cannot identify), not the outcome of the call',
  'kg-inicis:any:110501': '알수없는 names the value sent in PRODUCT_NAME (a request to fix), not the outcome of the call',
  'kg-inicis:any:200501': '알수없는 names the value sent in PRODUCT_NAME (a request to fix), not the outcome of the call',
  'newebpay:any:MPG01030': '重複 names item numbers repeated inside the order details: a malformed request, refused before payment',
  'nhn-kcp:any:8475': '중복 names a field of the request (the duplicate-coupon count) that is malformed',
  'nicepay:any:A102': '알 수 없는 names a parameter TYPE the request sent, not the outcome',
  'nicepay:any:A227': '중복 names a field repeated in the request, not a repeated payment',
  'razorpay:payment:bank_technical_error':
    'Razorpay gives this reason on a payment whose status is failed: the provider has closed it, the doubtful word describes the cause',
  'razorpay:payment:card_network_not_enabled': '"network" names the card network (Visa, Mastercard) the merchant has not enabled',
  'razorpay:payment:credit_failed':
    'Razorpay gives this reason on a payment whose status is failed: the provider has closed it, the doubtful word describes the cause',
  'razorpay:payment:payment_failed':
    'Razorpay gives this reason on a payment whose status is failed: the provider has closed it, the doubtful word describes the cause',
  'razorpay:payment:vpa_resolution_failed':
    'Razorpay gives this reason on a payment whose status is failed: the provider has closed it, the doubtful word describes the cause',
};

/** Approvals worded without "approved" or "success" (D2). */
export const SUCCESS_APAC: Record<string, string> = {
  'eway:A2008': 'Honour With Identification is ISO 8583 08, an approval once the cardholder is identified',
};
