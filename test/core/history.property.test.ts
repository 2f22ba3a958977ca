import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listEntries, listProviders } from '../../src/catalog/api.js';
import { classify } from '../../src/classify/classify.js';
import { createNormalizer, type Normalizer } from '../../src/core/normalizer.js';
import { FLOWS, LANGS, type NormalizeInput } from '../../src/core/types.js';
import { en } from '../../src/data/messages/en.js';
import { zhHans } from '../../src/data/messages/zh-hans.js';
import { zhHant } from '../../src/data/messages/zh-hant.js';
import { providers } from '../../src/data/providers/index.js';
import { unified } from '../../src/data/unified.js';
import { normalize } from '../../src/normalize.js';

/**
 * Answers are a pure function of the input: whatever was asked before, a call gets the answer a
 * freshly created normalizer gives. The caches may only make answers faster.
 */

const fresh = (): Normalizer => createNormalizer({ providers, unified, messages: { en, 'zh-Hant': zhHant, 'zh-Hans': zhHans }, classify });

const entries = listProviders().flatMap((p) => listEntries(p.id));
const catalogMessages = [...new Set(entries.flatMap((e) => Object.values(e.messages)))];

/** Outcomes change with the message for these, so a cache that ignores it shows at once. */
const TRAPS: NormalizeInput[] = [
  { provider: 'subotiz', code: '100888' },
  { provider: 'subotiz', code: '100888', message: '风控拦截' },
  { provider: 'ottpay', code: 'WALLET_LIMIT' },
  { provider: 'ottpay', code: 'WALLET_LIMIT', message: 'wallet limit exceeded' },
  { provider: 'eftpay', code: '-99' },
  { provider: 'eftpay', code: '-99', message: '必须唯一' },
  { provider: 'eftpay', code: '-99', message: '必須唯一' },
  { provider: 'eftpay', code: '-99', message: '系统错误' },
];

const input: fc.Arbitrary<NormalizeInput> = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...TRAPS) },
  {
    weight: 5,
    arbitrary: fc.record(
      {
        provider: fc.oneof(
          fc.constantFrom(...listProviders().map((p) => p.id)),
          fc.constantFrom('SHOPLINE Payments', 'QFPay', 'nopay', 'acme-pay'),
        ),
        code: fc.oneof(
          fc.constantFrom(...entries.map((e) => e.code)),
          fc.constantFrom('0', '3', 'XYZ_9', '100888', 'WALLET_LIMIT', 'nonsense'),
          fc.integer({ min: -120, max: 120000 }),
        ),
        flow: fc.constantFrom(...FLOWS),
        lang: fc.constantFrom(...LANGS),
        message: fc.oneof(
          fc.constantFrom(...catalogMessages),
          fc.constantFrom('风控拦截', '風控攔截', 'insufficient balance', '  ', '余额不足', 'timeout'),
          fc.string({ maxLength: 12 }),
          // Past the length the classifier cache keeps: answered afresh, and still the same.
          fc.string({ minLength: 257, maxLength: 300 }),
        ),
      },
      { requiredKeys: ['provider', 'code'] },
    ),
  },
);

describe('normalize() does not depend on call history', () => {
  it('the known repros answer the same either way round', () => {
    for (const [first, second] of [
      [TRAPS[0], TRAPS[1]],
      [TRAPS[2], TRAPS[3]],
    ] as const) {
      const a = fresh();
      a.normalize(first as NormalizeInput);
      const b = fresh();
      expect(a.normalize(second as NormalizeInput)).toEqual(b.normalize(second as NormalizeInput));
    }
    // With the message the classifier may read the code; without it the code stays unmapped.
    expect(normalize({ provider: 'subotiz', code: '100888' }).unified).toBe('unmapped');
  });

  it('Traditional and Simplified wording pick the same reading of eftPay -99', () => {
    const n = fresh();
    const hans = n.normalize({ provider: 'eftpay', code: '-99', message: 'out_trade_no/refund_no 必须唯一' });
    const hant = n.normalize({ provider: 'eftpay', code: '-99', message: 'out_trade_no/refund_no 必須唯一' });
    expect(hant).toEqual(hans);
    expect(hans.source?.line).toBe(27);
    expect(n.normalize({ provider: 'eftpay', code: '-99', message: '系統錯誤' }).source?.line).toBe(25);
  });

  it('random call sequences answer as a fresh normalizer does', () => {
    const shared = fresh();
    fc.assert(
      fc.property(fc.array(input, { minLength: 1, maxLength: 30 }), (calls) => {
        const n = fresh();
        for (const call of calls) {
          const got = n.normalize(call);
          expect(got).toEqual(fresh().normalize(call));
          // A long-lived instance, as in a server, sees every sequence one after the other.
          expect(shared.normalize(call)).toEqual(got);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('the module singleton agrees with a fresh normalizer after all of that', () => {
    for (const call of TRAPS) expect(normalize(call)).toEqual(fresh().normalize(call));
  });
});

describe('the classifier cache', () => {
  it('keeps an answer from a message’s second sighting, and answers a log of distinct messages afresh', () => {
    let calls = 0;
    const counted: typeof classify = (input) => {
      calls++;
      return classify(input);
    };
    const n = createNormalizer({ providers, unified, messages: { en, 'zh-Hant': zhHant, 'zh-Hans': zhHans }, classify: counted });
    const input = { provider: 'acme-pay', code: 'X1', message: 'Card declined by issuer' };
    const first = n.normalize(input);
    for (let i = 0; i < 4; i++) expect(n.normalize(input)).toEqual(first);
    // The first sighting leaves only the key; the second classifies again and keeps the answer.
    expect(calls).toBe(2);
    expect(first).toEqual(fresh().normalize(input));
    // Distinct messages are classified once each and kept by key only: the first of 1,500 is still
    // remembered as seen, so its next sighting keeps its answer, and the one after is a hit.
    calls = 0;
    const distinct = Array.from({ length: 1500 }, (_, i) => ({ provider: 'acme-pay', code: `E${i}`, message: `Do not honor (ref ${i})` }));
    for (const x of distinct) n.normalize(x);
    expect(calls).toBe(1500);
    n.normalize(distinct[0] as NormalizeInput);
    n.normalize(distinct[0] as NormalizeInput);
    expect(calls).toBe(1501);
  });
});
