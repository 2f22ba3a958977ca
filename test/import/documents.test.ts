import { describe, expect, it } from 'vitest';
import { detectTag, importTable } from '../../src/import/index.js';

const codes = (text: string) => importTable(text, { provider: 'acme' }).entries.map((e) => e.code);
const entries = (text: string) => importTable(text, { provider: 'acme' }).entries;

describe('import: every table in a document, whatever its form', () => {
  it('a long TSV table and a short markdown table further down', () => {
    const tsv = [
      'code\tmessage\tsolution',
      'PAY.TIMEOUT\t支付超时\t请重试',
      'PAY.LIMIT\t超出限额\t联系发卡行',
      'PAY.BLOCKED\t卡被冻结\t更换卡片',
    ].join('\n');
    const md = [
      '## Refunds',
      '',
      '| Code | Message |',
      '| --- | --- |',
      '| `RF.DONE` | **Refund completed** |',
      '| RF.WAIT | Refund pending |',
    ].join('\n');
    const r = importTable(`Intro text.\n\n${tsv}\n\nMore prose here.\n\n${md}\n`, { provider: 'acme' });
    expect(r.entries.map((e) => [e.code, e.flow])).toEqual([
      ['PAY.TIMEOUT', 'any'],
      ['PAY.LIMIT', 'any'],
      ['PAY.BLOCKED', 'any'],
      ['RF.DONE', 'refund'],
      ['RF.WAIT', 'refund'],
    ]);
    expect(r.entries[0]?.messages).toEqual({ 'zh-Hans': '支付超时' });
    // The solution column is more of the provider's words for the code: a detail, not a note.
    expect(r.entries[0]?.details).toEqual({ 'zh-Hans': '请重试' });
    expect(r.entries[0]?.notes).toEqual([]);
    expect(r.summary.tables).toBe(2);
  });

  it('space-separated columns: result status, result code, message', () => {
    const text = [
      'SUCCESS 0000 Payment completed',
      'FAILED 0301 Card declined by issuer',
      'PENDING 0102 Waiting for the bank',
      'FAILED 0302 Card expired',
    ].join('\n');
    expect(codes(text)).toEqual(['0000', '0301', '0102', '0302']);
    expect(entries(text)[1]?.messages).toEqual({ en: 'Card declined by issuer' });
  });

  it('a markdown table whose cells mix tabs and pipes', () => {
    const text = [
      '| code\t| message |',
      '|---|---|',
      '| E100\t| Invalid amount |',
      '| E101 | Invalid\tcurrency |',
      '| E102\t| Expired card |',
    ].join('\n');
    expect(codes(text)).toEqual(['E100', 'E101', 'E102']);
  });

  it('HTML with nested markup, rowspan, colspan and two tables', () => {
    const html = `<h2>Card errors</h2>
<table><thead><tr><th>Category</th><th>Code</th><th>Description</th></tr></thead>
<tbody>
<tr><td rowspan="2">Issuer</td><td><code>C01</code></td><td>Do <b>not</b> honour</td></tr>
<tr><td><code>C02</code></td><td>Lost card<br>keep the card</td></tr>
<tr><td colspan="1">Risk</td><td>C03</td><td><a href="#x">Fraud suspected</a></td></tr>
</tbody></table>
<h3>Refund errors</h3>
<table><tr><th>Code</th><th>Message</th></tr><tr><td>R01</td><td>Refund &amp; void not allowed</td></tr></table>`;
    const es = entries(html);
    expect(es.map((e) => [e.code, e.scene ?? '', e.flow])).toEqual([
      ['C01', 'Issuer', 'any'],
      ['C02', 'Issuer', 'any'],
      ['C03', 'Risk', 'any'],
      ['R01', '', 'refund'],
    ]);
    expect(es[0]?.messages).toEqual({ en: 'Do not honour' });
    expect(es[3]?.messages).toEqual({ en: 'Refund & void not allowed' });
  });

  it('a titled column of short flags beside the description column is no message', () => {
    const text = [
      'Code  ISO name                   Description                                R-type',
      '----  -------------------------  -----------------------------------------  ------',
      'AC01  IncorrectAccountNumber     Account identifier incorrect (invalid IBAN)  RJ RT',
      'AC04  ClosedAccountNumber        Account closed                               RJ RT',
      'AM04  InsufficientFunds          Insufficient funds                           RT',
    ].join('\n');
    const es = entries(text);
    expect(es.map((e) => [e.code, e.messages.en])).toEqual([
      ['AC01', 'Account identifier incorrect (invalid IBAN)'],
      ['AC04', 'Account closed'],
      ['AM04', 'Insufficient funds'],
    ]);
    expect(es[0]?.notes).toContain('R-type: RJ RT');
  });

  it('a row under a code cell that spans it adds to that code, and is no second entry', () => {
    const html = `<table><tr><th>Code</th><th>Description</th></tr>
<tr><td>00</td><td>Approved</td></tr>
<tr><td rowspan="2">05</td><td>Do not honour</td></tr>
<tr><td>(also returned for generic declines)</td></tr>
<tr><td>51</td><td>Insufficient funds</td></tr></table>`;
    const es = entries(html);
    expect(es.map((e) => [e.code, e.messages.en])).toEqual([
      ['00', 'Approved'],
      ['05', 'Do not honour'],
      ['51', 'Insufficient funds'],
    ]);
    expect(es[1]?.notes).toEqual(['Description (line 4): (also returned for generic declines)']);
    // Where the row has a cell of its own that is not text (a category, a flow), it is an entry.
    const flows = `<table><tr><th>Code</th><th>Flow</th><th>Message</th></tr>
<tr><td rowspan="2">E1</td><td>Payment</td><td>Declined</td></tr>
<tr><td>Refund</td><td>Refund refused</td></tr></table>`;
    expect(entries(flows).map((e) => e.code)).toEqual(['E1', 'E1']);
  });

  it('definition lists, in markdown and HTML', () => {
    expect(codes('ERR_LIMIT\n: The daily limit was reached.\n\nERR_AUTH\n: Authentication failed.\n')).toEqual(['ERR_LIMIT', 'ERR_AUTH']);
    expect(codes('<dl><dt>E1</dt><dd>Declined</dd><dt>E2</dt><dd>Expired</dd></dl>')).toEqual(['E1', 'E2']);
  });

  it('"code then text" lines and bullets', () => {
    const text = [
      'Errors you may see:',
      '',
      '- `card_declined`: The card was declined.',
      '- `expired_card`: The card has expired.',
      '- `processing_error` — An error occurred.',
    ].join('\n');
    expect(codes(text)).toEqual(['card_declined', 'expired_card', 'processing_error']);
  });

  it('JSON error lists, code maps and OpenAPI enums', () => {
    const list = JSON.stringify(
      {
        errors: [
          { code: 'E01', message: 'Bad signature' },
          { code: 'E02', message: 'Unknown merchant' },
        ],
      },
      null,
      2,
    );
    expect(codes(list)).toEqual(['E01', 'E02']);
    expect(codes(JSON.stringify({ '1001': '参数错误', '1002': '签名错误' }, null, 2))).toEqual(['1001', '1002']);
    const openapi = [
      'components:',
      '  schemas:',
      '    RefusalCode:',
      '      type: string',
      '      enum: [DECLINED, EXPIRED, BLOCKED]',
      '      x-enum-descriptions:',
      '        - The issuer declined the payment.',
      '        - The card has expired.',
      '        - The card is blocked.',
    ].join('\n');
    const es = entries(openapi);
    expect(es.map((e) => [e.code, e.section])).toEqual([
      ['DECLINED', 'components/schemas/RefusalCode'],
      ['EXPIRED', 'components/schemas/RefusalCode'],
      ['BLOCKED', 'components/schemas/RefusalCode'],
    ]);
    expect(es[1]?.messages).toEqual({ en: 'The card has expired.' });
  });

  it('OpenAPI oneOf schemas whose examples carry the codes', () => {
    // Each item is a schema (`type: object`), not a code: its `example` holds the code and text.
    const openapi = [
      'components:',
      '  schemas:',
      '    ErrorResponse:',
      '      type: object',
      '      properties:',
      '        errors:',
      '          type: array',
      '          items:',
      '            oneOf:',
      '              - type: object',
      '                example:',
      '                  code: "1108"',
      '                  description: "Invalid API key"',
      '              - type: object',
      '                example:',
      '                  code: "2107"',
      '                  description: "Source id is missing"',
    ].join('\n');
    const es = entries(openapi);
    expect(es.map((e) => [e.code, e.messages])).toEqual([
      ['1108', { en: 'Invalid API key' }],
      ['2107', { en: 'Source id is missing' }],
    ]);
  });

  it('SDK sources: TypeScript, Java, PHP, Python, Go, .properties and .ini', () => {
    expect(codes("export enum DeclineCode {\n  Insufficient = 'insufficient_funds',\n  Lost = 'lost_card',\n}\n")).toEqual([
      'insufficient_funds',
      'lost_card',
    ]);
    expect(codes('public enum Result {\n  OK(0, "成功"),\n  FAIL(1, "交易失败"),\n  TIMEOUT(2, "交易超时");\n}\n')).toEqual([
      '0',
      '1',
      '2',
    ]);
    expect(codes('class Codes {\n    const SYSTEM_ERROR = 100;\n    const AUTH_ERROR = 110;\n}\n')).toEqual(['100', '110']);
    expect(codes('CARD_DECLINED = "E001"  # the issuer said no\nCARD_EXPIRED = "E002"\n')).toEqual(['E001', 'E002']);
    expect(
      codes('const (\n\tFailureReasonExpired FailureReason = "card_expired"\n\tFailureReasonRefused FailureReason = "refused"\n)\n'),
    ).toEqual(['card_expired', 'refused']);
    expect(codes('error.E100=Invalid amount\nerror.E101=Invalid currency\n')).toEqual(['error.E100', 'error.E101']);
    const ini = entries("D4405 = 'Do Not Honour'\nD4406 = 'Error'\nD4451 = 'Insufficient Funds'\n");
    expect(ini.map((e) => [e.code, e.messages.en])).toEqual([
      ['D4405', 'Do Not Honour'],
      ['D4406', 'Error'],
      ['D4451', 'Insufficient Funds'],
    ]);
  });

  it('header words in Korean, Japanese, Spanish and Portuguese', () => {
    const ko = entries(
      '| 번호 | 응답코드 | 응답메시지 | 조치 방법 |\n|---|---|---|---|\n| 1 | 0001 | 잔액이 부족합니다 | 다른 카드 사용 |\n| 2 | 0002 | 카드 만료 | 카드 확인 |\n| 3 | 0003 | 한도 초과 | 문의 |\n',
    );
    expect(ko.map((e) => e.code)).toEqual(['0001', '0002', '0003']);
    expect(ko[0]?.messages).toEqual({ ko: '잔액이 부족합니다' });
    expect(ko[0]?.details).toEqual({ ko: '다른 카드 사용' });
    const ja = entries(
      '| エラーコード | メッセージ |\n|---|---|\n| E01 | カードの有効期限が切れています |\n| E02 | 残高が不足しています |\n',
    );
    expect(ja[0]?.messages).toEqual({ ja: 'カードの有効期限が切れています' });
    const es = entries(
      '| Código | Descripción |\n|---|---|\n| R01 | La tarjeta fue rechazada por el banco |\n| R02 | El pago está pendiente de revisión |\n',
    );
    expect(es[0]?.messages).toEqual({ es: 'La tarjeta fue rechazada por el banco' });
    const pt = entries(
      '| Código | Mensagem |\n|---|---|\n| P01 | O cartão não foi aprovado pelo emissor |\n| P02 | Pagamento não autorizado |\n',
    );
    expect(pt[0]?.messages).toEqual({ pt: 'O cartão não foi aprovado pelo emissor' });
  });

  it('header words in Vietnamese, Indonesian and Thai, and a yes/no retry column', () => {
    const vi = entries(
      '| Mã lỗi | Mô tả | Hướng xử lý |\n|---|---|---|\n| 1001 | Tài khoản không đủ tiền | Yêu cầu khách hàng nạp thêm tiền |\n| 1002 | Thẻ hết hạn | Dùng thẻ khác |\n',
    );
    expect(vi[0]?.messages).toEqual({ vi: 'Tài khoản không đủ tiền' });
    expect(vi[0]?.details).toEqual({ vi: 'Yêu cầu khách hàng nạp thêm tiền' });
    // The header row is no code ("Kode"), and the description column is kept.
    const id = importTable(
      'Kategori\tKode\tPesan\tKeterangan\nSukses\t00\tTransaksi berhasil\tPembayaran diterima\nGagal\t05\tTransaksi ditolak\tHubungi bank penerbit\nGagal\t51\tSaldo tidak cukup\tMinta pelanggan isi saldo\n',
      { provider: 'acme' },
    ).entries;
    expect(id.map((e) => e.code)).toEqual(['00', '05', '51']);
    expect(id[1]?.messages).toEqual({ id: 'Transaksi ditolak' });
    expect(id[1]?.details).toEqual({ id: 'Hubungi bank penerbit' });
    const th = entries('| รหัส | ข้อความ |\n|---|---|\n| 00 | ทำรายการสำเร็จ |\n| 51 | ยอดเงินไม่เพียงพอ |\n');
    expect(th[1]?.messages).toEqual({ th: 'ยอดเงินไม่เพียงพอ' });
    // A column that says whether to retry (Sim / Não) is no message.
    const pt = entries(
      '| Código | Descrição | Ação sugerida | Retentativa |\n|---|---|---|---|\n| 05 | Transação não autorizada. | Oriente o portador a contatar o emissor. | Não |\n| 51 | Saldo insuficiente. | Peça outro cartão. | Sim |\n',
    );
    expect(pt[0]?.messages).toEqual({ pt: 'Transação não autorizada.' });
    expect(pt[0]?.details).toEqual({ pt: 'Oriente o portador a contatar o emissor.' });
  });

  it('tells languages and scripts apart', () => {
    expect(detectTag('잔액이 부족합니다')).toBe('ko');
    expect(detectTag('残高が不足しています')).toBe('ja');
    expect(detectTag('餘額不足')).toBe('zh-Hant');
    expect(detectTag('余额不足')).toBe('zh-Hans');
    expect(detectTag('La tarjeta fue rechazada')).toBe('es');
    expect(detectTag('O cartão não foi aprovado')).toBe('pt');
    expect(detectTag('The card was declined')).toBe('en');
    expect(detectTag('Transaksi gagal karena saldo tidak cukup')).toBe('id');
    expect(detectTag('Giao dịch không thành công')).toBe('vi');
    expect(detectTag('ยอดเงินไม่เพียงพอ')).toBe('th');
    expect(detectTag('1234')).toBeUndefined();
  });

  it('codes keep case and leading zeros; a sheet that lost zeros gets a note', () => {
    const text =
      '| code | message |\n|---|---|\n| 1 | Timeout |\n| 12 | Bad request |\n| 1001 | Declined |\n| 1002 | Expired |\n| 1003 | Blocked |\n';
    const es = entries(text);
    expect(es.map((e) => e.code)).toEqual(['1', '12', '1001', '1002', '1003']);
    expect(es[0]?.notes.some((n) => n.startsWith('Leading zeros'))).toBe(true);
    expect(es[2]?.notes.some((n) => n.startsWith('Leading zeros'))).toBe(false);
  });

  it('reports skipped rows and codes listed twice', () => {
    const r = importTable(
      '## Pay\n\n| Code | Message |\n|---|---|\n| E1 | Declined |\n| E2 | Expired |\n| E3 | Blocked |\n| see below | x y |\n\n## Cancel\n\n| Code | Message |\n|---|---|\n| E1 | Cannot cancel |\n',
      {
        provider: 'acme',
      },
    );
    expect(r.summary.skipped).toEqual([{ line: 8, reason: '"see below" is not a code' }]);
    expect(r.summary.duplicates).toEqual([{ code: 'E1', sections: ['Pay', 'Cancel'] }]);
  });
});

