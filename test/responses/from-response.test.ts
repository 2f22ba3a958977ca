import { describe, expect, it } from 'vitest';
import type { Flow } from '../../src/core/types.js';
import { PaycodesInputError } from '../../src/index.js';
import { fromResponse } from '../../src/responses/index.js';
import { ottpayEncrypt } from '../../src/responses/ottpay-crypto.js';
import { fixture, fixtureText } from './fixtures.js';

interface Case {
  provider: string;
  file: string;
  flow?: Flow;
  httpStatus?: number;
  expect: {
    outcome: string;
    next: string;
    unified: string;
    decidedBy: string;
    code?: string;
    txField?: string;
    txStatus?: string;
    requestCode?: string;
  };
}

const CASES: Case[] = [
  // QFPay: outer respcd, then data.txstatus or enquiry records
  {
    provider: 'qfpay',
    file: 'payment-success.json',
    flow: 'payment',
    expect: { outcome: 'succeeded', next: 'done', unified: 'approved', decidedBy: 'request', code: '0000' },
  },
  {
    provider: 'qfpay',
    file: 'payment-processing-1145.json',
    flow: 'payment',
    expect: { outcome: 'pending', next: 'wait', unified: 'processing', decidedBy: 'request', code: '1145' },
  },
  {
    provider: 'qfpay',
    file: 'payment-insufficient-1201.json',
    flow: 'payment',
    expect: { outcome: 'failed', next: 'ask_customer', unified: 'insufficient_funds', decidedBy: 'request' },
  },
  {
    provider: 'qfpay',
    file: 'payment-newformat-pending.json',
    flow: 'payment',
    expect: {
      outcome: 'pending',
      next: 'wait',
      unified: 'processing',
      decidedBy: 'transaction',
      txField: 'data.txstatus',
      txStatus: 'PENDING',
      requestCode: '0000',
    },
  },
  {
    provider: 'qfpay',
    file: 'payment-newformat-success.json',
    flow: 'payment',
    expect: { outcome: 'succeeded', next: 'done', unified: 'approved', decidedBy: 'transaction', txStatus: 'SUCCESS' },
  },
  {
    provider: 'qfpay',
    file: 'payment-newformat-failed.json',
    flow: 'payment',
    expect: { outcome: 'failed', next: 'ask_customer', unified: 'generic_decline', decidedBy: 'transaction', txStatus: 'FAILED' },
  },
  {
    provider: 'qfpay',
    file: 'query-unquoted-respcd.txt',
    flow: 'query',
    expect: {
      outcome: 'succeeded',
      next: 'done',
      unified: 'approved',
      decidedBy: 'transaction',
      txField: 'data[0].cancel',
      code: '0000',
      requestCode: '0000',
    },
  },
  {
    provider: 'qfpay',
    file: 'query-waiting-1143.json',
    flow: 'query',
    expect: {
      outcome: 'pending',
      next: 'wait',
      unified: 'awaiting_customer',
      decidedBy: 'transaction',
      txField: 'data[0].respcd',
      txStatus: '1143',
    },
  },
  {
    provider: 'qfpay',
    file: 'query-refunded.json',
    flow: 'query',
    expect: { outcome: 'failed', next: 'stop', unified: 'already_refunded', decidedBy: 'transaction', txStatus: '3' },
  },
  {
    provider: 'qfpay',
    file: 'query-refunded.json',
    flow: 'refund',
    expect: { outcome: 'succeeded', next: 'done', unified: 'refund_succeeded', decidedBy: 'transaction', txField: 'data[1].cancel' },
  },
  {
    provider: 'qfpay',
    file: 'query-partially-refunded.json',
    flow: 'query',
    expect: { outcome: 'succeeded', next: 'done', unified: 'partially_refunded', decidedBy: 'transaction', txStatus: '5' },
  },
  {
    provider: 'qfpay',
    file: 'query-empty.json',
    flow: 'query',
    expect: { outcome: 'unknown', next: 'query', unified: 'order_not_found', decidedBy: 'transaction' },
  },
  {
    provider: 'qfpay',
    file: 'refund-success.json',
    flow: 'refund',
    expect: { outcome: 'succeeded', next: 'done', unified: 'approved', decidedBy: 'request' },
  },
  {
    provider: 'qfpay',
    file: 'refund-processing-1145.json',
    flow: 'refund',
    expect: { outcome: 'pending', next: 'wait', unified: 'processing', decidedBy: 'request' },
  },
  {
    provider: 'qfpay',
    file: 'error-signature-1108.json',
    flow: 'payment',
    expect: { outcome: 'failed', next: 'fix_and_retry', unified: 'invalid_signature', decidedBy: 'request' },
  },
  // eftPay: return_status 00 only accepts the request
  {
    provider: 'eftpay',
    file: 'payment-preorder-accepted.json',
    flow: 'payment',
    expect: { outcome: 'unknown', next: 'query', unified: 'request_accepted', decidedBy: 'request', code: '00' },
  },
  {
    provider: 'eftpay',
    file: 'query-trade-success.json',
    flow: 'query',
    expect: {
      outcome: 'succeeded',
      next: 'done',
      unified: 'approved',
      decidedBy: 'transaction',
      txStatus: 'TRADE_SUCCESS',
      requestCode: '00',
    },
  },
  {
    provider: 'eftpay',
    file: 'query-trade-processing.json',
    flow: 'query',
    expect: { outcome: 'pending', next: 'wait', unified: 'processing', decidedBy: 'transaction' },
  },
  {
    provider: 'eftpay',
    file: 'query-trade-fail.json',
    flow: 'query',
    expect: { outcome: 'failed', next: 'ask_customer', unified: 'generic_decline', decidedBy: 'transaction' },
  },
  {
    provider: 'eftpay',
    file: 'query-trade-closed.json',
    flow: 'query',
    expect: { outcome: 'failed', next: 'stop', unified: 'already_closed', decidedBy: 'transaction' },
  },
  {
    provider: 'eftpay',
    file: 'query-refund-apply-success.json',
    flow: 'query',
    expect: { outcome: 'pending', next: 'wait', unified: 'refund_in_progress', decidedBy: 'transaction' },
  },
  {
    provider: 'eftpay',
    file: 'refund-trade-refund.json',
    flow: 'refund',
    expect: { outcome: 'succeeded', next: 'done', unified: 'refund_succeeded', decidedBy: 'transaction' },
  },
  {
    provider: 'eftpay',
    file: 'refund-trade-fail.json',
    flow: 'refund',
    expect: { outcome: 'failed', next: 'stop', unified: 'refund_declined', decidedBy: 'transaction' },
  },
  {
    provider: 'eftpay',
    file: 'error-duplicate-03.json',
    flow: 'payment',
    expect: { outcome: 'unknown', next: 'query', unified: 'duplicate_order', decidedBy: 'request' },
  },
  {
    provider: 'eftpay',
    file: 'error-system-minus1.json',
    flow: 'payment',
    expect: { outcome: 'unknown', next: 'query', unified: 'system_error', decidedBy: 'request' },
  },
  // SHOPLINE Payments: HTTP status picks the shape
  {
    provider: 'shopline-payments',
    file: 'payment-succeeded.json',
    flow: 'payment',
    httpStatus: 200,
    expect: { outcome: 'succeeded', next: 'done', unified: 'approved', decidedBy: 'transaction', txStatus: 'SUCCEEDED' },
  },
  {
    provider: 'shopline-payments',
    file: 'payment-failed-4454.json',
    flow: 'payment',
    httpStatus: 200,
    expect: {
      outcome: 'failed',
      next: 'ask_customer',
      unified: 'insufficient_funds',
      decidedBy: 'transaction',
      code: '4454',
      txStatus: 'FAILED',
    },
  },
  {
    provider: 'shopline-payments',
    file: 'payment-customer-action.json',
    flow: 'payment',
    httpStatus: 200,
    expect: { outcome: 'pending', next: 'wait', unified: 'awaiting_customer', decidedBy: 'transaction' },
  },
  {
    provider: 'shopline-payments',
    file: 'query-processing.json',
    flow: 'query',
    httpStatus: 200,
    expect: { outcome: 'pending', next: 'wait', unified: 'processing', decidedBy: 'transaction' },
  },
  {
    provider: 'shopline-payments',
    file: 'query-authorized.json',
    flow: 'query',
    httpStatus: 200,
    expect: { outcome: 'succeeded', next: 'done', unified: 'approved', decidedBy: 'transaction' },
  },
  {
    provider: 'shopline-payments',
    file: 'query-expired.json',
    flow: 'query',
    httpStatus: 200,
    expect: { outcome: 'failed', next: 'ask_customer', unified: 'order_expired', decidedBy: 'transaction' },
  },
  {
    provider: 'shopline-payments',
    file: 'refund-succeeded.json',
    flow: 'refund',
    httpStatus: 200,
    expect: { outcome: 'succeeded', next: 'done', unified: 'refund_succeeded', decidedBy: 'transaction' },
  },
  {
    provider: 'shopline-payments',
    file: 'error-400-param-1004.json',
    flow: 'payment',
    httpStatus: 400,
    expect: { outcome: 'failed', next: 'fix_and_retry', unified: 'invalid_request', decidedBy: 'request', code: '1004' },
  },
  {
    provider: 'shopline-payments',
    file: 'error-429-1904.json',
    flow: 'payment',
    httpStatus: 429,
    expect: { outcome: 'failed', next: 'retry', unified: 'rate_limited', decidedBy: 'request' },
  },
  {
    provider: 'shopline-payments',
    file: 'error-500-1999.json',
    flow: 'payment',
    httpStatus: 500,
    expect: { outcome: 'unknown', next: 'query', unified: 'system_error', decidedBy: 'request' },
  },
  // Subotiz: HTTP + {code,message}, or the trade object (data wrapper inferred)
  {
    provider: 'subotiz',
    file: 'payment-succeeded.json',
    flow: 'payment',
    httpStatus: 200,
    expect: { outcome: 'succeeded', next: 'done', unified: 'approved', decidedBy: 'transaction', txField: 'data.trade_status' },
  },
  {
    provider: 'subotiz',
    file: 'payment-failed-100100.json',
    flow: 'payment',
    httpStatus: 200,
    expect: { outcome: 'failed', next: 'ask_customer', unified: 'insufficient_funds', decidedBy: 'transaction', code: '100100' },
  },
  {
    provider: 'subotiz',
    file: 'payment-requires-action.json',
    flow: 'payment',
    httpStatus: 200,
    expect: { outcome: 'pending', next: 'wait', unified: 'awaiting_customer', decidedBy: 'transaction', txField: 'trade_status' },
  },
  {
    provider: 'subotiz',
    file: 'query-processing.json',
    flow: 'query',
    httpStatus: 200,
    expect: { outcome: 'pending', next: 'wait', unified: 'processing', decidedBy: 'transaction' },
  },
  {
    provider: 'subotiz',
    file: 'query-refunded.json',
    flow: 'query',
    httpStatus: 200,
    expect: { outcome: 'failed', next: 'stop', unified: 'already_refunded', decidedBy: 'transaction', txField: 'data.refund_status' },
  },
  {
    provider: 'subotiz',
    file: 'query-closed.json',
    flow: 'query',
    httpStatus: 200,
    expect: { outcome: 'failed', next: 'stop', unified: 'already_closed', decidedBy: 'transaction' },
  },
  {
    provider: 'subotiz',
    file: 'refund-pending.json',
    flow: 'refund',
    httpStatus: 200,
    expect: { outcome: 'pending', next: 'wait', unified: 'refund_in_progress', decidedBy: 'transaction' },
  },
  {
    provider: 'subotiz',
    file: 'refund-succeeded.json',
    flow: 'refund',
    httpStatus: 200,
    expect: { outcome: 'succeeded', next: 'done', unified: 'refund_succeeded', decidedBy: 'transaction' },
  },
  {
    provider: 'subotiz',
    file: 'error-400-100414.json',
    flow: 'payment',
    httpStatus: 400,
    expect: { outcome: 'failed', next: 'fix_and_retry', unified: 'invalid_request', decidedBy: 'request' },
  },
  // OTT Pay: rsp_code, then the decrypted data
  {
    provider: 'ottpay',
    file: 'payment-success.json',
    flow: 'payment',
    expect: {
      outcome: 'succeeded',
      next: 'done',
      unified: 'approved',
      decidedBy: 'transaction',
      txField: 'data.status',
      requestCode: 'SUCCESS',
    },
  },
  {
    provider: 'ottpay',
    file: 'query-processing.json',
    flow: 'query',
    expect: { outcome: 'pending', next: 'wait', unified: 'processing', decidedBy: 'transaction', txField: 'data.respcode' },
  },
  {
    provider: 'ottpay',
    file: 'query-orderclose.json',
    flow: 'query',
    expect: { outcome: 'failed', next: 'stop', unified: 'already_closed', decidedBy: 'transaction' },
  },
  {
    provider: 'ottpay',
    file: 'query-notpay.json',
    flow: 'query',
    expect: { outcome: 'pending', next: 'wait', unified: 'order_not_paid', decidedBy: 'transaction', txStatus: 'NOTPAY' },
  },
  {
    provider: 'ottpay',
    file: 'refund-success.json',
    flow: 'refund',
    expect: { outcome: 'succeeded', next: 'done', unified: 'refund_succeeded', decidedBy: 'transaction' },
  },
  {
    provider: 'ottpay',
    file: 'error-amount-not-enough.json',
    flow: 'payment',
    expect: { outcome: 'failed', next: 'ask_customer', unified: 'insufficient_funds', decidedBy: 'request' },
  },
  {
    provider: 'ottpay',
    file: 'error-order-used.json',
    flow: 'payment',
    expect: { outcome: 'unknown', next: 'query', unified: 'duplicate_order', decidedBy: 'request' },
  },
];

