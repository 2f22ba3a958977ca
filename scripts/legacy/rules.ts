import type { Flow } from '../../src/core/types.js';

/**
 * Hand-written evidence: general wordings per unified code, in English and Chinese. Chinese is
 * written once in Simplified and matched after `fold()`, so Traditional text meets it too
 * (fold also lower-cases, so every English pattern is lower case).
 *
 * Weights say how sure a match alone makes us: ~0.9 for wordings that name the situation
 * precisely ("insufficient balance", "余额不足"), ~0.75 for a subject plus a problem word,
 * ~0.5 for hints ("failed", "try again later") that only lean one way.
 */
export interface Rule {
  id: string;
  unified: string;
  weight: number;
  re: RegExp;
  /** Only counts for these flows. */
  flows?: readonly Flow[];
}

// Shorthands shared by many rules. Kept as strings so they compose into RegExps.
const ACCT = '(?:帐户|账户|帐号|账号|户口)';
const CARD = '(?:card|卡)';
const NOT = "(?:not|n't|cannot|can ?not|no longer)";
const CH = '(?:channel|通道|通路|渠道|wechat|weixin|alipay|微信|支付宝|upstream|上游|third[- ]party|bank(?:ing)?|银行)';

const rules: Rule[] = [];
function rule(unified: string, weight: number, id: string, re: RegExp | string, flows?: readonly Flow[]): void {
  const r: Rule = { id, unified, weight, re: typeof re === 'string' ? new RegExp(re) : re };
  if (flows) r.flows = flows;
  rules.push(r);
}

// --- success and in-flight -----------------------------------------------------------------
rule('approved', 0.92, 'zh-trade-success', /(?<![未不非没无])(交易|支付|付款|扣款|收款|购买)(已)?成功(?!率)/);
rule(
  'approved',
  0.9,
  'en-payment-success',
  /\b(payment|transaction|trade|charge|purchase|order)\s+(was\s+|has\s+been\s+|is\s+|were\s+)?(successful(ly)?|succeeded|success|approved|authori[sz]ed|completed?)\b/,
);
rule('approved', 0.85, 'en-approved', /^(approved|authori[sz]ed|paid|trade[ _]success|captured)\.?$/);
rule('approved', 0.8, 'en-successfully-paid', /\b(successfully\s+(paid|charged|authori[sz]ed)|paid\s+successfully)\b/);
rule('request_accepted', 0.8, 'bare-success', /^(success|successful|succeeded|ok|成功|请求成功|处理成功|操作成功|受理成功)[.!。]?$/);
rule('request_accepted', 0.85, 'accepted', /\b(request|order)\s+(was\s+|has\s+been\s+)?(accepted|received)\b|已受理|受理成功|接收成功/);
rule(
  'refund_succeeded',
  0.9,
  'refund-success',
  /(?<![未不非没无])退款成功|\brefund(ed)?\s+(success|successful(ly)?|succeeded|completed?)\b|successfully\s+refunded/,
);
rule('partially_refunded', 0.92, 'partial-refunded', /\bpartial(ly)?\s+refunded\b|部分退款成功|已部分退款/);
rule('processing', 0.85, 'zh-processing', /(?<!加紧|加速)(处理中|正在处理|处理进行中|交易进行中|进行中)|pending|待处理/);
rule(
  'processing',
  0.85,
  'en-processing',
  /\b(is|still|being|currently|under)\s+(being\s+)?(processing|processed)\b|\bin\s+(progress|process)\b|^(transaction\s+)?processing\.?$|\btransaction processing\b/,
);
rule(
  'awaiting_customer',
  0.92,
  'awaiting-customer',
  /(输入密码中|正在输入密码|用户支付中|等待(用户|买家|顾客|客户)|userpaying|user\s+is\s+paying|waiting\s+for\s+(the\s+)?(customer|user|buyer|payer|shopper)|awaiting\s+(customer|user|buyer|payer|shopper|confirmation)|requires?\s+(customer|user|shopper)\s+(action|confirmation)|\b(payer|customer|buyer|user|shopper)\s+(needs?\s+to|must)\s+(perform|complete|take|approve|confirm)\b)/,
);
rule(
  'refund_in_progress',
  0.92,
  'refund-in-progress',
  /退款中|退款处理中|退款正在处理|\brefund\s+(is\s+)?(still\s+)?(in\s+progress|processing|pending|being\s+processed)\b|previous(ly)?\s+refund.*(processing|in\s+progress)|transfer(red)?\s+to\s+refund|转入退款/,
);
rule(
  'refund_stuck',
  0.95,
  'refund-manual',
  /(退款|refund).*(人工|human\s+intervention|manual(ly)?\s+(handl|process|review))|(冻结|frozen).*(人工|human)/,
);
rule(
  'binding_in_progress',
  0.88,
  'binding-in-progress',
  /(绑卡|绑定).{0,12}(流程|处理).{0,12}(稍后|分钟后)|\bcard\s+is\s+(cloning|binding)\b|\bbinding\s+(is\s+)?(in\s+progress|processing|pending)\b/,
);
rule(
  'application_in_review',
  0.9,
  'in-review',
  /申请中|审核中|审批中|\b(under|in)\s+review\b|\bapplying\b|\bapplication\s+(is\s+)?(pending|in\s+progress|being\s+reviewed)\b/,
);

