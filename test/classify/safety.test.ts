import { describe, expect, it } from 'vitest';
import { classify } from '../../src/classify/classify.js';
import { codeWords } from '../../src/classify/features.js';
import { glossText } from '../../src/classify/gloss.js';
import {
  balanceSide,
  namesAccessToken,
  namesAccountNumberGivenWrong,
  namesCardNumberGivenWrong,
  namesCardsLimit,
  namesExpiryGivenWrong,
  namesFieldError,
  namesMerchantsAccount,
  namesMissingField,
  namesSecurityCodeGivenWrong,
  type Reading,
  safetyStep,
  saysAmountOverEarlier,
  saysDeclineReason,
  saysEarlierNotFound,
  saysExpiryReason,
  saysMoneyMoved,
  saysNoDoubt,
  saysNotProcessed,
  saysNotSetUp,
  saysOnlyDeclined,
  saysPaymentMoved,
  saysRequestInvalid,
} from '../../src/classify/safety.js';
import type { Flow } from '../../src/core/types.js';
import { fold } from '../../src/text/fold.js';

const paid: Reading = { unified: 'approved', outcome: 'succeeded', next: 'done' };
const declined: Reading = { unified: 'generic_decline', outcome: 'failed', next: 'ask_customer' };
const stopped: Reading = { unified: 'merchant_disabled', outcome: 'failed', next: 'stop' };

const step = (r: Reading, text: string, flow?: Flow) => safetyStep(r, fold(text), flow);

describe('safety rule status-query: a failed status query says nothing about the transaction', () => {
  it.each([
    ['Invalid parameter', 'query'],
    ['Inquiry failed', undefined],
    ['Get status request rejected', undefined],
    ['查詢失敗', undefined],
    ['조회 실패', undefined],
    ['照会に失敗しました', undefined],
    ['La consulta falló', undefined],
    // A payment status check (상태 체크) that failed is a status query.
    ['결제 상태 체크에 실패하였습니다.', 'payment'],
  ] as const)('%s (flow %s)', (text, flow) => {
    expect(step(stopped, text, flow)).toMatchObject({ rule: 'status-query', force: { outcome: 'unknown', next: 'query' } });
  });
  it("on the query flow, the transaction's own state is the answer: the query worked", () => {
    // payment failed (other reasons, such as the bank returning a failure); closed; revoked
    for (const text of [
      'Transaction declined',
      'Order closed',
      'The payment failed.',
      '支付失败(其他原因，如银行返回失败)',
      '已关闭',
      '已撤销',
      'Transacción rechazada',
      'El pago fue denegado',
    ]) {
      expect(step(stopped, text, 'query'), text).toBeUndefined();
    }
    // A status table's row that is the state's one word: a query request is not itself declined,
    // expired or voided; a bare "Failed" or "Rejected" may be the query's own failure, and stays one.
    for (const text of [
      'Expired',
      'Declined',
      'Denied',
      'Cancel',
      'Cancelled',
      'Voided',
      'Aborted',
      'Terminated',
      'Abandoned',
      'Chargeback',
      'Charged back',
      'Disputed',
    ])
      expect(step(stopped, text, 'query'), text).toBeUndefined();
    // "Access denied" is the query's own refusal, not the transaction's state.
    expect(step(stopped, 'Access denied', 'query')).toMatchObject({ rule: 'status-query' });
    for (const text of ['Failed', 'Rejected']) expect(step(stopped, text, 'query'), text).toMatchObject({ rule: 'status-query' });
    // A status row whose code is its word: the rules read the message and the code's words together.
    for (const code of ['DECLINED', 'Cancelled', 'expired', 'DENIED', 'CANCEL', 'ABORTED', 'TERMINATED', 'Chargeback']) {
      expect(classify({ code, message: code, flow: 'query' }).outcome, code).toBe('failed');
    }
    expect(classify({ code: 'FAILED', message: 'FAILED', flow: 'query' }).outcome).toBe('unknown');
    // not paid; the user is paying (the customer's step): open, not failed
    expect(step(stopped, '未支付', 'query')).toMatchObject({ rule: 'guard', unified: 'order_not_paid' });
    expect(step(stopped, '用户支付中（付款码支付）', 'query')).toMatchObject({ rule: 'not-final', unified: 'awaiting_customer' });
    // found paid
    expect(step(stopped, 'Payment captured', 'query')).toMatchObject({ rule: 'says-paid', unified: 'approved' });
    // A status row's word for paid in Chinese, Japanese or Korean: its 已 is the state, not an
    // earlier attempt. Not off the query flow, where 已支付 answers a second request; not under a
    // code whose words say more; not a bare 成功, which is how the query's own result reads.
    const unknownReading: Reading = { unified: 'outcome_unknown', outcome: 'unknown', next: 'query' };
    for (const text of ['已支付', '已付款', '消込済', '決済済み', '결제완료'])
      expect(step(unknownReading, text, 'query'), text).toMatchObject({ rule: 'says-paid', unified: 'approved' });
    expect(step(unknownReading, '已支付', 'payment')?.rule).not.toBe('says-paid');
    expect(safetyStep(unknownReading, fold('已支付 already paid'), 'query', 'already paid')?.rule).not.toBe('says-paid');
    expect(step(unknownReading, '成功', 'query')?.rule).not.toBe('says-paid');
    expect(classify({ message: '已支付', flow: 'query' }).outcome).toBe('succeeded');
    const c = classify({ message: '支付失败', flow: 'query' });
    expect(c.outcome).toBe('failed');
  });
  it('on the query flow, a failed or expired state the words report stands where the model leaned to an unknown result', () => {
    const unknown: Reading = { unified: 'outcome_unknown', outcome: 'unknown', next: 'query' };
    // The time to pay run out, read as a state (支払期限を過ぎています, 입금 기한 만료), and a state of
    // failure the model had no reading of: the query found the transaction failed, and it is final.
    expect(step(stopped, '支払期限を過ぎています', 'query')).toBeUndefined();
    expect(step(stopped, '입금 기한 만료', 'query')).toBeUndefined();
    expect(step(unknown, 'Transacción fallida', 'query')).toMatchObject({
      rule: 'status-query',
      unified: 'generic_decline',
      force: { outcome: 'failed', next: 'stop' },
    });
    expect(step(unknown, '订单已过期', 'query')).toMatchObject({ unified: 'order_expired', force: { outcome: 'failed', next: 'stop' } });
    expect(step(unknown, '已作废', 'query')).toMatchObject({ force: { outcome: 'failed', next: 'stop' } });
    for (const message of ['支払期限を過ぎています', 'Transacción fallida', '已作废']) {
      const c = classify({ message, flow: 'query' });
      expect(c.outcome, message).toBe('failed');
    }
    // Not with a word of doubt beside it, not a query of its own, and not off the query flow.
    expect(step(unknown, '订单已过期，系统异常', 'query')).toBeUndefined();
    expect(step(unknown, '查询失败：订单已过期', 'query')).toBeUndefined();
    expect(step(unknown, 'Transacción fallida', 'payment')).toBeUndefined();
    for (const message of ['订单已过期，系统异常', '查询失败'])
      expect(classify({ message, flow: 'query' }).outcome, message).toBe('unknown');
  });
  it("on the query flow, a reading the model is sure of that is the transaction's own state stands, in any words", () => {
    const state = (unified: string, category: string, party: string, next: Reading['next'], probability: number): Reading => ({
      unified,
      outcome: 'failed',
      next,
      category,
      party,
      probability,
    });
    const cancelled = state('already_cancelled', 'order_state', 'merchant', 'stop', 0.45);
    const authFailed = state('authentication_failed', 'authentication', 'customer', 'ask_customer', 0.95);
    for (const text of ['オーソリ取消済', 'Transaction is marked as chargeback.', 'Authorized amount has been voided and released']) {
      expect(step(cancelled, text, 'query'), text).toBeUndefined();
    }
    expect(step(authFailed, '3D Secure authentication failed.', 'query')).toBeUndefined();
    // A guess at words the model has not learned is no state: the query is looked up again.
    expect(step({ ...cancelled, probability: 0.02 }, '申込済', 'query')).toMatchObject({ rule: 'status-query' });
    // The query's own request can fail for the integration's reasons, or the provider's.
    for (const r of [
      state('invalid_signature', 'integration', 'integration', 'fix_and_retry', 0.9),
      state('order_mismatch', 'order_state', 'integration', 'fix_and_retry', 0.9),
      state('merchant_config_error', 'merchant_account', 'merchant', 'fix_and_retry', 0.9),
      state('amount_out_of_range', 'funds_limits', 'merchant', 'fix_and_retry', 0.9),
    ]) {
      expect(step(r, 'Request rejected', 'query'), r.unified).toMatchObject({ rule: 'status-query' });
    }
    // "Look it up" is what the rule answers anyway.
    expect(step(state('invalid_state', 'order_state', 'merchant', 'query', 0.9), 'Transaction Status Unconfirmed', 'query')).toMatchObject({
      rule: 'status-query',
    });
    // A reading that sends someone to try again stands only where no word hints at doubt.
    expect(step(authFailed, 'Authentication failed: timeout', 'query')?.force).toEqual({ outcome: 'unknown', next: 'query' });
    // Through the classifier: the category and the probability come from the model's own reading.
    for (const [message, code] of [
      ['3D Secure authentication failed.', undefined],
      ['Authorized amount has been voided and released', 'VOIDED'],
    ] as const) {
      const c = classify({ message, code, flow: 'query' });
      expect(c.outcome, message).toBe('failed');
      expect(
        c.evidence.some((e) => e.detail.startsWith('safety rule status-query')),
        message,
      ).toBe(false);
    }
    expect(classify({ message: '申込済', flow: 'query' }).outcome).toBe('unknown');
  });
  it('but not where the text names something not found, holds a word of doubt, or says the query failed', () => {
    for (const text of [
      '订单不存在',
      'Payment failed: system timeout',
      '交易状态异常',
      '查询失败',
      'Inquiry failed: transaction declined',
    ]) {
      const r = step(stopped, text, 'query');
      expect(r?.force ?? {}, text).toEqual({ outcome: 'unknown', next: 'query' });
    }
  });
  it('leaves a failure that is not a query alone', () => {
    expect(step(stopped, 'Merchant account disabled', 'payment')).toBeUndefined();
  });
  it('a lookup of something the payment needs, a query parameter or "contact us" is not a status query', () => {
    // card-number lookup error; merchant registration lookup error; billing-key lookup error
    // and any other thing named before the lookup: a merchant key, a VAN setting, a store's details
    for (const text of [
      '카드번호 조회 오류입니다.',
      '가맹점 등록조회 오류입니다.',
      '빌키 조회 오류',
      'CPID조회 오류',
      'VAN관리 조회오류',
      '에스크로 상점 정보 조회 오류',
      // a card that cannot be looked up: the card is turned away (use another card)
      '조회 불가능 카드',
      '조회불가카드 타카드사용요망',
    ]) {
      expect(step(declined, text, 'payment')).toBeUndefined();
    }
    expect(step(declined, 'The query parameters provided are invalid for the requested endpoint.', 'payment')).toBeUndefined();
    // "card authorisation error: for details, contact the card company"
    expect(step(declined, 'カード会社オーソリエラー 詳細はカード会社にお問い合わせください。', 'payment')).toBeUndefined();
  });
  it('a lookup of the transaction or its status still is one', () => {
    // original transaction status lookup failed, when cancelling; original transaction lookup error
    for (const text of [
      '취소 시, 원거래상태조회실패',
      '원거래 조회오류',
      '조회 실패하였습니다.',
      '거래내역 조회 실패',
      '결제 상태 조회 오류',
    ]) {
      expect(step(declined, text, 'cancel')).toMatchObject({ rule: 'status-query' });
    }
    expect(step(declined, 'Query parameter missing; the inquiry failed', 'payment')).toMatchObject({ rule: 'status-query' });
  });
});

describe('safety rule not-final: created, accepted, received, check the status, in progress are not succeeded', () => {
  it.each([
    'Transaction completed, please inquire the status',
    'Order created, waiting for the customer to pay',
    'Request accepted',
    'Refund request received',
    '訂單已創建',
    '已受理',
    '접수되었습니다',
    '受付しました',
    'Solicitud recibida',
  ])('%s', (text) => {
    expect(step(paid, text, 'payment')).toMatchObject({ rule: 'not-final' });
  });
  it('in progress reads as in flight (pending), the rest as accepted (unknown/query)', () => {
    expect(step(paid, 'Payment in progress')).toMatchObject({ unified: 'processing' });
    expect(step(paid, 'Payment request accepted')).toMatchObject({
      unified: 'request_accepted',
      force: { outcome: 'unknown', next: 'query' },
    });
  });
});

describe('safety rule not-final: a payment or an order created, on the payment or the query flow, waits for the customer', () => {
  const accepted: Reading = { unified: 'request_accepted', outcome: 'unknown', next: 'query' };
  it.each([
    ['CREATED', 'query'],
    ['Initiated', 'payment'],
    ['Open', 'query'],
    ['订单已创建', 'query'],
    ['下单成功', 'payment'],
    ['GoPay transaction is created', 'payment'],
    ['Pedido iniciado', 'payment'],
  ] as const)('%s (flow %s)', (text, flow) => {
    for (const r of [accepted, declined, paid]) {
      expect(step(r, text, flow), `${r.unified}`).toMatchObject({ rule: 'not-final', unified: 'awaiting_customer' });
    }
    expect(classify({ message: text, flow })).toMatchObject({ unified: 'awaiting_customer', outcome: 'pending', next: 'wait' });
  });
  it('off those flows a creation may be a refund, a payout or a request: it stays a request accepted', () => {
    for (const flow of [undefined, 'refund', 'payout'] as const) {
      expect(step(accepted, 'Created', flow), `${flow}`).toBeUndefined();
      expect(classify({ message: 'Created', flow }).outcome, `${flow}`).not.toBe('pending');
    }
  });
  it('not where the text says anything else: a failure, a doubt, money moved, or more than a few words', () => {
    for (const text of [
      'Payment created but failed',
      'Order already created',
      'Order created, payment expired',
      'Duplicate order created',
      'Order created, paid successfully',
      'Order was created with an intent to CAPTURE; use the capture endpoint',
    ]) {
      expect(step(accepted, text, 'payment')?.unified, text).not.toBe('awaiting_customer');
    }
  });
});

describe('safety rule says-money-moved: succeeded only where the text says the money moved', () => {
  it.each([
    'Payment successful',
    'Transaction approved',
    'Paid',
    '支付成功',
    '交易成功',
    '결제 완료',
    '決済完了',
    'Pago aprobado',
    'The order has been fully captured',
    'The invoice has successfully been paid',
    'Successful transaction',
    'Wise has paid out funds to the recipient',
    'Payment is confirmed by the network, and has been credited to the merchant.',
    'Payment confirmed',
    'payment is done',
    // A deposit received: a konbini or bank-transfer payment's status done, in Japanese.
    '入金済み',
    '入金完了',
    // A payout or a transfer delivered to whom it was for.
    "Payment was transferred to the payee's account",
    'The funds have been deposited to your bank account',
  ])('keeps %s', (text) => {
    expect(step(paid, text, 'payment')).toBeUndefined();
  });
  it("a status row's deposit received is paid, and one not yet received is open", () => {
    const stopped2: Reading = { unified: 'risk_blocked', outcome: 'failed', next: 'stop' };
    expect(step(stopped2, '入金済み', 'query')).toMatchObject({ rule: 'says-paid', unified: 'approved' });
    expect(step(stopped2, '未入金', 'query')).toMatchObject({ rule: 'guard', unified: 'order_not_paid' });
  });
  it('keeps a payment that was approved or completed, in Japanese; a registration approved is no payment', () => {
    expect(step(paid, '決済が承認されました', 'payment')).toBeUndefined();
    expect(step(paid, '決済が完了しました', 'payment')).toBeUndefined();
    expect(step(paid, 'カードの登録が承認されました', 'payment')).toMatchObject({ rule: 'says-money-moved' });
  });
  it.each([
    'Success',
    'OK',
    '成功',
    'Payment not successful',
    'Payment not confirmed',
    'Transaction failed',
    '支付未成功',
    'Operation done',
    '決済が承認されませんでした',
  ])('refuses %s', (text) => {
    expect(step(paid, text, 'payment')?.rule).toMatch(/says-money-moved|not-final/);
  });
  it('refuses a device, an account or an application approved: no payment is named', () => {
    for (const text of ['The mobile device is approved and ready for use.', 'Your account has been approved', 'Cuenta aprobada']) {
      expect(step(paid, text, 'payment'), text).toMatchObject({ rule: 'says-money-moved', force: { outcome: 'unknown', next: 'query' } });
    }
    // the payment named beside them still counts
    expect(step(paid, 'Payment approved for this merchant account', 'payment')).toBeUndefined();
  });
  it('a refund counts as moved money only on a refund flow', () => {
    expect(saysMoneyMoved(fold('Refund successful'), 'refund')).toBe(true);
    expect(saysMoneyMoved(fold('Refund successful'), 'payment')).toBe(false);
    expect(saysMoneyMoved(fold('Refund successful'), undefined)).toBe(false);
    // Funds held by the issuer for an earlier authorization are a decline's reason, not this payment moving.
    expect(saysMoneyMoved(fold('Outstanding Authorization, Funds on Hold'), 'payment')).toBe(false);
    expect(saysMoneyMoved(fold('Funds reserved on the card.'), 'payment')).toBe(false);
    expect(saysMoneyMoved(fold("Funds reserved on the customer's card."), 'payment')).toBe(true);
    // An authorisation's hold on the amount, as status tables word it; not an amount held for a
    // reason, which is a review or a block.
    expect(saysMoneyMoved(fold('Pre-authorisation amount was held (for two-stage payment)'), 'payment')).toBe(true);
    expect(saysMoneyMoved(fold('The amount of a payment has been reserved.'), 'payment')).toBe(true);
    expect(saysMoneyMoved(fold('The amount is blocked due to suspected fraud'), 'payment')).toBe(false);
    expect(saysMoneyMoved(fold('Amount held for review'), 'payment')).toBe(false);
  });
  it('a payment said to have moved names the payment: a device or an account approved is not one', () => {
    for (const text of ['交易成功', '결제 완료', 'Your payment has been approved', '支付成功', 'Venta aprobada']) {
      expect(saysPaymentMoved(fold(text), 'payment'), text).toBe(true);
    }
    // The transaction's own success in Japanese (取引), and a payment's "operation" done in Chinese.
    for (const text of ['取引成功', '取引完了', '支払い成功', '支付操作成功'])
      expect(saysPaymentMoved(fold(text), 'payment'), text).toBe(true);
    expect(saysPaymentMoved(fold('退款操作成功'), 'payment')).toBe(false);
    expect(saysPaymentMoved(fold('Refund succeeded'), 'refund')).toBe(true);
    expect(saysPaymentMoved(fold('Refund succeeded'), 'payment')).toBe(false);
    expect(saysPaymentMoved(fold('The mobile device is approved and ready for use.'), 'payment')).toBe(false);
    // A text that opens with the word needs no payment named: "Approved" is a code table's success.
    expect(saysPaymentMoved(fold('Approved'), 'payment')).toBe(true);
    expect(saysPaymentMoved(fold('Approved, balances available'), 'payment')).toBe(true);
    expect(saysPaymentMoved(fold('The device is approved'), 'payment')).toBe(false);
    expect(saysPaymentMoved(fold('Approved: the account is approved'), 'payment')).toBe(false);
    expect(saysPaymentMoved(fold('Not approved'), 'payment')).toBe(false);
    expect(saysPaymentMoved(fold('Payment not approved'), 'payment')).toBe(false);
    // A sale's state once captured ("PURCHASED"), as "Approved" is; not a purchase's amount, and
    // not one purchased before, which is a second attempt's answer.
    expect(saysPaymentMoved(fold('PURCHASED'), 'payment')).toBe(true);
    expect(saysPaymentMoved(fold('Purchase amount only, no cashback allowed'), 'payment')).toBe(false);
    expect(saysPaymentMoved(fold('Purchased amount exceeds the limit'), 'payment')).toBe(false);
    for (const flow of ['payment', 'query', undefined] as const) {
      expect(classify({ message: 'PURCHASED', flow }), flow).toMatchObject({ unified: 'approved', outcome: 'succeeded', next: 'done' });
      expect(classify({ message: 'This item was already purchased', flow }).outcome, flow).toBe('unknown');
    }
  });
});

