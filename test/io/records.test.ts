import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvSplitter, csvSafeField, parseCsv } from '../../src/io/csv.js';
import { MAX_RECORD_BYTES } from '../../src/io/limits.js';
import { printable } from '../../src/io/printable.js';
import { RecordReader } from '../../src/io/records.js';
import { REJECT, reasonOf, rejection } from '../../src/io/reject.js';

/** Runs bytes through the CSV splitter in the given chunk size; returns records and oversized reports. */
function split(input: Buffer, chunk: number, max?: number) {
  const rows: { line: number; fields: string[] }[] = [];
  const over: { line: number; rest: boolean }[] = [];
  const s = new CsvSplitter(
    {
      record(buf, start, rec, line) {
        rows.push({ line, fields: Array.from({ length: rec.count }, (_, i) => rec.field(buf, i)) });
        void start;
      },
      oversized(line, rest) {
        over.push({ line, rest });
      },
    },
    max,
  );
  for (let i = 0; i < input.length; i += chunk) s.push(Buffer.from(input.subarray(i, i + chunk)));
  s.end();
  return { rows, over };
}

describe('CSV reader: a quoted field over the limit (F4)', () => {
  it('never reads quoted content as records: the forged line after the limit stays inside the field', () => {
    const big = 'x'.repeat(MAX_RECORD_BYTES + (1 << 20));
    const input = Buffer.from(`provider,code,message\nqfpay,1201,"${big}\nqfpay,0000,forged\n"\nqfpay,1143,after\n`);
    const { rows, over } = split(input, 1 << 20);
    expect(rows.map((r) => r.fields)).toEqual([
      ['provider', 'code', 'message'],
      ['qfpay', '1143', 'after'],
    ]);
    expect(over).toEqual([{ line: 2, rest: false }]);
    // The oversized record spans lines 2-4, so the next record starts on line 5.
    expect(rows[1]?.line).toBe(5);
  });

  it('rejects the rest of the input when the oversized quoted field never closes', () => {
    const input = Buffer.from(`provider,code\nqfpay,"${'y'.repeat(300)}\nqfpay,0000\n`);
    const { rows, over } = split(input, 64, 256);
    expect(rows.map((r) => r.fields)).toEqual([['provider', 'code']]);
    expect(over).toEqual([{ line: 2, rest: true }]);
  });

  it('resyncs at the real record end whatever the chunking (quotes split across chunks)', () => {
    const input = Buffer.from(`a,b\n1,"${'z'.repeat(100)}"",""\n2,x"\n3,ok\n"q""",4\n`);
    const whole = split(input, input.length, 64);
    expect(whole.rows.map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['3', 'ok'],
      ['q"', '4'],
    ]);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), (n) => {
        expect(split(input, n, 64)).toEqual(whole);
      }),
    );
  });
});

describe('csv-safe cells (F14)', () => {
  it("prefixes ' to cells that start like a formula, and leaves the rest alone", () => {
    expect(['=HYPERLINK("x")', '+1', '-2', '@SUM(A1)', '\tx', '\rx', 'ok', '', '1-2'].map(csvSafeField)).toEqual([
      `"'=HYPERLINK(""x"")"`,
      "'+1",
      "'-2",
      "'@SUM(A1)",
      "'\tx",
      `"'\rx"`,
      'ok',
      '',
      '1-2',
    ]);
  });
});

describe('terminal-safe text (F8)', () => {
  it('turns control characters into visible escapes', () => {
    expect(printable('qf\x1b[31mpay\x07\n\u009b')).toBe('qf\\x1b[31mpay\\x07\\x0a\\x9b');
    expect(printable('餘額不足 ok')).toBe('餘額不足 ok');
  });
});

describe('one rejection vocabulary', () => {
  it('writes reason: wording and reads the reason back', () => {
    expect(rejection('missing_code')).toBe(`missing_code: ${REJECT.missing_code}`);
    expect(reasonOf(rejection('field_count', 'row has 2 fields'))).toBe('field_count');
    expect(reasonOf('whatever')).toBe('invalid_input');
  });
});

describe('RecordReader', () => {
  function read(format: 'ndjson' | 'csv', text: string, fields = {}) {
    const got: unknown[] = [];
    const r = new RecordReader(
      format,
      { provider: 'provider', code: 'code', flow: 'flow', message: 'message', state: 'state', stateAliases: ['trade_status'], ...fields },
      ['amount'],
      {
        record: (line, rec) => got.push([line, rec]),
        reject: (line, reason) => got.push([line, reason]),
        blank: () => got.push('blank'),
      },
    );
    r.push(Buffer.from(text));
    r.end();
    return got;
  }

  it('maps the configured fields to one record shape in NDJSON and CSV alike', () => {
    const nd = read('ndjson', '{"p":"eftpay","c":"00","trade_status":"TRADE_SUCCESS","amount":"1.5"}\n\n[1]\n', {
      provider: 'p',
      code: 'c',
    });
    const csv = read('csv', '\ufeffp,c,trade_status,amount\r\neftpay,00,TRADE_SUCCESS,1.5\r\n\r\neftpay\r\n', { provider: 'p', code: 'c' });
    const rec = { provider: 'eftpay', code: '00', state: 'TRADE_SUCCESS', amount: '1.5' };
    expect(nd).toEqual([[1, rec], 'blank', [3, 'not_object']]);
    expect(csv).toEqual([[2, rec], 'blank', [4, 'field_count']]);
  });

  it('refuses a CSV header without the code column, naming the columns', () => {
    expect(() => read('csv', 'provider,status\nqfpay,ok\n')).toThrow(/the CSV header has no "code" column.*"provider", "status"/);
  });

  it('parseCsv gives rows with their first line', () => {
    expect(parseCsv('a\n"b\nc"\nd\n').map((r) => [r.line, r.fields])).toEqual([
      [1, ['a']],
      [2, ['b\nc']],
      [4, ['d']],
    ]);
  });
});