// --- unknown outcome -----------------------------------------------------------------------
rule(
  'outcome_unknown',
  0.92,
  'result-unknown',
  /(结果|状态)未知|未知(的)?(结果|状态)|\b(result|status|outcome)\s+(is\s+)?unknown\b|\bunknown\s+(result|status|outcome)\b/,
);
rule(
  'outcome_unknown',
  0.62,
  'please-query',
  /请查询|请.{0,4}确认(结果|状态)|确认结果|please\s+query|query\s+(the|this)\s+(order|transaction|refund|payment)|confirm\s+the\s+(result|status)|\bcheck\s+the\s+(payment\s+|transaction\s+|order\s+)?status\b/,
);
rule('outcome_unknown', 0.9, 'state-list', /(失败|failed?|failure)\s*[/／、|或]\s*(取消|cancel|逾期|过期|expired|超时|timeout)/);
rule('outcome_unknown', 0.7, 'notification-abnormal', /(通知|notification|callback|回调)\s*(异常|abnormal|error|失败|failed)/);
rule('outcome_unknown', 0.55, 'unknown', /\bunknown\b(?!\s+reasons?)|未知(?!原因)|\bunknow\b/);
rule('channel_timeout', 0.86, 'timeout', /time[ -]?out|timed\s+out|超时|逾时|响应超时|no\s+response\s+from/);
rule(
  'channel_error',
  0.78,
  'channel-error',
  new RegExp(`${CH}.{0,16}(异常|错误|error|abnormal|anomaly|exception|failed|failure|失败|unavailable)`),
);
rule(
  'channel_error',
  0.82,
  'channel-returned',
  new RegExp(
    `${CH}.{0,20}(返回|回传|回应|return(s|ed)?|respon(d|se)).{0,20}(空|empty|错误|error|异常|abnormal|not\\s+found|失败|fail|解析|pars|xml|签名|signature)`,
  ),
);
rule(
  'channel_error',
  0.93,
  'channel-signature',
  new RegExp(`${CH}.{0,12}(返回|return).{0,8}(签名|signature)|(校验|verify(ing)?).{0,4}${CH}.{0,8}(返回|return).{0,6}(签名|signature)`),
);
rule(
  'channel_error',
  0.72,
  'operation-abnormal',
  /(撤销|冲正|退款|取消)(处理)?异常|\b(cancel|reversal|refund)\s+(processing\s+)?abnormal\b/,
);
rule(
  'channel_error',
  0.75,
  'communication-error',
  /通信(错误|异常|失败)|communication\s+(error|abnormal|failure|failed)|parsing\s+error|解析(错误|失败)/,
);
rule(
  'system_error',
  0.78,
  'system-error',
  /系统(错误|异常|内部错误|出现异常|故障)|\bsystem\s+(error|exception|abnormal|failure|malfunction)\b|\binternal\s+(server\s+|system\s+)?error\b|\bserver\s+(error|exception)\b|服务器(错误|异常)|内部错误|系统连线失败|系统连接失败|\bsystem\s+connection\s+failed\b/,
);
rule('system_error', 0.75, 'database-error', /数据库|\bdatabase\b|\bdb\s+error\b/);
rule('system_error', 0.7, 'interface-abnormal', /接口(返回)?异常|\binterface\s+(returned\s+)?abnormal\b/);
rule('system_error', 0.8, 'system-internal', /\bsystem\s+internal\b|系统内部/);
rule('network_congestion', 0.88, 'network-congestion', /网络(拥挤|拥堵|繁忙|拥塞)|\bnetwork\s+(congest\w*|busy)\b/);
rule('network_congestion', 0.7, 'network-error', /网络(错误|异常|故障)|\bnetwork\s+(error|failure|problem)\b/);
rule(
  'other_error',
  0.7,
  'other-error',
  /其他(错误|原因|异常|情况)|\bothers?[- ](error|case|exception|reason)s?\b|\buncategori[sz]ed\b|^other\.?$/,
);
rule('other_error', 0.5, 'business-error', /\bbusiness\s+error\b|业务(错误|异常|失败)/);

// --- duplicates ----------------------------------------------------------------------------
rule(
  'duplicate_order',
  0.9,
  'order-no-duplicate',
  /(订单号|流水号|单号|序列号|商户订单|out_trade_no|refund_no|serial\s+number|order\s+(number|no|id)|reference).{0,30}(重复|已存在|已被使用|已使用|必须唯一|duplicat\w*|already\s+(exists|used)|must\s+be\s+unique|not\s+unique)/,
);
rule(
  'duplicate_order',
  0.85,
  'must-be-unique',
  /必须唯一|\bduplicat\w*\s+(order|invoice|serial|reference|merchant\s+order|out_trade_no|trade\s+no)\b|(订单|单)编号重复|must\s+be\s+unique|重复下单|\border\s+(already\s+)?(exists?|exsits?|exsit)\b/,
);
rule('duplicate_request', 0.72, 'already-exists', /已存在|已经存在|\balready\s+exists?\b|\bis\s+existing\b|\brecord\s+exists\b/);
rule(
  'duplicate_request',
  0.8,
  'duplicate-request',
  /重复(请求|提交|发起)|\bduplicate\s+(request|submission)\b|\brequest\s+(already\s+exists|is\s+existing)\b|不可重复|不能重复/,
);
rule('duplicate_request', 0.55, 'duplicate', /重复|\bduplicat\w*\b|\brepeat(ed)?\b/);
rule(
  'duplicate_transaction',
  0.88,
  'duplicate-payment',
  /重复(的)?(交易|付款|支付|扣款)|\bduplicate(d)?\s+(payment|transaction|charge)s?\b/,
);
rule(
  'already_submitted',
  0.9,
  'onboarding-exists',
  /(主体|负责人|受益人|银行帐户|银行账户|资料|申请|entity|person|beneficiar\w*|bank\s+account|document|application).{0,12}(已经存在|已存在|已提交|not\s+unique|already\s+(exists|submitted)|has\s+been\s+submitted)|请勿重复提交|do\s+not\s+repeat|\bhas\s+been\s+submitted\b/,
);
rule('already_submitted', 0.8, 'onboarding-duplicate', /已存在|already\s+exists|not\s+unique|重复/, ['onboarding']);