describe('fromResponse: both layers, per provider fixture', () => {
  for (const c of CASES) {
    it(`${c.provider} ${c.file} (${c.flow ?? 'any'}) → ${c.expect.unified} ${c.expect.outcome}/${c.expect.next}`, () => {
      const opts: { flow?: Flow; httpStatus?: number } = {};
      if (c.flow) opts.flow = c.flow;
      if (c.httpStatus) opts.httpStatus = c.httpStatus;
      // Raw text, exactly as it would come off the wire.
      const d = fromResponse(c.provider, fixtureText(c.provider, c.file), opts);
      expect(d.provider).toBe(c.provider);
      expect(d.unified).toBe(c.expect.unified);
      expect(d.outcome).toBe(c.expect.outcome);
      expect(d.next).toBe(c.expect.next);
      expect(d.decidedBy).toBe(c.expect.decidedBy);
      if (c.expect.code) expect(d.code).toBe(c.expect.code);
      if (c.expect.requestCode) expect(d.layers.request.code).toBe(c.expect.requestCode);
      if (c.expect.txField) expect(d.layers.transaction?.field).toBe(c.expect.txField);
      if (c.expect.txStatus) expect(d.layers.transaction?.status).toBe(c.expect.txStatus);
      if (c.expect.decidedBy === 'transaction' && c.expect.unified !== 'order_not_found') {
        expect(d.layers.request.accepted).toBe(true);
        expect(d.layers.transaction).toBeDefined();
      }
      expect(d.message.customer.length + d.message.merchant.length).toBeGreaterThan(0);
    });
  }
});

