export { PaycodesSignatureError, type SignatureProblem } from './errors.js';
export { fromNotification } from './from-notification.js';
export { fromResponse } from './from-response.js';
export { ottpayDecrypt, ottpayEncrypt } from './ottpay-crypto.js';
export { SCHEMES, signNotification } from './signatures.js';
export * from './types.js';
