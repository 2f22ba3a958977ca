import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PaycodesInputError } from '../../src/core/errors.js';
import { type Attempt, adviseRetry, type RetryInput, readNetwork, retryRules } from '../../src/retry/index.js';
import { ROOT } from '../helpers/paths.js';

const T0 = Date.parse('2026-12-01T10:00:00Z');
const H = 3_600_000;
const D = 24 * H;
const failed = { outcome: 'failed', next: 'ask_customer' } as const;

const visa = (code: string, extra: Partial<RetryInput> = {}): RetryInput => ({
  decision: { ...failed, network: { network: 'visa', code } },
  attempts: [{ at: T0, network: 'visa', networkCode: code }],
  now: T0 + 1000,
  ...extra,
});
const mc = (code: string, advice: string, now = T0 + 1000): RetryInput => ({
  decision: { ...failed, network: { network: 'mastercard', code, advice } },
  attempts: [{ at: T0, network: 'mastercard', networkCode: code, adviceCode: advice }],
  now,
});
const ids = (input: RetryInput) => adviseRetry(input).rules.map((r) => r.id);
const sourceOf = (ruleId: string) => {
  const r = [...retryRules.groups, ...retryRules.caps].find((g) => g.id === ruleId);
  return r === undefined ? undefined : retryRules.sources[r.source];
};

describe('Visa decline categories (source: Yuno, "Merchant Advice Codes (MAC)", commit a6cb7de6, 2026-08-21)', () => {
  it.each(['04', '07', '12', '14', '15', '41', '43', '46', '57', 'R0', 'R1', 'R2', 'R3'])(
    'category 1 code %s: never retried, hard decline',
    (code) => {
      const a = adviseRetry(visa(code));
      expect(a.retry).toBe(false);
      expect(a.rules.map((r) => r.id)).toContain('visa-category-1');
      expect(readNetwork(retryRules, 'visa', code).decline).toBe('hard');
      expect(a.rules.find((r) => r.id === 'visa-category-1')?.source.title).toMatch(/Yuno/);
    },
  );
  it.each(['51', '59', '61', '65', '91', '96', 'N3'])('category 2 code %s: retried, soft, capped at 20 in 30 days', (code) => {
    const a = adviseRetry(visa(code));
    expect(a).toMatchObject({ retry: true, reference: 'new', remaining: 19 });
    expect(a.rules.map((r) => r.id)).toEqual(['visa-category-2']);
    expect(readNetwork(retryRules, 'visa', code).decline).toBe('soft');
  });
  it.each(['54', '55', '82', 'N7', '1A'])('category 3 code %s: not resubmitted unchanged; revalidate data first', (code) => {
    const a = adviseRetry(visa(code));
    expect(a.retry).toBe(false);
    expect(a.rules.map((r) => r.id)).toContain('visa-category-3');
  });
  it.each(['05', '01', '13', 'ZZ'])('category 4 code %s (every other decline): retried under the cap', (code) => {
    const a = adviseRetry(visa(code));
    expect(a).toMatchObject({ retry: true, remaining: 19 });
    expect(a.rules.map((r) => r.id)).toEqual(['visa-category-4']);
  });
  it('1A asks for step-up authentication', () => {
    expect(readNetwork(retryRules, 'visa', '1A').stepUp).toBe(true);
    expect(readNetwork(retryRules, 'visa', '51').stepUp).toBeUndefined();
  });
  it('R0–R3 stop recurring payments', () => {
    for (const c of ['R0', 'R1', 'R2', 'R3']) expect(readNetwork(retryRules, 'visa', c).recurring).toBe('stop');
  });
  it('a single-character code reads as the two-character field 39 code', () => {
    expect(adviseRetry(visa('4')).retry).toBe(false);
  });
});

describe('Visa reattempt cap (source: Visa Core Rules, 18 April 2026 edition, as cited by the open decline-codes data)', () => {
  it('cites the 2026 edition and says where others cite 15', () => {
    const s = sourceOf('visa-reattempts-30d');
    expect(s?.edition).toMatch(/2026/);
    expect(s?.edition).toMatch(/15/);
  });
  it('allows up to 20 declined attempts in 30 days, then stops', () => {
    const history: Attempt[] = Array.from({ length: 19 }, (_, i) => ({ at: T0 + i * H, network: 'visa', networkCode: '51' }));
    const ok = adviseRetry({ ...visa('51'), attempts: history, now: T0 + 19 * H });
    expect(ok).toMatchObject({ retry: true, remaining: 1 });
    const full = [...history, { at: T0 + 19 * H, network: 'visa' as const, networkCode: '51' }];
    const no = adviseRetry({ ...visa('51'), attempts: full, now: T0 + 20 * H });
    expect(no).toMatchObject({ retry: false, remaining: 0 });
    expect(no.rules.map((r) => r.id)).toContain('visa-reattempts-30d');
  });
  it('attempts older than 30 days fall out of the count, but 30 days after the first attempt no retry is free', () => {
    const history: Attempt[] = Array.from({ length: 20 }, (_, i) => ({ at: T0 + i * H, network: 'visa', networkCode: '51' }));
    const later = adviseRetry({ ...visa('51'), attempts: history, now: T0 + 31 * D });
    expect(later.retry).toBe(false);
    expect(later.rules.map((r) => r.id)).toContain('visa-30d-from-first');
  });
  it('a category 1 code anywhere in the history forbids later retries', () => {
    const a = adviseRetry({
      decision: { ...failed, network: { network: 'visa', code: '51' } },
      attempts: [
        { at: T0, network: 'visa', networkCode: '04' },
        { at: T0 + H, network: 'visa', networkCode: '51' },
      ],
      now: T0 + 2 * H,
    });
    expect(a.retry).toBe(false);
    expect(a.rules.map((r) => r.id)).toContain('visa-category-1');
  });
});

