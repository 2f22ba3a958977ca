import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalogData } from '../../src/build/in-memory.js';
import { PaycodesSignatureError } from '../../src/responses/index.js';
import { mockFor } from '../../src/responses/mock/registry.js';
import { ScenarioError, scenarioFrom } from '../../src/responses/mock/scenario.js';
import { createMockServer } from '../../src/responses/mock/server.js';
import { fixtureCatalog } from '../helpers/fixture-catalog.js';
import { ROOT } from '../helpers/paths.js';

// FixturePay exists only as YAML under test/fixtures/catalog-envelope: adding it touched no TypeScript.
const fx = fixtureCatalog('catalog-envelope', ['fixturepay']);
afterAll(() => fx.dispose());
const { responses, normalizer, catalog } = fx;
const SECRET = 'fixture-secret';
const NOW = 1_769_752_369_058;

describe('a provider defined only in YAML works end to end', () => {
  it('explain: the code, its decision and the provider text with its source line', () => {
    const d = normalizer.normalize({ provider: 'fixturepay', code: 'insufficient_funds' });
    expect([d.known, d.unified, d.outcome]).toEqual([true, 'insufficient_funds', 'failed']);
    expect(d.source?.messages.en).toBe('The card has insufficient funds');
    expect(d.source?.line).toBe(4);
    expect(normalizer.readings('fixturepay', 'ACCEPTED')?.readings.length).toBe(1);
  });

  it('normalize: a code alone, and a code with a state', () => {
    expect(normalizer.normalize({ provider: 'fixturepay', code: 'ACCEPTED' }).outcome).not.toBe('succeeded');
    const paid = responses.decideState({ provider: 'fixturepay', code: 'ACCEPTED', state: 'PAID' });
    expect([paid.outcome, paid.next]).toEqual(['succeeded', 'done']);
    const refused = responses.decideState({ provider: 'fixturepay', code: 'SYSTEM_BUSY', state: 'PAID' });
    expect(refused.unified).toBe('system_error');
  });

  it('fromResponse: both layers, a decline code next to a failed state, a refund record', () => {
    const ok = responses.fromResponse('fixturepay', { result: { code: 'ACCEPTED' }, payment: { state: 'PAID' } });
    expect([ok.outcome, ok.decidedBy, ok.layers.transaction?.field, ok.layers.transaction?.provenance]).toEqual([
      'succeeded',
      'transaction',
      'payment.state',
      'official',
    ]);
    const declined = responses.fromResponse('fixturepay', {
      result: { code: 'ACCEPTED' },
      payment: { state: 'DECLINED', decline_code: 'INSUFFICIENT_FUNDS' },
    });
    expect(declined.unified).toBe('insufficient_funds');
    const refund = responses.fromResponse('fixturepay', {
      result: { code: 'ACCEPTED' },
      refund: { id: 'R1' },
      payment: { state: 'REFUNDED' },
    });
    expect(refund.unified).toBe('refund_succeeded');
    const busy = responses.fromResponse('fixturepay', { result: { code: 'SYSTEM_BUSY', message: 'System busy' } });
    expect([busy.decidedBy, busy.unified]).toEqual(['request', 'system_error']);
    expect(() => responses.fromResponse('qfpay', {})).toThrow(/fixturepay/);
  });

  it('fromNotification: the HMAC scheme named in YAML signs and verifies; tampering throws', () => {
    const event = { event: 'payment.paid', event_id: 'E1', payment: { state: 'PAID', order_ref: 'ORD-1' } };
    const { body, headers } = responses.signNotification('fixturepay', event, SECRET, { timestamp: NOW });
    expect(Object.keys(headers)).toEqual(expect.arrayContaining(['X-Fixture-Signature', 'X-Fixture-Timestamp']));
    const n = responses.fromNotification('fixturepay', body, { headers, secret: SECRET, now: NOW });
    expect([n.outcome, n.event.id, n.event.orderId, n.signature.scheme]).toEqual([
      'succeeded',
      'E1',
      'ORD-1',
      'hmac-sha256-timestamp-body',
    ]);
    expect(() => responses.fromNotification('fixturepay', body.replace('PAID', 'PEND'), { headers, secret: SECRET, now: NOW })).toThrow(
      PaycodesSignatureError,
    );
    const refund = responses.signNotification('fixturepay', { event: 'refund.done', payment: { state: 'REFUNDED' } }, SECRET, {
      timestamp: NOW,
    });
    expect(responses.fromNotification('fixturepay', refund.body, { headers: refund.headers, secret: SECRET, now: NOW }).unified).toBe(
      'refund_succeeded',
    );
  });

  it('mock: the generic mock serves the endpoints and fields from YAML, and fromResponse reads its answers', async () => {
    const mock = createMockServer({ provider: 'fixturepay', catalog });
    const url = await mock.listen();
    try {
      const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
        const r = await fetch(url + path, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify(body),
        });
        return { status: r.status, body: await r.json() };
      };
      const paid = await post('/v1/payments', { order_ref: 'A1', amount: '1000', currency: 'EUR' });
      expect(responses.fromResponse('fixturepay', paid.body, { httpStatus: paid.status }).outcome).toBe('succeeded');
      // Magic amount .02: pending, pending, then paid.
      const first = await post('/v1/payments', { order_ref: 'A2', amount: '1002' });
      expect(responses.fromResponse('fixturepay', first.body).outcome).toBe('pending');
      await post('/v1/payments/query', { order_ref: 'A2' });
      const third = await post('/v1/payments/query', { order_ref: 'A2' });
      expect(responses.fromResponse('fixturepay', third.body).outcome).toBe('succeeded');
      // Magic amount .01 by code, and a header-forced state.
      const poor = await post('/v1/payments', { order_ref: 'A3', amount: '1001' });
      expect(responses.fromResponse('fixturepay', poor.body).unified).toBe('insufficient_funds');
      const forced = await post('/v1/payments', { order_ref: 'A4', amount: '1000' }, { 'x-paycodes-state': 'DECLINED' });
      expect(responses.fromResponse('fixturepay', forced.body).outcome).toBe('failed');
      const refund = await post('/v1/refunds', { order_ref: 'A1', refund_ref: 'R1', amount: '400' });
      expect(responses.fromResponse('fixturepay', refund.body, { flow: 'refund' }).unified).toBe('refund_succeeded');
      expect(mock.provider.endpoints).toContain('POST /v1/refunds');
    } finally {
      await mock.close();
    }
  });

  it('mock scenarios take the YAML states and codes, and refuse other words', () => {
    const words = mockFor(catalog, 'fixturepay');
    const s = scenarioFrom({ orders: { A: ['PENDING', 'SYSTEM_BUSY', 'timeout'] } }, words);
    expect(s.orders.get('A')).toEqual([{ state: 'PENDING' }, { code: 'SYSTEM_BUSY' }, { fault: 'timeout' }]);
    expect(() => scenarioFrom({ default: ['bogus_fault'] }, words)).toThrow(ScenarioError);
    expect(() => scenarioFrom({ default: ['bogus_fault'] }, words)).toThrow(/default\[0\]: unknown step "bogus_fault"/);
    expect(scenarioFrom({ default: [{ code: 'ANY_CODE' }] }, words).default).toEqual([{ code: 'ANY_CODE' }]);
  });
});

