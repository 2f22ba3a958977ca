import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalogData } from '../../src/build/in-memory.js';
import type { Flow } from '../../src/core/types.js';
import { ottpayEncrypt } from '../../src/responses/ottpay-crypto.js';
import { fixtureCatalog } from '../helpers/fixture-catalog.js';
import { ROOT } from '../helpers/paths.js';

// RecordPay exists only as YAML under test/fixtures/catalog-envelope: every construct below is data.
const fx = fixtureCatalog('catalog-envelope', ['recordpay']);
afterAll(() => fx.dispose());
const { responses, catalog } = fx;
const env = catalog.envelopes.recordpay;
if (env === undefined) throw new Error('recordpay fixture missing');
const read = (body: unknown, opts: { flow?: Flow; httpStatus?: number; signKey?: string } = {}) =>
  responses.fromResponse('recordpay', body, opts);
const SECRET = 'record-secret';
const NOW = 1_769_752_369_058;

describe('request.http: 2xx', () => {
  it('a 2xx without a code accepts the request; the state decides', () => {
    const d = read({ state: 'WAIT' }, { httpStatus: 201 });
    expect([d.layers.request.accepted, d.layers.request.field, d.decidedBy, d.outcome]).toEqual([true, 'http', 'transaction', 'pending']);
  });

  it('a 4xx with a code is the code; a 2xx with only a refusing code is the code too', () => {
    const d = read({ status: { code: 'E_FUNDS' } }, { httpStatus: 402 });
    expect([d.layers.request.accepted, d.decidedBy, d.unified]).toEqual([false, 'request', 'insufficient_funds']);
    const e = read({ status: { code: 'E_BUSY' }, state: 'DONE' }, { httpStatus: 200 });
    expect([e.decidedBy, e.unified]).toEqual(['request', 'system_error']);
  });

  it('accepted with no state at all is unknown/query', () => {
    const d = read({}, { httpStatus: 200 });
    expect([d.outcome, d.next, d.decidedBy]).toEqual(['unknown', 'query', 'body']);
  });
});

describe('unwrap: a success wrapper', () => {
  it('reads the wrapped object when the top has no state, and names fields with the prefix', () => {
    const d = read({ result: { state: 'DONE' } });
    expect([d.unified, d.layers.transaction?.field]).toEqual(['approved', 'result.state']);
    expect(d.raw).toEqual({ 'result.state': 'DONE' });
  });

  it('a state at the top wins over the wrapper', () => {
    const d = read({ state: 'WAIT', result: { state: 'DONE' } });
    expect([d.unified, d.layers.transaction?.field]).toEqual(['processing', 'state']);
  });

  it('a wrapper that is not an object is not read', () => {
    for (const result of [[{ state: 'DONE' }], 'DONE', null, 7]) {
      const d = read({ result });
      expect([d.outcome, d.next, d.decidedBy]).toEqual(['unknown', 'query', 'body']);
    }
  });
});

describe('a nested decline code next to a failed state', () => {
  it('error.detail.code names the reason', () => {
    const d = read({ state: 'FAILED', error: { detail: { code: 'E_FUNDS', text: 'no money' } } });
    expect([d.unified, d.layers.transaction?.code, d.layers.transaction?.message]).toEqual(['insufficient_funds', 'E_FUNDS', 'no money']);
  });

  it('a missing, null or array error keeps the state answer', () => {
    for (const error of [undefined, null, [], [{ detail: { code: 'E_FUNDS' } }], { detail: [] }]) {
      const d = read({ state: 'FAILED', error });
      expect([d.unified, d.outcome, d.layers.transaction?.code]).toEqual(['generic_decline', 'failed', undefined]);
    }
  });

  it('an accepted code in the decline field is no decline code', () => {
    const d = read({ state: 'FAILED', error: { detail: { code: 'OK' } } });
    expect([d.unified, d.layers.transaction?.code]).toEqual(['generic_decline', undefined]);
  });
});

