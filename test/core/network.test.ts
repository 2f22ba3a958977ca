import { describe, expect, it } from 'vitest';
import type { ProviderData } from '../../src/core/data.js';
import { PaycodesInputError } from '../../src/core/errors.js';
import { createNormalizer } from '../../src/core/normalizer.js';
import type { NormalizeInput } from '../../src/core/types.js';
import { en } from '../../src/data/messages/en.js';
import { retryRules } from '../../src/data/retry-rules.js';
import { unified } from '../../src/data/unified.js';
import { normalize } from '../../src/normalize.js';

// A card gateway that only ever says "declined" or "timeout", and a slice of ISO 8583 field 39.
const gateway: ProviderData = {
  id: 'cardgate',
  name: 'Card Gate',
  aliases: [],
  languages: ['en'],
  canonical: { width: 0, case: 'preserve' },
  document: 'test/fixtures/cardgate.md',
  entries: [
    ['card_declined', 'payment', '', 'generic_decline', ['The card was declined.'], 3, 3, 0],
    ['timeout', 'payment', '', 'channel_timeout', ['The bank did not answer in time.'], 4, 4, 0],
    ['approved', 'payment', '', 'approved', ['Approved.'], 5, 5, 0],
  ],
};
const iso8583: ProviderData = {
  id: 'iso8583',
  name: 'ISO 8583 field 39',
  aliases: [],
  languages: ['en'],
  canonical: { width: 2, case: 'upper' },
  document: 'test/fixtures/iso8583.md',
  entries: [
    ['00', 'any', '', 'approved', ['Approved'], 10, 10, 0],
    ['51', 'any', '', 'insufficient_funds', ['Not sufficient funds'], 11, 11, 0],
    ['43', 'any', '', 'lost_or_stolen_card', ['Stolen card, pick-up'], 12, 12, 0],
  ],
};
const make = () => createNormalizer({ providers: [gateway, iso8583], unified, messages: { en }, networks: retryRules });

describe('normalize() with card-network facts', () => {
  it("the issuer's code decides over the provider's generic decline, and both sources stay", () => {
    const d = make().normalize({ provider: 'cardgate', code: 'card_declined', flow: 'payment', network: 'visa', networkCode: '51' });
    expect(d).toMatchObject({ unified: 'insufficient_funds', outcome: 'failed', known: true, decline: 'soft' });
    expect(d.source?.document).toBe('test/fixtures/cardgate.md');
    expect(d.network).toMatchObject({
      network: 'visa',
      code: '51',
      catalog: 'iso8583',
      unified: 'insufficient_funds',
      rules: ['visa-category-2'],
    });
    expect(d.network?.source?.document).toBe('test/fixtures/iso8583.md');
    expect(d.reason).toMatch(/issuer/);
  });
  it('a Visa category 1 code is a hard decline; the provider code alone is not', () => {
    const n = make();
    const d = n.normalize({ provider: 'cardgate', code: 'card_declined', network: 'visa', networkCode: 43 });
    expect(d).toMatchObject({ unified: 'lost_or_stolen_card', outcome: 'failed', decline: 'hard' });
    expect(n.normalize({ provider: 'cardgate', code: 'card_declined' }).decline).toBeUndefined();
  });
  it('an open outcome stays open whatever the network says: no soft/hard on it', () => {
    const d = make().normalize({ provider: 'cardgate', code: 'timeout', network: 'mastercard', networkCode: '51', adviceCode: '24' });
    expect(d).toMatchObject({ unified: 'channel_timeout', outcome: 'unknown', next: 'query' });
    expect(d.decline).toBeUndefined();
    expect(d.recurring).toBeUndefined();
    expect(d.network?.rules).toContain('mastercard-mac-24');
  });
  it('an approval from the issuer never turns a declined provider answer into success', () => {
    const d = make().normalize({ provider: 'cardgate', code: 'card_declined', network: 'visa', networkCode: '00' });
    expect(d).toMatchObject({ unified: 'generic_decline', outcome: 'failed' });
  });
  it('an unknown provider code takes the issuer reading of a decline', () => {
    const d = make().normalize({ provider: 'cardgate', code: 'E999', network: 'mastercard', networkCode: '51', adviceCode: '25' });
    expect(d).toMatchObject({ unified: 'insufficient_funds', outcome: 'failed', decline: 'soft', recurring: 'wait' });
  });
  it('MAC 03 and 21 are hard and stop recurring payments', () => {
    for (const adviceCode of ['03', '21']) {
      const d = make().normalize({ provider: 'cardgate', code: 'card_declined', network: 'mastercard', networkCode: '05', adviceCode });
      expect(d).toMatchObject({ decline: 'hard', recurring: 'stop' });
    }
  });
  it('MAC 01 asks for updated card details', () => {
    expect(make().normalize({ provider: 'cardgate', code: 'card_declined', network: 'mastercard', adviceCode: '01' }).recurring).toBe(
      'update_card',
    );
  });
  it('Visa 1A asks for step-up authentication', () => {
    expect(make().normalize({ provider: 'cardgate', code: 'card_declined', network: 'visa', networkCode: '1A' }).stepUp).toBe(true);
  });
  it('answers do not depend on earlier calls with or without network facts', () => {
    const inputs: NormalizeInput[] = [
      { provider: 'cardgate', code: 'card_declined' },
      { provider: 'cardgate', code: 'card_declined', network: 'visa', networkCode: '51' },
      { provider: 'cardgate', code: 'card_declined', network: 'mastercard', networkCode: '51', adviceCode: '24' },
      { provider: 'cardgate', code: 'card_declined' },
    ];
    const shared = make();
    for (const i of [...inputs, ...inputs.reverse()]) expect(shared.normalize(i)).toEqual(make().normalize(i));
  });
  it.each([
    [{ network: 'diners' }, 'network'],
    [{ networkCode: '51' }, 'network'],
    [{ network: 'visa', networkCode: '5 1' }, 'networkCode'],
    [{ network: 'visa', adviceCode: {} }, 'adviceCode'],
  ])('bad network input %o is a PaycodesInputError', (extra, field) => {
    let err: unknown;
    try {
      make().normalize({ provider: 'cardgate', code: 'card_declined', ...(extra as object) } as NormalizeInput);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PaycodesInputError);
    expect((err as PaycodesInputError).field).toBe(field);
  });
  it('the embedded catalog takes network facts too', () => {
    const d = normalize({ provider: 'qfpay', code: '1201', network: 'visa', networkCode: '51' });
    expect(d).toMatchObject({ unified: 'insufficient_funds', decline: 'soft', network: { network: 'visa', code: '51' } });
  });
});

describe('state and network facts together', () => {
  it('are refused with a clear error rather than one dropped', () => {
    expect(() => normalize({ provider: 'eftpay', code: '00', state: 'TRADE_SUCCESS', network: 'visa', networkCode: '51' })).toThrow(
      /cannot be combined/,
    );
  });
});