describe('fromResponse: the examples the issue names', () => {
  it('QFPay 0000 + PENDING is pending/wait, and keeps the raw fields it used', () => {
    const d = fromResponse('qfpay', { respcd: '0000', respmsg: '', data: { txstatus: 'PENDING' } }, { flow: 'payment' });
    expect([d.outcome, d.next]).toEqual(['pending', 'wait']);
    expect(d.raw).toEqual({ respcd: '0000', respmsg: '', 'data.txstatus': 'PENDING' });
    expect(d.layers.transaction?.provenance).toBe('official');
  });

  it('eftPay 00 + TRADE_SUCCESS succeeds; 00 alone is unknown/query', () => {
    expect(fromResponse('eftpay', { return_status: '00', trade_status: 'TRADE_SUCCESS' }).outcome).toBe('succeeded');
    const alone = fromResponse('eftpay', { return_status: '00', return_char: 'Success' }, { flow: 'payment' });
    expect([alone.outcome, alone.next, alone.unified]).toEqual(['unknown', 'query', 'request_accepted']);
  });

  it.each([500, 502, 503, 504])('HTTP %i with an empty or HTML body after a payment is unknown/query', (status) => {
    for (const p of ['qfpay', 'eftpay', 'shopline-payments', 'subotiz', 'ottpay']) {
      for (const body of ['', '<html>Bad Gateway</html>']) {
        const d = fromResponse(p, body, { flow: 'payment', httpStatus: status });
        expect([d.outcome, d.next, d.decidedBy]).toEqual(['unknown', 'query', 'http']);
      }
    }
  });

  it('an unparsable body with no HTTP status is unknown/query, never a throw', () => {
    for (const body of [
      '{"respcd": "00',
      'null',
      '[1,2]',
      '{}}',
      'x'.repeat(2_000_000),
      Buffer.from([0xff, 0xfe, 0x00]),
      null,
      undefined,
      42,
    ]) {
      const d = fromResponse('qfpay', body, { flow: 'payment' });
      expect([d.outcome, d.next]).toEqual(['unknown', 'query']);
    }
    expect(fromResponse('qfpay', '<html/>').parseError).toMatch(/neither JSON nor form/);
    // Bytes are bytes, whatever container they come in.
    const bytes = new TextEncoder().encode('{"respcd": "1145"}');
    expect(fromResponse('qfpay', bytes).unified).toBe('processing');
    expect(fromResponse('qfpay', bytes.buffer).unified).toBe('processing');
  });

  it('SHOPLINE 200 FAILED with paymentMsg.code 4454 is insufficient_funds; a third-party status is marked so', () => {
    const d = fromResponse('shopline-payments', fixture('shopline-payments', 'payment-failed-4454.json'), { httpStatus: 200 });
    expect(d.unified).toBe('insufficient_funds');
    expect(d.layers.transaction).toMatchObject({ status: 'FAILED', code: '4454', provenance: 'third-party' });
    expect(d.raw['paymentMsg.code']).toBe('4454');
  });
});