describe('overriddenBy: state precedence', () => {
  it('a listed value of the second table decides, with both values in detail', () => {
    const d = read({ state: 'DONE', refunds: 'FULL' });
    expect([d.unified, d.outcome, d.next, d.layers.transaction?.field]).toEqual(['already_refunded', 'failed', 'stop', 'refunds']);
    expect(d.layers.transaction?.detail).toEqual({ state: 'DONE', refunds: 'FULL' });
    expect(read({ result: { state: 'DONE', refunds: 'PARTIAL' } }).layers.transaction?.field).toBe('result.refunds');
  });

  it('only when the first value is one of `when`, and only for a value the second table lists', () => {
    expect(read({ state: 'WAIT', refunds: 'FULL' }).unified).toBe('processing');
    const unlisted = read({ state: 'DONE', refunds: 'NOTHING_YET' });
    expect([unlisted.unified, unlisted.layers.transaction?.field]).toEqual(['approved', 'state']);
    expect(read({ state: 'DONE', refunds: { value: 'FULL' } }).unified).toBe('approved');
  });
});

describe('a table with rows for one side only', () => {
  it('is read on that side whatever the flow', () => {
    for (const flow of ['payment', 'query', 'refund', 'any'] as const) {
      const d = read({ return_id: 'R1', return_status: 'WAIT' }, { flow });
      expect([d.unified, d.layers.transaction?.status]).toEqual(['refund_in_progress', 'WAIT']);
    }
    expect(read({ state: 'DONE', refunds: 'PARTIAL' }, { flow: 'refund' }).unified).toBe('partially_refunded');
  });
});

describe('records: an enquiry result', () => {
  const ok = { status: { code: 'OK' } };
  const sale = { kind: 'sale', item_code: 'OK', flag: 'VOID', item_id: 'I1', item_text: 'voided' };
  const ret = { kind: 'return', item_code: 'OK', item_id: 'I2' };

  it("the first record of the call's side answers, by its state", () => {
    const q = read({ ...ok, items: [ret, sale] }, { flow: 'query' });
    expect([q.unified, q.code, q.layers.transaction?.field, q.layers.transaction?.message]).toEqual([
      'already_cancelled',
      'OK',
      'items[1].flag',
      'voided',
    ]);
    expect(q.layers.transaction?.detail).toEqual({ kind: 'sale', flag: 'VOID' });
    expect(q.raw['items[1].item_id']).toBe('I1');
    const r = read({ ...ok, items: [sale, ret] }, { flow: 'refund' });
    expect([r.unified, r.layers.transaction?.field, r.layers.transaction?.status]).toEqual(['refund_succeeded', 'items[1].flag', 'NONE']);
  });

  it('a record code other than the accepted one is the state in code form', () => {
    const d = read({ ...ok, items: [{ kind: 'sale', item_code: 'W_PENDING' }] }, { flow: 'query' });
    expect([d.unified, d.outcome, d.layers.transaction?.field]).toEqual(['processing', 'pending', 'items[0].item_code']);
  });

  it('defaults: a record without its kind is a sale, without its state the default state', () => {
    const d = read({ ...ok, items: [{ item_code: 'OK' }] }, { flow: 'query' });
    expect([d.unified, d.layers.transaction?.status, d.layers.transaction?.detail]).toEqual([
      'approved',
      'NONE',
      { kind: 'sale', flag: 'NONE' },
    ]);
  });

  it("no record of the call's side is the YAML's none answer, with its provenance", () => {
    const d = read({ ...ok, items: [sale] }, { flow: 'refund' });
    expect([d.unified, d.outcome, d.next, d.decidedBy]).toEqual(['order_not_found', 'unknown', 'query', 'transaction']);
    expect(d.reason).toBe(env.records?.none.reason);
    expect(d.confidence).toBeLessThan(read({ ...ok, items: [sale] }, { flow: 'query' }).confidence);
    expect(d.raw['items.length']).toBe(1);
    expect(read({ ...ok, items: [] }).unified).toBe('order_not_found');
  });

  it('a refused request never reaches the records', () => {
    const d = read({ status: { code: 'E_BUSY' }, items: [sale] }, { flow: 'query' });
    expect([d.decidedBy, d.unified]).toEqual(['request', 'system_error']);
  });

  it('the records state table is not read at the top of a body', () => {
    const d = read({ ...ok, flag: 'VOID' });
    expect([d.decidedBy, d.unified]).toEqual(['request', 'request_accepted']);
  });
});

