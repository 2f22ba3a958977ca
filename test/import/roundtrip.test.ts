import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { providerSchema } from '../../src/build/catalog-schema.js';
import { importTable } from '../../src/import/index.js';
import { toDraftYaml } from '../../src/import/yaml.js';
import { ROOT } from '../helpers/paths.js';

interface CatalogEntry {
  code: string;
  flow: string;
  scene?: string;
  messages: Record<string, string>;
  source: { line: number; end?: number };
}

const SEEDS: [provider: string, document: string, format: string][] = [
  ['qfpay', 'qfpay.md', 'markdown'],
  ['eftpay', 'eftpay.txt', 'lines'],
  ['ottpay', 'ottpay.txt', 'lines'],
  ['shopline-payments', 'shopline-payments.txt', 'lines'],
  ['subotiz', 'subotiz.txt', 'lines'],
];

/** The importer never sees the catalog: it reads the source document and must give back the curated entries. */
describe('import round trip: each seed document gives the curated catalog entries', () => {
  for (const [provider, document, format] of SEEDS) {
    it(`${provider} (${document})`, () => {
      const catalog = parse(readFileSync(resolve(ROOT, 'catalog/providers', `${provider}.yaml`), 'utf8')) as {
        entries: CatalogEntry[];
        languages: string[];
      };
      const text = readFileSync(resolve(ROOT, 'catalog/sources', document), 'utf8');
      const result = importTable(text, { provider });
      expect(result.format).toBe(format);
      expect(new Set(result.languages)).toEqual(new Set(catalog.languages));
      const got = result.entries.map((e, i) => {
        const want = catalog.entries[i];
        const o: CatalogEntry = { code: e.code, flow: e.flow, messages: e.messages as Record<string, string>, source: e.source };
        // Scenes are compared where the catalog records them.
        if (want?.scene !== undefined && e.scene !== undefined) o.scene = e.scene;
        return o;
      });
      const want = catalog.entries.map((e) => {
        const o: CatalogEntry = { code: e.code, flow: e.flow, messages: e.messages, source: e.source };
        if (e.scene !== undefined) o.scene = e.scene;
        return o;
      });
      expect(got).toEqual(want);
      for (const [i, e] of result.entries.entries()) {
        if (catalog.entries[i]?.scene !== undefined) expect(e.scene).toBe(catalog.entries[i]?.scene);
        expect(e.suggestion.confidence).toBeGreaterThanOrEqual(0);
        expect(e.suggestion.confidence).toBeLessThanOrEqual(1);
      }
    });
  }

  it('splits the hard SHOPLINE and Subotiz rows without the catalog', () => {
    const slp = importTable(readFileSync(resolve(ROOT, 'catalog/sources/shopline-payments.txt'), 'utf8'), { provider: 'slp' }).entries;
    const find = (code: string, flow?: string) => slp.find((e) => e.code === code && (flow === undefined || e.flow === flow));
    expect(find('4465')?.messages).toEqual({ 'zh-Hant': '輸入PIN', en: 'Card/E-Wallet requires online pin' });
    expect(find('4412')?.messages).toEqual({ 'zh-Hant': '通路介面回應not found', en: 'Payment failed due to technical issue' });
    expect(find('2013')?.messages).toEqual({ 'zh-Hant': '商戶未與平台 Connect', en: 'Merchants are not connected to the platform' });
    expect(find('4455')?.messages['zh-Hant']).toBe('交易卡卡號驗證不通過(卡號無效)');
    expect(find('4104')?.messages['zh-Hant']).toBe('因為特店帳戶狀態異常,導致交易下單被拒絕。');
    expect(find('4402')?.messages.en).toBe(
      'The payment failed due to the actual amount [xxx幣種] paid by the payer is different from the set amount.',
    );
    expect(find('URL_NOT_FOUND', 'connect')?.messages).toEqual({ 'zh-Hant': 'URL不存在', en: 'The url does not exist' });
    expect(find('2113')?.messages).toEqual({ 'zh-Hant': '此主體已經存在', en: 'entity not unique' });
    expect(find('4600')?.messages).toEqual({
      'zh-Hant': 'Others-Exception',
      en: 'The payment has been declined for unspecificed reasons.',
    });
    expect(find('2011')?.messages.en).toBe('InstrumentStatus forbidden change');
    expect(find('9007')?.messages).toEqual({ 'zh-Hant': '賬戶余額不足', en: 'Account balance not enough' });
    expect(slp.filter((e) => e.code === '1004').map((e) => e.flow)).toEqual(['payment', 'onboarding']);

    const sub = importTable(readFileSync(resolve(ROOT, 'catalog/sources/subotiz.txt'), 'utf8'), { provider: 'sub' }).entries;
    const s = (code: string) => sub.find((e) => e.code === code)?.messages;
    expect(s('100615')).toEqual({ en: 'Incorrect PIN', 'zh-Hans': 'PIN错误' });
    expect(s('100601')).toEqual({ en: 'Token expired', 'zh-Hans': 'token过期' });
    expect(s('100411')).toEqual({ en: 'API rate limit exceeded', 'zh-Hans': 'API接口请求超限' });
    expect(s('100606')).toEqual({ en: '3D Secure authentication timeout', 'zh-Hans': '3D授权操作超时' });
    expect(s('100604')?.en).toBe('3D Secure authentication cancelled by the cardholder');
    expect(sub.find((e) => e.code === '100101')?.scene).toBe('Amount Errors');

    const eft = importTable(readFileSync(resolve(ROOT, 'catalog/sources/eftpay.txt'), 'utf8'), { provider: 'eft' }).entries;
    expect(eft.filter((e) => e.code === '-99').map((e) => e.messages.en)).toEqual([
      'System error',
      'out_trade_no/refund_no must be unique',
    ]);
  });
});

