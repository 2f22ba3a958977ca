export type SignatureProblem =
  | 'missing_secret'
  | 'missing_signature'
  | 'missing_timestamp'
  | 'stale_timestamp'
  | 'invalid_signature'
  | 'malformed_payload'
  | 'replayed'
  | 'unsupported';

/**
 * A notification that cannot be trusted. Never a decision: an unsigned or tampered notification
 * says nothing about the money, and acting on it is how forged "paid" callbacks ship orders.
 */
export class PaycodesSignatureError extends Error {
  readonly provider: string;
  readonly reason: SignatureProblem;
  constructor(provider: string, reason: SignatureProblem, message: string) {
    super(message);
    this.name = 'PaycodesSignatureError';
    this.provider = provider;
    this.reason = reason;
  }
}
