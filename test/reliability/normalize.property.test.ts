import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLASSIFY_THRESHOLD } from '../../src/classify/classify.js';
import { PaycodesInputError } from '../../src/core/errors.js';
import { resolveLang } from '../../src/core/lang.js';
import type { Decision, NormalizeInput } from '../../src/core/types.js';
import { normalize } from '../../src/normalize.js';
import {
  anyField,
  anyText,
  catalogText,
  DOUBT_WORDS,
  ENUMS,
  edgeNumber,
  FAILURE_WORDS,
  HOSTILE_KEYS,
  hostileKey,
  hostileObject,
  hugeText,
  knownCode,
  knownProvider,
  NEUTRAL_WORDS,
  RUNS,
  soupWith,
  wordSoup,
} from './arbitraries.js';
import { answerOrInputError, decisionProblems, unknownCodeProblems } from './invariants.js';
import { type PrototypeSnapshot, prototypeChanges, snapshotPrototypes } from './prototype.js';

let before: PrototypeSnapshot;
beforeAll(() => {
  before = snapshotPrototypes();
});
afterAll(() => {
  expect(prototypeChanges(before, snapshotPrototypes())).toEqual([]);
});

/** Calls normalize and checks the answer; returns it, or undefined when an input error was thrown. */
function check(input: unknown): Decision | undefined {
  const r = answerOrInputError(() => normalize(input as NormalizeInput));
  if ('error' in r) return undefined;
  const d = r.value;
  const message = typeof input === 'object' && input !== null ? (input as { message?: unknown }).message : undefined;
  expect(decisionProblems(d)).toEqual([]);
  expect(unknownCodeProblems(d, message, CLASSIFY_THRESHOLD)).toEqual([]);
  return d;
}

const lang = fc.oneof(fc.constantFrom(...ENUMS.LANGS, 'zh-TW', 'zh-CN', 'EN-us', 'zh_hk', undefined), hostileKey, anyText);
const flow = fc.oneof(fc.constantFrom(...ENUMS.FLOWS, undefined, null), hostileKey, anyText);
const provider = fc.oneof(
  { weight: 3, arbitrary: knownProvider },
  { weight: 2, arbitrary: hostileKey },
  { weight: 3, arbitrary: anyField },
);
const code = fc.oneof(
  { weight: 3, arbitrary: knownCode },
  { weight: 2, arbitrary: edgeNumber },
  { weight: 2, arbitrary: hostileKey },
  { weight: 3, arbitrary: anyField },
);
const message = fc.oneof(
  fc.constant(undefined),
  catalogText,
  anyText,
  hostileKey,
  wordSoup([...DOUBT_WORDS, ...FAILURE_WORDS, ...NEUTRAL_WORDS]),
  anyField,
);

describe('normalize() under hostile input', () => {
  it('answers every (provider, code, flow, lang, message) with a valid decision or a PaycodesInputError', () => {
    fc.assert(
      fc.property(provider, code, flow, lang, message, (p, c, f, l, m) => {
        check({ provider: p, code: c, flow: f, lang: l, message: m });
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('treats hostile keys as ordinary strings in every field', () => {
    for (const k of HOSTILE_KEYS) {
      for (const input of [
        { provider: k, code: '1201' },
        { provider: 'qfpay', code: k },
        { provider: 'qfpay', code: '1201', lang: k },
        { provider: 'nope', code: '1', lang: k },
        { provider: 'qfpay', code: '1201', flow: k },
        { provider: 'qfpay', code: '1201', message: k },
        { provider: k, code: k, message: k },
      ]) {
        const d = check(input);
        if (d !== undefined && input.provider === k) expect(d.known).toBe(false);
      }
    }
  });

  it('never says failed or succeeded for a code the catalog does not know, whatever the message', () => {
    fc.assert(
      fc.property(
        knownProvider,
        fc.oneof(anyText, edgeNumber.filter(Number.isFinite), fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 12 })),
        message,
        (p, c, m) => {
          const d = check({ provider: p, code: c, message: m });
          if (d === undefined || d.known) return;
          // Without a message there is nothing to classify: the only safe answer.
          if (typeof m !== 'string' || m.trim() === '') expect([d.unified, d.outcome, d.next]).toEqual(['unmapped', 'unknown', 'query']);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('keeps messages about processing, timeouts, unknown results and duplicates out of failed+retry', () => {
    fc.assert(
      fc.property(
        knownProvider,
        // A code that names a 3-D Secure step ("ZZ 3D") makes a time-out beside it the customer's
        // step, which is theirs to retry (safety.ts, the timeout rule): not the doubt this checks.
        fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 10 }).filter((c) => !/3-?d/i.test(c)),
        soupWith(DOUBT_WORDS, NEUTRAL_WORDS),
        (p, c, m) => {
          const d = check({ provider: p, code: `ZZ${c}`, message: m });
          if (d === undefined || d.known) return;
          expect(d.outcome).not.toBe('succeeded');
          if (d.outcome === 'failed') expect(['retry', 'fix_and_retry', 'ask_customer']).not.toContain(d.next);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('takes objects whose own keys are __proto__/constructor without reading through them', () => {
    const input = JSON.parse(
      '{"__proto__":{"provider":"qfpay","code":"1201"},"constructor":{"prototype":{"x":1}},"provider":"qfpay","code":"1201"}',
    );
    const d = check(input);
    expect(d?.known).toBe(true);
    expect(d?.unified).toBe('insufficient_funds');
    // Inherited fields alone are not a provider and code given by the caller; either answer is defined.
    check(Object.create({ provider: 'qfpay', code: '1201' }));
    fc.assert(
      fc.property(hostileObject, (o) => {
        check(o);
        check({ provider: o, code: o });
        check({ provider: 'qfpay', code: '1201', message: o, lang: o, flow: o });
      }),
      { numRuns: RUNS },
    );
  });

  it('resolves hostile language tags to an input error, not to Object.prototype members', () => {
    for (const k of HOSTILE_KEYS) expect(() => resolveLang(k)).toThrow(PaycodesInputError);
  });

  it('rejects non-object input with PaycodesInputError', () => {
    for (const input of [undefined, null, 0, 'qfpay 1201', true, Symbol('x')]) {
      expect(() => normalize(input as unknown as NormalizeInput)).toThrow(PaycodesInputError);
    }
  });

  it('reads numbers the same as their canonical strings and refuses NaN/Infinity', () => {
    expect(normalize({ provider: 'qfpay', code: 1201 }).unified).toBe(normalize({ provider: 'qfpay', code: '1201' }).unified);
    for (const n of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(() => normalize({ provider: 'qfpay', code: n })).toThrow(PaycodesInputError);
    }
    for (const n of [-0, 1e21, Number.MAX_VALUE, 0.5, -1]) check({ provider: 'qfpay', code: n });
  });

  it('stays defined on megabyte-long strings in every field', () => {
    fc.assert(
      fc.property(hugeText, fc.constantFrom('provider', 'code', 'message', 'flow', 'lang'), (s, fieldName) => {
        const input: Record<string, unknown> = { provider: 'qfpay', code: 'NOT_A_CODE', message: 'processing' };
        input[fieldName] = s;
        check(input);
      }),
      { numRuns: 6 },
    );
  });
});
