import { describe, expect, it } from 'vitest';
import { canonicalCode } from '../../src/core/canonical.js';
import { PaycodesInputError } from '../../src/core/errors.js';
import { normalize } from '../../src/normalize.js';

describe('codes as callers spell them', () => {
  it('answer as the canonical code does, on the first call and on every later one, in any order', () => {
    const spellings: [string, string | number, string][] = [
      ['ottpay', 'amount_not_enough', 'AMOUNT_NOT_ENOUGH'],
      ['ottpay', ' Amount_Not_Enough ', 'AMOUNT_NOT_ENOUGH'],
      ['qfpay', '0', '0000'],
      ['qfpay', ' 1201', '1201'],
      ['shopline-payments', 'url_not_found', 'URL_NOT_FOUND'],
      // Unknown codes too: the answer is unmapped, and spelled forms meet the canonical one.
      ['ottpay', 'no_such_code_zz', 'NO_SUCH_CODE_ZZ'],
      ['qfpay', '98', '0098'],
    ];
    for (const order of [spellings, [...spellings].reverse()]) {
      for (const [provider, spelled, canonical] of order) {
        for (const flow of [undefined, 'refund'] as const) {
          const lang = flow === undefined ? undefined : ('zh-Hant' as const);
          const a = normalize({ provider, code: spelled, flow, lang });
          const b = normalize({ provider, code: canonical, flow, lang });
          expect(a).toEqual(b);
          expect(a.code).toBe(canonical);
          expect(normalize({ provider, code: spelled, flow, lang })).toEqual(b);
        }
      }
    }
  });
});

describe('canonical codes, per provider', () => {
  const code = (provider: string, c: string | number) => normalize({ provider, code: c }).code;

  it('QFPay pads numbers and short digit strings to four digits', () => {
    expect(code('qfpay', 0)).toBe('0000');
    expect(code('qfpay', '0')).toBe('0000');
    expect(code('qfpay', 1201)).toBe('1201');
    expect(code('qfpay', ' 1201\n')).toBe('1201');
    expect(normalize({ provider: 'qfpay', code: 0 }).unified).toBe('approved');
  });

  it('eftPay pads non-negative codes to two digits and keeps the sign of negative ones', () => {
    expect(code('eftpay', 0)).toBe('00');
    expect(code('eftpay', 3)).toBe('03');
    expect(code('eftpay', '3')).toBe('03');
    expect(code('eftpay', -1)).toBe('-1');
    expect(code('eftpay', '-99')).toBe('-99');
    expect(normalize({ provider: 'eftpay', code: 3 }).unified).toBe('duplicate_order');
  });

  it('SHOPLINE Payments folds word codes to upper case and leaves numbers alone', () => {
    expect(code('shopline-payments', 'url_not_found')).toBe('URL_NOT_FOUND');
    expect(code('shopline-payments', 4454)).toBe('4454');
    expect(normalize({ provider: 'shopline-payments', code: 'access_denied' }).unified).toBe('invalid_credentials');
  });

  it('Subotiz keeps the case of word codes (its REST errors are camelCase)', () => {
    expect(code('subotiz', 'unauthorizedError')).toBe('unauthorizedError');
    expect(code('subotiz', 100100)).toBe('100100');
  });

  it('OTT Pay folds word codes to upper case', () => {
    expect(code('ottpay', 'success')).toBe('SUCCESS');
    expect(code('ottpay', ' amount_not_enough ')).toBe('AMOUNT_NOT_ENOUGH');
    expect(normalize({ provider: 'ottpay', code: 'amount_not_enough' }).unified).toBe('insufficient_funds');
  });

  it('reads full-width digits and letters from CJK input', () => {
    expect(code('qfpay', '１２０１')).toBe('1201');
    expect(code('ottpay', 'ｓｕｃｃｅｓｓ')).toBe('SUCCESS');
  });

  it('refuses codes that are empty, too long, or not a string or finite number', () => {
    const rule = { width: 4, case: 'upper' as const };
    expect(() => canonicalCode(rule, '   ')).toThrow(PaycodesInputError);
    expect(() => canonicalCode(rule, 'x'.repeat(129))).toThrow(/longer than 128/);
    expect(() => canonicalCode(rule, Number.NaN)).toThrow(PaycodesInputError);
    expect(() => canonicalCode(rule, Number.POSITIVE_INFINITY)).toThrow(PaycodesInputError);
    expect(() => canonicalCode(rule, {} as unknown as string)).toThrow(/string or a number/);
    expect(canonicalCode(rule, 'x'.repeat(128))).toBe('X'.repeat(128));
  });
});
