import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Flow } from '../../src/core/types.js';
import { fromResponse, type ResponseDecision, type ResponseProvider } from '../../src/responses/index.js';
import { BIN, ROOT } from '../helpers/paths.js';
import { runCli } from '../helpers/run.js';

interface Mock {
  url: string;
  child: ChildProcess;
  stderr: () => string;
  stop: () => Promise<number | null>;
}

/** Starts the real `paycodes mock` binary and reads the URL it prints on stderr. */
function startMock(args: string[]): Promise<Mock> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'mock', ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    let done = false;
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    child.stderr?.on('data', (b: Buffer) => {
      err += b.toString('utf8');
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(err);
      if (m && !done) {
        done = true;
        resolve({
          url: m[1] as string,
          child,
          stderr: () => err,
          stop: () => {
            child.kill('SIGTERM');
            return exited;
          },
        });
      }
    });
    child.on('exit', (code) => {
      if (!done) reject(new Error(`mock exited with ${code}: ${err}`));
    });
  });
}

interface Answer {
  status?: number;
  body?: string;
}

/** One HTTP call as a merchant would make it; a timeout or a dropped connection is "no answer". */
async function call(url: string, init: RequestInit & { timeoutMs?: number }): Promise<Answer> {
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(init.timeoutMs ?? 5000) });
    return { status: res.status, body: await res.text() };
  } catch {
    return {};
  }
}

const read = (provider: ResponseProvider, a: Answer, flow: Flow, signKey?: string): ResponseDecision => {
  const opts: { flow: Flow; httpStatus?: number; signKey?: string } = { flow };
  if (a.status !== undefined) opts.httpStatus = a.status;
  if (signKey !== undefined) opts.signKey = signKey;
  return fromResponse(provider, a.body ?? null, opts);
};

/** Pays, then polls the query endpoint while the answer says wait or query; returns every decision. */
async function payAndPoll(
  provider: ResponseProvider,
  pay: () => Promise<Answer>,
  query: () => Promise<Answer>,
  opts: { maxQueries?: number; signKey?: string } = {},
): Promise<ResponseDecision[]> {
  const trail = [read(provider, await pay(), 'payment', opts.signKey)];
  for (let i = 0; i < (opts.maxQueries ?? 5); i++) {
    const last = trail[trail.length - 1] as ResponseDecision;
    if (last.next !== 'wait' && last.next !== 'query') break;
    trail.push(read(provider, await query(), 'query', opts.signKey));
  }
  return trail;
}

const form = (o: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(o).toString(),
});
const json = (o: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(o),
});

let dir: string;
let qfpay: Mock;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'paycodes-mock-'));
  const scenario = join(dir, 'scenario.yaml');
  writeFileSync(
    scenario,
    [
      'orders:',
      '  PEND-THEN-OK: ["1145", "1145", "0000"]',
      '  NEVER-ANSWERS: [timeout]',
      '  DROPS-THEN-OK: [{ fault: drop, code: "0000" }, "0000"]',
      '',
    ].join('\n'),
  );
  qfpay = await startMock(['qfpay', '--port', '0', '--scenario', scenario]);
});

