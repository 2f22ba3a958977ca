/**
 * The rules that sit on top of the learned model. The model is right most of the time; these make
 * its wrong answers cheap. Each one is a principle that holds for any provider, written once:
 *
 * - `status-query`: a failed status query says nothing about the transaction it asked about.
 * - `not-final`: created / accepted / received / "completed, check the status" / in progress is not
 *   `succeeded`.
 * - `says-money-moved`: `succeeded` only where the text says the money moved.
 * - `says-success`: a text that says it succeeded (and nothing says it failed) is never `failed`: a
 *   failure there would invite a second charge or a second refund. Not a refusal of an operation
 *   done before ("already refunded"): that success is the earlier operation's.
 * - `money-in-doubt`: duplicate, already exists, inconsistent with an earlier request, a
 *   reconciliation out of balance, timeout, system error, exception or unknown result, on a flow
 *   that moves money, is `unknown`/`query`.
 * - `guard` (the older guard, ported): whatever the flow, a message with any of those doubts, or
 *   one that says the transaction is still in flight or already exists, is never answered "failed,
 *   try again".
 *
 * And two that are not about safety but about whose side acts: `balanceSide`, whose balance is
 * short, and `customer-ended`, a payment the customer cancelled, aborted or declined.
 *
 * Every pattern runs on folded text (lower case, Simplified Chinese, one space between words) and is
 * a plain alternation of words: no nested or unbounded gaps, so matching stays linear (the ReDoS
 * check in the tests holds every regular expression in src/ to that). Words come in English,
 * Chinese, Korean, Japanese and Spanish. Most texts hold none of these words, so the patterns
 * share one pass over the text that finds which of them could match (pattern-gate.ts).
 */
import type { Flow, Next, Outcome } from '../core/types.js';
import { fold } from '../text/fold.js';
import { type GatedPattern, PatternSet } from './pattern-gate.js';

/** Every pattern below: a text is read once for the words they all need, then only those run. */
const patterns = new PatternSet();

/**
 * Patterns are written as people write the words; they match folded text, so they are folded too.
 * They are only ever tested, never asked where they matched, so the alternatives that start at a
 * word boundary can share it: `\b(?:system error|network|…)|网络|…` finds the same texts as
 * `\bsystem error|网络|\bnetwork|…` at a third of the cost, because the engine checks the
 * boundary once per position instead of once per word.
 */
function folded(re: RegExp): GatedPattern {
  return patterns.add(foldedSource(re));
}

/**
 * A pattern read only after other words have matched (a sentence's end, once the text says the money
 * moved): tested on its own, so its words do not lengthen the one pass every text gets.
 */
function foldedAlone(re: RegExp): GatedPattern {
  const r = foldedSource(re);
  return { re: r, test: (text: string) => r.test(text) };
}

function foldedSource(re: RegExp): RegExp {
  // fold() lower-cases: an upper-case escape (\S, \W, \D, \B) would change meaning.
  if (/\\[SWDB]/.test(re.source)) throw new Error(`safety pattern with an upper-case escape: ${re.source}`);
  // Nor may folding make a character into syntax: NFKC turns "…" into "...", three wildcards.
  const source = fold(re.source);
  if (syntaxOf(source) !== syntaxOf(re.source)) throw new Error(`safety pattern whose folding changes its syntax: ${re.source}`);
  const words: string[] = [];
  const others: string[] = [];
  for (const alt of alternatives(source)) {
    if (alt.startsWith('\\b')) words.push(alt.slice(2));
    else others.push(alt);
  }
  const shared = words.length > 1 ? [`\\b(?:${words.join('|')})`] : words.map((w) => `\\b${w}`);
  return new RegExp([...shared, ...others].join('|'), re.flags);
}

/** A pattern's syntax characters, in order. */
function syntaxOf(source: string): string {
  return source.replace(/[^\\.*+?()[\]{}|^$]/g, '');
}

/** The top-level alternatives of a pattern: split at `|` outside groups, classes and escapes. */
export function alternatives(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let from = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(source.slice(from, i));
      from = i + 1;
    }
  }
  out.push(source.slice(from));
  return out;
}

export interface Reading {
  unified: string;
  outcome: Outcome;
  next: Next;
  /** The code's category and party in the taxonomy, where known: what a status query may report. */
  category?: string;
  party?: string;
  /** The model's probability of the reading's code, where the reading comes from the model. */
  probability?: number;
}

export interface SafetyStep {
  rule: 'status-query' | 'not-final' | 'says-money-moved' | 'says-success' | 'says-paid' | 'money-in-doubt' | 'guard' | 'customer-ended';
  /** The unified code the rule answers with; its decision comes from the taxonomy and the flow. */
  unified: string;
  /** Set when the rule must also force the decision (the taxonomy's reading would be unsafe). */
  force?: { outcome: Outcome; next: Next };
  detail: string;
}

const QUERY_WORDS = folded(
  /\b(inquiry|inquire|enquiry|enquire|query|queried|querying|re-?query|lookup|look up|get status|status check|check status|check the status|retrieve)\b|查询|查单|조회|상태 ?체크|照会|\bconsulta\b|\bconsultar\b/,
);

// "pending" counts glued to other words as a scraped page glues them ("支付pending"), but not inside
// the English words that hold it: spending, suspending, depending, impending, expending.
const IN_FLIGHT = folded(
  /处理中|进行中|支付中|(转账|退款|出款|打款|提现|代付|锁定资金)中(?!断|止|心|国)|正在|申请中|审核中|審核中|審査中|核准中|等待|需要用户输入|用户输入中|입력 대기|\b(user|customer|buyer|payer|shopper|cardholder) is (entering|paying|confirming|filling in|filling out|completing|selecting|choosing)\b|待支付|待付款|待处理|(?<!s|de|im|ex)pending|in progress|\bnot (yet )?ready\b|\bnot yet (complete|completed|finished|authori[sz]ed|confirmed)\b|\b(customer|shopper|buyer|payer|user|cardholder) (has|have) not yet\b|\bto be (confirmed|verified|reviewed)\b|\bunfinished\b|\bbefore (the payment|the transaction|it) can be (authenticated|completed|processed|authori[sz]ed)\b|\bin process\b|being processed|(?<!\bfrom )\bbeing (verified|reviewed|validated|checked|confirmed)\b|\bse está (verificando|procesando|validando|revisando|confirmando)\b|\b(está|están) siendo (procesad|verificad|revisad|validad)[oa]s?\b|\b(payment|transaction|refund|payout|transfer) processing (at|by|in|with) (the )?(external|bank|issuer|acquirer|provider|processor|network|channel|payment system)\b|\bwill be (processed|completed|refunded)\b|\b(is|are|was|were|still|currently|now) processing\b|^processing ?($|\.|-|:|,)|\b(payment|transaction|order|refund|payout|transfer|withdrawal) (is )?processing$|\bongoing\b|\bon-going\b|\b(under|in) (review|analysis)\b|\b(held|flagged|pending|queued|sent|marked) for (a )?(manual )?review\b|\b(transaction|payment|order|transfer|refund|payout) (is |was |has been )?(put |placed )?on hold\b|^on hold\b|\bwaiting\b|\bawaiting\b|\bredirect (the |your |their )?(customer|user|buyer|payer|cardholder|shopper) to (the )?(3ds|3-d secure|3d secure|acs|authentication|challenge)|(认证|認証|本人認証|3d ?セキュア|3-d ?セキュア)(画面|ページ)(へ|に)(遷移|リダイレクト|移動)|(跳转|跳轉|重定向)(至|到)? ?(3d|3ds|3d ?secure)? ?(认证|認證|验证|驗證)(页面|頁面)|(3d ?|3ds ?)?인증 ?(페이지|화면|창)(으)?로 (이동|리다이렉트)|\b(customer|user|buyer|payer|cardholder|shopper) (must|should|needs to|has to) be redirected\b|\b(customer|user|buyer|payer|cardholder|shopper) (was |has been |is being |is )?redirected (to|for)\b|\b(cancellation|refund|capture|credit|authori[sz]ation|payment|payout) request (has been |was )?sent\b|\bsent (a |the )?(cancellation|refund|capture|credit|authori[sz]ation|payment|payout) request\b|\bsent (a |the )?request (for |to )?(cancellation|refund|capture|credit|authori[sz]ation|payment|payout)\b|\b(cancellation|refund|capture|credit|authori[sz]ation|payment|payout|withdrawal|transfer|void|reversal|authentication|verification|3-?d ?secure|3ds)( check)? requested(?=$|[.,;:!)])|\bsubmitted (for|to) (the )?(settlement|processing|authori[sz]ation|approval|review|bank|issuer|acquirer)\b|처리 중|처리중|진행 중|진행중|대기|処理中|手続き中|手続中|待機|保留|まだ完了していません|\ben proceso\b|\bpendiente\b|\ben curso\b|\bprocesando\b|\bsent (for|to) (authori[sz]ation|approval|processing|settlement)\b|\bsent to the (issuer|acquirer|processor)\b|\bsent to the bank for\b|[\u3400-\u9fff\u30a0-\u30ff]待ち|승인 ?요청 ?중|\benviad[oa] (a|para) (autorizaci[oó]n|aprobaci[oó]n|el banco)\b|\bredirigid[oa] (al|a la|a) (emisor|banco|entidad|acs|autenticaci[oó]n|3ds)\b/,
);

const ACCEPTED_NOT_DONE = folded(
  /\b(created|accepted|received|submitted|queued|registered|initiated|initialized)\b|\bcreate (a |an |the |new )?(order|payment|transaction|charge|invoice|bill|trade|refund|payout)s?\b|\b(refund|payment|payout|withdrawal|cancellation|transfer|capture|charge) request\b|\brequest (for |to )?(a |the )?(refund|payment|payout|withdrawal|cancellation|transfer|capture|charge)\b|(创建|建立)(订单|交易|支付单|账单)成功|(申请|请求)成功|요청 ?성공|\bcheck (the )?(payment |transaction |order )?status\b|\b(inquire|query|confirm) (the |its |for )?(status|result)\b|已创建|创建成功|已受理|受理成功|已接收|接收成功|已提交|提交成功|下单成功|请查询|查询结果|접수|생성|요청 완료|受付|作成|登録済|\bcread[oa]\b|\baceptad[oa]\b|\brecibid[oa]\b|\bregistrad[oa]\b/,
);

