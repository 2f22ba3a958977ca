import { describe, expect, it } from 'vitest';
import { listEntries, listProviders, listUnified } from '../../src/catalog/api.js';
import { FLOWS } from '../../src/core/types.js';
import { normalize } from '../../src/normalize.js';
import { fold } from '../../src/text/fold.js';
import { DELIBERATE_APAC, SUCCESS_APAC } from './deliberate-apac.js';
import { DELIBERATE_GLOBAL, SUCCESS_GLOBAL } from './deliberate-global.js';

/**
 * Cross-checks of the whole catalog against the money-safety policy, read off the provider's own
 * words rather than off our mapping. Each exception names why the words do not mean what they seem.
 */
const DOUBT = new RegExp(
  [
    'time ?out|timed out|超时|逾时|processing|处理中|pending|unknown|未知|duplicat|重复|already paid|已支付|communication|通信|network|网络|congest|拥挤|busy|繁忙',
    // Korean: timeout, time exceeded, processing, duplicate, system error, unknown
    '타임 ?아웃|시간 ?초과|처리 ?중|중복|시스템 ?오류|알 ?수 ?없',
    // Japanese: timeout, processing, duplicate, system error, unknown
    'タイムアウト|処理中|重複|システムエラー|不明',
    // Spanish: timeout, in process, duplicate, unknown
    'tiempo de espera|en proceso|duplicad|desconocid',
  ].join('|'),
);
const RETRYING = new Set(['retry', 'ask_customer', 'fix_and_retry']);

/** Entries whose words sound doubtful but whose decision to fail is deliberate. */
const DELIBERATE: Record<string, string> = {
  'shopline-payments:payment:4103': 'the text says the order creation failed (下單失敗); only the reason is unknown',
  'shopline-payments:binding:4800': 'binding moves no money; an unknown-reason binding failure can be tried again',
  'shopline-payments:payment:4450': 'the timeout is the customer 3-D Secure step, so nothing was authorised',
  'subotiz:any:100606': 'the timeout is the customer 3-D Secure step, so nothing was authorised',
  'qfpay:any:1251': '處理中 here is QFPay fixing the store configuration, not a payment in progress',
};

/** English card lists say "approved" or "authorised" for success; these say it in other words. */
const SUCCESS_IN_OTHER_WORDS: Record<string, string> = {
  'iso8583:08': 'honour with identification is an approval once the cardholder is identified',
};

const readingsOf = (provider: string, code: string) => FLOWS.map((flow) => normalize({ provider, code, flow }));