// --- order state ---------------------------------------------------------------------------
rule(
  'already_paid',
  0.9,
  'already-paid',
  /(?<![未没不])(已|已经)(被)?(支付|付款)(?!失败)|\b(order|transaction|trade)\s+(has\s+been\s+|was\s+|is\s+|already\s+)*paid\b|\balready\s+paid\b|^order\s+paid\.?$/,
);
rule(
  'already_refunded',
  0.9,
  'already-refunded',
  /已(全额)?退款|全部金额退款|无可退款金额|\b(already|fully|has\s+been)\s+refunded\b|\bno\s+refundable\s+amount\b/,
);
rule(
  'already_cancelled',
  0.85,
  'already-cancelled',
  /(已|已经)(撤销|取消|冲正|作废)|作废|\b(already|has\s+been|have\s+been|was|been)\s+(cancell?ed|revoked|reversed|voided)\b|\b(order|transaction|payment)\s+(cancell?ed|revoked|reversed|voided)\b|\bcancell?ed\s+by\s+the\s+merchant\b|商家取消/,
);
rule(
  'already_closed',
  0.86,
  'already-closed',
  /(订单|交易)(已|已经)关闭|\b(order|transaction|trade)\s+(has\s+been\s+|is\s+|was\s+|already\s+)*closed\b/,
);
rule(
  'already_captured',
  0.86,
  'already-captured',
  /已请款|\b(already|has\s+been)\s+captured\b|\bcaptured\s+transaction\b|pre[- ]?auth\w*\s+(has\s+been\s+)?(finished|completed)/,
);
rule(
  'order_not_paid',
  0.86,
  'not-paid',
  /未支付|尚未支付|未付款|待付款|待支付|\bunpaid\b|\bnot\s+(yet\s+)?(been\s+)?paid\b|\bpending\s+payment\b|\bnotpay\b/,
);
rule(
  'order_expired',
  0.84,
  'order-expired',
  /(订单|交易|支付|付款期限|付款时间)(已)?(过期|逾期|失效)|(超过|超出)(支付|付款)(时间|期限)|\b(order|payment\s+period|payment\s+window|transaction|session)\s+(has\s+)?(expired?|timed\s+out)\b|^order\s+expire/,
);
rule(
  'order_not_found',
  0.86,
  'order-not-found',
  /(订单|交易|记录|纪录|单号|退款单|原交易|原订单).{0,6}(不存在|未找到|找不到)|(无|没有)(此)?(交易|订单)(记录|纪录)?|\b(order|transaction|trade|record|refund|payment)\s+(order\s+)?(does\s+)?not\s+(exist|found)\b|\bno\s+(such\s+)?(transaction|order|record|trade)\b|\b(record|order|transaction)\s+not\s+found\b|trade_not_exist/,
);
rule(
  'order_mismatch',
  0.8,
  'order-mismatch',
  /(订单|金额|原始金额|交易).{0,10}(不一致|不匹配|不匹对|不符)|订单金额错误|原始金额不正确|\b(order|amount|original\s+amount|total\s+amount)\b.{0,40}\b(mismatch|inconsistent|does\s+not\s+match|not\s+match|incorrect)\b|\bmismatch\b.{0,10}\bamount\b|_no\s+does\s+not\s+match/,
);
rule(
  'invalid_state',
  0.76,
  'state-error',
  /状态(错误|异常|非法|不正确|禁止)|\b(status|state)\s+(error|is\s+abnormal|abnormal|is\s+illegal|illegal|invalid|forbidden)\b|\binstrumentstatus\b|原始交易失败|\boriginal\s+transaction\s+failed\b|\bhas\s+been\s+finished\b/,
);
rule(
  'agreement_not_found',
  0.92,
  'agreement',
  /(协议|签约|mandate|agreement).{0,10}(不存在|未找到|无效|not\s+(found|exist)|invalid|does\s+not\s+exist)/,
);
rule('disputed', 0.9, 'dispute', /拒付|争议|\bdispute\w*\b|\bchargeback\b/);
rule(
  'amount_paid_mismatch',
  0.92,
  'paid-amount-differs',
  /实际(缴款|付款|支付|转帐|转账)金额.{0,20}不一致|\bamount\b.{0,30}\bpaid\b.{0,40}\b(different|differs|does\s+not\s+match)\b/,
);