describe('safety rule says-paid: on the query flow, a status row that is the one word for done is that state', () => {
  const asked: Reading = { unified: 'already_paid', outcome: 'unknown', next: 'query' };
  it.each(['COMPLETED', 'Processed', 'Transferred', 'SUCCEEDED', 'done', 'PURCHASED'])('%s', (text) => {
    for (const r of [asked, declined]) {
      expect(step(r, text, 'query'), r.unified).toMatchObject({ rule: 'says-paid', unified: 'approved' });
    }
  });
  it('not a bare "Success", the status call\'s own result; not off the query flow; not beside anything else', () => {
    expect(step(asked, 'Success', 'query')).toBeUndefined();
    expect(step(asked, 'COMPLETED', 'payment')).toBeUndefined();
    expect(step(asked, 'Completed', 'refund')).toBeUndefined();
    expect(step(asked, 'Order already completed', 'query')?.rule).not.toBe('says-paid');
    expect(step(asked, 'Completed with errors', 'query')?.rule).not.toBe('says-paid');
    expect(classify({ message: 'COMPLETED', flow: 'query' })).toMatchObject({ outcome: 'succeeded', next: 'done' });
    expect(classify({ message: 'COMPLETED', flow: 'payment' }).outcome).not.toBe('succeeded');
  });
});

describe('safety rule says-paid: a short text or one sentence that says only that the payment moved is a success', () => {
  const decline: Reading = { unified: 'payment_authorization_revoked', outcome: 'failed', next: 'stop' };
  it.each([
    ['Payment authorised', 'payment'],
    ['Payment captured', 'capture'],
    ['Transacción aprobada', 'payment'],
    ['決済が承認されました。', 'payment'],
    ['交易成功', undefined],
    ['交易成功', 'payment'],
    // A status query that found the payment captured reports the payment's state.
    ['Payment captured', 'query'],
    ['Scheduled Recurring Payment Processed', 'payment'],
    // The adjective before the noun says it as the verb after it does.
    ['Successful transaction', 'query'],
    ['Successful payment', 'payment'],
    // A Spanish status row's one word, as "Approved" is in English.
    ['Aprobada', 'payment'],
    ['Pagado', 'query'],
    // A capture of part of an authorisation moved that part.
    ['Partially Captured', 'capture'],
    // One sentence that says it and sends no one to look it up.
    ['The invoice has successfully been paid', 'payment'],
    ['The transaction has been completed successfully (PAYMENT SUCCESSFUL)', 'query'],
  ] as [string, Flow | undefined][])('%s (%s) → approved', (text, flow) => {
    const step = safetyStep(decline, fold(text), flow);
    expect(step?.rule).toBe('says-paid');
    expect(step?.unified).toBe('approved');
    expect(step?.force).toBeUndefined();
  });

  it.each([
    // A turn, an earlier attempt, a negation, an error, a doubt: the text says more than "paid".
    ['Payment captured, but the order expired', 'capture'],
    ['扣款成功但交易超过规定支付时间', 'payment'],
    ['이미 결제 완료된 거래건', 'payment'],
    ['Order already paid', 'payment'],
    ['此訂單非授權成功狀態', 'payment'],
    ['Payment approved: system error', 'payment'],
    ['Payment captured, timeout', 'payment'],
    // Longer than a sentence: room to say why the payment is not done after all.
    ['The payment was authorised by the issuer and is held for review', 'payment'],
    // A sentence that sends the reader to look the result up, or offers another state.
    ['Transaction completed, please inquire for its status', 'payment'],
    ['Payment completed. Please verify the amount', 'payment'],
    ['The payment was successful, check the order state', 'payment'],
    ['종료제 또는 기 결제 완료', 'payment'],
    ['The payment was approved or is held', 'payment'],
    // Another payment than this one.
    ['The payment of the previous order was successful', 'payment'],
    // A flow whose success is not the payment's.
    ['Payment captured', 'refund'],
    // A status query that succeeded says nothing of the payment.
    ['查询成功', 'query'],
    // A refund's success off the refund flow, and one said to have happened already (已: already).
    // A refund that cannot be made, or was made before, is no refund made now.
    ['Capture cannot be refunded.', 'refund'],
    ['Already refunded', 'refund'],
    ['Refunded', 'payment'],
    ['Refund succeeded', 'payment'],
    ['此交易已退款', 'refund'],
    ['交易已被支付', 'payment'],
    // "Unsuccessful" holds "successful" but says the opposite; a Spanish negation takes the word back.
    ['Unsuccessful transaction', 'query'],
    ['No successful payment', 'payment'],
    ['Pago no fue aprobado', 'payment'],
    ['La transacción no fue exitosa', 'payment'],
    // A Spanish word of money moved that opens the text but is not the row's one word of state.
    ['Aprobada, pero retenida para revisión', 'payment'],
    // Paid or approved in part is not paid: the rest is still owed, or the issuer's answer is partial.
    ['Order partially paid', 'payment'],
    ['Partially approved', 'payment'],
  ] as [string, Flow | undefined][])('%s (%s) is not', (text, flow) => {
    expect(safetyStep(decline, fold(text), flow)?.rule).not.toBe('says-paid');
  });

  it.each([
    ['Refund succeeded', 'refund'],
    ['退款成功', 'refund'],
    // 已 before the last word marks the refund done, not an earlier one ("已退款" is that).
    ['退款已成功', 'refund'],
    // processed normally, as Korean says a refund went through
    ['환불이 정상 처리되었습니다.', 'refund'],
    ['환불 완료', 'refund'],
    ['返金完了', 'refund'],
    // The refund's processing completed, as Japanese, Korean and Chinese tables also say it.
    ['返金処理が完了しました', 'refund'],
    ['払い戻しが完了しました', 'refund'],
    ['환불 처리가 완료되었습니다', 'refund'],
    ['退款处理已完成', 'refund'],
    // A status row's one word: on the refund flow, the refund's own state.
    ['Refunded', 'refund'],
    ['Reembolsado', 'refund'],
    ['The refund has been completed', 'refund'],
  ] as [string, Flow][])('%s (%s) → refund_succeeded, on the refund flow', (text, flow) => {
    const step = safetyStep(decline, fold(text), flow);
    expect([step?.rule, step?.unified, step?.force]).toEqual(['says-paid', 'refund_succeeded', undefined]);
  });

  it.each([
    ['취소 성공', undefined],
    ['Cancel successful', undefined],
    ['取消成功', undefined],
    ['決済がキャンセルされました', 'CANCELED'],
    ['Reversa exitosa.', undefined],
    ['Anulación exitosa', undefined],
    ['Cancelado con éxito', undefined],
    ['La transacción fue anulada exitosamente', undefined],
    // A void's answer that is only the state it left the payment in
    ['VOIDED', undefined],
    ['Payment reversed', undefined],
  ])('%s on the cancel flow is the cancellation done', (text, code) => {
    const words = code ? code.toLowerCase() : '';
    const step = safetyStep(decline, words ? `${fold(text)} ${words}` : fold(text), 'cancel', words);
    expect([step?.rule, step?.unified]).toEqual(['says-paid', 'approved']);
  });

  it.each([
    // A transaction whose cancellation was completed before, or said to be so already.
    ['취소 완료 거래', 'cancel'],
    ['이미 취소 완료', 'cancel'],
    ['Already cancelled', 'cancel'],
    ['This transaction has already been voided.', 'cancel'],
    // Off the cancel flow a payment reversed or voided is no success.
    ['Payment reversed', 'payment'],
    ['VOIDED', 'query'],
    // Off the cancel flow a cancellation is no payment made.
    ['Cancel successful', 'payment'],
    ['Cancel successful', undefined],
  ] as [string, Flow | undefined][])('%s (%s) is not', (text, flow) => {
    expect(safetyStep(decline, fold(text), flow)?.rule).not.toBe('says-paid');
  });

  it("measures the message without the code's words after it", () => {
    const accepted: Reading = { unified: 'request_accepted', outcome: 'unknown', next: 'query' };
    // Seven words with the code's four: still a sentence that says only that the payment moved.
    const text = 'your payment for the order was successful. payment success result code';
    expect(safetyStep(accepted, text, 'payment', 'payment success result code')?.rule).toBe('says-paid');
    // Counted as one text, it is too long to say only that.
    expect(safetyStep(accepted, text, 'payment')).toBeUndefined();
  });

  it('answers the classifier: a decline the model leaned to becomes the success the words say', () => {
    const c = classify({ message: 'Payment captured', flow: 'capture' });
    expect([c.unified, c.outcome, c.next]).toEqual(['approved', 'succeeded', 'done']);
    expect(c.evidence.at(-1)?.detail).toBe('safety rule says-paid: the text says only that the payment moved');
  });

  // A word of money moved that names an amount or a limit says nothing moved; a word of failure
  // beside it (exceeded, expired, insufficient, a mismatch, invalid, blocked) takes the success back.
  it.each([
    'Authorized amount exceeded',
    'Paid amount mismatch',
    'Captured amount too high',
    'Approved limit exceeded',
    'Settled amount invalid',
    'Approved. Insufficient funds',
    'Captured payments exceed limit',
    'Authorized transaction expired',
    'Settled batch mismatch',
    'Approved card blocked',
  ])('%s says no payment moved, and classifies as a failure', (text) => {
    expect(saysPaymentMoved(fold(text), 'payment')).toBe(false);
    expect(classify({ message: text }).outcome).toBe('failed');
  });

  it('while the word alone, or with words that do not take it back, still says so', () => {
    expect(saysPaymentMoved(fold('Authorized'), 'payment')).toBe(true);
    expect(saysPaymentMoved(fold('Captured, balance available'), 'payment')).toBe(true);
    expect(saysPaymentMoved(fold('Approved by the issuer'), 'payment')).toBe(true);
    // A field named for success ("successUrl") that is invalid is a request to fix, not a success.
    expect(saysMoneyMoved(fold('Invalid format: `successUrl`'), 'payment')).toBe(false);
    expect(step(stopped, 'Invalid format: `successUrl`', 'payment')).toBeUndefined();
  });
});

describe('a status row, a turn, a limit and a second charge', () => {
  // A status table's row: the code is the state (PAID, AUTHORIZED), the message its word in the
  // provider's language, which the model reads as the decline it mostly saw it in ("no autorizada").
  it.each([
    ['PAID', 'Pago'],
    ['AUTHORIZED', 'Autorizado'],
    ['authorized', 'Autorizada'],
    ['CAPTURED', 'Capturado'],
    ['fully_captured', 'fully_captured'],
  ])('%s "%s" is the payment moved', (code, message) => {
    const c = classify({ code, message });
    expect([c.unified, c.outcome, c.next]).toEqual(['approved', 'succeeded', 'done']);
  });

  it('on the query flow, PAID found by a status query is the state, not a second attempt', () => {
    const c = classify({ code: 'PAID', message: 'PAID', flow: 'query' });
    expect([c.unified, c.outcome, c.next]).toEqual(['approved', 'succeeded', 'done']);
    expect(classify({ message: 'Order already paid', flow: 'query' }).outcome).toBe('unknown');
  });

  // A row that is the one word of a payment just made: not a final failure to give up on, but a
  // payment that waits for the customer; with no flow, a request accepted.
  it.each([
    ['100', 'Initiated'],
    ['initiated', 'initiated'],
    ['8', 'Iniciada'],
    ['CREATED', 'CREATED'],
  ])('%s "%s" is a payment that exists, not a failure', (code, message) => {
    const c = classify({ code, message, flow: 'payment' });
    expect([c.unified, c.outcome, c.next]).toEqual(['awaiting_customer', 'pending', 'wait']);
    const any = classify({ code, message });
    expect([any.outcome, any.next]).toEqual(['unknown', 'query']);
  });

  it.each([
    // The message takes the code's word back, or says more than the state.
    ['PAID', 'Pago rechazado', 'failed'],
    ['AUTHORIZED', 'Autorizada. Saldo insuficiente', 'failed'],
    // A bare success is how a request that was only accepted reads: the code does not make it paid.
    ['SUCCESS', 'Éxito', 'unknown'],
  ])('%s "%s" is not', (code, message, outcome) => {
    expect(classify({ code, message }).outcome).toBe(outcome);
  });

  it.each([
    // Not final: completed, but the merchant is told to check the status (says-paid had made it paid).
    ['Payment completed. Check status', 'unknown'],
    // A turn: what follows may take the success back.
    ['Approved but held for review', 'pending'],
    // A limit reached, or errors beside the word.
    ['Approved transactions limit reached', 'failed'],
    ['Approved, limit reached', 'failed'],
    ['Settled with errors', 'failed'],
    // Paid twice is a duplicate: the first charge may stand.
    ['Transaction paid twice', 'unknown'],
    ['Charged twice', 'unknown'],
    ['Paid more than once', 'unknown'],
    ['Double payment detected', 'unknown'],
    ['二重決済', 'unknown'],
    ['이중 결제', 'unknown'],
  ])('"%s" is not a success (%s)', (message, outcome) => {
    const c = classify({ message });
    expect(c.outcome).toBe(outcome);
  });
});

describe('money that moved and went back, or has not moved yet', () => {
  // The model reads each of these as the approval its first words are: what follows says the money
  // came back (a chargeback, a reversal), never moved (test mode), or is still to be confirmed.
  it.each([
    ['Payment approved and later charged back by the cardholder', 'payment'],
    ['Approved, chargeback received', 'payment'],
    ['El pago fue aprobado y posteriormente revertido por el banco', 'payment'],
    ['Pago aprobado, luego anulado', 'payment'],
    ['Payment approved in test mode, no funds were captured', 'payment'],
    // A negation with its auxiliary: "not been approved", "hasn't been captured".
    ['Payment has not been approved', 'payment'],
    ['The payment has not yet been captured', 'payment'],
    ["Payment hasn't been captured", 'payment'],
  ] as const)('"%s" does not say the money moved, and is no success', (text, flow) => {
    expect(saysMoneyMoved(fold(text), flow)).toBe(false);
    expect(classify({ message: text, flow }).outcome).not.toBe('succeeded');
  });

  it('"to be confirmed" is not final: in flight, not a success', () => {
    expect(step(paid, 'Transaction approved offline, to be confirmed by the host', 'payment')).toMatchObject({
      rule: 'not-final',
      unified: 'processing',
    });
    expect(classify({ message: 'Transaction approved offline, to be confirmed by the host', flow: 'payment' }).outcome).toBe('pending');
  });

  it.each([
    'Create order success',
    'Refund request successful',
    'Request for payout successful',
    '创建订单成功',
    '支付请求成功',
    '환불 요청 성공',
  ])('"%s" says a request went through, not that the money moved', (text) => {
    expect(step(paid, text, 'payment')).toMatchObject({ rule: 'not-final', unified: 'request_accepted' });
  });

  // A payout, a transfer or a withdrawal done, and money received from someone, say the money
  // moved as a payment done does: each had read as a failure.
  it.each([
    ['Transfer completed to beneficiary', 'payout'],
    ['Money received from customer', 'payment'],
  ] as const)('"%s" (%s) says the money moved, and is no failure', (text, flow) => {
    expect(saysMoneyMoved(fold(text), flow)).toBe(true);
    expect(classify({ message: text, flow }).outcome).not.toBe('failed');
  });

  it('while an approval that says nothing of the kind still moved the money', () => {
    expect(saysMoneyMoved(fold('El pago fue aprobado'), 'payment')).toBe(true);
    expect(saysMoneyMoved(fold('Payment approved, funds captured'), 'payment')).toBe(true);
    expect(step(paid, 'Transaction approved', 'payment')).toBeUndefined();
  });
});