describe('import: one heading per code', () => {
  it('reads `### code` headings with the paragraph under each', () => {
    const text = [
      '## Error codes',
      '',
      '### `account_closed`',
      '',
      "The customer's bank account has been closed.",
      '',
      '### `amount_too_large`',
      '',
      'The amount is greater than the maximum.',
      'Use a smaller amount.',
      '',
      '### `card_declined`',
      '',
      'The card has been declined.',
      '',
      '## See also',
      '',
      'Other text.',
    ].join('\n');
    const es = importTable(text, { provider: 'acme' }).entries;
    expect(es.map((e) => [e.code, e.section, e.source.line, e.source.end])).toEqual([
      ['account_closed', 'Error codes', 3, 5],
      ['amount_too_large', 'Error codes', 7, 10],
      ['card_declined', 'Error codes', 12, 14],
    ]);
    expect(es[1]?.messages).toEqual({ en: 'The amount is greater than the maximum. Use a smaller amount.' });
  });
});

describe('import: whole sheets and YAML lists', () => {
  it('a CSV export whose quoted cells run over several lines', () => {
    const text =
      'Error Code,Error Message,Solution\nE001,"Card declined\nby the issuer","Ask for another card"\nE002,Card expired,"Check the date, then retry"\nE003,Timeout,Query the order\n';
    const es = importTable(text, { provider: 'acme' }).entries;
    expect(es.map((e) => [e.code, e.source.line, e.source.end])).toEqual([
      ['E001', 2, 3],
      ['E002', 4, undefined],
      ['E003', 5, undefined],
    ]);
    expect(es[0]?.messages).toEqual({ en: 'Card declined\nby the issuer' });
    expect(es[1]?.details).toEqual({ en: 'Check the date, then retry' });
  });

  it('a YAML list of errors', () => {
    const text = 'errors:\n  - code: E001\n    message: Invalid card\n  - code: E002\n    message: Expired card\n';
    expect(codes(text)).toEqual(['E001', 'E002']);
  });
});

