import { PaycodesInputError } from './errors.js';

/** How a provider writes its codes: digit codes padded to `width`, word codes folded to `case`. */
export interface CanonicalRule {
  width: number;
  case: 'upper' | 'preserve';
}

/** Longer than any real provider code by a wide margin; longer input is a caller bug or an attack. */
export const MAX_CODE_LENGTH = 128;

const NON_ASCII = /[^\x20-\x7e]/;
const DIGITS = /^\d+$/;

/** A number or string as the provider's canonical code string (e.g. QFPay `0` → `0000`). */
export function canonicalCode(rule: CanonicalRule, code: string | number): string {
  let s: string;
  if (typeof code === 'number') {
    if (!Number.isFinite(code)) throw new PaycodesInputError('code', `code must be a finite number or a string, got ${code}`);
    s = String(code);
  } else if (typeof code === 'string') {
    s = code.trim();
    // Full-width digits and letters arrive from CJK input methods and spreadsheets.
    if (NON_ASCII.test(s)) s = s.normalize('NFKC').trim();
  } else {
    throw new PaycodesInputError('code', `code must be a string or a number, got ${code === null ? 'null' : typeof code}`);
  }
  if (s.length === 0) throw new PaycodesInputError('code', 'code is empty');
  if (s.length > MAX_CODE_LENGTH) throw new PaycodesInputError('code', `code is longer than ${MAX_CODE_LENGTH} characters`);
  if (rule.width > 0 && s.length < rule.width && DIGITS.test(s)) s = s.padStart(rule.width, '0');
  if (rule.case === 'upper') s = s.toUpperCase();
  return s;
}

/** The code as given, trimmed, for providers paycodes does not know. */
export function plainCode(code: string | number): string {
  return canonicalCode({ width: 0, case: 'preserve' }, code);
}