/** The text says the money moved (or the refund was made). Its opening alternative is MOVED_FIRST's too (see there). */
const MONEY_MOVED = folded(
  /^(paid|approved|authori[sz]ed|captured|charged|refunded|settled|purchased)\b(?! (amount|sum|total|value|limit|currency|quantity|price|fee|date|time|count|number|bill|invoice|order)s?\b)|^(fully|partially) captured\b|\b(customer|buyer|payer|cardholder|shopper) (has )?paid\b|\b(payment|transaction|trade|charge|purchase|order|refund|capture|payout|transfer|withdrawal|disbursement|remittance|debit) (was |has been |is |were |has |have )?(successfully |fully )?(paid|approved|authori[sz]ed|captured|charged|refunded|settled|processed|collected|executed|successful|successfully|succeeded|success|completed?|done)\b|\bsuccessful (payment|transaction|charge|purchase|capture|payout|transfer|withdrawal)s?\b|\b(has|have|had) (successfully )?paid out\b|\b(confirmed|marked) as (paid|collected|captured|settled)\b|\b(payment|transaction|charge) (is |was |has been )?confirmed\b|\b(has been|have been|was|were|is) credited to (the|your) (merchant|seller|beneficiary|recipient|payee|account|merchant account|bank account)\b|\b(payment|payout|transfer|funds|money|amount) (was |were |has been |have been )?(successfully )?(transferred|disbursed|remitted|deposited) (to|into) (the |your )?(payee|recipient|beneficiary|merchant|seller|customer|bank|account)|\b(amount|funds) (was |has been |is |were |have been )?(fully |partially |successfully )?(captured|charged|debited|refunded|settled)\b|\bfunds (are |were |have been )?(reserved|held) (on|in) the (customer|cardholder|buyer|payer)('?s)? (account|card)\b|\b(amount|sum)( of (a |the )?(payment|order|transaction|purchase))? (is |was |has been |were |have been )?(successfully )?(reserved|held|blocked)\b(?! (by|due|because|for|pending|until|as|on suspicion))|\b(funds|money) (was |were |has been |have been )?(received|collected|paid out|credited|settled) (by|to|into|from|on)\b|\b(successfully )?(completed|made) (the|your|a|their) payment\b|\b(auth|authori[sz]ation|pre-?authori[sz]ation) (was |has been |is )?(successfully )?(done|approved|successful|succeeded|completed?)\b|\b(successfully|was|has been|been|is) (paid|approved|authori[sz]ed|captured|charged|refunded|settled)\b|\b(paid|approved|charged|captured|refunded) successfully\b|支付成功|付款成功|交易成功|扣款成功|收款成功|购买成功|退款成功|(打款|出款|代付|转账|汇款)成功|已(打款|出款|转账|汇款|到账)|(支付|付款|交易|扣款|收款|退款)(处理|操作)成功|授权成功|(支付|付款|交易|扣款|收款|退款)已(成功|完成)|已支付|已付款|已扣款|已退款|已收款|已被(支付|付款|扣款|退款)|支付完成|付款完成|交易完成|退款完成|(결제|거래) ?(완료|성공)|(결제|거래)가 (완료|성공)|(결제|거래)[이가]? ?정상 ?(처리|완료) ?(되었|됐|완료|$)|승인 완료|승인 ?성공|승인되었습니다|(決済|取引|支払い?|注文)が?承認されました|決済が完了|支払いが完了|환불 완료|환불완료|決済完了|支払完了|支払い完了|入金済み?|入金完了|入金確定|決済済み?|決済成功|取引成功|取引完了|支払い?成功|承認済|返金完了|核准|정상 ?승인|請款(成功|完成)|売上(請求|確定|計上)?が?(完了|成功)|売上確定済|与信(ok|成功|完了|済)|オーソリ ?(ok|成功|完了|済)|\b(pago|transacción|compra|venta|cargo|reembolso|operación) (fue |ha sido )?(aprobad[oa]|autorizad[oa]|exitos[oa]|completad[oa]|realizad[oa])\b|\b(aprobad[oa]|pagad[oa]|reembolsad[oa]|capturad[oa])\b/,
);

/** Anything that takes "success" back: negation ("cannot be refunded"), failure, or doubt. */
const NOT_SUCCESS = folded(
  /\b(cannot|can't|could not|couldn't|unable to|will not|won't|may not|must not)\b|\b(exceed(s|ed|ing)?|expired|insufficient|mismatch(ed)?|invalid|blocked|denied|suspended|overdue)\b|\b(limit|maximum|quota|cap)s? (has been |have been |was |is )?(reached|hit)\b|\b(insuficiente|excede|excedid[oa]|vencid[oa]|expirad[oa]|bloquead[oa]|denegad[oa]|inválid[oa]|invalid[oa]|suspendid[oa])\b|\b(not|never|no|un) ?(be |been )?success|\bunsuccessful|\bnot (yet )?(been )?(paid|approved|authori[sz]ed|captured|charged|refunded|completed?|confirmed)\b|\b(success|successful|successfully|succeeded|approved|paid|completed?|done)( [a-z]+){0,2} (is not|was not|were not|has not been|have not been|not)\b|\b(hasn't|haven't|hadn't|wasn't|weren't|isn't|aren't|didn't|doesn't|don't)\b|未成功|不成功|没有成功|未(經|獲)?核准|不予?核准|非成功|非[^，。,；;]{1,4}成功|成功率|\bsuccess rate\b|失败|\bfail|\bdeclin|\breject|\brefus|\berrors?\b|错误|异常|\bcancel|取消|撤销|\brevers|\bvoid|未支付|未付款|尚未|\bunpaid\b|\bnot yet\b|실패|거절|취소|오류|미결제|않|불가|不可|无法|無法|아닙니다|아닌|아님|못한|못했|失敗|拒否|エラー|未払|ません|ていない|されない|未完了|\bfallid[oa]\b|\brechazad[oa]\b|\bcancelad[oa]\b|\brevertid[oa]\b|\banulad[oa]\b|\bcharge ?back|\bcharged back\b|\bno (money|funds) (was |were |has been |have been )?(captured|charged|debited|taken|collected|moved)\b|\bno (refund|payment|transaction|charge|capture|payout|transfer|withdrawal)s? (was|were|has been|have been)\b|\bno (pagad|aprobad|autorizad|exitos)|\bno (fue|ha sido|es|fueron|han sido) (exitos|aprobad|autorizad|pagad)|sin éxito/,
);

/**
 * Something went through: success, or processed or ended normally (정상 처리, 正常処理, 正常終了, a bare
 * 正常 or 정상: a Japanese or Korean code table's success row), completed, paid in full, a dispute
 * won, or a text that is one word of done ("OK", "OK.", "Complete", "Verified", "status=completed": a
 * code table's success row, the code's own word beside it), or a Japanese or Chinese check that ends
 * in "OK" (与信審査OK: the NG row beside it is the failure).
 */
const SUCCESS = folded(
  /^(ok|okay|completed?|done|finished|verified|validated|processed)( (ok|okay|completed?|done|finished|verified|validated|processed))?[.!]?$|(?<=[\u3040-\u30ff\u3400-\u9fff])ok$|^(status|state|result)( ?[=:] ?| )(ok|completed?|done|success|succeeded|successful|paid)$|\bsuccess|成功|성공|完了|(?<![비非不])정상 ?(처리|완료|승인|종료)|^정상$|(?<![非不])正常に?(処理|終了|完了)|^正常$|(?<![非不])正常处理|\b(has|have) been (successfully )?completed\b|\b(fully|completely) paid\b|\bpaid in full\b|\b(dispute|chargeback)s? (was |has been )?won\b|\bwon (the )?(dispute|chargeback)\b|\bexitos[oa]\b|\bexito\b|\bexitosamente\b|\bsatisfactoriamente\b|con éxito|\bcon successo\b|\beseguit[oa] correttamente\b/,
);

/** A cancellation or refund that went through: on those flows "cancelled" is the success. */
const UNDONE = folded(
  /취소 ?(성공|완료)|取消成功|取消授权成功|取消交易成功|撤销成功|退款成功|退货成功|\b(cancel(l?ed|lation)?|refund(ed)?|void(ed)?|revers(ed|al)) (success|successful|succeeded|completed?)\b|\b(cancel(l?ed|lation)?|refund(ed)?|void|reversal) (was |has been )?(processed|completed) successfully\b|\bsuccessfully (cancel|refund|void|revers)|キャンセル完了|取消完了|\b(cancelad|reembolsad|anulad|revertid)[oa] (con éxito|exitosamente|correctamente|satisfactoriamente)\b|\b(cancelación|anulación|reversa|reversión|reverso|devolución|reembolso) (exitos[oa]|realizad[oa] (con éxito|correctamente)|completad[oa])\b/,
);

/**
 * The text says something succeeded and nothing takes it back. `said` is where the success is
 * read: the whole text, or the message without the code's words after it, which may hide a
 * one-word state ("status=completed" under the code "completed" reads "status=completed
 * completed"); what takes a success back is read in the whole text, code and all.
 */
function saysSuccess(text: string, flow: Flow | undefined, said = text): boolean {
  if ((flow === 'cancel' || flow === 'refund') && (UNDONE.test(said) || REFUND_DONE.test(said))) return !FAILURE.test(text);
  return SUCCESS.test(said) && !NOT_SUCCESS.test(text);
}

/**
 * A refund done, in the words of Japanese, Chinese and Korean tables (返金完了, 返金処理が完了しました,
 * 払い戻しが完了しました, 退款处理已完成, 환불 완료, 환불 처리가 완료되었습니다): read by both UNDONE (a
 * refund's success on its flow) and REFUND_MOVED (the money gone back), so written once here.
 */
const REFUND_DONE = folded(/(返金|払い?戻し)(処理)?(が|は)?(完了|成功)|退款处理(已)?完成|환불 ?(처리[가이]? ?)?(완료|성공)/);

const REFUND_WORD = folded(/退款|退货|\brefund|환불|返金|\breembols/);
const REFUND_MOVED = folded(
  /退款(处理)?成功|已退款|退款完成|退款已(成功|完成)|退货成功|退货完成|\brefunded\b|\brefunds? (was |has been |is |were |have been )?(successfully )?(success|successful|succeeded|completed?|processed|executed|issued)\b|\b(successful|approved|completed|processed) refunds?\b|환불이 (완료|성공)|환불[이가]? ?정상 ?(처리|완료) ?(되었|됐|완료|$)|\breembolsad[oa]\b/,
);

interface Doubt {
  family: string;
  unified: string;
  /** Unified codes already in the family: kept, with a safe decision. */
  members: readonly string[];
  re?: GatedPattern;
  /** A second way in, for wordings that need two words apart ("WeChat … error"). */
  also?: (text: string) => boolean;
  unless?: (text: string) => boolean;
  /** Counts for the money-in-doubt rule (in-flight only feeds the guard). */
  moneyInDoubt: boolean;
}

// Authentication, not authorisation: 授权 (授權) is the card authorisation itself, the payment's
// own step, as "authorisation" is in English; its time-out leaves the money in doubt.
const AUTH_STEP = folded(/\b3d\b|\b3ds\d?\b|\b3d ?secure|\b3-d\b|\bauthenticat|认证|验证|인증|認証|\bautenticaci/);
/**
 * A check of a certificate's validity is the provider's own call to an outside service, not a step
 * the customer takes: "공인인증서 유효성 검증 TIMEOUT" timed out on the way, like any channel.
 */
const CERTIFICATE_CHECK = folded(
  /인증서 ?(의 )?유효성|证书(的)?(有效性|验证|校验)|証明書の?(有効性|検証)|\bcertificate (validity|validation|verification|check)\b/,
);
const REASON_UNKNOWN = folded(
  /(未知|不明|以外的|其他|其它)原因|\b(unknown|unspecified|other|unspecificed) reasons?\b|\bmotivo desconocido\b/,
);
const FAILURE = folded(/失败|拒绝|\bfail|\bdeclin|\breject|\brefus|실패|거절|失敗|拒否|\brechaz/);
const STATE_LIST = folded(/(失败|\bfail\w*) ?[/／、|或] ?(取消|\bcancel|逾期|过期|\bexpired|超时|\btime ?out)/);
const CHANNEL = folded(/通道|通路|渠道|微信|支付宝|银行|上游|\bchannel|\bwechat|\balipay|\bbank|\bupstream|\bgateway|은행|銀行|\bbanco\b/);
const ABNORMAL = folded(/异常|错误|\babnormal|\banomaly|\berror\b|\bexception\b|오류|에러|이상|エラー|異常|\berror del\b/);
const NOT_FOUND = folded(
  /\bnot found\b|\bdoes not exist\b|\bnot exist\b|\bno such\b|\bunknown (order|transaction)\b|不存在|查无|找不到|(내역|거래|주문|정보|건|데이터)[이가]? ?없습니다|(내역|거래|주문|건)[이가]? ?없음|찾을 수 없|존재하지 않|見つかりません|存在しません|\bno existe\b|\bno encontrad[oa]\b/,
);
/**
 * The transaction itself not found: the word for it stands right before the words that say it is
 * missing ("Transaction to be voided was not found", 原交易不存在, 원거래건이 없습니다, 該当する取引が存在しません).
 * Not something else that a text about a transaction cannot find: an account number (입력하신
 * 계좌번호가 존재하지 않습니다), a payment method (결제방식이), a field of the request (전문에
 * 총결제금액이), a certificate.
 */
const TRANSACTION_NOT_FOUND = folded(
  /\b(order|transaction|trade|payment|charge|refund|capture|authori[sz]ation|reference|resource|intent|transaction id|order id|transaction_id|order_id)s?`?( (id|number|no|reference|intent|record|details|information|data))?( to be [a-z]+)? (was |were |is |are |has |have )?(either )?(not found|(does|do|did) not exist|not exist|(cannot|can't|could not|couldn't) be (found|located)|no longer exists?)\b|\bno such (order|transaction|trade|payment|charge|refund|capture|record|reference)\b|\bunknown (order|transaction)\b|\b(cannot|can't|could not|couldn't|unable to|failed to) (find|locate) (the |a |any |such |this |that )?(original )?(order|transaction|trade|payment|charge|refund|capture)\b|(订单|交易|支付单|退款单|流水|记录)(号)?(信息|记录)?(不存在|找不到|未找到)|(查无|找不到|未找到)(此|该|相关|这笔|原)?(订单|交易|支付单|退款单|记录|流水)|(거래|주문|결제|내역|건)[이가은는을를의]? ?((요청 ?)?(정보|내역|데이터)[이가을를]? ?)?(없습니다|없음|존재하지 않|찾을 수 없)|(존재하지 않는|존재하지 않은|찾을 수 없는) ?(원)?(거래|결제|주문)|(取引|注文|決済|データ)[がは]?(見つかりません|存在しません)|\b(pedido|transacción|transaccion|pago|orden|operación|operacion)( [a-z]+){0,3} (no existe|no encontrad[oa]|no se encontr[oó])\b/,
);
/** The words of TRANSACTION_NOT_FOUND that NOT_FOUND does not hold. */
const FOUND_WORDS = folded(/\b(found|find|locate|located)\b|\bno longer exists?\b|未找到|\bno se encontr/);
/** What came back from the other side: its return, response or reply. */
const REPLY = folded(/\breturn(ed)?\b|\brespon(se|ded)\b|\breply\b|返回|回应|响应|응답|반환|応答|返却|\brespuesta\b/);
const RETURNED = folded(/\breturned\b|返回|반환|응답|返却|\bdevuelt[oa]\b/);
const MISMATCH = folded(/\bdoes not match\b|\bmismatch|不匹配|不匹对|不符|일치하지 않|불일치|一致しません|\bno coincide\b/);
/** An error that happened while the request was being processed: its result is unknown, it is not in flight. */
const ERROR_IN_PROCESSING = folded(
  /\b(error|exception)s? (has )?(occurred |occured |happened )?(while|during) (the )?processing\b|\b(unable to|cannot|can't|could not|couldn't|failed to) process\b|\bcould not be processed\b|(처리|진행) ?중 ?([^ .]{1,8} )?(오류|에러)|処理中に?エラー|处理(中|时|过程中)(出错|发生错误|错误|异常)|\berror al procesar\b|\berror (durante|mientras) (el )?procesa/,
);
/** A duplicate in other words: the request's key "matches the order id of a previous payment". */
const SAME_AS_ANOTHER = folded(
  /\bmatches (the )?[a-z]{1,40}( [a-z]{1,20})? of (another|a previous|an earlier|a prior) ([a-z]{1,20} )?(request|transaction|order|payment|charge|authori[sz]ation)\b|\b(same as|identical to) (that of )?(another|a previous|an earlier|a prior) (request|transaction|order|payment|authori[sz]ation)\b/,
);
const NOT_PROCESSED = folded(/未处理|未受理|\bnot (been )?processed\b|\bwas not (sent|received)\b/);

/**
 * Every family with all of its fields, absent ones undefined: the doubt passes read them for each
 * family of every message, and one object shape keeps those reads monomorphic (families of five
 * shapes made them megamorphic, a few per cent of classify()).
 */
function family(d: Doubt): Doubt {
  return {
    family: d.family,
    unified: d.unified,
    members: d.members,
    re: d.re,
    also: d.also,
    unless: d.unless,
    moneyInDoubt: d.moneyInDoubt,
  };
}

/**
 * Advice to look the result up before acting ("use /details to know the exact status", "check the
 * final status of the payment"): the provider itself does not know what became of it.
 */
const STATUS_ADVICE = folded(
  /\b(know|check|confirm|verify|determine|get) the (exact|actual|final|real|true) (status|result|state|outcome)\b|\b(check|verify|confirm),? (whether|if) (the )?(amount |funds |money |payment |sum )?(was |is |has been |were |have been )?(blocked|held|reserved|debited|charged|deducted|withdrawn|taken)\b/,
);

const UNKNOWN_RESULT = folded(
  /unknown|\bunknow\b|망 ?취소|未知|不确定|\bindeterminate\b|\bunclear\b|\buncertain\b|\b(may|might|could) (already )?have been (processed|charged|debited|completed|paid|captured|executed|submitted)\b|\b(result|status|outcome|state|authori[sz]ation|payment|transaction) (is |was )?not known\b|请查询|确认结果|确认状态|please query|\bconfirm the (result|status)\b|여부를? 알 ?수 ?없|알 ?수 ?없는 ?(오류|에러|결과|응답|상태|통신)|(결과|상태|처리 ?결과|승인 ?결과)[를을가이]? ?알 ?수 ?없|\b(failed to|did not|could not|unable to) (receive|get|obtain) (a |the |any )?(confirmation|response|reply|answer|result)\b|불명|不明|\bdesconocid[oa]\b|\binciert[oa]\b|\bindeterminad[oa]\b|\bundefined ((connector|acquirer|issuer|gateway|bank|processor|host|network|system|server|channel)[ /]{1,3})?((connector|acquirer|issuer|gateway|bank|processor|host|network|system|server|channel) )?error\b|未定义(的)?错误|정의되지 않은 오류|未定義の?エラー|\berror no definido\b|\bother error\b|其他错误|其它错误|기타 ?오류|기타 ?에러|その他の?エラー|\botro error\b/,
);

const FAMILIES: readonly Doubt[] = [
  {
    family: 'in-flight',
    unified: 'processing',
    members: ['processing', 'awaiting_customer', 'refund_in_progress', 'binding_in_progress', 'application_in_review'],
    re: IN_FLIGHT,
    moneyInDoubt: false,
  },
  {
    family: 'timeout',
    unified: 'channel_timeout',
    members: ['channel_timeout'],
    re: folded(
      /time ?out|time-out|timed out|\b(is|was) overtime\b|超时|逾时|시간 ?초과|응답 ?(대기 ?)?시간이? ?(초과|경과)|타임아웃|タイムアウト|時間切れ|\btiempo de espera\b|\bse agotó\b/,
    ),
    // A 3-D Secure or login step that timed out is the customer's step, not the payment's result.
    unless: (t) => AUTH_STEP.test(t) && !CERTIFICATE_CHECK.test(t),
    moneyInDoubt: true,
  },
  {
    family: 'unknown-result',
    unified: 'outcome_unknown',
    members: ['outcome_unknown', 'other_error', 'request_accepted'],
    re: UNKNOWN_RESULT,
    // "Declined for unknown reasons" is a decline whose reason is unknown, not an unknown result;
    // "failed/cancelled/expired" lists several states, so it stays unknown.
    // One that sends the merchant to look the status up is an unknown result all the same.
    also: (t) => STATUS_ADVICE.test(t),
    unless: (t) => REASON_UNKNOWN.test(t) && FAILURE.test(t) && !STATE_LIST.test(t) && !STATUS_ADVICE.test(t),
    moneyInDoubt: true,
  },
  {
    // A code a table keeps for later or for someone else ("Reserved for future use", "Reserved for
    // client-specific use") names no outcome: nothing can be read from it. Not where the row says
    // what it does all the same ("Reserved for client-specific use (declined)").
    family: 'reserved',
    unified: 'unmapped',
    members: ['unmapped', 'outcome_unknown', 'other_error'],
    re: folded(/\breserved for ([a-z-]+ ){0,3}(use|usage|purposes?)\b|^reserved( code| value)?$/),
    unless: (t) => FAILURE.test(t) || STATE_FAILED.test(t),
    moneyInDoubt: true,
  },
  {
    family: 'system-or-network',
    unified: 'system_error',
    members: ['system_error', 'channel_error', 'network_congestion', 'provider_busy', 'provider_unavailable', 'channel_timeout'],
    // A network is a fault only with a word of one ("network error", "network unavailable"): alone it
    // is as often a card scheme or a payment method ("the selected network is not enabled").
    // Korean tables' 파싱 (parsing) is the provider's own reading of a message failing (전문 파싱
    // 실패, 파싱 중 오류가 발생): a system error in all five that print it. Not English "parse",
    // which some tables print under a request to fix ("error while parsing the XML request").
    re: folded(
      /系统(错误|异常|内部|故障|繁忙)|\bno connection\b|\bprocessor (failure|error|exception|malfunction)\b|\b(db|database) (error|exception|failure|fault|timeout)\b|(?<![a-z])db ?(입력|조회|처리|연결|접속)? ?(오류|에러|장애)|\bsystem (error|exception|abnormal|failure|issue|issues|busy|malfunction)\b|\bsystem internal\b|\binternal (server |system )?error\b|\bserver (error|exception)\b|服务器(错误|异常)|\bexception\b|\bunexpected (error|exception|failure|fault|problem)s?\b|\berror(es)? inesperad[oa]s?\b|\berror(es)? de comunicaci[oó]n(es)?\b|\bfallo de comunicaci[oó]n\b|异常|예외|例外|数据库|\bdatabase\b|网络|\bnetwork (error|errors|failure|failed|fail|issue|issues|problem|problems|exception|timeout|time-out|time out|unavailable|down|busy|congested|congestion|abnormal|fault|malfunction|not available|unreachable|connection|outage|interruption|instability)\b|\b(network|connection) (is |was )?(not available|unavailable|unreachable|lost|down|interrupted|unstable)\b|通信|\bcommunication\b|连线失败|连接失败|\bconnection (failed|error|abnormal|refused|reset|lost|closed|terminated|dropped|aborted)\b|\bconnection (with|to) (the )?(issuer|acquirer|bank|server|host|processor|gateway|network|provider) (was |got |has been )?(terminated|dropped|interrupted|lost|closed|reset|aborted)\b|\b(problem|issue|error|fault)s? on our (end|side)\b|\bfatal (error|exception|failure)s?\b|\b(hardware|software) errors?\b|(접속|연결)[이가]? ?원활하지|\bconnection (to|with) (the )?(issuer|acquirer|bank|server|host|processor|gateway|network) (could not|cannot|can't|was not|failed)\b|\b(could not|cannot|can't|unable to|failed to) (connect|reach|establish)\b|繁忙|拥堵|拥挤|\bbusy\b|\bcongest(ed|ion)\b|\btoo many users\b|\btechnical (issue|error|problem|failure|fault)s?\b|内部错误|内部异常|\b(error|exception)s? (has )?(occurred |occured |happened )?(while|during) (the )?processing\b|(处理|進行|处理过程)中?(出错|发生错误)|処理中にエラー|\berror (al|durante el|mientras se) procesa|\b(no|invalid|malformed|bad|unexpected) response\b|\bno reply\b|\bresponse (error|body|format|is invalid|was invalid)\b|响应(错误|异常|超时)|无响应|未响应|내부 오류|내부오류|내부 에러|응답 오류|응답 ?없음|응답이 ?없|송신하지 못|전송하지 못|송신 실패|전송 실패|内部エラー|応答(エラー|なし)|응답오류|시스템 오류|시스템 에러|시스템오류|(시스템|통신|네트워크|네트웍|서버|전산|일시적인?) ?장애|일시적인? ?(오류|에러)|\btemporary (error|failure|fault|problem|issue)s?\b|一時的な?(エラー|障害)|(临时|暂时)性?(错误|故障)|\berror temporal\b|packet ?(오류|에러|error)|장애가 발생|네트워크|통신|혼잡|지연되고|(서비스|처리|응답|시스템|네트워크|네트웍|통신) ?지연|(응답 ?코드|결과 ?코드|에러 ?메시지|오류 ?메시지)가? ?(없|존재하지 않)|\b(no|missing) (response|result) code\b|(이용자|사용자|접속자)가 많|システムエラー|システム障害|ネットワーク|通信|混雑|混み合|\bdb ?(error|exception|오류|에러)|데이터베이스|データベース|\bsocket\b|소켓|ソケット|(연결|접속) ?(오류|에러|실패)|(연결|접속)[이가]? ?(끊어|끊김|끊겼|끊긴)|(연결|접속)(하지|되지) 못|(전송|송신|발송)에 실패|接続(エラー|失敗)|전문 ?(오류|에러)|파싱|(생성|초기화) ?실패|초기화 ?(오류|에러)|\berror (del|de) sistema\b|\berror interno\b|\bexcepción\b|\bcongesti[oó]n\b|\bocupado\b/,
    ),
    // A channel, bank or upstream reporting an error: the request may have gone through there. Not
    // where every error named is a field of the request ("amount limit error", 渠道参数错误): the
    // channel turned the request away as it stood. Unless the field is in what the channel returned
    // (校验微信返回签名错误, "Verifying WeChat return signature error": its reply's signature did not verify): then its answer could not be read.
    also: (t) => CHANNEL.test(t) && ABNORMAL.test(t) && (!onlyFieldErrors(t) || REPLY.test(t)),
    unless: (t) => NOT_PROCESSED.test(t),
    moneyInDoubt: true,
  },
  {
    // Done before, or a single-use value (a nonce, an order number, a voucher) already spent: a
    // second attempt repeats the first, which may have gone through. A ledger's nonce or sequence
    // number "too low" (Ethereum, the XRP Ledger) is one already spent, maybe by this very transfer.
    family: 'duplicate',
    unified: 'duplicate_request',
    members: ['duplicate_request', 'duplicate_order', 'duplicate_transaction', 'already_submitted', 'already_paid'],
    re: folded(
      /重复|重覆|duplicat|\b(is|was|are|were|been) repeated\b|\brepeated (transaction|order|request|payment|reference|submission)s?\b|已存在|已经存在|\balready exists?\b|\bnot unique\b|\bmust be unique\b|\bunique constraint\b|\b(same|reused|duplicate) idempotency key\b|\b(already|previously) been created\b|唯一|\bis existing\b|\b(previously|already) (closed|processed|submitted|completed|settled|captured|done|accepted|received)\b|\b(previously|already) been (processed|submitted|settled|captured)\b|\b(processed|paid|submitted|completed|settled) before\b|\bsame (order|transaction|reference|request|merchant order|trade) ?(id|number|no|key)\b|(订单号|单号|流水号|请求号|交易号)(一样|相同|相同的)|(相同|同一|同样)的?(商户)?(订单号|单号|流水号|请求号|交易号)|(동일한|같은) ?(주문|거래|요청|가맹점 ?주문) ?번호|(同一|同じ)の?(注文|取引|オーダー)(番号|id)|이미 처리|이미 접수|既に処理|既に受け?付|すでに受け?付|已处理|\bya (procesad|cerrad)[oa]\b|중복|이미 존재|重複|既に存在|(注文|取引|オーダー|決済)(番号|id|ＩＤ)?(は|が)?(既に|すでに)(使用|利用|登録)|\bduplicad[oa]\b|\brepetid[oa]\b|\bya existe\b|\bgià (presente|esistente|utilizzat[oa]|registrat[oa])\b|\balready registered\b|已注册|已登记|기등록|이미 등록|登録済み|\bya registrad[oa]\b|consumed\b|\b(already|previously)[ _](been[ _])?(used|taken|generated)\b|이미 사용|사용이 ?완료된|\bdoublet\b|\b(twice|more than once)\b|\bdouble (payment|charge|charging|billing|transaction|debit|capture|refund)s?\b|\b(doble|dos veces)\b|二重(決済|請求|引き?落とし|取引|売上|計上)|이중 ?(거래|결제|청구|승인|출금|매입)|已使用|已被使用|使用済|\bya (ha sido |fue |est[aá] )?(usad|utilizad)[oa]\b|\b(nonce|sequence number)( [a-z]+){0,4} (too low|lower than)\b/,
    ),
    also: (t) => SAME_AS_ANOTHER.test(t),
    moneyInDoubt: true,
  },
  {
    // A payment or order the provider cannot find may exist yet (a lag, another channel), or may
    // never have reached it: creating it again risks paying twice, so look it up instead.
    family: 'not-found',
    unified: 'order_not_found',
    members: ['order_not_found', 'outcome_unknown'],
    // The words of something missing first: they are rare, the transaction's words are not.
    // A transaction's or an order's id given wrong ("INVALID_TRANSACTION_ID") is one the provider
    // could not match: it may yet exist.
    also: (t) => ((NOT_FOUND.test(t) || FOUND_WORDS.test(t)) && TRANSACTION_NOT_FOUND.test(t)) || TRANSACTION_ID_WRONG.test(t),
    moneyInDoubt: true,
  },
  {
    // The text says the money moved (paid, refunded): whatever else it says, "try again" is wrong.
    family: 'money-moved',
    unified: 'outcome_unknown',
    members: ['already_paid', 'already_refunded', 'already_captured', 'refund_in_progress', 'partially_refunded', 'refund_succeeded'],
    re: folded(
      /\b(order|payment|transaction|trade|invoice|bill) (was |has been |is )?(already |previously )?(paid|refunded|captured|authori[sz]ed|approved)\b|\b(already|previously) (been )?(paid|captured|charged|settled|purchased)\b|\b(fully|partially|partial|already) refunded\b|已退款|已支付|已付款|已扣款|部分退款|全额退款|transfer to refund|转入退款|이미 결제|이미 환불|支払い?済|返金済|\bya (pagad|reembolsad)|\bgià (pagat|effettuat|rimborsat)[oa]\b/,
    ),
    moneyInDoubt: false,
  },
  {
    // Not paid yet: the customer may still pay (a virtual account issued waits for the deposit), so
    // this is not a failure to retry.
    family: 'not-yet-paid',
    unified: 'order_not_paid',
    members: ['order_not_paid', 'awaiting_customer', 'processing'],
    re: folded(
      /\bunpaid\b|\bnot yet paid\b|\bnotpay\b|\bnot paid\b|未支付|尚未支付|未付款|待支付|待付款|等待(支付|付款)|미결제|결제 대기|입금 ?대기|가상계좌 ?(번호 ?)?발급|未払い|未決済|未入金|入金待ち|\bawaiting (payment|deposit)\b|\bwaiting for (the )?(payment|deposit)\b|\bvirtual account (was |has been |is )?(issued|created)\b|\bno pagad[oa]\b|\bpendiente de pago\b|\besperando (el )?pago\b|\baguardando pagamento\b/,
    ),
    moneyInDoubt: false,
  },
  {
    // The transaction exists (created, accepted, received): another attempt would make a second one.
    // A status table's row that is the one word ("Initiated", "CREATED") is that state too.
    family: 'exists',
    unified: 'request_accepted',
    members: ['request_accepted', 'awaiting_customer', 'processing', 'outcome_unknown'],
    re: folded(
      /\b(payment|order|transaction|charge|request|refund|capture|invoice|bill) (was |has been |is |were )?(created|accepted|received|submitted|registered|initiated)\b|\b(newly|just) created\b|^(created|initiated|iniciad[oa]|cread[oa]|criad[oa])( (created|initiated))?$|已创建|已受理|已接收|已提交|접수되었|생성되었|受付済|受け付けました|受け付け済|受け付けられ|受付しました|作成済|作成されました|\b(pago|pedido|transacción|solicitud|reembolso|devolución|cobro|cargo|orden|operación)( de (pago|reembolso|devolución|cobro))? (fue |ha sido )?(cread|aceptad|recibid)[oa]\b/,
    ),
    moneyInDoubt: false,
  },
  {
    // "Does not require 3-D Secure": a step the text says is not needed is not one to ask for.
    family: 'not-required',
    unified: 'outcome_unknown',
    members: ['outcome_unknown', 'request_accepted'],
    re: folded(
      /\b(does|do|did) not (require|need)\b|\bnot (required|needed|necessary)\b|不需要|无需|无须|필요하지 않|불필요|必要ありません|不要です|\bno (requiere|necesita|es necesari[oa])\b/,
    ),
    moneyInDoubt: false,
  },
  {
    // The text reports the transaction's current state ("현재 매입완료 상태": captured, at present):
    // a state to act on only once it is known, whatever the request that met it.
    family: 'state-report',
    unified: 'invalid_state',
    members: ['invalid_state', 'already_paid', 'already_captured', 'already_cancelled', 'already_refunded', 'processing'],
    re: folded(
      /현재 ?(매입|승인|취소|결제|거래|환불|입금|정산)[^ ]{0,12} ?상태|\bcurrent (transaction|payment|order|refund) (status|state)\b|当前(订单|交易|支付|退款)状态|現在の(取引|決済|注文)(状態|ステータス)|\bestado actual de(l| la) (pago|transacción|pedido)\b/,
    ),
    moneyInDoubt: true,
  },
  {
    family: 'inconsistent',
    unified: 'outcome_unknown',
    members: ['order_mismatch', 'outcome_unknown', 'duplicate_order', 'duplicate_request'],
    // Inconsistent with an earlier request, in words that name it: a bare "does not match" (ID,
    // password, card number) is a request to fix, as the catalog reads it in every language.
    // What came back does not match what was sent: the answer, not the request, is in question.
    // So too a reconciliation that does not balance: the two sides' records of the same
    // transactions disagree, and which of them moved money is what is in question.
    also: (t) => RETURNED.test(t) && MISMATCH.test(t),
    re: folded(
      /\binconsistent\b|\bnot reconciled\b|\bout of balance\b|\breconcil(e|iation) (error|failed|failure|mismatch)\b|\bplease reconcile\b|对账(不平|不符|不一致|失败)|대사 ?불일치|突合(エラー|不一致)|\bno conciliad[oa]\b|\bdoes not match (the )?(previous|original|earlier)\b|\bdiffers from (the )?(previous|original|earlier)\b|与原(交易|订单|请求)不(一致|符)|与(之前|前次|上次)|(이전|기존) ?(요청|거래|주문)[과와] ?(불일치|일치하지 않|다릅)|(以前|前回|元)の(リクエスト|取引|注文)と一致しません|\bno coincide con (la|el) (solicitud|transacción|pedido) (anterior|original)\b/,
    ),
    moneyInDoubt: true,
  },
];
const TRANSACTION_ID_WRONG = folded(/\b(invalid|incorrect|wrong) (transaction|order|payment|trade|txn) ?(id|ids|number|no)\b/);

export const DOUBTS: readonly Doubt[] = FAMILIES.map(family);

/**
 * Flows whose success is a payment's: a text that says the payment moved answers them. A recurring
 * charge is a payment, and a payout's "Transfer successful" is the money sent.
 */
const PAYING_FLOWS: ReadonlySet<string> = new Set(['any', 'payment', 'capture', 'recurring', 'payout']);

/** Flows on which money may move; no flow at all counts too, since it may be any of them. */
const MONEY_FLOWS: ReadonlySet<string> = new Set(['any', 'payment', 'refund', 'cancel', 'capture', 'recurring', 'payout']);
/**
 * The flows that act on a transaction made before: a refund, a cancellation, a capture. There a
 * transaction the provider cannot find was not acted on, so this request moved nothing, whether or
 * not the transaction it names turns up later; a payment, a payout or a status query not found may
 * be one that exists yet (the not-found doubt family).
 */
const ON_EARLIER: ReadonlySet<string> = new Set(['refund', 'cancel', 'capture']);

/** Answers that invite another attempt: wrong and costly when the money may have moved. */
export function isRiskyFailure(outcome: string, next: string): boolean {
  return outcome === 'failed' && (next === 'retry' || next === 'ask_customer' || next === 'fix_and_retry');
}

/**
 * Words that look like a doubt but name something else, taken out before the doubt families read
 * the text:
 * - "我们正在加紧处理中" is the provider working on its own problem, not a transaction in flight;
 * - 통신사, 이동통신, 통신요금, 통신할인 and 통신판매 are a mobile carrier, its bill, its discount and
 *   mail-order selling, not communication (통신) with the provider;
 * - 状态异常, 配置异常 and 签名异常 (a state, a setting or a signature "abnormal") name what is wrong
 *   with the request or the account, not an exception;
 * - a card's network, a debit network or a network token is the card scheme (Visa, Mastercard), not a
 *   network fault.
 * - a bank account or a bank card (银行卡, 은행 계좌) is the customer's own, not the bank reporting
 *   an error as a channel would.
 * - maintenance "in progress" is the provider's service at work, not a transaction in flight.
 * One gated test for all of their words keeps the common text, which holds none of them, to the
 * scan the doubt families share (pattern-gate.ts).
 */
function withoutLookalikes(text: string): string {
  // Both doubt passes read the same text: the second gets the first's answer.
  if (text === lastPlain) return lastCleaned;
  lastPlain = text;
  lastCleaned = stripLookalikes(text);
  return lastCleaned;
}
let lastPlain = '';
let lastCleaned = '';

/**
 * A switch or a bank at its day's cut-off (ISO 8583 90, "Cut-off in progress", "Bank CBS cutoff is in
 * progress"): it turns requests away until the day's end is done. Its "in progress" is the bank's,
 * not a transaction's: stripLookalikes takes it out before the doubt families read the text, and
 * saysNotProcessed reads it as a request that went nowhere.
 */
const CUT_OFF = folded(/\b(bank (cbs )?)?cut[- ]?(off|over)( (is|was))? (in progress|in process|ongoing|underway)\b/);
const CUT_OFF_EVERYWHERE = new RegExp(CUT_OFF.re.source, 'g');

/** Any of the words stripLookalikes looks for: most texts hold none, and the shared scan says so. */
const LOOKALIKE_WORDS = folded(
  /加紧|加速|통신|异常|network|bank|银行|은행|unknown|勿重复|不要重复|不可重复|no repetir|do not (resend|repeat|resubmit)|maintenance|upgrade|outage|cut[- ]?(off|over)/,
);

function stripLookalikes(text: string): string {
  if (!LOOKALIKE_WORDS.test(text)) return text;
  let t = text;
  if (t.includes('加紧') || t.includes('加速')) t = t.replace(/(正在)?(加紧|加速)(处理|解决)中?/g, ' ');
  if (t.includes('통신')) t = t.replace(/이동 ?통신|통신 ?(사|요금|비|판매|할인)/g, ' ');
  if (t.includes('异常')) t = t.replace(/(状态|配置|签名)异常/g, ' ');
  if (t.includes('network')) t = t.replace(/\b(card'?s|debit|credit|scheme) network\b|\bnetwork tokens?\b/g, ' ');
  // A cut-off (the day's end at a switch or a bank, ISO 8583 90) in progress is the bank's, not the
  // transaction's: it turns requests away until it ends.
  if (t.includes('cut')) t = t.replace(CUT_OFF_EVERYWHERE, 'cutoff');
  if (t.includes('maintenance') || t.includes('upgrade') || t.includes('outage'))
    t = t.replace(/\b(maintenance|upgrade|outage)( work)? (is )?(in progress|ongoing|underway|under way)\b/g, 'maintenance');
  if (t.includes('bank')) t = t.replace(/\bbank (account|card|code|name|details|transfer)s?\b/g, ' ');
  if (t.includes('银行')) t = t.replace(/银行(卡|账户|账号|帐户|帐号|口座)/g, ' ');
  if (t.includes('은행')) t = t.replace(/은행 ?계좌/g, ' ');
  // "Do not send it again" (请勿重复送出, no repetir) tells the merchant not to retry a final
  // answer: it names no earlier request.
  if (t.includes('重复')) t = t.replace(/(请勿|勿|不要|不可)重复(送出|提交|发送|交易|请求|支付|付款)?/g, ' ');
  if (t.includes('no repetir')) t = t.replace(/\bno repetir\b/g, ' ');
  if (t.includes('do not')) t = t.replace(/\bdo not (resend|repeat|resubmit)\b/g, ' ');
  // A value the provider does not recognise (an unknown BIN, card, currency, user name or merchant;
  // "Merchant ID unknown", a nonce unknown) is no unknown result; but where "unknown" ends "result
  // unknown" or "status unknown", or names a transaction's id, or begins "unknown status" after the
  // value's name ("card unknown status"), that doubt stands.
  if (t.includes('unknown'))
    t = t.replace(
      /\b(?:bin|card|card type|card brand|issuer|merchant|merchant ?id|merchant code|currency|country|terminal|terminal ?id|field|parameter|payment method|user|username|customer|account|api ?key|store|store ?id|shop|shop ?id|e-shop|client ?id|app ?id|payee|payer|beneficiary|device|command|nonce|channel)s? (?:is |was )?unknown\b(?! (?:result|status|outcome|state|response)\b)|(?<!\b(?:result|status|outcome|state|response) )\bunknown (?:(?:bin|card|card number|card type|card brand|brand|issuer|merchant|currency|country|terminal|field|parameter|method|payment method|payment type|user|username|user name|customer|password|account|api key|key|store|shop|e-shop|payee|payer|beneficiary|device|command|nonce|channel)s?|(?!(?:error|result|status|outcome|state|response)\b)(?:[a-z]+ ){1,2}(?:field|parameter|currency ?code|country ?code|merchant|username|user name|password|terminal|account|api key)s?)\b/g,
      ' ',
    );
  return t;
}

/** Any of the words withoutLookups looks for: most texts hold none, and the shared scan says so. */
const LOOKUP_WORDS = folded(/query param|조회/);

/**
 * Words that look like a status query but are not one, taken out before the status-query rule
 * reads the text: a query parameter of an HTTP request, and a lookup (조회) of something the
 * payment needs (a card, an account, a merchant, a customer, a billing key), which fails the
 * payment before any money moves. A bare 조회, or one of a transaction or its status, still counts.
 */
function withoutLookups(text: string): string {
  if (!LOOKUP_WORDS.test(text)) return text;
  let t = text;
  if (t.includes('query param')) t = t.replace(/\bquery param(eter)?s?\b/g, ' ');
  if (t.includes('조회')) t = withoutOtherLookups(t);
  return t;
}

/** The words of a transaction or its state: a 조회 (lookup) of one of them is a status query. */
const TRANSACTION_WORD = /(거래|결제|주문|상태|승인|결과|거래내역|결제내역|트랜잭션|transaction|order|payment|status|tid)$/;
/** A card that cannot be looked up (조회 불가능 카드, 조회불가카드): the card is turned away, no status asked. */
const CARD_NOT_LOOKED_UP = /^ ?불가(능)?(한)? ?카드/;
/** How far back the word before a 조회 is read, in characters. */
const LOOKUP_OBJECT = 16;

/**
 * Each 조회 taken out where the word before it names something else (카드번호 조회, CPID조회, VAN관리
 * 조회, 가맹점번호 조회: a card, a key, a setting), so that only a bare 조회 or one of a transaction or
 * its state (원거래상태조회, 거래 조회) is left for the status-query rule. Each is read back at most
 * LOOKUP_OBJECT characters, so the text is read in linear time.
 */
function withoutOtherLookups(text: string): string {
  let out = '';
  let from = 0;
  for (let at = text.indexOf('조회'); at >= 0; at = text.indexOf('조회', at + 2)) {
    // The word before: letters or digits, directly before 조회 or before one space.
    let end = at;
    if (end > 0 && text.charCodeAt(end - 1) === 32) end--;
    let start = end;
    while (start > 0 && end - start < LOOKUP_OBJECT && isWordChar(text.charCodeAt(start - 1))) start--;
    const cardRefused = CARD_NOT_LOOKED_UP.test(text.slice(at + 2, at + 2 + LOOKUP_OBJECT));
    if (!cardRefused && (start === end || TRANSACTION_WORD.test(text.slice(start, end)))) continue;
    out += `${text.slice(from, at)} `;
    from = at + 2;
  }
  return from === 0 ? text : out + text.slice(from);
}

function isWordChar(c: number): boolean {
  return (c >= 0xac00 && c <= 0xd7a3) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95;
}

/** The first doubt family that holds whether or not money moves (in flight, paid, created …). */
function settledDoubtIn(text: string): Doubt | undefined {
  const t = withoutLookalikes(text);
  for (const d of DOUBTS) if (!d.moneyInDoubt && says(d, t)) return d;
  return undefined;
}

function says(d: Doubt, t: string): boolean {
  return ((d.re?.test(t) ?? false) || (d.also?.(t) ?? false)) && !(d.unless?.(t) ?? false);
}

/**
 * One pass over the doubt families for both doubt rules: the first money-in-doubt family (when the
 * money check applies) and the first family of any kind (when the guard does). The money rule is
 * checked first, so a money family found anywhere wins over an earlier in-flight one.
 */
function doubtsIn(text: string, money: boolean, any: boolean, except?: string): { money?: Doubt; any?: Doubt } {
  const t = withoutLookalikes(text);
  let first: Doubt | undefined;
  for (const d of DOUBTS) {
    if (d.family === except) continue;
    if (!d.moneyInDoubt && (!any || first !== undefined)) continue;
    if (d.moneyInDoubt && !money && first !== undefined) break;
    if (!says(d, t)) continue;
    if (money && d.moneyInDoubt) return { money: d };
    if (any && first === undefined) {
      first = d;
      if (!money) break;
    }
  }
  return { any: first };
}

/**
 * True when no word of the text hints that the money may be in doubt: no doubt family (a timeout,
 * a system or network fault, a duplicate, an unknown result, a payment in flight or created …),
 * no error or abnormality of any kind except one in a named field of the request ("amount error",
 * 参数错误: a request to fix), and nothing the provider could not find (which may exist yet).
 * What doubt the model still sees there comes from what it has not learned, not from the words.
 */
export function saysNoDoubt(text: string, flow?: Flow): boolean {
  // The classifier asks of one text with its flow, the safety rules without one: both answers are
  // kept for the last text, so that neither asking throws the other's away.
  if (text !== noDoubtText) {
    noDoubtText = text;
    noDoubtAnyFlow = undefined;
    noDoubtOnEarlier = undefined;
  }
  // On a refund, a cancellation or a capture, the transaction not found is the earlier one, which
  // this request could not act on: it moved nothing (ON_EARLIER).
  if (flow !== undefined && ON_EARLIER.has(flow)) {
    noDoubtOnEarlier ??= !(ABNORMAL.test(text) && !onlyFieldErrors(text)) && !hasDoubtWords(text, 'not-found');
    return noDoubtOnEarlier;
  }
  noDoubtAnyFlow ??=
    !((ABNORMAL.test(text) && !onlyFieldErrors(text)) || (NOT_FOUND.test(text) && !onlyCredentialsNotFound(text))) && !hasDoubtWords(text);
  return noDoubtAnyFlow;
}
let noDoubtText: string | undefined;
let noDoubtAnyFlow: boolean | undefined;
let noDoubtOnEarlier: boolean | undefined;

/**
 * What is not found is only the integration's own key or id ("API key not found", "No such API key",
 * "APPID does not exist", 商户号不存在), or a party or an instrument the request names: an account, a
 * card, a customer, a wallet, a mandate ("No such account", "Customer does not exist"). The caller
 * was turned away before anything ran, so the words say nothing of a payment that may be missing.
 */
function onlyCredentialsNotFound(text: string): boolean {
  const rest = text.replace(CREDENTIALS_EVERYWHERE, ' ').replace(PARTY_NOT_FOUND_EVERYWHERE, ' ');
  return rest !== text && !NOT_FOUND.test(rest);
}

/** A party or an instrument of the request not found (onlyCredentialsNotFound): not the payment itself. */
const PARTY_NOT_FOUND = folded(
  /\b(no such|unknown|nonexistent|non-existent) (bank account|account|card|customer|user|payer|payee|beneficiary|recipient|wallet|mandate|subscriber|cardholder|(card |payment )?token)s?\b|\b(bank account|account|card|customer|user|payer|payee|beneficiary|recipient|wallet|mandate|subscriber|cardholder|(card |payment )?token)s?( (number|no|id))? (was |is |were |are )?(not found|(does|do) not exist|not exist)\b/,
);
const PARTY_NOT_FOUND_EVERYWHERE = new RegExp(PARTY_NOT_FOUND.re.source, 'g');

/**
 * The text says the payment was declined, or names why the buyer's card or account could not pay
 * (no funds, expired, over its limit, a card or account number, CVV or PIN given wrong), or says the
 * customer's own check failed (3-D Secure, a one-time password, a PIN: 인증 실패, 認証に失敗, 认证失败):
 * the authorisation ran and was refused. Not "not declined", nor an access or a permission denied
 * (访问拒绝), nor a user's or an API's authentication failed, which refuse the call, not the payment. Whether a word of doubt stands beside it
 * ("declined: timeout") is saysNoDoubt's to say.
 */
export function saysDeclined(text: string): boolean {
  return DECLINED.test(text) || DECLINE_REASONS.some((p) => p.test(text)) || CARD_REFUSED.some((p) => p.test(text));
}

/**
 * The text says the payment, the order or the time to pay has run out ("Transaction Expired",
 * "The payment deadline has expired", 订单已过期, 已失效, 支払期限を過ぎています, 입금기한 만료): a
 * final state, in which the money did not move, and the customer may pay again. Read only where no
 * word of doubt stands beside it (a time-out of the request is saysNoDoubt's), and not a refund's,
 * a capture's or a cancellation's window ("Refund window has expired"), which is the merchant's.
 */
export function saysExpired(text: string): boolean {
  return EXPIRED.test(text) && !OPERATION_WINDOW.test(text);
}

/**
 * An expiry stated as the whole reason, in a sentence's length ("Transaction expired", "Cobrança
 * vencida", 付款碼已失效): the order or the time to pay ran out, which says why the payment failed
 * as a decline's named reason does (saysDeclineReason), and the customer pays again. Not beside a word
 * of failure or error ("세션아이디 만료 변경이 실패하였습니다": something else failed), nor in a longer
 * text, where the time that ran out may be the one the system had to answer in.
 */
export function saysExpiryReason(text: string): boolean {
  return saysExpired(text) && briefEnough(text) && !FAULT_WORD.test(text) && (PAYMENT_NAMED.test(text) || TO_PAY.test(text));
}

/**
 * What a customer pays with or by, which may run out: an order, an invoice, a request to pay, a code
 * or a link, a session, the time or the period to pay, a card. Not a user's details, a certificate or a key
 * (만료된 사용자 정보입니다, "expired user information", which Danal's table reads as an internal error).
 */
const TO_PAY = foldedAlone(
  /\b(order|invoice|bill|request|code|qr|link|session|deadline|period|window|time|operation|operação|operación|cobrança|cobro|card|funding instrument)s?\b|期限|期间|期間|기한|기간|订单|訂單|缴费|繳費|付款码|付款碼|支払|コード|주문|카드|卡|カード|시간|时间|時間/,
);

const FAULT_WORD = foldedAlone(/\b(fail|failed|failure|fails|error|errors)\b|실패|오류|失败|错误|失敗|エラー/);

/** A refund's, a capture's or a cancellation's window, which is the merchant's: not the customer's to pay. */
const OPERATION_WINDOW = folded(
  /\b(refunds?|captures?|cancel|cancellation|void|reversal|pre-?auth|pre-?authori[sz]ation|authori[sz]ation|dispute|chargeback|devoluci[oó]n|reembolso|cancelaci[oó]n|anulaci[oó]n|preautorizaci[oó]n|autorizaci[oó]n)\b|退款|撤销|撤銷|请款|請款|预授权|預授權|返金|取消|キャンセル|オーソリ|与信|환불|취소|매입/,
);

const EXPIRED = folded(
  /\b(expired?|expiration)\b|\b(payment|time|session) (window|deadline|time limit|limit) (has )?(passed|elapsed|expired)\b|过期|過期|已失效|逾期|期限切れ?|期限(を|が)(過ぎ|切れ|超過)|(기한|기간)[이가]? ?(만료|경과|초과)|만료|\b(vencid[oa]|expirad[oa]|caducad[oa]|expirou|expirada)\b/,
);

/**
 * What the card or account itself cannot do, as tables word it without the word "declined": a card
 * type not accepted, an account closed or blocked, the address or security code not matching, a
 * 3-D Secure check failed, a daily or usage limit reached, an issuer that does not allow the payment.
 * Not an API key or a signature that fails to verify, nor a rate limit: those refuse the call; not
 * the merchant's or the payee's account restricted, which is the merchant's to fix.
 */
const CARD_REFUSED: readonly GatedPattern[] = [
  folded(
    /(?<!\b(merchant|payee|seller|store|shop|partner|platform|api) )\b(card|cards|card type|card brand|account|bank account)( type)? (is |was |has been )?(not (accepted|supported|allowed|permitted)|unsupported|closed|blocked|frozen|restricted|suspended|inactive|cancell?ed|disabled|deactivated|paused|locked)\b|\b(closed|blocked|frozen|restricted|inactive|suspended|lost|stolen) (card|account)\b(?! (of|for) the (merchant|payee|seller))|\b(avs|address|post ?code|postal code|zip|zip code|cvv2?|cvc2?|cid|card verification (number|value|code))( check)? (not matched|mismatch(ed)?|failed|did not match|does not match)\b|\b(3-?d ?secure|3ds|cardholder authentication|payer authentication)( check)? (failed|failure|unsuccessful)\b|\bcardholder failed\b|\b(daily|monthly|weekly|transaction|activity|count|frequency|usage|withdrawal)( count| amount)? limits? (exceeded|reached)\b|\bover (the )?(daily|monthly|weekly) limit\b|\bexceeds? (the )?(withdrawal|daily|issuer|approved)( value| amount| frequency)? limits?\b|\bcredit limit\b|\b(issuer|issuing bank) (does not|doesn't) (allow|permit|support)\b|\b(not|no) (allowed|permitted|authori[sz]ed) (for|to|al|para) (the |this |your |el |la |o |a )?(cardholder|card ?holder|card|tarjetahabiente|titular)\b|\bcard (is |was )?(not|no) (authori[sz]ed|enabled|activated|allowed|permitted) (for|to|para|on|in)\b|\b(account|holder|beneficiary|payer|payee|card ?holder)('?s)? name (mismatch(ed)?|(does not|doesn't|did not) match)\b|\bno card record\b/,
  ),
  folded(
    /(卡|卡片|账户|账号|帐户)(已)?(被)?(冻结|挂失|注销|销户|止付|失效|锁定)|(超过|超出)(单笔|单日|日累计|月累计|每日|交易)?(限额|额度)|(해지|정지|분실|도난|사고|거래 ?정지) ?(카드|계좌)|잔고 ?부족|(카드|계좌)[가이는은]? ?(해지|정지|분실|도난)|(カード|口座)(が|は)?(無効|停止|解約|利用停止)|限度額/,
  ),
  // The same reasons in the other order, or in the words of a wallet ("Exceeded user daily
  // transaction limit", "Your request has failed the AVS check", "User wallet is frozen",
  // "Referred by card issuer", "Payer not enrolled", "make sure you have enough funds on your card").
  folded(
    /\bexceed(s|ed)? (the )?(user |customer |card |cardholder |account |wallet )?(daily|monthly|weekly|per[- ]transaction|single)( transaction| withdrawal| amount| count)? limits?\b|\bfailed (the )?(avs|cvv2?|cvc2?|address|3-?d ?secure|3ds)( verification| check)\b|\b(e-?)?wallet (is |was |has been )?(frozen|blocked|suspended|closed|locked|restricted|inactive|disabled)\b|\breferred by (the |your )?(card )?issu(er|ing bank)\b|\b(card|cardholder|payer|customer)( account)? (is )?not (enrolled|registered)\b|\benough (funds|balance|money|credit) (on|in) (your|the) (card|account|wallet)\b|\bcardholder not (allowed|permitted)\b|\bcuenta (bancaria )?(cancelada|cerrada|bloqueada|inexistente|inv[aá]lida|no v[aá]lida|inactiva|suspendida|embargada|congelada|inhabilitada|restringida)\b/,
  ),
  // The customer's or the payee's account that does not exist or is invalid ("No such account",
  // "Account number does not exist"); not the merchant's, a platform's or an API's.
  folded(
    /(?<!\b(merchant|payee|seller|store|shop|partner|platform|api|sub) )\b(no such|nonexistent|non-existent|unknown|invalid) (bank )?account\b(?! (id|key|type|holder name))|(?<!\b(merchant|payee|seller|store|shop|partner|platform|api|sub) )\b(bank )?account( number)? (does not exist|not found|is invalid|invalid|is not valid|nonexistent|non-existent|inexistent)\b/,
  ),
  // The one to call or what to use instead, in a sentence of its own ("Please contact your bank to
  // enable international transactions", "Please have cardholder call the number on the back of the
  // card", "Please use an alternative payment method"), and as a glossary writes Turkish and
  // Portuguese ("bank call", "contact com o issuer").
  folded(
    /\b(call|contact)( with| com)? (the |your |o )?(card'?s? )?bank\b|\bcontact com (the |o )?issuer\b|\b(bank|issuer) call\b|\bcall the (phone |telephone )?number on the back of (the|your|their) card\b|\b(use|choose|select|try) (an |the )?(alternative|another|other|different) (payment method|payment option|card|form of payment|means of payment|method of payment)s?\b|\b(utilice|use|usa|intente con|pruebe con) (otra tarjeta|otro medio de pago)\b/,
  ),
  // Korean tables say what the card, the phone or the account cannot do in a few words: a limit of
  // any kind exceeded (일 한도횟수 초과), approval or use not possible (승인불가, 할부 불가, 사용불가),
  // a balance or a record short (포인트 미달, 수수료 부족), use suspended, a call to the issuer
  // (전화요망). Not a merchant that cannot take the card (사용불가 가맹점): that is the merchant's.
  folded(
    /한도[가-힣]{0,4} ?초과|(승인|거래|사용|이용|결제|할부) ?불가(?!능?한? ?가맹점)|전화 ?요망|(잔액|포인트|실적|수수료|잔고) ?(부족|미달)|(사용|이용) ?정지|미수령/,
  ),
];

/** The bare verbs of a decline: it was refused, and no more is said (see DECLINE_REASONS). */
const DECLINED = folded(
  /(?<!\bnot |\baccess |\bpermission )\b(declined?|refused|rejected|denied)\b|\bnot (been )?approved\b|\bunable to approve\b|\b(could|can) ?not be (charged|approved|authori[sz]ed)\b|\b(do not|don't) honou?r\b|(交易|支付|付款|授权|授權|扣款|银行|銀行|发卡行|發卡行)被?拒[绝絕]|拒[绝絕](交易|支付|付款|授权|授權|扣款)|不予承兑|被拒[绝絕]?|拒否されました|承認されませんでした|与信(が|は)?(ng|否決|不可)|거절|\b(rechazad[oa]|denegad[oa]|declinad[oa])\b|\bdenegaci[oó]n\b/,
);

/**
 * The decline's words that say why: the funds, the balance or the limit short, the card expired,
 * closed or blocked, its number, CVV, PIN or expiry given wrong, the customer's own check
 * failed, the issuer to be called. Not the bare verbs of a decline (DECLINED: declined, refused,
 * rejected, denied, do not honour, 拒绝, 拒否, 거절, rechazada, 与信NG), which say only that it was
 * refused, nor a card lost or stolen (NOT_THE_CARDHOLDERS).
 */
export function saysDeclineReason(text: string): boolean {
  return (DECLINE_REASONS.some((p) => p.test(text)) || CARD_REFUSED.some((p) => p.test(text))) && !NOT_THE_CARDHOLDERS.test(text);
}

/**
 * A card lost, stolen or to be picked up, or a fraud: the reason is named, but the one paying may
 * not be the card's holder, so nobody is to be asked (the catalog stops there).
 */
const NOT_THE_CARDHOLDERS = folded(/\b(lost|stolen|pick ?up|fraud|fraudulent)\b|분실|도난|挂失|遗失|被盗|盗难|紛失|盗難/);
const DECLINE_REASONS: readonly GatedPattern[] = [
  folded(
    /\b(insufficient|not sufficient) (funds|balance|credit)\b|\b(funds|balance|credit|limit)( [a-z0-9]+){0,3} (insufficient|not sufficient)\b|\b(expired card|card (has )?expired|card is expired)\b|\b(call|contact|refer to) (the |your )?(card )?issu(er|ing bank)s?\b|\bover (the )?(credit )?limit\b|\b(credit|card|spending|withdrawal|amount) limit (exceeded|reached)\b|\bexceeds? (the )?(credit|card|spending|withdrawal) limit\b|\b(invalid|incorrect|wrong|bad) ((credit |debit )?card number|card no|cvv2?|cvc2?|pin|security code|(card )?expiry date|(card )?expiration date|(bank )?account number)\b|\b(invalid|incorrect|wrong) card\b(?!['’]| (token|id|network|company|brand|type|data|parameter|object|program|product|reference|acceptor))|\bcard (is |was )?(invalid|not valid|no valid|nonexistent|non-existent|inexistent)\b|\bnot enough (funds|balance|money|credit)\b|\b(funds|balance) (is |are |was |were )?not enough\b|\b(cvv2?|cvc2?|pin|security code|card number|expiry date|expiration date|account number)( number| code)?( is| was)? (mismatch(ed)?|incorrect|invalid|wrong|error)\b|\bpin (tries|attempts) exceeded\b|\b(invalid|incorrect|wrong) (otp|one-time password|sms code|passcode)\b|\b(otp|one-time password|sms code|passcode)( entered)?( is| was)? (invalid|incorrect|wrong)\b|(?<!\b(user|api|merchant|client|partner|app) )\b(authentication|3-?d ?secure|3ds|otp|pin|passcode|one-time password|sms code)( check| verification)? (failed|failure|unsuccessful)\b/,
  ),
  // The same reasons in Chinese, Japanese and Korean.
  folded(
    /(联系|联络|洽询|请洽)(发卡行|发卡银行|发卡方|发卡机构)|(카드사|카드 ?발급사|발급 ?은행)(로|에|에게)? ?(문의|연락)|(カード会社|カード発行会社)(に|へ|まで)(お)?(問い?合わせ|問合せ|連絡)|与(发卡行|发卡银行|发卡方)联系|余额不足|餘額不足|额度不足|額度不足|(信用|可用)额(度)?不足|卡片(错误|无效)|无效(的)?卡(?!号|片号|类型|种)|超过额度|超過額度|卡已过期|卡已過期|カード(では|は|で)?(ご)?(利用|使用)(いただけません|できません|不可)|カードでは取引(を)?(する事|すること)が(出来|でき)ません|不正な(カード番号|暗証番号|セキュリティコード|有効期限)|残高不足|限度額(超過|オーバー)|(사용|이용)(할 수 없는|불가능한?|불가) ?카드|카드[는가은]? ?(사용|이용)(할 수 없|불가)(?!능?한? ?가맹점)|(정지|분실|도난)(된)? ?카드|잔액 ?부족|한도 ?초과|유효기간 ?(만료|경과)|卡号(错误|无效|不正确)|(cvv2?|cvc2?|安全码) ?(检核|核对|校验|验证)?(错误|不正确|有误|不符)|密码(错误|不正确)|(カード番号|暗証番号|セキュリティコード|有効期限)(が|に|の)?(正しくありません|誤り|誤って|エラー|不正)|(카드 ?번호|비밀 ?번호|유효 ?기간|cvc) ?(오류|불일치|틀림)|인증 ?실패|인증에 실패|認証(に|が)?失敗|认证失败/,
  ),
  // And in Spanish, which the rules read as it stands.
  folded(
    /\b(fondos|saldo|crédito|credito|disponible|cupo|límite|limite) insuficientes?\b|\btarjeta (vencida|expirada|caducada|inhabilitada|deshabilitada|bloqueada|cancelada|suspendida|restringida)\b|\bexcede (el )?l[ií]mite\b|\b(número de tarjeta|tarjeta|cvv|pin) (inválid[oa]|incorrect[oa])\b/,
  ),
];

/**
 * On a refund, a cancellation or a capture, the text says the earlier transaction it names was not
 * found ("Original transaction not found", 原交易不存在, "The payment intent cannot be found"): the
 * request names what does not exist, and moved nothing (ON_EARLIER). The integration is to fix the
 * reference, as it fixes any request turned away as it stood.
 */
export function saysEarlierNotFound(text: string, flow: Flow | undefined): boolean {
  return flow !== undefined && ON_EARLIER.has(flow) && NOT_FOUND.test(text);
}

/**
 * On a refund, a cancellation or a capture, the text says the amount asked for is more than the
 * earlier transaction leaves ("Refund amount exceeds the refundable amount", "El importe a devolver
 * supera el permitido", 返金可能額を超えています): the request asked too much and moved nothing, and
 * the merchant is to fix the amount. Not on a payment or a payout, where an amount over a limit may be
 * the card's or the payee's.
 */
export function saysAmountOverEarlier(text: string, flow: Flow | undefined): boolean {
  return flow !== undefined && ON_EARLIER.has(flow) && AMOUNT_OVER.test(text);
}

const AMOUNT_OVER = folded(
  /\b(amount|importe|monto|valor|montant|betrag)( [a-z]+){0,3} (exceeds?|exceeded|is greater than|is more than|is larger than|is higher than|supera|excede|dépasse|é maior que|es mayor que|übersteigt)\b|(金额|金額|额|額)(は|が)?(超过|超出|超限|大于|大於|を超え|超え|上回)|금액[이가을를]? ?(초과|큽니다)/,
);

/**
 * The text says the request was turned away as it stood: a parameter, a field, a key, a signature
 * or the credentials missing or invalid. The provider checked the request before doing anything
 * with it; the integration is to fix it. Not a transaction id or an order number given wrong, which
 * may be a payment the provider cannot find.
 */
export function saysRequestInvalid(text: string): boolean {
  return REQUEST_INVALID.test(text) || VALIDATION.some((p) => p.test(text));
}

/**
 * The text says the merchant's account, or a product, method or operation on it, is not set up for
 * the request: not activated, not enabled, not permitted, no permission (商户未开通该支付产品, 权限不足,
 * "Payment method disabled", "The merchant is not activated"), or the merchant's account closed,
 * locked or restricted (namesMerchantsAccount). The provider turned the request away
 * before anything ran, as it turns away an invalid one: the merchant is to fix the account. Not a
 * service or a channel "not available", which is an outage, nor a card or a cardholder not
 * permitted, which is the issuer's word on the payment.
 */
export function saysNotSetUp(text: string): boolean {
  return NOT_SET_UP.some((p) => p.test(text)) || MERCHANTS_ACCOUNT.test(text);
}

const NOT_SET_UP: readonly GatedPattern[] = [
  // The integration's own permission, device, client or application switched off ("Merchant refund
  // permission is disabled", "The device has been disabled", "The provided client has been
  // disabled"): not a card's or a customer's account, which are the issuer's word on the payment.
  folded(
    /\b(permissions?|devices?|clients?|integrations?|api access|applications?|plugins?|webhooks?|endpoints?)( [a-z]+){0,2} (is|are|was|were|has been|have been) (disabled|deactivated|revoked)\b/,
  ),
  folded(
    /\b(merchant|merchants|merchant account|account|store|shop|terminal|api user|partner|app|application|sub-?merchant)( account)? (is |was |has )?(not (been )?(activated|enabled|configured|registered|set up|setup|onboarded|authori[sz]ed to)|inactive|deactivated|disabled)\b|\b(payment method|payment type|payment product|product|service|feature|function|operation|transaction type|method)s? (is |are |was |has been )?(not (been )?(enabled|activated|configured|opened|subscribed|contracted)|disabled)\b|\b(insufficient|no|missing) (permissions?|privileges?|access rights)\b|\bpermission denied\b|\b(do|does|did) not have (the )?(appropriate |required |necessary |sufficient )?(permissions?|privileges?|access)\b/,
  ),
  folded(
    /(?<!(卡|卡片|账户|帐户|账号|帐号|用户|客户|买家|付款人)(已经|已|尚|还)?)未(开通|开启|签约|激活|授权|启用)|权限不足|无权限|没有权限|无(此|该)?(操作|接口|交易)?权限|(商户|商家)(状态)?(异常|未激活|已冻结|已停用|已关闭|不可用)/,
  ),
  folded(/権限がありません|権限不足|(ご?契約|登録|利用登録|設定)されていません|契約がありません|(利用|使用)(権限|許可)がありません/),
  folded(
    /권한(이)? ?(없|부족)|미등록 ?(가맹점|서브몰|하위 ?가맹점)|(?<!사용 ?)불가(능)? ?가맹점|서비스 ?개시일|가맹점[이가은는]? ?(미등록|사용 ?중지|해지|정지|미승인)|(서비스|결제 ?수단)[이가]? ?(미등록|미계약|미신청)|계약(이)? ?(되어 있지 않|없)/,
  ),
];

// The integration's own credentials not found, unknown, revoked or wrong ("No such API key",
// "APPID does not exist", "Merchant ID not found", "client id or secret is wrong", 商户号不存在):
// the provider turned the caller away before anything ran. Not a password, which may be the
// customer's, nor a token, which may be a card's.
const CREDENTIALS_WRONG = folded(
  /\b(api[ -]?keys?|(secret|access|private|public|client|merchant|partner|app|shop|store|terminal|signing) (keys?|secrets?|ids?)|secrets?|client ?ids?|merchant ?ids?|app ?ids?|appid|terminal ?ids?|credentials?)( (provided|given|specified|supplied|used|sent))?( (is|was|were|are|has been|have been))? (not found|(does|do) not exist|not exist|not recogni[sz]ed|unknown|unrecogni[sz]ed|revoked|wrong|incorrect|not correct)\b|\b(no such|unknown|unrecogni[sz]ed|nonexistent|non-existent) (api[ -]?keys?|(secret|access|private|public|client|merchant|partner|app|shop|store|terminal|signing) (keys?|secrets?|ids?)|secrets?|client ?ids?|merchant ?ids?|app ?ids?|appid|terminal ?ids?|credentials?)\b|(appid|app ?id|商户号|商户编号|终端号|密钥|秘钥|api ?key)(不存在|不正确|错误)/,
);
/** CREDENTIALS_WRONG wherever it stands, to take out before the words of something not found are read (onlyCredentialsNotFound). */
const CREDENTIALS_EVERYWHERE = new RegExp(CREDENTIALS_WRONG.re.source, 'g');

/**
 * A validation message, as APIs word them whatever the field is named: "X is invalid", "X is
 * required", "X must be numeric", "X cannot exceed 365 days", "X_IS_TOO_LONG", "Failed to parse
 * X"; 값이 올바르지 않습니다, 잘못된 요청, 필수 값, X 누락 (but not a deposit or a payment gone
 * missing), X 미입력, X가 잘못되었습니다, X 불일치, X 상이, X 틀림 or 틀립니다 (X does not match, differs,
 * is wrong: a mismatch with an earlier request or with what came back is the inconsistent family's
 * doubt, which saysNoDoubt reads first), X가 유효하지 않습니다 (X is invalid, as English says it of any
 * X; not a response's message, 응답전문, which came back after the request was sent); Xが不正です, 必須です,
 * Xの書式が正しくありません (X's format is not right: a form's validation message; not a bare
 * "incorrect", which may be a mismatch with an earlier request); 不能为空, 不可空白, 必填. The field is anything:
 * the words that give the rule say how the request broke it. Not a bare "parameter error"
 * in any language (入力パラメータエラー, 参数错误): GMO-PG's table prints it under an order id already
 * used and a transaction not found, which may be payments. Nor a bare "format error" in English or
 * Chinese (格式错误): a message's format on the network as often as the request's (Danal 806 "Format
 * Error", which the catalog reads as the channel's). Korean tables print 포맷오류 and 형식에러 under
 * a field of the request (포맷오류(ord_data.buyr_mail)) or the request's own message (전문), and a
 * response's with its word (응답 전문): those are read. One pattern per language keeps each small
 * enough for the ReDoS check to read.
 */
const FIELD_ONLY = folded(/^(invalid|missing) [a-z][a-z0-9]*( [a-z0-9]+){0,4}\.?$|^[a-z][a-z0-9]*( [a-z0-9]+){0,4} (required|missing)\.?$/);
/**
 * What FIELD_ONLY names that is no field of the request: a response, a result or a status, which
 * came back after the request was sent ("Invalid response" is the network's); a transaction, which
 * ISO 8583 tables print for a card not allowed it; the card's or the account's own data, which the
 * customer typed (DECLINE_REASONS); a request's, an order's or a payment's id, which may be one the
 * provider cannot find; or the words of validation themselves ("Invalid invalid").
 */
const NOT_A_REQUEST_FIELD = foldedAlone(
  /^(invalid|missing) (invalid|missing|error)\b|^((invalid|missing) )?(response|reply|answer|result|status|state|transaction|txn|life cycle|(credit |debit )?card|cvv2?|cvc2?|pin|mpin|otp|security code|expiry|expiration|account|iban|(request|order|payment|trade|invoice|refund|capture) (id|ids|number|no|reference|ref))\b/,
);

const VALIDATION: readonly GatedPattern[] = [
  folded(
    /(?<![a-z0-9])(is|are|was|were)[ _](not[ _]|either[ _])?(invalid|not[ _]well[ _-]formed|ill[ _-]formed|not[ _]valid|required|missing|malformed|empty|blank|null|too[ _]long|too[ _]short|too[ _]large|too[ _]small|not[ _]numeric|not[ _]a[ _]valid)(?![a-z0-9]|[ _]to[ _])|(?<![a-z0-9])(cannot|can not|must not)[ _]be[ _](blank|empty|null|negative|zero|longer|shorter|greater|less|more|in[ _]the[ _]past)(?![a-z0-9])|\bmust[ _]be[ _](numeric|a[ _]number|an?[ _]integer|positive|greater|less|between|at[ _]least|at[ _]most|in[ _]the[ _]format|a[ _]valid|valid|unique|provided|specified)(?![a-z0-9])|\b(cannot|can not|must not|may not)[ _]exceed(?![a-z0-9])|\bexceeds?[ _](the[ _])?(maximum|max|allowed|allowable)[ _](length|size|number of characters|characters)(?![a-z0-9])|\b(failed|unable)[ _]to[ _]parse(?![a-z0-9])|\b(does not|doesn't)[ _]reference[ _]a[ _]valid(?![a-z0-9])|\b(cannot|can not|should not|must not)[ _]be[ _](sent|specified|changed|provided|left[ _]blank|included|combined)(?![a-z0-9])|\bmust[ _](contain|include|match|have)[ _]|\b(is|are|was|were)[ _]not[ _](provided|specified|supplied|present)(?![a-z0-9])/,
  ),
  folded(
    /값이 ?(올바르지|잘못|유효하지)|유효하지 않은 값|(잘못된|올바르지 않은) 요청|(을|를) 보내지 않|넘어오지 않|필수 ?(값|항목|파라미터|입력)|(?<!(입금|출금|결제|정산|거래) ?)누락|[이가] 잘못 ?(되었|됐|되어|입력)|미입력|입력되지 않았|[가-힣a-z0-9] ?(불일치|상이|틀림|틀립니다|틀렸습니다)|(?<!(응답|수신|회신) ?전문)[이가] ?유효하지 않/,
  ),
  // A field or the request's message (전문) in the wrong format, of the wrong length or kind, or not
  // sent (포맷오류(ord_data.buyr_mail), 전문형식에러, 전문길이오류, 정의되지 않은 전문구분, 가맹점번호
  // 미전송); not a response's or a received message's (응답 전문 포맷 오류), which came back after the
  // request was sent.
  folded(
    /(?<!(응답|수신|회신) ?(전문 ?)?)((포맷|형식|format) ?(오류|에러)|전문 ?(길이|구분|명|종류) ?(오류|에러))|정의되지 않은 전문|미전송/,
  ),
  folded(/(が|は)(不正|未入力|未設定)です|必須です|(形式|フォーマット|書式)(が|は)?正しくありません/),
  // A key, a URL or a secret with a word or two before its name ("Invalid payment access key",
  // "Invalid error URL"); not an id, which may be a transaction's the provider cannot find.
  folded(
    /\b(invalid|missing|malformed|incorrect|wrong|bad)( [a-z]+){1,2} (api keys?|keys?|urls?|secrets?|passwords?|credentials|signature)\b/,
  ),
  // A message that is only a field's name and that it is invalid, missing or required, in two to six
  // words ("Invalid Customer CompanyName", "Missing Merchant Swish Number", "TokenCustomerID
  // Required"): a validation message, whatever the field, unless the field is NOT_A_REQUEST_FIELD's.
  { re: FIELD_ONLY.re, test: (text: string) => FIELD_ONLY.test(text) && !NOT_A_REQUEST_FIELD.test(text) },
  // A value of the wrong type, as typed APIs word it ("The endpoint expected the provided value to be
  // an integer", "Expected a string").
  folded(
    /\bexpected (the )?(provided |given )?(value|field|parameter|input)s? to be\b|\bexpected (a|an) (string|integer|int|number|boolean|bool|array|list|object|float|decimal|date|json object)\b/,
  ),
  // The merchant, store or terminal the request names, invalid or unknown ("Invalid merchant",
  // "Invalid terminal", "Wrong shop number"): the integration's set-up, to fix (all 25 such catalog
  // texts read so).
  folded(/\b(invalid|incorrect|wrong|unknown|bad) (merchant|store|shop|terminal|seller)( (number|no|code|id|account|key))?\b/),
  // A signature or a hash that does not match what the provider computed, and an amount too high or
  // too low for the operation ("Hash value mismatch", "Refund amount too high"): the request as sent.
  folded(
    /\b(signature|sign|hash|checksum|digest|hmac|mac)( value)? (mismatch(ed)?|(does not|doesn't|did not) match|verification failed|check failed)\b|\b(refund |capture |payout |transfer |order )?amount (is |was )?too (high|large|big|low|small)\b/,
  ),
  CREDENTIALS_WRONG,
  // A field named after the word that says what is wrong with it, as logs and SDKs print it.
  folded(/^(required|missing|invalid)( field| parameter| value)? ?: ?[a-z_]/),
  folded(/(不能|不可|不得)(为空|為空|空白)|必填/),
];

const REQUEST_INVALID = folded(
  /\b(invalid|missing|malformed|incorrect|wrong|bad|empty|unsupported|unrecognized|illegal|unknown)( or (invalid|missing|expired))? (api[ -]?keys?|keys?|parameters?|params?|fields?|signature|sign|checksum|hash|digest|credentials?|password|format|values?|input|json|xml|data|request data|request body|headers?|merchant ?id|merchant key|terminal ?id|app ?id|(client|server|access|authentication|auth|private|public|partner|shop|store) (keys?|ids?|secrets?)|store ?id|shop ?id|client ?id|site ?id|((customer|user|merchant) )?(username|user name|login)|secret|api version|version|currency( code)?|amount|url|callback url|notify url|e-?mail|phone number)\b|\b(not enough|insufficient) (parameters|params|fields)\b|\b(api[ -]?keys?|parameters?|params?|fields?|signature|sign|checksum|hash|credentials?|password|format|input|json|(?<!\bcard )data|headers?|merchant id|terminal id|app ?id|secret|currency|amount|url|e-?mail)( is| was| are| were)? (missing|invalid|required|empty|malformed|incorrect|not valid|not provided|not supplied|blank|null|too long|too short|not allowed)\b|\b(validation|verification) (error|errors|failed|failure)\b|\b(signature|sign|hash|hash code|checksum|mac|hmac)( check| verification| validation)? (failed|failure|mismatch(ed)?|does not match|did not match)\b|\b(invalid|malformed|bad) request(?! (id|ids|number|no|reference|token))\b|\b(missing|required) (required )?(parameters?|fields?|values?)\b|(参数|字段|签名|验签|密钥|秘钥|商户号|格式)(不正确|无效|为空|缺失|不能为空|不合法|非法|校验失败|验证失败)|缺少(必要|必填|必须|必选|必需|必传)?的?(参数|字段)|必填(参数|字段|项)|签名(验证)?失败|验签失败|(md5|sha-?\d{0,3}|rsa|hmac)(签名|校验|验证|验签)?(失败|错误|不通过|不一致|不匹配)|(签名|验签)(不通过|不一致|不匹配)|非法(参数|请求|签名)|(パラメータ|パラメーター|項目|署名|形式|フォーマット|apiキー|パスワード|ハッシュ(コード|値)?|チェックサム)(が|の)?(不正|未設定|不足|ありません|無効|不一致)|(署名|ハッシュ(コード|値)?|チェックサム)(が|の)?一致(しません|していません|しない)|必須(項目|パラメータ)|(파라미터|필수 ?값|필수 ?항목|서명|형식|포맷|api ?키|인증 ?키)[이가]? ?(누락|불일치|잘못|유효하지 않)|(위변조|서명|전자 ?서명|해시|해쉬) ?(검증|확인|체크) ?실패|\b(parámetros?|campos?|firma|formato|(clave|llave)( pública| privada| secreta| de api)?|credenciales?|monto|importe|valor|moneda|correo|fecha|datos)( electrónico)? (es |son |está |están |fue |fueron )?(inválid[oa]s?|no válid[oa]s?|incorrect[oa]s?|faltantes?|requerid[oa]s?|obligatori[oa]s?|vací[oa]s?)\b|^(\d{3} )?(unauthori[sz]ed|unauthenticated|forbidden|access denied)[.!]?$|\bfaltan? (el |los |la |las )?(parámetros?|campos?)\b|\b(datos|parámetros|campos) incomplet[oa]s\b|\b(data|datos|parameters|parámetros|fields|campos|request) (is |are |was |were )?incomplete\b|\bincomplete (data|parameters|fields|request)\b/,
);

/**
 * The text says the request went nowhere: not processed, nothing charged, or turned away by a rate
 * limit ("Too many requests": the call was refused before anything was done; a card's own velocity
 * limit, "decline rate limit", is a decline, not that). Where it says so and no word of doubt stands beside it (a time-out, an unknown result, a duplicate, a payment in flight),
 * a second attempt cannot pay twice.
 *
 * Read wherever "try again" and a doubt both weigh, which is most messages of a log: so its patterns
 * are in the shared scan (folded), which rules them out without running them where their words are
 * absent (run alone, the three after NOTHING_DONE cost about 5 % of classify()).
 */
export function saysNotProcessed(text: string): boolean {
  return (
    (NOTHING_DONE.test(text) ||
      ISSUER_OFFLINE.test(text) ||
      CUT_OFF.test(text) ||
      RETRY_AFTER.test(text) ||
      (MAINTENANCE.test(text) && !USE_ANOTHER.test(text)) ||
      (TRY_LATER.test(text) && OUT_OF_SERVICE.test(text))) &&
    !hasDoubtWords(withoutNothingDone(text))
  );
}

/**
 * A decline that says when to try again ("Retry after 24 hours", a card network's advice; "try again
 * in 5 minutes"): the attempt was refused, and the words set the time for the next. Where a word of
 * doubt stands beside it (an error occurred, a time-out), saysNotProcessed does not read it so.
 */
const RETRY_AFTER = folded(
  /\b(retry|try again|try) (after|in) (\d+|one|two|three|a few|several|an?) ?(seconds?|secs?|minutes?|mins?|hours?|hrs?|days?)\b/,
);

/**
 * A service unavailable turns requests away before it does anything with them; beside an
 * invitation to try again later ("The payment processor is currently unavailable, please try again
 * later", 서비스를 이용할 수 없습니다. 잠시 후 다시 시도해 주세요) the request went nowhere. Alone,
 * "unavailable" may be a gateway's word for a host that did not answer.
 */
const OUT_OF_SERVICE = foldedAlone(
  /\b(unavailable|not available|out of service)\b|\b(is|are) (currently |temporarily )?down\b|暂时无法|暂停服务|服务不可用|服務不可用|이용할 수 없|사용할 수 없|이용이 불가|利用できません|\bno (está |esta |se encuentra )?disponible\b|\bnão (está )?disponível\b|\bindisponível\b/,
);
/**
 * A system closed for maintenance ("System is undergoing maintenance", 시스템 점검중, 系統維護中): it
 * turns requests away before it reads them, with or without a word to try again later (18 of the
 * catalog's 19 such texts read "try again" or "ask the customer"). Not where it sends the customer to
 * another system or method instead (USE_ANOTHER, "타 할인 시스템을 이용해 주시길 바랍니다"): that is the
 * customer's choice, and Danal's row so worded is an internal error.
 */
const MAINTENANCE = folded(
  /\b(under|undergoing|in) (scheduled |system |planned )?maintenance\b|\bmaintenance (in progress|window|mode|time|hours)\b|\bscheduled maintenance\b|점검 ?중|점검 ?시간|维护中|系统维护|維護中|系統維護|メンテナンス中|\ben mantenimiento\b|\bem manutenção\b/,
);
const USE_ANOTHER = foldedAlone(
  /\b(use|choose|select|try) (an|the )?(other|another|different)\b|(타|다른) ?[가-힣 ]{0,16}(이용|사용|선택)|(选择|選擇|使用|改用)(其他|其它)|他の[\u3040-\u30ff\u4e00-\u9fff]{0,8}(を|で)/,
);
/**
 * The card's issuer out of reach (ISO 8583 91, "Issuer unavailable", "Emisor fuera de línea",
 * 發卡銀行無法連線): the authorisation never reached it, so nothing was approved, and card networks
 * class it as a decline to try again later. Not an issuer that did not answer in time: that is a
 * time-out, whose result may yet come.
 */
const ISSUER_OFFLINE = folded(
  /\b(card )?(issuer|issuing bank|emisor|emissor|banco emisor)( bank| system| host| server)? (is |was |are )?(currently |temporarily )?(unavailable|not available|offline|inoperative|unreachable|no disponible|indisponível|fuera (de )?l[ií]nea|fora do ar|fora de linha)\b|\bissuer (or switch )?inoperative\b|(发卡行|發卡行|发卡银行|發卡銀行)(无法连线|無法連線|无法连接|無法連接|不可用)|эмитент недоступен|(カード会社|カード発行会社|発行会社)(の)?(オンライン終了|オンライン停止|閉局|システム停止)/,
);
const TRY_LATER = folded(
  /\b(try|retry|try again|come back) (again )?later\b|\bplease (try|retry) again\b|\b(may|can) (try|retry) (again|later)\b|\btry again (in|after)\b|잠시 ?후|나중에|다시 시도|稍后|稍後|请重试|請重試|しばらく|後ほど|時間をおいて|\bmás tarde\b|\bmais tarde\b|\bintente (de nuevo|nuevamente)\b/,
);

const NOTHING_DONE = folded(
  /\btoo many (concurrent |simultaneous |parallel )?(requests|calls|api calls)\b|(?<!decline )\b(api |request )?rate limit(ed| exceeded| reached)?\b|\brequest limit (exceeded|reached)\b|\bthrottled\b|(请求|调用|查询|访问|操作)(频率|次数)?(过于频繁|太频繁)|(请求|调用|查询|访问)(频率|次数)(超过|超出)了?(限制|上限)|요청이 너무 많|リクエストが多すぎ|リクエスト(数|回数)(が|の)?上限|请求次数(超过|超出|超限|过多)|요청 ?횟수[가를]? ?(초과|한도)|\b(request|payment|transaction|charge|order|operation|it) (was|is|has|were|have) not (been )?(processed|executed|performed|charged|sent|submitted)\b|\bnot (been )?(processed|charged|debited)\b|\bno (money|funds|amount|payment|charge) (was|were|has been|have been|is) (taken|charged|debited|deducted|collected|captured|made|moved|transferred)\b|\bnothing (was|has been|is) (charged|debited|taken|processed)\b|\b(was|were|has|have) not been (charged|debited|deducted)\b|未处理|未受理|未扣款|未扣费|没有扣款|不会扣款|처리되지 않았|처리되지 않습니다|처리하지 않았|출금되지 않았|청구되지 않았|処理されていません|処理は行われていません|処理されませんでした|処理は行われませんでした|\bno (fue|ha sido|se ha) procesad[oa]\b|\bno se (realizó|efectuó|ha realizado) (ningún )?cargo\b|\bnão foi processad[oa]\b/,
);

/** The text without its words of nothing done: "not processed" holds "processed", an in-flight word. */
function withoutNothingDone(text: string): string {
  return text.replace(NOTHING_DONE.re, ' ');
}

/**
 * Whether the words of any doubt family but `except` are in the text. The words, not the rules'
 * exceptions: a timed-out 3-D Secure step stays the customer's step for the timeout rule, but its
 * words still hint that something did not finish.
 */
function hasDoubtWords(text: string, except?: string): boolean {
  const t = withoutLookalikes(text);
  for (const d of DOUBTS) if (d.family !== except && ((d.re?.test(t) ?? false) || (d.also?.(t) ?? false))) return true;
  return false;
}

/**
 * An error in a field of the request ("amount error", 参数错误, 금액 오류, 金額エラー), or the request's
 * own class of error as an API's code names it (BAD_REQUEST_ERROR, an HTTP 400's): the request is
 * to be fixed; the words say nothing of a fault on the way. One pattern per language keeps each
 * small enough for the ReDoS check to read.
 */
const FIELD_ERRORS: readonly GatedPattern[] = [
  folded(
    /\b(amount|currency|params?|parameters?|fields?|format|signature|sign|checksum|hash|mac|headers?|values?|length|date|input|type|json|xml|encoding|validation|verification|card number|cvv|cvc|password|e-?mail|email address|phone number|postal code|zip code|zip|address|name|expiry date|expiration date|installments?|account number|quantity|url|tax|vat|api key|credentials?|merchant id|terminal id|request body|bad request|invalid request|malformed request)( [a-z]+)? error\b/,
  ),
  folded(
    /\berror (in|on|nos|nas|no|na) (the )?(amount|currency|params?|parameters?|fields?|format|signature|sign|checksum|hash|mac|headers?|values?|length|date|input|type|json|xml|encoding|validation|verification|card number|cvv|cvc|password|e-?mail|email address|phone number|postal code|zip code|zip|address|name|expiry date|expiration date|installments?|account number|quantity|url|tax|vat|api key|credentials?|merchant id|terminal id|request body)\b|\berror:? (invalid|missing|wrong|incorrect|bad|malformed) (the )?(amount|currency|params?|parameters?|fields?|format|signature|sign|checksum|hash|mac|headers?|values?|length|date|input|type|json|xml|encoding|validation|verification|card number|cvv|cvc|password|e-?mail|email address|phone number|postal code|zip code|zip|address|name|expiry date|expiration date|installments?|account number|quantity|url|tax|vat|api key|credentials?|merchant id|terminal id|request body)\b/,
  ),
  folded(
    /(金额|参数|格式|签名|验签|检查码|校验码|字段|币种|卡号|日期|长度|类型|验证|校验|密码|手机号|电话号码|邮箱|邮编|地址|姓名|身份证号|账号|帐号|有效期|数量|请求头|报文格式|数据格式|商户号)(信息)?(错误|有误)/,
  ),
  folded(
    /((?<![가-힣])(금액|파라미터|형식|포맷|서명|길이|날짜|일자|카드 ?번호|통화|입력 ?값|필드|비밀번호|데이터 ?형식|유효 ?기간|할부 ?개월|할부|승인 ?번호|이메일( 주소)?|우편 ?번호|주민 ?(등록 ?)?번호|계좌 ?번호|전화 ?번호|휴대폰 ?번호|이름|주소|수량|부가가치세|세금|상품명|코드|설정 ?정보|설정|구분 ?값|구분|값|아이디|시간)|cvc|cvv|id)[이가]? ?(값 ?)?(오류|에러)/,
  ),
  folded(
    /(金額|パラメータ|パラメーター|形式|フォーマット|署名|桁数|日付|カード番号|通貨|入力|項目|有効期限|郵便番号|住所|氏名|電話番号|口座番号|メールアドレス|セキュリティコード|数量)の?エラー/,
  ),
  folded(
    /\berror (en|de) (el cálculo de )?(la |el |los |las )?(monto|importe|parámetros?|formato|firma|campos?|moneda|fecha|longitud|correo|dirección|nombre|cantidad|credenciales|signature)\b/,
  ),
];
const FIELD_ERRORS_ALL = FIELD_ERRORS.map((p) => new RegExp(p.re.source, 'g'));

/**
 * Korean names the field before 오류 (error) whatever it is called (상점키 암복호 오류, 지급계좌오류,
 * 가상계좌 입금예정일 오류): a word of up to eight syllables, read whole. It names a field unless it
 * holds a word of a system, a channel, a processing step, a result or a state (NOT_A_FIELD), or
 * ends in 중 ("during": 확인중 오류 is an error while checking).
 */
const KOREAN_NAMED_ERROR = /(?<![가-힣])([가-힣]{1,8}) ?(오류|에러)(?!응답)/g;
const NOT_A_FIELD =
  /시스템|통신|서버|네트워크|내부|디비|데이터|처리|승인|결제|거래|취소|환불|기타|알수|일시|연동|연결|접속|응답|전문|망|호스트|카드사|은행|기관|전산|장애|프로그램|모듈|발급|매입|정산|요청|인증|조회|원거래|송신|수신|전송|타임|시간|패킷|소켓|결과|상태|중복|한도|잔액|만료|분실|정지|해지|거절|실패|점검|서비스|지연|혼잡|생성|암호화|복호화|변환|전환|저장|삭제|초기화|종료|손실|이상|실행|호출|존재|없음|성공|여부|중$/;

/**
 * A noun that ends as the name of a field does (번호 a number, 코드 a code, 키 a key, 아이디 an id,
 * 일자 a date, 금액 an amount) names one, whatever it starts with: 거래번호 오류 is an error in the
 * transaction number the request carried, not in the transaction.
 */
const FIELD_NOUN = /(번호|코드|키|아이디|일자|금액)$/;

/**
 * Japanese, too, names the field before エラー (error) whatever it is called (磁気ストライプ情報文字数エラー,
 * 加盟店コードエラー): a word of katakana and kanji, read whole. It names a field unless it holds a word
 * of a system, a channel, a transaction, a step or a state; one that ends as a field's name does (番号, コード,
 * 金額, 期限, 桁数) names one all the same.
 */
const JAPANESE_NAMED_ERROR = /(?<![ァ-ヺー一-龯])([ァ-ヺー一-龯]{1,16})の?エラー/g;
// Folded as the text is (fold() writes 認証 as 认证).
const NOT_A_JAPANESE_FIELD = new RegExp(
  fold(
    'システム|通信|取引|決済|排他|送信|受信|送受信|データベース|サーバ|接続|処理|タイムアウト|認証|オーソリ|会社|センター|想定外|内部|その他|セッション|実行|ネットワーク|障害|回線|応答|呼|モジュール|ファイル|二重|重複|状態|結果|承認|売上|取消|返品|登録|更新|生成|暗号|復号|変換|照会|連携|予期|不明|一時|時間|混雑|メンテナンス',
  ),
);
const JAPANESE_FIELD_NOUN = new RegExp(fold('(番号|コード|金額|期限|日付|桁数|文字数|名)$'));

/**
 * The languages that name the field before their word for error, whatever the field is called: the
 * word that marks such an error, the pattern that reads the noun before it, the words that make the
 * noun something other than a field, and the ends that make it a field all the same.
 */
const NAMED_ERRORS: readonly { marks: readonly string[]; re: RegExp; notAField: RegExp; fieldNoun: RegExp }[] = [
  { marks: ['오류', '에러'], re: KOREAN_NAMED_ERROR, notAField: NOT_A_FIELD, fieldNoun: FIELD_NOUN },
  { marks: ['エラー'], re: JAPANESE_NAMED_ERROR, notAField: NOT_A_JAPANESE_FIELD, fieldNoun: JAPANESE_FIELD_NOUN },
];

/** True when every error word of the text names a field of the request. */
export function onlyFieldErrors(text: string): boolean {
  // Asked of one text by saysNoDoubt and again by namesFieldError: the second time gets the answer.
  if (text === fieldErrorsText) return fieldErrors;
  fieldErrorsText = text;
  fieldErrors = readOnlyFieldErrors(text);
  return fieldErrors;
}
let fieldErrorsText: string | undefined;
let fieldErrors = false;

function readOnlyFieldErrors(text: string): boolean {
  // The listed fields' patterns are gated (most texts hold none of their words): the whole-text
  // replacements run only where one of them matched.
  const listed = FIELD_ERRORS.some((p) => p.test(text));
  let named = listed;
  let rest = text;
  if (listed) for (const re of FIELD_ERRORS_ALL) rest = rest.replace(re, ' ');
  for (const n of NAMED_ERRORS) {
    if (!n.marks.some((m) => text.includes(m))) continue;
    rest = rest.replace(n.re, (m, noun: string) => {
      if (n.notAField.test(noun) && !n.fieldNoun.test(noun)) return m;
      named = true;
      return ' ';
    });
  }
  return named && !ABNORMAL.test(rest);
}

/**
 * A field error that names no field: "parameter error", "format error", "invalid request error",
 * 参数错误, 파라미터 오류, 入力パラメータエラー. The request broke a rule, but which is not said, and some
 * tables print such a text under every code they have (GMO-PG's 入力パラメータエラー stands under an
 * order id already used and under a transaction not found).
 */
const UNNAMED_FIELD_ERRORS: readonly RegExp[] = [
  /\b(params?|parameters?|fields?|format|values?|input|type|json|xml|encoding|validation|verification|headers?|data|bad request|invalid request|malformed request) error\b/g,
  /\berror (in|on|nos|nas|no|na) (the )?(params?|parameters?|fields?|format|values?|input|type|json|xml|encoding|validation|verification|headers?|data)\b/g,
  /\berror:? (invalid|missing|wrong|incorrect|bad|malformed) (the )?(params?|parameters?|fields?|format|values?|input|type|json|xml|encoding|headers?|data)\b/g,
  /(参数|格式|字段|类型|验证|校验|请求头|报文格式|数据格式|数据)(信息)?(错误|有误)/g,
  /(?<![가-힣] ?)(파라미터|형식|포맷|입력 ?값|입력|필드|데이터 ?형식|데이터|코드|설정 ?정보|설정|구분 ?값|구분|값)[이가]? ?(값 ?)?(오류|에러)/g,
  /(パラメータ|パラメーター|形式|フォーマット|入力|項目|データ)の?エラー/g,
  /\berror (en|de) (la |el )?(parámetros?|formato|campos?|datos)\b/g,
].map((re) => new RegExp(fold(re.source), 'g'));

/**
 * True when the text names a field of the request that is wrong ("amount error", 우편번호 오류,
 * 金額エラー) and nothing else that is wrong: onlyFieldErrors, less the errors that name no field.
 */
export function namesFieldError(text: string): boolean {
  if (!onlyFieldErrors(text)) return false;
  let rest = text;
  for (const re of UNNAMED_FIELD_ERRORS) rest = rest.replace(re, ' ');
  return rest === text || onlyFieldErrors(rest);
}

/**
 * Korean tables say a field of the request is missing as "X 없음" ("no X": 상점주문번호 없음, 구매 상품
 * 없음, 현금영수증 MID 없음): the request came without it, and the integration is to send it. Read as
 * the named errors are (KOREAN_NAMED_ERROR): the word or two before 없음 name a field unless they hold
 * a word of a transaction, a record, a result or a state (NOT_A_FIELD, and those of MISSING_NOT_A_FIELD),
 * and one that ends as a field's name does (FIELD_NOUN, or a Latin id or key: MID, OID) names one all
 * the same. "원거래 없음" (the original transaction not found), "결제 내역 없음" (no record of the
 * payment) and "성공여부 값 없음" (no value saying whether it succeeded) are not fields: the payment may
 * exist, and they stay in doubt. Read without a pattern: the words are found by position.
 */
export function namesMissingField(text: string): boolean {
  let at = text.indexOf(MISSING);
  if (at < 0) return false;
  while (at >= 0) {
    const noun = missingNoun(text, at);
    if (noun === '' || (NOT_A_FIELD_MISSING(noun) && !FIELD_NOUN.test(noun) && !LATIN_ID.test(noun))) return false;
    at = text.indexOf(MISSING, at + MISSING.length);
  }
  return true;
}
const MISSING = '없음';
/**
 * A transaction, a record, an order, a money movement or a coupon (what the customer pays with): what
 * is missing there may be the payment, or is the customer's, not a field the integration left out.
 */
const MISSING_NOT_A_FIELD = /내역|원장|자료|대상|주문|입금|출금|이체|송금|쿠폰|건$/;
const NOT_A_FIELD_MISSING = (noun: string): boolean => NOT_A_FIELD.test(noun) || MISSING_NOT_A_FIELD.test(noun);
/** A Latin name of an id, a key, a number or a code at the end: MID, OID, EPAYTID, CAS-SEQNO, card_bin. */
const LATIN_ID = /(id|key|no|code|bin)$/;
/** The word or two before `at`, with a particle (이, 가) taken off the last: "카드정보", "구매 상품". */
function missingNoun(text: string, at: number): string {
  let end = at;
  while (end > 0 && text.charCodeAt(end - 1) === 32) end--;
  let start = end;
  let words = 0;
  while (start > 0 && words < 2) {
    const c = text.charCodeAt(start - 1);
    if (c === 32) {
      words++;
      if (words === 2) break;
      start--;
      continue;
    }
    // a word of letters, digits or hyphens; anything else (a bracket, a stop) ends the noun
    if (!((c >= 0xac00 && c <= 0xd7a3) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45)) break;
    start--;
  }
  let noun = text.slice(start, end).trim();
  if (noun.length > 1 && (noun.endsWith('이') || noun.endsWith('가'))) noun = noun.slice(0, -1);
  return noun;
}

/** True when the text says the money moved; a refund counts only on a refund flow. */
export function saysMoneyMoved(text: string, flow: Flow | undefined): boolean {
  // The classifier asks twice of one text (to price a success, then in safetyStep): the second
  // time gets the first's answer.
  if (text === movedText && flow === movedFlow) return moved;
  movedText = text;
  movedFlow = flow;
  // The words that say it come first: most texts have none, and then nothing else need be read.
  if (REFUND_WORD.test(text)) moved = flow === 'refund' && (REFUND_MOVED.test(text) || REFUND_DONE.test(text)) && !NOT_SUCCESS.test(text);
  else moved = MONEY_MOVED.test(text) && !NOT_SUCCESS.test(text);
  return moved;
}
let movedText: string | undefined;
let movedFlow: Flow | undefined;
let moved = false;

/**
 * True when the text names a payment, order or refund and says its money moved ("交易成功", "결제
 * 완료", "refund succeeded" on a refund): a success in so many words, which the classifier may
 * then answer without the caution it keeps for a guess. "The device is approved" names no payment.
 */
export function saysPaymentMoved(text: string, flow: Flow | undefined): boolean {
  return saysMoneyMoved(text, flow) && (PAYMENT_NAMED.test(text) || (MOVED_FIRST.test(text) && !OTHER_APPROVED.test(text)));
}

/**
 * A transaction's own final failure, in words that name it: "Transaction declined", "Order
 * closed", 支付失败, 交易已关闭, 已撤销, 결제 실패, 取引失敗.
 */
const STATE_FAILED = folded(
  /\b(payment|transaction|trade|order|charge|purchase|refund|capture|authori[sz]ation|pago|transacción|pedido)s? (was |has been |is |were |has |have )?(failed|declined|rejected|refused|cancell?ed|voided|closed|expired|reversed|revoked)\b|^(declined|denied|cancel|cancell?ed|voided|expired|reversed|aborted|terminated|abandoned|chargeback|charged back|disputed)( (declined|denied|cancel|cancell?ed|voided|expired|reversed|aborted|terminated|abandoned|chargeback|charged back|disputed))?$|^(rechazad[oa]|denegad[oa]|anulad[oa]|cancelad[oa]|expirad[oa]|vencid[oa]|revertid[oa])$|\b(pago|transacción|transaccion|pedido|orden|operación|compra)e?s? (fue |ha sido |está )?(rechazad[oa]|denegad[oa]|anulad[oa]|cancelad[oa]|fallid[oa]|expirad[oa]|vencid[oa]|revertid[oa])\b|^(取消|撤销|撤銷|过期|過期|キャンセル|キャンセル済み?|取消済み?|期限切れ|취소|만료)$|(支付|付款|交易|订单|扣款|退款|收款)已?(失败|关闭|取消|撤销|过期|冲正)|^已(关闭|撤销|取消|过期|冲正|作废|失效)|(결제|거래|주문|환불)[이가]? ?(실패|거절|취소)|(決済|取引|注文|返金)[がは]?(失敗|キャンセル|取消|拒否)/,
);

/**
 * On the query flow, a text that reports the transaction's own state: a failure ("Transaction
 * declined", 支付失败, 已关闭) or one still open or already settled (未支付, 用户支付中, 转入退款). The
 * status query worked, and the state it found is the answer: the rule for a failed status query
 * does not apply. Not where the text names something not found, or holds a word that the money may
 * be in doubt (a timeout, a system error, an unknown result): those stay unknown.
 */
/** Doubts that leave a request where it stands: no later answer comes of them by itself. */
const STOPPED_FAMILIES: ReadonlySet<string> = new Set([
  'timeout',
  'unknown-result',
  'system-or-network',
  'duplicate',
  'inconsistent',
  'not-found',
]);

function reportsState(text: string, r: Reading): boolean {
  if (NOT_FOUND.test(text) || doubtsIn(text, true, false).money !== undefined) return false;
  return STATE_FAILED.test(text) || saysExpired(text) || settledDoubtIn(text) !== undefined || isTransactionState(r, text);
}

/**
 * Categories whose codes say what became of the transaction (a decline, a card or an account
 * refused, an authentication failed, a cancellation, a dispute, a risk block), not of the request
 * that carried it. A status query's own failure is one of the others: a parameter, a signature, a
 * key, a merchant account, the provider's system, an order it cannot find.
 */
const STATE_CATEGORIES: ReadonlySet<string> = new Set([
  'order_state',
  'customer_choice',
  'risk',
  'issuer_decline',
  'card_account',
  'customer_data',
  'authentication',
  'funds_limits',
]);

/**
 * On the query flow, a reading that is the transaction's own state ("3D Secure authentication
 * failed", "Transaction is marked as chargeback", "オーソリ取消済") is what the query found, in a
 * status table's row. Not the integration's codes in those categories (an order not found, a
 * mismatch), which the query's own request can meet. A reading that would send the customer or the
 * integration to try again stands only where no word of the text hints at doubt.
 */
function isTransactionState(r: Reading, text: string): boolean {
  if (r.category === undefined || !STATE_CATEGORIES.has(r.category) || r.party === 'integration') return false;
  if (r.category === 'funds_limits' && r.party !== 'customer') return false;
  // "Look it up" (a state that does not allow the operation, an order not paid) is what the rule
  // answers anyway; and a code the model only guesses at is no state read in the words.
  if (r.next === 'query' || (r.probability ?? 0) < STATE_READING_PROBABILITY) return false;
  return !isRiskyFailure(r.outcome, r.next) || saysNoDoubt(text);
}

/**
 * The least probability the model gives a reading's code for it to stand as the state a status
 * query found. Its guesses at status words it has not learned (申込済, 消込済, 初始化, 決済依頼済み,
 * read as a risk block or a revoked payment) stay under a fifth; the states it reads in words it
 * knows ("Cancellation", "Authorized amount has been voided", オーソリ取消済) start above a third
 * (on the blind probes; see docs/classifier.md).
 */
const STATE_READING_PROBABILITY = 0.25;

/** Words that turn what came before: "captured, but …", "扣款成功但 …". */
const CONTRAST = folded(/\bbut\b|\bhowever\b|\bexcept\b|但|却|然而|하지만|그러나|지만|ただし|しかし|\bpero\b|\bsin embargo\b/);
/**
 * An earlier attempt: "already paid" answers a second request, whose own result is in question; "the
 * payment of the previous order was successful" speaks of another payment than this one. Not 已 as
 * the last word but one of "退款已成功" (the refund has succeeded), where it marks a thing done.
 */
const EARLIER = folded(/\b(already|previously|previous|prior|earlier|original|first|last)\b|이미|已(?!(成功|完成)([.!。 ]|$))|既に|\bya\b/);
/**
 * Codes whose reading is a request refused because the same operation was done before (a refund of
 * a payment already refunded, a void of one already voided), with the words that name that
 * operation. The taxonomy reads them "failed, stop" on their own flows and looks the result up
 * elsewhere.
 */
const DONE_BEFORE: ReadonlyMap<string, GatedPattern> = new Map([
  ['already_refunded', REFUND_WORD],
  ['already_cancelled', folded(/취소|取消|撤销|撤銷|冲正|沖正|キャンセル|取り?消|\bcancel|\bvoid|\brevers|\banulad|\bcancelad/)],
  ['already_captured', folded(/\bcaptur|请款|請款|매입|売上確定|\bcapturad/)],
]);

/**
 * The reading is such a refusal, and the words name that operation and place its success before
 * this request ("The transaction has already been refunded", 이미 취소 완료 건입니다): the success
 * is the earlier operation's, and this one did nothing, so it is no reason to doubt the refusal. A
 * success of another operation ("交易已被支付", paid, read as already voided) is still one.
 */
function refusedAsDoneBefore(r: Reading, text: string): boolean {
  const operation = DONE_BEFORE.get(r.unified);
  return operation?.test(text) === true && EARLIER.test(text);
}

/** Short enough to say nothing else: a few words, or a short run of CJK. */
const FEW_WORDS = 4;
const FEW_CHARACTERS = 40;

/** At most `words` words and `characters` characters (the text is folded: one space between words). */
function fits(text: string, words: number, characters: number): boolean {
  if (text.length > characters) return false;
  let spaces = 0;
  for (let i = text.indexOf(' '); i >= 0; i = text.indexOf(' ', i + 1)) if (++spaces >= words) return false;
  return true;
}

/**
 * A brief text that says the payment moved ("Payment captured", "決済が承認されました", "The invoice
 * has successfully been paid") and nothing more: no turn, no earlier attempt, no error, nothing not
 * found, no part of the amount, no doubt family but the one that says the money moved. A longer text has room to say why
 * the payment is not done after all. A code that is the state of money moved speaks for a message
 * in words the rules may not read only where the message is short: a sentence has room for a "not".
 */
function saysOnlyPaid(text: string, flow: Flow | undefined, codeWords: string): boolean {
  if (short(text, codeWords)) {
    if (!saysPaymentMoved(text, flow) && !(MOVED_CODE.test(codeWords) && !NOT_SUCCESS.test(text))) return false;
  } else if (!sentenceSized(text, codeWords) || !saysPaymentMoved(text, flow) || !endsAsOneSentence(text, codeWords, true)) {
    return false;
  }
  return !saysPartOfAmount(text) && saysNothingElse(text);
}

/**
 * A decline and hardly anything else: a few words (FEW_WORDS, FEW_CHARACTERS, as a success's own
 * few words are read) that say the payment was declined or why the card could not pay ("Declined",
 * "Transaction declined", "Please call issuer", "Do not honor", 交易拒绝, Rechazada, 한도초과), the
 * code's words after them aside. Whether a word of doubt stands beside it is saysNoDoubt's to say.
 */
export function saysOnlyDeclined(text: string, codeWords: string): boolean {
  // A card lost or stolen, or a fraud, is a reason of its own, and nobody is to be asked.
  if (NOT_THE_CARDHOLDERS.test(text)) return false;
  if (short(text, codeWords)) return saysDeclined(text) || PAYMENT_FAILED.test(text);
  return sentenceSized(text, codeWords) && DECLINED_BY_ISSUER.test(text);
}

/**
 * The payment or the transaction failed, said in those words ("Transaction failed", "payment
 * failed", 交易失败, 결제 실패, 決済に失敗しました): in a few words and nothing else, a decline whose
 * reason is not given, as the catalog's tables read it (of its 48 texts of up to four words with
 * those words, 46 are failures, 37 of them declines; the two in doubt name an abnormality or an
 * unknown cause beside them). A bare "failed" is not: tables print it under system and channel
 * errors as often as under declines.
 */
const PAYMENT_FAILED = folded(
  /\b(payment|transaction|charge|purchase)s? (has |have |was |were |is )?(failed|unsuccessful|not successful)\b|(付款|支付|交易|扣款|购买|打款|出款|代付|转账|汇款)(已)?失败|(결제|거래|승인)[가이]? ?실패|(決済|取引|支払い?)(に|が)?失敗/,
);

/**
 * Whether a text is short enough that saysOnlyDeclined may hold: a sentence's length. The classifier
 * reads the words for a brief decline only in texts this short.
 */
export function briefEnough(text: string): boolean {
  return fits(text, BRIEF_WORDS, BRIEF_CHARACTERS);
}

/**
 * A decline that names who refused: the card's issuer or the bank ("Transaction is declined by
 * bank", "The payment was rejected by the issuing bank", "La transacción fue rechazada por el banco",
 * 发卡行拒绝, 카드사 거절). The authorisation reached the issuer and came back refused, so the money
 * did not move; in a sentence that says so, it is all the sentence says, as a decline of a few words
 * is (saysOnlyDeclined). A bare "This transaction has been declined" names no one: tables print it
 * under codes of every kind.
 */
const DECLINED_BY_ISSUER = folded(
  /\b(declined|refused|rejected|denied) by (the |your |its |their )?(customer's |cardholder's |customer |cardholder )?(card )?(issuer|issuing bank|issuer bank|bank|financial institution)\b|\b(the )?(card )?(issuer|issuing bank|bank) (has )?(declined|refused|rejected|denied)\b|\b(rechazad[oa]|declinad[oa]|denegad[oa]|recusad[oa]|negad[oa]) (por|pelo|pela) (el |la |o |a |su )?(banco emisor|banco emissor|banco|emisor|emissor|entidad financiera|entidad emisora|red financiera|instituci[oó]n financiera)\b|\b(el banco|el banco emisor|el emisor|la entidad financiera|la entidad emisora|la red financiera) (rechaz[oó]|declin[oó]|deneg[oó])\b|(发卡行|发卡银行|发卡方|发卡机构|银行)(已)?拒绝|被(发卡行|发卡银行|发卡方|发卡机构|银行)拒绝|(카드사|은행|발급사)(에서)? ?(승인 ?)?(거절|거부)/,
);

/** How much the message says, without the code's words after it: "Payment was successful" under PAYMENT_SUCCESS is as short as it reads. */
function short(text: string, codeWords: string): boolean {
  return fewWords(messageOf(text, codeWords));
}

/** At most FEW_WORDS words and FEW_CHARACTERS characters: too short to say anything else. */
function fewWords(message: string): boolean {
  return fits(message, FEW_WORDS, FEW_CHARACTERS);
}

/** A sentence's length: "The invoice has successfully been paid", "The refund has been completed". */
const BRIEF_WORDS = 10;
const BRIEF_CHARACTERS = 100;
/**
 * Words that send the reader to look the result up: "Transaction completed, please inquire for its
 * status" has said that the money may not have moved after all. A checkout is a page, not a check.
 */
const ASKS_TO_LOOK = foldedAlone(
  /\b(status|state|check(?!out)|verify|inquire|enquire|inquiry|enquiry|query|consult|estado|verifique|verificar|compruebe|comprobar|revise|revisar)|查询|查詢|确认|確認|조회|확인|照会/,
);

/**
 * Offers another state beside the one it names: "종료제 또는 기 결제 완료" (ended, or paid before).
 * Not the Spanish "o", which is the Portuguese "the".
 */
const ALTERNATIVE = foldedAlone(/\b(or|either|ou)\b|또는|혹은|或者|或是|または|もしくは/);

/**
 * One sentence that ends at its word of money moved: "The invoice has successfully been paid", "The
 * refund has been completed", "The transaction has been completed successfully (PAYMENT
 * SUCCESSFUL)". Not "The payment has been successfully authenticated with 3D Secure 2" nor "… has
 * been authorised for a partial amount": what follows the word says what moved, and it was not the
 * money, or not all of it. What an authorisation is ready for may follow it ("… has been authorized
 * and can be captured", as a status table words an authorisation held): that is the state itself.
 */
const ENDS_MOVED = foldedAlone(
  /\b(payment|transaction|trade|charge|purchase|order|invoice|refund|capture|payout|transfer|withdrawal|disbursement|remittance|operation)s? (was |were |is |are |has |have )?(successfully |fully )?(been )?(successfully |fully )?(paid|approved|authori[sz]ed|captured|charged|refunded|settled|collected|completed|processed|executed|successful|succeeded|done|paid out)( successfully| in full)?( to the (customer|buyer|payer|cardholder|shopper|merchant|recipient|beneficiary)| by the (bank|issuer|acquirer|customer|buyer|payer|cardholder|shopper))?( and (can|may) (now )?be captured| and (is |are )?(now )?ready (to be captured|for capture)| and the (order|invoice|transaction) is (now )?(complete|completed|paid))?[.!]?( \([a-z ]{1,40}\))?[.!]?$|\b(pago|transacción|transaccion|compra|cargo|reembolso|operación|operacion|pagamento|transação|transacao|pedido)s? (fue |ha sido |foi |está |esta )?(aprobad[oa]|autorizad[oa]|pagad[oa]|capturad[oa]|reembolsad[oa]|aprovad[oa]|exitos[oa]|completad[oa]|concluíd[oa]|devolvid[oa]|realizad[oa] (con éxito|com sucesso|exitosamente|correctamente))( (para|al|a|ao) (o |el |la |a )?(comprador|cliente|pagador|titular))?[.!]?$/,
);

/**
 * Short enough that a text which says the money moved has no room to take it back: a few words
 * (short), or one sentence that ends at its word of money moved and neither offers another state
 * nor sends the reader to look the result up. A pattern that is itself anchored at the end (a
 * cancellation done) passes `endsMoved` false.
 */
function brief(text: string, codeWords: string, endsMoved: boolean): boolean {
  return short(text, codeWords) || (sentenceSized(text, codeWords) && endsAsOneSentence(text, codeWords, endsMoved));
}

/** At most a sentence's length (BRIEF_WORDS words, BRIEF_CHARACTERS characters). */
function sentenceSized(text: string, codeWords: string): boolean {
  return fits(messageOf(text, codeWords), BRIEF_WORDS, BRIEF_CHARACTERS);
}

function endsAsOneSentence(text: string, codeWords: string, endsMoved: boolean): boolean {
  return (!endsMoved || ENDS_MOVED.test(messageOf(text, codeWords))) && !ASKS_TO_LOOK.test(text) && !ALTERNATIVE.test(text);
}

/** The message without the code's words that the rules' text ends with. */
function messageOf(text: string, codeWords: string): string {
  return codeWords !== '' && text.endsWith(` ${codeWords}`) ? text.slice(0, text.length - codeWords.length - 1) : text;
}

/** No error, nothing not found, no turn, no earlier attempt, nothing not final and no doubt but money moved. */
function saysNothingElse(text: string): boolean {
  // "Payment completed. Check status": the not-final rule's words keep it from being a success.
  return !IN_FLIGHT.test(text) && saysNothingBut(text, 'money-moved');
}

/**
 * No error, nothing not found, no turn, no earlier attempt, no request merely accepted, and no doubt
 * family but `family`: what a text that names one state must not say beside it.
 */
function saysNothingBut(text: string, family: string): boolean {
  if (ABNORMAL.test(text) || NOT_FOUND.test(text) || CONTRAST.test(text) || EARLIER.test(text)) return false;
  return !ACCEPTED_NOT_DONE.test(text) && !hasDoubtWords(text, family);
}

/**
 * A cancellation that says it went through, and ends there ("취소 성공", "Cancel successful",
 * 取消成功, キャンセル完了): on the cancel flow, the operation's own success. "취소 완료 거래", a
 * transaction whose cancellation was completed before, goes on past the word and is not this. Nor is
 * "already cancelled" (已撤销 reads so). A void's answer that is only the state it left the payment
 * in ("VOIDED", "Payment reversed") is that success too.
 */
const CANCEL_DONE = folded(
  /(취소|取消|撤销|キャンセル|\bcancel|\bcancell?ed|\bcancellation|\bvoid|\bvoided|\breversal) ?(성공|완료|되었습니다|成功|完了|しました|されました|success|successful|succeeded|completed?)[.!。]?$|(取消|撤销)(授權|交易|訂單|支付|付款|請款)(成功|完成)[.!。]?$|\b(cancelación|anulación|reversa|reversión|reverso|anulad[oa]|cancelad[oa]|revertid[oa]) (exitos[oa]|con éxito|exitosamente|correctamente|satisfactoriamente)[.!]?$|^((the |your |this )?(payment|transaction|order|authori[sz]ation|charge|sale) (was |has been |is )?(successfully )?)?(voided|reversed|cancell?ed|annulée?|anulad[oa]|cancelad[oa]|revertid[oa])( successfully)?[.!]?$/,
);

/**
 * A code that is itself the state of money moved (`PAID`, `AUTHORIZED`, `CAPTURED`, `SETTLED`,
 * `APPROVED`): a status table's row, whose message may be in any language ("Pago", "Autorizada").
 * Not `SUCCESS` or `COMPLETED`: a bare success is how an API call that was only accepted reads.
 * Tested alone: it reads the code's words, and the gate's one pass, moved to them, would then read
 * the message a second time.
 */
const MOVED_CODE = foldedAlone(
  /^((payment|transaction|order|trade|charge) )?(paid|approved|authori[sz]ed|captured|settled|charged)$|^(fully|partially) captured$/,
);

/**
 * A text that opens with the word for money moved ("Approved", "Captured, balance available", 授權成功:
 * the card authorisation went through). "用户授权成功", a user who authorised an app, opens otherwise.
 * Its first alternative and its look-ahead (a word that names an amount or a limit, or a bill, an
 * invoice or an order in that state: "Paid bill", in reply to a payment, may be one paid before) are MONEY_MOVED's
 * opening ones, without "refunded": change both together. They are written out in each, not built
 * from one string, because the ReDoS check in the tests reads only patterns written as literals.
 */
const MOVED_FIRST = folded(
  /^(paid|approved|authori[sz]ed|captured|charged|settled|purchased)\b(?! (amount|sum|total|value|limit|currency|quantity|price|fee|date|time|count|number|bill|invoice|order)s?\b)|^(fully|partially) captured\b|^(预)?授权(成功|完成)|^承認(済|完了)|^核准|^정상 ?승인|^請款(成功|完成)|^売上|^与信(ok|成功|完了|済)|^オーソリ ?(ok|成功|完了|済)|^入金(済|完了|確定)|^(aprobad[oa]|pagad[oa]|capturad[oa])\b/,
);

/**
 * Something other than a payment approved or authorised: a device, an account, an application, a
 * merchant or a user. "The mobile device is approved" says nothing about money.
 */
const OTHER_APPROVED = folded(
  /\b(device|account|application|merchant|user|customer|profile|document|registration|store|terminal|app|api key|key|token|request) (was |has been |is |were |are )?(approved|authori[sz]ed)\b|\b(dispositivo|cuenta|solicitud|comercio|usuario|cliente|documento|registro|tienda|terminal) (fue |ha sido |está )?(aprobad[oa]|autorizad[oa])\b/,
);

/** Part of the amount: a partial refund, capture or approval. */
const PARTIAL = foldedAlone(/\bpartial(ly)?\b|\bin part\b|部分|一部|부분|\bparcial(mente)?\b/);

/**
 * An approval for part of the amount (ISO 8583 10, "Approved for partial amount"): the payment asked
 * for was not made in full, and what to do about the rest is the merchant's to decide.
 */
const PARTIAL_APPROVAL = foldedAlone(
  /\b(approved|authori[sz]ed|approval|authori[sz]ation) (for |of )?(a |the )?partial\b|\bpartial(ly)? (approv|authori[sz])|\b(approved|authori[sz]ed),? partial(ly)?\b|部分(批准|核准|授权|承認)|부분 ?승인/,
);

/**
 * Part of the amount moved in other words than an approval's: an approval for "a lesser amount than
 * requested", a payment made in part ("paid_partial", 部分支付成功, "Pago parcial"), an underpayment.
 */
const PAID_IN_PART = foldedAlone(
  /\b(lesser|lower|smaller|reduced) amount\b|\bless than (the )?(requested|full|order|original|due)\b|\bpartial(ly)? (paid|payment|amount)\b|\bpaid partial(ly)?\b|\bunder-?paid\b|\bunder-?payment\b|部分(支付|付款|扣款)|일부 ?승인|(부분|일부) ?결제|一部(支払|入金|承認)|\bpago parcial\b|\bparcialmente (pagad|aprobad|autorizad)[oa]\b/,
);

/**
 * Part of the amount moved, not the payment asked for (PARTIAL_APPROVAL, PAID_IN_PART): what to do
 * about the rest is the merchant's to decide, so it is no success. Not a partial refund or capture,
 * which are those operations' own successes.
 */
function saysPartOfAmount(text: string): boolean {
  return PARTIAL_APPROVAL.test(text) || PAID_IN_PART.test(text);
}

const PAYMENT_NAMED = folded(
  /\b(payment|transaction|trade|charge|purchase|order|refund|capture|payout|transfer|withdrawal|invoice|disbursement|remittance|debit|direct debit)\b|支付|付款|扣款|退款|打款|出款|代付|转账|汇款|到账|退货|收款|购买|交易|订单|결제|환불|승인|거래|決済|支払|返金|取引|\b(pago|transacción|compra|venta|cargo|reembolso)\b/,
);

/**
 * Whose balance is short: the buyer's (`insufficient_funds`: ask the customer) or the merchant's
 * (`merchant_balance_insufficient`: top up, then retry). The catalog's "balance not enough" rows
 * are mostly the merchant's (a refund or payout its balance cannot cover), and the model read
 * "Buyer balance not enough" and 买家余额不足 as the merchant's. Where the text names the buyer and
 * not the merchant, the buyer's reading takes the pair's weight; so it does where the text names
 * no one, on the payment or recurring flow, since there the buyer pays (a wallet's 帳戶餘額不足 is
 * the buyer's wallet). Where the text names the merchant's balance in so many words, the merchant's
 * reading does (classifier.ts). On a refund or a payout the merchant's balance pays, whoever the
 * text names or if it names no one: the model read "Insufficient balance" on a refund as the buyer's.
 */
const BUYER_SIDE = folded(
  /\b(buyer|user|customer|payer|cardholder|shopper|consumer)('?s)?\b|买家|买方|用户|顾客|付款方|付款人|消费者|持卡人|고객|구매자|사용자|카드 ?소지자|お客様|利用者|購入者|\b(comprador|pagador|titular)\b/,
);
const MERCHANT_SIDE = folded(
  /\b(merchant|seller|partner|platform|sub-?merchant)('?s)? (account |wallet )?(balance|funds)\b|\b(balance|funds) (of|in) the (merchant|seller|partner|platform)('?s)?\b|(商户|商戶|商家|卖家|賣家|平台|合作方|特約機構)(账户|帳戶|账号|帳號|钱包|錢包)?(可用|可退款)?(余额|餘額)|가맹점 ?(계좌 ?)?잔액|加盟店の?残高|\bsaldo del (comercio|vendedor)\b/,
);
const MERCHANT_NAMED = folded(
  /\b(merchant|seller|partner|platform|sub-?merchant)\b|商户|商戶|商家|卖家|賣家|平台|特約機構|特約商店|가맹점|加盟店|\b(comercio|vendedor)\b/,
);

/** Whose balance the text says is short, where it says: `buyer`, `merchant` or undefined. */
export function balanceSide(text: string, flow: Flow | undefined): 'buyer' | 'merchant' | undefined {
  if (MERCHANT_SIDE.test(text)) return 'merchant';
  if (flow === 'refund' || flow === 'payout') return 'merchant';
  if (MERCHANT_NAMED.test(text)) return undefined;
  return BUYER_SIDE.test(text) || flow === 'payment' || flow === 'recurring' ? 'buyer' : undefined;
}

/**
 * The text says an amount went over a limit and names the card, its holder, the buyer or the issuer
 * as the limit's owner, and not the merchant ("The card has exceeded its limit", "exceeds the
 * approval limit set by the issuer for this card", 买家付款日限额超限, "kundens tillåtna
 * kreditgräns"): the card's or the buyer's limit (card_limit_exceeded: ask the customer), not the
 * range of amounts the merchant or the provider accepts (amount_out_of_range: fix the amount). No
 * catalog text of the merchant's range names a card, a buyer or an issuer beside its limit.
 */
export function namesCardsLimit(text: string): boolean {
  return LIMIT.test(text) && (BUYER_SIDE.test(text) || CARD_OR_ISSUER.test(text)) && !MERCHANT_NAMED.test(text);
}

/**
 * The text says the merchant's own account is closed, locked, restricted, suspended or frozen ("The
 * merchant account is locked or closed", "This merchant account has been closed", 商户账户已冻结): the
 * merchant's to sort out (merchant_account_inactive: fix), not a customer's account (account_closed,
 * account_frozen: ask the customer), which the model reads in the same words. All 13 such catalog texts
 * read so. Not a payee's, which on a payout is the recipient.
 */
export function namesMerchantsAccount(text: string): boolean {
  return MERCHANTS_ACCOUNT.test(text);
}

const MERCHANTS_ACCOUNT = folded(
  /\b(suspended|closed|locked|blocked|frozen|disabled|deactivated|terminated) (merchant|seller|store|shop|sub-?merchant)( account)?\b|\b(merchant|seller|store|shop|sub-?merchant)( account)? (is |was |has been )?(suspended|closed|locked|blocked|frozen|disabled|deactivated|inactive|terminated)(?=[.!,;)]|$)|\b(merchant|seller|store|shop|sub-?merchant)('?s)? account\b( [a-z]+){0,3} (closed|locked|restricted|suspended|blocked|frozen|disabled|deactivated|inactive|terminated)\b|(商户|商戶|商家|卖家|賣家)(账户|帳戶|账号|帳號)?(已|被)?(冻结|凍結|关闭|關閉|停用|注销|註銷|锁定|鎖定|受限)/,
);

/**
 * The text names the API's access token ("The provided access token has expired", an OAuth or a
 * bearer token): the integration's credential, to renew (access_token_invalid: fix), not a
 * customer's saved card or wallet token (payment_token_invalid: ask the customer), which the model
 * reads in the same words. 15 of the catalog's 17 such texts are the integration's to fix.
 */
export function namesAccessToken(text: string): boolean {
  return ACCESS_TOKEN.test(text);
}

/**
 * The text names a datum of the card that the customer typed wrong: its number, its security code
 * or its expiry date invalid, incorrect or wrong ("Credit card expiration date is invalid", "The
 * specified security code was invalid", 卡号错误). The customer is to give it again (ask the
 * customer), though the model reads "… is invalid" as a request invalid (fix), as it mostly is for a
 * parameter. All 54 such catalog texts read "ask the customer".
 */
export function namesCardNumberGivenWrong(text: string): boolean {
  return DATA_NAMED.test(text) && CARD_NUMBER_WRONG.test(text);
}

/** See namesCardNumberGivenWrong. */
export function namesSecurityCodeGivenWrong(text: string): boolean {
  return DATA_NAMED.test(text) && SECURITY_CODE_WRONG.test(text);
}

/** See namesCardNumberGivenWrong. */
export function namesExpiryGivenWrong(text: string): boolean {
  return DATA_NAMED.test(text) && EXPIRY_WRONG.test(text);
}

/**
 * The text names the customer's or the payee's bank account number or IBAN given wrong ("The
 * beneficiary IBAN is invalid", "Incorrect account number"): theirs to give again (account_invalid:
 * ask the customer), though the model reads "… is invalid" as a request invalid. 11 of the catalog's
 * 12 such texts read "ask the customer" (the other, a stop).
 */
export function namesAccountNumberGivenWrong(text: string): boolean {
  return DATA_NAMED.test(text) && ACCOUNT_NUMBER_WRONG.test(text);
}

const ACCOUNT_NUMBER_WRONG = folded(
  /\b(invalid|incorrect|wrong) (beneficiary |recipient |destination |payee |bank |customer )?(iban|account number|bank account( number)?)\b|\b(iban|account number|bank account( number)?)( (provided|entered|given|supplied|specified))?( is| was)? (invalid|incorrect|wrong|not valid|not a valid)\b/,
);
/**
 * The words of the card's or the account's data that those four name, read first: their own patterns
 * are anchored on "invalid" and "wrong", which most texts the model reads as a request invalid hold,
 * and running all four there cost about 3 % of classify(); these words are rarer.
 */
const DATA_NAMED = folded(
  /\b(cvv2?|cvc2?|cvn|security code|card verification|expiry|expiration|card number|card no|iban|account number|bank account)\b|卡号/,
);
const CARD_NUMBER_WRONG = folded(
  /\b(invalid|incorrect|wrong|bad) (credit |debit )?card (number|no)\b|\b(credit |debit )?card (number|no)( (you )?(provided|entered|given|supplied|specified|sent))?( is| was)? (invalid|incorrect|wrong|not valid)\b|卡号(错误|无效|不正确|有误)/,
);
const SECURITY_CODE_WRONG = folded(
  /\b(invalid|incorrect|wrong|bad) (card('s)? )?(cvv2?|cvc2?|cvn|security code|card verification (code|value|number))\b|\b(cvv2?|cvc2?|cvn|security code)( code)?( (you )?(provided|entered|given|supplied|specified|sent))?( is| was)? (invalid|incorrect|wrong|not valid)\b/,
);
const EXPIRY_WRONG = folded(
  /\b(invalid|incorrect|wrong|bad) (card )?(expiry|expiration)( date| month| year)?\b|\b(expiry|expiration) (date|month|year)( (you )?(provided|entered|given|supplied|specified|sent))?( is| was)? (invalid|incorrect|wrong|not valid)\b/,
);

const ACCESS_TOKEN = folded(/\b(access[ _-]?tokens?|oauth( tokens?)?|bearer tokens?|refresh[ _-]?tokens?)\b/);

const LIMIT = folded(/\blimits?\b|\bexceed(s|ed|ing)?\b|限额|限額|额度|額度|上限|限度|한도|\b(límite|limite|ліміт|лимит)\b/);
const CARD_OR_ISSUER = folded(
  /\b(card|cards|issuer|issuing bank|credit limit|credit line)\b|银行卡|信用卡|发卡|發卡|카드|カード|\b(tarjeta|cartão|carte)\b/,
);

/**
 * The merchant's own balance too low for what was asked (商户可用余额不足，无法退款, "Refund amount is
 * more than your available balance", "Insufficient funds" on the refund or payout flow): the
 * provider checked it before moving anything, and the merchant is to top it up, as it is to fix an
 * invalid request.
 */
export function saysMerchantBalanceShort(text: string, flow: Flow | undefined): boolean {
  if (!BALANCE_SHORT.test(text)) return false;
  return MERCHANT_SIDE.test(text) || ((flow === 'refund' || flow === 'payout') && !BUYER_SIDE.test(text));
}

const BALANCE_SHORT = folded(
  /\b(insufficient|not enough|not sufficient|unsufficient|insuficientes?)\b.{0,40}\b(balance|funds|saldo|fondos)\b|\b(balance|funds|saldo|fondos)\b.{0,20}\b(insufficient|not enough|not sufficient|too low|insuficientes?)\b|\bmore than (your|the) (available )?([a-z]+ ){0,3}(balance|funds)\b|(余额|餘額|资金|資金)不足|잔액 ?부족|残高(が)?不足/,
);

/**
 * A status row's one word for a transaction done: "COMPLETED", "Processed", "Transferred",
 * "SUCCEEDED", "Paid", "PURCHASED" (a sale's state once captured), 已支付, 交易成功, 決済済, 消込済,
 * 결제완료. Not a bare "Success", "OK" or 成功: that is how the status query's own result reads,
 * whatever state it found.
 */
const DONE_STATE = folded(
  /^(completed?|done|finished|processed|succeeded|settled|transferred|executed|paid|captured|approved|authori[sz]ed|purchased)( (successfully|completed?))?$|^(已支付|已付款|已扣款|已结账|已结帐|已结算|已入账|已到账|已收款|支付成功|付款成功|交易成功|扣款成功)$|^(支払済み?|決済済み?|入金済み?|売上済み?|消込済み?|支払完了|決済完了|入金完了)$|^(결제 ?완료|승인 ?완료|입금 ?완료|결제 ?성공|승인 ?성공)$/,
);

/**
 * A payment, an order or an invoice just created or started, in words that name it or as a status
 * row's one word ("CREATED", "Initiated", 订单已创建, 결제가 생성되었습니다, "Pedido iniciado").
 */
const CREATED = folded(
  /^(created|initiated|initiali[sz]ed|initial|new|open|opened|started|iniciad[oa]|cread[oa]|criad[oa]|inicializad[oa]|nuevo|novo)$|\b(payment|order|transaction|charge|invoice|checkout|bill|trade|purchase)s? (was |has been |is |were |have been )?(successfully |newly |just )?(created|initiated|initiali[sz]ed|opened|started)\b|\b(newly|just|successfully) created (a |an |the )?(payment|order|transaction|charge|invoice|checkout)\b|订单已创建|(订单|交易|支付单|账单)已?(创建|建立)成功|下单成功|(결제|주문|거래)[이가]? ?생성되었|(決済|注文|取引)が作成されました|\b(pago|pedido|transacción|orden|cobro|registro|pagamento|transação)s? (fue |ha sido |foi )?(cread[oa]|criad[oa]|iniciad[oa]|inicializad[oa])\b/,
);

/**
 * A failure, a "not" beside a success, an error, something not found or a turn ("but"): what keeps
 * a payment just created, or one waiting for the customer, from being only that.
 */
function saysSomethingWrong(text: string): boolean {
  return FAILURE.test(text) || NOT_SUCCESS.test(text) || ABNORMAL.test(text) || NOT_FOUND.test(text) || CONTRAST.test(text);
}

/**
 * On the payment or the query flow, a short text that says only that the payment or the order was
 * created or started: it waits for the customer to pay. A create call answered so has made the
 * payment the customer is to complete (on a redirect, in an app, at a counter); a status query that
 * finds it so reports that state. Not where anything else is said: a failure, an error, something not found,
 * money moved, or a doubt (a duplicate, "already created", a time-out). Off those flows "created"
 * may be a refund, a payout or a request, and stays a request accepted: query the result.
 */
function saysOnlyCreated(text: string, flow: Flow | undefined, codeWords: string): boolean {
  if ((flow !== 'payment' && flow !== 'query') || !short(text, codeWords)) return false;
  if (!CREATED.test(messageOf(text, codeWords))) return false;
  if (saysSomethingWrong(text)) return false;
  return !saysMoneyMoved(text, flow) && doubtsIn(text, true, false).money === undefined;
}

/**
 * The text says the payment waits for the customer to act: "waiting for the customer to complete
 * 3-D Secure", "esperando a que el cliente realice el pago", 等待用户付款, 고객 결제 대기. So does a
 * code the customer pays with issued: a convenience-store or ATM code (超商代碼取號成功), a virtual
 * account (가상계좌 발급 성공), a boleto or a voucher generated, 払込票の発行. The payment is made
 * later, by the customer, at the store, the ATM or the bank.
 */
const WAITS_FOR_CUSTOMER = folded(
  /\b(waiting|awaiting|waits) (for )?(the |a )?(customer|buyer|payer|user|cardholder|shopper|consumer)s?\b|\besperando (a )?(que )?(el |la )?(cliente|comprador|pagador|usuario|tarjetahabiente)\b|\baguardando (o |a )?(cliente|comprador|pagador|usuário|usuario)\b|等待(用户|买家|客户|顾客|付款人)|(用户|买家|客户)(付款|支付|确认)中|待(用户|买家|客户)(付款|支付|确认)|(고객|구매자|사용자|소비자)[의]? ?(결제|입력|승인|인증) ?대기|(お客様|購入者|利用者)の(支払い?|操作|認証)待ち|\b(virtual account|va|payment code|cvs code|convenience store code|atm code|barcode|bar code|boleto|payment slip|voucher)( number)? (was |has been |is )?(successfully )?(generated|issued|created|obtained)\b|取号成功|等待消费者(缴费|付款|支付)|(가상 ?계좌|입금 ?계좌) ?(발급|채번) ?(완료|성공|되었)|(払込票|払込番号|支払番号|支払い番号|お支払い番号)(の|が|を)?(発行|発番)/,
);

/**
 * A request accepted, or a failure, whose words say the payment waits for the customer (and nothing
 * failed, went wrong or is missing): created and handed to the customer, it is the customer's step,
 * not a result to look up nor a final answer.
 */
function saysWaitsForCustomer(text: string, flow: Flow | undefined): boolean {
  if (flow !== undefined && flow !== 'payment' && flow !== 'query') return false;
  if (!WAITS_FOR_CUSTOMER.test(text)) return false;
  if (saysSomethingWrong(text)) return false;
  const d = doubtsIn(text, true, false).money;
  return (d === undefined || d.family === 'in-flight') && !saysMoneyMoved(text, flow);
}

/**
 * A transaction under way and nothing else ("Transaction in Process", "IN_PROCESS", "Request in
 * progress", 处理中): no error, nothing not found, no turn, no earlier attempt, no request merely
 * accepted, no doubt of another family. Not a bank's cut-off in progress, whose window is closed.
 */
function saysOnlyInFlight(text: string): boolean {
  const t = withoutLookalikes(text);
  return IN_FLIGHT.test(t) && saysNothingBut(t, 'in-flight');
}

/**
 * The customer, not the issuer or the provider, ended the payment: "Declined by user", "The
 * transaction was aborted by the payer", "User Aborted Transaction", 用户取消支付, 사용자 취소,
 * ユーザーがキャンセルしました, "Cancelado por el usuario". Every such text in the catalog is a
 * customer's cancellation but one 3-D Secure step the cardholder cancelled, which asks the customer
 * to complete it (AUTH_STEP keeps those out).
 */
const CUSTOMER_ENDED = folded(
  /\b(cancel+ed|aborted|declined|rejected|refused|abandoned|cancelad[oa]|anulad[oa]|rechazad[oa]) (by|por|durch) (the |el |la |den |der )?(user|customer|payer|buyer|shopper|cardholder|consumer|usuario|cliente|comprador|pagador|titular)s?\b|\b(user|customer|payer|buyer|shopper|cardholder|consumer)s? (has |have )?(cancel+ed|aborted|declined|rejected|refused|abandoned)\b|\b(user|customer|payer|buyer|shopper)[ _-]?abort|(用户|用戶|买家|買家|客户|客戶|付款人)(已|主动|主動)?取消|(사용자|고객|구매자)[이가]? ?(결제를? ?)?취소|(ユーザー|お客様|顧客|購入者)(が|による|により|都合で?)(決済[がを]?|(お)?支払い?[がを]?)?キャンセル/,
);

/**
 * The text says the customer ended the payment, and no word of doubt stands beside it: its state
 * is final and no money moved, and nobody is asked to do anything (the customer chose). The model
 * reads such texts by their verb, a decline or an abort ("Declined by user" as a decline to ask the
 * customer about, "User aborted the transaction" as an unknown state), not by who acted.
 */
function saysCustomerEnded(text: string): boolean {
  return CUSTOMER_ENDED.test(text) && !AUTH_STEP.test(text) && saysNoDoubt(text);
}

/**
 * Checks a model reading against the rules and returns the first that applies, or undefined when
 * the reading stands. `text` is the folded message plus the code's words; `codeWords`, those words.
 */
export function safetyStep(r: Reading, text: string, flow: Flow | undefined, codeWords = ''): SafetyStep | undefined {
  if ((r.outcome === 'failed' || r.outcome === 'unknown') && r.unified !== 'customer_cancelled' && saysCustomerEnded(text)) {
    return {
      rule: 'customer-ended',
      unified: 'customer_cancelled',
      detail: 'the text says the customer ended the payment: final, and no money moved',
    };
  }
  if (r.outcome !== 'pending' && saysOnlyCreated(text, flow, codeWords)) {
    return {
      rule: 'not-final',
      unified: 'awaiting_customer',
      detail: 'a payment or an order created, and nothing else said: it waits for the customer to pay',
    };
  }
  if ((r.unified === 'request_accepted' || r.outcome === 'failed') && saysWaitsForCustomer(text, flow)) {
    return {
      rule: 'not-final',
      unified: 'awaiting_customer',
      detail: "the text says the payment waits for the customer: it is the customer's step",
    };
  }
  // A status row's few words of a transaction under way, read in doubt: the words name nothing but
  // the state, and a payment under way is waited for (pending / wait), not guessed at.
  if (r.outcome === 'unknown' && short(text, codeWords) && saysOnlyInFlight(text)) {
    return { rule: 'not-final', unified: 'processing', detail: 'the text says only that the transaction is under way' };
  }
  if (r.outcome === 'succeeded') {
    if (IN_FLIGHT.test(text) && !NOT_SUCCESS.test(text)) {
      return { rule: 'not-final', unified: 'processing', detail: 'the text says the transaction is still in progress' };
    }
    if (ACCEPTED_NOT_DONE.test(text)) {
      return {
        rule: 'not-final',
        unified: 'request_accepted',
        force: { outcome: 'unknown', next: 'query' },
        detail: 'created, accepted or received is not paid: query the result',
      };
    }
    if (flow !== 'refund' && flow !== 'capture' && r.unified !== 'partially_refunded' && saysPartOfAmount(text)) {
      return {
        rule: 'says-money-moved',
        unified: 'partially_approved',
        force: { outcome: 'unknown', next: 'query' },
        detail: 'the text says only part of the amount moved: query the result',
      };
    }
    // "Approved but held", "Paid, however …": what follows the turn may take the success back.
    if (!saysMoneyMoved(text, flow) || CONTRAST.test(text) || (OTHER_APPROVED.test(text) && !PAYMENT_NAMED.test(text))) {
      return {
        rule: 'says-money-moved',
        unified: 'request_accepted',
        force: { outcome: 'unknown', next: 'query' },
        detail: 'the text does not say the money moved',
      };
    }
  }
  // The model can lean to a decline for words it saw mostly in declines ("authorised" beside
  // "revoked"); a text that says only that the payment moved is a success, on a flow that pays.
  // On the query flow too: a status query that found the payment paid reports its state.
  // A request accepted is how a bare "Success" reads; one that names the payment or the transaction
  // ("Transaction succeeded", 交易成功) and says nothing else says the money moved.
  // On the query flow, "paid" found by a status query reads to the model as a second attempt's
  // "already paid": the state it reports is the answer ("PAID", but not "Order already paid").
  // Any other reading in doubt (a time-out, an error it cannot place) gives way to words that say
  // only that the payment went through ("Transaction is successful", "PAID_OUT"): they name no
  // doubt. Off the query flow an "order paid" is a second attempt's answer as often as a state, and
  // an approval for part of the amount is not the payment asked for. A reading in flight gives way
  // as well ("승인성공" read as an order not yet paid): the words name nothing still under way.
  const accepted =
    r.outcome === 'unknown' &&
    (r.unified === 'already_paid' ? flow === 'query' : r.unified === 'request_accepted' || !PARTIAL_APPROVAL.test(text));
  if (
    (r.outcome === 'failed' || r.outcome === 'pending' || accepted) &&
    (flow === undefined || flow === 'query' || PAYING_FLOWS.has(flow)) &&
    saysOnlyPaid(text, flow, codeWords)
  ) {
    return { rule: 'says-paid', unified: 'approved', detail: 'the text says only that the payment moved' };
  }
  // On the query flow a status row's one word for a transaction done is the state the query found
  // ("COMPLETED", "Transferred", 已支付, 消込済): the model read it as a second attempt's "already
  // paid", or as a failed query. The message is the state word and nothing else, so only the code's
  // words can say more; the 已 of 已支付 (paid) is the state, not an earlier attempt.
  if (
    flow === 'query' &&
    (r.outcome === 'failed' || r.outcome === 'unknown') &&
    DONE_STATE.test(messageOf(text, codeWords)) &&
    (codeWords === '' || saysNothingElse(codeWords))
  ) {
    return { rule: 'says-paid', unified: 'approved', detail: 'a status query found the transaction done' };
  }
  // The same for a refund, on the refund flow: elsewhere a refund's success says the payment went
  // back. There the refund's own word of done is enough (a status row's "Refunded"), read as a
  // failure or as a refund still in progress (退款成功 beside 退款中). With no flow, a status table's
  // "Refunded" is no failure either; the taxonomy reads a refund's success there as a result to look
  // up, since it may answer a payment.
  if (
    (r.outcome === 'failed' || r.outcome === 'pending') &&
    (flow === 'refund' || flow === undefined || flow === 'any') &&
    // A sentence's length first: it is read without a pattern, and most texts are longer.
    sentenceSized(text, codeWords) &&
    (REFUND_MOVED.test(text) || REFUND_DONE.test(text)) &&
    !NOT_SUCCESS.test(text) &&
    brief(text, codeWords, true) &&
    saysNothingElse(text)
  ) {
    const unified = PARTIAL.test(text) ? 'partially_refunded' : 'refund_succeeded';
    // With no flow the refund may answer a payment: its success is no failure, but is looked up, and
    // the threshold holds for it as for any reading the words do not settle.
    if (flow !== 'refund') {
      return {
        rule: 'says-success',
        unified,
        force: { outcome: 'unknown', next: 'query' },
        detail: 'with no flow, the text says only that a refund moved: not a failure, query the result',
      };
    }
    return { rule: 'says-paid', unified, detail: 'the text says only that the refund moved' };
  }
  // The same for a cancellation, on the cancel flow: its success is the operation's.
  if (
    (r.outcome === 'failed' || accepted) &&
    flow === 'cancel' &&
    CANCEL_DONE.test(messageOf(text, codeWords)) &&
    brief(text, codeWords, false) &&
    saysNothingElse(text)
  ) {
    return { rule: 'says-paid', unified: 'approved', detail: 'the text says only that the cancellation went through' };
  }
  if (
    r.outcome === 'failed' &&
    !refusedAsDoneBefore(r, text) &&
    (saysMoneyMoved(text, flow) || saysSuccess(text, flow) || saysSuccess(text, flow, messageOf(text, codeWords)))
  ) {
    return {
      rule: 'says-success',
      unified: 'outcome_unknown',
      force: { outcome: 'unknown', next: 'query' },
      detail: 'the text says it succeeded: not a failure, query the result',
    };
  }
  if (r.outcome === 'failed' && ((flow === 'query' && !reportsState(text, r)) || QUERY_WORDS.test(withoutLookups(text)))) {
    return {
      rule: 'status-query',
      unified: 'outcome_unknown',
      force: { outcome: 'unknown', next: 'query' },
      detail: 'a failed status query says nothing about the transaction: query again',
    };
  }
  // On the query flow, a state of failure the words report ("Transaction declined", 订单已过期,
  // 支払期限を過ぎています, 결제 실패) where the model leaned to an unknown result: the status query
  // worked and found the transaction failed. Answered "failed, stop" (the state is final, and no
  // next step of the customer's or the integration's is read from a guess), and only where no word
  // of doubt, nothing not found and no word of a query of its own stand beside it.
  if (
    flow === 'query' &&
    r.outcome === 'unknown' &&
    (STATE_FAILED.test(text) || saysExpired(text)) &&
    saysNoDoubt(text) &&
    !QUERY_WORDS.test(withoutLookups(text))
  ) {
    return {
      rule: 'status-query',
      unified: saysExpired(text) ? 'order_expired' : 'generic_decline',
      force: { outcome: 'failed', next: 'stop' },
      detail: 'a status query found the transaction in a failed state: its state is the answer',
    };
  }
  // "An error occurred while processing" (처리 중 오류) reads like a transaction in flight to the
  // model, but an error stopped it: nothing will come of waiting, so look the result up.
  if (r.outcome === 'pending' && (flow === undefined || MONEY_FLOWS.has(flow)) && ERROR_IN_PROCESSING.test(text)) {
    return {
      rule: 'money-in-doubt',
      unified: 'system_error',
      force: { outcome: 'unknown', next: 'query' },
      detail:
        'an error while processing, or processing that could not be done, on a flow that moves money: not in flight, query the result',
    };
  }
  // So too a time-out, a system fault, an unknown result, a duplicate or a thing not found, where the
  // text names nothing in flight and no open state ("系统超时，请使用相同参数再次调用", "A refund
  // with this ID already exists"; not "未支付，请确认结果"): no answer is on its way, so waiting
  // finds nothing out.
  if (
    r.outcome === 'pending' &&
    (flow === undefined || MONEY_FLOWS.has(flow)) &&
    !IN_FLIGHT.test(text) &&
    settledDoubtIn(text) === undefined
  ) {
    const d = doubtsIn(text, true, false).money;
    if (d !== undefined && STOPPED_FAMILIES.has(d.family)) {
      return {
        rule: 'money-in-doubt',
        unified: d.members.includes(r.unified) ? r.unified : d.unified,
        force: { outcome: 'unknown', next: 'query' },
        detail: `${d.family} on a flow that moves money, and nothing said to be in flight: query the result`,
      };
    }
  }
  const money = (r.outcome === 'failed' || r.outcome === 'succeeded') && (flow === undefined || MONEY_FLOWS.has(flow));
  const risky = isRiskyFailure(r.outcome, r.next);
  const failed = r.outcome === 'failed';
  if (!money && !failed) return undefined;
  const found = doubtsIn(text, money, risky, flow !== undefined && ON_EARLIER.has(flow) ? 'not-found' : undefined);
  if (found.money) {
    const d = found.money;
    return {
      rule: 'money-in-doubt',
      unified: d.members.includes(r.unified) ? r.unified : d.unified,
      force: { outcome: 'unknown', next: 'query' },
      detail: `${d.family} on a flow that moves money: the money may have moved, query the result`,
    };
  }
  // Not only an answer that invites a retry: a text in flight, paid, not yet paid or just created
  // is not a final failure, and "failed, stop" would tell the merchant to give up on it. (A doubt
  // that only matters where money moves, such as a duplicate, leaves a stop where none moves.)
  const d = found.any ?? (failed && !risky ? settledDoubtIn(text) : undefined);
  if (d) {
    return {
      rule: 'guard',
      unified: d.members.includes(r.unified) ? r.unified : d.unified,
      detail: risky
        ? `${d.family}: ${r.unified} ${r.outcome}/${r.next} would invite a retry`
        : `${d.family}: ${r.unified} ${r.outcome}/${r.next} would call it final`,
    };
  }
  // A payment or an order just created, off the payment and query flows or in a sentence ("The
  // checkout was created by the application"), that no other rule read: no failure either, since
  // nothing is said to have gone wrong. The result is to be looked up.
  if (
    failed &&
    CREATED.test(messageOf(text, codeWords)) &&
    brief(text, codeWords, false) &&
    !saysSomethingWrong(text) &&
    doubtsIn(text, true, false).money === undefined
  ) {
    return {
      rule: 'not-final',
      unified: 'request_accepted',
      force: { outcome: 'unknown', next: 'query' },
      detail: 'created, and nothing said to have gone wrong, is not failed: query the result',
    };
  }
  return undefined;
}