describe('Mastercard Merchant Advice Codes (sources: Yuno MAC list; PayPal PaymentAdviceCode; Mastercard TPE as summarised by Yuno)', () => {
  it('MAC 01: update the card details first', () => {
    const a = adviseRetry(mc('05', '01'));
    expect(a.retry).toBe(false);
    expect(ids(mc('05', '01'))).toContain('mastercard-mac-01');
    expect(readNetwork(retryRules, 'mastercard', '05', '01').recurring).toBe('update_card');
  });
  it('MAC 02: try later (72 hours, PayPal wording)', () => {
    const a = adviseRetry(mc('51', '02'));
    expect(a.retry).toBe(true);
    expect(a.notBefore).toBe(new Date(T0 + 72 * H).toISOString());
    expect(sourceOf('mastercard-mac-02')?.publisher).toMatch(/PayPal/);
  });
  it.each(['03', '21'])('MAC %s: never retried, recurring stops', (mac) => {
    const a = adviseRetry(mc('05', mac));
    expect(a.retry).toBe(false);
    expect(a.rules.map((r) => r.id)).toContain(`mastercard-mac-${mac}`);
    expect(readNetwork(retryRules, 'mastercard', '05', mac)).toMatchObject({ decline: 'hard', recurring: 'stop' });
  });
  it('MAC 04: token requirements must be fixed first', () => {
    expect(adviseRetry(mc('05', '04')).retry).toBe(false);
  });
  it.each([
    ['24', 1 * H],
    ['25', 24 * H],
    ['26', 2 * D],
    ['27', 4 * D],
    ['28', 6 * D],
    ['29', 8 * D],
    ['30', 10 * D],
  ])('MAC %s sets notBefore to the decline time plus its wait', (mac, wait) => {
    const a = adviseRetry(mc('51', mac));
    expect(a).toMatchObject({ retry: true, notBefore: new Date(T0 + wait).toISOString(), reference: 'new' });
    expect(readNetwork(retryRules, 'mastercard', '51', mac).recurring).toBe('wait');
    const after = adviseRetry(mc('51', mac, T0 + wait + 1));
    expect(after.retry).toBe(true);
    expect(after.notBefore).toBeUndefined();
  });
  it('a MAC 03 anywhere in the history forbids later retries', () => {
    const a = adviseRetry({
      decision: { ...failed, network: { network: 'mastercard', code: '51', advice: '24' } },
      attempts: [
        { at: T0, network: 'mastercard', networkCode: '05', adviceCode: '03' },
        { at: T0 + 2 * H, network: 'mastercard', networkCode: '51', adviceCode: '24' },
      ],
      now: T0 + 5 * H,
    });
    expect(a.retry).toBe(false);
    expect(a.rules.map((r) => r.id)).toContain('mastercard-mac-03');
  });
});

