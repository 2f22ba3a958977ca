import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/normalize.js';
import { runCli } from '../helpers/run.js';

const ANSI = /\x1b\[/;

describe('paycodes explain', () => {
  it('shows a card with the decision, messages, provider text and source', async () => {
    const r = await runCli(['explain', 'qfpay', '1201']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const d = normalize({ provider: 'qfpay', code: '1201' });
    expect(r.stdout).toContain('qfpay 1201');
    expect(r.stdout).toMatch(/failed · ask_customer · customer/);
    expect(r.stdout).toContain('insufficient_funds');
    expect(r.stdout).toContain(d.message.customer);
    expect(r.stdout).toContain(d.message.merchant);
    expect(r.stdout).toContain('餘額不足，請更換支付方式 (1201)');
    expect(r.stdout).toContain(`${d.source?.document}:${d.source?.line}`);
    expect(r.stdout).not.toMatch(ANSI);
  });

  it('--json prints the Decision exactly as normalize() returns it', async () => {
    for (const args of [
      ['qfpay', '1201'],
      ['eftpay', '-99'],
      ['shopline-payments', '4454', '--flow', 'payment', '--lang', 'zh-Hant'],
      ['qfpay', '9999'],
    ]) {
      const r = await runCli(['explain', ...args, '--json']);
      expect(r.code).toBe(0);
      const input: Parameters<typeof normalize>[0] = { provider: args[0] as string, code: args[1] as string };
      if (args.includes('--flow')) input.flow = 'payment';
      if (args.includes('--lang')) input.lang = 'zh-Hant';
      expect(r.stdout).toBe(`${JSON.stringify(normalize(input), null, 2)}\n`);
    }
  });

  it('lists the other readings of a code with several', async () => {
    const r = await runCli(['explain', 'eftpay', '-99']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Other readings');
    expect(r.stdout).toContain('duplicate_order');
    expect(r.stdout).toContain('out_trade_no/refund_no must be unique');
  });

  it('shows the reason when an entry departs from its unified default', async () => {
    const withReason = normalize({ provider: 'shopline-payments', code: '1021', flow: 'refund' });
    const r = await runCli(['explain', 'shopline-payments', '1021', '--flow', 'refund']);
    expect(r.code).toBe(0);
    if (withReason.reason) expect(r.stdout).toContain(withReason.reason.slice(0, 40));
    expect(r.stdout).toContain(withReason.unified);
  });

  it('shows messages in the requested language', async () => {
    const r = await runCli(['explain', 'qfpay', '1201', '--lang', 'zh-Hans']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(normalize({ provider: 'qfpay', code: '1201', lang: 'zh-Hans' }).message.customer);
  });

  it('an unknown code is not an error: it gets the unmapped decision', async () => {
    const r = await runCli(['explain', 'qfpay', '424242']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/unknown · query · provider/);
    expect(r.stdout).toContain('not in the catalog');
  });

  it('a typo in the provider is a usage error that names the closest one', async () => {
    const r = await runCli(['explain', 'qfpy', '1201']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('did you mean `qfpay`?');
  });

  it('bad flows, languages and missing arguments are usage errors', async () => {
    const flow = await runCli(['explain', 'qfpay', '1201', '--flow', 'refnd']);
    expect(flow.code).toBe(2);
    expect(flow.stderr).toContain('did you mean `refund`?');
    const lang = await runCli(['explain', 'qfpay', '1201', '--lang', 'fr']);
    expect(lang.code).toBe(2);
    expect(lang.stderr).toMatch(/unknown language "fr"/);
    const missing = await runCli(['explain', 'qfpay']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/missing required argument/);
  });

  it('colours only when allowed: FORCE_COLOR on, NO_COLOR and --no-color off', async () => {
    const forced = await runCli(['explain', 'qfpay', '1201'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(forced.stdout).toMatch(ANSI);
    const noColor = await runCli(['explain', 'qfpay', '1201'], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } });
    expect(noColor.stdout).not.toMatch(ANSI);
    const flag = await runCli(['explain', 'qfpay', '1201', '--no-color'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(flag.stdout).not.toMatch(ANSI);
    const before = await runCli(['--no-color', 'explain', 'qfpay', '1201'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(before.stdout).not.toMatch(ANSI);
    // A pipe without FORCE_COLOR gets plain text.
    const piped = await runCli(['explain', 'qfpay', '1201'], { env: { NO_COLOR: '', FORCE_COLOR: '' } });
    expect(piped.stdout).not.toMatch(ANSI);
  });
});