describe('import: a page scraped one cell per line', () => {
  it('codes of digits then capitals, and the page after the table is no message', () => {
    const text = [
      'Kod Respons',
      'Kod',
      'Penerangan',
      '00',
      'Diluluskan',
      '51',
      'Baki Tidak Mencukupi',
      '1A',
      'Sesi Pembeli Tamat Masa',
      '1B',
      'Pembeli Gagal Memasukkan OTP Yang Betul',
      'OE',
      'Transaksi Ditolak Kerana Di Luar Waktu Operasi',
      'Nota: Bagi kod 09 dan 99, sila lakukan pertanyaan status.',
      'Adakah halaman ini membantu?',
      '© 2024 Contoh Sdn. Bhd.',
    ].join('\n');
    const es = importTable(text, { provider: 'acme' }).entries;
    expect(es.map((e) => [e.code, Object.values(e.messages)[0]])).toEqual([
      ['00', 'Diluluskan'],
      ['51', 'Baki Tidak Mencukupi'],
      ['1A', 'Sesi Pembeli Tamat Masa'],
      ['1B', 'Pembeli Gagal Memasukkan OTP Yang Betul'],
      ['OE', 'Transaksi Ditolak Kerana Di Luar Waktu Operasi'],
    ]);
  });
});

describe('import: aligned text columns', () => {
  it('a header over a line of dashes names the columns', () => {
    const text = [
      'RESPONSE CODES',
      '',
      'Code    Description                      Action',
      '----    -----------                      ------',
      '00      Approved                         None',
      '05      Do not honor                     Ask for another card',
      '51      Insufficient funds               Retry later',
    ].join('\n');
    const es = importTable(text, { provider: 'acme' }).entries;
    expect(es.map((e) => [e.code, e.messages.en])).toEqual([
      ['00', 'Approved'],
      ['05', 'Do not honor'],
      ['51', 'Insufficient funds'],
    ]);
    expect(es[1]?.details).toEqual({ en: 'Ask for another card' });
    expect(es[1]?.notes).toEqual([]);
  });

  it('text copied from a PDF: a cell wrapped onto the next line stays in its column', () => {
    const text = [
      'Code   Description              Action',
      '2      Refer to card issuer     Ask the customer to contact',
      '                                their card issuer',
      '14     Invalid card number (no  Re-enter the',
      '       such number)             card number',
      '15     No such issuer           Check the card number',
      '30     Format error             Check the format',
    ].join('\n');
    const es = importTable(text, { provider: 'acme' }).entries;
    expect(es.map((e) => [e.code, e.messages.en, e.details?.en])).toEqual([
      ['2', 'Refer to card issuer', 'Ask the customer to contact their card issuer'],
      ['14', 'Invalid card number (no such number)', 'Re-enter the card number'],
      ['15', 'No such issuer', 'Check the card number'],
      ['30', 'Format error', 'Check the format'],
    ]);
  });
});