// --- operation rules -----------------------------------------------------------------------
rule(
  'amount_exceeds_available',
  0.9,
  'exceeds-refundable',
  /(退款|请款|撤销)(要求)?金额.{0,6}(大于|超过|超出)|(退款|请款)金额不能大于|\b(refund|capture|cancel)\w*\s+(request\s+)?amount.{0,20}\b(exceeds?|greater|bigger|more|larger|above)\b|\bexceeds?\s+(order\s+)?refundable\b|\bcumulative\s+refund\s+amount\b/,
);
rule(
  'partial_refund_unsupported',
  0.95,
  'partial-refund',
  /(不支持|不支援|不允许)部分退款|\bpartial\s+refunds?\b.{0,20}\b(not|n't|unsupported)\b|\b(does\s+not|doesn't)\s+(allow|support)\s+partial\s+refunds?\b/,
);
rule(
  'operation_window_closed',
  0.88,
  'window-closed',
  /(退款|撤销|取消)?(时效|期限)|(超过|超出).{0,10}(时效|期限|时限|时间)|当天交易才可以|不在当前批次|\b(refund(able)?|allowable)\s+(period|time\s+limit|window)\b|\bbeyond\s+the\s+\w+\s+(hours|period|window)\b|\bonly\s+transactions\s+of\s+the\s+day\b|\bnot\s+in\s+(the\s+)?current\s+batch\b/,
);
rule(
  'operation_not_supported',
  0.8,
  'op-not-supported',
  new RegExp(
    `(不支持|不支援|不允许)(撤销|退款|取消|该操作|更新|线上退款)|只能线下|绑卡功能|\\b(does\\s+not|doesn't|not)\\s+support\\s+(revocation|refund|cancel\\w*|reversal|this\\s+operation)|\\b(refund|binding|cancel\\w*|operation|update)\\s+(is\\s+)?${NOT}?\\s*(supported|support)\\b|\\bupdate\\s+not\\s+supported|不允许更新|pre-?authori[sz]?ed\\s+order|\\bnot\\s+support\\s+currently\\b`,
  ),
);
rule('operation_not_supported', 0.42, 'not-supported', /不支持|不支援|\bnot\s+supported\b|\bunsupported\b|\bnot\s+support\b/);
rule(
  'refund_not_allowed',
  0.86,
  'refund-not-allowed',
  /(禁止|不允许|不可|不能)退款|\brefunds?\s+(is\s+|are\s+)?(not\s+allowed|forbidden|prohibited|disabled)\b|\bdo\s+not\s+allow\s+(to\s+)?refund\b/,
);
rule(
  'refund_declined',
  0.78,
  'refund-rejected',
  /退款(请求)?(被)?拒绝|\brefund\s+(request\s+)?(was\s+|has\s+been\s+|is\s+)?(rejected|declined|refused)\b|\brefund\s+(request\s+)?can\s*not\s+be\s+processed\b/,
);
rule('refund_declined', 0.5, 'refund-failed', /退款失败|\brefund\s+failed\b/);
rule(
  'capture_declined',
  0.86,
  'capture-declined',
  /(请款|capture).{0,10}(失败|fail\w*|declin\w*).{0,16}(银行|bank|授权额度|issuer)|授权额度.{0,6}请款失败/,
);
rule(
  'merchant_balance_insufficient',
  0.92,
  'merchant-balance',
  /(商户|商家|特店|基本帐户|基本账户|未结算|结算|\bmerchant|\bsettlement|\bbasic\s+account).{0,16}(余额|金额|balance|acc\w*)?.{0,16}(不足|insufficient|not\s+enough|does\s+not\s+have\s+enough)/,
);
rule(
  'merchant_balance_insufficient',
  0.88,
  'balance-for-refund',
  /(退款|撤销|提现|代付|出款|refund|cancel|payout|withdraw).{0,20}(余额不足|balance\s+(is\s+)?(insufficient|not\s+enough)|insufficient\s+(account\s+)?balance)|(余额不足|balance\s+(is\s+)?(insufficient|not\s+enough)).{0,20}(退款|refund|充值|recharge)/,
);
rule(
  'merchant_balance_insufficient',
  0.9,
  'balance-flow',
  /余额不足|\bbalance\b.{0,12}\b(insufficient|not\s+enough)\b|\binsufficient\b.{0,12}\bbalance\b/,
  ['refund', 'cancel', 'payout'],
);

// --- funds and limits ----------------------------------------------------------------------
rule(
  'insufficient_funds',
  0.88,
  'insufficient-funds',
  /余额不足|资金不足|余额不够|可用余额不足|\binsufficient\s+(funds|balance)\b|\bnot\s+enough\s+(balance|funds|money)\b|\bbalance\s+(is\s+)?(insufficient|not\s+enough)\b|\bnsf\b|\bamount_not_enough\b|\bamount\s+not\s+enough\b/,
);
rule(
  'card_limit_exceeded',
  0.85,
  'card-limit',
  new RegExp(
    `(发卡行|发卡银行|银行|${CARD}|${ACCT}|单日|当日|每日|累计|提现|信用).{0,16}(超过|超出|超限|限额|额度)|\\b(credit|daily|card|account|withdrawal|spending|transaction)\\s+(amount\\s+)?limit\\b|\\bexceed\\w*\\b.{0,30}\\b(credit|daily|card|withdrawal|balance/credit)\\b.{0,10}\\blimit\\b|\\bexceeds?\\s+withdrawal\\s+amount\\s+limit\\b`,
  ),
);
rule(
  'card_usage_limit_exceeded',
  0.88,
  'usage-count',
  /(交易|支付|使用)次数|已超交易次|\bnumber\s+of\s+(withdrawals|transactions|uses|payments)\b.{0,40}\bexceed\w*|\b(withdrawal|transaction|usage)\s+count\b.{0,20}\bexceed\w*|\bfrequency\s+limit\b/,
);
rule(
  'amount_out_of_range',
  0.84,
  'amount-range',
  /(超过|高于|大于)最(大|高)(金额|限额|付款限额)|(低于|小于|不足)最(低|小)(金额|限额|付款限额)|最(低|小)和最(高|大)|金额.{0,6}(超出|不在).{0,6}(范围|之间)|的范围为|\bamount\s+(exceeds\s+the\s+maximum|below\s+the\s+minimum|is\s+too\s+(large|small|high|low)|out\s+of\s+range)\b|\brange\s+of\s+\S+\s+is\b|\b(above|below)\s+the\s+(maximum|minimum)\b|\bcreate\s+amount\s+error\b/,
);
rule(
  'excessive_retries',
  0.95,
  'excessive-retries',
  /\bdecline\s+rate\s+limit\b|\btoo\s+many\s+(attempts|declines|retries|failed)\b|频率超出限制而被拒绝|\bexcessive\s+retr\w*|(重试|尝试)次数过多/,
);