describe('fromResponse: defensive parsing and edge cases', () => {
  it('reads a form-encoded body', () => {
    const d = fromResponse('qfpay', 'respcd=1145&resperr=%E8%99%95%E7%90%86%E4%B8%AD');
    expect([d.code, d.outcome, d.layers.request.message]).toEqual(['1145', 'pending', '處理中']);
  });

  it('keeps bare numeric codes exact: 00, -1, 0000 and 1145 as numbers', () => {
    expect(fromResponse('eftpay', '{"return_status": 00, "trade_status": "TRADE_SUCCESS"}').layers.request.code).toBe('00');
    expect(fromResponse('eftpay', '{"return_status": -1}').unified).toBe('system_error');
    expect(fromResponse('qfpay', '{"respcd": 1145}').unified).toBe('processing');
    expect(fromResponse('qfpay', { respcd: 0 }).code).toBe('0000');
  });

  it('a 5xx never proves success or a final failure', () => {
    const ok = fromResponse('qfpay', { respcd: '0000' }, { flow: 'payment', httpStatus: 500 });
    expect(ok.outcome).toBe('unknown');
    const decline = fromResponse('shopline-payments', { code: '4454', msg: 'x' }, { flow: 'payment', httpStatus: 502 });
    expect([decline.outcome, decline.next]).toEqual(['unknown', 'query']);
  });

  it('HTTP 429 with no readable body is rate_limited/retry', () => {
    const d = fromResponse('subotiz', '', { httpStatus: 429 });
    expect([d.unified, d.next]).toEqual(['rate_limited', 'retry']);
  });

  it('an unknown state value is unknown/query, not a guess', () => {
    const d = fromResponse('eftpay', { return_status: '00', trade_status: 'TRADE_SOMETHING_NEW' });
    expect([d.outcome, d.next, d.known]).toEqual(['unknown', 'query', false]);
    expect(d.layers.transaction?.status).toBe('TRADE_SOMETHING_NEW');
  });

  it('a FAILED state with a code that does not say failed keeps the state answer', () => {
    const d = fromResponse('shopline-payments', { status: 'FAILED', paymentMsg: { code: '4458', msg: 'still processing' } });
    expect(d.outcome).toBe('failed');
    expect(d.unified).toBe('generic_decline');
  });

  it('hostile keys are plain data', () => {
    const d = fromResponse('qfpay', '{"__proto__": {"respcd": "0000"}, "constructor": 1, "respcd": "1145"}');
    expect(d.unified).toBe('processing');
    expect(({} as Record<string, unknown>).respcd).toBeUndefined();
    const form = fromResponse('qfpay', '__proto__=x&respcd=1201');
    expect(form.unified).toBe('insufficient_funds');
  });

  it('speaks the requested language', () => {
    const en = fromResponse('qfpay', { respcd: '1201' }, { lang: 'en' });
    const hant = fromResponse('qfpay', { respcd: '1201' }, { lang: 'zh-TW' });
    expect(hant.unified).toBe(en.unified);
    expect(hant.message.customer).not.toBe('');
  });

  it('rejects bad providers and options with PaycodesInputError', () => {
    expect(() => fromResponse('stripe', {})).toThrow(PaycodesInputError);
    expect(() => fromResponse(42 as unknown as string, {})).toThrow(PaycodesInputError);
    expect(() => fromResponse('qfpay', {}, { flow: 'nope' as Flow })).toThrow(PaycodesInputError);
    expect(() => fromResponse('qfpay', {}, { httpStatus: 99 })).toThrow(PaycodesInputError);
    expect(fromResponse('SHOPLINE Payments', { status: 'SUCCEEDED' }).provider).toBe('shopline-payments');
  });
});