/** A description or solution column beside the message is the catalog's `details`, as reviewed. */
describe('import round trip: details', () => {
  for (const provider of ['razorpay', 'fiuu']) {
    it(`${provider}: every entry's details, as the catalog holds them`, () => {
      const catalog = parse(readFileSync(resolve(ROOT, 'catalog/providers', `${provider}.yaml`), 'utf8')) as {
        entries: (CatalogEntry & { details?: Record<string, string> })[];
      };
      const text = readFileSync(resolve(ROOT, 'catalog/sources', `${provider}.txt`), 'utf8');
      const byLine = new Map(importTable(text, { provider }, false).entries.map((e) => [e.source.line, e]));
      const want = catalog.entries.filter((e) => e.details !== undefined);
      expect(want.length).toBeGreaterThan(30);
      expect(want.map((e) => byLine.get(e.source.line)?.details)).toEqual(want.map((e) => e.details));
    });
  }

  it('the draft YAML carries them, checked verbatim on their lines, and passes the schema', () => {
    const text = readFileSync(resolve(ROOT, 'catalog/sources/fiuu.txt'), 'utf8');
    const result = importTable(text, { provider: 'fiuu' }, false);
    const draft = parse(toDraftYaml(result, { document: 'catalog/sources/fiuu.txt', text, retrieved: '2026-12-03' }));
    const checked = providerSchema.safeParse(draft);
    expect(checked.success ? [] : checked.error.issues).toEqual([]);
    expect(draft.entries.filter((e: { details?: unknown }) => e.details !== undefined)).toHaveLength(35);
    // A detail that is not on the entry's lines stays a note, as a message would.
    const moved = { ...result, entries: result.entries.map((e) => ({ ...e, details: { en: 'Not in the source' } })) };
    const redraft = parse(toDraftYaml(moved, { document: 'catalog/sources/fiuu.txt', text, retrieved: '2026-12-03' }));
    expect(redraft.entries.some((e: { details?: unknown }) => e.details !== undefined)).toBe(false);
    expect(redraft.entries[0].notes).toContain('en: Not in the source');
  });
});
