import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sampleBuffer } from '../../src/analytics/sample.js';
import { getEntries } from '../../src/catalog/api.js';
import { FLOWS } from '../../src/core/types.js';
import { normalize } from '../../src/normalize.js';
import { runCli } from '../helpers/run.js';

const dir = mkdtempSync(join(tmpdir(), 'paycodes-sample-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CURRENCY: Record<string, string> = { qfpay: 'HKD', eftpay: 'HKD', 'shopline-payments': 'TWD', subotiz: 'USD', ottpay: 'CAD' };

describe('paycodes sample', () => {
  it('gives identical bytes for the same seed, from stdout and from --out', async () => {
    const a = await runCli(['sample', '--rows', '3000', '--seed', '42']);
    const b = await runCli(['sample', '--rows', '3000', '--seed', '42']);
    expect(a.code, a.stderr).toBe(0);
    expect(a.stdout.length).toBeGreaterThan(100_000);
    expect(b.stdout).toBe(a.stdout);
    const out = join(dir, 'a.ndjson');
    const c = await runCli(['sample', '--rows', '3000', '--seed', '42', '--out', out]);
    expect(c.code).toBe(0);
    expect(c.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(a.stdout);
    expect(sampleBuffer({ rows: 3000, seed: 42 }).toString('utf8')).toBe(a.stdout);
  });

  it('gives a different log for a different seed', async () => {
    const a = sampleBuffer({ rows: 500, seed: 1 }).toString();
    const b = sampleBuffer({ rows: 500, seed: 2 }).toString();
    expect(a).not.toBe(b);
    // Not just different ids: the drawn records differ.
    const strip = (s: string) => s.replace(/"id":"[^"]*",/g, '');
    expect(strip(a)).not.toBe(strip(b));
  });

  it('writes well-formed records with a plausible mix', () => {
    const lines = sampleBuffer({ rows: 5000, seed: 9 }).toString('utf8').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(5000);
    const providers = new Map<string, number>();
    let unknown = 0;
    let succeeded = 0;
    let prev = '';
    const ids = new Set<string>();
    const orders = new Map<string, number>();
    let states = 0;
    for (const line of lines) {
      const r = JSON.parse(line) as Record<string, unknown>;
      const keys = ['id', 'order_id', 'ts', 'provider', 'flow', 'code', 'state', 'message', 'amount', 'currency'];
      expect(Object.keys(r)).toEqual(keys.filter((k) => k !== 'state' || 'state' in r));
      if ('state' in r) {
        states++;
        expect(['qfpay', 'eftpay', 'ottpay']).toContain(r.provider);
      }
      orders.set(r.order_id as string, (orders.get(r.order_id as string) ?? 0) + 1);
      const provider = r.provider as string;
      providers.set(provider, (providers.get(provider) ?? 0) + 1);
      expect(r.currency).toBe(CURRENCY[provider]);
      expect(FLOWS).toContain(r.flow);
      expect(typeof r.code).toBe('string');
      expect(typeof r.amount === 'number' && r.amount > 0).toBe(true);
      if (provider === 'shopline-payments') expect(Number.isInteger(r.amount)).toBe(true);
      expect((r.ts as string) >= prev).toBe(true);
      prev = r.ts as string;
      ids.add(r.id as string);
      const d = normalize({ provider, code: r.code as string, flow: r.flow as never });
      if (!d.known) unknown++;
      else {
        // A known code carries one of the provider's own texts for it, and a flow it is read under.
        const entries = getEntries(provider, r.code as string);
        const texts = entries.flatMap((e) => Object.values(e.messages));
        expect(texts).toContain(r.message);
        if (!entries.some((e) => e.flow === 'any')) expect(entries.map((e) => e.flow)).toContain(r.flow);
      }
      if (d.outcome === 'succeeded') succeeded++;
    }
    expect(ids.size).toBe(5000);
    // Two layers: most accepted requests of qfpay/eftpay/ottpay carry their state; some orders are retried.
    expect(states / 5000).toBeGreaterThan(0.4);
    const retried = [...orders.values()].filter((n) => n > 1).length;
    expect(retried).toBeGreaterThan(20);
    expect(retried).toBeLessThan(500);
    expect([...providers.keys()].sort()).toEqual(['eftpay', 'ottpay', 'qfpay', 'shopline-payments', 'subotiz']);
    expect(providers.get('qfpay')).toBeGreaterThan(providers.get('shopline-payments') as number);
    // About 3% unmapped by default; QFPay and Subotiz successes make a good share succeed.
    expect(unknown / 5000).toBeGreaterThan(0.015);
    expect(unknown / 5000).toBeLessThan(0.05);
    expect(succeeded / 5000).toBeGreaterThan(0.3);
    expect(lines[0]).toMatch(/"ts":"2026-11-01T/);
    expect(prev < '2026-11-15T00:00:00').toBe(true);
  });

  it('honours --unmapped-rate 0 and writes malformed lines only when asked', async () => {
    const clean = sampleBuffer({ rows: 2000, seed: 5, unmappedRate: 0 }).toString('utf8').trimEnd().split('\n');
    expect(clean.every((l) => normalize(JSON.parse(l) as never).known)).toBe(true);

    const r = await runCli(['sample', '--rows', '4000', '--seed', '5', '--malformed-rate', '0.05', '--out', join(dir, 'bad.ndjson')]);
    expect(r.code, r.stderr).toBe(0);
    const report = await runCli(['report', join(dir, 'bad.ndjson'), '--json']);
    const f = JSON.parse(report.stdout);
    expect(f.input.lines).toBe(4000);
    expect(f.input.rejected + f.input.blank).toBeGreaterThan(100);
    expect(f.input.rejected + f.input.blank).toBeLessThan(300);
    const reasons = f.input.rejections.map((x: { reason: string }) => x.reason).sort();
    expect(reasons).toEqual(['invalid_json', 'invalid_utf8', 'missing_code', 'not_object']);
    expect(f.input.blank).toBeGreaterThan(0);
  });

  it('rejects bad options with exit status 2', async () => {
    for (const args of [
      ['--rows', 'ten'],
      ['--rows', '-5'],
      ['--seed', '1.5'],
      ['--unmapped-rate', '2'],
      ['--malformed-rate', 'x'],
      ['--start', 'yesterday'],
    ]) {
      const r = await runCli(['sample', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^paycodes: --/);
      expect(r.stdout).toBe('');
    }
  });
});
