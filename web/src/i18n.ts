export type Lang = 'en' | 'zh-Hant' | 'zh-Hans';
export const LANGS: readonly Lang[] = ['en', 'zh-Hant', 'zh-Hans'];

const en = {
  tagline: 'What a payment response code means, and what to do next',
  language: 'Language',
  search: 'Search codes and messages',
  searchHint: 'A code, a word or a message in any language. Press / to search, ↑ ↓ to move, Enter to open, Esc to close.',
  placeholder: 'e.g. 1201, 余额不足, insufficient funds',
  provider: 'Provider',
  allProviders: 'All providers',
  flow: 'Flow',
  allFlows: 'All flows',
  compare: 'Compare providers',
  results: 'Results',
  count: (n: number, total: number) => (n === total ? `${n} codes` : `${n} of ${total} codes`),
  none: 'No code matches. Try fewer words, or another language.',
  more: 'Show more',
  unifiedHits: 'Matching unified codes',
  intro: 'Pick a code to see what it means: whether the money moved, what to do next, who has to act, and what to tell the customer.',
  loading: 'Loading the catalog…',
  loadFailed: 'The catalog could not be loaded.',
  outcome: 'Outcome',
  next: 'Next step',
  party: 'Who acts',
  unified: 'Unified code',
  customerMessage: 'Tell the customer',
  merchantGuidance: 'Guidance for the merchant',
  original: "The provider's own text",
  source: 'Source',
  line: (n: number) => `line ${n}`,
  reason: 'Why this code departs from the default',
  alternatives: 'Other readings',
  alternativesHint: 'The code means different things in different flows or messages; pass the flow or the message to pick one.',
  flows: 'Listed under flows',
  notes: 'Notes',
  api: 'Ask the API',
  compareWith: 'Compare across providers',
  close: 'Close',
  notFound: 'This code is not in the catalog.',
  compareTitle: 'One unified code across providers',
  compareCode: 'Unified code',
  noCodes: 'No code maps here.',
  defaultDecision: 'Default decision',
  share: 'Link to this page',
  footer: 'Messages are paycodes’ own words; provider texts are quoted verbatim from their documentation.',
};

type Strings = typeof en;

const zhHant: Strings = {
  tagline: '支付回應碼代表甚麼，下一步該怎麼做',
  language: '語言',
  search: '搜尋代碼與訊息',
  searchHint: '輸入代碼、字詞或任何語言的訊息。按 / 搜尋，↑ ↓ 移動，Enter 開啟，Esc 關閉。',
  placeholder: '例如 1201、餘額不足、insufficient funds',
  provider: '支付服務商',
  allProviders: '所有服務商',
  flow: '流程',
  allFlows: '所有流程',
  compare: '比較服務商',
  results: '結果',
  count: (n, total) => (n === total ? `共 ${n} 個代碼` : `${total} 個代碼中的 ${n} 個`),
  none: '沒有相符的代碼。請減少字詞或改用其他語言。',
  more: '顯示更多',
  unifiedHits: '相符的統一代碼',
  intro: '選擇一個代碼，查看款項是否已轉移、下一步該怎麼做、由誰處理，以及應如何告知顧客。',
  loading: '正在載入目錄…',
  loadFailed: '無法載入目錄。',
  outcome: '結果',
  next: '下一步',
  party: '由誰處理',
  unified: '統一代碼',
  customerMessage: '告知顧客',
  merchantGuidance: '商戶指引',
  original: '服務商原文',
  source: '來源',
  line: (n) => `第 ${n} 行`,
  reason: '此代碼與預設不同的原因',
  alternatives: '其他解讀',
  alternativesHint: '此代碼在不同流程或訊息下意思不同；請提供流程或訊息以作區分。',
  flows: '所屬流程',
  notes: '備註',
  api: '使用 API 查詢',
  compareWith: '跨服務商比較',
  close: '關閉',
  notFound: '目錄中沒有此代碼。',
  compareTitle: '同一統一代碼在各服務商的對照',
  compareCode: '統一代碼',
  noCodes: '沒有代碼對應至此。',
  defaultDecision: '預設判斷',
  share: '此頁連結',
  footer: '訊息為 paycodes 自行撰寫；服務商文字逐字引自其官方文件。',
};