describe('the money-safety policy holds for every seed code', () => {
  const all = listProviders().flatMap((p) => listEntries(p.id));

  it('never turns doubtful words into a failure with a retry (D1)', () => {
    const offenders: string[] = [];
    const excused = new Set<string>();
    for (const e of all) {
      const text = fold(Object.values(e.messages).join(' '));
      if (!DOUBT.test(text)) continue;
      const key = `${e.provider}:${e.flow}:${e.code}`;
      const d = normalize({ provider: e.provider, code: e.code, flow: e.flow, message: Object.values(e.messages)[0] });
      if (!(d.outcome === 'failed' && RETRYING.has(d.next))) continue;
      if (DELIBERATE[key] || DELIBERATE_GLOBAL[key] || DELIBERATE_APAC[key]) excused.add(key);
      else offenders.push(`${key} ${d.unified} (${text})`);
    }
    expect(offenders).toEqual([]);
    // The allow-list stays honest: an exception that no longer excuses anything is removed.
    expect(
      [...Object.keys(DELIBERATE), ...Object.keys(DELIBERATE_GLOBAL), ...Object.keys(DELIBERATE_APAC)].filter((k) => !excused.has(k)),
    ).toEqual([]);
  });

  it('reports success only where the provider says success (D2)', () => {
    const offenders: string[] = [];
    for (const e of all) {
      for (const d of readingsOf(e.provider, e.code)) {
        if (d.outcome !== 'succeeded') continue;
        const text = fold(Object.values(e.messages).join(' '));
        const id = `${e.provider}:${e.code}`;
        if (SUCCESS_IN_OTHER_WORDS[id] || SUCCESS_GLOBAL[id] || SUCCESS_APAC[id]) continue;
        // Korean 성공/정상 and Japanese 正常 are the providers' own words for success.
        if (!/success|成功|refunded|approved|authori[sz]ed|성공|정상|正常/.test(text)) offenders.push(`${e.provider}:${e.code} (${text})`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('never reports a refund state as a paid payment', () => {
    for (const [provider, code] of [
      ['ottpay', 'REFUND_SUCCESS'],
      ['ottpay', 'PARTIAL_REFUNDED'],
      ['ottpay', 'FULLY_REFUNDED'],
      ['qfpay', '1125'],
      ['qfpay', '1262'],
    ] as const) {
      for (const flow of ['payment', 'query'] as const) {
        const d = normalize({ provider, code, flow });
        expect(`${provider} ${code} ${flow}: ${d.outcome}/${d.next}`).toBe(`${provider} ${code} ${flow}: unknown/query`);
      }
    }
  });

  it('answers already refunded, cancelled or closed on a refund or cancel with failed + stop', () => {
    const cases = [
      ['qfpay', '1125', 'refund'],
      ['qfpay', '1262', 'refund'],
      ['qfpay', '1263', 'cancel'],
      ['qfpay', '1264', 'refund'],
      ['eftpay', '-55', 'refund'],
      ['eftpay', '15', 'cancel'],
      ['shopline-payments', '1014', 'refund'],
      ['shopline-payments', '6003', 'cancel'],
      ['subotiz', '100611', 'cancel'],
      ['subotiz', '100612', 'cancel'],
      ['ottpay', 'ORDER_REVERSED', 'cancel'],
      ['ottpay', 'ORDER_CLOSED', 'refund'],
      ['ottpay', 'FULLY_REFUNDED', 'refund'],
    ] as const;
    for (const [provider, code, flow] of cases) {
      const d = normalize({ provider, code, flow });
      expect(`${provider} ${code}: ${d.outcome}/${d.next}`).toBe(`${provider} ${code}: failed/stop`);
    }
  });

  it('answers already paid and duplicates on a payment with unknown + query', () => {
    const cases = [
      ['qfpay', '1260'],
      ['qfpay', '1102'],
      ['qfpay', '2011'],
      ['eftpay', '03'],
      ['eftpay', '54'],
      ['shopline-payments', '1001'],
      ['shopline-payments', '4410'],
      ['subotiz', '100619'],
      ['ottpay', 'ORDER_PAID'],
      ['ottpay', 'ORDER_USED'],
      ['ottpay', 'SERIALNO_EXIST'],
    ] as const;
    for (const [provider, code] of cases) {
      const d = normalize({ provider, code, flow: 'payment' });
      expect(`${provider} ${code}: ${d.outcome}/${d.next}`).toBe(`${provider} ${code}: unknown/query`);
    }
  });

  it('gives hard issuer and risk declines generic disclosure and a stop', () => {
    for (const u of listUnified().filter((x) => x.category === 'risk')) {
      expect(`${u.code}: ${u.outcome}/${u.next}/${u.disclosure}`).toBe(`${u.code}: failed/stop/generic`);
    }
  });

  it('keeps the examples from the brief', () => {
    const insufficient = [
      ['qfpay', '1201'],
      ['shopline-payments', '4454'],
      ['subotiz', '100100'],
      ['ottpay', 'AMOUNT_NOT_ENOUGH'],
    ] as const;
    for (const [provider, code] of insufficient) {
      const d = normalize({ provider, code });
      expect([d.unified, d.outcome, d.next, d.party]).toEqual(['insufficient_funds', 'failed', 'ask_customer', 'customer']);
    }
    // Sounds the same, but it is the merchant's balance, on a refund.
    const eft = normalize({ provider: 'eftpay', code: '-53' });
    expect([eft.unified, eft.party]).toEqual(['merchant_balance_insufficient', 'merchant']);
    const congested = normalize({ provider: 'qfpay', code: '1298' });
    expect([congested.outcome, congested.next]).toEqual(['unknown', 'query']);
  });

  it('has an English, Traditional and Simplified message for every unified code', () => {
    for (const u of listUnified()) {
      for (const lang of ['en', 'zh-Hant', 'zh-Hans'] as const) {
        expect(u.messages[lang].customer, `${u.code} ${lang}`).not.toMatch(/^(TODO)?$/);
        expect(u.messages[lang].merchant, `${u.code} ${lang}`).not.toMatch(/^(TODO)?$/);
      }
      // Traditional and Simplified are written separately, not left identical to each other.
      expect(u.messages['zh-Hant'].merchant, u.code).not.toBe(u.messages['zh-Hans'].merchant);
    }
  });
});
