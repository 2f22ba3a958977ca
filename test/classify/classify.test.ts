import { describe, expect, it } from 'vitest';
import { CLASSIFY_THRESHOLD, classify, createClassifier } from '../../src/classify/classify.js';
import { providers, unified } from '../../src/generated/index.js';

const decide = (message: string, extra: { code?: string; flow?: Parameters<typeof classify>[0]['flow'] } = {}) =>
  classify({ message, ...extra });

describe('classify: patterns in English and both Chinese scripts', () => {
  const cases: [string, string, string, string][] = [
    ['餘額不足', 'insufficient_funds', 'failed', 'ask_customer'],
    ['余额不足', 'insufficient_funds', 'failed', 'ask_customer'],
    ['Your card has insufficient funds.', 'insufficient_funds', 'failed', 'ask_customer'],
    ['交易處理中，請稍候', 'processing', 'pending', 'wait'],
    ['交易处理中，请稍候', 'processing', 'pending', 'wait'],
    ['The payment is still being processed.', 'processing', 'pending', 'wait'],
    ['通路回應逾時', 'channel_timeout', 'unknown', 'query'],
    ['渠道响应超时', 'channel_timeout', 'unknown', 'query'],
    ['Gateway timeout', 'channel_timeout', 'unknown', 'query'],
    ['商戶訂單號重複', 'duplicate_order', 'unknown', 'query'],
    ['Duplicate order number', 'duplicate_order', 'unknown', 'query'],
    ['簽名錯誤', 'invalid_signature', 'failed', 'fix_and_retry'],
    ['签名错误', 'invalid_signature', 'failed', 'fix_and_retry'],
    ['Your card has expired.', 'expired_card', 'failed', 'ask_customer'],
    ['付款碼已過期，請刷新後重試', 'payment_code_expired', 'failed', 'ask_customer'],
    ['Too many requests', 'rate_limited', 'failed', 'retry'],
    ['不支持该币种', 'currency_not_supported', 'failed', 'fix_and_retry'],
  ];
  for (const [message, u, outcome, next] of cases) {
    it(`${message} → ${u}`, () => {
      const c = decide(message);
      expect([c.unified, c.outcome, c.next]).toEqual([u, outcome, next]);
      expect(c.confidence).toBeGreaterThanOrEqual(CLASSIFY_THRESHOLD);
      expect(c.confidence).toBeLessThanOrEqual(1);
    });
  }

  it('folds Traditional and Simplified to the same answer', () => {
    for (const [hant, hans] of [
      ['退款金額大於可退款金額', '退款金额大于可退款金额'],
      ['發卡行拒絕交易', '发卡行拒绝交易'],
      ['系統異常', '系统异常'],
    ] as const) {
      const a = decide(hant);
      const b = decide(hans);
      expect([a.unified, a.outcome, a.next]).toEqual([b.unified, b.outcome, b.next]);
    }
  });

  it('uses word-like codes as evidence, but not bare numbers', () => {
    const c = classify({ code: 'AMOUNT_NOT_ENOUGH', message: 'error' });
    expect(c.unified).toBe('insufficient_funds');
    expect(c.evidence.some((e) => e.kind === 'code')).toBe(true);
    const n = classify({ code: '51', message: 'error' });
    expect(n.evidence.some((e) => e.kind === 'code')).toBe(false);
  });
});

describe('classify: negations and success', () => {
  it('does not flip meanings on "not" / 無法 / 不支持', () => {
    expect(decide('Payment not successful').outcome).not.toBe('succeeded');
    expect(decide('支付未成功').outcome).not.toBe('succeeded');
    expect(decide('not enough balance').unified).toBe('insufficient_funds');
    expect(decide('該交易不支援部分退款').unified).toBe('partial_refund_unsupported');
    expect(decide('Order not paid').unified).toBe('order_not_paid');
    expect(decide('交易已完成，無法取消').outcome).not.toBe('succeeded');
  });

  it('says succeeded only when the text plainly says the payment succeeded', () => {
    expect(decide('交易成功')).toMatchObject({ unified: 'approved', outcome: 'succeeded', next: 'done' });
    expect(decide('Payment successful')).toMatchObject({ unified: 'approved', outcome: 'succeeded' });
    // A bare "success" is the API call, not the money.
    expect(decide('success')).toMatchObject({ unified: 'request_accepted', outcome: 'unknown', next: 'query' });
    expect(decide('成功率過低').outcome).not.toBe('succeeded');
    expect(decide('Success rate too low').outcome).not.toBe('succeeded');
  });

  it('never reads "refund success" as a paid order', () => {
    for (const flow of ['payment', 'query', 'any', undefined] as const) {
      const c = flow ? decide('Refund success', { flow }) : decide('退款成功');
      expect(c.outcome).not.toBe('succeeded');
      expect(c.next).toBe('query');
    }
    expect(decide('Refund success', { flow: 'refund' })).toMatchObject({ unified: 'refund_succeeded', outcome: 'succeeded', next: 'done' });
  });
});

