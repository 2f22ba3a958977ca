import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isGated } from '../../src/classify/classifier.js';
import { CLASSIFY_THRESHOLD, classify } from '../../src/classify/classify.js';
import type { Classification, ClassifyInput } from '../../src/core/types.js';
import {
  anyField,
  anyText,
  catalogText,
  DOUBT_WORDS,
  ENUMS,
  FAILURE_WORDS,
  HOSTILE_KEYS,
  hostileKey,
  hostileObject,
  hugeText,
  NEUTRAL_WORDS,
  RUNS,
  SUCCESS_WORDS,
  saysSuccess,
  soupWith,
  wordSoup,
} from './arbitraries.js';
import { answerOrInputError, classificationProblems } from './invariants.js';
import { type PrototypeSnapshot, prototypeChanges, snapshotPrototypes } from './prototype.js';

let before: PrototypeSnapshot;
beforeAll(() => {
  before = snapshotPrototypes();
});
afterAll(() => {
  expect(prototypeChanges(before, snapshotPrototypes())).toEqual([]);
});

const D1_NEXT = ['retry', 'fix_and_retry', 'ask_customer'];

/** Classifies and checks the safety rules that hold for every answer; undefined on an input error. */
function check(input: unknown): Classification | undefined {
  const r = answerOrInputError(() => classify(input as ClassifyInput));
  if ('error' in r) return undefined;
  const c = r.value;
  expect(classificationProblems(c)).toEqual([]);
  const { message, code, flow } = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  const text = [message, code].filter((v) => typeof v === 'string').join(' ');
  // Below the threshold the answer is unmapped: unknown/query, never a guessed code. But for a success
  // the words settle ("취소성공" on the cancel flow): no threshold holds that back, and it says so.
  if (isGated(c)) {
    if (c.confidence < CLASSIFY_THRESHOLD) expect([c.unified, c.outcome, c.next]).toEqual(['unmapped', 'unknown', 'query']);
    if (c.unified !== 'unmapped') expect(c.confidence).toBeGreaterThanOrEqual(CLASSIFY_THRESHOLD);
  } else expect(c.outcome).toBe('succeeded');
  if (c.outcome === 'failed' || c.outcome === 'succeeded') expect(c.evidence.length).toBeGreaterThan(0);
  if (c.outcome === 'succeeded') expect(saysSuccess(text, flow), text.slice(0, 200)).toBe(true);
  return c;
}

const flow = fc.oneof(fc.constantFrom(...ENUMS.FLOWS, undefined), hostileKey, anyText);
const message = fc.oneof(
  { weight: 3, arbitrary: anyText },
  { weight: 2, arbitrary: catalogText },
  { weight: 2, arbitrary: wordSoup([...SUCCESS_WORDS, ...DOUBT_WORDS, ...FAILURE_WORDS, ...NEUTRAL_WORDS]) },
  { weight: 1, arbitrary: hostileKey },
);

describe('classify() under hostile input', () => {
  it('answers any message, code, provider and flow with a valid classification or a PaycodesInputError', () => {
    fc.assert(
      fc.property(
        message,
        fc.oneof(anyField, fc.constant(undefined)),
        fc.oneof(anyField, fc.constant(undefined)),
        flow,
        (m, code, provider, f) => {
          check({ message: m, code, provider, flow: f });
        },
      ),
      { numRuns: RUNS * 2 },
    );
  });

  it('takes values of the wrong type in every field without crashing', () => {
    fc.assert(
      fc.property(anyField, anyField, anyField, anyField, (m, code, provider, f) => {
        check({ message: m, code, provider, flow: f });
      }),
      { numRuns: RUNS },
    );
    for (const input of [undefined, null, 0, 'insufficient funds', [], Object.create(null)]) check(input);
  });

  it('never says succeeded for text about failure, doubt or nothing in particular', () => {
    fc.assert(
      fc.property(wordSoup([...DOUBT_WORDS, ...FAILURE_WORDS, ...NEUTRAL_WORDS]), fc.oneof(fc.constant(undefined), anyText), (m, code) => {
        const c = check({ message: m, code });
        expect(c?.outcome).not.toBe('succeeded');
      }),
      { numRuns: RUNS },
    );
  });

  it('never turns processing, timeout, unknown-result or duplicate text into failed with a retry', () => {
    fc.assert(
      // Doubt words among neutral ones: nothing here says the payment failed.
      fc.property(soupWith(DOUBT_WORDS, NEUTRAL_WORDS), fc.oneof(fc.constant(undefined), fc.constantFrom(...ENUMS.FLOWS)), (m, f) => {
        const c = check({ message: m, flow: f });
        if (c?.outcome === 'failed') expect(D1_NEXT).not.toContain(c.next);
        expect(c?.outcome).not.toBe('succeeded');
      }),
      { numRuns: RUNS },
    );
  });

  it('treats hostile keys as ordinary words', () => {
    for (const k of HOSTILE_KEYS) {
      check({ message: k });
      check({ message: `payment ${k} failed`, code: k, provider: k, flow: 'payment' });
      check({ message: k, code: k, provider: k, flow: k });
    }
    fc.assert(
      fc.property(hostileObject, (o) => {
        check({ message: 'insufficient funds', code: o, provider: o, flow: o });
        check({ message: o });
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });

  it('stays defined on megabyte-long messages and codes', () => {
    fc.assert(
      fc.property(hugeText, fc.boolean(), (s, asCode) => {
        check(asCode ? { message: 'insufficient funds', code: s } : { message: s, code: 'X1' });
      }),
      { numRuns: 4 },
    );
  });
});
