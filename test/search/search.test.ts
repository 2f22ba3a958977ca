import { describe, expect, it } from 'vitest';
import { listEntries, listProviders } from '../../src/catalog/api.js';
import { search } from '../../src/search/search.js';

describe('search', () => {
  it('folds Traditional and Simplified Chinese both ways', () => {
    const simplified = search('余额不足', { limit: 50 });
    const traditional = search('餘額不足', { limit: 50 });
    expect(simplified.map((r) => `${r.provider}:${r.code}`)).toEqual(traditional.map((r) => `${r.provider}:${r.code}`));
    // QFPay writes Traditional; Subotiz Simplified: one query finds both.
    expect(simplified.some((r) => r.provider === 'qfpay' && r.code === '1201' && r.text.includes('餘額不足'))).toBe(true);
    expect(traditional.some((r) => r.provider === 'subotiz' && r.text.includes('余额不足'))).toBe(true);
  });

  it('ranks an exact code first, at every provider that has it', () => {
    const r = search('1201');
    const top = r.filter((x) => x.code === '1201');
    const have = listProviders()
      .filter((p) => listEntries(p.id).some((e) => e.code === '1201'))
      .map((p) => p.id);
    expect([...new Set(top.map((x) => x.provider))].sort()).toEqual(have.sort());
    expect(r.slice(0, top.length).every((x) => x.code === '1201')).toBe(true);
    expect(top.every((x) => x.field === 'code')).toBe(true);
  });

  it("canonicalises a code typed alone the provider's way", () => {
    const r = search('0');
    expect(r[0]).toMatchObject({ code: expect.stringMatching(/^0+$/) });
    expect(r.some((x) => x.provider === 'qfpay' && x.code === '0000')).toBe(true);
    expect(
      search('-99')
        .slice(0, 2)
        .every((x) => x.provider === 'eftpay' && x.code === '-99'),
    ).toBe(true);
    expect(search('pwd_incorrect')[0]).toMatchObject({ provider: 'ottpay', code: 'PWD_INCORRECT' });
  });

  it('matches English on words, whatever the case', () => {
    const lower = search('insufficient funds');
    const upper = search('INSUFFICIENT FUNDS');
    expect(lower).toEqual(upper);
    expect(lower[0]).toMatchObject({ kind: 'unified', unified: 'insufficient_funds' });
    // Each hit matched the words (in its text or its unified code); an entry shows the reading
    // normalize() gives its code, which may be another of the code's readings.
    expect(lower.every((r) => r.unified.includes('insufficient') || /insufficient/i.test(r.text))).toBe(true);
    // Word beginnings match; the middle of a word does not.
    expect(search('insuffic').length).toBeGreaterThan(0);
    expect(search('ufficient')).toEqual([]);
  });

  it('requires every word to match', () => {
    for (const r of search('refund timeout', { limit: 100 })) {
      expect(`${r.text} ${r.unified} ${r.code ?? ''}`.toLowerCase()).toMatch(/refund/);
    }
    expect(search('insufficient zebra')).toEqual([]);
  });

  it('ranks exact and near-exact texts in either script above partial matches', () => {
    for (const q of ['余额不足', '餘額不足']) {
      const r = search(q, { limit: 10 });
      // QFPay 1201 is `餘額不足，請更換支付方式`: its first clause is the query in the other script.
      expect(r[0], q).toMatchObject({ provider: 'qfpay', code: '1201' });
      // Exact matches (the clause, or the whole text) come before every text that merely contains it.
      const exact = r.findIndex((x) => x.provider === 'subotiz' && x.code === '100100');
      const partial = r.findIndex((x) => x.provider === 'shopline-payments' && x.code === '9007');
      expect(exact, q).toBeGreaterThan(0);
      expect(exact, q).toBeLessThan(partial);
    }
    // A longer query that is no whole text or clause gets no exact-match boost.
    expect(search('户余额不足', { limit: 1 })[0]?.score ?? 0).toBeLessThan(100);
  });

  it('filters by provider and flow, and limits', () => {
    const r = search('timeout', { provider: 'shopline-payments', limit: 100 });
    expect(r.length).toBeGreaterThan(0);
    expect(r.every((x) => x.kind === 'entry' && x.provider === 'shopline-payments')).toBe(true);
    expect(search('timeout', { provider: 'SHOPLINE Payments' })).toEqual(search('timeout', { provider: 'shopline-payments' }));
    expect(search('timeout', { limit: 2 })).toHaveLength(2);
    const refunds = search('refund', { flow: 'refund', limit: 100 });
    // A flow filter keeps the entries that apply to every flow, as `normalize()` would use them.
    expect(refunds.every((x) => x.kind === 'unified' || x.flow === 'refund' || x.flow === 'any')).toBe(true);
    expect(refunds.some((x) => x.flow === 'refund')).toBe(true);
    expect(refunds.some((x) => x.flow === 'any')).toBe(true);
    expect(search('timeout', { provider: 'nope' })).toEqual([]);
  });

  it('carries the decision of each hit', () => {
    const hit = search('1201', { provider: 'qfpay' })[0];
    expect(hit).toMatchObject({ kind: 'entry', unified: 'insufficient_funds', outcome: 'failed', next: 'ask_customer', party: 'customer' });
  });

  it('answers empty and odd queries with an empty list', () => {
    expect(search('')).toEqual([]);
    expect(search('   ')).toEqual([]);
    expect(search('__proto__')).toEqual([]);
    expect(search(undefined as unknown as string)).toEqual([]);
  });
});