describe('safety rule says-success: a text that says it succeeded is never a failure', () => {
  it.each([
    ['성공', 'payment'],
    ['정상처리되었습니다.', undefined],
    ['The refund of this order completed successfully', 'refund'],
    // A cancellation done that goes on past the word ("취소 성공", short, is says-paid's, below)
    ['취소 성공 처리되었습니다. 다시 요청하지 마세요', 'cancel'],
    ['Order paid', 'binding'],
    ['The payment has been authorised for a partial amount', 'payment'],
    // A state table's rows: the amount captured, the funds reserved on the card, received, paid out
    ['the payment has been confirmed as collected', 'payment'],
    ["Fonds réservés sur le compte du client. / Funds reserved on the customer's account.", 'payment'],
    ['Les fonds ont été reçus par HiPay. / Funds received by HiPay.', 'payment'],
    ['Funds paid out to the merchant.', 'payment'],
    ['The authorised amount has been fully captured (SALE orders, or AUTH followed by capture).', 'payment'],
    // Spanish: "with success" and "successfully" (a void done on the cancel flow is says-paid's)
    ['Pago procesado con éxito', 'payment'],
    ['Operación realizada exitosamente', 'payment'],
    // One word of done, as a code table's success row says it, alone or beside the code's own word
    ['ok', 'payment'],
    ['complete complete', undefined],
    ['completed', 'refund'],
    // A verification's approval, one word in a bank's table of response codes
    ['Verified', 'payment'],
    ['Validated', undefined],
    // A status row whose code is its word: the rules read "validated validated", "processed processed".
    ['validated validated', 'payout'],
    ['processed processed', 'payout'],
    ['Processed', 'payout'],
    // A Japanese or Korean table's success row: ended or processed normally, or "normal" alone
    ['正常終了', 'payment'],
    ['正常', 'payment'],
    ['정상완료', undefined],
    ['정상', 'payment'],
    // A status written as a field, something completed, paid in full, a dispute won
    ['status=completed', 'payment'],
    ["Settlement on the debtor's account has been completed.", 'payout'],
    ['Request fully paid', 'payment'],
    ['Dispute Won', undefined],
  ] as const)('%s (flow %s)', (text, flow) => {
    expect(step(stopped, text, flow)).toMatchObject({ rule: 'says-success', force: { outcome: 'unknown', next: 'query' } });
  });
  // The rules read the code's words after the message: they must not hide a one-word state, and
  // may still take a success back ("successUrl … is a required value" under INVALID_SUCCESS_URL).
  it("with the code's words after it, which can take a success back but not hide one", () => {
    const withCode = (text: string, code: string, flow: Flow) => {
      const words = codeWords(code);
      return safetyStep(stopped, `${fold(text)} ${words}`, flow, words);
    };
    expect(withCode('status=completed', 'completed', 'payment')).toMatchObject({ rule: 'says-success' });
    expect(withCode('OK', 'STATUS_OK', 'payment')).toMatchObject({ rule: 'says-success' });
    expect(withCode('success url is required', 'INVALID_SUCCESS_URL', 'payment')).toBeUndefined();
    expect(classify({ message: 'status=completed', code: 'completed', flow: 'payment' }).outcome).not.toBe('failed');
  });
  // "Already refunded" on a refund is this request refused: the success it names is an earlier one.
  it('but a refusal of an operation done before stands, where the words name that operation', () => {
    const refunded: Reading = { unified: 'already_refunded', outcome: 'failed', next: 'stop' };
    const cancelled: Reading = { unified: 'already_cancelled', outcome: 'failed', next: 'stop' };
    for (const text of ['The transaction has already been refunded', 'Original transaction already refunded for total amount'])
      expect(step(refunded, text, 'refund')?.rule).not.toBe('says-success');
    expect(step(cancelled, '이미 취소 성공된 거래입니다.', 'cancel')?.rule).not.toBe('says-success');
    expect(step(cancelled, '交易已被成功冲正', 'cancel')?.rule).not.toBe('says-success');
    // a success of another operation, or of this one with nothing said of an earlier time, still counts
    expect(step(cancelled, '付款成功 - 交易已經結束了', 'query')).toMatchObject({ rule: 'says-success' });
    expect(step(refunded, 'This transaction has already been authorized.', 'refund')).toMatchObject({ rule: 'says-success' });
    expect(step(refunded, 'Refund successful', 'cancel')).toMatchObject({ rule: 'says-success' });
    const answer = classify({ message: 'The transaction has already been refunded', flow: 'refund' });
    expect([answer.unified, answer.outcome, answer.next]).toEqual(['already_refunded', 'failed', 'stop']);
  });
  it('unless the text also says it failed, or a cancellation is not what was asked', () => {
    expect(step(stopped, 'Payment failed after successful authentication', 'payment')).toBeUndefined();
    expect(step(stopped, '취소 성공', 'payment')).toBeUndefined();
    expect(step(stopped, 'Refund succeeded', 'payment')).toBeUndefined();
    expect(step(stopped, 'El pago se procesó sin éxito', 'payment')).toBeUndefined();
    // The word with more after it is an instruction or a sentence, not a success row.
    expect(step(stopped, 'complete the 3-d secure step', 'payment')).toBeUndefined();
    expect(step(stopped, 'could not complete', 'payment')).toBeUndefined();
    // What cannot be done says nothing of its success: "cannot be refunded" is no refund made.
    expect(step(stopped, 'Capture cannot be refunded.', 'refund')).toBeUndefined();
    // Ended abnormally is the opposite of normally.
    for (const text of ['Client 비정상 종료', '非正常終了', '交易不正常处理']) expect(step(stopped, text, 'payment'), text).toBeUndefined();
  });
});

describe('customer-ended: a payment the customer ended is a final failure, and nobody is asked to act', () => {
  it.each([
    ['Declined by user', 'payment'],
    ['Transaction declined by customer', 'payment'],
    ['The transaction was aborted by the payer', 'payment'],
    ['User Aborted Transaction', 'query'],
    ['Payment rejected by the payer', 'payment'],
    ['Cancelado por el usuario', 'query'],
    ['Abgebrochen durch den Kunden', 'payment'],
    ["Annulé par l'utilisateur", 'payment'],
    ['Żądanie transakcji przerwane przez użytkownika', 'payment'],
    ['用户取消支付', 'payment'],
    ['고객이 결제를 취소했습니다', 'query'],
    ['お客様が支払いをキャンセルしました', 'payment'],
    ['お客様によりお支払いがキャンセルされました', 'payment'],
    ['お客様によりキャンセルされました', 'payment'],
  ] as const)('%s (flow %s)', (message, flow) => {
    const c = classify({ message, flow });
    expect([c.unified, c.outcome, c.next], message).toEqual(['customer_cancelled', 'failed', 'stop']);
  });
  it('not a 3-D Secure step the cardholder cancelled (the customer is asked to complete it), nor beside a word of doubt', () => {
    expect(step(declined, fold('3D Secure authentication cancelled by the cardholder'), 'payment')?.rule).not.toBe('customer-ended');
    expect(step(declined, 'Transaction aborted by user: system error', 'payment')?.rule).not.toBe('customer-ended');
    expect(step(declined, 'Declined by issuer', 'payment')?.rule).not.toBe('customer-ended');
    expect(step(declined, 'Declined by user', 'payment')).toMatchObject({ rule: 'customer-ended', unified: 'customer_cancelled' });
  });
});

