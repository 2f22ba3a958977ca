import fc from 'fast-check';
import { listEntries, listProviders, listUnified } from '../../src/catalog/api.js';
import { DISCLOSURES, FLOWS, LANGS, NEXT_STEPS, OUTCOMES, PARTIES } from '../../src/core/types.js';

/** Keys that break code which indexes plain objects with user input. */
export const HOSTILE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  '__defineGetter__',
  '__lookupSetter__',
] as const;

export const hostileKey = fc.constantFrom(...HOSTILE_KEYS);

/** One UTF-16 unit from the surrogate range: never valid on its own. */
export const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((u) => String.fromCharCode(u));

/** C0 and C1 controls, DEL, BOM, zero-width and direction marks. */
export const controlChar = fc
  .oneof(
    fc.integer({ min: 0, max: 0x1f }),
    fc.integer({ min: 0x7f, max: 0x9f }),
    fc.constantFrom(0xfeff, 0x200b, 0x200d, 0x202e, 0x2028, 0x2029, 0xfffd, 0xffff),
  )
  .map((c) => String.fromCharCode(c));

/** Any text: full Unicode, controls and lone surrogates mixed in, within a few hundred units. */
export const anyText = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 64 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 32 }) },
  {
    weight: 2,
    arbitrary: fc.string({
      unit: fc.oneof(controlChar, loneSurrogate, fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })),
      maxLength: 48,
    }),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 300 }) },
);

/** Numbers that trip careless code: NaN, ±Infinity, -0, huge, tiny, fractional, unsafe integers. */
export const edgeNumber = fc.oneof(
  fc.constantFrom(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -0,
    0,
    Number.MAX_VALUE,
    Number.MIN_VALUE,
    Number.MAX_SAFE_INTEGER + 2,
    -1,
    1e21,
    1.5,
  ),
  fc.double(),
  fc.integer(),
);

const providers = listProviders();
export const providerIds = providers.map((p) => p.id);
const entries = providers.flatMap((p) => listEntries(p.id));
export const catalogCodes = [...new Set(entries.map((e) => e.code))];
export const catalogTexts = [...new Set(entries.flatMap((e) => Object.values(e.messages)))];
export const unifiedCodes = new Set(listUnified().map((u) => u.code));

export const knownProvider = fc.constantFrom(...providerIds, ...providerIds.map((p) => p.toUpperCase()), 'SHOPLINE Payments', ' qfpay ');
export const knownCode = fc.constantFrom(...catalogCodes);
export const catalogText = fc.constantFrom(...catalogTexts);

/** Objects whose keys are hostile, built the ways user input arrives: JSON, null-prototype, literals. */
export const hostileObject = fc.oneof(
  fc.constant(JSON.parse('{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}') as unknown),
  fc.constant(Object.create(null) as unknown),
  fc.constant({ toString: 'x', valueOf: 'y' } as unknown),
  fc.constant({
    toString: () => {
      throw new Error('toString called');
    },
  } as unknown),
  fc.constant([] as unknown),
  fc.anything({ withNullPrototype: true, withBoxedValues: true, maxDepth: 2 }),
);

/** A value of any type for a field that expects a string. */
export const anyField = fc.oneof(
  { weight: 6, arbitrary: anyText },
  { weight: 2, arbitrary: hostileKey },
  { weight: 2, arbitrary: edgeNumber },
  { weight: 1, arbitrary: fc.constantFrom(undefined, null, true, false, 0n as unknown) },
  { weight: 1, arbitrary: hostileObject },
);

/**
 * A megabyte-scale string (256 KiB to 1 MiB) repeated from a random chunk that may hold controls
 * and lone surrogates. Generating it is cheap; the code under test does the real work.
 */
export const hugeText = fc
  .tuple(
    fc.string({
      unit: fc.oneof(controlChar, loneSurrogate, fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })),
      minLength: 1,
      maxLength: 40,
    }),
    fc.integer({ min: 1 << 18, max: 1 << 20 }),
  )
  .map(([chunk, n]) => chunk.repeat(Math.ceil(n / chunk.length)).slice(0, n));