describe('a broken envelope is a clear catalog error', () => {
  it('names the file, line and field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'paycodes-envelope-'));
    try {
      mkdirSync(join(dir, 'providers'));
      mkdirSync(join(dir, 'sources'));
      copyFileSync(join(ROOT, 'catalog/unified.yaml'), join(dir, 'unified.yaml'));
      copyFileSync(join(ROOT, 'test/fixtures/catalog-envelope/sources/fixturepay.txt'), join(dir, 'sources/fixturepay.txt'));
      const yaml = readFileSync(join(ROOT, 'test/fixtures/catalog-envelope/providers/fixturepay.yaml'), 'utf8')
        .replace('stateTable: payment_state', 'stateTable: no_such_table')
        .replace('scheme: hmac-sha256-timestamp-body', 'scheme: rot13')
        .replace('unified: refund_declined', 'unified: not_a_code');
      writeFileSync(join(dir, 'providers/fixturepay.yaml'), yaml);
      expect(() => loadCatalogData(dir, dir)).toThrow(/providers\/fixturepay\.yaml:\d+:\d+: envelope\.signature\.scheme/);
      writeFileSync(join(dir, 'providers/fixturepay.yaml'), yaml.replace('scheme: rot13', 'scheme: hmac-sha256-timestamp-body'));
      let message = '';
      try {
        loadCatalogData(dir, dir);
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).toMatch(/envelope\.mock\.stateTable: "no_such_table" is not a table/);
      expect(message).toMatch(
        /envelope\.states\.payment_state\.refund\.REFUND_FAILED\.unified: "not_a_code" is not in catalog\/unified\.yaml/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