describe('safety rule money-in-doubt: on a flow that moves money, doubt is unknown/query', () => {
  // Five Korean tables print 파싱 (parsing) only under their own system errors.
  it("a Korean failure to parse a message is the provider's system error, not a request to fix", () => {
    const fix: Reading = { unified: 'invalid_request', outcome: 'failed', next: 'fix_and_retry' };
    for (const text of ['분할정산 정보를 파싱하는 오류가 발생하였습니다.', '요청 전문 파싱 실패', '파싱 에러'])
      expect(step(fix, text, 'payment'), text).toMatchObject({ rule: 'money-in-doubt', unified: 'system_error' });
    // English "parse" stays with the model: some tables print it under a request to fix.
    expect(step(fix, 'An error occurred while parsing the XML request.', 'payment')).toBeUndefined();
  });
  it.each([
    ['Duplicate transaction', 'duplicate_request'],
    ['Order already exists', 'duplicate_request'],
    // An order number already used, in Japanese.
    ['この注文番号は既に使用されています', 'duplicate_request'],
    // A unique key broken, or an idempotency key used before: the earlier request exists
    ['Unique constraint violation of the orderId', 'duplicate_request'],
    ['The resource has already been created with the same idempotency key.', 'duplicate_request'],
    ['Request inconsistent with the previous request', 'outcome_unknown'],
    ['Gateway timeout', 'channel_timeout'],
    ['System error', 'system_error'],
    ['Internal exception', 'system_error'],
    ['Technical failure.', 'system_error'],
    ['Fatal error when calling web service.', 'system_error'],
    ['Security software/hardware error: try again', 'system_error'],
    // "The connection is not going smoothly, temporarily"
    ['일시적으로 접속이 원활하지 않습니다.', 'system_error'],
    ['The transaction is overtime.', 'channel_timeout'],
    ['Unknown result', 'outcome_unknown'],
    ['交易超時', 'channel_timeout'],
    ['訂單號重複', 'duplicate_request'],
    ['시간 초과', 'channel_timeout'],
    // Timed out with no space, and the reply's waiting time exceeded or run out.
    ['시간초과 재시도 요망', 'channel_timeout'],
    ['승인 응답 시간이 초과되었습니다', 'channel_timeout'],
    ['Time Over(응답대기 시간 경과)', 'channel_timeout'],
    ['중복 거래', 'duplicate_request'],
    ['タイムアウトしました', 'channel_timeout'],
    ['システムエラー', 'system_error'],
    ['Error del sistema', 'system_error'],
    // A connection lost, a processor's or a database's fault, a network delay spelled short (네트웍),
    // a request repeated, a reversal the network made (망취소), 重覆 as Taiwan writes 重复.
    ['Too many queued / no connection', 'system_error'],
    ['Processor failure', 'system_error'],
    ['Database error', 'system_error'],
    ['거래 DB 입력 오류', 'system_error'],
    ['네트웍지연(결제 재시도 요청)', 'system_error'],
    // A connection cut, or never made, in Korean's words for it.
    ['kt 연결 끊어짐', 'system_error'],
    ['금결원 서버에 연결하지 못하였습니다.', 'system_error'],
    ['The transaction is repeated.', 'duplicate_request'],
    ['商店訂單編號重覆', 'duplicate_request'],
    ['결제에 실패하였습니다.(망취소 처리)', 'outcome_unknown'],
    ['Pedido duplicado', 'duplicate_request'],
    // Busy or congested: the request may be queued behind others, not refused.
    ['Network congestion, please try later', 'system_error'],
    ['系統繁忙', 'system_error'],
    ['이용자가 많아서 서비스가 지연되고 있습니다', 'system_error'],
    ['回線が混雑しています', 'system_error'],
    ['Servicio ocupado', 'system_error'],
    // An internal error, a message that never went out, or an answer that came back garbled: the
    // request may have been carried out all the same.
    ['내부 오류입니다. 다시 시도해 주십시오.', 'system_error'],
    ['內部錯誤', 'system_error'],
    ['Invalid response from the issuer', 'system_error'],
    // A temporary error, or a packet of the exchange in error: a fault on the way, not in the request.
    ['일시적 오류가 발생하였습니다. 다시 시도하여 주십시요.', 'system_error'],
    ['A temporary error has occurred. Please try again later.', 'system_error'],
    ['一時的なエラーが発生しました', 'system_error'],
    ['暂时性错误', 'system_error'],
    ['Packet 오류', 'system_error'],
    ['The response body returned by the provider has an invalid format', 'system_error'],
    ['서버로 데이타를 송신하지 못했습니다.', 'system_error'],
    ['応答エラー', 'system_error'],
    ['Undefined error', 'outcome_unknown'],
    ['정의되지 않은 오류입니다.', 'outcome_unknown'],
    ['The returned QR code does not match', 'outcome_unknown'],
    ['返回的二維碼不匹配', 'outcome_unknown'],
    // Done before: a second attempt repeats it.
    ['Totals provided for a previously closed batch', 'duplicate_request'],
    ['Transaction already processed', 'duplicate_request'],
    ['기등록된 하위 가맹점 입니다.', 'duplicate_request'],
    ['Sub-merchant already registered', 'duplicate_request'],
    // A single-use value already spent: the earlier request that spent it may have gone through.
    ['PAYMENT_METHOD_NONCE_CONSUMED', 'duplicate_request'],
    ['This order number has already been used', 'duplicate_request'],
    ['이미 사용된 주문번호입니다.', 'duplicate_request'],
    ['该订单号已被使用', 'duplicate_request'],
    ['この注文番号は使用済みです', 'duplicate_request'],
    // A ledger's sequence number or nonce below the account's: spent, maybe by this same transfer.
    ['The sequence number of the transaction is lower than the current sequence number of the account.', 'duplicate_request'],
    ['nonce too low', 'duplicate_request'],
    // An error the provider itself leaves unclassified says nothing about the money.
    ['기타오류 입니다.', 'outcome_unknown'],
    ['Other error', 'outcome_unknown'],
    ['其他錯誤', 'outcome_unknown'],
    ['その他のエラー', 'outcome_unknown'],
    // An exception, in Korean and Japanese as in English and Chinese.
    ['수신메시지 인코딩 중 예외가 발생하였습니다', 'system_error'],
    ['処理中に例外が発生しました', 'system_error'],
    // A database, a socket or a connection that failed on the provider's side, and a message that
    // failed to go out: the request may have been carried out before it did.
    ['DB error while saving the order', 'system_error'],
    ['상품권 DB오류 (INSERT APPROVAL)', 'system_error'],
    ['데이터베이스 처리 중 문제가 발생했습니다', 'system_error'],
    ['Socket closed by peer', 'system_error'],
    ['최대 소켓 개수 초과', 'system_error'],
    ['서버 연결 오류', 'system_error'],
    ['메시지 전송에 실패하였습니다.', 'system_error'],
    ['サーバーへの接続エラー', 'system_error'],
    // A connection to the issuer or the bank that could not be made, refused or dropped: whether the
    // request got through before it did is what is in question.
    ['Connection to issuer could not be established, please try again', 'system_error'],
    ['Unable to connect to the acquirer', 'system_error'],
    ['Connection reset while waiting for the bank', 'system_error'],
    // 전문 is the message a Korean gateway exchanges with the acquirer: a malformed one, or a key,
    // an ID or a module the provider failed to create or start, is its own failure, as the
    // catalog reads every such row.
    ['전문오류 - 거래금액 DATA TYPE 또는 길이 오류', 'system_error'],
    ['휴대폰 지불 실패 (TID 생성 실패)', 'system_error'],
    ['쇼핑몰 암호모듈 초기화 오류', 'system_error'],
    // A result the text says cannot be known, a service running late, and a reply that came back
    // without its result code: nothing says what happened to the request.
    ['결제요청에 대한 처리응답을 받지 못해 결제처리여부를 알 수 없습니다.', 'outcome_unknown'],
    ['알수없는 오류 발생으로 재시도 부탁드립니다.', 'outcome_unknown'],
    ['해당 은행 가상계좌 채번 서비스 지연. 재시도 요망.', 'system_error'],
    ['전문에 응답코드가 존재하지 않습니다.', 'system_error'],
    ['No response code in the reply', 'system_error'],
    // A duplicate by another name, and a voucher whose use is complete.
    ['Transaction doublet was detected, transaction was blocked.', 'duplicate_request'],
    ['사용이 완료된 상품권입니다.', 'duplicate_request'],
    // Done before, in other words: the first attempt may have gone through.
    ['Transaction with the same order id has been processed before', 'duplicate_request'],
    ['There is a record of transaction with the same order number', 'duplicate_request'],
    // The same order number, in Chinese, Korean and Japanese.
    ['两次请求商户单号一样，但是参数不一致', 'duplicate_request'],
    ['동일한 주문번호로 결제된 건이 있습니다', 'duplicate_request'],
    ['同一の注文番号で取引が存在します', 'duplicate_request'],
    ['既に同じ取引番号で処理されています', 'duplicate_request'],
    ['The refund has already been processed', 'duplicate_request'],
    // The same key as another request's, in so many words.
    ['The reference code of this request matches the reference code of another authorization request', 'duplicate_request'],
    ['Order id matches the order id of a previous payment', 'duplicate_request'],
    // A certificate's validity check that timed out: the provider's call, not the customer's step.
    ['공인인증서 유효성 검증 시간 초과 오류입니다.', 'channel_timeout'],
    ['Certificate validation timed out', 'channel_timeout'],
    // The transaction's current state, reported: act on it once it is known.
    ['현재 매입완료 상태', 'invalid_state'],
    ['현재 취소요청된 상태입니다', 'invalid_state'],
    ['The current payment status does not allow this operation', 'invalid_state'],
    ['當前訂單狀態不允許退款', 'invalid_state'],
  ])('%s', (text, unified) => {
    for (const flow of ['payment', 'refund', undefined] as const) {
      expect(step(stopped, text, flow)).toMatchObject({ rule: 'money-in-doubt', unified, force: { outcome: 'unknown', next: 'query' } });
    }
  });
  it('keeps a code of the same family', () => {
    expect(step({ unified: 'duplicate_order', outcome: 'failed', next: 'stop' }, 'Duplicate order', 'payment')).toMatchObject({
      unified: 'duplicate_order',
    });
  });
  it('does not apply where no money moves (onboarding), unless the answer invites a retry', () => {
    expect(step(stopped, 'Application already exists', 'onboarding')).toBeUndefined();
    expect(step(declined, 'Application already exists', 'onboarding')).toMatchObject({ rule: 'guard' });
  });
  it('an account closed, or the same card, is no duplicate', () => {
    expect(step(declined, 'This account has already been closed.', 'payment')).toBeUndefined();
    expect(step(declined, 'The same card number cannot be used for this merchant', 'payment')).toBeUndefined();
    expect(step(declined, 'The card number matches the card of another customer', 'payment')).toBeUndefined();
  });
  it('a card authorisation that timed out (授權逾時) is the payment timing out, not a step of the customer', () => {
    for (const text of ['信用卡授權逾時', '授权超时', 'Authorization timed out']) {
      expect(step(declined, text, 'payment'), text).toMatchObject({ rule: 'money-in-doubt', force: { outcome: 'unknown', next: 'query' } });
      const c = classify({ message: text, flow: 'payment' });
      expect([c.outcome, c.next], text).toEqual(['unknown', 'query']);
    }
  });
  it('"승인 성공" says the money moved; a Korean or Japanese negation takes it back', () => {
    expect(saysMoneyMoved(fold('결제 승인 성공'), 'payment')).toBe(true);
    for (const text of ['승인 성공된 거래가 아닙니다.', '결제가 완료되지 않은 경우', '決済が完了していません']) {
      expect(saysMoneyMoved(fold(text), 'payment'), text).toBe(false);
    }
  });
  it('a virtual account issued waits for the deposit; no reply from the bank is an unknown result', () => {
    for (const text of ['가상계좌 발급완료', 'Virtual account issued, awaiting deposit', '等待支付']) {
      // Not yet paid, or (where the words say it waits) in flight: either way no final failure. A
      // virtual account issued in so many words waits for the customer's deposit.
      expect(step(stopped, text, 'payment'), text).toMatchObject({
        rule: expect.stringMatching(/^(guard|not-final)$/),
        unified: expect.stringMatching(/^(order_not_paid|processing|awaiting_customer)$/),
      });
    }
    expect(step(stopped, 'No Reply from Bank', 'payment')).toMatchObject({
      rule: 'money-in-doubt',
      force: { outcome: 'unknown', next: 'query' },
    });
    // A payment on hold waits; a card on hold is the card's state, no payment in flight.
    const asked: Reading = { unified: 'insufficient_funds', outcome: 'failed', next: 'ask_customer' };
    for (const text of ['On hold: the transaction waits, for example for a low balance', 'The payment was put on hold']) {
      expect(step(asked, text, 'payment'), text).toMatchObject({ rule: 'guard', unified: 'processing' });
    }
    expect(step(stopped, 'Card on hold', 'payment')).toBeUndefined();
    // Maintenance in progress is the provider's service at work, no payment in flight.
    const unavailable: Reading = { unified: 'provider_unavailable', outcome: 'failed', next: 'retry' };
    expect(step(unavailable, 'Service Unavailable. Maintenance in progress; request not processed.', 'payment')).toBeUndefined();
    expect(step(unavailable, 'Service Unavailable. Payment in progress.', 'payment')).toMatchObject({ rule: 'guard' });
    // "Pending" inside another word is none: a card's spending limit is no payment in flight, nor is
    // a decline that depends on the issuer.
    expect(step(asked, "Declined by the issuer: the card's spending limit has been exceeded.", 'payment')).toBeUndefined();
    expect(step(asked, 'Declined depending on the issuer rules', 'payment')).toBeUndefined();
    expect(step(asked, 'Payment pending', 'payment')).toMatchObject({ rule: 'guard', unified: 'processing' });
    // A system outage or a line failure (장애) is a fault of the system, whose result is not known.
    for (const text of [
      '시스템 장애입니다. 잠시 후 다시 시도해주세요.',
      '통신 장애로 승인 결과를 받지 못했습니다',
      '일시적인 장애가 발생했습니다',
    ]) {
      expect(step(asked, text, 'payment'), text).toMatchObject({ force: { outcome: 'unknown', next: 'query' } });
    }
    // A reply that came is none of it.
    expect(step(stopped, 'Reply from bank: declined', 'payment')).toBeUndefined();
  });
  it('a payment uncertain, or a result not known, is an unknown result', () => {
    for (const text of ['Payment uncertain', 'Authorisation not known', 'Refund uncertain', 'The result is not known']) {
      expect(step(stopped, text, 'payment'), text).toMatchObject({ rule: 'money-in-doubt', force: { outcome: 'unknown', next: 'query' } });
    }
    // "Not known" of something else is no result.
    expect(step(stopped, 'Merchant not known to the acquirer', 'payment')).toBeUndefined();
  });
  it('a payment the customer has not yet authorised or confirmed is in flight, and one accepted (受け付けました) exists', () => {
    const inFlight = step(stopped, 'The user has not yet authorized the payment.', 'payment');
    expect(inFlight).toMatchObject({ rule: 'guard', unified: 'processing' });
    // a QR code created; the user's payment is not yet complete
    expect(step(stopped, 'QRコードが正常に作成されました。ユーザーの支払いはまだ完了していません。', 'payment')).toMatchObject({
      rule: 'guard',
      unified: 'processing',
    });
    expect(step(stopped, 'QRコードが作成されました', 'payment')).toMatchObject({ rule: 'guard', unified: 'request_accepted' });
    expect(step(stopped, '決済リクエストを受け付けました。決済結果を確認してください。', 'payment')).toMatchObject({
      rule: 'guard',
      unified: 'request_accepted',
    });
  });
  it('waiting for a result (結果待ち) is in flight; an order already accepted is a duplicate; an undefined error of the acquirer is unknown', () => {
    const asked: Reading = { unified: 'authentication_failed', outcome: 'failed', next: 'ask_customer' };
    for (const text of ['3Dセキュア本人認証の結果待ちです', '入金待ち', 'オーソリ待ち']) {
      expect(step(asked, text, 'payment'), text).toMatchObject({ rule: 'guard', unified: 'processing' });
    }
    // 待ち alone, after no noun, names nothing waited for.
    expect(step(asked, '待ちます', 'payment')).toBeUndefined();
    for (const text of ['同一の注文が既に受け付けられています。', 'The order was already accepted', '이미 접수된 주문입니다']) {
      expect(step(stopped, text, 'payment'), text).toMatchObject({ rule: 'money-in-doubt', unified: 'duplicate_request' });
    }
    for (const text of ['UNDEFINED CONNECTOR/ACQUIRER ERROR', 'Undefined error', 'undefined acquirer error']) {
      expect(step(stopped, text, 'payment'), text).toMatchObject({ rule: 'money-in-doubt', unified: 'outcome_unknown' });
    }
    // An undefined field is a request error, not an unknown result; an undefined error of the fraud
    // screen is the screen's, not one on the way to the money.
    expect(step(stopped, 'Parameter amount is undefined', 'payment')).toBeUndefined();
    expect(step(stopped, 'Undefined Fraud Error', 'payment')).toBeUndefined();
  });
  it('a customer to redirect, or a step that will be processed, is in flight, in the glossed languages too', () => {
    const asked: Reading = { unified: 'authentication_failed', outcome: 'failed', next: 'ask_customer' };
    for (const text of [
      '3-D Secure check requested. Redirect the customer to the 3ds_url.',
      'Please redirect your customer to the ACSURL to complete the 3DS Transaction.',
      'The customer must be redirected to complete the payment',
      // A state table's row: the customer has gone, the answer is still to come.
      'Cardholder redirected to 3-D Secure.',
      'Cancellation request sent.',
      // The same step in Japanese, Chinese and Korean: go to the authentication page.
      '3Dセキュア認証画面へ遷移してください',
      '请跳转至3D认证页面',
      '3D 인증 페이지로 이동하세요',
    ]) {
      expect(step(asked, text, 'payment'), text).toMatchObject({ rule: 'guard', unified: 'processing' });
    }
    expect(step(stopped, 'The refund will be processed within 3 days', 'refund')).toMatchObject({ rule: 'guard', unified: 'processing' });
    // A transfer, a refund or a payout in progress, in Chinese: the verb with 中.
    for (const [text, flow] of [
      ['转账锁定资金中。如果一直停留在该状态，建议检查账户余额是否足够', 'payout'],
      ['此訂單已申請過退款，退款中', 'refund'],
      ['提现中', 'payout'],
    ] as const) {
      expect(step(stopped, text, flow)?.force ?? { outcome: 'pending' }, text).not.toMatchObject({ outcome: 'failed' });
      expect(step(stopped, text, flow)?.rule, text).toMatch(/^(guard|money-in-doubt)$/);
    }
    // Not a refund interrupted (退款中断), which is stuck, not running.
    expect(step(stopped, '退款中断,如需继续退款,请调用上送卡信息退款', 'refund')?.unified).not.toBe('processing');
    // Paid, and settled to the merchant later: the settlement is no step of the payment's.
    const paid: Reading = { unified: 'approved', outcome: 'succeeded', next: 'done' };
    expect(step(paid, 'The customer has paid. The merchant will be settled for this payment.', 'payment')).toBeUndefined();
    for (const [text, flow] of [
      ['Aberto: o cliente ainda não concluiu o checkout.', 'payment'],
      ['Estorno solicitado; será processado em até 2 dias úteis.', 'refund'],
      ['Giao dịch chưa hoàn tất', 'query'],
    ] as const) {
      const c = classify({ message: text, flow });
      expect([c.outcome, c.next], text).toEqual(['pending', 'wait']);
    }
    // A redirect that is the provider's own, or one to choose another way to pay, is nothing in flight.
    expect(step(stopped, 'Redirect URL is invalid', 'payment')).toBeUndefined();
    const asked2: Reading = { unified: 'generic_decline', outcome: 'failed', next: 'ask_customer' };
    expect(step(asked2, 'Transaction failed. Redirect the payer to select another funding source.', 'payment')).toBeUndefined();
  });
  it("a payment created that waits for the customer is the customer's step, read as a request accepted or as a failure", () => {
    const accepted: Reading = { unified: 'request_accepted', outcome: 'unknown', next: 'query' };
    const revoked: Reading = { unified: 'payment_authorization_revoked', outcome: 'failed', next: 'stop' };
    for (const text of [
      'Payment was created and is waiting for the customer to complete 3-D Secure authentication.',
      'El link de pago fue creado y está esperando a que el cliente realice el pago.',
      '订单已创建，等待用户付款',
      '고객 결제 대기',
      // A code the customer pays with, issued: a store or ATM code, a virtual account, a boleto, a
      // payment slip. The customer pays later, at the store, the ATM or the bank.
      '超商代碼取號成功，等待消費者繳費',
      'ATM 取號成功',
      '가상계좌 발급 성공',
      'Boleto generated successfully',
      'Virtual account number has been generated',
      '払込票を発行しました',
    ]) {
      for (const r of [accepted, revoked]) {
        for (const flow of ['payment', 'query', undefined] as const) {
          expect(step(r, text, flow), text).toMatchObject({ rule: 'not-final', unified: 'awaiting_customer' });
        }
      }
    }
    // Not where the code could not be issued.
    for (const text of ['取號失敗', 'Virtual account creation failed']) {
      expect(step(accepted, text, 'payment')?.unified, text).not.toBe('awaiting_customer');
    }
    // Not where it failed or went wrong all the same, nor off the flows that pay.
    expect(step(accepted, 'Waiting for the customer timed out; payment failed', 'payment')?.unified).not.toBe('awaiting_customer');
    expect(step(accepted, 'Waiting for the customer to confirm the refund', 'refund')).toBeUndefined();
  });
  it('a request accepted whose text says only that the transaction succeeded is a success; a bare "Success" is not', () => {
    const accepted: Reading = { unified: 'request_accepted', outcome: 'unknown', next: 'query' };
    // Korean with or without the space between payment and success, as 支付成功 needs none
    for (const text of [
      'Transaction succeeded',
      'Payment successful',
      '支付成功',
      '支付已成功',
      '결제성공',
      '결제가 성공하였습니다.',
      '거래성공',
      // processed normally: Korean's everyday word for a payment that went through
      '결제가 정상 처리되었습니다.',
    ]) {
      expect(step(accepted, text, 'payment'), text).toMatchObject({ rule: 'says-paid', unified: 'approved' });
    }
    // ... but not where it says the payment was not processed normally, nor an order already paid.
    for (const text of ['결제가 정상 처리되지 않았습니다', '该订单已成功支付']) {
      expect(step(accepted, text, 'payment')?.rule, text).not.toBe('says-paid');
    }
    for (const text of ['Success', 'Request successfully processed', 'Transaction succeeded, but the order was not found']) {
      expect(step(accepted, text, 'payment'), text).toBeUndefined();
    }
  });
  it("a customer's authentication step that timed out stays the customer's", () => {
    const authFailed: Reading = { unified: 'authentication_failed', outcome: 'failed', next: 'ask_customer' };
    for (const text of [
      '3DS authentication timed out',
      '본인인증 시간 초과',
      '认证超时',
      '3D Secure timeout',
      '3d-secure timed out',
      '3ds2 timeout',
    ]) {
      expect(step(authFailed, text, 'payment'), text).toBeUndefined();
    }
    // "3D" only as a whole word names the step: a code's "3DAA" beside a time-out does not make it
    // the customer's (a property test found "商户 the 超時商户" under code "ZZ\u00003DAA" read as a
    // request to fix).
    const merchantNotFound: Reading = { unified: 'merchant_not_found', outcome: 'failed', next: 'fix_and_retry' };
    for (const text of ['商户 the 超时商户 zz 3daa', 'request timed out 3dab']) {
      expect(step(merchantNotFound, text, 'payment'), text).toMatchObject({ force: { outcome: 'unknown', next: 'query' } });
    }
  });
  it('an error while processing is not in flight: a pending reading of it is queried', () => {
    const inFlight: Reading = { unified: 'processing', outcome: 'pending', next: 'wait' };
    for (const text of [
      'An error occurred while processing your card.',
      '거래 처리 중 오류가 발생했습니다.',
      '결제 진행 중 에러',
      '취소 처리 중 일시적인 오류가 발생했습니다.',
      'Ocurrió un error al procesar el pago.',
      // Nor is processing that could not be done: waiting would wait for nothing.
      'Unable to process the request',
      'The payment could not be processed.',
    ]) {
      expect(step(inFlight, text, 'payment')).toMatchObject({
        rule: 'money-in-doubt',
        unified: 'system_error',
        force: { outcome: 'unknown', next: 'query' },
      });
    }
    // still processing, with no error: the reading stands
    expect(step(inFlight, '결제 처리 중입니다.', 'payment')).toBeUndefined();
    expect(step(inFlight, 'Payment is processing', 'payment')).toBeUndefined();
    expect(step(inFlight, 'We will process the payment shortly', 'payment')).toBeUndefined();
  });
  it('a time-out, a system fault, an unknown result, a duplicate or a thing not found read as pending is queried: no answer is on its way', () => {
    const refunding: Reading = { unified: 'refund_in_progress', outcome: 'pending', next: 'wait' };
    for (const text of [
      '系统超时，请不要更换商户退款单号，请使用相同参数再次调用API。',
      'Return notification abnormal, please query this refund transaction',
      'System timeout',
      'A refund with this ID already exists.',
      'Referenced transaction is either not found or not in proper status',
    ]) {
      expect(step(refunding, text, 'refund'), text).toMatchObject({ rule: 'money-in-doubt', force: { outcome: 'unknown', next: 'query' } });
    }
    // Not where the text says the transaction is in flight, or names an open state beside the doubt.
    expect(step(refunding, 'Refund is processing; system busy', 'refund')).toBeUndefined();
    expect(
      step({ unified: 'order_not_paid', outcome: 'pending', next: 'wait' }, '該訂單未支付，請確認結果後再操作', 'payment'),
    ).toBeUndefined();
  });
  it('an error while processing read as a failure is a fault too: the money may have moved', () => {
    for (const text of ['An error occurred while processing the card.', 'Error during processing', '处理过程中发生错误']) {
      expect(step(stopped, text, 'payment'), text).toMatchObject({ rule: 'money-in-doubt', unified: 'system_error' });
    }
  });
  it("a cut-off in progress is the bank's, not a transaction in flight: try again once it ends", () => {
    const busy: Reading = { unified: 'provider_busy', outcome: 'failed', next: 'retry' };
    for (const text of ['Cut-off in progress', 'Cutoff is in progress', 'Cut-over in progress']) {
      expect(step(busy, text, 'payment'), text).toBeUndefined();
      expect(classify({ message: text, flow: 'payment' }), text).toMatchObject({ outcome: 'failed', next: 'retry' });
    }
  });
  it.each([
    'Processing of this card brand is not supported. Please use another card.',
    'Processing Apple Payments is not enabled for this merchant account.',
    'This charge would cause you to exceed your processing limit for this payment type.',
    'The location provided in the API call is not enabled for credit card processing.',
    'The specified processing_instruction is not supported for the given payment_source.',
  ])('"processing" that names something else is nothing in flight: %s', (text) => {
    expect(step(stopped, text, 'payment')).toBeUndefined();
  });
  // The transaction's own state still is: after a verb of being, alone, or after the transaction's name.
  it.each(['Transaction is processing, can not cancel.', 'Processing...', 'Payment processing', 'The payment is still processing'])(
    '"processing" that is the transaction\'s state is in flight: %s',
    (text) => {
      expect(step(stopped, text, 'payment')).toMatchObject({ rule: 'guard', unified: 'processing' });
    },
  );

  it("a fault on the provider's side, or a connection cut, is a system fault; an invoice just created, or a customer not yet done, is not final", () => {
    for (const text of ['We had a problem on our end. Try again later.', 'Connection with Gateway got terminated abruptly.']) {
      expect(step(declined, text, 'payment'), text).toMatchObject({ rule: 'money-in-doubt', unified: 'system_error' });
    }
    for (const text of ['Newly created invoice.', 'Invoice created']) {
      expect(step(stopped, text, 'payment'), text).toMatchObject({ rule: 'not-final', unified: 'awaiting_customer' });
      expect(step(stopped, text, 'refund'), text).toMatchObject({ rule: 'guard' });
    }
    const s = step(stopped, 'The shopper has not yet selected a payment method.', 'payment');
    expect(s?.rule).toBe('guard');
    expect(s?.force?.next ?? 'wait').not.toBe('stop');
  });
  it('a rate limit refuses the request before it is processed; too many users is congestion', () => {
    const limited: Reading = { unified: 'rate_limited', outcome: 'failed', next: 'retry' };
    expect(step(limited, 'Too many requests hit the API too quickly.', 'payment')).toBeUndefined();
    expect(step(limited, 'Too many users, please try later', 'payment')).toMatchObject({ rule: 'money-in-doubt', unified: 'system_error' });
  });
  it('a window of time that has passed is no timeout', () => {
    // the time in which the payment could be made has passed
    expect(step(declined, '결제 가능 시간이 초과 하였습니다.', 'payment')).toBeUndefined();
  });
  it('a decline for an unknown reason stays a decline', () => {
    expect(step(declined, 'Declined for unknown reasons', 'payment')).toBeUndefined();
  });
  it('"do not retry" after a decline is a final refusal, not an unknown result', () => {
    const stolen: Reading = { unified: 'lost_or_stolen_card', outcome: 'failed', next: 'stop' };
    for (const flow of ['payment', undefined] as const) {
      expect(step(stolen, 'The card was reported lost or stolen. Do not retry.', flow)).toBeUndefined();
      expect(step(stolen, 'LOST_OR_STOLEN. Try using another card. Do not retry the same card.', flow)).toBeUndefined();
    }
    // congestion, "if paid, do not retry, confirm the result later": the result still is in doubt
    const congested = classify({ message: '網絡擁擠，若已付款請勿重試，稍後確認結果', flow: 'payment' });
    expect([congested.outcome, congested.next]).toEqual(['unknown', 'query']);
  });
  it('an unknown BIN, card or currency is a value the provider does not recognise, not an unknown result', () => {
    for (const text of [
      'Invalid card number - fails Luhn check - unknown BIN',
      'Unknown card',
      'Unknown currency code',
      // a field or a parameter, named by a word or two between
      'Unknown Payment CurrencyCode',
      'Unknown ShippingAddress CountryCode',
      'Unknown body parameter',
      // a user, a password or a merchant the provider does not know
      'Unknown Customer Username or Password',
      'Unknown Customer Merchant',
      'Unknown user',
      // the same with the word after the value, and a payment method, a nonce or a channel
      'Merchant ID unknown',
      'payment method nonce unknown',
      'Unknown payment method or method not set.',
      'unknown channel',
    ]) {
      expect(step(declined, text, 'payment')).toBeUndefined();
    }
    expect(classify({ message: 'Merchant ID unknown', flow: 'payment' }).outcome).toBe('failed');
    // an unknown result, status or error still is one
    // even where a value's name follows it ("result unknown merchant …", found by a property test)
    for (const text of [
      'Result unknown',
      'Unknown error',
      'Transaction status unknown',
      '商户 the result unknown merchant the',
      'result unknown data field',
      'Unknown error parameter',
      // a transaction's id the provider does not know may be a payment it cannot find yet
      'Transaction ID unknown',
      'Status unknown: merchant unknown',
      // a value's name before "unknown status" ("card unknown status", found by a property test)
      'card unknown status',
      '商户 商户 card unknown status the ',
    ]) {
      expect(step(declined, text, 'payment')).toMatchObject({ rule: 'money-in-doubt' });
    }
  });
  it('"unknown" as a word about a card or a value (알 수 없는 해외카드) is no unknown result', () => {
    // unknown foreign card; an unknown value was entered in PRODUCT_NAME; "…" is an unknown TYPE
    for (const text of ['알수없는 해외카드', 'PRODUCT_NAME에 알수없는 값이 입력됐습니다.', '"amount" 은(는) 알 수 없는 TYPE 입니다']) {
      expect(step(declined, text, 'payment')).toBeUndefined();
    }
  });
  it('a state in words that name no transaction, or a database word inside another word, is no doubt', () => {
    expect(step(declined, '현재 사용할 수 없는 카드 상태입니다', 'payment')).toBeUndefined();
    expect(step(declined, 'Card state is invalid', 'payment')).toBeUndefined();
    expect(step(declined, 'Invalid dbs account number', 'payment')).toBeUndefined();
  });
  it('a mobile carrier (통신사) or a card network is not communication or a network fault', () => {
    // blocked at the carrier's request; phone-bill prepayers cannot pay small amounts; the carrier's limit
    for (const text of [
      '이동통신사에 소액결제차단을 요청하신 번호입니다.',
      '통신요금 선납자는 소액결제 사용이 불가합니다.',
      '결제 한도 금액을 초과하였습니다. 한도 상향은 통신사 고객센터에서 조정 가능합니다.',
      "The card's network (Visa, Mastercard, etc.) is not enabled for the merchant.",
      'Cryptogram is mandatory for any customer initiated network token transactions.',
      // a payment method called a network (Alipay, WeChat Pay, CUP)
      'The selected network is not enabled for your account.',
      // the store's configuration is abnormal; signature abnormal, access refused
      '該門市配置異常，無法進行交易',
      '签名异常,不予继续访问',
      // a bank account or a bank card is the customer's, not the bank erring as a channel
      'Débitos automáticos no permitidos bank account activation error',
      'Bank account error: the account number is invalid',
      '銀行卡號錯誤',
    ]) {
      expect(step(declined, text, 'payment')).toBeUndefined();
    }
    // a communication error with the carrier, or a network error, still is one
    expect(step(declined, '통신사와 통신 중 오류가 발생했습니다', 'payment')).toMatchObject({ rule: 'money-in-doubt' });
    expect(step(declined, 'Card network error, please try again', 'payment')).toMatchObject({ rule: 'money-in-doubt' });
    expect(step(declined, 'Processing Network Unavailable', 'payment')).toMatchObject({ rule: 'money-in-doubt' });
    expect(step(declined, '交易异常，请稍后再试', 'payment')).toMatchObject({ rule: 'money-in-doubt' });
  });
  it('a channel turning down a field of the request is no fault on the way, unless the field is in its reply', () => {
    const limit: Reading = { unified: 'amount_out_of_range', outcome: 'failed', next: 'fix_and_retry' };
    // the amount is over this channel's maximum; the channel's parameter error; the bank's amount error
    for (const text of [
      'The requested amount is greater than the maximum allowed for this channel max amount limit error',
      '渠道参数错误',
      'Bank amount error',
    ]) {
      expect(step(limit, text, 'payment')).toBeUndefined();
    }
    // the channel's reply failed its signature check: what it answered could not be read
    for (const text of ['校验微信返回签名错误', 'Verifying WeChat return signature error', 'Bank response signature error']) {
      expect(step(limit, text, 'payment')).toMatchObject({ rule: 'money-in-doubt' });
    }
    // an error of the channel that names no field still is a fault on the way
    expect(step(limit, 'Channel error', 'payment')).toMatchObject({ rule: 'money-in-doubt' });
    expect(step(limit, '渠道参数错误，系统异常', 'payment')).toMatchObject({ rule: 'money-in-doubt' });
  });
});