describe('hostile bodies', () => {
  it('__proto__ keys are plain data at every level', () => {
    const top = read('{"__proto__": {"state": "DONE"}, "status": {"code": "OK"}}');
    expect(top.unified).toBe('request_accepted');
    const wrapped = read('{"result": {"__proto__": {"state": "DONE"}}}');
    expect(wrapped.outcome).toBe('unknown');
    const rec = read('{"status": {"code": "OK"}, "items": [{"__proto__": {"kind": "sale", "flag": "VOID"}, "item_code": "OK"}]}', {
      flow: 'query',
    });
    expect([rec.unified, rec.layers.transaction?.status]).toEqual(['approved', 'NONE']);
    const sel = read('{"status": {"code": "OK"}, "items": [{"kind": "__proto__"}]}', { flow: 'query' });
    expect(sel.unified).toBe('order_not_found');
    expect(({} as Record<string, unknown>).state).toBeUndefined();
    expect(({} as Record<string, unknown>).kind).toBeUndefined();
  });

  it('arrays and scalars where objects are expected are skipped, never thrown on', () => {
    const items = [null, 1, 'sale', [], [{ kind: 'sale' }], { kind: ['sale'] }, { kind: { sale: 1 } }];
    const d = read({ status: { code: 'OK' }, items }, { flow: 'query' });
    // Only `{ kind: ['sale'] }` and `{ kind: { sale: 1 } }` are records; their kind is no string, so they count as sales.
    expect([d.unified, d.layers.transaction?.field]).toEqual(['approved', 'items[5].flag']);
    for (const notAList of [{}, 'x', 5, null]) expect(read({ status: { code: 'OK' }, items: notAList }).unified).toBe('request_accepted');
  });

  it('a huge record list is one pass: property reads grow linearly with its length', () => {
    const reads = (n: number): number => {
      let count = 0;
      const handler: ProxyHandler<object> = {
        get: (t, k, r) => {
          count++;
          return Reflect.get(t, k, r);
        },
        getOwnPropertyDescriptor: (t, k) => {
          count++;
          return Reflect.getOwnPropertyDescriptor(t, k);
        },
      };
      const items = Array.from({ length: n }, () => new Proxy({ kind: 'other', item_code: 'OK' }, handler));
      const d = read({ status: { code: 'OK' }, items }, { flow: 'query' });
      expect(d.unified).toBe('order_not_found');
      return count;
    };
    const small = reads(1000);
    const large = reads(8000);
    expect(small).toBeGreaterThan(0);
    expect(large).toBe(small * 8);
  });

  it('a 50,000-record body just under the size limit is answered', () => {
    const text = `{"status":{"code":"OK"},"items":[${Array(50_000).fill('{"kind":"other"}').join(',')},{"kind":"sale","flag":"VOID"}]}`;
    const d = read(text, { flow: 'query' });
    expect([d.unified, d.layers.transaction?.field]).toEqual(['already_cancelled', 'items[50000].flag']);
  });
});

describe('decode: a named decoder turns an encoded part into data', () => {
  const key = 'record-key';
  const sealed = (data: Record<string, unknown>) => {
    const e = ottpayEncrypt(data, key);
    return { status: { code: 'OK' }, sealed: e.data, digest: e.md5 };
  };

  it('with the key, the decoded part is read like plain data', () => {
    const body = { ...sealed({ inner: 'x' }), state: 'DONE' };
    expect(read(body, { signKey: key }).unified).toBe('approved');
    expect(read(body, { signKey: key }).parseError).toBeUndefined();
  });

  it('without the key, or with a wrong key, the note says why and the rest is still read', () => {
    const body = { ...sealed({ inner: 'x' }), state: 'WAIT' };
    const none = read(body);
    expect([none.unified, none.parseError]).toEqual(['processing', expect.stringMatching(/signKey/)]);
    expect(read(body, { signKey: 'wrong' }).parseError).toMatch(/decrypt_failed|md5_mismatch/);
  });
});