const zhHans: Strings = {
  tagline: '支付响应码代表什么，下一步该怎么做',
  language: '语言',
  search: '搜索代码与消息',
  searchHint: '输入代码、词语或任何语言的消息。按 / 搜索，↑ ↓ 移动，Enter 打开，Esc 关闭。',
  placeholder: '例如 1201、余额不足、insufficient funds',
  provider: '支付服务商',
  allProviders: '所有服务商',
  flow: '流程',
  allFlows: '所有流程',
  compare: '比较服务商',
  results: '结果',
  count: (n, total) => (n === total ? `共 ${n} 个代码` : `${total} 个代码中的 ${n} 个`),
  none: '没有匹配的代码。请减少词语或改用其他语言。',
  more: '显示更多',
  unifiedHits: '匹配的统一代码',
  intro: '选择一个代码，查看款项是否已转移、下一步该怎么做、由谁处理，以及应如何告知顾客。',
  loading: '正在加载目录…',
  loadFailed: '无法加载目录。',
  outcome: '结果',
  next: '下一步',
  party: '由谁处理',
  unified: '统一代码',
  customerMessage: '告知顾客',
  merchantGuidance: '商户指引',
  original: '服务商原文',
  source: '来源',
  line: (n) => `第 ${n} 行`,
  reason: '此代码与默认不同的原因',
  alternatives: '其他解读',
  alternativesHint: '此代码在不同流程或消息下含义不同；请提供流程或消息以作区分。',
  flows: '所属流程',
  notes: '备注',
  api: '使用 API 查询',
  compareWith: '跨服务商比较',
  close: '关闭',
  notFound: '目录中没有此代码。',
  compareTitle: '同一统一代码在各服务商的对照',
  compareCode: '统一代码',
  noCodes: '没有代码对应到这里。',
  defaultDecision: '默认判断',
  share: '此页链接',
  footer: '消息为 paycodes 自行撰写；服务商文字逐字引自其官方文档。',
};

export const STRINGS: Record<Lang, Strings> = { en, 'zh-Hant': zhHant, 'zh-Hans': zhHans };

type Labels = Record<string, Record<Lang, string>>;

export const OUTCOME: Labels = {
  succeeded: { en: 'Succeeded — the money moved', 'zh-Hant': '成功：款項已轉移', 'zh-Hans': '成功：款项已转移' },
  pending: { en: 'Pending — not final yet', 'zh-Hant': '處理中：尚未確定', 'zh-Hans': '处理中：尚未确定' },
  failed: { en: 'Failed — the money did not move', 'zh-Hant': '失敗：款項未轉移', 'zh-Hans': '失败：款项未转移' },
  unknown: { en: 'Unknown — the money may have moved', 'zh-Hant': '未知：款項可能已轉移', 'zh-Hans': '未知：款项可能已转移' },
};

export const OUTCOME_SHORT: Labels = {
  succeeded: { en: 'Succeeded', 'zh-Hant': '成功', 'zh-Hans': '成功' },
  pending: { en: 'Pending', 'zh-Hant': '處理中', 'zh-Hans': '处理中' },
  failed: { en: 'Failed', 'zh-Hant': '失敗', 'zh-Hans': '失败' },
  unknown: { en: 'Unknown', 'zh-Hant': '未知', 'zh-Hans': '未知' },
};

export const NEXT: Labels = {
  done: { en: 'Done', 'zh-Hant': '完成', 'zh-Hans': '完成' },
  wait: { en: 'Wait for the result', 'zh-Hant': '等待結果', 'zh-Hans': '等待结果' },
  query: { en: 'Query the status first', 'zh-Hant': '先查詢狀態', 'zh-Hans': '先查询状态' },
  retry: { en: 'Retry as is', 'zh-Hant': '可直接重試', 'zh-Hans': '可直接重试' },
  fix_and_retry: { en: 'Fix, then retry', 'zh-Hant': '修正後重試', 'zh-Hans': '修正后重试' },
  ask_customer: { en: 'Ask the customer', 'zh-Hant': '請顧客處理', 'zh-Hans': '请顾客处理' },
  stop: { en: 'Stop: do not retry', 'zh-Hant': '停止：不要重試', 'zh-Hans': '停止：不要重试' },
};

export const PARTY: Labels = {
  none: { en: 'Nobody', 'zh-Hant': '無需處理', 'zh-Hans': '无需处理' },
  customer: { en: 'Customer', 'zh-Hant': '顧客', 'zh-Hans': '顾客' },
  issuer: { en: 'Card issuer / bank', 'zh-Hant': '發卡機構／銀行', 'zh-Hans': '发卡机构／银行' },
  merchant: { en: 'Merchant', 'zh-Hant': '商戶', 'zh-Hans': '商户' },
  integration: { en: 'Integration (developer)', 'zh-Hant': '系統整合（開發者）', 'zh-Hans': '系统集成（开发者）' },
  provider: { en: 'Payment provider', 'zh-Hant': '支付服務商', 'zh-Hans': '支付服务商' },
};

export const FLOW: Labels = {
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

export const label = (table: Labels, key: string, lang: Lang): string => table[key]?.[lang] ?? key;

/** The reader's language from the browser, when it is one of ours. */
export function browserLang(tags: readonly string[]): Lang {
  for (const raw of tags) {
    const t = raw.toLowerCase();
    if (t.startsWith('zh-hant') || t === 'zh-tw' || t === 'zh-hk' || t === 'zh-mo') return 'zh-Hant';
    if (t.startsWith('zh')) return 'zh-Hans';
    if (t.startsWith('en')) return 'en';
  }
  return 'en';
}
