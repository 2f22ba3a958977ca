import { describe, expect, it } from 'vitest';
import { PaycodesInputError } from '../../src/index.js';
import { fromNotification, PaycodesSignatureError, type ResponseProvider, signNotification } from '../../src/responses/index.js';
import { fixture } from './fixtures.js';

const SECRET = 'whsec_test_only_not_real_0001';
const NOW = 1_769_752_369_058;

/** Signs a fixture and returns what a webhook handler would receive. */
function signed(provider: ResponseProvider, file: string, opts: { timestamp?: number } = {}) {
  return signNotification(provider, fixture(provider, file), SECRET, { timestamp: opts.timestamp ?? NOW });
}

function expectSignatureError(fn: () => unknown, reason: string): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(PaycodesSignatureError);
    expect((e as PaycodesSignatureError).reason).toBe(reason);
    return;
  }
  throw new Error(`expected PaycodesSignatureError(${reason}), got a decision`);
}

/** Flips one character inside the body's JSON values without breaking JSON. */
const tamper = (body: string): string => {
  const o = JSON.parse(body) as Record<string, unknown>;
  if (typeof o.data === 'string') {
    // OTT Pay: the encrypted data is the signed part.
    const d = o.data;
    const i = Math.floor(d.length / 2);
    return JSON.stringify({ ...o, data: d.slice(0, i) + (d[i] === 'A' ? 'B' : 'A') + d.slice(i + 1) });
  }
  return body.replace(/"(\d)(\d*)"/, (_m, d: string, rest: string) => `"${(Number(d) + 1) % 10}${rest}"`);
};

const CASES: { provider: ResponseProvider; file: string; outcome: string; unified: string; type?: string; orderId?: string }[] = [
  { provider: 'qfpay', file: 'notify-payment.json', outcome: 'succeeded', unified: 'approved', type: 'payment', orderId: 'ORDER-QF-0010' },
  { provider: 'qfpay', file: 'notify-refund.json', outcome: 'succeeded', unified: 'refund_succeeded', type: 'refund' },
  {
    provider: 'shopline-payments',
    file: 'notify-trade-succeeded.json',
    outcome: 'succeeded',
    unified: 'approved',
    type: 'trade.succeeded',
    orderId: 'ORDER-SL-0001',
  },
  {
    provider: 'shopline-payments',
    file: 'notify-trade-failed.json',
    outcome: 'failed',
    unified: 'insufficient_funds',
    type: 'trade.failed',
  },
  {
    provider: 'shopline-payments',
    file: 'notify-refund-succeeded.json',
    outcome: 'succeeded',
    unified: 'refund_succeeded',
    type: 'trade.refund.succeeded',
  },
  {
    provider: 'subotiz',
    file: 'notify-trades-succeeded.json',
    outcome: 'succeeded',
    unified: 'approved',
    type: 'v2.trades.succeeded',
    orderId: 'order_1769752369000000001',
  },
  {
    provider: 'subotiz',
    file: 'notify-trades-payment-failed.json',
    outcome: 'failed',
    unified: 'issuer_declined',
    type: 'v2.trades.payment_failed',
  },
  {
    provider: 'subotiz',
    file: 'notify-refunds-succeeded.json',
    outcome: 'succeeded',
    unified: 'refund_succeeded',
    type: 'v2.refunds.succeeded',
  },
  { provider: 'eftpay', file: 'notify-trade-success.json', outcome: 'succeeded', unified: 'approved', type: 'trade_status_sync' },
  { provider: 'ottpay', file: 'notify-payment.json', outcome: 'succeeded', unified: 'approved', orderId: 'OTT20260130001' },
];

describe('fromNotification: valid signatures decide', () => {
  for (const c of CASES) {
    it(`${c.provider} ${c.file} → ${c.unified}`, () => {
      const { body, headers } = signed(c.provider, c.file);
      const d = fromNotification(c.provider, body, { headers, secret: SECRET, now: NOW });
      expect(d.unified).toBe(c.unified);
      expect(d.outcome).toBe(c.outcome);
      if (c.type) expect(d.event.type).toBe(c.type);
      if (c.orderId) expect(d.event.orderId).toBe(c.orderId);
      expect(d.signature.provenance).toBe(
        c.provider === 'shopline-payments' ? 'third-party' : c.provider === 'eftpay' ? 'inferred' : 'official',
      );
      // A Buffer works the same as a string.
      expect(fromNotification(c.provider, Buffer.from(body), { headers, secret: SECRET, now: NOW }).unified).toBe(c.unified);
    });
  }
});

