import type { Flow } from '../core/types.js';
import { fold } from '../text/fold.js';

/**
 * Section and scene labels → flow. Checked in order: "定期付款" is recurring before it is a
 * payment, "取消授權" is a cancel before it is anything else. Matched on folded text, so the
 * Simplified keywords cover Traditional labels too.
 */
const KEYWORDS: [Flow, RegExp][] = [
  ['any', /通用|^general\b|^common\b/],
  ['onboarding', /onboarding|进件|入驻|开户申请|\bkyc\b/],
  ['connect', /\bconnect\b/],
  ['sdk', /\bsdk\b/],
  ['recurring', /定期|订阅|周期扣款|代扣|recurring|subscription/],
  ['refund', /退款|退货|\brefunds?\b/],
  ['cancel', /取消授权|撤销|冲正|取消|\bcancel\w*|\bvoid\w*|\breversal\b/],
  ['capture', /请款|\bcaptur\w*/],
  ['binding', /绑卡|绑定|\bbinding\b|\bbind\b|tokeni[sz]ation/],
  ['payout', /转帐|转账|提现|代付|出款|\bpayouts?\b|\btransfers?\b|\bwithdraw\w*/],
  ['query', /查询|\bquery\b|\binquiry\b/],
  ['payment', /下单|付款|支付|收款|\bpayments?\b|\bcheckout\b|\bpurchase\b|\bcharges?\b/],
];

/**
 * The flow a label names, if any. `heading` labels are titles over a whole table ("Payment Error
 * Code"), so a bare "payment" there says nothing: it only counts on a row's own scene.
 */
export function flowOf(label: string | undefined, heading = false): Flow | undefined {
  if (!label) return undefined;
  const f = fold(label);
  for (const [flow, re] of KEYWORDS) {
    if (heading && (flow === 'payment' || flow === 'query' || flow === 'any')) continue;
    if (re.test(f)) return flow;
  }
  return undefined;
}
