import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromResponse, type ResponseProvider } from '../../src/responses/index.js';
import { parseStep, ScenarioError, scenarioFrom } from '../../src/responses/mock/scenario.js';
import { createMockServer, MAGIC, type MockServer } from '../../src/responses/mock/server.js';
import { ottpayEncrypt } from '../../src/responses/ottpay-crypto.js';

const KEY = 'mock-test-key';

/** The payment request each provider's docs describe, with the amount in its own units. */
function payment(provider: ResponseProvider, order: string, cents: number): { path: string; init: RequestInit } {
  const json = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const dec = `10.${String(cents).padStart(2, '0')}`;
  switch (provider) {
    case 'qfpay':
      return {
        path: '/trade/v1/payment',
        init: { method: 'POST', body: new URLSearchParams({ txamt: String(1000 + cents), out_trade_no: order, txcurrcd: 'HKD' }) },
      };
    case 'eftpay':
      return {
        path: '/Servlet/JSAPIService.do',
        init: json({ service: 'service.wechat.qrcode.PreOrder', out_trade_no: order, transaction_amount: dec }),
      };
    case 'shopline-payments':
      return {
        path: '/api/v1/trade/payment/create',
        init: json({ referenceOrderId: order, amount: { value: 1000 + cents, currency: 'TWD' } }),
      };
    case 'subotiz':
      return { path: '/api/v1/trade', init: json({ order_id: order, amount: dec, currency: 'USD' }) };
    case 'ottpay':
      // Encrypted request data, as a real client sends it.
      return {
        path: '/process',
        init: json({
          action: 'ACTIVEPAY',
          version: '1.0',
          merchant_id: 'M',
          ...ottpayEncrypt({ order_id: order, amount: String(1000 + cents) }, KEY),
        }),
      };
  }
}

async function send(url: string, init: RequestInit): Promise<{ status?: number; body?: string }> {
  try {
    const r = await fetch(url, { ...init, signal: AbortSignal.timeout(1500) });
    return { status: r.status, body: await r.text() };
  } catch {
    return {};
  }
}

/** First-answer outcome per magic cents 0..9, as documented in the README (Whole responses, notifications and a mock provider). */
const FIRST: Record<ResponseProvider, string[]> = {
  qfpay: ['succeeded', 'failed', 'pending', 'pending', 'failed', 'unknown', 'unknown', 'unknown', 'unknown', 'pending'],
  // A pre-order answers 00 without a trade_status: always "query".
  eftpay: ['unknown', 'unknown', 'unknown', 'unknown', 'unknown', 'unknown', 'unknown', 'unknown', 'unknown', 'unknown'],
  'shopline-payments': ['succeeded', 'failed', 'pending', 'pending', 'failed', 'unknown', 'unknown', 'unknown', 'unknown', 'pending'],
  subotiz: ['succeeded', 'failed', 'pending', 'pending', 'failed', 'unknown', 'unknown', 'unknown', 'unknown', 'pending'],
  ottpay: ['succeeded', 'failed', 'pending', 'pending', 'failed', 'unknown', 'unknown', 'unknown', 'unknown', 'pending'],
};

const servers = new Map<ResponseProvider, { mock: MockServer; url: string }>();

beforeAll(async () => {
  for (const p of Object.keys(FIRST) as ResponseProvider[]) {
    const mock = createMockServer({ provider: p, signKey: KEY });
    servers.set(p, { mock, url: await mock.listen(0, '127.0.0.1') });
  }
});

afterAll(async () => {
  for (const { mock } of servers.values()) await mock.close();
});

describe('magic amounts answer as documented, per provider', () => {
  for (const p of Object.keys(FIRST) as ResponseProvider[]) {
    it(`${p}: cents .00–.09`, async () => {
      const { url } = servers.get(p) as { url: string };
      const got: string[] = [];
      for (let cents = 0; cents <= 9; cents++) {
        const { path, init } = payment(p, `MAGIC-${p}-${cents}`, cents);
        const a = await send(url + path, init);
        const opts = { flow: 'payment' as const, signKey: KEY, ...(a.status !== undefined ? { httpStatus: a.status } : {}) };
        got.push(fromResponse(p, a.body ?? null, opts).outcome);
      }
      expect(got).toEqual(FIRST[p]);
    });
  }

  it('eftPay: the query after the pre-order shows the scripted trade_status', async () => {
    const { url } = servers.get('eftpay') as { url: string };
    const got: string[] = [];
    for (const cents of [0, 1, 3, 4, 9]) {
      const order = `MAGIC-eftpay-${cents}`;
      const a = await send(`${url}/Servlet/JSAPIService.do`, {
        method: 'POST',
        body: JSON.stringify({ service: 'service.common.Query', out_trade_no: order }),
      });
      got.push(fromResponse('eftpay', a.body ?? null, { flow: 'query' }).unified);
    }
    expect(got).toEqual(['approved', 'generic_decline', 'processing', 'generic_decline', 'processing']);
  });

  it('the magic table has one row per documented cents value', () => {
    expect(MAGIC.map((m) => m.cents)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('keeps order state and lists it on /_paycodes/orders; reset clears it', async () => {
    const { url, mock } = servers.get('qfpay') as { url: string; mock: MockServer };
    expect(mock.orders.get('MAGIC-qfpay-1')?.code).toBe('1201');
    const list = (await (await fetch(`${url}/_paycodes/orders`)).json()) as { orders: { id: string }[] };
    expect(list.orders.some((o) => o.id === 'MAGIC-qfpay-2')).toBe(true);
    await fetch(`${url}/_paycodes/reset`, { method: 'POST' });
    expect(mock.orders.size).toBe(0);
  });
});

describe('scenario parsing', () => {
  const isState = (s: string) => ['PENDING', 'SUCCESS', 'FAILED'].includes(s.toUpperCase());

  it('reads shorthand steps', () => {
    expect(parseStep('1145', isState)).toEqual({ code: '1145' });
    expect(parseStep('PENDING', isState)).toEqual({ state: 'PENDING' });
    expect(parseStep('timeout', isState)).toEqual({ fault: 'timeout' });
    expect(parseStep('delay:250+0000', isState)).toEqual({ delay: 250, code: '0000' });
    expect(parseStep('http:503', isState)).toEqual({ http: 503 });
  });

  it('validates documents and names the problem', () => {
    const doc: unknown = JSON.parse('{"orders": {"A": ["1145", {"code": 1145}, "SUCCESS"], "__proto__": ["timeout"]}, "default": "drop"}');
    const s = scenarioFrom(doc, isState);
    expect(s.orders.get('A')).toEqual([{ code: '1145' }, { code: '1145' }, { state: 'SUCCESS' }]);
    expect(s.default).toEqual([{ fault: 'drop' }]);
    // A hostile order id is just an order id.
    expect(s.orders.get('__proto__')).toEqual([{ fault: 'timeout' }]);
    expect(() => scenarioFrom([], isState)).toThrow(ScenarioError);
    expect(() => scenarioFrom({ orders: { A: [] } }, isState)).toThrow(/empty sequence/);
    expect(() => scenarioFrom({ orders: { A: [{ fault: 'explode' }] } }, isState)).toThrow(/fault must be/);
    expect(() => scenarioFrom({ order: {} }, isState)).toThrow(/unknown top-level key/);
  });
});
