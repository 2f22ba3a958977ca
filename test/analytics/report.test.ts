import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ReportFigures } from '../../src/analytics/figures.js';
import { normalize } from '../../src/normalize.js';
import { runCli } from '../helpers/run.js';

const dir = mkdtempSync(join(tmpdir(), 'paycodes-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SCRIPTY = '新錯誤, <script>alert(1)</script>';

/** 21 lines: 13 records, 6 unreadable, 2 blank; a BOM, a CRLF, a numeric code and no final newline. */
const NDJSON = Buffer.concat([
  Buffer.from([0xef, 0xbb, 0xbf]),
  Buffer.from(
    [
      '{"id":"1","ts":"2026-11-01T10:05:00Z","provider":"qfpay","flow":"payment","code":"0000","amount":100.10,"currency":"HKD"}',
      '{"id":"2","ts":"2026-11-01T10:40:00Z","provider":"qfpay","flow":"payment","code":"1201","amount":50,"currency":"HKD"}\r',
      '{"id":"3","ts":"2026-11-01T11:15:00Z","provider":"qfpay","flow":"payment","code":"1201","amount":"25.50","currency":"hkd"}',
      '{"id":"4","ts":"2026-11-01T11:20:00Z","provider":"qfpay","flow":"payment","code":"1143","amount":0.20,"currency":"HKD"}',
      '{"id":"5","ts":"2026-11-01T12:00:00Z","provider":"eftpay","flow":"payment","code":"00","amount":10.10,"currency":"HKD"}',
      '{"id":"6","ts":"2026-11-01T12:30:00Z","provider":"eftpay","flow":"refund","code":16,"amount":7,"currency":"HKD"}',
      '{"id":"7","ts":"2026-11-01T12:45:00Z","provider":"eftpay","flow":"payment","code":"16","amount":3.30,"currency":"HKD"}',
      `{"id":"8","ts":"2026-11-01T13:00:00Z","provider":"qfpay","flow":"payment","code":"9999","message":${JSON.stringify(SCRIPTY)},"amount":1,"currency":"HKD"}`,
      '{"id":"9","provider":"qfpay","code":"9999","message":"another\\ntext","amount":2,"currency":"HKD"}',
      '{"id":"10","ts":"2026-11-01T13:30:00Z","provider":"acme","flow":"payment","code":"X1","amount":5,"currency":"USD"}',
      '{"id":"11","ts":"2026-11-01T14:00:00Z","provider":"subotiz","flow":"payment","code":"100000","amount":19.99,"currency":"USD"}',
      '{"id":"12","ts":"2026-11-01T14:10:00Z","provider":"ottpay","flow":"payment","code":"PROCESSING","currency":"CAD"}',
      '',
      '   ',
      '{"id":"15", "provider":"qfpay"',
      '[1,2]',
      '{"provider":"qfpay","flow":"payment"}',
      '{"provider":"qfpay","code":"0000","flow":"teleport"}',
      '',
      '{"code":"0000"}',
      '{"id":"21","ts":"2026-11-01T15:59:59Z","provider":"ottpay","flow":"payment","code":"NOTPAY","amount":4.5,"currency":"CAD"}',
    ].join('\n'),
  ),
]);
// Line 19 carries bytes that are not UTF-8.
const BAD_UTF8 = (() => {
  const lines = NDJSON.toString('utf8').split('\n');
  lines[18] = '\u0000MARK';
  const text = lines.join('\n');
  const at = Buffer.from(text).indexOf('\u0000MARK');
  const b = Buffer.from(text);
  return Buffer.concat([
    b.subarray(0, at),
    Buffer.from('{"provider":"qfpay","code":"'),
    Buffer.from([0xc3, 0x28, 0xff]),
    Buffer.from('"}'),
    b.subarray(at + 5),
  ]);
})();

// Records 8 and 9 (qfpay 9999 with a message) are read by the classifier: the figures count them
// as normalize() reads them, whatever that is. Record 8 is HKD 1 at 13:00, record 9 HKD 2 with no time.
const classifiedOutcomes = [
  normalize({ provider: 'qfpay', code: '9999', message: SCRIPTY, flow: 'payment' }).outcome,
  normalize({ provider: 'qfpay', code: '9999', message: 'another\ntext' }).outcome,
] as const;
const CLASSIFIED = [
  { outcome: classifiedOutcomes[0], amount: 1 },
  { outcome: classifiedOutcomes[1], amount: 2 },
];
const countOf = (outcome: string) => CLASSIFIED.filter((c) => c.outcome === outcome).length;
const amountOf = (outcome: string) => CLASSIFIED.filter((c) => c.outcome === outcome).reduce((a, c) => a + c.amount, 0);
const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;

// The other eleven records, as the catalog reads them.
const EXPECTED_OUTCOMES = {
  succeeded: 2 + countOf('succeeded'),
  pending: 4 + countOf('pending'),
  failed: 3 + countOf('failed'),
  unknown: 2 + countOf('unknown'),
};

const hkdPending = { records: 2 + countOf('pending'), amount: round(3.5 + amountOf('pending'), 2) };
const hkdUnknown = { records: 1 + countOf('unknown'), amount: round(10.1 + amountOf('unknown'), 2) };
const hkdQueue = { records: hkdPending.records + hkdUnknown.records, amount: round(hkdPending.amount + hkdUnknown.amount, 2) };

const EXPECTED_RECONCILIATION = [
  {
    currency: 'HKD',
    total: { records: 9, amount: 199.2 },
    pending: hkdPending,
    unknown: hkdUnknown,
    queue: { ...hkdQueue, share: round(hkdQueue.records / 9, 4), amountShare: round(hkdQueue.amount / 199.2, 4) },
    withoutAmount: 0,
    // eftPay 00 with no state: in the queue, but shown apart, and not the oldest money in doubt.
    acceptedNoState: { records: 1, amount: 10.1 },
    oldestInDoubt: '2026-11-01T11:20:00.000Z',
  },
  {
    currency: 'USD',
    total: { records: 2, amount: 24.99 },
    pending: { records: 0, amount: 0 },
    unknown: { records: 1, amount: 5 },
    queue: { records: 1, amount: 5, share: 0.5, amountShare: 0.2001 },
    withoutAmount: 0,
    acceptedNoState: { records: 0, amount: 0 },
    oldestInDoubt: '2026-11-01T13:30:00.000Z',
  },
  {
    currency: 'CAD',
    total: { records: 2, amount: 4.5 },
    pending: { records: 2, amount: 4.5 },
    unknown: { records: 0, amount: 0 },
    queue: { records: 2, amount: 4.5, share: 1, amountShare: 1 },
    withoutAmount: 1,
    acceptedNoState: { records: 0, amount: 0 },
    oldestInDoubt: '2026-11-01T14:10:00.000Z',
  },
];

// The 13:00 hour holds acme X1 (unknown) and record 8.
const at13 = (outcome: string) => (outcome === 'unknown' ? 1 : 0) + (classifiedOutcomes[0] === outcome ? 1 : 0);
const EXPECTED_SERIES = [
  ['2026-11-01T10:00:00.000Z', 1, 0, 1, 0],
  ['2026-11-01T11:00:00.000Z', 0, 1, 1, 0],
  ['2026-11-01T12:00:00.000Z', 0, 1, 1, 1],
  ['2026-11-01T13:00:00.000Z', at13('succeeded'), at13('pending'), at13('failed'), at13('unknown')],
  ['2026-11-01T14:00:00.000Z', 1, 1, 0, 0],
  ['2026-11-01T15:00:00.000Z', 0, 1, 0, 0],
].map(([start, succeeded, pending, failed, unknown]) => ({ start, succeeded, pending, failed, unknown }));

function reasonsOf(f: ReportFigures): Array<[string, string, number, number, string]> {
  return f.reasons.map((g) => [
    g.provider,
    g.flow,
    g.records,
    g.notSucceeded,
    g.top.map((r) => `${r.unified}:${r.outcome}:${r.count}:${r.share}`).join(','),
  ]);
}

// The two qfpay 9999 records carry messages, so the classifier reads them: the report must say what
// normalize() says of the same record, whatever that is.
const read = (message: string, flow?: 'payment') => {
  const d = normalize({ provider: 'qfpay', code: '9999', message, ...(flow ? { flow } : {}) });
  return `${d.unified}:${d.outcome}`;
};

const EXPECTED_REASONS = [
  ['acme', 'payment', 1, 1, 'unmapped:unknown:1:1'],
  ['eftpay', 'payment', 2, 2, 'order_not_paid:pending:1:0.5,request_accepted:unknown:1:0.5'],
  ['eftpay', 'refund', 1, 1, 'order_not_paid:failed:1:1'],
  ['ottpay', 'payment', 2, 2, 'order_not_paid:pending:1:0.5,processing:pending:1:0.5'],
  ['qfpay', 'any', 1, 1, `${read('another\ntext')}:1:1`],
  ['qfpay', 'payment', 5, 4, `insufficient_funds:failed:2:0.5,awaiting_customer:pending:1:0.25,${read(SCRIPTY, 'payment')}:1:0.25`],
  ['subotiz', 'payment', 1, 0, ''],
];

describe('paycodes report on a crafted NDJSON log', () => {
  const file = join(dir, 'crafted.ndjson');
  const html = join(dir, 'crafted.html');
  writeFileSync(file, BAD_UTF8);

  it('counts every line once: records + rejected + blank', async () => {
    const r = await runCli(['report', file, '--json', '--html', html]);
    expect(r.code, r.stderr).toBe(0);
    const f = JSON.parse(r.stdout) as ReportFigures;
    expect(f.input).toEqual({
      file,
      format: 'ndjson',
      lines: 21,
      records: 13,
      rejected: 6,
      blank: 2,
      rejections: [
        { reason: 'invalid_flow', count: 1, lines: [18] },
        { reason: 'invalid_json', count: 1, lines: [15] },
        { reason: 'invalid_utf8', count: 1, lines: [19] },
        { reason: 'missing_code', count: 1, lines: [17] },
        { reason: 'missing_provider', count: 1, lines: [20] },
        { reason: 'not_object', count: 1, lines: [16] },
      ],
    });
    expect(f.outcomes).toEqual(EXPECTED_OUTCOMES);
    expect(f.known).toEqual({ known: 10, unmapped: 3 });
    expect(f.providers.map((p) => [p.provider, p.records])).toEqual([
      ['qfpay', 6],
      ['eftpay', 3],
      ['ottpay', 2],
      ['acme', 1],
      ['subotiz', 1],
    ]);
    expect(f.reconciliation).toEqual(EXPECTED_RECONCILIATION);
    expect(reasonsOf(f)).toEqual(EXPECTED_REASONS);
    expect(f.unmapped).toEqual({
      distinct: 2,
      records: 3,
      dropped: { records: 0 },
      codes: [
        { provider: 'qfpay', code: '9999', count: 2, flows: ['any', 'payment'], messages: [SCRIPTY, 'another\ntext'] },
        { provider: 'acme', code: 'X1', count: 1, flows: ['payment'], messages: [] },
      ],
    });
    expect(f.timeseries).toEqual({
      bucket: 'hour',
      from: '2026-11-01T10:00:00.000Z',
      to: '2026-11-01T16:00:00.000Z',
      points: EXPECTED_SERIES,
      withTimestamp: 12,
      withoutTimestamp: 1,
    });
  });

  it('writes a self-contained HTML page beside the JSON, with log text escaped', () => {
    const page = readFileSync(html, 'utf8');
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/\b(src|href)=["']?(https?:)?\/\//i);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('<svg');
    expect(page).toContain('Reconciliation queue');
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('prints a readable summary without --json or --html', async () => {
    const r = await runCli(['report', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('21 lines = 13 records + 6 rejected + 2 blank');
    const share = ((100 * hkdQueue.records) / 9).toFixed(1).replace('.', '\\.');
    const amount = hkdQueue.amount.toFixed(2).replace('.', '\\.');
    expect(r.stdout).toMatch(new RegExp(`HKD\\s+${hkdQueue.records} of 9\\s+${share}%\\s+${amount} of 199\\.20`));
    expect(r.stderr).toBe('');
  });

  it('writes the page in Chinese with --lang', async () => {
    const out = join(dir, 'zh.html');
    const r = await runCli(['report', file, '--html', out, '--lang', 'zh-Hant']);
    expect(r.code, r.stderr).toBe(0);
    const page = readFileSync(out, 'utf8');
    expect(page).toContain('<html lang="zh-Hant">');
    expect(page).toContain('待對帳隊列');
    expect(page).not.toContain('Reconciliation queue');
  });
});

describe('paycodes report on CSV', () => {
  it('gives the same figures as the NDJSON log for the same records', async () => {
    const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
    const csv = [
      '\ufeffid,ts,provider,flow,code,message,amount,currency',
      '1,2026-11-01T10:05:00Z,qfpay,payment,0000,,100.10,HKD',
      '2,2026-11-01T10:40:00Z,qfpay,payment,1201,,50,HKD',
      '3,2026-11-01T11:15:00Z,qfpay,payment,1201,,25.50,hkd',
      '4,2026-11-01T11:20:00Z,qfpay,payment,1143,,0.20,HKD',
      '5,2026-11-01T12:00:00Z,eftpay,payment,00,,10.10,HKD',
      '6,2026-11-01T12:30:00Z,eftpay,refund,16,,7,HKD',
      '7,2026-11-01T12:45:00Z,eftpay,payment,16,,3.30,HKD',
      `8,2026-11-01T13:00:00Z,qfpay,payment,9999,${q(SCRIPTY)},1,HKD`,
      `9,,qfpay,,9999,${q('another\ntext')},2,HKD`,
      '10,2026-11-01T13:30:00Z,acme,payment,X1,,5,USD',
      '11,2026-11-01T14:00:00Z,subotiz,payment,100000,,19.99,USD',
      '12,2026-11-01T14:10:00Z,ottpay,payment,PROCESSING,,,CAD',
      '',
      '13,2026-11-01T14:20:00Z,qfpay,payment,,,1,HKD',
      '21,2026-11-01T15:59:59Z,ottpay,payment,NOTPAY,,4.5,CAD',
      '22,2026-11-01T15:00:00Z,qfpay,payment,0000,"never closed,1,HKD',
    ].join('\r\n');
    const file = join(dir, 'crafted.csv');
    writeFileSync(file, csv);
    const r = await runCli(['report', file, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const f = JSON.parse(r.stdout) as ReportFigures;
    expect(f.input.format).toBe('csv');
    expect([f.input.lines, f.input.records, f.input.rejected, f.input.blank]).toEqual([16, 13, 2, 1]);
    // Physical line numbers: the quoted newline in record 9 makes it span two lines.
    expect(f.input.rejections.map((x) => [x.reason, x.lines])).toEqual([
      ['missing_code', [16]],
      ['unterminated_quote', [18]],
    ]);
    expect(f.outcomes).toEqual(EXPECTED_OUTCOMES);
    expect(f.reconciliation).toEqual(EXPECTED_RECONCILIATION);
    expect(reasonsOf(f)).toEqual(EXPECTED_REASONS);
    expect(f.unmapped.codes[0]?.messages).toEqual([SCRIPTY, 'another\ntext']);
    expect(f.timeseries.points).toEqual(EXPECTED_SERIES);
  });

  it('is a usage error when the header lacks a code column', async () => {
    const file = join(dir, 'nocode.csv');
    writeFileSync(file, 'provider,status\nqfpay,ok\n');
    const r = await runCli(['report', file, '--json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the CSV header has no "code" column');
    expect(r.stdout).toBe('');
  });
});

describe('paycodes report usage', () => {
  it('reads stdin with -', async () => {
    const r = await runCli(['report', '-', '--json'], { input: '{"provider":"qfpay","code":"1201","flow":"payment"}\n' });
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as ReportFigures).outcomes.failed).toBe(1);
  });

  it('exits 2 for a missing file, a bad format or a bad language', async () => {
    for (const args of [
      ['report', join(dir, 'nope.ndjson')],
      ['report', '-', '--format', 'xml'],
      ['report', '-', '--lang', 'fr'],
    ]) {
      const r = await runCli(args, { input: '' });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^paycodes: /);
    }
  });

  it('an empty input gives zero figures', async () => {
    const r = await runCli(['report', '-', '--json'], { input: '' });
    const f = JSON.parse(r.stdout) as ReportFigures;
    expect([f.input.lines, f.input.records, f.timeseries.bucket]).toEqual([0, 0, null]);
    expect(existsSync(join(dir, 'nope.ndjson'))).toBe(false);
  });
});
