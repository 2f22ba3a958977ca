import { describe, expect, it } from 'vitest';
import { entriesForUnified, getEntries, getUnified, listProviders, listUnified } from '../../src/catalog/api.js';
import { type CodeListing, listCodes } from '../../src/catalog/listings.js';
import { normalize } from '../../src/normalize.js';
import { runCli } from '../helpers/run.js';

describe('paycodes search', () => {
  it('finds Traditional text from a Simplified query', async () => {
    const r = await runCli(['search', '余额不足']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/qfpay\s+1201\s+insufficient_funds/);
    expect(r.stdout).toContain('餘額不足');
  });

  it('lists a code typed alone at every provider that has it, first', async () => {
    const r = await runCli(['search', '1201', '--json']);
    expect(r.code).toBe(0);
    const hits = JSON.parse(r.stdout) as { provider?: string; code?: string }[];
    // Every entry with that code, at whichever providers the catalog has, before anything else.
    const having = listProviders().flatMap((p) => getEntries(p.id, '1201').map((e) => `${e.provider}:${e.code}`));
    expect(having).toEqual(expect.arrayContaining(['qfpay:1201', 'shopline-payments:1201']));
    const first = hits.slice(0, Math.min(having.length, 20)).map((h) => `${h.provider}:${h.code}`);
    expect(first.every((h) => having.includes(h))).toBe(true);
  });

  it('takes several words without quotes, and filters and limits', async () => {
    const r = await runCli(['search', 'insufficient', 'funds', '--json', '--limit', '2']);
    const hits = JSON.parse(r.stdout) as { unified: string }[];
    expect(hits).toHaveLength(2);
    expect(hits[0]?.unified).toBe('insufficient_funds');
    const only = JSON.parse((await runCli(['search', 'timeout', '--provider', 'ottpay', '--json'])).stdout) as { provider: string }[];
    expect(only.length).toBeGreaterThan(0);
    expect(only.every((h) => h.provider === 'ottpay')).toBe(true);
  });

  it('shows the decision normalize() gives for a code, and marks other readings', async () => {
    const r = await runCli(['search', '1125']);
    expect(r.stdout).toMatch(/^qfpay\s+1125\s+already_refunded\s+unknown query\s+\+1/m);
    const hits = JSON.parse((await runCli(['search', '1125', '--json'])).stdout) as {
      provider?: string;
      outcome: string;
      readings?: number;
    }[];
    const hit = hits.find((h) => h.provider === 'qfpay');
    expect(hit).toMatchObject({ outcome: 'unknown', readings: 2 });
  });

  it('reports no matches on stderr with exit 0, and usage errors with 2', async () => {
    const none = await runCli(['search', 'zzqqxx']);
    expect(none.code).toBe(0);
    expect(none.stdout).toBe('');
    expect(none.stderr).toContain('no matches');
    expect((await runCli(['search', 'zzqqxx', '--json'])).stdout).toBe('[]\n');
    const limit = await runCli(['search', 'x', '--limit', '0']);
    expect(limit.code).toBe(2);
    const provider = await runCli(['search', 'x', '--provider', 'otpay']);
    expect(provider.code).toBe(2);
    expect(provider.stderr).toContain('did you mean `ottpay`?');
    expect((await runCli(['search'])).code).toBe(2);
  });
});

describe('paycodes providers', () => {
  it('lists every provider, as a table and as JSON', async () => {
    const r = await runCli(['providers']);
    expect(r.code).toBe(0);
    for (const p of listProviders()) expect(r.stdout).toMatch(new RegExp(`^${p.id}\\s+.*\\s${p.entries}\\s`, 'm'));
    const json = await runCli(['providers', '--json']);
    expect(JSON.parse(json.stdout)).toEqual(listProviders());
  });
});

