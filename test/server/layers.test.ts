import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalize } from '../../src/normalize.js';
import { adviseRetry } from '../../src/retry/index.js';
import { RetryResponse } from '../../src/server/schemas.js';
import { type TestServer, testServer } from './helpers.js';

let s: TestServer;
beforeAll(async () => {
  s = await testServer();
});
afterAll(() => s.close());

const T0 = '2026-12-01T10:00:00.000Z';

describe('HTTP: the transaction state and the card network, as the library reads them', () => {
  it('GET and POST take the state: eftPay 00 + TRADE_SUCCESS is succeeded/done', async () => {
    const get = await (await s.get('/v1/normalize?provider=eftpay&code=00&state=TRADE_SUCCESS')).json();
    expect(get).toMatchObject({ outcome: 'succeeded', next: 'done' });
    expect(get).toEqual(JSON.parse(JSON.stringify(normalize({ provider: 'eftpay', code: '00', state: 'TRADE_SUCCESS' }))));
    const post = await (
      await s.post('/v1/normalize', [
        { provider: 'eftpay', code: '00' },
        { provider: 'eftpay', code: '00', state: 'TRADE_SUCCESS' },
      ])
    ).json();
    expect(post.map((d: { outcome: string }) => d.outcome)).toEqual(['unknown', 'succeeded']);
  });
  it('GET and POST take network facts and answer as normalize() does', async () => {
    const q = 'provider=stripe-decline&code=generic_decline&network=visa&networkCode=43';
    const get = await (await s.get(`/v1/normalize?${q}`)).json();
    const lib = normalize({ provider: 'stripe-decline', code: 'generic_decline', network: 'visa', networkCode: '43' });
    expect(get).toEqual(JSON.parse(JSON.stringify(lib)));
    expect(get.decline).toBe('hard');
  });
  it('a bad network is a 400 naming the field', async () => {
    const r = await s.get('/v1/normalize?provider=qfpay&code=1201&network=diners');
    expect(r.status).toBe(400);
    const p = await r.json();
    expect(p.errors[0].path).toBe('/network');
  });
  it('POST /v1/retry advises as adviseRetry() does, and its answer fits the strict schema', async () => {
    const body = { provider: 'qfpay', code: '1201', network: 'mastercard', networkCode: '51', adviceCode: '24', now: T0 };
    const r = await s.post('/v1/retry', body);
    expect(r.status).toBe(200);
    const got = await r.json();
    expect(RetryResponse.parse(got)).toBeTruthy();
    const decision = normalize({ provider: 'qfpay', code: '1201', network: 'mastercard', networkCode: '51', adviceCode: '24' });
    expect(got).toEqual(JSON.parse(JSON.stringify({ decision, advice: adviseRetry({ decision, now: T0 }) })));
    expect(got.advice).toMatchObject({ retry: true, notBefore: '2026-12-01T11:00:00.000Z', reference: 'new' });
  });
  it('POST /v1/retry never retries an open outcome, and refuses a bad history with a 400', async () => {
    const open = await (await s.post('/v1/retry', { provider: 'qfpay', code: '1298' })).json();
    expect(open.advice).toMatchObject({ retry: false, reference: 'same' });
    const bad = await s.post('/v1/retry', { provider: 'qfpay', code: '1201', attempts: [{ at: 'yesterday' }] });
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors[0].path).toMatch(/attempts/);
  });
});