describe('safety rule guard (ported): nothing that may be in flight is answered "failed, try again"', () => {
  it.each([
    ['交易處理中', 'processing'],
    ['Payment pending', 'processing'],
    ['正在輸入密碼', 'processing'],
    ['Unpaid', 'order_not_paid'],
    ['WeChat returned an error', 'system_error'],
    // The transaction exists: another attempt would make a second one.
    ['Payment created but requires additional user action', 'request_accepted'],
    ['訂單已創建', 'request_accepted'],
    ['Solicitud recibida', 'request_accepted'],
    // A step the text says is not needed is not one to ask the customer for.
    ['The transaction does not require 3D Secure authentication', 'outcome_unknown'],
    ['本人認證不需要', 'outcome_unknown'],
    ['인증이 필요하지 않습니다', 'outcome_unknown'],
    ['The debit session is not ready yet. Please try the request again later.', 'processing'],
    ['需要用戶輸入支付密碼', 'processing'],
    // Not finished yet, or waiting on a step before the payment can go on.
    ['Authentication unfinished', 'processing'],
    ['The issuer requires further shopper interaction before the payment can be authenticated.', 'processing'],
    // Sent on and not yet answered: the payment is in flight, not refused.
    ['The payment has been sent for authorisation', 'processing'],
    ['Transaction is ongoing', 'processing'],
    ['Request sent to the issuer, awaiting reply', 'processing'],
    ['承認待ちです', 'processing'],
    ['승인 요청 중입니다', 'processing'],
    // Being verified or reviewed, in English and Spanish, or processing at another system.
    ['The payment is being verified', 'processing'],
    ['verifying (se está verificando el pago)', 'processing'],
    ['La transacción está siendo procesada', 'processing'],
    ['Payment processing at external payment system', 'processing'],
    // A refund request created or accepted, in Spanish, exists as a payment's does.
    ['accepted: reembolso aceptado', 'request_accepted'],
    ['created: solicitud de reembolso creada', 'request_accepted'],
    // Already paid, with "already" between the transaction and its word of done.
    ['Transaction already paid', 'outcome_unknown'],
    ['Order previously paid', 'outcome_unknown'],
    ['既にお支払い済みです。', 'outcome_unknown'],
    // The customer still filling in the form.
    ['User is filling in the payment card details', 'processing'],
  ])('%s', (text, unified) => {
    expect(step(declined, text, 'binding')).toMatchObject({ rule: 'guard', unified });
  });
  it('what something is kept from being is not in flight', () => {
    expect(step(declined, "PayPal's internal controls prevent authorization from being confirmed.", 'binding')).toBeUndefined();
  });
  it('a step that says it succeeded is not a failure to retry, unless the text also says it failed', () => {
    const authFailed: Reading = { unified: 'authentication_failed', outcome: 'failed', next: 'ask_customer' };
    expect(step(authFailed, 'The payment has been successfully authenticated with 3D Secure 2', 'payment')).toMatchObject({
      rule: 'says-success',
      unified: 'outcome_unknown',
    });
    expect(step(authFailed, '本人認證成功', 'binding')).toMatchObject({ rule: 'says-success' });
    expect(step(authFailed, 'Authentication not successful', 'binding')).toBeUndefined();
    expect(step(authFailed, 'Payment failed after successful authentication', 'binding')).toBeUndefined();
  });
  it('the provider working on its own problem is not a transaction in flight', () => {
    expect(step(declined, '卡號錯誤，我們正在加緊處理', 'binding')).toBeUndefined();
  });
  it('a code sent to the bank account is not a payment sent on', () => {
    expect(step(declined, 'The verification code provided does not match the one sent to the bank account.', 'binding')).toBeUndefined();
  });
});

describe('safety rule money-in-doubt: a result the provider says it does not know', () => {
  it.each([
    ['승인 결과 알 수 없음', 'payment'],
    ['The transaction has been processed, but failed to receive confirmation.', 'payment'],
    // A failure whose reason is unknown is a decline, unless it sends the merchant to look the status up.
    ['Capture failed for some unknown reason, please use /details endpoint to know the exact status', 'capture'],
    ['Refund failed for some unknown reason, please use /details endpoint to know the exact status', 'refund'],
  ] as const)('%s (flow %s)', (text, flow) => {
    expect(step(stopped, text, flow)).toMatchObject({ rule: 'money-in-doubt', force: { outcome: 'unknown', next: 'query' } });
  });
  it('a decline whose reason is unknown stays a decline', () => {
    expect(step(stopped, 'The card was declined for an unknown reason.', 'payment')?.rule).not.toBe('money-in-doubt');
  });
});

describe('safety rule money-in-doubt: a payment or order the provider cannot find', () => {
  it.each([
    'Order does not exist',
    '訂單不存在',
    'Transaction not found',
    '주문이 존재하지 않습니다',
    '取引が見つかりません',
    'El pedido no existe',
    '결제 취소할 거래 내역이 없습니다.',
    '주문 정보를 찾을 수 없습니다',
    '존재하지 않는 거래입니다.',
    '원거래건이 없습니다',
    'Transaction to be voided was not found',
    'Referenced transaction is either not found or not in proper status to process subsequent transaction',
    'The payment intent cannot be found',
    'Could not find the original transaction',
    '原交易不存在',
    '該当する取引が存在しません',
    // 내역 (the records of one): the transaction's records are not there.
    '대사자료 생성내역이 없습니다.',
    // A capture or an authorisation is a record of the transaction too.
    'Specified capture ID does not exist.',
    'Authorization not found',
  ])('%s is looked up, not created again', (text) => {
    expect(step(stopped, text, 'payment')).toMatchObject({ rule: 'money-in-doubt', unified: 'order_not_found' });
  });
  it('"cannot" is not "there is none": 결제할 수 없습니다 is a refusal', () => {
    expect(step(stopped, '비밀번호 잠금 상태로 간편결제 서비스를 이용할 수 없습니다.', 'payment')).toBeUndefined();
    expect(step(stopped, '잔액부족으로 거래를 처리할 수 없습니다.', 'payment')).toBeUndefined();
  });
  it('what is not found must be the transaction, not something a text about one names', () => {
    // An account number, a payment method, a field of the request: a request to fix, not a lost payment.
    for (const text of [
      '입력하신 계좌번호가 존재하지 않습니다. 계좌번호를 확인해주시기 바랍니다. 관련문의 : 거래 금융기관',
      '결제방식이 존재하지 않습니다.',
      '전문에 총결제금액이 존재하지 않습니다.',
      'Square could not find the associated Apple Pay certificate for this payment.',
      'Refund Type not found.',
    ]) {
      expect(step(stopped, text, 'payment'), text).toBeUndefined();
    }
    // "Cannot be cancelled" is a refusal, not a transaction missing.
    expect(step(stopped, '이미 취소가 되었거나, 취소할 수 없는 거래입니다.', 'cancel')?.detail ?? '').not.toContain('not-found');
  });
  it('a code reserved for later or for someone else names no outcome: nothing to read, query it', () => {
    for (const text of ['Reserved for future Postilion use', 'Reserved for GlobalPayments use', 'Reserved for future use', 'RESERVED']) {
      expect(step(stopped, text), text).toMatchObject({
        rule: 'money-in-doubt',
        unified: 'unmapped',
        force: { outcome: 'unknown', next: 'query' },
      });
    }
    // Not where the row says what it does all the same, nor funds reserved on a card.
    expect(step(declined, 'Reserved for client-specific use (declined)')).toBeUndefined();
    expect(step(declined, 'Funds reserved on the card', 'payment')?.unified).not.toBe('unmapped');
  });
  it('a merchant that does not exist is not a lost payment', () => {
    expect(step(stopped, 'Merchant does not exist', 'payment')).toBeUndefined();
    expect(step(stopped, 'Merchant ID does not exist', 'payment')).toBeUndefined();
  });
  it('nor is a request that was refused before it was created, or that needs no more than it sent', () => {
    expect(step(declined, 'Payment could not be created: invalid card number', 'binding')).toBeUndefined();
    expect(step(declined, 'CVV is required', 'binding')).toBeUndefined();
  });
});

describe('safety rule money-in-doubt: inconsistent with an earlier request, in words that name it', () => {
  it.each([
    'Request is inconsistent with the previous one',
    'Amount does not match the original request',
    '与原订单不一致',
    '이전 요청과 불일치합니다',
    '以前のリクエストと一致しません',
    'No coincide con la solicitud anterior',
  ])('%s is a question about the earlier request', (text) => {
    expect(step(declined, text, 'payment')).toMatchObject({ rule: 'money-in-doubt', force: { outcome: 'unknown', next: 'query' } });
  });
  it.each([
    'ID, PWD가 불일치합니다.',
    '간편결제 비밀번호가 일치하지 않습니다.',
    '密码不一致',
    'パスワードが一致しません',
    'La contraseña no coincide',
  ])('%s (credentials that do not match) is left to the model', (text) => {
    expect(step(declined, text, 'payment')).toBeUndefined();
  });
});

describe('safety rule money-in-doubt: a reconciliation out of balance', () => {
  it.each([
    'Amount not reconciled, totals provided',
    'Reconciled, out of balance, do not attempt error recovery',
    'Reconcile error',
    'Issuer does not respond within given time-frame - please reconcile.',
    '对账不平',
    '대사 불일치',
    'Transacción no conciliada',
  ])('%s leaves in question which transactions moved money', (text) => {
    expect(step(declined, text, 'payment')).toMatchObject({ rule: 'money-in-doubt', force: { outcome: 'unknown', next: 'query' } });
  });
  it.each(['Reconciled, in balance', 'Cannot reconcile at non-owning host', '대사자료 전송요청 일자 형식 오류입니다.'])(
    '%s (a reconciliation that balances, or a request about one) is left to the model',
    (text) => {
      expect(step(stopped, text, 'payment')).toBeUndefined();
    },
  );
});

describe('safety: a void, a refund or a settlement done, in the words of status tables', () => {
  it('a void or a reversal done is the cancellation done, on the cancel flow', () => {
    for (const text of ['Your transaction was successfully voided.', 'This sale was voided successfully', 'Void successful']) {
      expect(step(stopped, text, 'cancel'), text).toMatchObject({ rule: 'says-paid', unified: 'approved' });
    }
    // elsewhere a void is no payment done
    expect(step(stopped, 'Your transaction was successfully voided.', 'payment')?.rule).not.toBe('says-paid');
    expect(step(stopped, 'Reversal successful', 'refund')).toMatchObject({ rule: 'says-success', force: { outcome: 'unknown' } });
  });

  it('a refund executed or issued is the refund done, on the refund flow', () => {
    expect(step(stopped, 'The refund has been executed', 'refund')).toMatchObject({ rule: 'says-paid', unified: 'refund_succeeded' });
    expect(step(stopped, 'Refund issued', 'refund')).toMatchObject({ rule: 'says-paid', unified: 'refund_succeeded' });
    expect(step(stopped, 'The refund has been executed', 'payment')?.rule).not.toBe('says-paid');
  });

  it('a payment that has settled, or money credited to your account, moved', () => {
    expect(saysMoneyMoved(fold('The payment has settled into your merchant account'), 'payment')).toBe(true);
    expect(saysMoneyMoved(fold('The transfer has completed'), 'payout')).toBe(true);
    expect(saysMoneyMoved(fold('The amount of the payment have been credited to your account'), 'payment')).toBe(true);
    expect(saysMoneyMoved(fold('The payment has not settled'), 'payment')).toBe(false);
  });
});

describe('safety: words of card acquirers in Chinese and Spanish', () => {
  it('授權成功 (the card authorisation went through) opens with the word for money moved; 用户授权成功 does not', () => {
    expect(step(stopped, '授權成功', 'payment')).toMatchObject({ rule: 'says-paid', unified: 'approved' });
    expect(step(stopped, '預授權成功')).toMatchObject({ rule: 'says-paid', unified: 'approved' });
    expect(step(stopped, '用户授权成功')?.rule).not.toBe('says-paid');
  });

  it('退貨 is a refund: 退貨成功 on the refund flow says the refund moved, elsewhere it is no payment', () => {
    expect(step(stopped, '退貨成功', 'refund')).toMatchObject({ rule: 'says-paid', unified: 'refund_succeeded' });
    expect(step(stopped, '退貨成功', 'payment')?.rule).not.toBe('says-paid');
  });

  it('取消授權成功 on the cancel flow is the cancellation done: never a failure', () => {
    expect(step(stopped, '取消授權成功', 'cancel')).toMatchObject({ rule: 'says-paid', unified: 'approved' });
  });

  it('"do not send it again" names no earlier request: a final decline stays final', () => {
    expect(step(stopped, '發卡銀行拒絕交易（Do Not Honor），請勿重複送出', 'payment')).toBeUndefined();
    expect(step(stopped, 'Denegado, no repetir', 'payment')).toBeUndefined();
    // a duplicate in so many words still is one
    expect(step(stopped, '重複交易，請勿重複送出', 'payment')).toMatchObject({ rule: 'money-in-doubt' });
  });

  it('Spanish: a repeated order is a duplicate, a redirect to the issuer is in flight', () => {
    expect(step(stopped, 'Pedido repetido', 'payment')).toMatchObject({ rule: 'money-in-doubt' });
    expect(step(stopped, 'Operación que ha sido redirigida al emisor a autenticar', 'payment')).toMatchObject({
      rule: 'guard',
      unified: 'processing',
    });
    expect(saysMoneyMoved(fold('Transacción autorizada'), 'payment')).toBe(true);
    expect(saysMoneyMoved(fold('Transacción no autorizada'), 'payment')).toBe(false);
  });
});

describe("safety: an acquirer's words for approved and captured, in Taiwan, Korea and Japan", () => {
  // 核准 (approved), 정상승인 (approved normally), 請款成功 (captured), 売上請求が完了 (the sale
  // captured), 与信OK / 与信完了 / オーソリOK (authorised): a card acquirer's success rows, which the
  // model read as a decline or a doubt.
  it.each([
    ['00', '核准', 'payment'],
    ['0000', '정상승인', 'payment'],
    ['00', '請款成功', 'capture'],
    ['SUCCESS', '売上請求が完了しました', 'capture'],
    ['00', '与信OK', 'payment'],
    ['01000', '与信完了', 'payment'],
    ['20', 'オーソリOK', 'payment'],
    ['4', '与信完了', 'query'],
  ] as const)('%s %s (%s) is the payment moved', (code, message, flow) => {
    const c = classify({ code, message, flow });
    expect([c.unified, c.outcome, c.next]).toEqual(['approved', 'succeeded', 'done']);
  });

  it('not where the approval is denied, or still being made', () => {
    expect(saysMoneyMoved(fold('交易未經核准'), 'payment')).toBe(false);
    expect(saysMoneyMoved(fold('不予核准'), 'payment')).toBe(false);
    expect(classify({ message: '交易未經核准', flow: 'payment' }).outcome).toBe('failed');
    expect(classify({ message: '与信NG', flow: 'payment' }).outcome).not.toBe('succeeded');
    expect(step(paid, '銀行核准中', 'payment')).toMatchObject({ rule: 'not-final' });
  });

  it('取消授權成功 on the cancel flow is the cancellation done', () => {
    const c = classify({ code: '0000', message: '取消授權成功', flow: 'cancel' });
    expect([c.unified, c.outcome]).toEqual(['approved', 'succeeded']);
  });
});

