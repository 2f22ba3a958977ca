import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/normalize.js';
import { adviseRetry } from '../../src/retry/index.js';
import { runCli } from '../helpers/run.js';

const dir = mkdtempSync(join(tmpdir(), 'paycodes-retry-'));
const T0 = '2026-12-01T10:00:00.000Z';

describe('paycodes retry (real binary)', () => {
  it('a Mastercard decline with MAC 24 may be retried after an hour, under a new reference', async () => {
    const r = await runCli([
      'retry',
      'qfpay',
      '1201',
      '--network',
      'mastercard',
      '--network-code',
      '51',
      '--advice-code',
      '24',
      '--now',
      T0,
      '--json',
    ]);
    expect(r.code).toBe(0);
    const { decision, advice } = JSON.parse(r.stdout);
    expect(decision).toMatchObject({
      unified: 'insufficient_funds',
      decline: 'soft',
      recurring: 'wait',
      network: { network: 'mastercard', code: '51', advice: '24' },
    });
    expect(advice).toMatchObject({ retry: true, notBefore: '2026-12-01T11:00:00.000Z', reference: 'new' });
    expect(advice.rules[0]).toMatchObject({ id: 'mastercard-mac-24', source: { id: 'yuno-mac' } });
    // The binary gives what the library gives for the same input.
    const lib = adviseRetry({
      decision: normalize({ provider: 'qfpay', code: '1201', network: 'mastercard', networkCode: '51', adviceCode: '24' }),
      now: T0,
    });
    expect(advice).toEqual(JSON.parse(JSON.stringify(lib)));
  });
  it('reads the attempt history from a file and stops a Visa 51 at the cap', async () => {
    const attempts = Array.from({ length: 20 }, (_, i) => ({ at: Date.parse(T0) + i * 3_600_000, network: 'visa', networkCode: '51' }));
    const file = join(dir, 'attempts.json');
    writeFileSync(file, JSON.stringify(attempts));
    const r = await runCli([
      'retry',
      'qfpay',
      '1201',
      '--network',
      'visa',
      '--network-code',
      '51',
      '--attempts',
      file,
      '--now',
      '2026-12-02T06:00:00Z',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^retry\s+no$/m);
    expect(r.stdout).toMatch(/remaining\s+0 attempt/);
    expect(r.stdout).toContain('visa-reattempts-30d');
    expect(r.stdout).toMatch(/source: Visa Core Rules/);
  });
  it('an open outcome is never retried: query first, same reference', async () => {
    const r = await runCli(['retry', 'qfpay', '1298']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^retry\s+no$/m);
    expect(r.stdout).toContain('the same merchant reference');
    expect(r.stdout).toContain('query-first');
  });
  it.each([
    [['retry', 'qfpay', '1201', '--network', 'diners'], /unknown network "diners"/],
    [['retry', 'qfpay', '1201', '--network-code', '51'], /need --network/],
    [['retry', 'qfpay', '1201', '--network', 'visa', '--attempts', join(dir, 'missing.json')], /no such file/],
    [['retry', 'qfpay', '1201', '--now', 'tomorrow'], /now must be an ISO 8601 time/],
  ])('%j is a clear error with exit 2', async (args, message) => {
    const r = await runCli(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^paycodes: /);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
  it('explain takes the network facts too', async () => {
    const r = await runCli(['explain', 'qfpay', '1201', '--network', 'visa', '--network-code', '43', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ decline: 'hard', network: { rules: ['visa-category-1'] } });
  });
});
