import { describe, expect, it } from 'vitest';
import { listEntries, listProviders } from '../../src/catalog/api.js';
import { listCodes } from '../../src/catalog/listings.js';
import { FLOWS } from '../../src/core/types.js';
import { normalize } from '../../src/normalize.js';
import { CatalogEntry, CodeListing, Decision, ProviderInfo } from '../../src/schema/shapes.js';

describe('the response schemas fit what paycodes really returns, and nothing else', () => {
  it('every listing, entry and provider parses under its strict schema', () => {
    for (const p of listProviders()) {
      expect(ProviderInfo.parse(p)).toEqual(p);
      for (const e of listEntries(p.id)) expect(CatalogEntry.parse(e)).toEqual(e);
      for (const flow of FLOWS) for (const l of listCodes(p.id, { flow })) expect(CodeListing.parse(l)).toEqual(l);
    }
  });

  it('classifier answers, unmapped codes and several readings parse as Decisions', () => {
    for (const input of [
      { provider: 'subotiz', code: '100888', message: '风控拦截' },
      { provider: 'nopay', code: 'X1' },
      { provider: 'eftpay', code: '-99' },
      { provider: 'qfpay', code: '1125', lang: 'zh-Hant' as const },
    ]) {
      const d = normalize(input);
      expect(Decision.parse(d)).toEqual(d);
    }
  });

  it('refuses a key the type does not have, and a unified code the catalog does not define', () => {
    const d = normalize({ provider: 'qfpay', code: '1201' });
    expect(Decision.safeParse({ ...d, extra: 1 }).success).toBe(false);
    expect(Decision.safeParse({ ...d, unified: 'made_up' }).success).toBe(false);
    expect(Decision.safeParse({ ...d, message: { ...d.message, extra: '' } }).success).toBe(false);
  });

  it('Decisions are frozen, deep', () => {
    const d = normalize({ provider: 'eftpay', code: '-99' });
    expect(Object.isFrozen(d)).toBe(true);
    expect(Object.isFrozen(d.message)).toBe(true);
    expect(Object.isFrozen(d.alternatives?.[0])).toBe(true);
    expect(() => {
      (d as { outcome: string }).outcome = 'succeeded';
    }).toThrow(TypeError);
  });
});
