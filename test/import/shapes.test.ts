import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NEXT_STEPS, OUTCOMES } from '../../src/core/types.js';
import { codeList, httpAndCode } from '../../src/import/cells.js';
import { bareMessage } from '../../src/import/import.js';
import { chineseScript, detectLang, flowOf, importTable } from '../../src/import/index.js';
import { ROOT } from '../helpers/paths.js';

const fixture = (name: string) => readFileSync(resolve(ROOT, 'test/fixtures/import', name), 'utf8');
const brief = (text: string, format?: Parameters<typeof importTable>[1]['format']) =>
  importTable(text, format ? { provider: 'acme', format } : { provider: 'acme' }).entries.map((e) => {
    const o: Record<string, unknown> = { code: e.code, flow: e.flow, messages: e.messages, line: e.source.line };
    if (e.scene !== undefined) o.scene = e.scene;
    if (e.source.end !== undefined) o.end = e.source.end;
    return o;
  });

describe('import: input shapes', () => {
  // `## Payment errors` beside `## Refund errors`: each section sets its flow.
  it('markdown pipe table, with an escaped pipe and a refund section', () => {
    const r = importTable(fixture('table.md'), { provider: 'acme' });
    expect(r.format).toBe('markdown');
    expect(brief(fixture('table.md'))).toEqual([
      { code: 'A100', flow: 'payment', messages: { en: 'Insufficient balance', 'zh-Hant': '餘額不足' }, line: 9 },
      { code: 'A101', flow: 'payment', messages: { en: 'Transaction is processing', 'zh-Hant': '交易處理中' }, line: 10 },
      { code: 'A102', flow: 'payment', messages: { en: 'Signature | verification failed', 'zh-Hant': '簽名錯誤' }, line: 11 },
      {
        code: 'R200',
        flow: 'refund',
        messages: { en: 'Refund amount exceeds the refundable amount', 'zh-Hant': '退款金額大於可退款金額' },
        line: 17,
      },
    ]);
  });

  it('CSV with quoted cells holding commas and doubled quotes', () => {
    expect(importTable(fixture('table.csv'), { provider: 'acme' }).format).toBe('csv');
    expect(brief(fixture('table.csv'))).toEqual([
      { code: 'E01', flow: 'any', messages: { en: 'Invalid parameter, please check the request', 'zh-Hans': '参数错误' }, line: 2 },
      { code: 'E02', flow: 'any', messages: { en: 'Card number is invalid', 'zh-Hans': '卡号无效' }, line: 3 },
      { code: 'E03', flow: 'any', messages: { en: 'He said "timeout" twice', 'zh-Hans': '渠道响应超时' }, line: 4 },
    ]);
  });

  it('TSV with quoted cells holding a tab and quotes', () => {
    expect(importTable(fixture('table.tsv'), { provider: 'acme' }).format).toBe('tsv');
    expect(brief(fixture('table.tsv'))).toEqual([
      { code: 'T1', flow: 'any', messages: { en: 'Payment declined\tby the issuer', 'zh-Hant': '發卡行拒絕交易' }, line: 2 },
      { code: 'T2', flow: 'any', messages: { en: 'Order "123" already paid', 'zh-Hant': '訂單已支付' }, line: 3 },
      { code: 'T3', flow: 'any', messages: { en: 'System busy', 'zh-Hant': '系統繁忙' }, line: 4 },
    ]);
  });

  it('HTML table with a header row, entities, inline tags and a row over several lines', () => {
    expect(importTable(fixture('table.html'), { provider: 'acme' }).format).toBe('html');
    expect(brief(fixture('table.html'))).toEqual([
      { code: 'RF01', flow: 'refund', messages: { en: 'Refund amount > paid amount', 'zh-Hans': '退款金额大于支付金额' }, line: 5 },
      { code: 'RF02', flow: 'refund', messages: { en: 'Refund is still processing', 'zh-Hans': '退款处理中' }, line: 6, end: 9 },
    ]);
  });

  it('one cell per line, with a message wrapped over two lines', () => {
    expect(brief(fixture('cells.txt'))).toEqual([
      { code: 'ORDER_PAID', flow: 'any', messages: { 'zh-Hans': '订单已支付', en: 'The order has already been paid' }, line: 4, end: 7 },
      { code: 'BALANCE_LOW', flow: 'any', messages: { 'zh-Hans': '余额不足', en: 'Insufficient balance' }, line: 8, end: 10 },
    ]);
  });

  it('one cell per line: a blank line ends a text, and what follows it is a heading or the page footer', () => {
    const text =
      'General\n2005400\nSuccessful\n4005400\nBad Request\n\n## Payment\n4035414\nInsufficient Funds\n5045400\nTimeout\n\nPrevious\nWebhook\nNext\n';
    expect(brief(text).map((e) => [e.code, (e.messages as Record<string, string>).en])).toEqual([
      ['2005400', 'Successful'],
      ['4005400', 'Bad Request'],
      ['4035414', 'Insufficient Funds'],
      ['5045400', 'Timeout'],
    ]);
    expect(importTable(text, { provider: 'acme' }).entries.map((e) => e.section)).toEqual(['General', 'General', 'Payment', 'Payment']);
    // A page that puts a blank line after every code keeps reading across them, and a second
    // language after a blank line is still the same code's.
    expect(brief('E01\n\nInsufficient\nbalance\n\nE02\n\nCard expired\n').map((e) => e.messages)).toEqual([
      { en: 'Insufficient balance' },
      { en: 'Card expired' },
    ]);
    expect(brief('E01\n余额不足\n\nInsufficient balance\nE02\n卡已过期\n\nCard expired\n').map((e) => e.messages)).toEqual([
      { 'zh-Hans': '余额不足', en: 'Insufficient balance' },
      { 'zh-Hans': '卡已过期', en: 'Card expired' },
    ]);
  });

  it('category label only on the first row of its group', () => {
    expect(brief(fixture('category.txt')).map((e) => [e.code, e.scene])).toEqual([
      ['5001', 'Card Errors'],
      ['5002', 'Card Errors'],
      ['5101', 'Risk Errors'],
      ['5102', 'Risk Errors'],
    ]);
  });

  it('a code glued to text that starts with a digit', () => {
    expect(brief(fixture('digits.txt')).slice(0, 3)).toEqual([
      { code: '200001', flow: 'any', messages: { en: '3DS authentication failed', 'zh-Hant': '3DS驗證失敗' }, line: 2 },
      { code: '200002', flow: 'any', messages: { en: '2FA code expired', 'zh-Hant': '2FA驗證碼過期' }, line: 3 },
      { code: '200003', flow: 'any', messages: { en: 'Insufficient balance', 'zh-Hant': '餘額不足' }, line: 4 },
    ]);
  });

  it('code and text split by a full-width colon, as Chinese and Japanese pages write them', () => {
    const text = '错误码\nOPR00000：成功\nOPR00001：系统异常，请稍后重试\n-1：网络超时，交易结果未知\nPAY00105 - 用户余额不足\n';
    expect(brief(text).map((e) => [e.code, e.messages])).toEqual([
      ['OPR00000', { 'zh-Hans': '成功' }],
      ['OPR00001', { 'zh-Hans': '系统异常，请稍后重试' }],
      ['-1', { 'zh-Hans': '网络超时，交易结果未知' }],
      ['PAY00105', { 'zh-Hans': '用户余额不足' }],
    ]);
  });

  it('a message loses its own code in front and a footnote mark at its end, and nothing else', () => {
    const text =
      '| Code | Message |\n|---|---|\n| 00 | 00 - Approved |\n| 51 | 51: Insufficient funds |\n| 91 | Issuer unavailable¹ |\n| 96 | 96 |\n| E1 | E1-2 is not a code |\n';
    expect(brief(text).map((e) => [e.code, e.messages])).toEqual([
      ['00', { en: 'Approved' }],
      ['51', { en: 'Insufficient funds' }],
      ['91', { en: 'Issuer unavailable' }],
      ['96', { en: '96' }],
      ['E1', { en: 'E1-2 is not a code' }],
    ]);
    expect(bareMessage('交易处理中*', 'PAY00112')).toBe('交易处理中');
    expect(bareMessage('****', 'X')).toBe('****');
    // The approval is read as one once its code is gone.
    expect(importTable(text, { provider: 'acme' }).entries[0]?.suggestion.outcome).toBe('succeeded');
  });

  it('a cell that lists several codes gives each of them the row, and a column of such lists is not the key', () => {
    const text =
      '| Code | Message |\n|---|---|\n| 00 | Approved |\n| 04, 07, 41, 43 | Pick up card |\n| 51 / 61 | Insufficient funds |\n| 96 | System malfunction |\n';
    expect(brief(text).map((e) => [e.code, (e.messages as Record<string, string>).en])).toEqual([
      ['00', 'Approved'],
      ['04', 'Pick up card'],
      ['07', 'Pick up card'],
      ['41', 'Pick up card'],
      ['43', 'Pick up card'],
      ['51', 'Insufficient funds'],
      ['61', 'Insufficient funds'],
      ['96', 'System malfunction'],
    ]);
    // A phrase with commas is not a list of codes.
    expect(codeList('Declined, try again')).toBeUndefined();
    // The networks' lists beside each advice code are not the codes of the table.
    const advice =
      '| Advice | Visa |\n|---|---|\n| TRY_AGAIN_LATER | 3, 19, 39 |\n| DO_NOT_TRY_AGAIN | 4, 7, 12 |\n| UPDATE_INFORMATION | – |\n';
    expect(brief(advice).map((e) => e.code)).toEqual(['TRY_AGAIN_LATER', 'DO_NOT_TRY_AGAIN', 'UPDATE_INFORMATION']);
  });

  it('a code cell that gives the HTTP status first keeps the code, and the status as a note', () => {
    const text =
      '| Code | Message |\n|---|---|\n| 402 card_declined | The card was declined |\n| HTTP 400 - INVALID_PARAM | A parameter is invalid |\n| 500 internal_error | Internal error |\n';
    const es = importTable(text, { provider: 'acme' }).entries;
    expect(es.map((e) => [e.code, e.messages.en, e.notes])).toEqual([
      ['card_declined', 'The card was declined', ['HTTP: 402']],
      ['INVALID_PARAM', 'A parameter is invalid', ['HTTP: 400']],
      ['internal_error', 'Internal error', ['HTTP: 500']],
    ]);
    expect(httpAndCode('200 OK')).toBeUndefined();
    expect(httpAndCode('401 Unauthorized')).toBeUndefined();
  });

  it('an explicit format overrides detection', () => {
    const text = 'code,message\nX1,Insufficient balance\n';
    expect(importTable(text, { provider: 'acme', format: 'csv' }).entries.map((e) => e.code)).toEqual(['X1']);
  });

  it('every entry carries a classifier suggestion with its confidence and evidence', () => {
    const { entries } = importTable(fixture('table.md'), { provider: 'acme' });
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries) {
      expect(OUTCOMES).toContain(e.suggestion.outcome);
      expect(NEXT_STEPS).toContain(e.suggestion.next);
      expect(e.suggestion.confidence).toBeGreaterThanOrEqual(0);
      expect(e.suggestion.confidence).toBeLessThanOrEqual(1);
      // Below the threshold a suggestion never invites a retry or says the money moved.
      if (e.suggestion.unified === 'unmapped') expect([e.suggestion.outcome, e.suggestion.next]).toEqual(['unknown', 'query']);
      expect(e.suggestion.evidence.length).toBeGreaterThan(0);
    }
  });
});