// --- customer data -------------------------------------------------------------------------
rule(
  'payment_code_expired',
  0.88,
  'payment-code',
  /(付款码|收款码|二维码|条码|支付码|授权码|auth_code|\b(?:payment|qr|bar|auth(?:ori[sz]ation)?)\s+code\b).{0,30}(过期|逾期|失效|无效|错误|\bexpired?\b|\binvalid\b|\berror\b|\bwrong\b|\bincorrect\b|validation\s+fail)|\binvalid\s+(qr|payment|bar)\s+code\b/,
);
rule(
  'incorrect_pin',
  0.9,
  'incorrect-pin',
  /(密码|pin)(错误|不正确|有误|检定不通过|验证不通过|校验失败)|\b(incorrect|wrong|invalid)\s+(pin|password|passcode)\b|\b(pin|password|passcode)\s+(entered\s+)?(is\s+)?(incorrect|invalid|wrong)\b/,
);
rule(
  'pin_tries_exceeded',
  0.94,
  'pin-tries',
  /(密码|pin).{0,10}(次数|重试).{0,6}(超|过多|上限)|(超过|超出).{0,4}(pin|密码).{0,6}(次数|重试)|\b(pin|password)\s+(tries|attempts|retr\w*)\b.{0,20}\b(exceed\w*|limit)\b|\bexceed\w*\b.{0,30}\b(pin|password)\s+(tries|attempts|retr\w*)\b|\bmaximum\s+number\s+of\s+(pin|password)\s+attempts\b/,
);
rule(
  'pin_required',
  0.88,
  'pin-required',
  /\b(requires?|need\w*)\s+(an?\s+)?(online\s+|offline\s+)?(pin|password)\b|\bpin\s+(is\s+)?required\b|输入pin|(需要|请)输入(支付)?密码/,
);
rule(
  'incorrect_cvc',
  0.92,
  'cvc',
  /(cvv2?|cvc2?|cid|安全码|security\s+code).{0,12}(错误|不通过|有误|失败|\bincorrect\b|\binvalid\b|\bwrong\b|\bfail\w*|\bdeclined\b)|\b(incorrect|invalid|wrong)\s+(cvv2?|cvc2?|security\s+code)\b/,
);
rule(
  'invalid_card_number',
  0.92,
  'card-number',
  /卡号.{0,10}(无效|错误|不通过|有误|非法)|\bcard\s+number\b.{0,20}\b(invalid|incorrect|wrong|not\s+valid)\b|\b(invalid|incorrect)\s+card\s+number\b/,
);
rule(
  'invalid_expiry',
  0.92,
  'expiry',
  /有效期(月份|年份)?(错误|有误|不正确)|\b(incorrect|invalid|wrong)\s+(expiration|expiry)\s+(date|month|year)\b|\b(expiration|expiry)\s+(date|month|year)\s+(is\s+)?(incorrect|invalid|wrong)\b/,
);
rule(
  'expired_card',
  0.92,
  'expired-card',
  /过期卡|卡(已)?过期|(已)?过有效期|\bexpired\s+(card|bank\s+account)\b|\bcard\s+(used\s+)?(has\s+|is\s+)?expired\b/,
);
rule(
  'billing_details_mismatch',
  0.88,
  'billing',
  /卡(地址|邮编)|户名|\b(card|billing)\s+(address|zip|postal)\b|\bavs\b|\baccount\s+(information\s+mismatch|and\s+name)\b|(帐户|账户)信息不(匹配|符)|\bname\s+mismatch\b/,
);
rule(
  'invalid_card_data',
  0.85,
  'card-data',
  /卡信息错误|(帐户|账户)\(卡\)类型|\bcard\s+(data|details|info\w*)\s+(error|invalid|incorrect)\b|\binvalid\s+account\s+type\b|\b(card|account)\s+type\s+(error|invalid)\b/,
);
rule(
  'invalid_customer_details',
  0.8,
  'customer-details',
  /(物流地址|收货地址|地址|邮编|手机号|电话|邮箱|国家码|省份|城市|州).{0,4}(缺失|非法|无效|未填写|错误|不正确)|(非法|无效)(手机号|邮箱|地址)|\b(missing|invalid|incorrect)\s+(pickup\s+|shipping\s+|delivery\s+|billing\s+)?(address|postal\s+code|zip(\s+code)?|phone(\s+number)?|email(\s+address)?|country(\s+code)?|province|city|state)\b/,
);
rule(
  'payment_token_invalid',
  0.9,
  'payment-token',
  /\bpayment\s+token\s+(is\s+)?(invalid|invailid|expired?|expires|illegal)\b|(支付|付款).{0,4}token.{0,6}(非法|无效|过期|逾期)|回应的token非法|回传的token逾期/,
);
rule(
  'payment_token_invalid',
  0.6,
  'token-invalid',
  /token.{0,10}(过期|非法|无效|失效|信息)|\b(invalid|illegal|expired)\s+token\b|\btoken\s+(expired|invalid|is\s+invalid)\b|非法token/,
);
rule(
  'authentication_failed',
  0.92,
  '3ds-failed',
  /(3d|3ds|3-d|three[- ]d|3d\s+secure|身份)\S*.{0,20}(不通过|未通过|失败|\bfail\w*|\bnot\s+pass\w*|\bdeclined\b)|\bfailed\s+3d\s+secure\b|持卡人未通过/,
);
rule('authentication_failed', 0.5, 'auth-failed', /\bauthentication\s+(failed|failure)\b|认证失败/);
rule(
  'authentication_abandoned',
  0.93,
  '3ds-abandoned',
  /(3d|3ds|3-d|3d\s+secure|authenticat\w*|认证|验证|授权).{0,20}(超时|逾时|取消|未完成|\btime\s?out\b|\btimed\s+out\b|\bcancel\w*|\bnot\s+complet\w*|\bunfinished\b|\babandon\w*)|\bdid\s+not\s+complete\s+3d\b|授权未完成|\bauthentication\s+unfinished\b/,
);
rule(
  'authentication_required',
  0.9,
  'auth-required',
  /(需要|要求).{0,10}(3ds|3d|验证|认证|cvs|cvv)|\b(need|needs|requires?|required)\s+(3ds|3d\s+secure|authentication|sca|cvs|cvv)\b|\b(3ds|authentication|sca)\s+(is\s+)?required\b/,
);
rule(
  'card_verification_failed',
  0.86,
  'verification-failed',
  /(卡片|卡|帐户|账户)(验证|校验).{0,10}失败|\b(card|account)\s+verification\s+(is\s+)?fail\w*|绑(卡|定)失败|\bbinding\s+failed\b/,
);
rule('card_verification_failed', 0.55, 'verification-failed-generic', /\bverification\s+(is\s+)?failed\b|验证失败/);
rule(
  'customer_cancelled',
  0.9,
  'customer-cancelled',
  /(客户|用户|顾客|买家|消费者|持卡人|付款人)(自主|主动)?取消|\b(customer|user|payer|buyer|shopper|consumer)\s+(cancell?ed|cancellation|aborted|declined|rejected|refused)\b|\bcancell?ed\s+by\s+(the\s+)?(customer|user|payer|buyer|shopper)\b|拒绝授权|\brejected\s+the\s+binding\b/,
);

