import type { Flow } from '../core/types.js';
import { fold } from '../text/fold.js';

/**
 * Section and scene labels → flow, in English, Chinese, Korean, Japanese, Spanish, Portuguese,
 * Vietnamese, Indonesian and Thai. Checked in
 * order: "定期付款" / "정기결제" is recurring before it is a payment, "取消授權" / "결제취소" is a
 * cancel before it is anything else. Matched on folded text, so the Simplified keywords cover
 * Traditional labels too (and Japanese kanji that fold the same way: 決済 → 决済); folding also splits
 * Thai's ำ into its two marks, so a Thai word with it is written both ways.
 */
const KEYWORDS: [Flow, RegExp][] = [
  ['any', /通用|共通|공통|^general\b|^common\b|^generales?\b|^comun(es)?\b|^común\b/],
  ['onboarding', /onboarding|进件|入驻|开户申请|\bkyc\b/],
  ['connect', /\bconnect\b/],
  ['sdk', /\bsdk\b/],
  [
    'recurring',
    /定期|订阅|周期扣款|代扣|継続課金|继続课金|recurring|subscription|정기 ?결제|자동 ?결제|구독|suscripci[oó]n|recurrentes?|assinaturas?|\brecorrente\b|\bberlangganan\b/,
  ],
  [
    'refund',
    /退款|退货|返金|払い?戻し|払戻|\brefunds?\b|환불|reembolsos?|devoluci[oó]n|devoluciones|\bestornos?\b|devoluç(ão|ões)|hoàn tiền|pengembalian dana|คืนเงิน/,
  ],
  [
    'cancel',
    /取消授权|撤销|冲正|取消|取り消し|キャンセル|\bcancel\w*|\bvoid\w*|\breversal\b|취소|cancelaci[oó]n|anulaci[oó]n|\bhủy\b|\bpembatalan\b|ยกเลิก/,
  ],
  ['capture', /请款|売上確定|売上确定|実売上|\bcaptur\w*|매입|\bcapturas?\b/],
  ['binding', /绑卡|绑定|カード登録|\bbinding\b|\bbind\b|tokeni[sz]ation|빌링키|카드 ?등록|tokenizaci[oó]n/],
  [
    'payout',
    /转帐|转账|提现|代付|出款|送金|出金|\bpayouts?\b|\btransfers?\b|\bwithdraw\w*|송금|출금|지급|desembolsos?|\bretiros?\b|transferencias?/,
  ],
  [
    'query',
    /查询|照会|\bquery\b|\binquiry\b|\benquiry\b|조회|\bconsultas?\b|truy vấn|\bcek status\b|\bpengecekan status\b|ตรวจสอบสถานะ|สอบถามสถานะ|\b(check|get|retrieve|fetch|look ?up|lookup) (the |a )?(payment |transaction |order |charge |refund )?(status|details)\b|\bstatus (check|inquiry|enquiry|query|api)\b|(詳細|状態|ステータス)を?(取得|確認)/,
  ],
  [
    'payment',
    /下单|付款|支付|收款|決済|决済|\bpayments?\b|\bcheckout\b|\bpurchase\b|\bcharges?\b|결제|\bpagos?\b|\bcobros?\b|\bpagamentos?\b|thanh toán|\bpembayaran\b|ช(?:ำ|\u0e4d\u0e32)ระเงิน/,
  ],
];

/** Flows that a table title names in passing ("Payment Error Code" is about every code, not the payment flow). */
const PASSING: ReadonlySet<Flow> = new Set(['payment', 'query', 'any']);

/**
 * The flow a label names, if any. `heading` labels are titles over a whole table ("Payment Error
 * Code"), so a bare "payment" there says nothing: it only counts on a row's own scene, or on a
 * heading that is a section of its own (see `sectionFlows`).
 */
export function flowOf(label: string | undefined, heading = false): Flow | undefined {
  if (!label) return undefined;
  const f = fold(label);
  for (const [flow, re] of KEYWORDS) {
    if (heading && PASSING.has(flow)) continue;
    if (re.test(f)) return flow;
  }
  return undefined;
}

/** Words that do not change what a heading names ("Payments API", "Refund flow"). */
const FILLER = /\b(?:api|apis|flow|section)\b/g;
/** Numbering and punctuation around a heading's words ("3.1", "(", "：", "—"). */
const EDGE = new Set([...' \t.)(（）:：-–—#*_`', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);

/** A heading that is only a flow's name: "Payment", "## 2. Payments API", "결제", "決済", "Pagos". */
function onlyNames(text: string, flow: Flow): boolean {
  const f = fold(text).replace(FILLER, ' ');
  // Trimmed by hand: a regex anchored at the end backtracks over long runs of spaces.
  let a = 0;
  let b = f.length;
  while (a < b && EDGE.has(f[a] as string)) a++;
  while (b > a && EDGE.has(f[b - 1] as string)) b--;
  const name = f.slice(a, b);
  const m = KEYWORDS.find(([k]) => k === flow)?.[1].exec(name);
  return m != null && m[0].length === name.length;
}

export interface SectionHeading {
  text: string;
  level: number;
  /** Index of the enclosing heading in the same list, or -1. */
  parent: number;
}

/**
 * The flow each heading sets for the tables under it (until the next heading of the same or a
 * higher level). A heading naming refund, cancel, capture… always sets it. "Payment", "Query" and
 * "General" set it when the heading is only that name, or when a sibling heading (same level, same
 * parent) names another flow: `## Payment` beside `## Refund` splits the document by flow, while a
 * lone "Payment Error Codes" title does not. Linear in the number of headings.
 */
export function sectionFlows(headings: readonly SectionHeading[]): (Flow | undefined)[] {
  const loose = headings.map((h) => flowOf(h.text));
  const siblings = new Map<string, Set<Flow>>();
  headings.forEach((h, i) => {
    const flow = loose[i];
    if (flow === undefined) return;
    const key = `${h.parent}\t${h.level}`;
    const set = siblings.get(key);
    if (set) set.add(flow);
    else siblings.set(key, new Set([flow]));
  });
  return headings.map((h, i) => {
    const flow = loose[i];
    if (flow === undefined || !PASSING.has(flow)) return flow;
    if (onlyNames(h.text, flow)) return flow;
    return (siblings.get(`${h.parent}\t${h.level}`)?.size ?? 0) > 1 ? flow : undefined;
  });
}