describe('import: what is not a code table', () => {
  it('parameter tables, range tables and response examples are left out', () => {
    const text = [
      '## Request',
      '',
      '| Field | Description |',
      '| --- | --- |',
      '| order_id | Your order number |',
      '| amount | Amount in cents |',
      '| currency_code | ISO 4217 code |',
      '',
      '```json',
      '{',
      '  "code": "E01",',
      '  "message": "Invalid amount"',
      '}',
      '```',
      '',
      '| From | To | Meaning |',
      '| --- | --- | --- |',
      '| A0 | AZ | Reserved |',
      '',
      '## Errors',
      '',
      '| Code | Message |',
      '| --- | --- |',
      '| E01 | Invalid amount |',
      '| E02 | Unknown currency |',
    ].join('\n');
    expect(importTable(text, { provider: 'acme' }).entries.map((e) => [e.code, e.section])).toEqual([
      ['E01', 'Errors'],
      ['E02', 'Errors'],
    ]);
  });
});

describe('import: SDK constants with their comments', () => {
  it('a Java class whose doc comments describe each code', () => {
    const text = [
      'public final class ErrorCodes {',
      '    /** Card declined by the issuer */',
      '    public static final String CARD_DECLINED = "E1001";',
      '    /** Card expired */',
      '    public static final String CARD_EXPIRED = "E1002";',
      '    // Network timeout, query the order',
      '    public static final String TIMEOUT = "E1003";',
      '}',
    ].join('\n');
    const es = importTable(text, { provider: 'acme' }).entries;
    expect(es.map((e) => [e.code, e.messages.en])).toEqual([
      ['E1001', 'Card declined by the issuer'],
      ['E1002', 'Card expired'],
      ['E1003', 'Network timeout, query the order'],
    ]);
    expect(es[0]?.notes).toEqual(['name: CARD_DECLINED']);
  });

  it('a TypeScript enum of dotted codes under doc comments, and a map of objects with a code and a message', () => {
    const enumText = [
      'export enum ResultCode {',
      '  /** Request successfully processed */',
      "  SUCCESS = '000.000.000',",
      '  /** Insufficient funds */',
      "  NO_FUNDS = '800.100.155',",
      '}',
    ].join('\n');
    expect(entries(enumText).map((e) => [e.code, e.messages.en])).toEqual([
      ['000.000.000', 'Request successfully processed'],
      ['800.100.155', 'Insufficient funds'],
    ]);
    const objects = [
      'export const ERRORS = {',
      "  CARD_DECLINED: { code: 'E1001', message: 'Card declined' },",
      "  INSUFFICIENT_FUNDS: { code: 'E1002', message: 'Insufficient funds' },",
      '} as const;',
    ].join('\n');
    const es = entries(objects);
    expect(es.map((e) => [e.code, e.messages.en])).toEqual([
      ['E1001', 'Card declined'],
      ['E1002', 'Insufficient funds'],
    ]);
    expect(es[0]?.notes).toEqual(['name: CARD_DECLINED']);
  });

  it('a declaration that opens a map, and the fields a constructor sets, are no codes', () => {
    const map =
      "export const RESULT_CODES: Record<string, string> = {\n  '0000': '정상 처리되었습니다',\n  '0010': '필수 입력값 누락',\n};\n";
    expect(codes(map)).toEqual(['0000', '0010']);
    const java = [
      'public enum PayResult {',
      '    SUCCESS("0000", "Success"),',
      '    NO_FUNDS("1001", "Insufficient funds");',
      '    PayResult(String code, String message) {',
      '        this.code = code;',
      '        this.message = message;',
      '    }',
      '}',
    ].join('\n');
    expect(codes(java)).toEqual(['0000', '1001']);
  });

  it('Go constants under comments, Kotlin members under annotations, Python tuples and dicts', () => {
    const go = [
      'const (',
      '\t// Success: the payment was completed.',
      '\tResultSuccess ResultCode = "SUCCESS"',
      '\t// Rejected by risk control.',
      '\tResultRiskReject ResultCode = "RISK_REJECT"',
      '\tResultOrderClosed ResultCode = "ORDER_IS_CLOSED" // the order is closed',
      ')',
    ].join('\n');
    expect(entries(go).map((e) => [e.code, e.messages.en])).toEqual([
      ['SUCCESS', 'Success: the payment was completed.'],
      ['RISK_REJECT', 'Rejected by risk control.'],
      ['ORDER_IS_CLOSED', 'the order is closed'],
    ]);
    // The SDK's settings after its codes, in a block of their own or among them, are no codes.
    const settings = [
      'const (',
      '\tMaxAmount = 5000',
      '\tResultCardExpired ResultCode = "CARD_EXPIRED" // the card has expired',
      '\tResultCardLost ResultCode = "CARD_LOST" // the card was reported lost',
      '\tResultCardStolen ResultCode = "CARD_STOLEN" // the card was reported stolen',
      ')',
      '',
      '// HTTP timeouts',
      'const (',
      '\tDefaultTimeoutSeconds = 30',
      '\tMaxRetries            = 3',
      ')',
    ].join('\n');
    expect(codes(`${go}\n\n${settings}\n`)).toEqual([
      'SUCCESS',
      'RISK_REJECT',
      'ORDER_IS_CLOSED',
      'CARD_EXPIRED',
      'CARD_LOST',
      'CARD_STOLEN',
    ]);
    const kotlin = [
      'enum class ReturnCode(val code: String, val message: String) {',
      '    @JsonProperty("00") APPROVED("00", "Approved"),',
      '    @JsonProperty("51") INSUFFICIENT_FUNDS("51", "Insufficient funds");',
      '}',
    ].join('\n');
    expect(codes(kotlin)).toEqual(['00', '51']);
    const tuples = [
      'class ResultCode(Enum):',
      '    SUCCESS = ("01", "TXN_SUCCESS", "Txn Success")',
      '    FAILED_227 = ("227", "TXN_FAILURE", "Your payment has been declined by your bank.")',
    ].join('\n');
    expect(entries(tuples).map((e) => [e.code, e.messages.en])).toEqual([
      ['01', 'Txn Success'],
      ['227', 'Your payment has been declined by your bank.'],
    ]);
    const dict = 'REFUND_CODES = {\n    "10": "Refund Successful",\n    "619": "Invalid refund amount",\n}\n';
    expect(entries(dict).map((e) => [e.code, e.messages.en])).toEqual([
      ['10', 'Refund Successful'],
      ['619', 'Invalid refund amount'],
    ]);
  });

  it("a page's title, its table of an error object's properties and its group rows are no codes", () => {
    const html = [
      '<html>',
      '<head><meta charset="utf-8"><title>Errores | Openpay Documentación</title></head>',
      '<body>',
      '<table><thead><tr><th>Propiedad</th><th>Descripción</th></tr></thead>',
      '<tr><td>category</td><td>string<br>Tipo de error.</td></tr>',
      '<tr><td>error_code</td><td>numeric<br>El código del error.</td></tr>',
      '</table>',
      '<table><thead><tr><th>Código</th><th>Error HTTP</th><th>Causa</th></tr></thead>',
      '<tr class="group"><th colspan="3">Generales</th></tr>',
      '<tr><td>1000</td><td>500 Internal Server Error</td><td>Ocurrió un error interno en el servidor.</td></tr>',
      '<tr><td>1001</td><td>400 Bad Request</td><td>El formato de la petición no es JSON.</td></tr>',
      '<tr class="group"><th colspan="3">Tarjetas</th></tr>',
      '<tr><td>3001</td><td>402 Payment Required</td><td>La tarjeta fue declinada.</td></tr>',
      '</table>',
      '</body></html>',
    ].join('\n');
    expect(entries(html).map((e) => [e.code, e.scene])).toEqual([
      ['1000', 'Generales'],
      ['1001', 'Generales'],
      ['3001', 'Tarjetas'],
    ]);
  });

  it('a constant under a doc comment of several lines: every constant, each with its summary line', () => {
    const php = [
      'final class StatusCode',
      '{',
      '    /**',
      '     * Request processed successfully.',
      '     *',
      '     * For OrderCreate: the order has been created and the buyer must be redirected',
      '     * to pay. The payment itself is not completed yet.',
      '     */',
      "    public const SUCCESS = 'SUCCESS';",
      '',
      '    /**',
      '     * Redirect the buyer to redirectUri.',
      '     * Used when the buyer must complete the payment on the PayU page.',
      '     */',
      "    public const WARNING_CONTINUE_REDIRECT = 'WARNING_CONTINUE_REDIRECT';",
      '}',
    ].join('\n');
    expect(entries(php).map((e) => [e.code, e.messages.en])).toEqual([
      ['SUCCESS', 'Request processed successfully.'],
      ['WARNING_CONTINUE_REDIRECT', 'Redirect the buyer to redirectUri.'],
    ]);
  });

  it('a Swift enum: a member with no raw value sends its own name; a switch is no code', () => {
    const swift = [
      'public enum PaymentErrorCode: String, Codable {',
      '    /// The card was declined by the issuer.',
      '    case cardDeclined = "card_declined"',
      '    /// Not enough funds on the account.',
      '    case insufficientFunds',
      '    /// The request timed out.',
      '    case timeout',
      '    /// An unknown error occurred.',
      '    case unknown = "unknown_error"',
      '}',
      '',
      'func describe(_ code: PaymentErrorCode) -> String {',
      '    switch code {',
      '    case .timeout:',
      '        return "t"',
      '    default:',
      '        return ""',
      '    }',
      '}',
    ].join('\n');
    const got = entries(swift);
    expect(got.map((e) => [e.code, e.messages.en])).toEqual([
      ['card_declined', 'The card was declined by the issuer.'],
      ['insufficientFunds', 'Not enough funds on the account.'],
      ['timeout', 'The request timed out.'],
      ['unknown_error', 'An unknown error occurred.'],
    ]);
    // The name is noted only where it differs from the code.
    expect(got.map((e) => e.notes.some((n) => n.startsWith('name:')))).toEqual([true, false, false, true]);
  });

  it("statuses in bold at the head of their paragraphs are codes; an object's fields in code style are not", () => {
    const statuses = [
      '# Payment statuses',
      '',
      'Every payment has a `status` field:',
      '',
      '**pending** — The payment was created and is waiting for the customer to complete it.',
      '',
      '**captured** — The payment was captured.',
      '',
      '**expired** — The customer did not complete the payment in time.',
      '',
      '**Note**: statuses may be added.',
    ].join('\n');
    expect(entries(statuses).map((e) => [e.code, e.messages.en])).toEqual([
      ['pending', 'The payment was created and is waiting for the customer to complete it.'],
      ['captured', 'The payment was captured.'],
      ['expired', 'The customer did not complete the payment in time.'],
    ]);
    const fields = [
      '## Error object',
      '',
      '- `code`: a short string that names the error',
      '- `message`: a text for people',
      '- `param`: the parameter the error is about',
      '',
      '## Errors',
      '',
      '- `card_declined`: The card was declined.',
      '- `expired_card`: The card has expired.',
      '- `invalid_amount`: The amount is not valid.',
    ].join('\n');
    expect(codes(fields)).toEqual(['card_declined', 'expired_card', 'invalid_amount']);
    // Two bold words are a note or two, not a list.
    expect(codes('**pending** — waiting.\n\n**done** — finished.\n')).toEqual([]);
  });

  it('one cell across a row heads the rows under it; a query string and a JSON example give no codes', () => {
    const html = [
      '<table>',
      '<tr><th>ReCo</th><th>Text</th><th>Description</th></tr>',
      '<tr><td colspan="3"><b>Approved</b></td></tr>',
      '<tr><td>00</td><td>APPROVED</td><td>Transaction approved.</td></tr>',
      '<tr><td colspan="3"><b>Declined</b></td></tr>',
      '<tr><td>51</td><td>DECLINED</td><td>Insufficient funds.</td></tr>',
      '<tr><td>54</td><td>DECLINED</td><td>Expired card.</td></tr>',
      '</table>',
    ].join('\n');
    const got = entries(html);
    expect(got.map((e) => [e.code, e.scene])).toEqual([
      ['00', 'Approved'],
      ['51', 'Declined'],
      ['54', 'Declined'],
    ]);
    const md = [
      'The notification is sent as a query string:',
      '',
      '```',
      'TRANSIDMERCHANT=INV-0001&AMOUNT=150000.00&RESULTMSG=FAILED&RESPONSECODE=0051&',
      'PAYMENTCHANNEL=15&WORDS=4f2a&STATUSTYPE=P',
      '```',
      '',
      '```json',
      '{',
      '  "resultCode": "W102",',
      '  "resultMsg": "잔액부족",',
      '  "tid": "WPAY2023110915301200",',
      '  "oid": "ORDER-0001"',
      '}',
      '```',
      '',
      '| Code | Message |',
      '| --- | --- |',
      '| 0051 | Insufficient funds |',
      '| 0054 | Expired card |',
    ].join('\n');
    expect(codes(md)).toEqual(['0051', '0054']);
  });

  it("a map of an enum's values to texts describes them (OpenAPI `x-` extensions)", () => {
    const yaml = [
      'components:',
      '  schemas:',
      '    Payment:',
      '      properties:',
      '        status:',
      '          type: string',
      '          enum: [initiated, paid, failed]',
      'x-payment-statuses:',
      '  initiated: The payment was created and the customer has not paid yet.',
      '  paid: The payment was completed and the amount was charged.',
      '  failed: The payment failed.',
      'x-other:',
      '  title: Not about the statuses at all',
      '  summary: Neither is this',
    ].join('\n');
    expect(entries(yaml).map((e) => [e.code, e.messages.en ?? e.details?.en])).toEqual([
      ['initiated', 'The payment was created and the customer has not paid yet.'],
      ['paid', 'The payment was completed and the amount was charged.'],
      ['failed', 'The payment failed.'],
    ]);
  });

  it('a numbered list of codes set off in bold, two to a section; a response example beside it is no code list', () => {
    const md = [
      '回應範例：',
      '',
      '```json',
      '{',
      '  "MerchantID": "000812770060201",',
      '  "RespCode": "E101",',
      '  "RespMsg": "卡片餘額不足",',
      '  "AuthCode": ""',
      '}',
      '```',
      '',
      '## 一、交易結果代碼',
      '',
      '1. **0000**：交易成功（授權完成）。',
      '2. **0001**：交易處理中，請稍後以查詢 API 確認結果。',
      '',
      '## 二、請求錯誤',
      '',
      '3. **E001**：必要欄位未填。',
      '4. **E002**：欄位格式錯誤。',
      '5. **E003**：特店代號不存在。',
      '',
      'Steps to follow:',
      '',
      '1. Open the dashboard.',
      '2. Copy the key.',
      '3. Paste it.',
    ].join('\n');
    expect(entries(md).map((e) => [e.code, e.messages['zh-Hant']])).toEqual([
      ['0000', '交易成功（授權完成）。'],
      ['0001', '交易處理中，請稍後以查詢 API 確認結果。'],
      ['E001', '必要欄位未填。'],
      ['E002', '欄位格式錯誤。'],
      ['E003', '特店代號不存在。'],
    ]);
    // The same example in an HTML page's <pre>, or in a doc comment of an SDK file.
    const kotlin = [
      '/**',
      ' * Example response:',
      ' * {',
      ' *   "resultCode": "00",',
      ' *   "referenceNo": "20240301000001",',
      ' *   "resultMessage": "Success"',
      ' * }',
      ' */',
      'enum class ResultCode(val code: String, val message: String) {',
      '    SUCCESS("00", "Success"),',
      '    DECLINED("05", "Do not honour"),',
      '    EXPIRED("54", "Expired card"),',
      '}',
    ].join('\n');
    expect(codes(kotlin)).toEqual(['00', '05', '54']);
    // A list item of a page read as text keeps no tags.
    const li = [
      '<ul>',
      '<li><b>01</b> – Pending</li>',
      '<li><b>05</b> – Processing</li>',
      '<li><b>06</b> – Sent to the bank</li>',
      '</ul>',
    ];
    expect(entries(li.join('\n')).map((e) => e.messages.en)).toEqual(['Pending', 'Processing', 'Sent to the bank']);
  });

  it('a grid table: the lines between two borders are one row, its header closed by `+===+`', () => {
    const rst = [
      '+-------------------+------------+--------------------------------+',
      '| エラーコード      | HTTP       | 説明                           |',
      '|                   | ステータス |                                |',
      '+===================+============+================================+',
      '| SUCCESS           | 200        | 決済が正常に完了しました（売上 |',
      '|                   |            | 確定）。                       |',
      '+-------------------+------------+--------------------------------+',
      '| ORDER_NOT_FOUND   | 404        | 指定された注文が見つかりません |',
      '|                   |            | 。                             |',
      '+-------------------+------------+--------------------------------+',
      '| CARD_DECLINED     | 402        | The card was declined by the   |',
      '|                   |            | issuer.                        |',
      '+-------------------+------------+--------------------------------+',
    ].join('\n');
    const got = entries(rst);
    expect(got.map((e) => [e.code, e.messages.ja ?? e.messages.en])).toEqual([
      ['SUCCESS', '決済が正常に完了しました（売上確定）。'],
      ['ORDER_NOT_FOUND', '指定された注文が見つかりません。'],
      ['CARD_DECLINED', 'The card was declined by the issuer.'],
    ]);
    expect(got[1]?.notes).toContain('HTTP ステータス: 404');
  });

  it('a sheet with semicolons under a title line; a JSON array under a comment, its code in `ErrorName`', () => {
    const csv = [
      '\ufeffP24 status codes; exported 2024-01-02',
      '"Code";"Status";"Description"',
      '"0";"SUCCESS";"Transaction verified, funds booked"',
      '"3";"REJECTED";"Payment rejected by the bank"',
      '"5";"EXPIRED";"Transaction expired; the customer did not pay in time"',
    ].join('\r\n');
    const sheet = importTable(csv, { provider: 'acme' });
    expect(sheet.format).toBe('csv');
    expect(sheet.entries.map((e) => [e.code, e.messages.en])).toEqual([
      ['0', 'Transaction verified, funds booked'],
      ['3', 'Payment rejected by the bank'],
      ['5', 'Transaction expired; the customer did not pay in time'],
    ]);
    const json = [
      '// Saferpay error names, copied from the JSON API reference',
      '[',
      '  {"ErrorName": "CARD_EXPIRED", "Behavior": "RETRY", "ErrorMessage": "The card is expired."},',
      '  {"ErrorName": "COMMUNICATION_TIMEOUT", "Behavior": "RETRY_LATER", "ErrorMessage": "Timeout; check the transaction."}',
      ']',
    ].join('\n');
    const got = importTable(json, { provider: 'acme' });
    expect(got.format).toBe('json');
    expect(got.entries.map((e) => e.code)).toEqual(['CARD_EXPIRED', 'COMMUNICATION_TIMEOUT']);
  });

  it('a .properties file in \\u escapes, under banners; a PHP array of fields per code', () => {
    const props = [
      '# ---- 交易結果 / transaction result ----',
      '0000=\\u4ea4\\u6613\\u6210\\u529f',
      '0001=\\u4ea4\\u6613\\u8655\\u7406\\u4e2d',
      'E1001 = \\u9918\\u984d\\u4e0d\\u8db3',
    ].join('\n');
    expect(entries(props).map((e) => [e.code, e.messages['zh-Hant']])).toEqual([
      ['0000', '交易成功'],
      ['0001', '交易處理中'],
      ['E1001', '餘額不足'],
    ]);
    const php = [
      '<?php',
      'return [',
      "    'ERR_3005' => ['message' => 'You submitted an incorrect CVV value.', 'retry' => false],",
      "    'ERR_3006' => ['message' => 'You submitted an expired card.', 'retry' => false],",
      "    'ERR_5001' => ['message' => 'The system is busy. Try again later.', 'retry' => true],",
      '];',
    ].join('\n');
    expect(entries(php).map((e) => [e.code, e.messages.en])).toEqual([
      ['ERR_3005', 'You submitted an incorrect CVV value.'],
      ['ERR_3006', 'You submitted an expired card.'],
      ['ERR_5001', 'The system is busy. Try again later.'],
    ]);
  });

  it("OpenAPI: an enum described in its schema's text; responses, parameters and currencies are no codes", () => {
    const spec = {
      openapi: '3.0.0',
      paths: {
        '/payments/{referenceId}': {
          get: {
            parameters: [{ name: 'referenceId', in: 'path', required: true }],
            responses: { '200': { description: 'OK' }, '404': { description: 'Not found' } },
          },
        },
      },
      components: {
        schemas: {
          Request: { properties: { currency: { type: 'string', enum: ['SGD', 'MYR', 'HKD'] } } },
          PaymentStatus: {
            type: 'string',
            description: 'Status of the payment.\n\n- `PROCESSING`: Waiting for the customer.\n- `PAID`: The customer has paid.',
            enum: ['PROCESSING', 'PAID'],
          },
        },
      },
    };
    expect(entries(JSON.stringify(spec, null, 2)).map((e) => [e.code, e.messages.en])).toEqual([
      ['PROCESSING', 'Waiting for the customer.'],
      ['PAID', 'The customer has paid.'],
    ]);
  });

  it('a code cell with a code per line gives each code the row', () => {
    const md = [
      '| 상태 | 코드 | 메시지 |',
      '| --- | --- | --- |',
      '| ❌ | ST01 | 잔액 부족 |',
      '| ❌ | ST02<br>ST12 | 유효기간 오류 |',
      '| ✅ | 0000 | 정상 처리 |',
    ].join('\n');
    expect(codes(md)).toEqual(['ST01', 'ST02', 'ST12', '0000']);
  });

  it('columns headed by a language name hold texts in that language, Japanese beside Chinese too', () => {
    const md = [
      '| Code | English | 简体中文 | 繁體中文 | 日本語 |',
      '|---|---|---|---|---|',
      '| PR001 | Request created. | 请求已创建，等待顾客付款。 | 請求已建立，等待顧客付款。 | 支払リクエストが作成されました。 |',
      '| PR005 | Request expired. | 请求已过期。 | 請求已過期。 | リクエストの有効期限が切れました。 |',
    ].join('\n');
    expect(entries(md)[0]?.messages).toEqual({
      en: 'Request created.',
      'zh-Hans': '请求已创建，等待顾客付款。',
      'zh-Hant': '請求已建立，等待顧客付款。',
      ja: '支払リクエストが作成されました。',
    });
  });

  it('an XML Schema enumeration with its documentation, and a C# enum whose attributes hold the code', () => {
    const xsd = [
      '<xs:simpleType name="ResponseCode">',
      '  <xs:restriction base="xs:string">',
      '    <xs:enumeration value="OK">',
      '      <xs:annotation><xs:documentation>Transaction OK.</xs:documentation></xs:annotation>',
      '    </xs:enumeration>',
      '    <xs:enumeration value="14">',
      '      <xs:annotation>',
      '        <xs:documentation>Invalid card number &amp; check digit.</xs:documentation>',
      '      </xs:annotation>',
      '    </xs:enumeration>',
      '    <xs:enumeration value="99"/>',
      '  </xs:restriction>',
      '</xs:simpleType>',
    ].join('\n');
    expect(entries(xsd).map((e) => [e.code, e.messages.en, e.source.line])).toEqual([
      ['OK', 'Transaction OK.', 3],
      ['14', 'Invalid card number & check digit.', 6],
      ['99', undefined, 11],
    ]);
    const cs = [
      'public enum ResponseCode',
      '{',
      '    /// <summary>',
      '    /// Approved by Financial Institution.',
      '    /// </summary>',
      '    /// <remarks>Give value to the customer.</remarks>',
      '    [EnumMember(Value = "00")]',
      '    [Description("Approved by Financial Institution")]',
      '    ApprovedByFinancialInstitution,',
      '',
      '    [EnumMember(Value = "51")]',
      '    [Description("Insufficient Funds")]',
      '    InsufficientFunds,',
      '}',
    ].join('\n');
    const e = entries(cs);
    expect(e.map((x) => [x.code, x.messages.en])).toEqual([
      ['00', 'Approved by Financial Institution'],
      ['51', 'Insufficient Funds'],
    ]);
    expect(e[0]?.details?.en).toBe('Approved by Financial Institution. Give value to the customer.');
    expect(e[1]?.notes.join(' ')).toContain('InsufficientFunds');
  });

  it('bullets with sub-bullets under them, and codes set off by a full-width space', () => {
    const notion = [
      '- **E1001** — Card declined by issuer',
      '  - Usually a generic decline; the issuer gave no reason.',
      '- **E1002** — Insufficient funds',
      '  - Retry after 24h.',
      '- **E1003** — Expired card',
    ].join('\n');
    expect(entries(notion).map((e) => [e.code, e.messages.en])).toEqual([
      ['E1001', 'Card declined by issuer'],
      ['E1002', 'Insufficient funds'],
      ['E1003', 'Expired card'],
    ]);
    const zh = 'JKO-0000\u3000交易成功\nJKO-1001\u3000參數錯誤\nJKO-2002\u3000用戶餘額不足\n';
    expect(entries(zh).map((e) => [e.code, e.messages['zh-Hant']])).toEqual([
      ['JKO-0000', '交易成功'],
      ['JKO-1001', '參數錯誤'],
      ['JKO-2002', '用戶餘額不足'],
    ]);
  });

  it('a "what to do" column is the next step, not the message', () => {
    const md =
      '| Code | Meaning | What to do |\n|---|---|---|\n| `APPROVED` | Transaction approved | Nothing; fulfil the order |\n| `DECLINED` | Declined by the issuer | Ask the customer to use another card |\n';
    const es = entries(md);
    expect(es.map((e) => e.messages.en)).toEqual(['Transaction approved', 'Declined by the issuer']);
    expect(es[1]?.details).toEqual({ en: 'Ask the customer to use another card' });
  });

  it('a PHP array of messages', () => {
    const text = "<?php\nreturn [\n    'E001' => 'Invalid card number',\n    'E002' => 'Card expired',\n];\n";
    expect(importTable(text, { provider: 'acme' }).entries.map((e) => [e.code, e.messages.en])).toEqual([
      ['E001', 'Invalid card number'],
      ['E002', 'Card expired'],
    ]);
  });
});

describe('import: codes lose their presentation, nothing else', () => {
  it('backticks, bold, quotes and links go; case and leading zeros stay', () => {
    const text =
      '| Code | Message |\n|---|---|\n| **E01** | Bold |\n| "e02" | Quoted |\n| [E03](#e03) | Linked |\n| `0004` | Ticked |\n| E_05 | Plain |\n';
    expect(importTable(text, { provider: 'acme' }).entries.map((e) => e.code)).toEqual(['E01', 'e02', 'E03', '0004', 'E_05']);
  });
});