describe('notifications: only the signed part, read as one record', () => {
  const sign = (body: unknown) => responses.signNotification('recordpay', body as Record<string, unknown>, SECRET, { timestamp: NOW });
  const verify = (s: { body: string; headers: Record<string, string> }) =>
    responses.fromNotification('recordpay', s.body, { headers: s.headers, secret: SECRET, now: NOW });

  it('a sale record decides by its state; a return event is a refund', () => {
    const n = verify(sign({ payload: { event: 'sale.done', item_id: 'I9', flag: 'VOID' }, status: { code: 'E_BUSY' } }));
    expect([n.unified, n.event.type, n.event.id, n.layers.transaction?.field]).toEqual(['already_cancelled', 'sale.done', 'I9', 'flag']);
    expect(n.layers.transaction?.detail).toMatchObject({ flag: 'VOID', 'payload.event': 'sale.done' });
    expect(n.raw['payload.flag']).toBe('VOID');
    expect(Object.keys(n.raw).some((k) => k.startsWith('status'))).toBe(false);
    const r = verify(sign({ payload: { event: 'return.done', item_code: 'OK' } }));
    expect([r.unified, r.outcome]).toEqual(['refund_succeeded', 'succeeded']);
  });

  it('a record code decides when it is not the accepted one; a payload that is no object has no state', () => {
    expect(verify(sign({ payload: { event: 'sale.done', item_code: 'E_FUNDS' } })).unified).toBe('insufficient_funds');
    const empty = verify(sign({ payload: [{ flag: 'VOID' }] }));
    expect(empty.layers.transaction?.status).toBe('NONE');
  });
});

describe('the constructs are checked when the catalog compiles', () => {
  it('names a table that does not exist, a bad decoder and a malformed request', () => {
    const dir = mkdtempSync(join(tmpdir(), 'paycodes-constructs-'));
    const src = join(ROOT, 'test/fixtures/catalog-envelope');
    const problems = (edit: (yaml: string) => string): string => {
      const yaml = edit(readFileSync(join(src, 'providers/recordpay.yaml'), 'utf8'));
      writeFileSync(join(dir, 'providers/recordpay.yaml'), yaml);
      try {
        loadCatalogData(dir, dir);
      } catch (e) {
        return (e as Error).message;
      }
      return '';
    };
    try {
      mkdirSync(join(dir, 'providers'));
      mkdirSync(join(dir, 'sources'));
      copyFileSync(join(ROOT, 'catalog/unified.yaml'), join(dir, 'unified.yaml'));
      copyFileSync(join(src, 'sources/recordpay.txt'), join(dir, 'sources/recordpay.txt'));
      expect(problems((y) => y)).toBe('');
      const tables = problems((y) => y.replace('table: item_state', 'table: no_items').replace('table: refund_state', 'table: no_refunds'));
      expect(tables).toMatch(/envelope\.records\.state\.table: "no_items" is not a table/);
      expect(tables).toMatch(/envelope\.states\.order_state\.overriddenBy\.table: "no_refunds" is not a table/);
      expect(problems((y) => y.replace('scheme: ottpay-aes', 'scheme: rot13'))).toMatch(/envelope\.decode\.scheme/);
      expect(problems((y) => y.replace(/ {4}accepted:\n {6}- OK\n {4}http: 2xx\n/, ''))).toMatch(/accepted codes, http: 2xx/);
      expect(problems((y) => y.replace('http: 2xx', 'http: 3xx'))).toMatch(/envelope\.request\.http/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
