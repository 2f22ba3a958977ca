import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fromResponse } from '../../src/responses/index.js';
import { createMockServer } from '../../src/responses/mock/server.js';
import { BIN, ROOT } from '../helpers/paths.js';
import { runCli } from '../helpers/run.js';

const work = mkdtempSync(join(tmpdir(), 'paycodes-mock-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('paycodes mock lifecycle (real binary)', () => {
  it('exits on SIGTERM while a delayed step is pending (F12)', async () => {
    const child = spawn(process.execPath, [BIN, 'mock', 'qfpay', '--quiet'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    const exited = new Promise<{ code: number | null }>((r) => child.on('exit', (code) => r({ code })));
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.on('data', (b: Buffer) => {
        err += b.toString('utf8');
        const m = /listening on (http:\/\/\S+)/.exec(err);
        if (m) resolve(m[1] as string);
      });
      child.on('exit', () => reject(new Error(err)));
    });
    // Ten minutes of delay: the server must not wait it out.
    const pending = fetch(`${url}/trade/v1/payment`, {
      method: 'POST',
      headers: { 'x-paycodes-delay': '600000' },
      body: new URLSearchParams({ txamt: '1000', out_trade_no: 'SIGTERM-1' }),
    }).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 300));
    child.kill('SIGTERM');
    // -1: still running 20 s after SIGTERM (it used to wait out the whole delay).
    const { code } = await Promise.race([exited, new Promise<{ code: number | null }>((r) => setTimeout(() => r({ code: -1 }), 20_000))]);
    if (code === -1) child.kill('SIGKILL');
    expect(code).toBe(0);
    await pending;
    expect(err).toContain('stopped');
  }, 30_000);

  it('refuses a scenario step that is neither a fault, a state nor a known code', async () => {
    const file = join(work, 'bad.yaml');
    writeFileSync(file, 'orders:\n  A1: [bogus_fault]\n');
    const r = await runCli(['mock', 'qfpay', '--scenario', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/paycodes: .*orders\.A1\[0\]: unknown step "bogus_fault"/);
  });
});

describe('mock magic amounts without the order-id field', () => {
  it('still apply (a Subotiz 10.01 without order_id is insufficient funds)', async () => {
    const mock = createMockServer({ provider: 'subotiz' });
    const url = await mock.listen();
    try {
      const r = await fetch(`${url}/api/v1/trade`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ amount: '10.01', currency: 'USD' }),
      });
      const d = fromResponse('subotiz', await r.text(), { flow: 'payment', httpStatus: r.status });
      expect(d.unified).toBe('insufficient_funds');
      const plain = await fetch(`${url}/api/v1/trade`, { method: 'POST', body: JSON.stringify({ amount: '10.00' }) });
      expect(fromResponse('subotiz', await plain.text(), { httpStatus: plain.status }).outcome).toBe('succeeded');
    } finally {
      await mock.close();
    }
  });
});
