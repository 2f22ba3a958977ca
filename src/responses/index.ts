import type { Obj } from './body.js';
import { defaultCatalog } from './default-catalog.js';
import { createResponses } from './responses.js';
import type { NotificationDecision, NotificationOptions, ResponseDecision, ResponseOptions, ResponseProvider } from './types.js';

export type { ResponsesCatalog } from './catalog.js';
export type { EnvelopeData, StateRow, StateTable } from './envelope.js';
export { PaycodesSignatureError, type SignatureProblem } from './errors.js';
export { ottpayDecrypt, ottpayEncrypt } from './ottpay-crypto.js';
export { createResponses, type Responses } from './responses.js';
export { SCHEMES } from './schemes.js';
export * from './types.js';

const embedded = createResponses(defaultCatalog);

/**
 * A provider id: editors offer the supported ones (`ResponseProvider`); an alias such as
 * "SHOPLINE Payments" is accepted too. Anything else throws `PaycodesInputError`.
 */
export type ProviderName = ResponseProvider | (string & {});

/**
 * Reads a whole provider response (parsed object or raw body) and decides on both layers.
 * @throws PaycodesInputError for a provider outside `RESPONSE_PROVIDERS` (aliases are accepted) or bad options.
 */
export function fromResponse(provider: ProviderName, response: unknown, options?: ResponseOptions): ResponseDecision {
  return embedded.fromResponse(provider, response, options);
}

/**
 * Verifies a notification (raw body) and decides on it.
 * @throws PaycodesSignatureError when it cannot be trusted; PaycodesInputError for bad options.
 */
export function fromNotification(
  provider: ProviderName,
  payload: string | Uint8Array,
  options?: NotificationOptions,
): NotificationDecision {
  return embedded.fromNotification(provider, payload, options);
}

/**
 * Signs a notification the way the provider does, for tests and the mock. `body` is an object, or
 * the exact JSON text to send (used as is, not encoded again). Returns the bytes and the headers.
 */
export function signNotification(
  provider: ProviderName,
  body: Obj | string,
  secret: string,
  opts: { timestamp?: number } = {},
): { body: string; headers: Record<string, string> } {
  return embedded.signNotification(provider, body, secret, opts);
}