/** Words that decide whether money moved; the classifier must read them with care. */
export const SUCCESS_WORDS = [
  'success',
  'successful',
  'succeeded',
  'approved',
  'paid',
  'completed',
  '成功',
  '交易成功',
  '支付成功',
  '已支付',
  '完成',
];
export const DOUBT_WORDS = [
  // Not a bare "processing": before a neutral word it reads "processing merchant", processing said of
  // something else (a limit, card processing), which is nothing in flight (safety.test.ts).
  'is processing',
  'in progress',
  'pending',
  'timeout',
  'timed out',
  // Not a bare "unknown": before a neutral word it reads "unknown card" or "unknown merchant", a value
  // the provider does not recognise (safety.test.ts), which is no unknown result.
  'unknown status',
  'result unknown',
  'duplicate',
  'duplicated order',
  'please query',
  '處理中',
  '处理中',
  '交易處理中',
  '超時',
  '超时',
  '未知',
  '結果未知',
  '重複',
  '重复',
  '訂單重複',
  '请查询',
];
export const FAILURE_WORDS = [
  'failed',
  'declined',
  'insufficient funds',
  'invalid',
  'error',
  'rejected',
  'expired',
  'not supported',
  'card blocked',
  'unsuccessful',
  'not successful',
  '失敗',
  '失败',
  '餘額不足',
  '余额不足',
  '拒絕',
  '错误',
  '無效',
];
export const NEUTRAL_WORDS = [
  'the',
  'payment',
  'order',
  'card',
  'merchant',
  'bank',
  'system',
  'please',
  'request',
  '交易',
  '訂單',
  '订单',
  '商户',
  '系統',
  '银行',
  'code',
  '#',
  ':',
  '-',
];

/**
 * Joins two pieces of a message without a separator, as Chinese and Japanese text runs, except that two
 * Latin letters never meet: "code" + "pending" is "codepending", no more the word "pending" than
 * "spending" is, so a soup that glued them would test a word the message does not hold.
 */
function glue(a: string, b: string): string {
  return /[a-z]$/i.test(a) && /^[a-z]/i.test(b) ? `${a} ${b}` : a + b;
}

/** A message assembled from words in several languages and scripts, with noise between them. */
export function wordSoup(words: readonly string[]) {
  const sep = fc.constantFrom(' ', '', ', ', '. ', '：', '；', '\n', '\t', ' (', ') ');
  return fc
    .array(fc.tuple(fc.constantFrom(...words), sep), { minLength: 1, maxLength: 8 })
    .map((parts) => parts.reduce((text, [w, s]) => glue(text, w) + s, ''));
}

/** A word soup that holds at least one of `required`, placed anywhere among the others. */
export function soupWith(required: readonly string[], others: readonly string[]) {
  return fc
    .tuple(wordSoup(others), fc.constantFrom(...required), wordSoup(others), fc.boolean())
    .map(([a, r, b, spaced]) => (spaced ? `${a} ${r} ${b}` : glue(glue(a, r), b)));
}

/**
 * A success in so many words, in each language the catalog has: a `succeeded` answer needs one.
 * (The catalog's texts are among the messages tried, so "계좌이체 결제 성공" must count, and
 * "환불이 정상 처리되었습니다": processed normally, Korean's everyday word for it went through.)
 */
export const successWordRe =
  /succe|approv|paid|\bdone\b|complet|captur|charged|refunded|settled|authori[sz]ed|成功|完成|已支付|已付款|已扣款|已退款|已收款|성공|완료|승인|정상 ?처리되었|完了|承認|支払済|aprobad|pagad|éxito|exitos|realizad|reembolsad|\bok\b/i;

/** On the cancel flow the operation's success is the cancellation itself: "Cancel successful", "자동취소 되었습니다". */
const cancelWordRe = /취소|取消|撤销|撤銷|キャンセル|cancel|void|revers/i;

/**
 * Whether the text behind a `succeeded` answer says so. `text` is the message and the code together,
 * because the classifier reads them together: a status table's code `SETTLED` or `APPROVED` is the
 * state itself, whatever short message comes with it.
 */
export function saysSuccess(text: string, flow?: unknown): boolean {
  const t = text.slice(0, 4096);
  return successWordRe.test(t) || (flow === 'cancel' && cancelWordRe.test(t));
}

export const ENUMS = { FLOWS, OUTCOMES, NEXT_STEPS, PARTIES, DISCLOSURES, LANGS };

/** Enough runs to find the shallow bugs, few enough to keep `npm test` quick. Override with PAYCODES_FC_RUNS. */
export const RUNS = Math.max(1, Math.round(Number(process.env.PAYCODES_FC_RUNS ?? 300)));