describe('paycodes codes', () => {
  it("lists a provider's codes with the decision normalize() gives", async () => {
    const r = await runCli(['codes', 'qfpay']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    // A header, one row per code, and the note that explains the "+N" marks.
    expect(lines).toHaveLength(listCodes('qfpay').length + 2);
    expect(r.stdout).toMatch(/^1201\s+insufficient_funds\s+failed ask_customer\s+餘額不足/m);
    // With no flow, QFPay 1125 reads as normalize() reads it, marked as having another reading.
    expect(normalize({ provider: 'qfpay', code: '1125' }).outcome).toBe('unknown');
    expect(r.stdout).toMatch(/^1125\s+already_refunded\s+unknown query\s+\+1\s+交易已退款/m);
  });

  it('every listed decision is exactly what normalize() answers, with and without a flow', async () => {
    for (const flow of [undefined, 'refund', 'payment'] as const) {
      const args = ['codes', 'qfpay', '--json', ...(flow ? ['--flow', flow] : [])];
      const listed = JSON.parse((await runCli(args)).stdout) as CodeListing[];
      expect(listed.length).toBeGreaterThan(0);
      for (const l of listed) expect(l.decision).toEqual(normalize({ provider: 'qfpay', code: l.code, flow: flow ?? 'any' }));
    }
  });

  it('--flow includes the `any` codes that apply to the flow', async () => {
    const r = await runCli(['codes', 'qfpay', '--flow', 'refund']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^1125\s+already_refunded\s+failed stop/m);
    const listed = JSON.parse((await runCli(['codes', 'qfpay', '--flow', 'refund', '--json'])).stdout) as CodeListing[];
    expect(listed.map((l) => l.code)).toEqual(listCodes('qfpay').map((l) => l.code));
  });

  it('filters by flow and unified code; JSON is the code listings', async () => {
    const r = await runCli(['codes', 'shopline-payments', '--flow', 'refund', '--json']);
    expect(JSON.parse(r.stdout)).toEqual(listCodes('shopline-payments', { flow: 'refund' }));
    const u = await runCli(['codes', 'SHOPLINE Payments', '--unified', 'insufficient_funds', '--json']);
    const listed = JSON.parse(u.stdout) as CodeListing[];
    expect(listed).toEqual(listCodes('shopline-payments', { unified: 'insufficient_funds' }));
    expect(listed.length).toBeGreaterThan(0);
    for (const l of listed) expect(l.entries.some((e) => e.unified === 'insufficient_funds')).toBe(true);
  });

  it('usage errors: unknown provider, flow or unified code', async () => {
    const p = await runCli(['codes', 'subotis']);
    expect(p.code).toBe(2);
    expect(p.stderr).toContain('did you mean `subotiz`?');
    const u = await runCli(['codes', 'qfpay', '--unified', 'insuficient_funds']);
    expect(u.code).toBe(2);
    expect(u.stderr).toContain('did you mean `insufficient_funds`?');
    expect((await runCli(['codes', 'qfpay', '--flow', 'nope'])).code).toBe(2);
    expect((await runCli(['codes'])).code).toBe(2);
  });
});

describe('paycodes unified', () => {
  it('lists every unified code with how many entries map to it', async () => {
    const r = await runCli(['unified']);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(listUnified().length + 1);
    const n = entriesForUnified('system_error').length;
    expect(r.stdout).toMatch(new RegExp(`^system_error\\s+unknown_outcome\\s+unknown\\s+query\\s+provider\\s+generic\\s+${n}$`, 'm'));
    const json = JSON.parse((await runCli(['unified', '--json'])).stdout) as { code: string; entries: number }[];
    expect(json.map((u) => u.code)).toEqual(listUnified().map((u) => u.code));
  });

  it('shows one code side by side across every provider that maps to it', async () => {
    const r = await runCli(['unified', 'insufficient_funds']);
    expect(r.code).toBe(0);
    const u = getUnified('insufficient_funds');
    expect(r.stdout).toContain(u?.description);
    for (const e of entriesForUnified('insufficient_funds')) expect(r.stdout).toMatch(new RegExp(`^${e.provider}\\s+${e.code}\\s`, 'm'));
    for (const lang of ['en', 'zh-Hant', 'zh-Hans'] as const) expect(r.stdout).toContain(u?.messages[lang].customer);
    const json = JSON.parse((await runCli(['unified', 'insufficient_funds', '--json'])).stdout);
    expect(json).toEqual({ ...u, entries: entriesForUnified('insufficient_funds') });
  });

  it('keeps a space between a flow label and its decision', async () => {
    const r = await runCli(['unified', 'already_refunded']);
    expect(r.stdout).toMatch(/On payment unknown · query · merchant/);
    expect(r.stdout).not.toMatch(/On \w+unknown/);
  });

  it('--lang narrows the messages to one language', async () => {
    const r = await runCli(['unified', 'insufficient_funds', '--lang', 'zh-Hant']);
    const u = getUnified('insufficient_funds');
    expect(r.stdout).toContain(u?.messages['zh-Hant'].customer);
    expect(r.stdout).not.toContain(u?.messages.en.customer);
  });

  it('a typo is a usage error with a suggestion', async () => {
    const r = await runCli(['unified', 'channel_timout']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('did you mean `channel_timeout`?');
  });
});
