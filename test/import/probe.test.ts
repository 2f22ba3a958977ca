import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importTable } from '../../src/import/index.js';
import { ROOT } from '../helpers/paths.js';

// Documents a probe wrote and the importer was then fixed on (see the folder's README).
const DIR = resolve(ROOT, 'test/fixtures/import-probe');
const read = (file: string) => importTable(readFileSync(resolve(DIR, file), 'utf8'), { provider: 'acme' }, false);
const expected = (file: string) =>
  readFileSync(resolve(DIR, `${file}.expected`), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
const FILES = [
  'airwallex.txt',
  'paypay.html',
  'ogone-status.py.txt',
  'midtrans.md',
  'xendit.md',
  'naverpay.md',
  'sbps.txt',
  'linepay.md',
  'moyasar.yaml',
  'windcave.html',
  'doku.md',
  'welcomepay.md',
  'maya.html',
  'taishin.md',
  'rakuten-pay.rst',
  'vnpay.html',
  'gbprimepay.kt.txt',
  'saferpay.json',
  'p24.csv',
  'yeahpay.properties',
  'paysafe.php.txt',
  'atome.json',
  'redsys.html',
  'mpesa-daraja.md',
  'transbank.md',
  'paytabs.wiki',
  '99bill.xsd',
  'epsilon.sql',
  'esun.html',
  'gcash.proto',
  'tap.ts.txt',
  'galaxia.csv',
  'octopus.md',
  'yahoo-wallet.xml',
  'hitpay.rs.txt',
  'payu-pl.toml',
  'payzen.md',
  'opay-tw.md',
  'cashfree.html',
  'conekta.md',
  'paystack.md',
  'ksnet.txt',
  'flutterwave.txt',
  'veritrans.md',
  'allinpay.txt',
  'billplz.yaml',
  'alipay-cn.txt',
  'juspay.md',
  'faspay.txt',
  'tyro.txt',
  'dragonpay.txt',
  'merpay.txt',
  'payfast.txt',
  'vivawallet.json',
  'pagbank.html',
  'opayo.md',
  'trustly.html',
  'npci-upi.txt',
  'dlocal.html',
  'onepay.html',
  'kushki.txt',
  'airwallex-payments.md',
  'fps-hk.txt',
  'stone.json',
  'converge.txt',
  'buckaroo.csv',
  'yookassa.md',
  'payeezy.txt',
  'hipay.html',
  'payment-asia.txt',
  'gocardless.txt',
  'openpay-mx.txt',
  'peach-payments.txt',
  'rede.md',
  'dbs-rapid.html',
  'paynamics.tsv',
];

describe('import: documents a probe wrote', () => {
  it.each(FILES)('%s: every code, and nothing else', (file) => {
    const codes = read(file).entries.map((e) => e.code);
    const want = expected(file);
    expect(codes.filter((c) => !want.includes(c))).toEqual([]);
    expect(want.filter((c) => !codes.includes(c))).toEqual([]);
  });

  it("a PDF table centres the code in its wrapped row: the text above the code line is the row's", () => {
    const r = read('npci-upi.txt');
    const text = (code: string) => r.entries.find((e) => e.code === code)?.messages.en;
    expect(text('U17')).toBe('PSP is not registered');
    expect(text('U18')).toBe('Request authorisation acknowledgement is not received');
    // Its first word looks like a code, but it stands under the text column.
    expect(text('U26')).toBe('PSP Request credit pay acknowledgement is not received');
    expect(text('U54')).toBe('Transaction Id or Amount in credential block does not match with that in ReqPay');
    expect(text('Z8')).toBe('Per transaction limit exceeded as set by remitting member');
  });

  it('cards copied one cell per line under column titles: a row per block, the HTTP status a note', () => {
    const r = read('airwallex.txt');
    expect(r.entries).toHaveLength(30);
    const v = r.entries.find((e) => e.code === 'validation_error');
    expect(v?.messages.en).toBe(
      'The request failed validation. Check the source field for the parameter that failed and correct the request.',
    );
    expect(v?.notes).toContain('HTTP status: 400');
    const lost = r.entries.find((e) => e.code === 'lost_card');
    expect(lost?.details?.en).toBe('Do not retry.');
  });

  it('"コード" beside "コードID": the code, with its ID as a note; a "get details" section is a query', () => {
    const r = read('paypay.html');
    const s = r.entries.find((e) => e.code === 'SUCCESS');
    expect(s?.notes.some((n) => /コードID: \d{8}/.test(n))).toBe(true);
    expect(new Set(r.entries.map((e) => e.flow))).toEqual(new Set(['any', 'query', 'payment', 'cancel']));
  });

  it('constants and a dict of descriptions: one entry per code, with the description and the constant', () => {
    const r = read('ogone-status.py.txt');
    expect(r.entries).toHaveLength(40);
    const e = r.entries.find((x) => x.code === '64');
    expect(e?.messages).toEqual({ en: 'Authorised and cancelled' });
    expect(e?.notes.join(' ')).toContain('AUTHORISED_AND_CANCELLED_64');
    expect(r.entries.every((x) => x.section === undefined)).toBe(true);
  });

  it('a class of HTTP statuses heads its rows; a JSON example gives no codes and no language', () => {
    const m = read('midtrans.md');
    expect(m.entries.find((e) => e.code === '201')?.scene).toBe('2xx Success');
    expect(read('xendit.md').languages).toEqual(['en']);
  });

  it('what the merchant does is the details, not the message; Japanese wrapped by a PDF joins with no space', () => {
    const n = read('naverpay.md').entries[0];
    expect(n?.messages).toEqual({ ko: '결제 인증 성공' });
    expect(n?.details?.ko).toBe('10분 이내에 결제 승인 API를 호출해야 합니다.');
    const g = read('sbps.txt').entries.find((e) => e.code === 'G12');
    expect(g?.details?.ja).toBe('購入者にカード会社へ問い合わせるよう依頼してください。');
  });

  it('the "Check Payment Status API" table is on the query flow; a heading repeated under two APIs names its API', () => {
    const r = read('linepay.md');
    expect(new Set(r.entries.map((e) => e.section))).toEqual(
      new Set(['Request API › レスポンスコード', 'Confirm API › レスポンスコード', 'Response code']),
    );
    const last = r.entries[r.entries.length - 1];
    expect(last?.section).toBe('Response code');
    expect(r.entries.filter((e) => e.section === 'Response code').every((e) => e.flow === 'query')).toBe(true);
  });

  it('an OpenAPI enum of statuses takes its texts from a map of the same values elsewhere in the file', () => {
    const r = read('moyasar.yaml');
    const paid = r.entries.find((e) => e.code === 'paid');
    expect(paid?.messages.en).toBe('The payment was completed and the amount was charged.');
    const statuses = ['initiated', 'paid', 'authorized', 'captured', 'failed', 'refunded', 'voided'];
    expect(r.entries.filter((e) => statuses.includes(e.code)).every((e) => (e.messages.en ?? '') !== '')).toBe(true);
  });

  it('a cell across the row heads the rows under it, in a Confluence page and a plain HTML table', () => {
    expect(read('windcave.html').entries.find((e) => e.code === '00')?.scene).toBe('Approved');
    expect(read('maya.html').entries.find((e) => e.code === 'PY0016')?.scene).toBe('System');
  });

  it('a grid table keeps each wrapped cell whole, and its HTTP status column is no code column', () => {
    const r = read('rakuten-pay.rst');
    const nf = r.entries.find((e) => e.code === 'ORDER_NOT_FOUND');
    expect(nf?.flow).toBe('query');
    expect(nf?.notes).toContain('HTTP ステータス: 404');
    expect(r.entries.find((e) => e.code === 'AUTHORIZED')?.messages.ja).toBe(
      '与信（オーソリ）が完了しました。売上確定APIを呼び出してください。',
    );
  });

  it('a Vietnamese query section is the query flow; list items lose their tags', () => {
    const r = read('vnpay.html');
    expect(r.entries.filter((e) => e.section?.includes('querydr')).every((e) => e.flow === 'query')).toBe(true);
    expect(r.entries.every((e) => !Object.values(e.messages).some((m) => m.includes('<')))).toBe(true);
  });

  it('a .properties file in \\u escapes reads as Chinese; a PHP array of fields gives its message alone', () => {
    const y = read('yeahpay.properties').entries.find((e) => e.code === '0000');
    expect(y?.messages).toEqual({ 'zh-Hant': '交易成功' });
    const p = read('paysafe.php.txt').entries.find((e) => e.code === 'STATUS_COMPLETED');
    expect(p?.messages.en).toBe('The payment is completed. Funds have been captured.');
  });

  it('an SQL seed: the rows of its INSERTs into a table named for codes, titled by the comment above', () => {
    const r = read('epsilon.sql');
    const g02 = r.entries.find((e) => e.code === 'G02');
    expect(g02?.messages.ja).toBe('残高不足');
    expect(g02?.details?.ja).toBe('購入者に別のカードでの決済、またはカード会社への問い合わせを依頼してください。');
    expect(g02?.scene).toBe('カード決済（カード会社からの応答コード）');
    const codes = r.entries.map((e) => e.code);
    // `settlement_types` is not named for codes; SET, DROP and CREATE are statements.
    for (const c of ['10000-0000-00000', 'SET', 'DROP', 'CREATE', 'INSERT']) expect(codes).not.toContain(c);
  });

  it('a Protocol Buffers file: enum members by name, their comments as the message; the unspecified zero is none', () => {
    const r = read('gcash.proto');
    const s = r.entries.find((e) => e.code === 'S');
    expect(s?.messages.en).toMatch(/^Success\. The request was processed successfully\./);
    expect(s?.section).toBe('ResultStatus');
    const codes = r.entries.map((e) => e.code);
    for (const c of ['RESULT_CODE_UNSPECIFIED', 'proto3', '1', '12']) expect(codes).not.toContain(c);
  });

  it('a list in a doc comment (` * - `CAPTURED` – …`) is read as a list', () => {
    const captured = read('tap.ts.txt').entries.find((e) => e.code === 'CAPTURED');
    expect(captured?.messages.en).toBe('The charge was successful and the funds were captured.');
  });

  it('a MediaWiki page: `{| … |}` tables, `== … ==` headings, and no `__TOC__` label', () => {
    const r = read('paytabs.wiki');
    const ok = r.entries.find((e) => e.code === '100');
    expect(ok?.messages.en).toBe('Payment is completed Successfully.');
    expect(ok?.notes).toContain('Status: Success');
    expect(ok?.section).toBe('Response codes');
    expect(r.entries.find((e) => e.code === '810')).toMatchObject({ flow: 'refund', section: 'Refund' });
    expect(r.entries.find((e) => e.code === '4404')?.messages.en).toBe("You don't have permissions to create an Invoice");
  });

  it('a sheet under a title padded to its width: the title is no header, each group label heads its rows', () => {
    const r = read('galaxia.csv');
    expect(r.entries.find((e) => e.code === '1001')).toMatchObject({ messages: { ko: '카드사 승인 거절' }, scene: '신용카드' });
    expect(r.entries.find((e) => e.code === '2001')).toMatchObject({ messages: { ko: '가상계좌 발급 완료' }, scene: '가상계좌' });
  });

  it('a column titled "message" that holds ids beside a description: the description is the message', () => {
    const sis = read('redsys.html').entries.find((e) => e.code === 'SIS0007');
    expect(sis?.messages.es).toMatch(/^Error al desmontar el XML de entrada/);
    expect(sis?.notes).toContain('Mensaje: MSG0008');
  });

  it('no codes from a JSON example, its fields table, an HTTP request, test cards, endpoints, or a list of banks', () => {
    const none = (file: string, codes: string[]) => {
      const got = read(file).entries.map((e) => e.code);
      for (const c of codes) expect(got, `${file}: ${c}`).not.toContain(c);
    };
    none('transbank.md', ['amount', 'buy_order', 'card_detail.card_number', '597055555532', 'application/json', 'VISA', 'Redcompra']);
    none('esun.html', ['RC', 'MID', 'RRN', 'AN']);
    none('octopus.md', ['code', 'message', 'requestId', 'orderId']);
    none('mpesa-daraja.md', ['Sandbox', 'Production']);
    none('99bill.xsd', ['ICBC', 'CMB', 'PSBC']);
    none('paytabs.wiki', ['card_type', 'card_scheme', 'payment_description']);
  });

  it('XML records: each <Error> gives its <Code> and its <Message>, the sample response none of its fields', () => {
    const r = read('yahoo-wallet.xml');
    expect(r.entries.find((e) => e.code === 'E9999')?.messages.ja).toBe('システムエラーが発生しました');
    const codes = r.entries.map((e) => e.code);
    for (const c of ['1080', 'JPY', 'VISA', '4242', '9999']) expect(codes).not.toContain(c);
  });

  it('Rust enums by the names serde sends: rename_all, or a variant of its own rename; doc comments as messages', () => {
    const r = read('hitpay.rs.txt');
    expect(r.entries.find((e) => e.code === 'partially_refunded')?.messages.en).toBe(
      'Part of the charge amount was refunded; the rest remains captured.',
    );
    expect(r.entries.find((e) => e.code === 'invalid_api_key')?.notes).toContain('name: InvalidApiKey');
    const codes = r.entries.map((e) => e.code);
    for (const c of ['API_BASE_URL', 'ApiError', 'self', 'PartiallyRefunded']) expect(codes).not.toContain(c);
  });

  it('Python: enum members with plain-word values and docstrings under them; dict values split over lines', () => {
    const r = read('instamojo.py.txt');
    expect(r.entries.find((e) => e.code === 'Credit')?.messages.en).toBe(
      'Payment was successful and the amount has been credited to the merchant.',
    );
    expect(r.entries.find((e) => e.code === 'authentication_failed')?.messages.en).toBe(
      'Authentication credentials were not provided or the access token is invalid or expired. Generate a new token and try again.',
    );
    expect(r.entries.map((e) => e.code)).not.toContain('str');
  });

  it('a page saved from Excel: its style sheet gives no codes', () => {
    const r = read('worldline-sips.html');
    expect(r.entries.find((e) => e.code === '05')?.messages.fr).toBe('Autorisation refusée');
    const codes = r.entries.map((e) => e.code);
    for (const c of ['mso-number-format', 'auto', 'black', 'padding', '11.0pt']) expect(codes).not.toContain(c);
  });

  it('text from a PDF: a pipe-delimited message format is no table; a header titled `RefStatus` names two codes', () => {
    const r = read('billdesk.txt');
    expect(r.entries.find((e) => e.code === '0799')?.messages.en).toBe('Refund processed successfully');
    expect(r.entries.find((e) => e.code === '0699')).toBeDefined();
    const codes = r.entries.map((e) => e.code);
    for (const c of ['MerchantID', 'TxnType', 'AuthStatus', 'CheckSum', 'Filler1']) expect(codes).not.toContain(c);
  });

  it('a TOML file: each section with a text key is a code, settings are none; Polish is tagged pl', () => {
    const r = read('payu-pl.toml');
    const e = r.entries.find((x) => x.code === 'ERROR_VALUE_INVALID');
    expect(e?.messages).toEqual({
      pl: 'Co najmniej jedna z wymaganych wartości jest nieprawidłowa.',
      en: 'One or more required values are incorrect.',
    });
    const codes = r.entries.map((x) => x.code);
    for (const c of ['api', 'base_url', 'logging', 'headers', 'INFO']) expect(codes).not.toContain(c);
  });

  it('a form post and its fields (`vads_amount=4525`) give no codes', () => {
    const codes = read('payzen.md').entries.map((e) => e.code);
    for (const c of ['4525', 'FULL', 'TEST', '978', 'INTERACTIVE']) expect(codes).not.toContain(c);
  });

  it('a Postman collection: the table in its markdown description, and no request headers or form fields', () => {
    const r = read('baofoo.postman.json');
    const e = r.entries.find((x) => x.code === 'BF00103');
    expect(e?.messages['zh-Hans']).toBe('账户余额不足');
    expect(e?.section).toBe('返回码说明');
    const codes = r.entries.map((x) => x.code);
    expect(codes).toContain('0000');
    for (const c of ['Content-Type', 'terminal_id', 'txn_type', 'member_id', 'base_url']) expect(codes).not.toContain(c);
  });

  it('blocks of labelled lines (`エラーコード: MP-4001` / `説明: …`): one code per block, the other labels as notes', () => {
    const r = read('merpay.txt');
    const codes = r.entries.map((x) => x.code);
    expect(codes.filter((c) => c.startsWith('MP-'))).toHaveLength(26);
    const e = r.entries.find((x) => x.code === 'MP-4001');
    expect(e?.messages.ja).toBe('リクエストパラメータの形式または値が不正です。');
    expect(e?.notes).toContain('エラー名: INVALID_PARAMETER');
  });
});
