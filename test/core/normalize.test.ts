import { describe, expect, it } from 'vitest';
import { listProviders } from '../../src/catalog/api.js';
import { PaycodesInputError } from '../../src/core/errors.js';
import { DISCLOSURES, FLOWS, LANGS, NEXT_STEPS, OUTCOMES, PARTIES } from '../../src/core/types.js';
import { normalize } from '../../src/normalize.js';

describe('normalize()', () => {
  it('returns the full decision for a known code', () => {
    const d = normalize({ provider: 'qfpay', code: '1201' });
    expect(d).toMatchObject({
      provider: 'qfpay',
      code: '1201',
      flow: 'any',
      known: true,
      unified: 'insufficient_funds',
      category: 'funds_limits',
      outcome: 'failed',
      next: 'ask_customer',
      party: 'customer',
      disclosure: 'specific',
      confidence: 1,
      source: { messages: { 'zh-Hant': '餘額不足，請更換支付方式 (1201)' }, document: 'catalog/sources/qfpay.md', line: 30, flow: 'any' },
    });
    expect(d.message.customer.length).toBeGreaterThan(10);
    expect(d.message.merchant.length).toBeGreaterThan(10);
    expect(d.alternatives).toBeUndefined();
  });

  it('answers in the requested language, and maps region tags to a script', () => {
    const en = normalize({ provider: 'qfpay', code: '1201' }).message.customer;
    const hant = normalize({ provider: 'qfpay', code: '1201', lang: 'zh-Hant' }).message.customer;
    const hans = normalize({ provider: 'qfpay', code: '1201', lang: 'zh-Hans' }).message.customer;
    expect(new Set([en, hant, hans]).size).toBe(3);
    expect(hant).toMatch(/[\u4e00-\u9fff]/);
    expect(normalize({ provider: 'qfpay', code: '1201', lang: 'zh-TW' as never }).message.customer).toBe(hant);
    expect(normalize({ provider: 'qfpay', code: '1201', lang: 'zh-CN' as never }).message.customer).toBe(hans);
    expect(() => normalize({ provider: 'qfpay', code: '1201', lang: 'fr' as never })).toThrow(PaycodesInputError);
  });

  describe('flows', () => {
    it('prefers the entry scoped to the caller’s flow', () => {
      const d = normalize({ provider: 'shopline-payments', code: '1004', flow: 'onboarding' });
      expect(d.source?.scene).toBe('Onboarding');
      expect(d.source?.messages.en).toBe('The request header is invalid');
      expect(d.flow).toBe('onboarding');
    });

    it('falls back to the any entry', () => {
      const d = normalize({ provider: 'shopline-payments', code: '1904', flow: 'refund' });
      expect(d.source?.scene).toBe('通用');
      expect(d.flow).toBe('refund');
      expect(d.unified).toBe('rate_limited');
      expect(normalize({ provider: 'qfpay', code: '1201', flow: 'refund' }).unified).toBe('insufficient_funds');
    });

    it('lists the other readings when no flow decides', () => {
      const d = normalize({ provider: 'shopline-payments', code: '1004' });
      expect(d.flow).toBe('any');
      expect(d.alternatives).toBeUndefined(); // both readings agree: same unified decision
      const q = normalize({ provider: 'qfpay', code: '1125' });
      expect([q.outcome, q.next]).toEqual(['unknown', 'query']);
      expect(q.alternatives?.map((a) => [a.flow, a.outcome, a.next])).toEqual([['any', 'failed', 'stop']]);
    });

    it('picks the safest reading when readings disagree about money', () => {
      const d = normalize({ provider: 'ottpay', code: 'REFUND_SUCCESS' });
      expect([d.outcome, d.next]).toEqual(['unknown', 'query']);
      expect(d.alternatives?.some((a) => a.outcome === 'succeeded')).toBe(true);
      const refund = normalize({ provider: 'ottpay', code: 'REFUND_SUCCESS', flow: 'refund' });
      expect([refund.outcome, refund.next, refund.alternatives]).toEqual(['succeeded', 'done', undefined]);
    });

    it('answers from other flows when neither the flow nor any has the code', () => {
      const d = normalize({ provider: 'shopline-payments', code: '1201', flow: 'payment' });
      expect(d.known).toBe(true);
      expect(d.unified).toBe('binding_in_progress');
      expect(d.source?.flow).toBe('binding');
    });

    it('alternatives are themselves what you get for their flow', () => {
      const d = normalize({ provider: 'qfpay', code: '1262' });
      const specific = new Set([d.source?.flow, ...(d.alternatives ?? []).map((a) => a.flow)]);
      for (const a of d.alternatives ?? []) {
        // The `any` reading answers every flow that has no reading of its own.
        const flow = a.flow === 'any' ? FLOWS.find((f) => f !== 'any' && !specific.has(f)) : a.flow;
        const again = normalize({ provider: 'qfpay', code: '1262', flow });
        expect([again.unified, again.outcome, again.next, again.party]).toEqual([a.unified, a.outcome, a.next, a.party]);
      }
    });
  });

  describe('one code, two meanings (eftPay -99)', () => {
    it('returns the safest first and the other as an alternative', () => {
      const d = normalize({ provider: 'eftpay', code: -99 });
      expect(d.unified).toBe('system_error');
      expect(d.alternatives?.map((a) => a.unified)).toEqual(['duplicate_order']);
    });
    it('lets the provider message pick the reading', () => {
      expect(normalize({ provider: 'eftpay', code: -99, message: 'out_trade_no/refund_no must be unique' }).unified).toBe(
        'duplicate_order',
      );
      expect(normalize({ provider: 'eftpay', code: -99, message: 'out_trade_no/refund_no 必须唯一' }).unified).toBe('duplicate_order');
      expect(normalize({ provider: 'eftpay', code: -99, message: 'System error' }).unified).toBe('system_error');
      const other = normalize({ provider: 'eftpay', code: -99, message: 'something else entirely' });
      expect(other.alternatives?.length).toBe(1);
    });
  });

  describe('unknown input is safe', () => {
    it('an unknown code is unmapped, unknown, query, provider', () => {
      const d = normalize({ provider: 'qfpay', code: '9999' });
      expect(d).toMatchObject({
        provider: 'qfpay',
        code: '9999',
        known: false,
        unified: 'unmapped',
        outcome: 'unknown',
        next: 'query',
        party: 'provider',
      });
      expect(d.source).toBeUndefined();
    });

    it('an unknown provider is unmapped too', () => {
      const d = normalize({ provider: 'NoSuchPay', code: 'SUCCESS' });
      expect(d).toMatchObject({
        provider: 'nosuchpay',
        code: 'SUCCESS',
        known: false,
        unified: 'unmapped',
        outcome: 'unknown',
        next: 'query',
      });
    });

    it('treats prototype keys as ordinary unknown codes and providers', () => {
      for (const k of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'prototype']) {
        for (const provider of ['qfpay', 'subotiz', k]) {
          const d = normalize({ provider, code: k });
          expect(d.known).toBe(false);
          expect(d.outcome).toBe('unknown');
          expect(d.next).toBe('query');
        }
      }
      expect(Object.prototype).not.toHaveProperty('known');
    });

    it('matches provider names loosely', () => {
      expect(normalize({ provider: 'SHOPLINE Payments', code: '4454' }).provider).toBe('shopline-payments');
      expect(normalize({ provider: 'OTT Pay', code: 'SUCCESS' }).provider).toBe('ottpay');
      expect(normalize({ provider: ' QFPay ', code: '1201' }).known).toBe(true);
    });

    it('throws PaycodesInputError for missing or mistyped fields', () => {
      const bad: unknown[] = [
        undefined,
        null,
        'qfpay',
        {},
        { provider: 'qfpay' },
        { code: '1201' },
        { provider: 1, code: '1201' },
        { provider: '', code: '1201' },
        { provider: 'qfpay', code: '' },
        { provider: 'qfpay', code: null },
        { provider: 'qfpay', code: {} },
        { provider: 'qfpay', code: Number.NaN },
        { provider: 'qfpay', code: '1201', flow: 'payments' },
        { provider: 'qfpay', code: '1201', flow: '__proto__' },
        { provider: 'qfpay', code: '1201', message: 42 },
        { provider: 'x'.repeat(65), code: '1' },
      ];
      for (const input of bad) {
        let err: unknown;
        try {
          normalize(input as never);
        } catch (e) {
          err = e;
        }
        expect(err, JSON.stringify(input)).toBeInstanceOf(PaycodesInputError);
        expect((err as PaycodesInputError).field).toMatch(/^(input|provider|code|flow|lang|message)$/);
      }
    });
  });

  it('resolves every alias, in any script, to its own provider and no other', () => {
    let aliases = 0;
    for (const p of listProviders()) {
      for (const name of [p.id, p.id.toUpperCase(), ...p.aliases, ...p.aliases.map((a) => ` ${a.toUpperCase()} `)]) {
        expect(normalize({ provider: name, code: 'NO-SUCH-CODE' }).provider, `${p.id} ← ${JSON.stringify(name)}`).toBe(p.id);
      }
      aliases += p.aliases.filter((a) => /[^\x00-\x7f]/.test(a)).length;
    }
    // Korean and Chinese names are among them: they once all folded to the same empty key.
    expect(aliases).toBeGreaterThanOrEqual(5);
    expect(normalize({ provider: '다날페이먼츠없음', code: '1' }).known).toBe(false);
  });

  it('returns frozen decisions, so a shared answer cannot be changed by a caller', () => {
    const d = normalize({ provider: 'qfpay', code: '1201' });
    expect(Object.isFrozen(d)).toBe(true);
    expect(Object.isFrozen(d.message)).toBe(true);
    expect(() => {
      (d as { outcome: string }).outcome = 'succeeded';
    }).toThrow(TypeError);
    expect(normalize({ provider: 'qfpay', code: '1201' }).outcome).toBe('failed');
  });

  it('exports the enums as constants for exhaustive switches', () => {
    expect(OUTCOMES).toEqual(['succeeded', 'pending', 'failed', 'unknown']);
    expect(NEXT_STEPS).toEqual(['done', 'wait', 'query', 'retry', 'fix_and_retry', 'ask_customer', 'stop']);
    expect(PARTIES).toEqual(['none', 'customer', 'issuer', 'merchant', 'integration', 'provider']);
    expect(DISCLOSURES).toEqual(['specific', 'generic']);
    expect(LANGS).toEqual(['en', 'zh-Hant', 'zh-Hans']);
    expect(FLOWS).toHaveLength(12);
    for (const d of [normalize({ provider: 'qfpay', code: '1145' }), normalize({ provider: 'x', code: 'y' })]) {
      expect(OUTCOMES).toContain(d.outcome);
      expect(NEXT_STEPS).toContain(d.next);
      expect(PARTIES).toContain(d.party);
      expect(DISCLOSURES).toContain(d.disclosure);
    }
  });
});
