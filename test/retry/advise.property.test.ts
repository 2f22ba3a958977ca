import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Attempt, adviseRetry, NETWORKS, readNetwork, retryRules } from '../../src/retry/index.js';

const T0 = Date.parse('2026-11-01T00:00:00Z');
const DAY = 86_400_000;
const code = fc.oneof(
  fc.constantFrom('04', '05', '07', '14', '41', '43', '51', '54', '57', '61', '65', '91', '96', '1A', 'N7', 'R0', 'R3', 'ZZ'),
  fc.stringMatching(/^[0-9A-Z]{2}$/),
);
const advice = fc.option(fc.constantFrom('01', '02', '03', '04', '21', '24', '25', '26', '27', '28', '29', '30', '40', '99'), {
  nil: undefined,
});
const attempt: fc.Arbitrary<Attempt> = fc.record({
  at: fc.integer({ min: T0, max: T0 + 60 * DAY }),
  network: fc.constantFrom(...NETWORKS.slice(0, 2), ...NETWORKS),
  networkCode: code,
  adviceCode: advice,
  amount: fc.constantFrom('10.00', '25.00'),
});
const input = fc.record({
  attempts: fc.array(attempt, { minLength: 1, maxLength: 60 }),
  next: fc.constantFrom('retry', 'ask_customer', 'stop', 'fix_and_retry'),
  later: fc.integer({ min: 0, max: 40 * DAY }),
});

const forbids = (a: Attempt) =>
  a.network !== undefined &&
  readNetwork(retryRules, a.network, String(a.networkCode), a.adviceCode as string | undefined).retry === 'never';

describe('adviseRetry, for any attempt history', () => {
  it('never allows a retry after a Visa category 1 code or a MAC 03/21, and never beyond a cap', () => {
    fc.assert(
      fc.property(input, ({ attempts, next, later }) => {
        const sorted = [...attempts].sort((a, b) => (a.at as number) - (b.at as number));
        const last = sorted.at(-1) as Attempt;
        const now = (last.at as number) + later;
        const decision = {
          outcome: 'failed' as const,
          next: next as 'retry',
          network: { network: last.network as 'visa', code: String(last.networkCode), advice: last.adviceCode as string | undefined },
        };
        const a = adviseRetry({ decision, attempts, now });
        if (!a.retry) return;
        // A retry is only ever allowed when no code in the history forbids one…
        expect(sorted.some(forbids)).toBe(false);
        const net = last.network;
        const inWindow = (ms: number, sameAmount = false) =>
          sorted.filter((x) => (x.at as number) > now - ms && x.network === net && (!sameAmount || x.amount === last.amount)).length;
        // …and the next attempt stays inside every cap of the card's network.
        for (const cap of retryRules.caps) {
          if (cap.network !== net || cap.attempts === undefined || cap.windowSeconds === undefined) continue;
          expect(inWindow(cap.windowSeconds * 1000, cap.sameAmount) + 1).toBeLessThanOrEqual(cap.attempts);
        }
        if (net === 'visa') {
          expect(now - (sorted[0]?.at as number)).toBeLessThanOrEqual(30 * DAY);
          expect(inWindow(30 * DAY) + 1).toBeLessThanOrEqual(20);
        }
        expect(a.remaining).toBeGreaterThanOrEqual(1);
        expect(a.reference).toBe('new');
      }),
      { numRuns: 2000 },
    );
  });

  it('an open outcome is never retried, whatever the history', () => {
    fc.assert(
      fc.property(input, fc.constantFrom('unknown', 'pending'), ({ attempts }, outcome) => {
        const a = adviseRetry({ decision: { outcome, next: outcome === 'unknown' ? 'query' : 'wait' }, attempts, now: T0 + 61 * DAY });
        expect(a.retry).toBe(false);
        expect(a.reference).toBe('same');
      }),
    );
  });
});