describe('safety: more languages and wordings', () => {
  it('Vietnamese, read through its glossary: an order not yet paid is open, a transaction in progress is in flight', () => {
    const read = (text: string, flow?: Flow) => classify({ message: text, flow });
    expect(read('Đơn hàng chưa được thanh toán')).toMatchObject({ outcome: 'pending' });
    expect(read('Giao dịch đang thực hiện, chưa kết thúc')).toMatchObject({ outcome: 'pending', next: 'wait' });
  });

  it('a cancellation or refund "processed successfully" on its flow is never a failure', () => {
    expect(step(stopped, 'Cancellation processed successfully', 'cancel')).toMatchObject({ rule: 'says-success' });
    // A refund processed on the refund flow is the refund made, in so many words.
    expect(step(stopped, 'Refund processed successfully', 'refund')).toMatchObject({ rule: 'says-paid', unified: 'refund_succeeded' });
  });

  it('Italian: already present is a duplicate, already paid moved money, "eseguita correttamente" succeeded', () => {
    expect(step(stopped, 'Codice transazione già presente', 'payment')).toMatchObject({ rule: 'money-in-doubt' });
    expect(step(stopped, 'Pagamento già effettuato per questo ordine', 'payment')).toMatchObject({ rule: 'guard' });
    expect(step(stopped, 'Operazione eseguita correttamente', 'payment')).toMatchObject({ rule: 'says-success' });
  });
});

describe('French, read through its glossary', () => {
  it.each([
    ['Provision insuffisante', 'failed', 'ask_customer'],
    ['Réponse non parvenue ou reçue trop tard', 'unknown', 'query'],
    ['Erreur technique.', 'unknown', 'query'],
    ['Transaction approuvée ou traitée avec succès', 'succeeded', 'done'],
    ['Carte perdue', 'failed', 'stop'],
    ['Transaction à valider', 'pending', 'wait'],
  ] as const)('%s → %s/%s', (message, outcome, next) => {
    expect(classify({ message })).toMatchObject({ outcome, next });
  });
});

describe('a text that says the request was not processed may be tried again', () => {
  it('says so only where no word of doubt stands beside it', () => {
    const says = (text: string) => saysNotProcessed(fold(text));
    expect(says('Service under maintenance; the request was not processed.')).toBe(true);
    expect(says('서비스 점검 중입니다. 요청은 처리되지 않았습니다.')).toBe(true);
    expect(says('メンテナンス中です。処理は行われていません。')).toBe(true);
    expect(says('Too many requests. No charge was made.')).toBe(true);
    expect(says('The transfer failed, no funds were moved.')).toBe(true);
    expect(says('Timed out; the request was not processed.')).toBe(false);
    expect(says('The result is unknown; the request was not processed.')).toBe(false);
    // A system closed for maintenance turned the request away, whether or not it says to try later.
    expect(says('Service under maintenance.')).toBe(true);
    // A rate limit turned the call away before anything was done; a card's velocity limit is a decline.
    expect(says('Too many requests')).toBe(true);
    expect(says('API rate limit exceeded')).toBe(true);
    expect(says('请求过于频繁，请稍后再试')).toBe(true);
    // The number of requests over its limit, as Japanese, Chinese and Korean APIs say it.
    expect(says('リクエスト数が上限を超えました。しばらくしてから再試行してください。')).toBe(true);
    expect(says('请求次数超过限制')).toBe(true);
    expect(says('허용된 요청 횟수가 초과된 경우')).toBe(true);
    // Calls too frequent, or too many at once: the same limit in other words.
    expect(says('Too many concurrent requests')).toBe(true);
    expect(says('调用频率超过限制，请降低请求频率')).toBe(true);
    expect(says('操作过于频繁')).toBe(true);
    expect(says('卡支付频率超出限制而被拒绝')).toBe(false);
    for (const message of ['Too many concurrent requests', '调用频率超过限制，请降低请求频率'])
      expect(classify({ message, flow: 'payment' }), message).toMatchObject({ outcome: 'failed', next: 'retry' });
    expect(says('カードの利用回数が上限を超えました')).toBe(false);
    expect(says('Card decline rate limit exceeded')).toBe(false);
    expect(says('Too many requests; the result of the payment is unknown')).toBe(false);
    // Maintenance or a service unavailable turns the request away; beside "try again later" it went nowhere. Not where the
    // text sends the buyer elsewhere instead, nor beside a doubt.
    expect(says('Server in maintenance. Please try again later.')).toBe(true);
    expect(says('The payment processor is currently unavailable, please try again later')).toBe(true);
    expect(says('El banco emisor no está disponible, inténtalo más tarde.')).toBe(true);
    expect(says('The payment processor is currently unavailable')).toBe(false);
    // The issuer out of reach: the authorisation never got to it. Not one that did not answer in time.
    expect(says('Issuer unavailable')).toBe(true);
    expect(says('Card issuer or switch inoperative')).toBe(true);
    expect(says('EMISOR FUERA LINEA')).toBe(true);
    expect(says('發卡銀行無法連線')).toBe(true);
    expect(says('Issuer does not respond within given time-frame')).toBe(false);
    expect(says('Issuer unavailable: the authorization timed out')).toBe(false);
    // A switch or a bank at its day's cut-off (ISO 8583 90) turns requests away until it is done.
    expect(says('Cut-off in progress')).toBe(true);
    expect(says("Bank CBS cutoff is in progress. This is a periodic event at the bank's end.")).toBe(true);
    expect(says('Cut-off in progress; the transaction may have been processed')).toBe(false);
    expect(says('통신사 서버가 점검 중입니다. 잠시 후 다시 시도해주십시오.')).toBe(true);
    expect(says('システムメンテナンス中です。しばらくしてから再度お試しください。')).toBe(true);
    expect(says('선택하신 할인 시스템이 점검 중입니다. 타 할인 시스템을 이용해 주시길 바랍니다.')).toBe(false);
    expect(says('Under maintenance. Please retry later, the transaction may have been processed')).toBe(false);
    // The issuer's system out of reach, in the words of networks and of Portuguese and Japanese tables.
    expect(says('Authorization system or issuer system inoperative')).toBe(true);
    expect(says('Emissor fora do ar')).toBe(true);
    expect(says('カード会社オンライン終了')).toBe(true);
    expect(says('Issuer system error')).toBe(false);
  });

  it('answers "try again" where the model leans to it and the words say nothing was done', () => {
    const read = (message: string) => classify({ code: 'E5003', message });
    expect(read('Service under maintenance; the request was not processed. Retry after the maintenance.')).toMatchObject({
      outcome: 'failed',
      next: 'retry',
    });
    expect(read('서비스 점검 중입니다. 요청은 처리되지 않았습니다.')).toMatchObject({ outcome: 'failed', next: 'retry' });
    expect(read('서비스 점검 중입니다.')).toMatchObject({ outcome: 'failed', next: 'retry' });
    expect(read('Server in maintenance. Please try again later.')).toMatchObject({ outcome: 'failed', next: 'retry' });
    // A processor unavailable turned the request away; its failure or its error is a fault in doubt.
    expect(read('The payment processor is currently unavailable, please try again later')).toMatchObject({
      outcome: 'failed',
      next: 'retry',
    });
    expect(read('Processor failure')).toMatchObject({ outcome: 'unknown', next: 'query' });
    expect(classify({ message: 'Card issuer unavailable', flow: 'payment' })).toMatchObject({ outcome: 'failed', next: 'retry' });
    expect(read('Under maintenance. Please retry later, the transaction may have been processed')).toMatchObject({
      outcome: 'unknown',
      next: 'query',
    });
    expect(read('Service under maintenance; the request timed out.').next).not.toBe('retry');
  });
});

describe('German and Italian, read through their glossaries', () => {
  it.each([
    ['Fondi insufficienti', 'failed', 'ask_customer'],
    ['Eine Transaktion mit dieser Referenz existiert bereits.', 'unknown', 'query'],
    ['Zeitüberschreitung bei der Autorisierung', 'unknown', 'query'],
    ['Systemfehler', 'unknown', 'query'],
    ['Errore di sistema, riprovare più tardi', 'unknown', 'query'],
    ['Zahlung erfolgreich durchgeführt', 'succeeded', 'done'],
    ['Pagamento eseguito con successo', 'succeeded', 'done'],
    ['Operazione in attesa di conferma', 'pending', 'wait'],
  ] as const)('%s → %s/%s', (message, outcome, next) => {
    expect(classify({ message })).toMatchObject({ outcome, next });
  });
  it('reads a card expired or funds short as a failure, in either language', () => {
    for (const message of ['Karte abgelaufen', 'Deckung nicht ausreichend', 'Carta scaduta']) {
      expect(classify({ message }).outcome, message).toBe('failed');
    }
  });
});

describe("whose balance is short: the buyer's or the merchant's", () => {
  it.each([
    ['Buyer balance not enough', 'payment', 'buyer'],
    ['买家余额不足', 'payment', 'buyer'],
    ['고객 잔액 부족', undefined, 'buyer'],
    ['Merchant balance insufficient', 'payment', 'merchant'],
    ['商户余额不足', 'refund', 'merchant'],
    ['Insufficient funds in the merchant account balance', 'payment', 'merchant'],
    // On a refund or a payout the merchant's balance pays, whoever the text names or if it names no one.
    ['Insufficient balance to refund the buyer', 'refund', 'merchant'],
    ['Insufficient balance', 'refund', 'merchant'],
    ['Insufficient Balance', 'payout', 'merchant'],
    ['賬戶余額不足', 'payout', 'merchant'],
    // A customer told to contact the merchant names both: no side.
    ['Insufficient funds, customer please contact the merchant', 'payment', undefined],
    // Naming no one, on a flow where the buyer pays, the buyer's: a wallet's 帳戶餘額不足 is the buyer's wallet.
    ['余额不足', 'payment', 'buyer'],
    ['icash Pay帳戶餘額不足', 'payment', 'buyer'],
    ['Insufficient balance', 'recurring', 'buyer'],
    ['余额不足', undefined, undefined],
    ['商戶可用餘額不足', 'payment', 'merchant'],
  ] as const)('%s (%s): %s', (text, flow, side) => {
    expect(balanceSide(fold(text), flow)).toBe(side);
  });

  it("answers the buyer's shortfall as the customer's, where the model leaned to the merchant's", () => {
    const c = classify({ message: 'Buyer balance not enough', flow: 'payment' });
    expect(c.unified).toBe('insufficient_funds');
    expect(c.evidence.some((e) => e.detail.startsWith("whose balance: by its words and its flow, the buyer's"))).toBe(true);
    // The quoted words are the ones that pushed the pair, quoted for the answer given.
    expect(c.evidence[0]?.detail).toMatch(/ → insufficient_funds$/);
    expect(classify({ message: 'Insufficient balance to refund the buyer', flow: 'refund' }).unified).toBe('merchant_balance_insufficient');
    expect(classify({ message: 'Merchant balance insufficient', flow: 'payment' }).unified).toBe('merchant_balance_insufficient');
    // Naming no one, a refund's or a payout's balance is the merchant's: top up and retry, not ask the customer.
    for (const flow of ['refund', 'payout'] as const) {
      expect(classify({ message: 'Insufficient balance', flow }), flow).toMatchObject({
        unified: 'merchant_balance_insufficient',
        next: 'fix_and_retry',
      });
    }
  });
});

describe("whose limit the amount went over: the card's or the merchant's range", () => {
  it.each([
    ['Amount exceeds the maximum allowed for this card', true],
    ['The transaction amount exceeds the approval limit set by the issuer for this card.', true],
    ['The customer has exceeded the daily transaction limit set on the card.', true],
    ['买家付款日限额超限', true],
    // the merchant's or the provider's range of amounts, or a limit of no one named
    ['The specified amount is greater than the maximum amount allowed.', false],
    ['Transaction limit for merchant/terminal exceeded', false],
    ['Exceeds Transaction Amount Limit', false],
    ['Invalid card number', false],
  ] as const)('%s: %s', (text, card) => {
    expect(namesCardsLimit(fold(text))).toBe(card);
  });

  it("answers a card's limit as the customer's, where the model leaned to the merchant's range", () => {
    const c = classify({ message: 'Amount exceeds the maximum allowed for this card', flow: 'payment' });
    expect(c).toMatchObject({ unified: 'card_limit_exceeded', outcome: 'failed', next: 'ask_customer' });
    expect(c.evidence.some((e) => e.detail.startsWith("whose limit: the words name the card's"))).toBe(true);
    expect(classify({ message: 'The specified amount is greater than the maximum amount allowed.', flow: 'payment' }).unified).toBe(
      'amount_out_of_range',
    );
  });
});

describe('a refund, a cancellation or a capture of a transaction the provider cannot find moved nothing', () => {
  it.each([
    ['交易不存在', 'refund'],
    ['The payment intent cannot be found', 'refund'],
    ['The order could not be found', 'capture'],
    ['Transaction to be voided was not found', 'cancel'],
    ['該当する取引が存在しません', 'cancel'],
  ] as const)('%s (%s) failed, not in doubt', (message, flow) => {
    expect(classify({ message, flow }).outcome).toBe('failed');
    expect(step(stopped, fold(message), flow)?.rule).not.toBe('money-in-doubt');
  });
  it('where the payment or its status is what was not found, it may exist yet: looked up', () => {
    for (const flow of ['payment', 'query', 'payout'] as const) {
      expect(classify({ message: 'Transaction not found', flow }), flow).toMatchObject({ outcome: 'unknown', next: 'query' });
    }
  });
});

describe('a payment in analysis is a payment under review', () => {
  it.each([
    ['Payment in analysis', 'query'],
    ['Transaction under analysis', 'payment'],
  ] as const)('%s (%s) is in flight', (message, flow) => {
    expect(classify({ message, flow })).toMatchObject({ outcome: 'pending', next: 'wait' });
  });
});

describe('a status table in a few more words', () => {
  // A state row that says an operation was asked for ("Refund Requested", "Capture Requested") is
  // that operation in flight; each had read as the operation refused, final.
  // So is a step asked for, or a request submitted to someone else.
  it.each([
    ['Capture Requested', 'capture'],
    ['Refund Requested', 'refund'],
    ['Cancellation requested.', 'cancel'],
    ['3-D Secure check requested', 'payment'],
    ['Submitted for settlement', 'capture'],
    ['The mobile device has been submitted for approval', 'any'],
  ] as const)('"%s" (%s) is in flight, not refused', (text, flow) => {
    expect(step(declined, text, flow)).toMatchObject({ unified: 'processing' });
  });

  it('answers an operation requested as pending, to wait for', () => {
    for (const [message, flow] of [
      ['Capture Requested', 'capture'],
      ['Refund Requested', 'refund'],
      ['Cancellation requested.', 'cancel'],
    ] as const) {
      expect(classify({ message, flow }), message).toMatchObject({ outcome: 'pending', next: 'wait' });
    }
  });

  it('a processing failure is a failure, not a payment being processed', () => {
    const text = 'Transaction failed because of payment processing failure.: Insufficient funds';
    expect(step(declined, text, 'payment')).toBeUndefined();
    expect(classify({ message: text, flow: 'payment' }).outcome).toBe('failed');
    expect(step(declined, 'Payment processing', 'payment')).toMatchObject({ unified: 'processing' });
    // A status code read with its words: Braintree's submitted_for_settlement had read capture_declined, stop.
    expect(classify({ code: 'submitted_for_settlement', message: 'submitted_for_settlement', flow: 'capture' }).outcome).toBe('pending');
  });

  it('but an amount that was requested is no state', () => {
    expect(step(declined, 'Refund requested exceeds original amount', 'refund')).toBeUndefined();
    expect(classify({ message: 'Requested amount exceeds the limit', flow: 'payment' }).outcome).toBe('failed');
  });

  // Spanish status tables (pendiente, pagada, rechazada, anulada) on the query flow: the one word is
  // the transaction's state, as "Declined" or "Cancelled" is in English.
  it.each(['rechazada', 'anulada', 'Anulado', 'Cancelada', 'Vencida'])('"%s" on the query flow is the state found', (text) => {
    expect(step(stopped, text, 'query'), text).toBeUndefined();
    expect(classify({ message: text, flow: 'query' }).outcome).toBe('failed');
  });

  it('a refund "was completed" or "processed" on the refund flow is the refund made; "no refund was" is none', () => {
    for (const text of ['Refund was completed', 'Refund processed', 'Refund has been completed']) {
      expect(classify({ message: text, flow: 'refund' }).outcome, text).toBe('succeeded');
    }
    for (const text of ['No refund was processed', 'Refund was not completed', 'Refund could not be processed']) {
      expect(classify({ message: text, flow: 'refund' }).outcome, text).not.toBe('succeeded');
    }
    expect(classify({ message: 'No payment was captured', flow: 'payment' }).outcome).not.toBe('succeeded');
  });

  it("a wallet balance short on the payment flow is the customer's, to ask about, not the merchant's", () => {
    expect(classify({ message: 'icash Pay帳戶餘額不足', flow: 'payment' })).toMatchObject({
      unified: 'insufficient_funds',
      next: 'ask_customer',
    });
  });

  // Chinese, Japanese and Korean one-word states on the query flow, as "Cancelled" or "Expired";
  // a bare 失败 or 실패 may be the query's own failure, as "Failed" may, and stays out.
  it.each(['取消', '撤銷', '過期', 'キャンセル', '期限切れ', '취소', '만료'])('"%s" on the query flow is the state found', (text) => {
    expect(step(stopped, text, 'query'), text).toBeUndefined();
  });

  it('審査中 and 審核中 (under review) are in flight', () => {
    for (const text of ['審査中', '審核中']) expect(step(declined, text, 'payment'), text).toMatchObject({ unified: 'processing' });
  });

  it('a payment "executed" moved the money; one not executed did not', () => {
    expect(saysMoneyMoved(fold('Payment executed'), 'payment')).toBe(true);
    expect(saysMoneyMoved(fold('The payment has been successfully executed'), 'payment')).toBe(true);
    expect(classify({ message: 'Payment executed', flow: 'payment' }).outcome).toBe('succeeded');
    expect(classify({ message: 'Payment could not be executed', flow: 'payment' }).outcome).not.toBe('succeeded');
    expect(classify({ message: 'Payment not executed', flow: 'payment' }).outcome).not.toBe('succeeded');
  });
});