afterAll(async () => {
  await qfpay?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('paycodes mock qfpay (real binary, loopback)', () => {
  const pay = (order: string, extra: Record<string, string> = {}, headers: Record<string, string> = {}) => {
    const init = form({ txamt: '1000', txcurrcd: 'HKD', pay_type: '800101', out_trade_no: order, ...extra });
    return call(`${qfpay.url}/trade/v1/payment`, { ...init, headers: { ...init.headers, ...headers }, timeoutMs: 800 });
  };
  const query = (order: string) => () => call(`${qfpay.url}/trade/v1/query`, { ...form({ out_trade_no: order }), timeoutMs: 800 });

  it('a scripted 1145, 1145, 0000 ends in succeeded after two pending answers', async () => {
    const trail = await payAndPoll('qfpay', () => pay('PEND-THEN-OK'), query('PEND-THEN-OK'));
    expect(trail.map((d) => [d.code, d.outcome, d.next])).toEqual([
      ['1145', 'pending', 'wait'],
      ['1145', 'pending', 'wait'],
      ['0000', 'succeeded', 'done'],
    ]);
    expect(trail[2]?.layers.transaction?.field).toBe('data[0].cancel');
  });

  it('a scripted timeout leaves the client at unknown/query', async () => {
    const trail = await payAndPoll('qfpay', () => pay('NEVER-ANSWERS'), query('NEVER-ANSWERS'), { maxQueries: 2 });
    expect(trail).toHaveLength(3);
    for (const d of trail) expect([d.outcome, d.next]).toEqual(['unknown', 'query']);
    expect(trail[0]?.parseError).toBe('no body');
    expect(qfpay.stderr()).toMatch(/order=NEVER-ANSWERS → \(no answer: timeout\)/);
  });

  it('a dropped connection is unknown/query; the query then finds the payment', async () => {
    const trail = await payAndPoll('qfpay', () => pay('DROPS-THEN-OK'), query('DROPS-THEN-OK'));
    expect(trail.map((d) => d.outcome)).toEqual(['unknown', 'succeeded']);
  });

  it('answers any code by header, and the order state is kept for queries', async () => {
    const d = read('qfpay', await pay('HDR-1201', {}, { 'X-Paycodes-Code': '1201' }), 'payment');
    expect([d.code, d.unified, d.outcome]).toEqual(['1201', 'insufficient_funds', 'failed']);
    const q = read('qfpay', await query('HDR-1201')(), 'query');
    expect([q.code, q.unified]).toEqual(['1201', 'insufficient_funds']);
  });

  it('answers a transaction state by header in the newer data.txstatus format', async () => {
    const d = read('qfpay', await pay('HDR-PENDING', {}, { 'X-Paycodes-State': 'PENDING' }), 'payment');
    expect([d.layers.request.code, d.layers.transaction?.status, d.outcome, d.next]).toEqual(['0000', 'PENDING', 'pending', 'wait']);
  });

  it('magic amounts: .01 insufficient funds, .02 pending twice then succeeded, .08 garbage then found', async () => {
    expect(read('qfpay', await pay('MAGIC-01', { txamt: '1001' }), 'payment').unified).toBe('insufficient_funds');
    const trail = await payAndPoll('qfpay', () => pay('MAGIC-02', { txamt: '1002' }), query('MAGIC-02'));
    expect(trail.map((d) => d.outcome)).toEqual(['pending', 'pending', 'succeeded']);
    const garbage = await payAndPoll('qfpay', () => pay('MAGIC-08', { txamt: '1008' }), query('MAGIC-08'));
    expect(garbage.map((d) => [d.outcome, d.decidedBy])).toEqual([
      ['unknown', 'body'],
      ['succeeded', 'transaction'],
    ]);
  });

  it('refunds change what a query reports', async () => {
    await pay('REFUND-ME');
    const q1 = read('qfpay', await query('REFUND-ME')(), 'query');
    const syssn = String(q1.raw['data[0].syssn']);
    const r = read('qfpay', await call(`${qfpay.url}/trade/v1/refund`, form({ syssn, out_trade_no: 'R-1', txamt: '400' })), 'refund');
    expect(r.outcome).toBe('succeeded');
    const q2 = read('qfpay', await query('REFUND-ME')(), 'query');
    expect([q2.unified, q2.layers.transaction?.detail?.cancel]).toEqual(['partially_refunded', '5']);
  });

  it('an unknown endpoint is a 404 that lists the real ones', async () => {
    const a = await call(`${qfpay.url}/trade/v1/nope`, form({}));
    expect(a.status).toBe(404);
    expect(JSON.parse(a.body as string).endpoints).toContain('POST /trade/v1/query');
  });
});

describe('paycodes mock, other providers (real binary)', () => {
  it('eftPay: 00 alone says query; polling reaches TRADE_SUCCESS (.02 magic amount)', async () => {
    const m = await startMock(['eftpay', '--port', '0', '--sign-key', 'eft-test-key']);
    try {
      const endpoint = `${m.url}/Servlet/JSAPIService.do`;
      const trail = await payAndPoll(
        'eftpay',
        () =>
          call(
            endpoint,
            json({
              service: 'service.alipay.qrcode.PreOrder',
              out_trade_no: 'EFT-1',
              transaction_amount: '10.02',
              user_confirm_key: 'MOCK',
            }),
          ),
        () => call(endpoint, json({ service: 'service.common.Query', out_trade_no: 'EFT-1', user_confirm_key: 'MOCK' })),
      );
      expect(trail.map((d) => [d.unified, d.outcome, d.next])).toEqual([
        ['request_accepted', 'unknown', 'query'],
        ['processing', 'pending', 'wait'],
        ['approved', 'succeeded', 'done'],
      ]);
      const missing = read('eftpay', await call(endpoint, json({ service: 'service.common.Query', out_trade_no: 'NOPE' })), 'query');
      expect([missing.code, missing.unified]).toEqual(['05', 'order_not_found']);
    } finally {
      expect(await m.stop()).toBe(0);
    }
    expect(m.stderr()).toMatch(/paycodes mock: stopped/);
  });

  it('SHOPLINE Payments: .01 is a 200 FAILED with paymentMsg 4454; .05 is an HTTP 500', async () => {
    const m = await startMock(['shopline-payments', '--port', '0']);
    try {
      const create = (id: string, value: number) =>
        call(`${m.url}/api/v1/trade/payment/create`, json({ referenceOrderId: id, amount: { value, currency: 'TWD' } }));
      const declined = read('shopline-payments', await create('SL-1', 100001), 'payment');
      expect([declined.unified, declined.layers.request.httpStatus, declined.layers.transaction?.code]).toEqual([
        'insufficient_funds',
        200,
        '4454',
      ]);
      const down = read('shopline-payments', await create('SL-5', 100005), 'payment');
      expect([down.outcome, down.next, down.layers.request.httpStatus]).toEqual(['unknown', 'query', 500]);
      const trail = await payAndPoll(
        'shopline-payments',
        () => create('SL-9', 100009),
        () => call(`${m.url}/api/v1/trade/payment/get`, json({ referenceOrderId: 'SL-9' })),
      );
      expect(trail.map((d) => d.unified)).toEqual(['awaiting_customer', 'awaiting_customer', 'approved']);
    } finally {
      await m.stop();
    }
  });

  it('Subotiz: a pending trade found by GET /api/v1/trade/{id}, then a header-forced decline code', async () => {
    const m = await startMock(['subotiz', '--port', '0']);
    try {
      const created = await call(`${m.url}/api/v1/trade`, json({ order_id: 'SUB-1', amount: '30.03', currency: 'USD' }));
      const d = read('subotiz', created, 'payment');
      expect([d.unified, d.outcome]).toEqual(['processing', 'pending']);
      const tradeId = String(JSON.parse(created.body as string).data.trade_id);
      const q = read('subotiz', await call(`${m.url}/api/v1/trade/${tradeId}`, { method: 'GET' }), 'query');
      expect(q.unified).toBe('processing');
      const declined = read(
        'subotiz',
        await call(`${m.url}/api/v1/trade`, json({ order_id: 'SUB-2', amount: '30.00' }, { 'X-Paycodes-Code': '100100' })),
        'payment',
      );
      expect([declined.unified, declined.layers.transaction?.status]).toEqual(['insufficient_funds', 'payment_failed']);
    } finally {
      await m.stop();
    }
  });

  it('OTT Pay: encrypted data is read with the signKey; a state header shows in data.status', async () => {
    const m = await startMock(['ottpay', '--port', '0', '--sign-key', 'ott-test-key']);
    try {
      const d = read(
        'ottpay',
        await call(
          `${m.url}/process`,
          json(
            { action: 'ACTIVEPAY', version: '1.0', merchant_id: 'M1', data: { order_id: 'OTT1', amount: '1000' } },
            { 'X-Paycodes-State': 'PROCESSING' },
          ),
        ),
        'payment',
        'ott-test-key',
      );
      expect([d.unified, d.layers.transaction?.field]).toEqual(['processing', 'data.status']);
      const q = await call(
        `${m.url}/process`,
        json({ action: 'STATUS_QUERY', version: '1.0', merchant_id: 'M1', data: { order_id: 'OTT1' } }),
      );
      expect(read('ottpay', q, 'query').outcome).toBe('unknown');
      expect(read('ottpay', q, 'query', 'ott-test-key').unified).toBe('processing');
    } finally {
      await m.stop();
    }
  });
});

describe('paycodes mock: usage errors', () => {
  it('exits 2 for an unknown provider, a bad port and a bad scenario', async () => {
    const bad = join(tmpdir(), `paycodes-bad-${process.pid}.yaml`);
    writeFileSync(bad, 'orders:\n  A: [{ colour: red }]\n');
    try {
      const r1 = await runCli(['mock', 'qfpy']);
      expect(r1.code).toBe(2);
      expect(r1.stderr).toMatch(/did you mean `qfpay`/);
      expect((await runCli(['mock', 'qfpay', '--port', '70000'])).code).toBe(2);
      const r3 = await runCli(['mock', 'qfpay', '--scenario', bad]);
      expect(r3.code).toBe(2);
      expect(r3.stderr).toMatch(/unknown key "colour"/);
    } finally {
      rmSync(bad, { force: true });
    }
  });
});