describe('fromNotification: untrusted notifications throw, never decide', () => {
  for (const c of CASES) {
    it(`${c.provider}: tampered body, wrong secret, missing signature, missing secret`, () => {
      const { body, headers } = signed(c.provider, c.file);
      const t = tamper(body);
      expect(t).not.toBe(body);
      expectSignatureError(() => fromNotification(c.provider, t, { headers, secret: SECRET, now: NOW }), 'invalid_signature');
      expectSignatureError(() => fromNotification(c.provider, body, { headers, secret: 'wrong-secret', now: NOW }), 'invalid_signature');
      expectSignatureError(() => fromNotification(c.provider, body, { headers, now: NOW }), 'missing_secret');
      expectSignatureError(() => fromNotification(c.provider, body, { headers, secret: '', now: NOW }), 'missing_secret');
      if (c.provider === 'eftpay' || c.provider === 'ottpay') {
        // The signature lives in the body.
        const stripped = JSON.parse(body) as Record<string, unknown>;
        if (c.provider === 'eftpay') delete stripped.sign;
        else delete stripped.data;
        expectSignatureError(
          () => fromNotification(c.provider, JSON.stringify(stripped), { headers, secret: SECRET, now: NOW }),
          'missing_signature',
        );
      } else {
        const sigHeader = c.provider === 'qfpay' ? 'X-QF-SIGN' : c.provider === 'subotiz' ? 'X-Signature' : 'sign';
        const { [sigHeader]: _drop, ...rest } = headers;
        expectSignatureError(() => fromNotification(c.provider, body, { headers: rest, secret: SECRET, now: NOW }), 'missing_signature');
      }
    });
  }

  it('rejects a parsed object: signatures cover raw bytes', () => {
    expect(() => fromNotification('qfpay', fixture('qfpay', 'notify-payment.json') as unknown as string, { secret: SECRET })).toThrow(
      PaycodesInputError,
    );
  });
});

describe('fromNotification: timestamps and headers', () => {
  for (const provider of ['shopline-payments', 'subotiz'] as const) {
    const file = provider === 'subotiz' ? 'notify-trades-succeeded.json' : 'notify-trade-succeeded.json';
    it(`${provider}: a timestamp more than 5 minutes away is stale, inside the window it passes`, () => {
      const { body, headers } = signed(provider, file, { timestamp: NOW - 5 * 60_000 - 1 });
      expectSignatureError(() => fromNotification(provider, body, { headers, secret: SECRET, now: NOW }), 'stale_timestamp');
      const future = signed(provider, file, { timestamp: NOW + 5 * 60_000 + 1 });
      expectSignatureError(
        () => fromNotification(provider, future.body, { headers: future.headers, secret: SECRET, now: NOW }),
        'stale_timestamp',
      );
      const fresh = signed(provider, file, { timestamp: NOW - 4 * 60_000 });
      expect(fromNotification(provider, fresh.body, { headers: fresh.headers, secret: SECRET, now: NOW }).outcome).toBe('succeeded');
      // The window is configurable, but never off: 0 is refused (see security.test.ts).
      expectSignatureError(
        () => fromNotification(provider, body, { headers, secret: SECRET, now: NOW, toleranceSeconds: 60 }),
        'stale_timestamp',
      );
      expect(fromNotification(provider, body, { headers, secret: SECRET, now: NOW, toleranceSeconds: 3600 }).outcome).toBe('succeeded');
    });

    it(`${provider}: a missing timestamp header is an error; a forged timestamp breaks the signature`, () => {
      const { body, headers } = signed(provider, file);
      const tsName = provider === 'subotiz' ? 'X-Timestamp' : 'timestamp';
      const { [tsName]: _ts, ...noTs } = headers;
      expectSignatureError(() => fromNotification(provider, body, { headers: noTs, secret: SECRET, now: NOW }), 'missing_timestamp');
      expectSignatureError(
        () => fromNotification(provider, body, { headers: { ...headers, [tsName]: String(NOW + 1000) }, secret: SECRET, now: NOW }),
        'invalid_signature',
      );
    });
  }

  it('headers are case-insensitive and may be a Fetch Headers or an entry list', () => {
    const { body, headers } = signed('subotiz', 'notify-trades-succeeded.json');
    const upper = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toUpperCase(), v]));
    expect(fromNotification('subotiz', body, { headers: upper, secret: SECRET, now: NOW }).outcome).toBe('succeeded');
    expect(fromNotification('subotiz', body, { headers: new Headers(headers), secret: SECRET, now: NOW }).outcome).toBe('succeeded');
    expect(fromNotification('subotiz', body, { headers: Object.entries(headers), secret: SECRET, now: NOW }).outcome).toBe('succeeded');
  });

  it('tries every secret during key rotation', () => {
    const { body, headers } = signed('subotiz', 'notify-trades-succeeded.json');
    expect(fromNotification('subotiz', body, { headers, secret: ['old-key', SECRET], now: NOW }).outcome).toBe('succeeded');
  });

  it('QFPay accepts a lower-case signature and verifies the raw bytes, not re-serialised JSON', () => {
    const { body, headers } = signed('qfpay', 'notify-payment.json');
    const lower = { 'x-qf-sign': (headers['X-QF-SIGN'] as string).toLowerCase() };
    expect(fromNotification('qfpay', body, { headers: lower, secret: SECRET }).outcome).toBe('succeeded');
    const pretty = JSON.stringify(JSON.parse(body), null, 2);
    expectSignatureError(() => fromNotification('qfpay', pretty, { headers, secret: SECRET }), 'invalid_signature');
  });
});