describe('a success the model read as something else: in doubt, in flight, on a recurring charge, with no flow', () => {
  const otherError: Reading = { unified: 'other_error', outcome: 'unknown', next: 'query' };
  const timedOut: Reading = { unified: 'channel_timeout', outcome: 'unknown', next: 'query' };
  const notPaid: Reading = { unified: 'order_not_paid', outcome: 'pending', next: 'wait' };
  const refunding: Reading = { unified: 'refund_in_progress', outcome: 'pending', next: 'wait' };

  // A reading in doubt that no word of the text supports gives way to words that say only that the
  // payment went through; so does one in flight, where the words name nothing still under way.
  it.each([
    [otherError, 'Transaction is successful.', undefined],
    [timedOut, 'Thank you for using the wallet, your transaction was successful.', 'payment'],
    [notPaid, '승인성공', 'payment'],
    [notPaid, 'Payment captured', 'capture'],
    [otherError, 'Successfully completed the payment.', 'payment'],
    // A recurring charge is a payment: its success is the payment's; a payout's is the money sent.
    [otherError, 'Automatic payment charged successfully', 'recurring'],
    [otherError, 'Transfer successful', 'payout'],
    // An authorisation held, in the words of a status table: what it is ready for is its state.
    [otherError, 'The payment has been authorized and can be captured.', 'payment'],
    [otherError, 'Order is authorised and ready to be captured', undefined],
    [otherError, 'The payment has been captured and the order is complete.', undefined],
    // Money received, as a Japanese status table says it (入金確定: deposit confirmed).
    [otherError, '入金確定', 'query'],
  ] as [Reading, string, Flow | undefined][])('%j: "%s" (%s) → approved', (r, text, flow) => {
    expect(step(r, text, flow)).toMatchObject({ rule: 'says-paid', unified: 'approved' });
  });

  it.each([
    // Off the query flow "order paid" answers a second attempt as often as it is a state.
    [{ unified: 'already_paid', outcome: 'unknown', next: 'query' }, 'Order paid', 'payment'],
    // An approval for part of the amount is not the payment asked for.
    [{ unified: 'partially_approved', outcome: 'unknown', next: 'query' }, 'Approved for partial amount', undefined],
    [{ unified: 'partially_approved', outcome: 'unknown', next: 'query' }, 'Approved, partial', 'payment'],
    // Words of something in flight keep a pending reading.
    [notPaid, 'Payment successful, settlement pending', 'payment'],
    // What follows the authorisation is another thing than what it is ready for.
    [otherError, 'The payment has been authorized and the order is on hold for review', 'payment'],
  ] as [Reading, string, Flow | undefined][])('%j: "%s" (%s) is not', (r, text, flow) => {
    expect(step(r, text, flow)?.rule).not.toBe('says-paid');
  });

  it("a status row's few words of a transaction under way, read in doubt, is pending: wait", () => {
    const systemError: Reading = { unified: 'system_error', outcome: 'unknown', next: 'query' };
    for (const text of ['Transaction in Process', 'Request in progress', '处理中', '처리중입니다'])
      expect(step(systemError, text, 'query'), text).toMatchObject({ rule: 'not-final', unified: 'processing' });
    expect(classify({ message: 'Transaction in Process', flow: 'query' })).toMatchObject({ outcome: 'pending', next: 'wait' });
    // Not an error while it was under way, a bank's cut-off, a request merely received, nor a longer text.
    for (const text of [
      '승인/취소처리 중 오류입니다.',
      'Cut-off in progress',
      'Request received, processing',
      'The transaction is still being processed by the acquirer, please check its status later',
    ])
      expect(step(systemError, text, 'query')?.rule, text).not.toBe('not-final');
  });

  it('part of the amount moved is no success: partially approved, looked up', () => {
    const part = { rule: 'says-money-moved', unified: 'partially_approved', force: { outcome: 'unknown', next: 'query' } };
    for (const text of [
      'The transaction was approved for a lesser amount than requested.',
      'Payment partially paid',
      '部分支付成功',
      'Pago parcial aprobado',
    ])
      expect(step(paid, text, 'payment'), text).toMatchObject(part);
    // A code that says it, read as the code's words: "paid partial".
    expect(classify({ message: 'paid_partial', code: 'paid_partial', flow: 'query' })).toMatchObject({
      unified: 'partially_approved',
      outcome: 'unknown',
      next: 'query',
    });
    // A partial refund or capture is that operation's own success.
    expect(step(paid, 'Partially refunded', 'refund')?.unified).not.toBe('partially_approved');
    expect(step(paid, 'Partial amount captured', 'capture')?.unified).not.toBe('partially_approved');
    expect(step(paid, 'Payment approved', 'payment')).toBeUndefined();
  });

  it('a refund done, read as still in progress on the refund flow, is the refund made', () => {
    expect(step(refunding, '退款成功', 'refund')).toMatchObject({ rule: 'says-paid', unified: 'refund_succeeded' });
    expect(step(refunding, 'Approved Refund', 'refund')).toMatchObject({ rule: 'says-paid', unified: 'refund_succeeded' });
    expect(classify({ message: '退款成功', flow: 'refund' })).toMatchObject({ outcome: 'succeeded', next: 'done' });
    // 处理成功: processed successfully.
    expect(step(refunding, '退款处理成功', 'refund')).toMatchObject({ rule: 'says-paid', unified: 'refund_succeeded' });
  });

  it("with no flow, a status row's refund done is no failure: refund_succeeded, looked up", () => {
    const lookedUp = { rule: 'says-success', force: { outcome: 'unknown', next: 'query' } };
    expect(step(stopped, 'Refunded', undefined)).toMatchObject({ ...lookedUp, unified: 'refund_succeeded' });
    expect(step(stopped, 'Refund succeeded', 'any')).toMatchObject({ ...lookedUp, unified: 'refund_succeeded' });
    // Part of it: partially_refunded.
    expect(step(stopped, 'Partially refunded', undefined)).toMatchObject({ ...lookedUp, unified: 'partially_refunded' });
    // With no flow the taxonomy reads a refund's success as a result to look up: it may answer a payment.
    expect(classify({ message: 'Refunded', code: 'REFUNDED' })).toMatchObject({ outcome: 'unknown', next: 'query' });
    // Not where it cannot be done (불가: impossible), nor where it was done before.
    expect(step(stopped, '환불완료 불가 상태', undefined)?.rule).not.toBe('says-paid');
    expect(step(stopped, 'Already refunded', undefined)?.rule).not.toBe('says-paid');
  });

  // Never a failure: an authorisation done, money received on the account, a check that ends "OK".
  it.each([
    ['Auth Done', undefined],
    ['Money has been received on the account.', undefined],
    ['OK.', 'payment'],
    ['与信審査OK', 'payment'],
  ] as const)('"%s" (%s) says it succeeded', (text, flow) => {
    expect(step(stopped, text, flow)).toMatchObject({ rule: 'says-success', force: { outcome: 'unknown', next: 'query' } });
  });
  it('but not the brand OK CashBag, nor a check that is NG', () => {
    expect(step(stopped, 'OK CashBag 거래 불가 가맹점', 'payment')).toBeUndefined();
    expect(step(stopped, '与信審査NG', 'payment')).toBeUndefined();
  });
});

describe("a code that names the request's class of error", () => {
  // BAD_REQUEST_ERROR (an HTTP 400's class, as Razorpay-style APIs name it) says the request was
  // turned away as it stood: beside a bank named in the message, its "error" is no channel's fault.
  it('BAD_REQUEST_ERROR beside a bank that declined is the decline, not a channel error', () => {
    const c = classify({ message: 'Your payment was declined by the bank', code: 'BAD_REQUEST_ERROR', flow: 'payment' });
    expect(c.outcome).toBe('failed');
    expect(c.evidence.some((e) => /money-in-doubt/.test(e.detail))).toBe(false);
  });
  it("but a gateway's error is a fault on the way: the money may have moved", () => {
    expect(classify({ message: 'Your payment was declined by the bank', code: 'GATEWAY_ERROR', flow: 'payment' })).toMatchObject({
      outcome: 'unknown',
      next: 'query',
    });
  });
});

describe('something just created is no failure, on any flow', () => {
  it('"The checkout was created by the application." → request_accepted, unknown/query', () => {
    const text = 'The checkout was created by the application.';
    expect(step(stopped, text, undefined)).toMatchObject({
      rule: 'not-final',
      unified: 'request_accepted',
      force: { outcome: 'unknown', next: 'query' },
    });
    expect(classify({ message: text, code: 'new' })).toMatchObject({ outcome: 'unknown', next: 'query' });
  });
  it('unless something is said to have gone wrong', () => {
    expect(step(stopped, 'Refund created, but the bank rejected it', 'refund')?.rule).not.toBe('not-final');
    expect(step(stopped, 'Order was created with an error', undefined)?.rule).not.toBe('not-final');
  });
  it('a checkout named in a sentence of money moved is no word that sends the reader to look', () => {
    const otherError: Reading = { unified: 'other_error', outcome: 'unknown', next: 'query' };
    expect(step(otherError, 'The checkout payment was completed successfully', 'payment')).toMatchObject({ rule: 'says-paid' });
    expect(step(otherError, 'The payment was completed, check the order', 'payment')?.rule).not.toBe('says-paid');
  });
});

describe('an unexpected error, a communication error, a number used before: in words the families had missed', () => {
  // "Unexpected error" is how APIs name their own internal fault; the request may have gone through.
  it.each([
    ['Unexpected error', undefined],
    ['An unexpected error occurred', 'payment'],
    ['Ocurrió un error inesperado, por favor intente nuevamente.', 'payment'],
    ['Error de comunicaciones', 'payment'],
  ] as [string, Flow | undefined][])('"%s" (%s) → system_error, unknown/query', (text, flow) => {
    expect(step(declined, text, flow)).toMatchObject({ unified: 'system_error', force: { outcome: 'unknown', next: 'query' } });
  });
  // An order number spent before: a second attempt repeats a first that may have gone through.
  it.each([
    ['Este número de pedido ya ha sido utilizado', 'payment'],
    ['The order number was previously used', 'payment'],
  ] as [string, Flow | undefined][])('"%s" (%s) is a duplicate', (text, flow) => {
    expect(step(declined, text, flow)).toMatchObject({ unified: 'duplicate_request', force: { outcome: 'unknown', next: 'query' } });
  });
  it('but a parameter that was unexpected is the request to fix', () => {
    expect(step(declined, 'The request contains one or more unexpected parameters', 'payment')?.rule).not.toBe('money-in-doubt');
  });
  it('Turkish and Czech, through their glossaries', () => {
    expect(classify({ message: 'Beklenmeyen bir hata oluştu', flow: 'payment' })).toMatchObject({ outcome: 'unknown', next: 'query' });
    expect(classify({ message: 'Neočekávaná chyba', flow: 'payment' })).toMatchObject({ outcome: 'unknown', next: 'query' });
    expect(classify({ message: 'Sipariş ID daha önce kullanılmış', flow: 'payment' })).toMatchObject({ outcome: 'unknown', next: 'query' });
  });
});

describe('a disbursement done, a value already taken, a text that says to query again', () => {
  it('a disbursement or a remittance completed is money moved', () => {
    const otherError: Reading = { unified: 'other_error', outcome: 'unknown', next: 'query' };
    expect(step(stopped, 'Disbursement completed', 'payout')).toMatchObject({ rule: 'says-paid', unified: 'approved' });
    expect(step(otherError, 'The remittance was completed successfully', 'payout')).toMatchObject({ rule: 'says-paid' });
    // Ended at who moved it: "confirmed by the bank", "approved by the issuer".
    expect(step(otherError, 'The payment was approved by the issuer', 'payment')).toMatchObject({ rule: 'says-paid' });
  });
  // Rails' uniqueness message, and a reference issued before: a second attempt repeats the first.
  it.each([
    ['Reference has already been taken', 'payment'],
    ['Challan Already Generated, Please re-initiate with unique reference number', 'payment'],
  ] as [string, Flow][])('"%s" (%s) is a duplicate', (text, flow) => {
    expect(step(declined, text, flow)).toMatchObject({ unified: 'duplicate_request', force: { outcome: 'unknown', next: 'query' } });
  });
  it('a text that says to query the transaction again is a result to look up, not a final failure', () => {
    expect(step(stopped, 'Failed Dependency - do not retry, requery the transaction to confirm its status', 'payout')).toMatchObject({
      rule: 'status-query',
      force: { outcome: 'unknown', next: 'query' },
    });
  });
});

describe('a Korean error that names its field, whatever the field is called', () => {
  // "X 오류" names what is wrong: the request's field, not a fault on the way.
  it.each(['상점키 암복호 오류', '지급계좌오류', '가상계좌 입금예정일 오류', '환불계좌 예금주명 오류'])('%s hints at no doubt', (text) => {
    expect(saysNoDoubt(fold(text))).toBe(true);
  });
  // Not where the word before 오류 holds a system, a channel, a step, a result or a state, or ends in 중.
  it.each([
    '카드사통신 오류',
    '시스템 오류',
    '내부 서버 오류',
    '처리중 오류',
    '인증정보 확인중 오류',
    '앱 인증 결과 오류',
    '은행 점검 오류',
  ])('%s still does', (text) => {
    expect(saysNoDoubt(fold(text))).toBe(false);
  });
  it('so a wrong "fix the request" weighs as a quiet one there', () => {
    expect(classify({ message: '환불계좌 예금주명 오류', flow: 'payment' })).toMatchObject({ outcome: 'failed', next: 'fix_and_retry' });
  });
});

describe("the integration's own key or id not found, unknown or wrong", () => {
  it.each([
    'No such API key.',
    'The provided API key does not exist',
    'API key not found',
    'APPID does not exist',
    'APPID不存在',
    'Merchant ID not found.',
    'client id or secret is wrong',
  ])('%s: the request is to be fixed, on a payment as on a refund', (message) => {
    for (const flow of ['payment', 'refund'] as const) {
      expect(classify({ message, flow }), flow).toMatchObject({ outcome: 'failed', next: 'fix_and_retry' });
    }
  });
  it('a payment not found beside it is still in doubt', () => {
    expect(classify({ message: 'No such API key; transaction not found', flow: 'payment' })).toMatchObject({
      outcome: 'unknown',
      next: 'query',
    });
    expect(classify({ message: 'Order does not exist', flow: 'payment' })).toMatchObject({ outcome: 'unknown', next: 'query' });
  });
});

describe('a balance short, with words between the balance and "insufficient"', () => {
  it("is the customer's to settle, as a bare one is", () => {
    for (const message of ['Saldo OVO Cash tidak mencukupi', 'The card balance is insufficient']) {
      expect(saysDeclineReason(glossText(fold(message))), message).toBe(true);
      expect(classify({ message, flow: 'payment' }), message).toMatchObject({ outcome: 'failed', next: 'ask_customer' });
    }
  });
  it("stays the merchant's to fix where the merchant's balance is the one short", () => {
    expect(classify({ message: 'The balance of the merchant account is insufficient', flow: 'refund' })).toMatchObject({
      outcome: 'failed',
      next: 'fix_and_retry',
    });
  });
});

describe('a bank or a service that "is down", with an invitation to try again later', () => {
  it('turned the request away before anything ran: try again', () => {
    for (const message of ['The financial institution is down, try again later', 'The bank is down, please try again later']) {
      expect(saysNotProcessed(fold(message)), message).toBe(true);
      expect(classify({ message, flow: 'payment' }), message).toMatchObject({ outcome: 'failed', next: 'retry' });
    }
  });
  it('is no outage where nothing invites a later try, nor where a time-out stands beside it', () => {
    expect(saysNotProcessed(fold('The system is down'))).toBe(false);
    expect(saysNotProcessed(fold('The bank is down and the request timed out, try again later'))).toBe(false);
  });
});

describe("a transaction's or an order's id given wrong", () => {
  it('is one the provider could not match, which may yet exist: a payment in doubt, to look up', () => {
    for (const message of ['Invalid transaction ID', 'INVALID_TRANSACTION_ID.', 'Wrong order number']) {
      expect(saysNoDoubt(fold(message).replace(/_/g, ' ')), message).toBe(false);
      expect(classify({ message, flow: 'payment' }), message).toMatchObject({ outcome: 'unknown', next: 'query' });
    }
  });
});

describe('a system closed for maintenance', () => {
  it('turned the request away before reading it, with or without a word to try again later', () => {
    for (const message of [
      'System maintenance in progress',
      '시스템 점검 중입니다.',
      '系統維護中',
      'ただいまシステムメンテナンス中です。',
    ]) {
      expect(saysNotProcessed(fold(message)), message).toBe(true);
      expect(classify({ message, flow: 'payment' }), message).toMatchObject({ outcome: 'failed', next: 'retry' });
    }
  });
  it('is no plain retry where it sends the customer to another system, nor beside a word of doubt', () => {
    expect(saysNotProcessed(fold('선택하신 할인 시스템이 점검 중입니다. 타 할인 시스템을 이용해 주시길 바랍니다.'))).toBe(false);
    expect(saysNotProcessed(fold('System under maintenance, please use another payment method'))).toBe(false);
    expect(saysNotProcessed(fold('서버점검중 입니다. (Chain 실행 exception)'))).toBe(false);
  });
});

describe('a success done before under the same order number', () => {
  it('is a duplicate, in doubt, in Turkish as in English: never the success of this request', () => {
    for (const message of [
      'Aynı sipariş numarasıyla daha önceden başarılı işlem yapılmış',
      'Successful transaction already made under the same order number',
    ]) {
      expect(classify({ message, flow: 'payment' }), message).toMatchObject({ outcome: 'unknown', next: 'query' });
    }
  });
});

describe("the integration's own key, id or merchant unknown", () => {
  it('is no unknown result: the request is to be fixed', () => {
    expect(classify({ message: 'Invalid Credentials: merchantID is unknown or the signature is missing.', flow: 'payment' })).toMatchObject(
      {
        outcome: 'failed',
        next: 'fix_and_retry',
      },
    );
  });
  it('an unknown result beside it is still in doubt', () => {
    for (const message of ['Merchant is unknown; transaction status unknown', 'Transaction result unknown']) {
      expect(classify({ message, flow: 'payment' }), message).toMatchObject({ outcome: 'unknown', next: 'query' });
    }
  });
});

describe('the merchant, store or terminal the request names, invalid or unknown', () => {
  it('is the integration\'s set-up to fix: "Invalid terminal" reads as the request invalid', () => {
    for (const message of ['Invalid terminal', 'INVALID_TERMINAL.', 'Wrong shop number']) {
      expect(saysRequestInvalid(fold(message).replace(/_/g, ' ')), message).toBe(true);
    }
    expect(saysRequestInvalid(fold('Invalid card number'))).toBe(false);
  });
});

describe('a decline that says when to try again', () => {
  it('refused the attempt, and the next may come at that time: try again', () => {
    for (const message of ['Retry after 24 hours', 'For Mastercard, retry after 2 days.', 'Declined-Retry in a few days.']) {
      expect(saysNotProcessed(fold(message)), message).toBe(true);
      expect(classify({ message, flow: 'payment' }), message).toMatchObject({ outcome: 'failed', next: 'retry' });
    }
  });
  it('stays in doubt where an error or a time-out stands beside it', () => {
    for (const message of ['An unknown error occurred. Please try again in a few minutes.', 'Timeout, retry after 5 minutes']) {
      expect(saysNotProcessed(fold(message)), message).toBe(false);
      expect(classify({ message, flow: 'payment' }), message).toMatchObject({ outcome: 'unknown', next: 'query' });
    }
  });
});

describe('a message that is only a field and that it is invalid, missing or required', () => {
  it('is a validation message, whatever the field: the request to fix', () => {
    for (const message of ['Invalid Valid From Date', 'Missing Merchant Swish Number', 'Customer CountryCode Required']) {
      expect(saysRequestInvalid(fold(message)), message).toBe(true);
      expect(classify({ message, flow: 'payment' }), message).toMatchObject({ outcome: 'failed', next: 'fix_and_retry' });
    }
  });
  it("is no such thing for an answer that came back, a transaction, or the card's own data", () => {
    for (const message of ['Invalid response', 'Invalid status', 'Invalid transaction', 'Invalid', 'Invalid card number', 'Invalid IBAN'])
      expect(saysRequestInvalid(fold(message)), message).toBe(false);
    expect(classify({ message: 'Invalid response', flow: 'payment' })).toMatchObject({ outcome: 'unknown', next: 'query' });
  });
});

