import { describe, expect, it } from 'vitest';
import { importTable } from '../../src/import/index.js';

/** Headings that name a flow set the flow of the tables under them, until the next heading of the same or a higher level. */

const flows = (text: string) => importTable(text, { provider: 'acme' }, false).entries.map((e) => [e.code, e.flow]);

/** A markdown section: a heading and a Code | Message table. */
const section = (heading: string, rows: [string, string][], level = 2) =>
  [`${'#'.repeat(level)} ${heading}`, '', '| Code | Message |', '|---|---|', ...rows.map(([c, m]) => `| ${c} | ${m} |`), ''].join('\n');

describe('import: section headings set the flow', () => {
  it('a `## Payment` section and a `## Refund` section (a newcomer’s table)', () => {
    const doc = [
      '# Acme Pay response codes',
      '',
      section('Payment', [
        ['A000', 'Payment successful'],
        ['A101', 'Insufficient balance'],
        ['A199', 'System busy, query the order later'],
      ]),
      section('Refund', [
        ['R000', 'Refund accepted'],
        ['R101', 'Refund amount exceeds the original payment'],
      ]),
    ].join('\n');
    expect(flows(doc)).toEqual([
      ['A000', 'payment'],
      ['A101', 'payment'],
      ['A199', 'payment'],
      ['R000', 'refund'],
      ['R101', 'refund'],
    ]);
  });

  // The headings a provider writes in each language the catalog holds.
  const languages: [lang: string, payment: string, refund: string, cancel: string, query: string][] = [
    ['en', 'Payments API', 'Refunds', 'Cancellation', 'Query'],
    ['zh-Hant', '付款', '退款', '取消授權', '查詢'],
    ['zh-Hans', '支付', '退款', '撤销', '查询'],
    ['ko', '결제', '환불', '결제취소', '조회'],
    ['ja', '決済', '返金', 'キャンセル', '照会'],
    ['es', 'Pagos', 'Reembolsos', 'Cancelaciones', 'Consultas'],
  ];
  it.each(languages)('%s headings', (_, payment, refund, cancel, query) => {
    const doc = [
      section(payment, [['P1', 'ok']]),
      section(refund, [['R1', 'ok']]),
      section(cancel, [['C1', 'ok']]),
      section(query, [['Q1', 'ok']]),
    ].join('\n');
    expect(flows(doc)).toEqual([
      ['P1', 'payment'],
      ['R1', 'refund'],
      ['C1', 'cancel'],
      ['Q1', 'query'],
    ]);
  });

  it('holds for deeper headings until a heading of the same or a higher level', () => {
    const doc = [
      '# Acme API',
      '',
      '## Refund',
      '',
      section('Errors', [['R1', 'Refund too large']], 3),
      section('Limits', [['R2', 'Daily refund limit reached']], 3),
      section('Common errors', [['G1', 'Signature invalid']]),
      section('Appendix', [['X1', 'Unknown']], 1),
    ].join('\n');
    expect(flows(doc)).toEqual([
      ['R1', 'refund'],
      ['R2', 'refund'],
      ['G1', 'any'],
      ['X1', 'any'],
    ]);
  });

  it('a lone title that says "payment" does not make every code a payment code; a sibling section does', () => {
    const alone = section('Payment Error Code', [['E1', 'Bad request']]);
    expect(flows(alone)).toEqual([['E1', 'any']]);
    expect(flows(`${alone}\n${section('Refund Error Code', [['E2', 'Refund refused']])}`)).toEqual([
      ['E1', 'payment'],
      ['E2', 'refund'],
    ]);
  });

  it('a row’s own scene comes before the heading', () => {
    const doc = [
      '## Refund',
      '',
      '| Scene | Code | Message |',
      '|---|---|---|',
      '| 撤销 | C1 | Void refused |',
      '| 退款 | R1 | Refund refused |',
    ].join('\n');
    expect(flows(doc)).toEqual([
      ['C1', 'cancel'],
      ['R1', 'refund'],
    ]);
  });

  it('setext headings and HTML headings', () => {
    const setext = [
      'Payment',
      '=======',
      '',
      '| Code | Message |',
      '|---|---|',
      '| P1 | ok |',
      '',
      'Refund',
      '======',
      '',
      '| Code | Message |',
      '|---|---|',
      '| R1 | ok |',
    ].join('\n');
    expect(flows(setext)).toEqual([
      ['P1', 'payment'],
      ['R1', 'refund'],
    ]);
    const table = (code: string) => `<table><tr><th>Code</th><th>Message</th></tr><tr><td>${code}</td><td>ok</td></tr></table>`;
    const html = `<h1>Acme</h1><h2>Payment</h2>${table('P1')}<h2>Refund</h2><h3>Errors</h3>${table('R1')}<h2>Notes</h2>${table('N1')}`;
    expect(flows(html)).toEqual([
      ['P1', 'payment'],
      ['R1', 'refund'],
      ['N1', 'any'],
    ]);
  });
});