describe('Mastercard per-card caps (source: Mastercard TPE via Yuno and Braintree\u2019s notes)', () => {
  it('10 declined attempts in 24 hours', () => {
    const nine: Attempt[] = Array.from({ length: 9 }, (_, i) => ({
      at: T0 + i * 60_000,
      network: 'mastercard',
      networkCode: '51',
      amount: i,
    }));
    expect(adviseRetry({ ...mc('51', '02'), attempts: nine, now: T0 + 10 * 60_000 })).toMatchObject({ remaining: 1 });
    const ten = [...nine, { at: T0 + 9 * 60_000, network: 'mastercard' as const, networkCode: '51', amount: 9 }];
    const a = adviseRetry({ ...mc('51', '02'), attempts: ten, now: T0 + 10 * 60_000 });
    expect(a).toMatchObject({ retry: false, remaining: 0 });
    expect(a.rules.map((r) => r.id)).toContain('mastercard-24h');
  });
  it('35 declined attempts at the same amount in 30 days; other amounts do not count', () => {
    const same: Attempt[] = Array.from({ length: 35 }, (_, i) => ({
      at: T0 + i * 20 * H,
      network: 'mastercard',
      networkCode: '51',
      amount: '10.00',
    }));
    const a = adviseRetry({
      decision: { ...failed, network: { network: 'mastercard', code: '51' } },
      attempts: same,
      now: T0 + 35 * 20 * H,
    });
    expect(a.retry).toBe(false);
    expect(a.rules.map((r) => r.id)).toContain('mastercard-same-amount-30d');
    const mixed = same.map((x, i) => (i % 2 === 0 ? { ...x, amount: '11.00' } : x));
    mixed[mixed.length - 1] = { ...(mixed.at(-1) as Attempt), amount: '10.00' };
    const b = adviseRetry({
      decision: { ...failed, network: { network: 'mastercard', code: '51' } },
      attempts: mixed,
      now: T0 + 35 * 20 * H,
    });
    expect(b.rules.map((r) => r.id)).not.toContain('mastercard-same-amount-30d');
  });
});

describe('the decision comes first (source: paycodes decision policy)', () => {
  it.each([
    [{ outcome: 'unknown', next: 'query' }, 'query-first'],
    [{ outcome: 'failed', next: 'query' }, 'query-first'],
    [{ outcome: 'pending', next: 'wait' }, 'wait-for-result'],
    [{ outcome: 'succeeded', next: 'done' }, 'already-succeeded'],
  ] as const)('%o: no retry, the same reference', (decision, rule) => {
    const a = adviseRetry({ decision: { ...decision, network: { network: 'visa', code: '51' } }, attempts: [], now: T0 });
    expect(a).toMatchObject({ retry: false, reference: 'same' });
    expect(a.rules.map((r) => r.id)).toEqual([rule]);
  });
  it('a confirmed failure is resubmitted under a new reference', () => {
    expect(adviseRetry(visa('51')).reference).toBe('new');
  });
  it.each([
    ['stop', 'stopped'],
    ['ask_customer', 'customer-must-act'],
    ['fix_and_retry', 'fix-first'],
  ] as const)('without network codes, next=%s is no retry', (next, rule) => {
    const a = adviseRetry({ decision: { outcome: 'failed', next }, now: T0 });
    expect(a.retry).toBe(false);
    expect(a.rules.map((r) => r.id)).toEqual([rule]);
  });
});

describe('wallets and provider-level retries (source: paycodes default backoff)', () => {
  const decision = { outcome: 'failed', next: 'retry' } as const;
  it('backs off exponentially from 30 s, up to 1 hour, at most 8 attempts a day', () => {
    const at = (n: number) => Array.from({ length: n }, (_, i) => ({ at: T0 + i * 1000 }));
    const wait = (n: number) =>
      Date.parse(adviseRetry({ decision, attempts: at(n), now: T0 + (n - 1) * 1000 }).notBefore as string) - (T0 + (n - 1) * 1000);
    expect([1, 2, 3, 4].map(wait)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(wait(7)).toBe(1_920_000);
    const eight = adviseRetry({ decision, attempts: at(8), now: T0 + 8000 });
    expect(eight).toMatchObject({ retry: false, remaining: 0 });
  });
  it('with no history the decision is the first attempt, made now', () => {
    const a = adviseRetry({ decision, now: T0 });
    expect(a).toMatchObject({ retry: true, remaining: 7, notBefore: new Date(T0 + 30_000).toISOString() });
  });
});

describe('bad input is a clear error', () => {
  it.each([
    [{ decision: failed, now: 'yesterday' }, 'now'],
    [{ decision: failed, attempts: 'x' }, 'attempts'],
    [{ decision: failed, attempts: [{ at: 'nope' }] }, 'attempts[0].at'],
    [{ decision: failed, attempts: [{ at: T0, network: 'diners' }] }, 'attempts'],
    [{ decision: null }, 'decision'],
  ])('%o', (input, field) => {
    let err: unknown;
    try {
      adviseRetry(input as unknown as RetryInput);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PaycodesInputError);
    expect((err as PaycodesInputError).field).toBe(field);
  });
});

describe('the rules file', () => {
  it('every rule cites a source with an edition and a retrieval date', () => {
    for (const r of [...retryRules.groups, ...retryRules.caps, retryRules.backoff]) {
      const s = retryRules.sources[r.source];
      expect(s, r.id).toBeDefined();
      expect(s?.edition.length).toBeGreaterThan(0);
      expect(s?.retrieved).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
  it('every source kept in the repository is there', () => {
    for (const [id, s] of Object.entries(retryRules.sources)) {
      if (s.document !== undefined) expect(existsSync(join(ROOT, s.document)), id).toBe(true);
    }
  });
});
