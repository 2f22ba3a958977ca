import type { Flow, Lang, Next, Outcome, Party } from './types.js';

/**
 * The one set of names for the decision's values in the three languages, shared by the web page,
 * the report and the CLI. Plain data: no imports at run time, safe for a browser bundle.
 */

type Table<K extends string> = Record<K, Record<Lang, string>>;

export const OUTCOME_LABELS: Table<Outcome> = {
  succeeded: { en: 'Succeeded', 'zh-Hant': '成功', 'zh-Hans': '成功' },
  pending: { en: 'Pending', 'zh-Hant': '處理中', 'zh-Hans': '处理中' },
  failed: { en: 'Failed', 'zh-Hant': '失敗', 'zh-Hans': '失败' },
  unknown: { en: 'Unknown', 'zh-Hant': '未知', 'zh-Hans': '未知' },
};

/** The outcome with what it means for the money, where there is room to say it. */
export const OUTCOME_MEANINGS: Table<Outcome> = {
  succeeded: { en: 'Succeeded — the money moved', 'zh-Hant': '成功：款項已轉移', 'zh-Hans': '成功：款项已转移' },
  pending: { en: 'Pending — not final yet', 'zh-Hant': '處理中：尚未確定', 'zh-Hans': '处理中：尚未确定' },
  failed: { en: 'Failed — the money did not move', 'zh-Hant': '失敗：款項未轉移', 'zh-Hans': '失败：款项未转移' },
  unknown: { en: 'Unknown — the money may have moved', 'zh-Hant': '未知：款項可能已轉移', 'zh-Hans': '未知：款项可能已转移' },
};

export const NEXT_LABELS: Table<Next> = {
  done: { en: 'Done', 'zh-Hant': '完成', 'zh-Hans': '完成' },
  wait: { en: 'Wait for the result', 'zh-Hant': '等待結果', 'zh-Hans': '等待结果' },
  query: { en: 'Query the status first', 'zh-Hant': '先查詢狀態', 'zh-Hans': '先查询状态' },
  retry: { en: 'Retry as is', 'zh-Hant': '可直接重試', 'zh-Hans': '可直接重试' },
  fix_and_retry: { en: 'Fix, then retry', 'zh-Hant': '修正後重試', 'zh-Hans': '修正后重试' },
  ask_customer: { en: 'Ask the customer', 'zh-Hant': '請顧客處理', 'zh-Hans': '请顾客处理' },
  stop: { en: 'Stop: do not retry', 'zh-Hant': '停止：不要重試', 'zh-Hans': '停止：不要重试' },
};

export const PARTY_LABELS: Table<Party> = {
  none: { en: 'Nobody', 'zh-Hant': '無需處理', 'zh-Hans': '无需处理' },
  customer: { en: 'Customer', 'zh-Hant': '顧客', 'zh-Hans': '顾客' },
  issuer: { en: 'Card issuer / bank', 'zh-Hant': '發卡機構／銀行', 'zh-Hans': '发卡机构／银行' },
  merchant: { en: 'Merchant', 'zh-Hant': '商戶', 'zh-Hans': '商户' },
  integration: { en: 'Integration (developer)', 'zh-Hant': '系統整合（開發者）', 'zh-Hans': '系统集成（开发者）' },
  provider: { en: 'Payment provider', 'zh-Hant': '支付服務商', 'zh-Hans': '支付服务商' },
};

export const FLOW_LABELS: Table<Flow> = {
  any: { en: 'Any flow', 'zh-Hant': '任何流程', 'zh-Hans': '任何流程' },
  payment: { en: 'Payment', 'zh-Hant': '付款', 'zh-Hans': '付款' },
  refund: { en: 'Refund', 'zh-Hant': '退款', 'zh-Hans': '退款' },
  cancel: { en: 'Cancel', 'zh-Hant': '取消', 'zh-Hans': '取消' },
  capture: { en: 'Capture', 'zh-Hant': '請款', 'zh-Hans': '请款' },
  query: { en: 'Query', 'zh-Hant': '查詢', 'zh-Hans': '查询' },
  onboarding: { en: 'Onboarding', 'zh-Hant': '商戶入網', 'zh-Hans': '商户入网' },
  binding: { en: 'Card binding', 'zh-Hant': '綁卡', 'zh-Hans': '绑卡' },
  recurring: { en: 'Recurring', 'zh-Hant': '定期扣款', 'zh-Hans': '定期扣款' },
  payout: { en: 'Payout', 'zh-Hant': '出款', 'zh-Hans': '出款' },
  connect: { en: 'Connect', 'zh-Hant': '連接', 'zh-Hans': '连接' },
  sdk: { en: 'SDK', 'zh-Hant': 'SDK', 'zh-Hans': 'SDK' },
};

/** A value's name in a language; the value itself when the table has none. */
export function labelOf(table: Readonly<Record<string, Record<Lang, string>>>, value: string, lang: Lang): string {
  return Object.hasOwn(table, value) ? (table[value] as Record<Lang, string>)[lang] : value;
}