// --- card and account state ----------------------------------------------------------------
rule(
  'account_invalid',
  0.84,
  'account-invalid',
  new RegExp(
    `无此(帐|账)号|(银行|付款|支付)?${ACCT}(不存在|无效)|\\b(bank\\s+)?account\\s+(does\\s+not\\s+exist|not\\s+exist|is\\s+invalid)\\b|\\binvalid\\s+(customer\\s+)?(payment\\s+)?account\\b`,
  ),
);
rule(
  'account_closed',
  0.88,
  'account-closed',
  new RegExp(`(${ACCT}|${CARD}).{0,6}(已关闭|已注销|已销户)|已清户|\\b(account|card)\\s+(is\\s+|has\\s+been\\s+)?(closed|purged)\\b`),
);
rule(
  'account_frozen',
  0.88,
  'account-frozen',
  new RegExp(
    `(${ACCT}|${CARD}).{0,6}(冻结|锁定|被锁)|\\b(account|card)\\s+(is\\s+|has\\s+been\\s+)?(frozen|locked)\\b|\\bcard\\s+application\\s+is\\s+blocked\\b`,
  ),
);
rule(
  'restricted_card',
  0.9,
  'restricted',
  /受限(制)?的?(帐户|账户|卡)|卡(已)?受限|\brestricted\s+(card|account)\b|\binvalid\s+card\s+in\s+this\s+country\b/,
);
rule(
  'card_not_supported',
  0.88,
  'card-not-supported',
  /(不支持|不支援)的?(卡|银行卡|信用卡|卡种)|卡.{0,4}(不支持|不支援)|\b(unsupported|not\s+supported)\s+(card|bank\s+account)\b|\bcard\s+(type\s+)?(is\s+)?not\s+supported\b|\bcard_not_support\b/,
);
rule(
  'customer_account_unavailable',
  0.85,
  'customer-account',
  /(消费者|顾客|客户|用户|买家|付款|支付)(付款)?(帐户|账户|帐号|账号).{0,6}(异常|错误|不可用|无法使用|状态)|(帐户|账户)(错误|无法使用)|请确认支付(帐户|账户)可用|\b(customer|buyer|user|payer|consumer)\s+(payment\s+)?account\s+(error|abnormal|unavailable|status|issue\w*)\b|\bbuyer\s+(does\s+not\s+exist|account\s+status)\b|\baccount\s+unusable\b|\bissues\s+with\s+customer\s+account\b/,
);
rule(
  'payment_method_not_accepted',
  0.82,
  'use-other-method',
  /请(消费者|顾客|用户|客户)?(使用|改用|更换).{0,12}(付款|支付|码)|\bplease\s+(use|pay\s+with)\s+(another|a\s+different|the)\s+\w+/,
);

