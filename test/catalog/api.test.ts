import { describe, expect, it } from 'vitest';
import {
  entriesForUnified,
  getEntries,
  getEntry,
  getProvider,
  getUnified,
  listEntries,
  listProviders,
  listUnified,
} from '../../src/catalog/api.js';

describe('the catalog API', () => {
  it('lists providers with their facts', () => {
    const qf = listProviders().find((p) => p.id === 'qfpay');
    expect(qf).toMatchObject({ name: 'QFPay', languages: ['zh-Hant'], document: 'catalog/sources/qfpay.md', entries: 52 });
    expect(qf?.envelope).toMatch(/txstatus/);
  });

  it('finds a provider by id or by its display name', () => {
    expect(getProvider('shopline-payments')?.name).toBe('SHOPLINE Payments');
    expect(getProvider('SHOPLINE Payments')?.id).toBe('shopline-payments');
    expect(getProvider('nope')).toBeUndefined();
    expect(getProvider('__proto__')).toBeUndefined();
  });

  it('lists entries and narrows them by flow or unified code', () => {
    const capture = listEntries('shopline-payments', { flow: 'capture' });
    // The capture entries, plus the `any` entries, which apply to every flow.
    expect(capture.filter((e) => e.flow === 'capture').map((e) => e.code)).toEqual(['7001', '7002', '7400', '7401', '7402', '7403']);
    expect(capture.filter((e) => e.flow !== 'capture').every((e) => e.flow === 'any')).toBe(true);
    expect(capture.length).toBe(listEntries('shopline-payments').filter((e) => e.flow === 'capture' || e.flow === 'any').length);
    expect(listEntries('subotiz', { unified: 'invalid_expiry' }).map((e) => e.code)).toEqual(['100227', '100228', '100229']);
    expect(listEntries('nope')).toEqual([]);
  });

  it('looks up an entry by provider, code and flow, with the any fallback and canonical codes', () => {
    const e = getEntry('qfpay', 0);
    expect(e).toMatchObject({
      provider: 'qfpay',
      code: '0000',
      flow: 'any',
      unified: 'approved',
      source: { document: 'catalog/sources/qfpay.md', line: 11, end: 11 },
    });
    expect(getEntry('shopline-payments', '1004', 'onboarding')?.scene).toBe('Onboarding');
    expect(getEntry('shopline-payments', '1904', 'refund')?.flow).toBe('any');
    expect(getEntry('qfpay', '9999')).toBeUndefined();
    expect(getEntry('qfpay', '')).toBeUndefined();
    expect(getEntries('eftpay', -99)).toHaveLength(2);
  });

  it('carries reviewed readings with their written reasons', () => {
    // Reviewed to a unified code whose guidance matches, rather than overridden (see test/core/guidance.test.ts).
    const e = getEntry('shopline-payments', '4403', 'payment');
    expect(e?.unified).toBe('system_error');
    expect(e?.override).toBeUndefined();
    expect(e?.notes).toMatch(/^Reviewed: .{40,}/);
  });

  it('describes unified codes and what maps to them', () => {
    const u = getUnified('insufficient_funds');
    expect(u).toMatchObject({ outcome: 'failed', next: 'ask_customer', party: 'customer', disclosure: 'specific' });
    expect(u?.equivalents.iso8583).toEqual(['51']);
    expect(u?.equivalents.stripe).toEqual(['insufficient_funds']);
    expect(getUnified('already_refunded')?.flows.payment).toMatchObject({ outcome: 'unknown', next: 'query' });
    expect(getUnified('constructor')).toBeUndefined();
    const providers = new Set(entriesForUnified('insufficient_funds').map((e) => e.provider));
    for (const id of ['ottpay', 'qfpay', 'shopline-payments', 'subotiz', 'stripe-decline', 'iso8583', 'visa'])
      expect(providers).toContain(id);
    expect(listUnified().some((x) => x.code === 'unmapped')).toBe(true);
  });

  it('maps every entry to a unified code that exists', () => {
    const codes = new Set(listUnified().map((u) => u.code));
    for (const p of listProviders()) for (const e of listEntries(p.id)) expect(codes.has(e.unified), `${p.id} ${e.code}`).toBe(true);
  });
});
