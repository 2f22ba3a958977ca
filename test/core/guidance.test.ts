import { describe, expect, it } from 'vitest';
import { listEntries, listProviders, listUnified } from '../../src/catalog/api.js';
import type { Next } from '../../src/core/types.js';
import { normalize } from '../../src/normalize.js';

/**
 * The merchant guidance a Decision carries is the unified code's, written for its default next step.
 * Wherever a decision departs from that default (an entry override, a flow rule), the guidance must
 * still tell the merchant to do what `next` says; otherwise the data is wrong, not the wording.
 * QFPay 1205 was overridden to `retry` while its guidance said to ask for another payment method.
 */

/** The instruction each next step needs to find in the English merchant guidance. */
const SAYS: Record<Next, RegExp> = {
  done: /no further action|update the order/i,
  wait: /\bwait\b/i,
  query: /\bquery\b|\bconfirm\b/i,
  retry: /\bretry\b|try again|fresh attempt/i,
  fix_and_retry: /\bfix\b|\bcorrect\b|\bcheck\b|configur|update|enable|contact/i,
  ask_customer: /\bask the customer\b|\bcustomer to\b|another payment method/i,
  stop: /do not (retry|resend|try|send|start|create|refund|cancel)|nothing (is )?left|cannot be|no longer/i,
};

describe('merchant guidance agrees with every departure from a default', () => {
  const unified = new Map(listUnified().map((u) => [u.code, u]));

  it('no entry override contradicts the guidance it ships with', () => {
    const problems: string[] = [];
    for (const e of listProviders().flatMap((p) => listEntries(p.id))) {
      if (!e.override) continue;
      const d = normalize({ provider: e.provider, code: e.code, flow: e.flow, message: Object.values(e.messages)[0] });
      const guidance = unified.get(e.unified)?.messages.en.merchant ?? '';
      expect(d.message.merchant).toBe(guidance);
      if (!SAYS[d.next].test(guidance)) problems.push(`${e.provider} ${e.code} (${e.flow}): next ${d.next}, guidance "${guidance}"`);
    }
    expect(problems).toEqual([]);
  });

  it('no flow rule contradicts the guidance of its unified code', () => {
    const problems: string[] = [];
    for (const u of unified.values()) {
      for (const [flow, p] of Object.entries(u.flows)) {
        const next = p?.next ?? u.next;
        if (!SAYS[next].test(u.messages.en.merchant))
          problems.push(`${u.code} on ${flow}: next ${next}, guidance "${u.messages.en.merchant}"`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('the check can fail: a retry override on a decline that asks for another method is caught', () => {
    const guidance = unified.get('generic_decline')?.messages.en.merchant ?? '';
    expect(SAYS.ask_customer.test(guidance)).toBe(true);
    expect(SAYS.retry.test(guidance)).toBe(false);
  });

  it('QFPay 1205 now reads as its guidance says', () => {
    const d = normalize({ provider: 'qfpay', code: '1205' });
    expect(`${d.unified} ${d.outcome} ${d.next}`).toBe('generic_decline failed ask_customer');
    expect(d.message.merchant).toMatch(/another payment method/);
  });
});

describe('the three reviewed seed readings', () => {
  it('Subotiz 100622 (authentication unfinished) waits: the customer may still finish', () => {
    const d = normalize({ provider: 'subotiz', code: '100622' });
    expect(`${d.outcome} ${d.next}`).toBe('pending wait');
  });

  it('SHOPLINE Payments 4600 (Others-Exception) on a payment is unknown: query', () => {
    const d = normalize({ provider: 'shopline-payments', code: '4600', flow: 'payment' });
    expect(`${d.outcome} ${d.next}`).toBe('unknown query');
  });

  it('QFPay 1204 (bank error) queries first', () => {
    for (const flow of ['any', 'payment'] as const) {
      const d = normalize({ provider: 'qfpay', code: '1204', flow });
      expect(`${d.outcome} ${d.next}`).toBe('unknown query');
    }
  });
});
