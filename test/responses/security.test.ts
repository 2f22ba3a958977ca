import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PaycodesInputError } from '../../src/core/errors.js';
import { fromNotification, fromResponse, PaycodesSignatureError, signNotification } from '../../src/responses/index.js';
import { ottpayEncrypt, ottpayMd5 } from '../../src/responses/ottpay-crypto.js';
import { fixture } from './fixtures.js';

const SECRET = 'whsec_test_only_not_real_0001';
const NOW = 1_769_752_369_058;

function reason(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof PaycodesSignatureError) return e.reason;
    if (e instanceof PaycodesInputError) return `input:${e.message}`;
    throw e;
  }
  return 'decided';
}

describe('F2: an OTT Pay notification decides on signed content only', () => {
  it('flipping the unsigned rsp_code does not change the decision', () => {
    const failed = { rsp_code: 'FAIL', rsp_msg: 'fail', data: { order_id: 'OTT-1', amount: '1000' } };
    const { body } = signNotification('ottpay', failed, SECRET);
    const flipped = JSON.stringify({ ...JSON.parse(body), rsp_code: 'SUCCESS', rsp_msg: 'success' });
    const a = fromNotification('ottpay', body, { secret: SECRET, now: NOW });
    const b = fromNotification('ottpay', flipped, { secret: SECRET, now: NOW });
    expect(b.outcome).toBe(a.outcome);
    expect(b.unified).toBe(a.unified);
    expect(Object.keys(a.raw).some((k) => k.startsWith('rsp_'))).toBe(false);
  });

  it('the signed data.status decides, whatever rsp_code says', () => {
    const closed = { rsp_code: 'SUCCESS', data: { order_id: 'OTT-2', amount: '1000', status: 'ORDERCLOSE' } };
    const { body } = signNotification('ottpay', closed, SECRET);
    const d = fromNotification('ottpay', body, { secret: SECRET, now: NOW });
    expect(d.unified).toBe('already_closed');
    expect(d.layers.transaction?.field).toBe('data.status');
  });
});

describe('F3: OTT Pay plaintext data is checked against md5 when a signKey is given', () => {
  const data = { status: 'SUCCESS', order_id: 'OTT-3', amount: '1000' };
  it('a bogus or missing md5 gives unknown/query', () => {
    for (const md5 of ['BOGUS', undefined]) {
      const body = { rsp_code: 'SUCCESS', data: JSON.stringify(data), ...(md5 ? { md5 } : {}) };
      const d = fromResponse('ottpay', body, { signKey: 'k' });
      expect(d.outcome).toBe('unknown');
      expect(d.next).toBe('query');
      expect(d.parseError).toMatch(/md5/);
    }
  });
  it('the right md5 reads the state; encrypted data still works', () => {
    const ok = fromResponse('ottpay', { rsp_code: 'SUCCESS', data: JSON.stringify(data), md5: ottpayMd5(data) }, { signKey: 'k' });
    expect(ok.outcome).toBe('succeeded');
    const enc = ottpayEncrypt(data, 'k');
    expect(fromResponse('ottpay', { rsp_code: 'SUCCESS', ...enc }, { signKey: 'k' }).outcome).toBe('succeeded');
  });
});

describe('F5: eftPay k=v& signing refuses values with & or =', () => {
  const pay = fixture('eftpay', 'notify-trade-success.json');
  it('a signed value that carries "&refund_no=R1" is refused, not trusted', () => {
    // What the provider would sign (inferred scheme): secret + sorted k=v& text. The same text is also
    // the signature of { out_trade_no: 'A', refund_no: 'R1', … }: a payment read as a refund.
    const ambiguous: Record<string, string> = { out_trade_no: 'A&refund_no=R1', trade_status: 'TRADE_SUCCESS' };
    const text = Object.keys(ambiguous)
      .sort()
      .map((k) => `${k}=${ambiguous[k]}`)
      .join('&');
    const sign = createHash('sha256')
      .update(SECRET + text, 'utf8')
      .digest('hex');
    const body = JSON.stringify({ ...ambiguous, sign });
    expect(reason(() => fromNotification('eftpay', body, { secret: SECRET, now: NOW }))).toBe('malformed_payload');
  });
  it('signing such a body is refused too', () => {
    expect(() => signNotification('eftpay', { ...pay, body: 'a=b' }, SECRET)).toThrow(/"&" or "="/);
  });
});

describe('F10: settings cannot switch checks off', () => {
  const { body, headers } = signNotification('subotiz', fixture('subotiz', 'notify-trades-succeeded.json'), SECRET, { timestamp: NOW });
  it.each([0, -1, Number.POSITIVE_INFINITY, Number.NaN])('toleranceSeconds %s is refused', (t) => {
    expect(reason(() => fromNotification('subotiz', body, { headers, secret: SECRET, now: NOW, toleranceSeconds: t }))).toMatch(
      /^input:.*toleranceSeconds/,
    );
  });
  it.each([Number.NaN, '2026-01-01', new Date('nope'), {}])('now %s is refused', (now) => {
    expect(reason(() => fromNotification('subotiz', body, { headers, secret: SECRET, now: now as number }))).toMatch(/^input:.*now/);
  });
  it('a Date is a valid clock', () => {
    expect(fromNotification('subotiz', body, { headers, secret: SECRET, now: new Date(NOW) }).outcome).toBe('succeeded');
  });
});

describe('replays: the seen-id hook', () => {
  it('refuses a notification the caller has processed, and reports which schemes lack a window', () => {
    const seen = new Set<string>();
    const hook = (key: string) => {
      const was = seen.has(key);
      seen.add(key);
      return was;
    };
    const { body, headers } = signNotification('qfpay', fixture('qfpay', 'notify-payment.json'), SECRET);
    const d = fromNotification('qfpay', body, { headers, secret: SECRET, seen: hook });
    expect(d.signature.replayWindow).toBe(false);
    expect(reason(() => fromNotification('qfpay', body, { headers, secret: SECRET, seen: hook }))).toBe('replayed');
    expect([...seen][0]).toMatch(/^qfpay:/);
  });
});

describe('signNotification takes a JSON string as the exact body', () => {
  it('does not encode a string a second time', () => {
    const text = JSON.stringify(fixture('subotiz', 'notify-trades-succeeded.json'));
    const { body, headers } = signNotification('subotiz', text, SECRET, { timestamp: NOW });
    expect(body).toBe(text);
    expect(fromNotification('subotiz', body, { headers, secret: SECRET, now: NOW }).outcome).toBe('succeeded');
  });
});