// --- issuer declines -----------------------------------------------------------------------
rule(
  'issuer_declined',
  0.86,
  'issuer-declined',
  /(发卡行|发卡方|发卡银行|银行).{0,10}(拒绝|失败|拒付)|受理方或者银行拒绝|被拒的银行|\b(declined|rejected|refused)\s+by\s+(the\s+)?(card\s+)?(issuer|issuing\s+bank|bank)\b|\b(issuer|issuing\s+bank)\s+(declined|rejected)\b|\b(bank\s+account|payment\s+instrument)\s+declined\b/,
);
rule('do_not_honor', 0.96, 'do-not-honor', /\bdo\s+not\s+hono(u)?r\b|不予兑现|不予承兑/);
rule(
  'generic_decline',
  0.6,
  'declined',
  /\b(payment|transaction|trade|charge|card)\s+(was\s+|has\s+been\s+)?(declined|refused|rejected|failed)\b|交易(被)?拒绝|交易失败|支付失败|付款失败|下单失败|\bpayment\s+declined\b/,
);
rule('generic_decline', 0.75, 'declined-for-reasons', /\bdeclined\s+for\s+\w+\s+reasons\b|(以外的|其它|其他)原因.{0,6}(失败|拒绝)/);
rule('generic_decline', 0.5, 'failed', /^(fail|failed|failure|declined|refused|rejected)\.?$|\bpayerror\b|\bpayment\s+failed\b/);

// --- risk ----------------------------------------------------------------------------------
rule(
  'lost_or_stolen_card',
  0.93,
  'lost-stolen',
  /挂失|被窃|被盗|遗失|\b(lost|stolen)\s+(card|bank\s+account|account)\b|\b(card|account)\s+(reported\s+)?(lost|stolen)\b/,
);
rule('pickup_card', 0.93, 'pickup', /没收|吞卡|\bpick[- ]?up\s+card\b|\bconfiscat\w*|\bretain\s+(the\s+)?card\b/);
rule(
  'fraud_suspected',
  0.9,
  'fraud',
  /欺诈|诈骗|伪造|\bfraud\w*|\bcounterfeit\b|\bsecurity\s+violation\b|安全违规|(发卡行|发卡银行|发卡方|银行|issuer|issuing\s+bank).{0,12}(高风险|风险|\brisk)/,
);
rule(
  'risk_blocked',
  0.88,
  'risk',
  /风控|风险|黑名单|\brisk\b|\bblacklist\w*|\bblocked\s+list\b|\bsecurity\s+(issue|reason)s?\b|\birregularit\w*|该交易被禁止|\btransaction\s+(is\s+)?(forbidden|prohibited|blocked)\b|\btrade\s+has\s+been\s+frozen\b/,
);
rule(
  'compliance_blocked',
  0.92,
  'compliance',
  /违法|违规交易|反洗钱|制裁|\bviolation\s+of\s+(the\s+)?law\b|\bsanction\w*|\bcompliance\b|\banti[- ]money\b|\baml\b|\blegal\s+reasons?\b/,
);

// --- merchant account ----------------------------------------------------------------------
rule(
  'merchant_not_found',
  0.86,
  'merchant-not-found',
  /(商户|商家|特店|卖家|appid|app\s?id|mch_id|merchant|seller|partner).{0,12}(不存在|无效|非法|未找到|does\s+not\s+exist|not\s+exist|not\s+found|invalid)|非法商户|\binvalid\s+(merchant|app\s?id|seller)\b|无法定位到用户|\bunable\s+to\s+locate\b|\bfailed\s+to\s+get\s+merchant\b/,
);
rule(
  'merchant_account_inactive',
  0.84,
  'merchant-inactive',
  /(商户|商家|特店|门市|门店|店铺|收款帐户|收款账户|受理机构).{0,14}(禁用|停用|冻结|异常|不可用|状态不正确|状态不可用|未启用)|\b(merchant|store|shop|accepting\s+institution)\b.{0,20}\b(disabled|inactive|suspended|abnormal|unavailable|frozen)\b|\bissues\s+with\s+merchant\s+account\b|\bmerchant\s+status\s+is\s+unavailable\b/,
);
rule(
  'merchant_not_permitted',
  0.88,
  'no-permission',
  /(无|没有)(使用)?权限|权限(已)?(停用|关闭|禁用|不足)|无权|\bno\s+(permission|privilege)\b|\bnot\s+permitted\b|\bpermission\s+(is\s+)?(disabled|denied)\b|\b(receive|withdraw\w*|refund|payment)\s+forbidden\b|(提现|收款|退款|付款)已停用|未完成高级认证/,
);
rule(
  'merchant_config_error',
  0.83,
  'config',
  /配置(错误|异常|有误)|未(设定|设置|配置)|白名单|未启用|无效设备|\bconfig\w*\s+(error|abnormal|invalid)\b|\bwhitelist\w*|\bnot\s+(configured|set\s+up)\b|\binformation\s+is\s+empty\b|\bnot\s+connected\s+to\s+the\s+platform\b|\binvalid\s+store\s+url\b|\bdevice\s+(not\s+activated|disabled|invalid)\b|mch_id\w*为空|未与平台/,
);
rule(
  'payment_method_not_enabled',
  0.86,
  'method-not-enabled',
  /(支付方式|付款方式|交易类型|产品).{0,6}(未开通|未绑定|未启用|未签约|不支持|不支援)|(付款通路|支付通道|渠道|通路|通道).{0,6}(未开通|未绑定|未启用|未签约)|(不支持|不支援)的?(交易类型|支付方式|付款方式)|无此渠道|暂不支援该付款方式|\b(payment\s+(method|type)|channel|product)\s+(is\s+)?(not\s+(activated|enabled|opened|supported|currently\s+supported))\b|\bunsupported\s+payment\s+(type|method)\b|\bno\s+channel\s+supported\b|\bprovider\s+not\s+found\b/,
);
rule(
  'currency_not_supported',
  0.92,
  'currency-not-supported',
  /(不支持|不支援).{0,6}(币种|货币)|(币种|货币).{0,6}(不支持|不支援)|\bcurrency\b.{0,20}\b(not\s+supported|not\s+support|unsupported)\b|\b(unsupported|not\s+supported\s+for\s+this)\s+currency\b/,
);