describe('classify: safety guard', () => {
  const risky = (c: { outcome: string; next: string }) =>
    c.outcome === 'failed' && ['retry', 'ask_customer', 'fix_and_retry'].includes(c.next);
  const inFlight = [
    'Payment failed: gateway timeout',
    '交易失敗，系統超時',
    '付款失败，结果未知，请查询',
    'Transaction declined, still processing',
    '系统繁忙，请稍后查询订单状态',
    'Payment failed due to network error',
    'Refund failed: WeChat processing abnormal',
    '重复支付，交易失败',
    'Card declined (duplicate transaction)',
    'Transaction failed / cancelled / expired',
  ];
  for (const m of inFlight) {
    it(`never answers "failed, try again" to: ${m}`, () => {
      const c = decide(m);
      expect(risky(c)).toBe(false);
      expect(c.outcome === 'unknown' || c.outcome === 'pending').toBe(true);
    });
  }

  it('records the guard in the evidence when it steps in', () => {
    const c = decide('Payment declined (duplicate)');
    expect(c).toMatchObject({ unified: 'duplicate_request', outcome: 'unknown', next: 'query' });
    expect(c.evidence.some((e) => e.kind === 'threshold' && e.detail.startsWith('safety guard'))).toBe(true);
  });

  it('leaves a plain decline alone', () => {
    expect(decide('Declined by the card issuer')).toMatchObject({ outcome: 'failed', next: 'ask_customer' });
    // A 3-D Secure step that timed out is the customer's step, not an unknown payment.
    expect(decide('3D Secure authentication timeout')).toMatchObject({ unified: 'authentication_abandoned', outcome: 'failed' });
  });
});

describe('classify: threshold and evidence', () => {
  it('answers unmapped (unknown / query) below the threshold, keeping the evidence', () => {
    const c = decide('The flux capacitor reported a wobble');
    expect(c).toMatchObject({ unified: 'unmapped', outcome: 'unknown', next: 'query', party: 'provider', disclosure: 'generic' });
    expect(c.confidence).toBeLessThan(CLASSIFY_THRESHOLD);
    expect(c.evidence.at(-1)?.kind).toBe('threshold');
  });

  it('a higher threshold turns a weak answer into unmapped', () => {
    const strict = createClassifier({ providers, unified, threshold: 0.99 });
    const c = strict({ message: '余额不足' });
    expect(c.unified).toBe('unmapped');
    expect(c.evidence.some((e) => e.kind === 'pattern' && e.detail.includes('insufficient_funds'))).toBe(true);
  });

  it('reports the pattern and the similar catalog entries behind an answer', () => {
    const c = decide('餘額不足，請更換支付方式');
    const pattern = c.evidence.find((e) => e.kind === 'pattern');
    expect(pattern?.detail).toContain('insufficient_funds');
    expect(pattern?.detail).toContain('余额不足');
    const similar = c.evidence.filter((e) => e.kind === 'similar');
    expect(similar.length).toBeGreaterThan(0);
    expect(similar[0]?.detail).toMatch(/^[a-z-]+:[^ ]+ → [a-z_]+$/);
    expect(similar.map((e) => e.detail)).toContain('qfpay:1201 → insufficient_funds');
  });

  it('leave-one-provider-out: an excluded provider is not among the similar entries', () => {
    const c = createClassifier({ providers, unified, exclude: ['qfpay'] })({ message: '餘額不足，請更換支付方式 (1201)' });
    expect(c.evidence.filter((e) => e.kind === 'similar').every((e) => !e.detail.startsWith('qfpay:'))).toBe(true);
    expect(c.unified).toBe('insufficient_funds');
  });

  it('answers empty or hostile input with the safe default', () => {
    expect(decide('')).toMatchObject({ unified: 'unmapped', outcome: 'unknown', next: 'query', confidence: 0 });
    expect(decide('   ')).toMatchObject({ unified: 'unmapped', outcome: 'unknown' });
    expect(classify({ code: '__proto__', message: 'constructor' }).unified).toBe('unmapped');
    const long = decide('timeout '.repeat(5000));
    expect(long.outcome).toBe('unknown');
  });
});