describe('fromResponse: OTT Pay encrypted data (Appendix A)', () => {
  const signKey = 'test-sign-key-not-real';
  const inner = { order_id: 'OTT1', amount: '1000', respcode: 'PROCESSING', respmsg: 'User paying' };

  it('decrypts with the signKey and reads the order state', () => {
    const enc = ottpayEncrypt(inner, signKey);
    const d = fromResponse('ottpay', { rsp_code: 'SUCCESS', rsp_msg: 'success', ...enc }, { signKey });
    expect([d.unified, d.outcome, d.layers.transaction?.field]).toEqual(['processing', 'pending', 'data.respcode']);
  });

  it('without the key, or with the wrong key, or a tampered md5, it stays unknown/query', () => {
    const enc = ottpayEncrypt(inner, signKey);
    const noKey = fromResponse('ottpay', { rsp_code: 'SUCCESS', ...enc });
    expect([noKey.outcome, noKey.next]).toEqual(['unknown', 'query']);
    expect(noKey.parseError).toMatch(/signKey/);
    const wrong = fromResponse('ottpay', { rsp_code: 'SUCCESS', ...enc }, { signKey: 'other' });
    expect(wrong.outcome).toBe('unknown');
    expect(wrong.parseError).toMatch(/decrypt_failed|md5_mismatch/);
    const tampered = fromResponse(
      'ottpay',
      { rsp_code: 'SUCCESS', data: enc.data, md5: enc.md5.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) },
      { signKey },
    );
    expect(tampered.outcome).toBe('unknown');
  });
});