describe('import: language and flow detection', () => {
  it('tells the scripts apart by the characters that differ', () => {
    expect(detectLang('餘額不足')).toBe('zh-Hant');
    expect(detectLang('余额不足')).toBe('zh-Hans');
    expect(detectLang('Insufficient balance')).toBe('en');
    expect(chineseScript('賬戶余額不足')).toBe('zh-Hant');
    // Reads the same in both scripts: the caller decides.
    expect(chineseScript('未知原因')).toBeUndefined();
    expect(detectLang('未知原因', 'zh-Hans')).toBe('zh-Hans');
  });

  it('a column of short texts takes the language its words show together; links are no words', () => {
    const spanish =
      '"Código","Mensaje","Descripción"\n3001,"Credenciales inválidas","Las credenciales o la firma no son válidas."\n4000,"Pago no encontrado","No existe un pago con el id indicado."\n5021,"Fondos insuficientes","La tarjeta no tiene fondos."\n5006,"Token no encontrado o inactivo","El token no existe o expiró."\n';
    const es = importTable(spanish, { provider: 'acme' }).entries;
    expect(es.map((e) => Object.keys(e.messages))).toEqual([['es'], ['es'], ['es'], ['es']]);
    // Each description is that code's detail in the same language, and the suggestion reads it too.
    expect(es[0]?.details).toEqual({ es: 'Las credenciales o la firma no son válidas.' });
    const english =
      'code,message\n400,Review ErrorResponse under Schemas - https://docs.example.com/org/api\n401,A direct purchase transaction.\n402,Card declined\n';
    expect(importTable(english, { provider: 'acme' }).entries.map((e) => Object.keys(e.messages))).toEqual([['en'], ['en'], ['en']]);
  });

  it('a page scraped one cell per line keeps Korean and Japanese texts as Korean and Japanese', () => {
    const ko = 'E001\n잔액이 부족합니다\nE002\n카드 유효기간이\n만료되었습니다\nE003\n시스템 오류\n';
    expect(brief(ko).map((e) => e.messages)).toEqual([
      { ko: '잔액이 부족합니다' },
      { ko: '카드 유효기간이 만료되었습니다' },
      { ko: '시스템 오류' },
    ]);
    // 成功 alone could be Chinese; among Japanese texts it is Japanese.
    const ja = 'E001\n残高が不足しています\nE002\nカードの有効期限が切れています\nE003\n成功\n';
    expect(brief(ja).map((e) => Object.keys(e.messages as object))).toEqual([['ja'], ['ja'], ['ja']]);
    expect(
      brief('E001 残高が不足しています\nE002 カードの有効期限が切れています\nE003 成功\n').map((e) => Object.keys(e.messages as object)),
    ).toEqual([['ja'], ['ja'], ['ja']]);
  });

  it("the suggestion reads the provider's description as well as the message", () => {
    const text =
      '| Code | Message | Description |\n|---|---|---|\n| 476 | DECLINED | Insufficient funds in the account |\n| 477 | DECLINED | The card has expired |\n';
    const [funds, expired] = importTable(text, { provider: 'acme' }).entries;
    expect(funds?.suggestion.evidence.join(' ')).toMatch(/insufficient|funds/);
    expect(expired?.suggestion.evidence.join(' ')).toMatch(/expired/);
  });

  it('maps scenes and section headings to flows', () => {
    const scenes: [string, string | undefined][] = [
      ['通用', 'any'],
      ['下單', 'payment'],
      ['付款', 'payment'],
      ['退款', 'refund'],
      ['取消授權', 'cancel'],
      ['請款', 'capture'],
      ['綁卡', 'binding'],
      ['定期付款', 'recurring'],
      ['轉帳交易', 'payout'],
      ['Connect', 'connect'],
      ['SDK', 'sdk'],
      ['Onboarding', 'onboarding'],
      ['Amount Errors', undefined],
    ];
    for (const [label, flow] of scenes) expect(flowOf(label)).toBe(flow);
    // A table title that says "payment" is not a payment scene.
    expect(flowOf('Payment Error Code', true)).toBeUndefined();
    expect(flowOf('Refund error codes', true)).toBe('refund');
  });

  it('names flows in Portuguese, Vietnamese, Indonesian and Thai, and a status API is a query', () => {
    const labels: [string, string | undefined][] = [
      ['Estornos', 'refund'],
      ['Mã lỗi hoàn tiền', 'refund'],
      ['Kode pengembalian dana', 'refund'],
      ['คืนเงิน', 'refund'],
      ['Hủy giao dịch', 'cancel'],
      ['Pembatalan', 'cancel'],
      ['2. Mã lỗi API truy vấn giao dịch (command=querydr)', 'query'],
      ['Cek Status', 'query'],
      ['ตรวจสอบสถานะ', 'query'],
      ['Transaction Status API', 'query'],
      ['Pagamentos', 'payment'],
      ['1. Mã lỗi thanh toán', 'payment'],
      ['Pembayaran', 'payment'],
      ['ชำระเงิน', 'payment'],
      // A status named in passing is no API.
      ['Transaction status', undefined],
    ];
    for (const [label, flow] of labels) expect(flowOf(label), label).toBe(flow);
  });
});