describe('a value of the wrong type, as typed APIs word it', () => {
  it('is the request to fix', () => {
    for (const message of ['The endpoint expected the provided value to be an integer.', 'Expected a string']) {
      expect(saysRequestInvalid(fold(message)), message).toBe(true);
      expect(classify({ message, flow: 'payment' }), message).toMatchObject({ outcome: 'failed', next: 'fix_and_retry' });
    }
  });
});

describe("whose account is closed, locked or restricted: the merchant's or a customer's", () => {
  it("is the merchant's to fix where the words name the merchant's account", () => {
    for (const message of [
      'The merchant account is locked or closed.',
      'This merchant account has been closed.',
      'The merchant account is restricted.',
    ]) {
      const answer = classify({ message, flow: 'payment' });
      expect(answer, message).toMatchObject({ unified: 'merchant_account_inactive', outcome: 'failed', next: 'fix_and_retry' });
    }
  });
  it('says so in its evidence where the swap made the answer', () => {
    const answer = classify({ message: 'This merchant account has been closed.', flow: 'payment' });
    expect(answer.evidence.map((e) => e.detail)).toContain(
      "whose account: the words name the merchant's, so merchant_account_inactive, not account_closed",
    );
  });
  it("stays the customer's where no merchant is named", () => {
    expect(namesMerchantsAccount(fold('Account closed'))).toBe(false);
    expect(classify({ message: 'Account closed', flow: 'payment' })).toMatchObject({ outcome: 'failed', next: 'ask_customer' });
  });
});

describe("the integration's own permission, device or client switched off", () => {
  it('is a set-up to fix', () => {
    for (const message of [
      'Merchant refund permission is disabled',
      'The device has been disabled.',
      'The provided client has been disabled.',
    ]) {
      expect(saysNotSetUp(fold(message)), message).toBe(true);
    }
  });
  it("is not a card's or a customer's account switched off", () => {
    for (const message of ['The card has been disabled', 'Your account has been deactivated']) {
      expect(saysNotSetUp(fold(message)), message).toBe(false);
    }
  });
});

describe("which token: a customer's payment token or the API's access token", () => {
  it("is the integration's to renew where the words name the access token", () => {
    const answer = classify({ message: 'The provided access token has expired.', flow: 'payment' });
    expect(answer).toMatchObject({ unified: 'access_token_invalid', outcome: 'failed', next: 'fix_and_retry' });
    expect(namesAccessToken(fold('The provided access token is invalid'))).toBe(true);
  });
  it("stays the customer's where no access token is named", () => {
    expect(namesAccessToken(fold('The payment token is invalid'))).toBe(false);
    expect(classify({ message: 'The payment token is invalid', flow: 'payment' })).toMatchObject({
      outcome: 'failed',
      next: 'ask_customer',
    });
  });
});

describe("what is wrong: the card's own data, as the customer typed it", () => {
  it('is the customer\'s to give again, though "… is invalid" reads as a request invalid', () => {
    const answer = classify({ message: 'Credit card number is invalid.', flow: 'payment' });
    expect(answer).toMatchObject({ unified: 'invalid_card_number', outcome: 'failed', next: 'ask_customer' });
    expect(answer.evidence.map((e) => e.detail)).toContain(
      "what is wrong: the card's number, as the customer gave it, so invalid_card_number, not invalid_request",
    );
  });
  it('names the security code and the expiry date too, as given', () => {
    expect(namesSecurityCodeGivenWrong(fold('The CVC provided is invalid'))).toBe(true);
    expect(namesExpiryGivenWrong(fold('Expiration date entered is invalid'))).toBe(true);
    expect(namesCardNumberGivenWrong(fold('Invalid debit card number'))).toBe(true);
  });
  it('leaves a field of the request that is not card data to be fixed', () => {
    expect(namesCardNumberGivenWrong(fold('The card token is invalid'))).toBe(false);
    expect(namesSecurityCodeGivenWrong(fold('The currency is invalid'))).toBe(false);
    expect(namesExpiryGivenWrong(fold('The session has expired'))).toBe(false);
    expect(classify({ message: 'The currency is invalid.', flow: 'payment' })).toMatchObject({ outcome: 'failed', next: 'fix_and_retry' });
  });
});

describe('a decline that says what the card or its holder may not do', () => {
  it.each([
    'Transaction not permitted for this card',
    'Tarjeta no autorizada para compras por internet',
    'Card holder name mismatch',
    'The card is not valid',
    '信用额不足',
    '卡片無效',
  ])('%s names its reason', (message) => {
    expect(saysDeclineReason(glossText(fold(message))), message).toBe(true);
  });
  it("is not the merchant's product switched off for cards", () => {
    expect(saysDeclineReason(fold('The merchant is not enabled for card processing'))).toBe(false);
    expect(saysDeclineReason(fold('Invalid card token'))).toBe(false);
  });
});

describe('a request turned away as it stood, in words the rules had missed', () => {
  it.each(['HMAC value mismatch', 'The digest did not match', 'Capture amount too high', 'Valor inválido'])('%s', (message) => {
    expect(saysRequestInvalid(fold(message)), message).toBe(true);
  });
  it("names the merchant's own account blocked or suspended, before or after the word", () => {
    for (const message of ['Suspended merchant account.', 'Store blocked', 'The merchant is suspended.']) {
      expect(namesMerchantsAccount(fold(message)), message).toBe(true);
    }
    // A merchant that blocked something is a verb, not the merchant's account state.
    expect(namesMerchantsAccount(fold('Merchant blocked the card'))).toBe(false);
  });
});

describe('a party or an instrument of the request not found', () => {
  it('says nothing of a payment that may be missing', () => {
    for (const message of ['No such account', 'Customer does not exist', 'The beneficiary account number was not found']) {
      expect(saysNoDoubt(fold(message)), message).toBe(true);
    }
  });
  it('leaves the payment itself not found in doubt, beside it or alone', () => {
    for (const message of ['No such transaction', 'Customer does not exist; order not found', 'Record not found']) {
      expect(saysNoDoubt(fold(message)), message).toBe(false);
    }
  });
});

describe("the customer's or the payee's account that does not exist", () => {
  it('names why the payment could not be made', () => {
    for (const message of ['No such account', 'Invalid bank account', 'Account number does not exist']) {
      expect(saysDeclineReason(fold(message)), message).toBe(true);
    }
  });
  it("is not the merchant's account or an account id of the API", () => {
    for (const message of ['Invalid merchant account', 'Invalid account id']) {
      expect(saysDeclineReason(fold(message)), message).toBe(false);
    }
  });
});

describe('a brief decline, and a brief one that names a card lost, stolen or a fraud', () => {
  it('"transaction failed" alone is the customer\'s to try another way', () => {
    for (const message of ['Transaction failed', '交易失败']) {
      expect(classify({ message, flow: 'payment' }), message).toMatchObject({ outcome: 'failed', next: 'ask_customer' });
    }
  });
  it('a stolen card or a fraud is no brief decline: nobody is to be asked', () => {
    for (const message of ['Denied: stolen card', 'Declined, fraud']) {
      expect(saysOnlyDeclined(fold(message), ''), message).toBe(false);
    }
    expect(saysOnlyDeclined(fold('Declined'), '')).toBe(true);
  });
});

describe('the earlier transaction not found, on a refund, a cancellation or a capture', () => {
  it('is a reference to fix: the request moved nothing', () => {
    for (const flow of ['refund', 'cancel', 'capture'] as const) {
      expect(saysEarlierNotFound(fold('Original transaction does not exist'), flow), flow).toBe(true);
      expect(classify({ message: '原交易不存在', flow }), flow).toMatchObject({ outcome: 'failed', next: 'fix_and_retry' });
    }
  });
  it('stays in doubt on a payment, whose transaction may exist yet', () => {
    expect(saysEarlierNotFound(fold('Original transaction does not exist'), 'payment')).toBe(false);
    expect(classify({ message: '原交易不存在', flow: 'payment' })).toMatchObject({ outcome: 'unknown', next: 'query' });
  });
});

describe('an amount over what the earlier transaction leaves, on a refund or a capture', () => {
  it("is the merchant's amount to fix: the request asked too much and moved nothing", () => {
    for (const message of ['El importe a devolver supera el permitido', '返金可能額を超えています。']) {
      expect(saysAmountOverEarlier(fold(message), 'refund'), message).toBe(true);
      expect(classify({ message, flow: 'refund' }), message).toMatchObject({ outcome: 'failed', next: 'fix_and_retry' });
    }
    expect(saysAmountOverEarlier(fold('Capture amount is greater than the authorized amount'), 'capture')).toBe(true);
  });
  it("is no such thing on a payment or a payout, where the limit may be the card's or the payee's", () => {
    expect(saysAmountOverEarlier(fold('Amount exceeds the limit'), 'payment')).toBe(false);
    expect(saysAmountOverEarlier(fold('Amount exceeds the limit'), 'payout')).toBe(false);
    expect(saysAmountOverEarlier(fold('Amount exceeds the limit'), undefined)).toBe(false);
  });
});

describe('an expiry stated as the whole reason', () => {
  it("names why the payment failed, as a decline's reason does: the customer pays again", () => {
    for (const message of ['Collect request expired', 'Transaksi kedaluwarsa', 'Transaction has expired (max. 10 minutes)']) {
      expect(saysExpiryReason(glossText(fold(message))), message).toBe(true);
      expect(classify({ message, flow: 'payment' }), message).toMatchObject({ outcome: 'failed', next: 'ask_customer' });
    }
  });
  it("is no reason beside a word of failure, for what is not paid with, nor in a longer text where the time may be the system's", () => {
    expect(saysExpiryReason(fold('세션아이디 만료 변경이 실패 하였습니다.'))).toBe(false);
    // A user's details expired: nothing the customer pays with or by.
    expect(saysExpiryReason(fold('만료된 사용자 정보입니다.'))).toBe(false);
    expect(
      saysExpiryReason(
        fold('The authorisation system is temporarily inactive, or the time set for the authorisation to be issued has expired'),
      ),
    ).toBe(false);
  });
});

describe('a debit said done', () => {
  it('is money moved on a direct debit, and a debit not done is not', () => {
    expect(saysPaymentMoved(fold('Debit completed'), 'recurring')).toBe(true);
    expect(classify({ message: 'Débito efetuado com sucesso', flow: 'recurring' })).toMatchObject({ outcome: 'succeeded' });
    expect(saysPaymentMoved(fold('Debit not completed'), 'recurring')).toBe(false);
  });
});

describe('decline reasons in the other order, or in the words of a wallet', () => {
  it.each([
    'Exceeded the customer daily limit',
    'The payment failed the CVV check',
    'Customer wallet is suspended',
    'Referred by the issuing bank',
    'Cardholder not enrolled',
    'Ensure there are enough funds in your account',
  ])('%s names its reason', (message) => {
    expect(saysDeclineReason(fold(message)), message).toBe(true);
  });
});

describe('what is wrong: the bank account number or IBAN, as the customer or the payee gave it', () => {
  it('names the account number or the IBAN given wrong', () => {
    for (const message of ['The IBAN is invalid', 'Invalid recipient account number', 'Bank account number provided is not valid']) {
      expect(namesAccountNumberGivenWrong(fold(message)), message).toBe(true);
    }
  });
  it("is not the merchant's account id or a reference", () => {
    for (const message of ['Invalid merchant account id', 'The transaction reference is invalid']) {
      expect(namesAccountNumberGivenWrong(fold(message)), message).toBe(false);
    }
  });
});

describe('a payout in Chinese: 打款, 出款, 代付, 转账', () => {
  it('done is money moved, and failed in a few words is a decline', () => {
    expect(saysPaymentMoved(fold('打款成功'), 'payout')).toBe(true);
    expect(classify({ message: '代付成功', flow: 'payout' })).toMatchObject({ outcome: 'succeeded', next: 'done' });
    expect(saysOnlyDeclined(fold('出款失败'), '')).toBe(true);
    expect(saysPaymentMoved(fold('打款失败'), 'payout')).toBe(false);
  });
});

describe("a decline's reason said in other words: an account's state in Spanish, the bank to be called, a transaction the cardholder may not make", () => {
  it.each([
    'Cuenta cancelada',
    'Cuenta bloqueada',
    'Cuenta inexistente',
    'Please contact your bank to enable international transactions on your card.',
    // Turkish and Portuguese, read through their glossaries: "call your bank", "contact the issuer"
    'Bankanızı arayınız',
    'Não autorizada. Entre em contato com o emissor do cartão.',
    'Kart sahibine açık olmayan işlem',
  ])('%s: the customer is to be asked', (message) => {
    expect(saysDeclineReason(glossText(fold(message))), message).toBe(true);
    expect(classify({ message, flow: 'payment' }), message).toMatchObject({ outcome: 'failed', next: 'ask_customer' });
  });
  it("is not the merchant's account, nor a bank that only processes", () => {
    for (const message of ['Cuenta del comercio', 'The bank is processing the transaction']) {
      expect(saysDeclineReason(fold(message)), message).toBe(false);
    }
  });
});

describe("the integration's credentials by the names tables give them, and an error named before what is wrong", () => {
  it.each([
    'Unauthorized: invalid merchantId / password combination',
    'Unknown Customer Username or Password',
    'Datos incompletos.',
    'Dados incompletos.',
  ])('%s says the request is to be fixed', (message) => {
    expect(saysRequestInvalid(glossText(fold(message))), message).toBe(true);
    expect(classify({ message, flow: 'payment' }), message).toMatchObject({ outcome: 'failed', next: 'fix_and_retry' });
  });
  it.each([
    // the error first, as a label: a code's words, or a message that starts "Error:"
    'ERROR_INVALID_SIGNATURE',
    'Error: missing amount',
    'invalid_api_key_error',
    'Error en el cálculo de la firma',
    'Erro nas credenciais',
  ])('%s: an error in a named field of the request, no word of doubt', (message) => {
    const t = glossText(fold(message)).replace(/_+/g, ' ');
    expect(namesFieldError(t), message).toBe(true);
    expect(saysNoDoubt(t, 'payment'), message).toBe(true);
    expect(classify({ message, flow: 'payment' }), message).toMatchObject({ outcome: 'failed', next: 'fix_and_retry' });
  });
  it('an error named first that names no field of the request is still a doubt', () => {
    for (const message of ['Error: system unavailable', 'ERROR_TIMEOUT', 'Error: invalid response from the bank']) {
      expect(saysNoDoubt(fold(message).replace(/_+/g, ' '), 'payment'), message).toBe(false);
    }
    // which field is wrong is not said: namesFieldError leaves it to the quiet costs
    expect(namesFieldError(fold('ERROR_INVALID_PARAMETERS').replace(/_+/g, ' '))).toBe(false);
  });
});

describe('a service unavailable that says the caller may try again, and a card whose holder is to call the number on its back', () => {
  it('the first went nowhere: try again', () => {
    const message = 'The service is temporarily unavailable. RP may try again.';
    expect(saysNotProcessed(fold(message)), message).toBe(true);
    expect(classify({ message, flow: 'payment' })).toMatchObject({ outcome: 'failed', next: 'retry' });
    // not where a word of doubt stands beside it
    expect(saysNotProcessed(fold('Service unavailable, the result is unknown; you may try again'))).toBe(false);
  });
  it("the second names the issuer as the one to call: the customer's to settle", () => {
    const message = 'Please have cardholder call the number on the back of the card.';
    expect(saysDeclineReason(fold(message)), message).toBe(true);
    expect(classify({ message, flow: 'payment' })).toMatchObject({ outcome: 'failed', next: 'ask_customer' });
  });
});

describe('a field of the request missing, as Korean tables say it ("X 없음")', () => {
  it.each(['상점주문번호 없음', '구매 상품 없음', '현금영수증 MID 없음', '요청 OID 없음', '카드정보없음', '정보가 없음'])(
    '%s names the missing field: the request is to be fixed',
    (message) => {
      expect(namesMissingField(fold(message)), message).toBe(true);
      expect(classify({ message, flow: 'payment' }), message).toMatchObject({ outcome: 'failed', next: 'fix_and_retry' });
    },
  );
  it.each([
    '원거래 없음',
    '원거래없음',
    '은련카드 결제 내역 없음',
    '성공여부 값 없음',
    '주문 없음',
    '취소가 불가합니다.(원거래 없음)',
    '결제건 없음',
  ])('%s is a transaction, a record or a result not found, which may exist: no field', (message) => {
    expect(namesMissingField(fold(message)), message).toBe(false);
  });
  it('the original transaction or a payment record not found is a payment in doubt, as "Transaction not found" is', () => {
    for (const message of ['원거래 없음', '해당거래 없음', 'Original transaction not found']) {
      expect(classify({ message, flow: 'payment' }), message).toMatchObject({ outcome: 'unknown', next: 'query' });
    }
    // on a refund it is the earlier payment the request names: the reference is to be fixed
    expect(classify({ message: '원거래 없음', flow: 'refund' })).toMatchObject({ outcome: 'failed', next: 'fix_and_retry' });
  });
});

describe('a purchase the provider is unable to approve, with another payment method to use; a token not found', () => {
  it('is a decline with its reason: the customer is to choose another method', () => {
    const message = 'Sorry, Tabby is unable to approve this purchase. Please use an alternative payment method.';
    expect(saysDeclineReason(fold(message))).toBe(true);
    expect(classify({ message, flow: 'payment' })).toMatchObject({ outcome: 'failed', next: 'ask_customer' });
  });
  it('a token not found is an instrument the request named, not a payment that may exist', () => {
    for (const message of ['Token not found or inactive', 'Payment token does not exist']) {
      expect(saysNoDoubt(fold(message), 'payment'), message).toBe(true);
    }
    expect(saysNoDoubt(fold('Transaction not found'), 'payment')).toBe(false);
  });
});

describe('a failure that sends the merchant to check whether the money was held or debited', () => {
  it('is an unknown result: the amount may be held on the card', () => {
    for (const message of [
      'Operation failed, please check whether the amount was blocked on the card',
      'Payment failed. Check if the funds were debited from your account.',
      'Операция не удалась, проверьте не заблокирована ли сумма на карте',
    ]) {
      expect(saysNoDoubt(glossText(fold(message)), 'payment'), message).toBe(false);
      expect(classify({ message, flow: 'payment' }), message).toMatchObject({ outcome: 'unknown', next: 'query' });
    }
  });
  it('not a failure that names what to check in the request', () => {
    expect(saysNoDoubt(fold('Payment failed, check the card number'), 'payment')).toBe(true);
  });
});
