import { describe, expect, it } from 'vitest';
import { CLASSIFY_THRESHOLD } from '../../src/classify/classify.js';
import { normalize } from '../../src/normalize.js';

describe('normalize() with the classifier for unknown codes', () => {
  it('an unknown code with a message gets a classified answer marked known:false', () => {
    const d = normalize({ provider: 'qfpay', code: '9999', message: '餘額不足，請更換支付方式' });
    expect(d).toMatchObject({ provider: 'qfpay', code: '9999', known: false });
    // Not a success; "ask the customer" only above the threshold, else a reading that invites no retry.
    expect(d.outcome).not.toBe('succeeded');
    if (d.confidence < CLASSIFY_THRESHOLD) expect(['query', 'stop', 'wait']).toContain(d.next);
    expect(d.confidence).toBeGreaterThan(0);
    expect(d.confidence).toBeLessThan(1);
    expect(d.evidence?.some((e) => e.kind === 'pattern')).toBe(true);
    expect(d.message.customer.length).toBeGreaterThan(0);
  });

  it('an unknown provider with a message is classified too', () => {
    const d = normalize({ provider: 'acme-wallet', code: 'E42', message: 'Transaction is processing', flow: 'payment' });
    expect(d.known).toBe(false);
    // In progress is never a failure or a success: it waits when the model is sure, else it queries.
    expect([
      ['pending', 'wait'],
      ['unknown', 'query'],
    ]).toContainEqual([d.outcome, d.next]);
    expect(d.evidence?.length).toBeGreaterThan(0);
  });

  it('an unknown code without a message stays unmapped', () => {
    const d = normalize({ provider: 'qfpay', code: '9999' });
    expect(d).toMatchObject({ known: false, unified: 'unmapped', outcome: 'unknown', next: 'query', confidence: 0 });
  });

  it('a message the classifier cannot read stays unmapped, with its evidence', () => {
    const d = normalize({ provider: 'acme-wallet', code: 'Z1', message: 'zzz qqq' });
    expect(d).toMatchObject({ known: false, unified: 'unmapped', outcome: 'unknown', next: 'query' });
    expect(d.evidence?.length).toBeGreaterThan(0);
  });

  it('a refund success for an unknown code during a payment is not a paid order', () => {
    const d = normalize({ provider: 'acme-wallet', code: 'R1', message: 'refund success', flow: 'payment' });
    expect(d.outcome).not.toBe('succeeded');
    expect(d.next).toBe('query');
  });

  it('known catalog codes are untouched by the classifier', () => {
    const d = normalize({ provider: 'qfpay', code: '1201', message: 'whatever text' });
    expect(d).toMatchObject({ known: true, unified: 'insufficient_funds', confidence: 1 });
    expect(d.evidence).toBeUndefined();
  });
});
