import { describe, expect, it } from 'vitest';
import { listEntries } from '../../src/catalog/api.js';
import { normalize } from '../../src/normalize.js';

/**
 * The reviewed decision for every seed code, grouped by "outcome next party" so each group can be
 * read against the policy in one glance. Keys are codes (SHOPLINE: flow:code, since its codes repeat
 * across scenes). The decision is the one `normalize()` gives for the entry's own flow with the
 * provider's text as `message` (which is what picks between eftPay's two -99 readings).
 *
 * Policy reminders: whatever leaves open whether money moved is unknown/query; "already paid" and
 * duplicates on a payment are unknown/query; already refunded/cancelled/closed on a refund or cancel
 * is failed/stop; rejections before processing are failed/fix_and_retry; customer-fixable declines are
 * failed/ask_customer/customer; hard issuer and risk declines are failed/stop with generic disclosure.
 */
const REVIEWED: Record<string, Record<string, string>> = {
  qfpay: {
    'succeeded done none': '0000',
    'pending wait customer': '1143 1261',
    'pending wait provider': '1145',
    'unknown query provider': '1101 1147 1204 1252 1254 1295 1296 1297 1298',
    'unknown query integration': '1102 1136 1268 2011',
    'unknown query merchant': '1125 1260 1262',
    'failed ask_customer customer': '1181 1201 1202 1203 1205 1212 2005',
    'failed retry provider': '1100',
    'failed fix_and_retry integration': '1103 1104 1108 1266 1267',
    'failed fix_and_retry merchant': '1105 1106 1107 1241 1242 1243 1251 1269 1272',
    'failed stop issuer': '1294',
    'failed stop merchant': '1142 1150 1263 1264 1265 1270 1271',
    'failed stop provider': '1155 1250',
  },
  eftpay: {
    'unknown query provider': '-1 -99 00 09 21 24 25 29 40 41 42 43 44 45 46 47 48 49 50 51 52 57 58 59 60 61 62',
    'unknown query integration': '-99 03 05 14 31',
    'unknown query merchant': '54',
    'pending wait customer': '16',
    'failed fix_and_retry integration': '-11 -12 -13 -22 -54 01 02 04 06 10 11 12 13 17 19 20 53',
    'failed fix_and_retry merchant': '-23 -53 18 22 23 30 56 64',
    'failed retry provider': '80',
    'failed stop merchant': '-55 15 55',
  },
  'shopline-payments': {
    'pending wait provider': 'payment:4458 refund:4706 binding:1201 cancel:6001 onboarding:2131',
    'unknown query provider':
      'any:1018 any:1901 any:1902 any:1997 any:1999 any:2004 payment:4001 payment:4002 payment:4003 payment:4400 payment:4403 payment:4411 payment:4412 payment:4456 payment:4600 cancel:6401 capture:7401',
    'unknown query integration': 'any:1006 any:1016 payment:1001 refund:1013',
    'unknown query merchant': 'payment:4410',
    'failed ask_customer customer':
      'payment:4102 payment:4103 payment:4105 payment:4401 payment:4405 payment:4409 payment:4450 payment:4451 payment:4452 payment:4453 payment:4454 payment:4455 payment:4459 payment:4460 payment:4461 payment:4462 payment:4464 payment:4465 payment:4466 payment:4467 payment:4468 payment:4552 binding:4800 binding:1203 recurring:4900 recurring:4901 recurring:4902',
    'failed fix_and_retry integration':
      'any:1005 any:2001 any:2002 any:2003 any:2005 any:2006 any:2007 any:2009 any:2010 connect:URL_NOT_FOUND connect:ACCESS_DENIED connect:MERCHANT_NOT_EXISTS connect:UNAUTHORIZED_CLIENT connect:KEY_INCORRECT connect:INVALID_SCOPE payment:1003 payment:1004 payment:4404 payment:4406 payment:4407 payment:4408 refund:4705 binding:4802 onboarding:1004 onboarding:URL_NOT_FOUND',
    'failed fix_and_retry merchant':
      'any:1998 any:2013 payment:1025 payment:4101 payment:4104 payment:4106 payment:4107 payment:4109 payment:1012 refund:1010 refund:1015 refund:1022 refund:4701 refund:4702 capture:7001 capture:7402 sdk:1009 sdk:4200 sdk:4201 sdk:4202 sdk:4203 sdk:4204 payout:1011 payout:9007',
    'failed query merchant': 'any:1008 any:2011 refund:1021 refund:4502 refund:4700 cancel:6400 capture:7002 capture:7400',
    'failed retry integration': 'any:1904 onboarding:1904',
    'failed retry provider': 'any:2008 connect:SERVER_ERROR payment:4108',
    'failed stop customer': 'payment:4550 binding:4801',
    'failed stop issuer': 'payment:4457 payment:4463 capture:7403',
    'failed stop merchant':
      'payment:4402 payment:4551 refund:1014 refund:1020 refund:1202 refund:4703 refund:4707 binding:1200 cancel:6002 cancel:6003 onboarding:2113 onboarding:2116 onboarding:2121',
    'failed stop provider': 'payment:3000 payment:3001 payment:3002 payment:3003 payment:3004 payment:4350 refund:1023 refund:4704',
  },
  subotiz: {
    'succeeded done none': '100000',
    'pending wait customer': '100622',
    'unknown query provider': '100999',
    'unknown query integration': '100620',
    'unknown query merchant': '100619',
    'failed ask_customer customer':
      '100100 100201 100202 100206 100207 100212 100213 100214 100215 100216 100217 100218 100219 100220 100221 100223 100224 100225 100226 100227 100228 100229 100230 100401 100402 100404 100405 100406 100407 100408 100409 100420 100600 100601 100602 100604 100605 100606 100607 100608 100609 100613 100614 100615 100616 100617 100998',
    'failed fix_and_retry integration': '100103 100104 100105 100107 100400 100403 100410 100412 100413 100414 100417 100419',
    'failed fix_and_retry merchant': '100101 100102 100108 100415 100416 100418',
    'failed query merchant': '100610',
    'failed retry integration': '100411',
    'failed stop issuer': '100203 100204 100205 100208 100209 100210 100300 100302',
    'failed stop merchant': '100106 100222 100603 100611 100612 100618 100621',
    'failed stop provider': '100211 100301 100303 100304',
  },
  ottpay: {
    'unknown query provider': 'SUCCESS TIMEOUT SYSTEM_ERROR DB_ERROR BANK_ERROR OTHER UNKNOW',
    'unknown query integration': 'ORDER_USED REFUND_NOT_EXIST ORDER_NOT_EXIST SERIALNO_EXIST',
    'unknown query merchant': 'ORDER_PAID FULLY_REFUNDED REFUND_SUCCESS PARTIAL_REFUNDED',
    'pending wait provider': 'PROCESSING REFUND',
    'pending wait customer': 'NOTPAY',
    'pending stop merchant': 'REF_SUCCESS_CHANGE',
    'failed ask_customer customer':
      'PWD_INCORRECT FAIL CODE_EXPIRE AMOUNT_NOT_ENOUGH CARD_NOT_SUPPORT AUTH_CODE_ERROR AUTH_CODE_INVALID PAYERROR BUYER_ERROR BUYER_ENABLE_STATUS_FORBID',
    'failed fix_and_retry integration': 'PARAM_INVALID PARAM_ERROR REFUND_FEE_MISMATCH BODY_NOT_ENOUGH SIGN_FAIL MER_NO_INFO SELLER_ERROR',
    'failed fix_and_retry merchant':
      'MER_NO_AUTH CURRENCY_NOT_SUPPORT REFUND_INVALID MERCHANT_INVALID STATU_FAIL NO_CHANNEL MER_ACCOUNT_INSUFFICIENT HAS_NO_PRIVILEGE MERCHANT_BALANCE_NOT_ENOUGH',
    'failed query merchant': 'TRADE_STATUS_ERROR TRADE_HAS_FINISHED',
    'failed retry merchant': 'REQ_AGAIN',
    'failed stop merchant': 'ORDER_TYPE_ERROR ORDER_CLOSED ORDER_REVERSED PRE_AUTH_FINISHED REVERSE_NOT_SUPPORT TRADE_CANCEL_TIME_OUT',
    'failed stop provider': 'REASON_TRADE_BEEN_FREEZEN',
  },
};

describe('every seed code gets its reviewed decision', () => {
  for (const [provider, groups] of Object.entries(REVIEWED)) {
    it(provider, () => {
      const expected = new Map<string, string[]>();
      for (const [decision, codes] of Object.entries(groups)) {
        for (const key of codes.split(' ')) expected.set(key, [...(expected.get(key) ?? []), decision]);
      }
      const entries = listEntries(provider);
      const keys = entries.map((e) => (provider === 'shopline-payments' ? `${e.flow}:${e.code}` : e.code));
      // Every entry is reviewed, and nothing reviewed is missing from the catalog.
      expect([...expected.keys()].sort()).toEqual([...new Set(keys)].sort());
      const seen = new Map<string, number>();
      entries.forEach((e, i) => {
        const key = keys[i] as string;
        const d = normalize({ provider, code: e.code, flow: e.flow, message: Object.values(e.messages)[0] });
        const n = seen.get(key) ?? 0;
        seen.set(key, n + 1);
        const want = expected.get(key)?.[n] ?? expected.get(key)?.[0];
        expect(`${key} → ${d.outcome} ${d.next} ${d.party}`).toBe(`${key} → ${want}`);
        expect(d.known).toBe(true);
        expect(d.confidence).toBe(1);
      });
    });
  }
});
