import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listEntries, listProviders } from '../../src/catalog/api.js';
import { ROOT } from '../helpers/paths.js';

/**
 * Reads each verbatim source document with a parser of its own (not the importer) and checks that
 * every code in it is in the catalog, and that each entry's fields put back together give the
 * source line exactly: the text is verbatim by construction, not by eye.
 */
const read = (doc: string) => readFileSync(join(ROOT, doc), 'utf8').split('\n');

const SCENES = ['通用', '下單', '付款', '退款', '取消授權', '請款', '綁卡', '定期付款', '轉帳交易', 'Connect', 'SDK', 'Onboarding'];

/** The code tokens each document holds, in document order, found without the catalog's help. */
const CODES_IN_SOURCE: Record<string, (lines: string[]) => string[]> = {
  qfpay: (lines) => lines.flatMap((l) => l.match(/^\|\s*(\d{4})\s*\|/)?.[1] ?? []),
  // Two lines per code (Chinese, then English): count each code once per pair.
  eftpay: (lines) => lines.flatMap((l) => l.match(/^(-?\d+)/)?.[1] ?? []).filter((_, i) => i % 2 === 0),
  'shopline-payments': (lines) =>
    lines.flatMap((l) => {
      const scene = SCENES.find((s) => l.startsWith(s) && l.length > s.length);
      if (!scene) return [];
      const rest = l.slice(scene.length);
      const digits = rest.match(/^\d{4}/)?.[0];
      if (digits) return digits;
      const word = rest.match(/^[A-Z]+(?:_[A-Z]+)+/)?.[0];
      if (!word) return [];
      // A Chinese text may open with an acronym glued to the code (URL_NOT_FOUND + URL不存在).
      const acronym = ['URL', 'API', 'ID', 'IP'].find((a) => word.endsWith(a) && /^[\u3400-\u9fff]/.test(rest.slice(word.length)));
      return acronym && word.length - acronym.length > word.lastIndexOf('_') + 3 ? word.slice(0, -acronym.length) : word;
    }),
  // Six-digit codes, wherever the category label glued in front of them ends.
  subotiz: (lines) => lines.flatMap((l) => l.match(/(?:^|[^0-9])(100\d{3})/)?.[1] ?? []),
  ottpay: (lines) => {
    const start = lines.indexOf('Response message') + 1;
    return lines.slice(start).filter((l) => /^[A-Z][A-Z_]*$/.test(l));
  },
};

const EXPECTED_COUNTS: Record<string, number> = { qfpay: 52, eftpay: 63, 'shopline-payments': 142, subotiz: 91, ottpay: 55 };

describe('every seed code is in the catalog, verbatim', () => {
  it('has the five seed providers', () => {
    const ids = listProviders().map((p) => p.id);
    for (const id of ['eftpay', 'ottpay', 'qfpay', 'shopline-payments', 'subotiz']) expect(ids).toContain(id);
  });

  for (const p of listProviders().filter((x) => x.id in EXPECTED_COUNTS)) {
    describe(p.id, () => {
      const lines = read(p.document);
      const entries = listEntries(p.id);

      it(`holds all ${EXPECTED_COUNTS[p.id]} codes of ${p.document}, in order`, () => {
        const extract = CODES_IN_SOURCE[p.id];
        expect(extract).toBeDefined();
        const codes = extract!(lines);
        expect(codes.length).toBe(EXPECTED_COUNTS[p.id]);
        expect(entries.length).toBe(codes.length);
        expect(entries.map((e) => e.code)).toEqual(codes);
      });

      it('rebuilds each source line from the entry fields', () => {
        for (const e of entries) {
          const line = lines[e.source.line - 1] as string;
          const m = e.messages;
          switch (p.id) {
            case 'qfpay': {
              const cells = line.split('|').map((c) => c.trim());
              expect(cells.slice(1, 3)).toEqual([e.code, m['zh-Hant']]);
              break;
            }
            case 'eftpay': {
              expect(e.source.end).toBe(e.source.line + 1);
              expect(line).toMatch(new RegExp(`^${e.code}\\s*`));
              expect(line.slice(e.code.length).trimStart()).toBe(m['zh-Hans']);
              const en = lines[e.source.line] as string;
              expect(en.slice(e.code.length).trimStart()).toBe(m.en);
              break;
            }
            case 'shopline-payments':
              expect(line).toBe(`${e.scene}${e.code}${m['zh-Hant']}${m.en}`);
              break;
            case 'subotiz':
              expect(line.endsWith(`${e.code}${m.en}${m['zh-Hans']}`)).toBe(true);
              expect(line.slice(0, line.length - `${e.code}${m.en}${m['zh-Hans']}`.length)).toMatch(/^(|[A-Za-z/ ]+)$/);
              break;
            case 'ottpay': {
              expect(line).toBe(e.code);
              const text = lines.slice(e.source.line, e.source.end).join(' ');
              expect(text).toBe(m.en);
              break;
            }
            default:
              throw new Error(`no line rule for ${p.id}`);
          }
        }
      });
    });
  }

  it('keeps repeated codes as separate entries: SHOPLINE 1004, 1904 and URL_NOT_FOUND under two scenes', () => {
    const slp = listEntries('shopline-payments');
    const scenes = (code: string) => slp.filter((e) => e.code === code).map((e) => `${e.scene}/${e.flow}`);
    expect(scenes('1004')).toEqual(['下單/payment', 'Onboarding/onboarding']);
    expect(scenes('1904')).toEqual(['通用/any', 'Onboarding/onboarding']);
    expect(scenes('URL_NOT_FOUND')).toEqual(['Connect/connect', 'Onboarding/onboarding']);
  });

  it('keeps both meanings of eftPay -99', () => {
    const texts = listEntries('eftpay')
      .filter((e) => e.code === '-99')
      .map((e) => e.messages.en);
    expect(texts).toEqual(['System error', 'out_trade_no/refund_no must be unique']);
  });

  it('splits Subotiz 100604 from text that begins with a digit', () => {
    const e = listEntries('subotiz').find((x) => x.code === '100604');
    expect(e?.messages.en).toBe('3D Secure authentication cancelled by the cardholder');
    expect(e?.messages['zh-Hans']).toBe('持卡人取消3D授权');
    expect(e?.scene).toBe('General Errors');
  });

  it("keeps OTT Pay's typo'd codes as the provider spells them", () => {
    const codes = listEntries('ottpay').map((e) => e.code);
    expect(codes).toContain('UNKNOW');
    expect(codes).toContain('STATU_FAIL');
    expect(codes).not.toContain('UNKNOWN');
  });

  it('maps SHOPLINE scenes to flows', () => {
    const flows = new Map<string, Set<string>>();
    for (const e of listEntries('shopline-payments')) flows.set(e.scene!, (flows.get(e.scene!) ?? new Set()).add(e.flow));
    const expected: Record<string, string> = {
      通用: 'any',
      下單: 'payment',
      付款: 'payment',
      退款: 'refund',
      取消授權: 'cancel',
      請款: 'capture',
      綁卡: 'binding',
      定期付款: 'recurring',
      轉帳交易: 'payout',
      Connect: 'connect',
      SDK: 'sdk',
      Onboarding: 'onboarding',
    };
    for (const [scene, flow] of Object.entries(expected)) expect([...(flows.get(scene) ?? [])]).toEqual([flow]);
  });
});