// --- integration ---------------------------------------------------------------------------
rule(
  'invalid_request',
  0.76,
  'bad-param',
  /参数(错误|缺失|异常|非法|有误|不正确)|请求(格式|参数)?(错误|有误|非法)|格式错误|校验错误|不能为空|为空|请传入|\b(invalid|missing|wrong|incorrect|bad|illegal)\s+(param\w*|request|argument|field|format|json|header)\b|\bparam\w*\s+(error|miss\w*|invalid|abnormal|format\s+error)\b|\bformat\s+error\b|\bcheck\s+error\b|\bbad\s+request\b|\b(is|was)\s+(empty|null|required)\b|\brequest\s+(url\s+)?(error|incorrect|invalid)\b|\bheader\s+is\s+invalid\b|\b(param\w*|value)\s+(value\s+)?(is\s+)?(invalid|incorrect|illegal)\b|\binsufficient\s+message\s+header\b/,
);
rule(
  'invalid_request',
  0.65,
  'url-not-found',
  /\burl\b.{0,10}(不存在|\bnot\s+(exist|found)|does\s+not\s+exist)|\bnot\s+found\b|无法访问|请求url/,
);
rule(
  'invalid_amount',
  0.78,
  'bad-amount',
  /金额.{0,6}(格式|错误|有误|非法|不正确|无效)|\b(invalid|incorrect|wrong)\s+(\w+\/)?(\w+\s+)?amount\b|\bamount\s+(format\s+)?(error|invalid|not\s+valid|check\s+fail\w*)\b|\bamount\s+not\s+valid\b/,
);
rule(
  'invalid_currency',
  0.88,
  'bad-currency',
  /(币种|货币)(非法|错误|无效)|\b(invalid|illegal|wrong|incorrect)\s+currency\b|\bcurrency\s+(code\s+)?(invalid|error)\b/,
);
rule(
  'invalid_signature',
  0.9,
  'signature',
  /签名(错误|异常|失败|无效|不正确|验证失败)|验签失败|\bsign(ature)?\s+(error|invalid|invailid|fail\w*|incorrect|mismatch|abnormal|wrong)\b|\b(invalid|incorrect|wrong)\s+sign(ature)?\b|\bverification\s+signature\s+fail\b|\bsignature\s+(verification|check)\s+(failed|error)\b|\bsign_fail\b/,
);
rule(
  'invalid_credentials',
  0.86,
  'credentials',
  /(api\s?key|apikey|client\s?key|secret|private[_ ]key|public\s+key|access\s+key|user_confirm_key|私钥|公钥|密钥|秘钥).{0,30}(错误|有误|无效|过期|为空|不正确|不符|\berror\b|\binvalid\b|\bincorrect\b|\bwrong\b|\bexpired\b|\bempty\b|\binvailid\b)|访问拒绝|未授权|\baccess\s+denied\b|\b(not|un)\s?authori[sz]ed\b|客户端id错误/,
);
rule('access_token_invalid', 0.88, 'access-token', /\baccess\s+token\b|\bapi\s+token\b|token.{0,4}(被篡改|tampered)|\btoken\s+tampered\b/);
rule(
  'rate_limited',
  0.92,
  'rate-limit',
  /请求(过于)?频繁|请求超限|频率过高|(?<!卡.{0,4})频率限制|调用(次数|频率)超|\btoo\s+(many|frequent)\s+requests?\b|\brequests?\s+(are\s+|is\s+)?too\s+frequent\b|(?<!decline\s)\b(api\s+)?rate\s+limit\w*|\bthrottl\w*|\bqps\b/,
);

// --- provider state ------------------------------------------------------------------------
rule(
  'provider_unavailable',
  0.86,
  'unavailable',
  /维护中|系统维护|服务(不可用|无法访问|无法存取|暂停)|暂停服务|\bmaintenance\b|\bservice\s+(is\s+)?(unavailable|cannot\s+be\s+accessed|not\s+available)\b|\btemporarily\s+unavailable\b|唤起.{0,6}失败|\bfailed\s+to\s+(pull\s+up|load)\s+the\s+form\b/,
);
rule('provider_busy', 0.86, 'busy', /繁忙|\bbusy\b/);
rule('provider_busy', 0.45, 'try-later', /稍后(再试|重试)|\btry\s+again\s+later\b|\bretry\s+later\b/);
rule(
  'restart_required',
  0.88,
  'restart',
  /重新(发起|下单)(交易)?(?!.*余额)|\b(restart|re-?initiate|reenter|re-?enter)\s+(a|the)?\s*transaction\b/,
);

export const RULES: readonly Rule[] = rules;