describe('import: very long inputs', () => {
  it('a sheet of half a million rows, or as many records, stays within the call stack', () => {
    // Found by the hostile-input property test: `Math.max(...rows)` and `push(...records)` spread
    // every row onto the stack.
    const empty = '\n\u0000'.repeat(500_000);
    for (const format of ['csv', 'tsv'] as const) expect(importTable(empty, { provider: 'acme', format }, false).entries).toEqual([]);
    const sheet = 'code,message\n'.concat('E1,Card declined\n'.repeat(200_000));
    expect(importTable(sheet, { provider: 'acme', format: 'csv' }, false).entries.length).toBeGreaterThan(0);
  });

  // A field table or a test account's settings beside the code table: only the codes are codes.
  it('reads field tables and settings in more languages as what they are, not codes', () => {
    const codes = '\n\n| 代碼 | 說明 |\n| --- | --- |\n| 10100050 | 參數錯誤 |\n| 10200047 | 查無此筆交易資料 |\n';
    const settings = '| 項目 | 內容 |\n| --- | --- |\n| 特店編號 (MerchantID) | 2000132 |\n| 介接 HashKey | 5294y06JbISpM5x9 |\n';
    const fields =
      '| 參數名稱 | 參數說明 | 型態 |\n| --- | --- | --- |\n| MerchantID | 會員編號 | String(10) |\n| RtnCode | 交易狀態 | Int |\n';
    const turkish =
      '| Alan adı | Açıklama | Değer |\n| --- | --- | --- |\n| merchant_oid | Sipariş numarası | 123456AB |\n| total_amount | Tutar | 3456 |\n';
    for (const table of [settings, fields, turkish]) {
      expect(brief(table + codes).map((e) => e.code)).toEqual(['10100050', '10200047']);
    }
    // Without the code table beside them, the same tables give nothing.
    for (const table of [settings, fields, turkish]) expect(brief(table)).toEqual([]);
  });

  // HTTP statuses set out beside the codes: the transport's answers, not the provider's codes.
  it('leaves out a table of HTTP statuses and reads the codes beside it', () => {
    const codes = '\n\n## Decline codes\n\n| Code | Message |\n| --- | --- |\n| RR-51 | Insufficient funds |\n| RR-05 | Do not honour |\n';
    const phrased =
      '| Status | Meaning |\n| --- | --- |\n| 200 | OK. The request was processed. |\n| 400 | Bad request. A parameter is missing. |\n| 500 / 502 | Internal server error |\n';
    const titled =
      '## HTTP status codes\n\n| Code | Meaning |\n| --- | --- |\n| 200 | The request worked. |\n| 401 | The key is wrong. |\n| 5xx | Something went wrong on our side. |\n';
    for (const table of [phrased, titled]) expect(brief(table + codes).map((e) => e.code)).toEqual(['RR-51', 'RR-05']);
    // A provider's own codes that are three digits, with texts of their own, stay codes.
    const own = '| Code | Message |\n| --- | --- |\n| 421 | Gateway Timeout, query the record |\n| 100 | Card declined by the issuer |\n';
    expect(brief(own).map((e) => e.code)).toEqual(['421', '100']);
    // Beside another code column, an HTTP status column is not the code.
    const typed =
      '| Tipo | Código HTTP | Descripción |\n| --- | --- | --- |\n| `api_error` | 500 | Error interno |\n| `conflict` | 409 | La orden ya fue pagada |\n';
    expect(brief(typed).map((e) => e.code)).toEqual(['api_error', 'conflict']);
  });

  // A page scraped one cell per line, with codes joined by a hyphen (`RR-51`).
  it('reads hyphenated codes alone on their lines in a scraped page', () => {
    const page =
      'Response codes\n\nRR-51\nInsufficient funds\nThe customer does not have enough money.\n\nRR-05\nDo not honour\nThe issuer declined.\n\nRR-54\nExpired card\n';
    expect(brief(page).map((e) => e.code)).toEqual(['RR-51', 'RR-05', 'RR-54']);
  });

  // A tab-separated table whose titles are its first row: the title says which column is the code.
  it('picks the code column by its title when the first row of a sheet turns out to be the header', () => {
    const sheet =
      'Código\tStatus\tDescrição\n0\tNotFinished\tAguardando atualização de status.\n1\tAuthorized\tPagamento apto a ser capturado.\n2\tPaymentConfirmed\tPagamento confirmado.\n3\tDenied\tPagamento negado.\n';
    expect(brief(sheet).map((e) => e.code)).toEqual(['0', '1', '2', '3']);
  });

  // A page scraped to text: a code's letter prefix glued to its digits, and an example's markup.
  it('keeps a letter prefix with its digits and reads no code out of markup in a scraped page', () => {
    const page = [
      'Query errors',
      '<payRef>5122941</payRef>',
      '<amt>388.00</amt>',
      'E201   Order reference not found',
      'E202   Query failed, the status is unknown',
      'E203   Query timeout',
      'E204   System busy',
    ].join('\n');
    expect(brief(page).map((e) => e.code)).toEqual(['E201', 'E202', 'E203', 'E204']);
  });

  // Messages as the keys, their meaning in a column that is not the second.
  it('reads a table of messages whose meaning is in a later column, and no menu line as a table', () => {
    const table = [
      '🌐 Tiếng Việt | English',
      '',
      '| message | Returned by | Meaning |',
      '| --- | --- | --- |',
      '| Duplicate Transaction Reference | Initialize Transaction, Charge Authorization | A transaction with this reference already exists. Verify it before creating a new one. |',
      '| Invalid key | All endpoints | The secret key in the Authorization header is wrong or missing. |',
      '| Transaction reference not found | Verify Transaction | No transaction has this reference; check the reference you sent. |',
    ].join('\n');
    expect(brief(table).map((e) => e.code)).toEqual(['Duplicate Transaction Reference', 'Invalid key', 'Transaction reference not found']);
  });

  // A manual copied from a PDF: the table goes on over a page break, under the running foot and head.
  it('reads a table on across a page break and leaves out the running head and foot', () => {
    const foot = 'KSNET Confidential                  Copyright 2024 KSNET Inc. All rights reserved.';
    const head = (n: number) => `KSNET 전자결제(PG) 서비스 연동 매뉴얼                                      - ${n} -`;
    const page = [
      head(27),
      '',
      ' 응답코드  응답메시지            조치사항',
      ' 3003      유효기간 경과         카드 유효기간이 만료되었습니다. 다른 카드 사용을',
      '                                 안내하십시오.',
      ' 3004      비밀번호 오류         고객에게 카드 비밀번호 확인 후',
      '                                 재입력하도록 안내하십시오.',
      '',
      foot,
      '',
      '',
      head(28),
      '',
      ' 응답코드  응답메시지            조치사항',
      ' 3005      비밀번호 입력횟수     비밀번호 오류 횟수가 초과되었습니다.',
      '           초과',
      ' 3006      분실/도난 카드        분실 또는 도난 신고된 카드입니다.',
      '',
      foot,
      '',
    ].join('\n');
    const entries = brief(page);
    expect(entries.map((e) => e.code)).toEqual(['3003', '3004', '3005', '3006']);
    // A code and its text alone between blank lines, the same in two sections, is no running head.
    const twice =
      'Payment\n\n0000   Success, the request was processed\n\nE101   Card declined by the issuer\n\nRefund\n\n0000   Success, the request was processed\n\nE201   Refund amount too large\n';
    expect(brief(twice).map((e) => e.code)).toEqual(['0000', 'E101', '0000', 'E201']);
    expect(entries[2]?.messages).toEqual({ ko: '비밀번호 입력횟수 초과' });
  });

  // An SDK's locale file: codes keyed by plain words, each with its texts by language, and a list of states.
  it('reads a YAML map of plain-word codes with texts by language, and a list of states', () => {
    const yaml = [
      'meta:',
      '  locales: [en, ms]',
      '  updated: "2024-02-12"',
      'errors:',
      '  unauthorized:',
      '    http: 401',
      '    en: "Invalid API secret key. Check the key."',
      '    ms: "Kunci rahsia API tidak sah."',
      '  rate_limited:',
      '    http: 429',
      '    en: "Too many requests. Send the same request again later."',
      '    ms: "Terlalu banyak permintaan."',
      'bill_states:',
      '  - state: due',
      '    en: "Bill is awaiting payment."',
      '  - state: paid',
      '    en: "Bill has been paid."',
    ].join('\n');
    expect(brief(yaml).map((e) => e.code)).toEqual(['unauthorized', 'rate_limited', 'due', 'paid']);
    // A schema's properties are fields with descriptions, not codes.
    const schema = JSON.stringify({
      properties: {
        code: { type: 'string', description: 'The error code of the response' },
        merchantMessage: { type: 'string', description: 'A message for the merchant' },
      },
    });
    expect(brief(schema)).toEqual([]);
  });

  // Two codes that share a meaning on one line, and a revision history's dates beside the codes.
  it('reads codes that share a line and leaves out dates', () => {
    const page = ['交易返回码', '', '0000：交易成功', '2000、2008：交易处理中，请查询交易', '3045：交易超时，请查询'].join('\n');
    expect(brief(page).map((e) => e.code)).toEqual(['0000', '2000', '2008', '3045']);
    const history = '| 日付 | 内容 |\n| --- | --- |\n| 2024/02/01 | NH18 の対処方法を修正 |\n| 2023/10/16 | 初版 |\n';
    expect(brief(history)).toEqual([]);
  });

  // A page scraped one cell per line, with its statuses in lower case above the sentence that explains each.
  it('reads lower-case statuses alone on their lines above their explanations, and no menu', () => {
    const page = [
      'Docs',
      'API Reference',
      'Support',
      '',
      'Transaction statuses',
      '',
      'successful',
      'The transaction was completed and the customer was debited.',
      '',
      'pending',
      'The transaction has not been completed yet, wait for the webhook.',
      '',
      'failed',
      'The transaction failed. Check the processor response for the reason.',
      '',
      'Response codes',
      '',
      'RR-51',
      'Insufficient funds',
      '',
      'RR-05',
      'Do not honour',
    ].join('\n');
    expect(brief(page).map((e) => e.code)).toEqual(['successful', 'pending', 'failed', 'RR-51', 'RR-05']);
    // Two such words are prose, not a list.
    const prose = page.replace('failed\nThe transaction failed. Check the processor response for the reason.\n\n', '');
    expect(brief(prose).map((e) => e.code)).toEqual(['RR-51', 'RR-05']);
  });

  // Alipay's public errors: a gateway code and its detail codes (`sub_code`), the gateway cell merged
  // over the rows of its detail codes.
  it('reads detail codes beside the code, each with the texts to its right', () => {
    const table = [
      '| 网关返回码 | 网关返回码描述 | 明细返回码（sub_code） | 明细返回码描述 | 解决方案 |',
      '| --- | --- | --- | --- | --- |',
      '| 10000 | 接口调用成功 | | | 接口调用成功 |',
      '| 20000 | 服务不可用 | isp.unknow-error | 服务暂不可用（业务系统不可用） | 稍后重试 |',
      '| | | aop.unknow-error | 服务暂不可用（网关自身的未知错误） | 同上 |',
      '| 40004 | 业务处理失败 | ACQ.TRADE_HAS_SUCCESS | 交易已被支付 | 确认该笔交易信息是否为当前买家的 |',
    ].join('\n');
    const entries = brief(table);
    expect(entries.map((e) => e.code)).toEqual([
      '10000',
      '20000',
      'isp.unknow-error',
      'aop.unknow-error',
      '40004',
      'ACQ.TRADE_HAS_SUCCESS',
    ]);
    // A detail code's message is its own description, not the gateway code's.
    expect(entries[3]?.messages).toEqual({ 'zh-Hans': '服务暂不可用（网关自身的未知错误）' });
    // And the gateway code's details are the row's advice, not its detail code's description.
    const gateway = importTable(table, { provider: 'acme' }, false).entries[1];
    expect(gateway?.details).toEqual({ 'zh-Hans': '稍后重试' });
  });

  // Aligned lists under plain titles set further left: each title ends the list above it.
  it('ends an indented list at a title set further left, and leaves out the HTTP statuses under it', () => {
    const page = [
      'エラーコード',
      '',
      '  invalid_number      不正なカード番号',
      '  expired_card        有効期限切れ',
      '  card_declined       カード会社によって拒否されたカード',
      '',
      'HTTP ステータスコード',
      '',
      '  200  OK                    リクエストは成功しました',
      '  400  Bad Request           パラメーターが不正です',
      '  401  Unauthorized          API キーが不正です',
    ].join('\n');
    expect(brief(page).map((e) => e.code)).toEqual(['invalid_number', 'expired_card', 'card_declined']);
  });

  // A status's number beside its name: the name is what the column of statuses holds.
  it('keys a table of statuses on the name, not on the status_id beside it', () => {
    const table = [
      '| status_id | status | Meaning |',
      '|---|---|---|',
      '| 10 | NEW | Newly created order. |',
      '| 21 | CHARGED | The payment went through. |',
      '| 23 | AUTHORIZATION_FAILED | The issuer declined the payment. |',
    ].join('\n');
    expect(brief(table).map((e) => e.code)).toEqual(['NEW', 'CHARGED', 'AUTHORIZATION_FAILED']);
  });

  // A console's boxed table wraps a wide code mid-word under itself: the pieces join with no
  // space, and the text's lines with one.
  it('joins a code wrapped mid-word inside its box, and no words of the text', () => {
    const table = [
      '+--------------------+----------+----------------------------+',
      '| Gateway code       | Result   | Description                |',
      '+====================+==========+============================+',
      '| APPROVED_PENDING_S | SUCCESS  | Transaction Approved -     |',
      '| ETTLEMENT          |          | pending batch settlement   |',
      '+--------------------+----------+----------------------------+',
      '| PENDING            | PENDING  | Transaction is pending     |',
      '+--------------------+----------+----------------------------+',
      '| AUTHENTICATION_IN_ | PENDING  | Payer authentication has   |',
      '| PROGRESS           |          | started                    |',
      '+--------------------+----------+----------------------------+',
      '| DECLINED           | FAILURE  | Declined by the issuer;    |',
      '|                    |          | ask for another card       |',
      '+--------------------+----------+----------------------------+',
    ].join('\n');
    expect(brief(table).map((e) => [e.code, (e.messages as Record<string, string>).en])).toEqual([
      ['APPROVED_PENDING_SETTLEMENT', 'Transaction Approved - pending batch settlement'],
      ['PENDING', 'Transaction is pending'],
      ['AUTHENTICATION_IN_PROGRESS', 'Payer authentication has started'],
      ['DECLINED', 'Declined by the issuer; ask for another card'],
    ]);
  });

  // PDF text of a fixed-width table: under a first column titled as the code, one-letter statuses
  // are codes; a note below the table is not.
  it('reads one-letter codes under a column titled as the code, and not the note below', () => {
    const page = [
      '    Code   Name          Description',
      '    ----   -----------   ------------------------------------',
      '    S      Success       Payment has been received and',
      '                         confirmed.',
      '    F      Failure       Payment failed or was rejected.',
      '    U      Unknown       The status could not be determined.',
      '',
      '    Note: code X is not used.',
    ].join('\n');
    expect(brief(page).map((e) => [e.code, (e.messages as Record<string, string>).en])).toEqual([
      ['S', 'Payment has been received and confirmed.'],
      ['F', 'Payment failed or was rejected.'],
      ['U', 'The status could not be determined.'],
    ]);
  });

  // `200 - OK` is an HTTP status with its reason phrase in one cell, under a heading that says so.
  it('leaves out HTTP statuses written with their reason phrase in the code cell', () => {
    const page = [
      '## HTTP Status Codes',
      '',
      '| Status Code | Description |',
      '|---|---|',
      '| 200 - OK | Everything worked as expected |',
      '| 400 - Bad Request | The request was unacceptable |',
      '| 500, 502, 503, 504 - Server Errors | Something went wrong on our end |',
      '',
      '## Error codes',
      '',
      '| Error code | Description |',
      '|---|---|',
      '| INVALID_API_KEY | API key format is invalid |',
      '| DUPLICATE_ERROR | A request with the same idempotency key was already processed |',
    ].join('\n');
    expect(brief(page).map((e) => e.code)).toEqual(['INVALID_API_KEY', 'DUPLICATE_ERROR']);
  });

  // A revision history's versions are no codes, though its notes name the codes each version added.
  it('leaves out a revision history', () => {
    const page = [
      '返回码',
      '',
      '   返回码      返回信息',
      '   OPR00000    成功',
      '   OPR11006    余额不足',
      '   OPR12009    订单不存在',
      '',
      '修订记录',
      '',
      '   版本      日期            说明',
      '   V1.0      2019-03-15      初稿',
      '   V1.1      2020-07-01      新增返回码 OPR12009',
      '   V2.3      2025-09-20      更新 OPR11006 处理建议',
    ].join('\n');
    expect(brief(page).map((e) => e.code)).toEqual(['OPR00000', 'OPR11006', 'OPR12009']);
  });

  // Plain text: `CODE - text` and `CODE: text` lists whose texts wrap onto the next lines at any
  // indent, under titles underlined with dashes or numbered `2.1`; a list of variables is no codes.
  it('reads a list of code and text set off by a dash or a colon, its text wrapped, under plain titles', () => {
    const page = [
      '1. PAYMENT STATUS',
      '-----------------',
      '',
      'COMPLETE - The payment was successful. Mark the',
      'order as paid.',
      'FAILED - The payment failed: it was declined by the bank or an error occurred on',
      '    the payment page.',
      'PENDING - Not yet confirmed.',
      '',
      '2.1 Authentication',
      '',
      'SIGNATURE_MISMATCH: Generated signature does not match. Check',
      '  that your passphrase is set.',
      'TIMESTAMP_EXPIRED: The timestamp header is older than 15 minutes or not in',
      'ISO-8601 format. Correct your server clock.',
      'VERSION_UNSUPPORTED: The version header must be v1.',
      '',
      '3. ITN VARIABLES',
      '----------------',
      '',
      'm_payment_id - Unique payment ID on the merchant system.',
      'pf_payment_id - Unique transaction ID.',
      'amount_gross - The total amount the buyer paid.',
    ].join('\n');
    expect(brief(page).map((e) => [e.code, (e.messages as Record<string, string>).en])).toEqual([
      ['COMPLETE', 'The payment was successful. Mark the order as paid.'],
      ['FAILED', 'The payment failed: it was declined by the bank or an error occurred on the payment page.'],
      ['PENDING', 'Not yet confirmed.'],
      ['SIGNATURE_MISMATCH', 'Generated signature does not match. Check that your passphrase is set.'],
      ['TIMESTAMP_EXPIRED', 'The timestamp header is older than 15 minutes or not in ISO-8601 format. Correct your server clock.'],
      ['VERSION_UNSUPPORTED', 'The version header must be v1.'],
    ]);
    expect(importTable(page, { provider: 'acme' }).entries.map((e) => e.section)).toEqual([
      '1. PAYMENT STATUS',
      '1. PAYMENT STATUS',
      '1. PAYMENT STATUS',
      '2.1 Authentication',
      '2.1 Authentication',
      '2.1 Authentication',
    ]);
  });

  // A JSON list keyed by `eventId`, one of whose entries says `code` instead.
  it('keys a JSON list on the code-like key most entries hold', () => {
    const json = JSON.stringify({
      transactionEventIds: [
        { eventId: 0, message: 'Transaction successful', category: 'success' },
        { eventId: 10005, message: 'Do not honour', category: 'issuer_decline' },
        { code: '10051', message: 'Insufficient funds', category: 'issuer_decline' },
        { eventId: '10054', message: 'Expired card', category: 'issuer_decline' },
      ],
    });
    expect(brief(json).map((e) => [e.code, (e.messages as Record<string, string>).en])).toEqual([
      ['0', 'Transaction successful'],
      ['10005', 'Do not honour'],
      ['10051', 'Insufficient funds'],
      ['10054', 'Expired card'],
    ]);
  });

  // A response shown as `Name=value` lines is an example, not codes; a properties file of codes is not one.
  it('leaves out a response written as Name=value lines, and keeps a properties file of codes', () => {
    const page = [
      '```',
      'VPSProtocol=4.00',
      'Status=NOTAUTHED',
      'StatusDetail=2000 : The Authorisation was Declined by the bank.',
      'VPSTxId={5A8A1C2B-7D3E-4F0B-9C61-2E0B9A7D4F11}',
      '```',
      '',
      '| Code | Description |',
      '|---|---|',
      '| 2000 | The Authorisation was Declined by the bank. |',
      '| 2001 | The Authorisation was Rejected by the vendor rule-base. |',
    ].join('\n');
    expect(brief(page).map((e) => e.code)).toEqual(['2000', '2001']);
    const properties = ['E1001=Insufficient balance', 'E1002=Wallet frozen', 'E1003=\\u8d85\\u51fa\\u55ae\\u7b46'].join('\n');
    expect(brief(properties).map((e) => e.code)).toEqual(['E1001', 'E1002', 'E1003']);
  });

  // Titles in bold `<td>` cells on a table's first row head it as `<th>` would, their entities read
  // (`Descri&ccedil;&atilde;o`), "O que fazer" (what to do) the advice; a table of request fields
  // under a title that names fields is no code table.
  it('reads a first row of bold cells as the titles, and leaves out a table of request fields', () => {
    const page = [
      '<h2>Status da cobrança</h2>',
      '<table>',
      '<tr><td><b>Status</b></td><td><b>Descri&ccedil;&atilde;o</b></td><td><b>O que fazer</b></td></tr>',
      '<tr><td>PAID</td><td>Cobran&ccedil;a paga.</td><td>Libere o pedido.</td></tr>',
      '<tr><td>DECLINED</td><td>Cobrança negada.</td><td>Peça outro meio de pagamento.</td></tr>',
      '</table>',
      '<h2>Campos da requisição</h2>',
      '<table>',
      '<tr><th>Campo</th><th>Tipo</th><th>Obrigatório</th><th>Descrição</th></tr>',
      '<tr><td><code>customer.name</code></td><td>string (30)</td><td>Sim</td><td>Nome do comprador.</td></tr>',
      '<tr><td><code>charges[].amount.value</code></td><td>int</td><td>Sim</td><td>Valor em centavos.</td></tr>',
      '<tr><td><code>charges[].amount.currency</code></td><td>string (3)</td><td>Sim</td><td>Sempre BRL.</td></tr>',
      '</table>',
    ].join('\n');
    expect(brief(page).map((e) => [e.code, Object.values(e.messages as Record<string, string>)[0]])).toEqual([
      ['PAID', 'Cobrança paga.'],
      ['DECLINED', 'Cobrança negada.'],
    ]);
  });

  // A definition list whose terms give the number and the error's name: the number is the code.
  it('reads the number of a term that gives a number and a name', () => {
    const page = [
      '<dl>',
      '  <dt>616 ERROR_INVALID_CREDENTIALS</dt><dd>The username or password is wrong.</dd>',
      '  <dt><code>622</code> ERROR_ENDUSER_IS_BLOCKED</dt><dd>The end-user has been blocked.</dd>',
      '  <dt>613 / 636 ERROR_UNABLE_TO_VERIFY_RSA_SIGNATURE</dt><dd>The signature could not be verified.</dd>',
      '  <dt>ERROR_DUPLICATE_UUID (624)</dt><dd>The UUID was already used.</dd>',
      '</dl>',
    ].join('\n');
    expect(brief(page).map((e) => [e.code, Object.values(e.messages as Record<string, string>)[0]])).toEqual([
      ['616', 'The username or password is wrong.'],
      ['622', 'The end-user has been blocked.'],
      ['613', 'The signature could not be verified.'],
      ['636', 'The signature could not be verified.'],
      ['624', 'The UUID was already used.'],
    ]);
  });

  // A PDF breaks a long word at the line's end with a hyphen: the word is joined again.
  it("joins a word a PDF broke with a hyphen at the line's end", () => {
    const page = [
      '    Code   Beschreibung',
      '    ----   ------------------------------',
      '    933    Kunde wurde an seine Bank weiterge-',
      '           leitet; Ergebnis aus-',
      '           stehend.',
      '    908    Referenz bereits vergeben.',
      '    56     Karte abgelaufen.',
    ].join('\n');
    expect(brief(page).map((e) => [e.code, Object.values(e.messages as Record<string, string>)[0]])).toEqual([
      ['933', 'Kunde wurde an seine Bank weitergeleitet; Ergebnis ausstehend.'],
      ['908', 'Referenz bereits vergeben.'],
      ['56', 'Karte abgelaufen.'],
    ]);
  });

  // Codes one per line in a cell (`BR1220<br>BR1230`) share the row; words on two lines are one text.
  it('gives each code of a cell that lists them on lines of their own the row', () => {
    const page = [
      '<table>',
      '<tr><th>Code</th><th>Omschrijving</th></tr>',
      '<tr><td>SO1000</td><td>Storing in systeem</td></tr>',
      '<tr><td>BR1220<br>BR1230</td><td>Veld ongeldig<br>of leeg</td></tr>',
      '</table>',
    ].join('\n');
    expect(brief(page).map((e) => [e.code, Object.values(e.messages as Record<string, string>)[0]])).toEqual([
      ['SO1000', 'Storing in systeem'],
      ['BR1220', 'Veld ongeldig of leeg'],
      ['BR1230', 'Veld ongeldig of leeg'],
    ]);
  });

  // OpenAPI: the error codes' enum is described; a request property's enum (`intent`) is its choices.
  it("reads an error code enum, and not the enum of a request's choices", () => {
    const yaml = [
      'components:',
      '  schemas:',
      '    Error:',
      '      properties:',
      '        error_code:',
      '          type: string',
      '          enum: [BAD_VALUE, NOT_FOUND, NOT_ALLOWED]',
      '          x-enum-descriptions:',
      '            - A value in the request is invalid.',
      '            - The resource was not found.',
      '            - The operation is not allowed.',
      '    Session:',
      '      properties:',
      '        intent:',
      '          type: string',
      '          enum: [buy, tokenize, buy_and_tokenize]',
      '        acquiring_channel:',
      '          type: string',
      '          enum: [ECOMMERCE, IN_STORE, TELESALES]',
    ].join('\n');
    expect(brief(yaml).map((e) => e.code)).toEqual(['BAD_VALUE', 'NOT_FOUND', 'NOT_ALLOWED']);
  });

  // A footnote mark after a code (`RP06\*`, `AM04¹`) is no part of it.
  it('drops a footnote mark after a code', () => {
    const table = [
      '| Code | Description |',
      '|---|---|',
      '| RP06\\* | A payment request already exists for that payer. |',
      '| AM04¹ | Insufficient funds. |',
      '| FF08 | Payment reference is invalid. |',
    ].join('\n');
    expect(brief(table).map((e) => e.code)).toEqual(['RP06', 'AM04', 'FF08']);
  });

  // A PDF's fixed-width table whose row count goes on from the page before (`Sr. No.` 26, 27 …):
  // the count loses to the codes beside it.
  it('reads the codes beside a row count carried over from an earlier page', () => {
    const page = [
      ' Sr.    Response    Description                                Payer /     TD /',
      ' No.    Code                                                   Payee       BD',
      ' ---------------------------------------------------------------------------------',
      ' 26     U31         Credit has been failed                      Payee       BD',
      '',
      ' 27     U32         Credit revert has been failed               Payee       TD',
      '',
      ' 28     U33         Debit revert has been failed                Payer       TD',
      '',
      ' 29     U34         Reverted                                     -          TD',
    ].join('\n');
    expect(brief(page).map((e) => e.code)).toEqual(['U31', 'U32', 'U33', 'U34']);
    // Where no other column holds codes, numbers that go up by one are the codes.
    const numbered = ['26  Credit failed', '27  Debit failed', '28  Reverted'].join('\n');
    expect(brief(numbered).map((e) => e.code)).toEqual(['26', '27', '28']);
  });

  // A paragraph of an HTML page wrapped over lines with a comma each is no CSV table.
  it('reads no CSV rows from the lines of an HTML paragraph', () => {
    const html = [
      '<p>When a request fails, the response body contains a numeric <code>code</code> and a human-readable',
      '<code>message</code>. When a payment is created successfully (<code>HTTP 200</code>), its outcome is given by the',
      '<code>status</code>, <code>status_code</code> and <code>status_detail</code> fields of the payment object.</p>',
      '<table><tr><th>Code</th><th>Description</th></tr>',
      '<tr><td>5000</td><td>Internal error</td></tr>',
      '<tr><td>5001</td><td>Invalid parameter</td></tr>',
      '<tr><td>5002</td><td>Invalid request</td></tr></table>',
    ].join('\n');
    expect(brief(html).map((e) => e.code)).toEqual(['5000', '5001', '5002']);
  });

  // A column of data types (`string`, `object`) marks a list of fields under any title, even two rows.
  it('reads no codes from a table with a column of data types', () => {
    const text = [
      'Respuesta de error',
      '',
      '  Parámetro        Tipo      Descripción',
      '  code             string    Código de error (ej. K001).',
      '  message          string    Mensaje corto del error.',
      '  details          object    Presente solo cuando la transacción fue enviada al procesador.',
      '  responseCode     string    Código devuelto por el emisor. "000" indica transacción aprobada.',
      '  responseText     string    Texto devuelto por el emisor.',
      '',
      'Códigos',
      '',
      'K001 – Solicitud inválida',
      'K004 – Token inválido',
      'K005 – Tarjeta no soportada',
    ].join('\n');
    expect(brief(text).map((e) => e.code)).toEqual(['K001', 'K004', 'K005']);
  });

  // Vietnamese titles of a field table: Tham số | Kiểu dữ liệu | Bắt buộc | Ví dụ.
  it('reads no codes from a field table titled in Vietnamese', () => {
    const html = [
      '<h2>2. Tham số kết quả trả về</h2>',
      '<table><tr><th>STT</th><th>Tham số</th><th>Kiểu dữ liệu</th><th>Bắt buộc</th><th>Mô tả</th><th>Ví dụ</th></tr>',
      '<tr><td>1</td><td>vpc_Command</td><td>Alpha (1,16)</td><td>Có</td><td>Loại request</td><td>pay</td></tr>',
      '<tr><td>2</td><td>vpc_Locale</td><td>Alpha (2)</td><td>Có</td><td>Ngôn ngữ hiển thị</td><td>vn</td></tr>',
      '<tr><td>3</td><td>vpc_Amount</td><td>N (1,12)</td><td>Có</td><td>Số tiền</td><td>100000</td></tr></table>',
      '<h2>4. Bảng mã lỗi</h2>',
      '<table><tr><th>Mã lỗi</th><th>Mô tả</th></tr>',
      '<tr><td>0</td><td>Giao dịch thành công</td></tr>',
      '<tr><td>1</td><td>Ngân hàng từ chối giao dịch</td></tr>',
      '<tr><td>B</td><td>Giao dịch bị chặn</td></tr></table>',
    ].join('\n');
    expect(brief(html).map((e) => e.code)).toEqual(['0', '1', 'B']);
  });

  // A word set off as code among codes set off the same way is one of them; a table of scenarios
  // and what to do in each is guidance, not codes.
  it('reads a plain word among codes in code style, and no codes from a table of scenarios', () => {
    const md = [
      '### Request & authentication',
      '',
      '- `validation_error` — One or more request parameters are missing or invalid.',
      '- `unauthorized` — Authentication failed: the API key is invalid or has expired.',
      '- `permission_denied` — Your account is not allowed to use this endpoint.',
      '',
      '## Retry guidance',
      '',
      '| Scenario | Recommended action |',
      '|---|---|',
      '| `4xx` with `validation_error` | Fix the request; do not retry unchanged. |',
      '| `429` or `503` | Retry with exponential backoff. |',
      '| Issuer decline | Ask the shopper for another payment method. |',
    ].join('\n');
    expect(brief(md).map((e) => e.code)).toEqual(['validation_error', 'unauthorized', 'permission_denied']);
    // A list of an error object's fields in code style stays no code list.
    const fields = ['- `code` — Machine-readable code.', '- `message` — Human-readable text.', '- `error_source` — The field.'].join('\n');
    expect(brief(fields).map((e) => e.code)).toEqual([]);
  });

  // An appendix's numbered title (`C.2   Reject Reason Codes`) opens a section; it is no code whose
  // text runs on over the whole table below it.
  it("reads the table under an appendix's numbered title", () => {
    const text = [
      'C.2   Reject Reason Codes (pacs.002)',
      '',
      '      Reason Code     Description',
      '      -----------     ---------------------------------------------',
      '      AB05            Timeout Creditor Agent - Transaction stopped due to',
      '                      timeout at the Creditor Agent.',
      '      CNOR            Creditor Bank Is Not Registered - Creditor bank is not',
      '                      registered under this BIC in the CSM.',
      '      DUPL            Duplicate Payment - Payment is a duplicate of another',
      '                      payment.',
    ].join('\n');
    const got = brief(text);
    expect(got.map((e) => e.code)).toEqual(['AB05', 'CNOR', 'DUPL']);
    expect(got[0]?.messages).toEqual({ en: 'Timeout Creditor Agent - Transaction stopped due to timeout at the Creditor Agent.' });
  });

  // A JSON list keyed in Portuguese (`codigo`), beside a map of ranges (`1xxx`) that only explains them.
  it('reads a JSON list keyed by codigo, and no codes from a map of ranges', () => {
    const json = JSON.stringify({
      faixas: { '0xxx': 'Aprovadas', '1xxx': 'Negadas', '9xxx': 'Erros' },
      codigos: [
        { codigo: '0000', mensagem: 'Aprovada' },
        { codigo: '1016', mensagem: 'Saldo insuficiente' },
        { codigo: '9111', mensagem: 'Timeout do emissor' },
      ],
    });
    expect(brief(json).map((e) => e.code)).toEqual(['0000', '1016', '9111']);
  });

  // A field table titled in Russian (`Параметр | Тип | Описание`).
  it('reads no codes from a field table titled in Russian', () => {
    const md = [
      '| Параметр | Тип | Описание |',
      '|---|---|---|',
      '| `party` | string, обязательный | Участник процесса платежа. |',
      '| `reason` | string, обязательный | Причина отмены платежа. |',
      '',
      '| Причина | Описание |',
      '|---|---|',
      '| `card_expired` | Истек срок действия карты. |',
      '| `insufficient_funds` | Не хватает денег для оплаты. |',
      '| `fraud_suspected` | Платеж заблокирован из-за подозрения в мошенничестве. |',
    ].join('\n');
    expect(brief(md).map((e) => e.code)).toEqual(['card_expired', 'insufficient_funds', 'fraud_suspected']);
  });

  // A sheet that starts a second block with its header again: the header is no row.
  it('reads no code from a header repeated inside a sheet', () => {
    const csv = [
      'Status codes;;',
      '',
      'Code;Omschrijving;Description',
      '190;Succes;Success',
      '490;Mislukt;Failed',
      '690;Afgekeurd;Rejected',
      ';;',
      'Subcodes (Status.SubCode.Code);;',
      'Code;Omschrijving;Description',
      'S001;Transactie succesvol verwerkt;Transaction processed successfully',
      'P001;Wacht op bevestiging van de bank;Awaiting confirmation from the bank',
    ].join('\n');
    expect(brief(csv).map((e) => e.code)).toEqual(['190', '490', '690', 'S001', 'P001']);
  });

  // `errorCode=5000`, `errorName=…`, `errorMessage=…`: an error response's fields set to values, whose
  // texts are no codes' texts; and a first row whose text is a sentence is no header.
  it("reads no codes from an error object's fields set to values, and keeps a first row of long text", () => {
    const text = [
      'Sample error response',
      '',
      '  errorCode=5000',
      '  errorName=Credit Card Number Invalid',
      '  errorMessage=The Credit Card Number supplied in the authorization request appears to be invalid.',
      '',
      'Error   Error Name                        Error Message',
      '-------------------------------------------------------------------------------------',
      '5004    Invalid Approval Code             The FORCE Approval Code supplied in the authorization',
      '                                          request appears to be invalid or blank.',
      '5005    Field Character Limit Exceeded    The value for the field is too long.',
      '5006    Refund Amount Exceeds Limit       The refund amount exceeds the original amount.',
    ].join('\n');
    expect(brief(text).map((e) => e.code)).toEqual(['5004', '5005', '5006']);
    const alone = brief(text.split('\n').slice(8).join('\n'));
    expect(alone.map((e) => e.code)).toEqual(['5004', '5005', '5006']);
  });

  // A response example in a text document, its objects on one line each (`"request": { "id": … }`):
  // a request's UUID is no code, nor the HTTP status of the query call.
  it("reads no codes from a response example's one-line objects", () => {
    const text = [
      'Example query response (HTTP/1.1 200 OK):',
      '',
      '{',
      '  "request": { "id": "2f6c9b7e-3a1d-4a6b-9a58-1c9e5d0f0a11", "time": 1588218412 },',
      '  "response": { "code": "200", "message": "Success", "time": 1588218413 },',
      '  "payload": []',
      '}',
      '',
      'Code: E1014',
      'Message: IP not whitelisted',
      '',
      'Code: E1015',
      'Message: Invalid customer_email',
      '',
      'Code: E2001',
      'Message: Transaction not found',
    ].join('\n');
    expect(brief(text).map((e) => e.code)).toEqual(['E1014', 'E1015', 'E2001']);
  });

  // `invalid_type` alone on its line, what it means in the paragraph below, blocks apart between
  // blank lines: a list of codes in lower case, which no other reading takes.
  it('reads codes in lower case each over its paragraph', () => {
    const text = [
      'Where the error type is invalid_api_usage, the reason will be one of:',
      '',
      'invalid_type',
      'The errors key may also hold an array of type errors.',
      '',
      'path_not_found',
      'The path was not recognised. Check that you spelled the resource name correctly,',
      'and that the URL is formatted correctly.',
      '',
      'not_found',
      'The resource you were trying to access could not be found.',
    ].join('\n');
    const entries = importTable(text, { provider: 'acme' }).entries;
    expect(entries.map((e) => e.code)).toEqual(['invalid_type', 'path_not_found', 'not_found']);
    expect(entries[1]?.messages.en).toBe(
      'The path was not recognised. Check that you spelled the resource name correctly, and that the URL is formatted correctly.',
    );
    // Two such blocks are a pair of words in a text, not yet a list.
    expect(brief(text.split('\n').slice(0, 8).join('\n'))).toEqual([]);
  });

  // Columns set apart by spaces: a plain word whose text starts where a code's does is a status.
  it('reads plain words as codes where their text stands in the column of the codes around them', () => {
    const text = [
      'Estatus          Descripción',
      'charge_pending   El cargo fue creado pero está pendiente de confirmación por parte del cliente.',
      'in_progress      La transacción está en proceso.',
      'completed        La transacción se completó exitosamente.',
      'failed           La transacción falló (rechazo del banco o del cliente).',
      'cancelled        El cargo fue cancelado porque el cliente no realizó el pago.',
    ].join('\n');
    expect(brief(text).map((e) => e.code)).toEqual(['charge_pending', 'in_progress', 'completed', 'failed', 'cancelled']);
    // Out of the column, a word is the start of a sentence.
    const prose = [...text.split('\n').slice(0, 3), 'completed the list of states above.'].join('\n');
    expect(brief(prose).map((e) => e.code)).toEqual(['charge_pending', 'in_progress']);
  });

  // A heading over one or two codes of a shape the document's tables already use is the rest of them.
  it('reads one or two rows under their own heading when their codes have the shape of a table above', () => {
    const rows = (codes: string[]) => codes.map((c) => `${c}  Transaction declined for reason ${c}`);
    const text = [
      'Rejections by the external bank',
      '',
      ...rows(['800.100.100', '800.100.150', '800.100.151']),
      '',
      'Rejections due to 3-D Secure',
      '',
      '100.380.401  User Authentication Failed',
      '100.390.112  Technical Error in 3D system',
    ].join('\n');
    expect(brief(text).map((e) => e.code)).toEqual(['800.100.100', '800.100.150', '800.100.151', '100.380.401', '100.390.112']);
    // Alone, two lines are not yet a table.
    expect(brief(text.split('\n').slice(6).join('\n')).map((e) => e.code)).not.toContain('100.380.401');
  });

  // `Nome | Tipo | Tamanho | Obrigatório`: a request's fields, named and said to be required.
  it('reads no codes from a table of fields that are named and said to be required', () => {
    const text = [
      '| Nome | Tipo | Tamanho | Obrigatório | Descrição |',
      '|------|------|---------|-------------|-----------|',
      '| capture | Boolean | - | Não | Define se a transação será capturada automaticamente. |',
      '| kind | Alfanumérico | - | Não | Tipo de transação: `credit` ou `debit`. |',
      '| cardholderName | Alfanumérico | Até 30 | Não | Nome do portador impresso no cartão. |',
      '',
      '| Código | Mensagem |',
      '|---|---|',
      '| 00 | Sucesso. |',
      '| 101 | Não autorizada. Problemas no cartão, entre em contato com o emissor. |',
      '| 102 | Não autorizada. Verifique a situação da loja com o emissor. |',
    ].join('\n');
    expect(brief(text).map((e) => e.code)).toEqual(['00', '101', '102']);
  });

  // A response example whose fields are in capitals: a field beside its own description.
  it("reads no codes from an example's fields in capitals (`ACTION_CODE` beside `ACTION_DESCRIPTION`)", () => {
    const text = [
      'Ejemplo de respuesta',
      '',
      '  "dataMap": {',
      '    "TERMINAL": "00000001",',
      '    "STATUS": "Authorized",',
      '    "ACTION_CODE": "000",',
      '    "ACTION_DESCRIPTION": "Aprobado y completado con exito",',
      '    "BRAND": "visa"',
      '  }',
      '',
      'Código  Descripción',
      '000     Aprobado y completado con éxito',
      '101     Operación Denegada. Tarjeta Vencida.',
      '102     Operación Denegada. Contactar con entidad emisora de su tarjeta.',
    ].join('\n');
    expect(brief(text).map((e) => e.code)).toEqual(['000', '101', '102']);
  });

  // A list of banks, currencies or channels beside the codes: a code column, and no message column.
  it('reads no codes from a list of banks, currencies or countries under its own header', () => {
    const text = [
      '| Code | Description |',
      '|---|---|',
      '| ACSP | Accepted, settlement in process |',
      '| AM04 | Insufficient funds |',
      '| AC01 | Incorrect account number |',
      '',
      '| Clearing Code | Bank | 銀行 |',
      '|---|---|---|',
      '| 003 | Standard Chartered Bank (Hong Kong) | 渣打銀行（香港） |',
      '| 004 | The Hongkong and Shanghai Banking Corporation | 香港上海滙豐銀行 |',
      '',
      '| Country | Code | Currency |',
      '|---|---|---|',
      '| UAE | AE | AED |',
      '| Saudi Arabia | SA | SAR |',
    ].join('\n');
    expect(brief(text).map((e) => e.code)).toEqual(['ACSP', 'AM04', 'AC01']);
    // A code table that names a bank per code keeps its codes: it has a description column.
    const perBank = [
      '| Code | Bank | Description |',
      '|---|---|---|',
      '| 51 | KBank | Insufficient funds |',
      '| 54 | SCB | Expired card |',
    ];
    expect(brief(perBank.join('\n')).map((e) => e.code)).toEqual(['51', '54']);
  });

  // A sheet pasted as TSV: the codes, a blank row, then a titled list of channels to the next blank row.
  it('reads no codes from a titled list of channels after a blank row in one sheet', () => {
    const text = [
      'Response Code\tResponse Message\tDescription',
      'GR001\tTransaction Successful\tPayment has been authorized and captured.',
      'GR051\tService Unavailable\tThe gateway is temporarily unavailable.',
      '\t\t',
      'PAYMENT CHANNELS\t\t',
      'pchannel\tChannel Name\tType',
      'cc\tCredit / Debit Card\tCARD',
      'gc\tGCash\tWALLET',
      '\t\t',
      'GR052\tToo Many Requests\tRate limit exceeded.',
      // A code whose message is one entity word inside a table is still a code: no blank row before it.
      'CURRENCY\tCurrency\tThe currency is not supported.',
    ].join('\n');
    expect(brief(text, 'tsv').map((e) => e.code)).toEqual(['GR001', 'GR051', 'GR052', 'CURRENCY']);
  });

  // Source code beside its codes: a map of banks, a constant that lists codes, a reference to a constant.
  it("reads no codes from a map of banks, a constant's list of codes, or a reference to a constant", () => {
    const text = [
      '<?php',
      'class PagarmeStatus',
      '{',

      "    public const RETRYABLE_ACQUIRER_CODES = ['5093', '9107', '9112'];",
      '',
      '    public const BANK_CODES = [',
      "        '001' => 'Banco do Brasil S.A.',",
      "        '033' => 'Banco Santander (Brasil) S.A.',",
      '    ];',
      '',
      '    public const BANK_ERROR_CODES = [',
      "        'B01' => 'Conta bancária inválida',",
      "        'B02' => 'Banco não encontrado',",
      '    ];',
      '',
      '    public static function isFinal(string $s): bool',
      '    {',
      '        return in_array($s, [',
      '            self::STATUS_PAID,',
      '            self::STATUS_REFUSED,',
      '        ], true);',
      '    }',
      '}',
    ].join('\n');
    expect(brief(text, 'source').map((e) => e.code)).toEqual(['B01', 'B02']);
  });

  // A specification's field table as PDF text: the header names fields, lengths and whether each is
  // required, and a field's note wraps onto a line of its own in the middle of the table.
  it('reads no codes from a field table in PDF text, on either side of a wrapped note', () => {
    const text = [
      '4.1 オーソリ電文',
      '',
      ' No. 項目名               項目ID               属性  桁数  必須  備考',
      '  1  電文種別ID           telegram_kind         N      3    ○   "020" 固定',
      '  2  マーチャントID       merchant_id           N      9    ○   ペイジェントより通知',
      '  3  取引ID               trading_id            AN    35    ○   加盟店様側で採番する一意',
      '                                                                の値',
      '  4  決済金額             payment_amount        N      7    ○   1～9999999（円）',
      '  5  カード番号           card_number           N     16    ○',
      '  6  支払区分             payment_class         N      2    ○   別表1参照',
      '',
      '5.1 エラーコード',
      '',
      '  コード  内容',
      '  P001    電文種別IDが不正です',
      '  P002    必須項目が設定されていません',
      '  P003    項目の属性または桁数が不正です',
    ].join('\n');
    expect(brief(text).map((e) => e.code)).toEqual(['P001', 'P002', 'P003']);
  });
});
