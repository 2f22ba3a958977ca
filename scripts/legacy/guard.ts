/**
 * The last word on every classifier answer. Patterns and neighbours can be wrong; these checks make
 * the wrong answers cheap: a text that may describe money in flight or an unknown result is never
 * answered "failed, try again", and nothing is "succeeded" unless the text plainly says so.
 * All patterns run on folded text (lower case, Simplified).
 */

const SUCCESS =
  /(?<![未不非没无])(交易|支付|付款|扣款|收款|购买)(已)?成功(?!率)|\b(payment|transaction|trade|charge|purchase|order)\s+(was\s+|has\s+been\s+|is\s+|were\s+)?(successful(ly)?|succeeded|success|approved|authori[sz]ed|completed?)\b|^(approved|authori[sz]ed|paid|trade[ _]success|captured)\.?$|\b(successfully\s+(paid|charged|authori[sz]ed)|paid\s+successfully)\b/;
const REFUND_SUCCESS =
  /(?<![未不非没无])退款成功|\brefund(ed)?\s+(success|successful(ly)?|succeeded|completed?)\b|successfully\s+refunded|\bpartial(ly)?\s+refunded\b|部分退款/;
/** Anything that takes "success" back: negation, failure, or a different operation. */
const NOT_SUCCESS =
  /\b(not|never|no|un)\s*(be\s+)?(been\s+)?success\w*|\bunsuccessful\w*|未成功|不成功|没有成功|非成功|成功率|\bsuccess\s+rate\b|失败|\bfail\w*|\bdeclin\w*|\breject\w*|\brefus\w*|\berror\b|错误|异常|\bcancel\w*|取消|撤销|\brevers\w*|\bvoid\w*|pending|处理中|time\s?out|超时|逾时|\bunknown\b|未知|\bexception\b/;
const REFUND_WORD = /退款|\brefund\w*/;

export function saysSuccess(text: string, flow: string | undefined): boolean {
  if (NOT_SUCCESS.test(text)) return false;
  if (REFUND_WORD.test(text)) return flow === 'refund' && REFUND_SUCCESS.test(text);
  return SUCCESS.test(text);
}

const REASON_UNKNOWN = /(未知|不明|以外的)原因|\b(unknown|unspecifi\w*|other)\s+reasons?\b/;
const FAILURE = /失败|拒绝|\bfail\w*|\bdeclin\w*|\breject\w*|\brefus\w*/;
const STATE_LIST = /(失败|\bfail\w*)\s*[/／、|或]\s*(取消|\bcancel|逾期|过期|\bexpired|超时|time\s?out)/;

export interface Danger {
  family: string;
  /** The safe unified code this family falls back to. */
  unified: string;
  /** Unified codes that already belong to the family (kept, with a safe decision). */
  members: readonly string[];
  re: RegExp;
  unless?: (text: string) => boolean;
}

export const DANGERS: readonly Danger[] = [
  {
    family: 'in-flight',
    unified: 'processing',
    members: ['processing', 'awaiting_customer', 'refund_in_progress', 'binding_in_progress', 'application_in_review'],
    re: /(?<!加紧|加速)(处理中|进行中|正在.{0,4}处理)|pending|\bin\s+progress\b|\bbeing\s+processed\b|\b(still|is|currently)\s+processing\b|申请中|审核中|\b(under|in)\s+review\b|\bapplying\b|等待|\bwaiting\b|\bawaiting\b/,
  },
  {
    family: 'timeout',
    unified: 'channel_timeout',
    members: ['channel_timeout'],
    re: /time[ -]?out|timed\s+out|超时|逾时/,
    // A 3-D Secure or login step that timed out is the customer's step, not the payment's result.
    unless: (t) => /(3d|3ds|3-d|authenticat\w*|认证|验证|授权).{0,20}(超时|逾时|time[ -]?out|timed\s+out)/.test(t),
  },
  {
    family: 'unknown-result',
    unified: 'outcome_unknown',
    members: ['outcome_unknown', 'other_error', 'request_accepted'],
    re: /\bunknown?\b|未知|不确定|\bindeterminate\b|\bunclear\b|请查询|确认结果|请.{0,4}确认(结果|状态)|\bplease\s+query\b|\bconfirm\s+the\s+(result|status)\b|(勿|不要)重试|\bdo\s+not\s+retry\b/,
    // "Declined for unknown reasons" is a decline whose reason is unknown, not an unknown result;
    // "failed/cancelled/expired" lists several states, so it stays unknown.
    unless: (t) => REASON_UNKNOWN.test(t) && FAILURE.test(t) && !STATE_LIST.test(t),
  },
  {
    family: 'system-or-network',
    unified: 'system_error',
    members: ['system_error', 'channel_error', 'network_congestion', 'provider_busy', 'provider_unavailable', 'channel_timeout'],
    re: /系统(错误|异常|内部|故障|繁忙)|\bsystem\s+(error|exception|abnormal|failure|issues?|busy|malfunction)\b|系统内部|\bsystem\s+internal\b|\binternal\s+(server\s+|system\s+)?error\b|\bserver\s+(error|exception)\b|服务器(错误|异常)|数据库|\bdatabase\b|网络|\bnetwork\b|通信|\bcommunication\b|连线失败|连接失败|\bconnection\s+(failed|error|abnormal)\b|接口(返回)?异常|\binterface\s+(returned\s+)?abnormal\b|(通道|通路|渠道|微信|支付宝|银行|\bchannel|\bwechat|\balipay|\bbank(ing)?)\s*.{0,12}(异常|\babnormal|\banomaly|\berror|\bexception|返回|\breturns?\b)|繁忙|\bbusy\b|\btechnical\s+(issue|error|problem)s?\b/,
    unless: (t) => /未处理|未受理|\bnot\s+(been\s+)?processed\b|\bwas\s+not\s+(sent|received)\b/.test(t),
  },
  {
    family: 'duplicate',
    unified: 'duplicate_request',
    members: ['duplicate_request', 'duplicate_order', 'duplicate_transaction', 'already_submitted', 'already_paid'],
    re: /重复|\bduplicat\w*|已存在|已经存在|\balready\s+exists?\b|\bnot\s+unique\b|\bmust\s+be\s+unique\b|唯一|\bis\s+existing\b/,
  },
];

/** The first danger family whose words appear in the text, if any. */
export function dangerIn(raw: string): Danger | undefined {
  // "我们正在加紧处理中" is the provider working on its own problem, not a transaction in flight.
  const text = raw.replace(/(正在)?(加紧|加速)(处理|解决)中?/g, ' ');
  for (const d of DANGERS) if (d.re.test(text) && !(d.unless?.(text) ?? false)) return d;
  return undefined;
}

/** Answers the guard refuses: the money may have moved, yet the caller would be told to try again. */
export function isRiskyFailure(outcome: string, next: string): boolean {
  return outcome === 'failed' && (next === 'retry' || next === 'ask_customer' || next === 'fix_and_retry');
}
