import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { normalize } from '../../src/normalize.js';
import { BIN, ROOT } from '../helpers/paths.js';
import { runCli } from '../helpers/run.js';

const dir = mkdtempSync(join(tmpdir(), 'paycodes-cli-normalize-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const lines = (s: string) => s.split('\n').filter((l) => l !== '');
const parseLines = (s: string) => lines(s).map((l) => JSON.parse(l) as Record<string, unknown>);

/** A small independent RFC 4180 reader for checking CSV output. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || (ch === '\r' && text[i + 1] === '\n')) {
      if (ch === '\r') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const DECISION = ['known', 'unified', 'category', 'outcome', 'next', 'party', 'disclosure', 'confidence'];

describe('paycodes normalize: NDJSON', () => {
  it('adds the decision to each record, in order, keeping the record byte for byte', async () => {
    const input = [
      '{"id":1,"provider":"qfpay","code":"1201"}',
      '{"id":2,"provider":"eftpay","code":"-99","flow":"refund"}',
      '{"id":3, "provider":"shopline-payments", "code":4454, "flow":"payment", "note":"a \\"quoted\\" 字"}',
      '{"id":4,"provider":"qfpay","code":0}',
      '{"id":5,"provider":"qfpay","code":"31337"}',
    ];
    const r = await runCli(['normalize', file('basic.ndjson', `${input.join('\n')}\n`)]);
    expect(r.code).toBe(0);
    const out = lines(r.stdout);
    expect(out).toHaveLength(5);
    out.forEach((line, i) => {
      const src = input[i] as string;
      expect(line.startsWith(src.slice(0, -1))).toBe(true);
      const rec = JSON.parse(line);
      const d = normalize({ provider: rec.provider, code: rec.code, flow: rec.flow });
      expect(rec).toMatchObject({ ...JSON.parse(src), known: d.known, unified: d.unified, category: d.category, outcome: d.outcome });
      expect(Object.keys(rec).slice(-8)).toEqual(DECISION);
      expect(rec.next).toBe(d.next);
      expect(rec.party).toBe(d.party);
      expect(rec.disclosure).toBe(d.disclosure);
      expect(rec.confidence).toBe(d.confidence);
    });
    expect(JSON.parse(out[3] as string)).toMatchObject({ known: true, unified: 'approved' });
    expect(JSON.parse(out[4] as string)).toMatchObject({ known: false, unified: 'unmapped', outcome: 'unknown', next: 'query' });
    expect(r.stderr).toContain('5 records');
    expect(r.stderr).toMatch(/outcomes: .*failed \d/);
    expect(r.stderr).toContain('unmapped codes: qfpay:31337 (1)');
  });

  it('passes unreadable lines through with paycodes_error, reports their lines, exits 1', async () => {
    const input = [
      '{"provider":"qfpay","code":"1201"}',
      '{"provider":"qfpay","code":',
      'plain text',
      '[1,2]',
      '{"provider":"qfpay"}',
      '{"provider":"qfpay","code":"0000"}',
    ];
    const r = await runCli(['normalize', '--summary-json'], { input: `${input.join('\n')}\n` });
    expect(r.code).toBe(1);
    const out = parseLines(r.stdout);
    expect(out).toHaveLength(6);
    expect(out[1]).toMatchObject({ paycodes_raw: '{"provider":"qfpay","code":' });
    expect(out[1]?.paycodes_error).toMatch(/^invalid_json: invalid JSON/);
    expect(out[2]).toMatchObject({ paycodes_raw: 'plain text' });
    expect(out[3]?.paycodes_error).toMatch(/not a JSON object/);
    expect(out[4]).toMatchObject({ provider: 'qfpay', paycodes_error: expect.stringMatching(/no code/) });
    expect(out[5]).toMatchObject({ known: true, unified: 'approved' });
    for (const n of [2, 3, 4, 5]) expect(r.stderr).toContain(`line ${n}:`);
    expect(r.stderr).not.toContain('line 1:');
    const summary = JSON.parse(lines(r.stderr).at(-1) as string);
    expect(summary).toMatchObject({ records: 6, read: 2, rejected: 4, blank: 0 });
  });

  it('handles a BOM, CRLF line endings, blank lines and a last line without a newline', async () => {
    const input = '\ufeff{"provider":"qfpay","code":"1201"}\r\n\r\n   \r\n{"provider":"ottpay","code":"TIMEOUT"}';
    const r = await runCli(['normalize', '--summary-json'], { input });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('\r');
    expect(r.stdout.startsWith('{"provider":"qfpay","code":"1201","known":true')).toBe(true);
    const out = parseLines(r.stdout);
    expect(out.map((o) => o.unified)).toEqual(['insufficient_funds', 'channel_timeout']);
    const summary = JSON.parse(lines(r.stderr).at(-1) as string);
    // Blank lines are not records: read + rejected = records in.
    expect(summary).toMatchObject({ records: 2, read: 2, rejected: 0, blank: 2 });
  });

  it('reads an empty input as zero records', async () => {
    const r = await runCli(['normalize', '--summary-json'], { input: '' });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(r.stderr)).toMatchObject({ records: 0, rejected: 0 });
    const f = await runCli(['normalize', file('empty.ndjson', '')]);
    expect(f.code).toBe(0);
    expect(f.stdout).toBe('');
  });

  it('rejects invalid UTF-8 as one record and carries on', async () => {
    const input = Buffer.concat([
      Buffer.from('{"provider":"qfpay","code":"1201"}\n{"provider":"qfpay","code":"'),
      Buffer.from([0xc3, 0x28, 0xff]),
      Buffer.from('"}\n{"provider":"qfpay","code":"1201"}\n'),
    ]);
    const r = await runCli(['normalize', file('bad-utf8.jsonl', input)]);
    expect(r.code).toBe(1);
    const out = parseLines(r.stdout);
    expect(out).toHaveLength(3);
    expect(out[1]?.paycodes_error).toBe('invalid_utf8: invalid UTF-8');
    expect(out[2]?.known).toBe(true);
    expect(r.stderr).toContain('line 2: invalid_utf8: invalid UTF-8');
  });

  it('remaps field names and takes the provider from --provider', async () => {
    const input = '{"psp":"eftpay","respcd":"-99","kind":"refund","msg":"out_trade_no/refund_no must be unique"}\n{"respcd":"1201"}\n';
    const r = await runCli(
      [
        'normalize',
        '--provider',
        'qfpay',
        '--provider-field',
        'psp',
        '--code-field',
        'respcd',
        '--flow-field',
        'kind',
        '--message-field',
        'msg',
      ],
      { input },
    );
    expect(r.code).toBe(0);
    const [a, b] = parseLines(r.stdout);
    expect(a).toMatchObject({ psp: 'eftpay', unified: 'duplicate_order', known: true });
    expect(b).toMatchObject({ respcd: '1201', unified: 'insufficient_funds' });
  });

  it('--lang adds the customer and merchant messages', async () => {
    const r = await runCli(['normalize', '--lang', 'zh-Hant'], { input: '{"provider":"qfpay","code":"1201"}\n' });
    const d = normalize({ provider: 'qfpay', code: '1201', lang: 'zh-Hant' });
    expect(parseLines(r.stdout)[0]).toMatchObject({ customer_message: d.message.customer, merchant_message: d.message.merchant });
  });

  it('keeps one output record per input record, in order, across many chunks', async () => {
    const providers = ['qfpay', 'eftpay', 'ottpay', 'subotiz', 'shopline-payments', 'unknownpay'];
    const codes = ['1201', '-99', 'TIMEOUT', '100100', '4454', '0000', 'X'];
    const input: string[] = [];
    for (let i = 0; i < 30_000; i++) {
      input.push(
        i % 997 === 0 ? `broken ${i}` : JSON.stringify({ i, provider: providers[i % 6], code: codes[i % 7], pad: 'x'.repeat(i % 50) }),
      );
    }
    const r = await runCli(['normalize', '--summary-json'], { input: `${input.join('\n')}\n` });
    expect(r.code).toBe(1);
    const out = parseLines(r.stdout);
    expect(out).toHaveLength(30_000);
    out.forEach((o, i) => {
      if (i % 997 === 0) expect(o.paycodes_raw).toBe(`broken ${i}`);
      else expect(o.i).toBe(i);
    });
    const summary = JSON.parse(lines(r.stderr).at(-1) as string);
    expect(summary.records).toBe(30_000);
    expect(summary.read + summary.rejected).toBe(30_000);
    expect(summary.rejected).toBe(Math.ceil(30_000 / 997));
  });
});

describe('paycodes normalize: CSV', () => {
  it('appends the decision columns and keeps each row byte for byte', async () => {
    const input = [
      'id,provider,code,flow,message',
      '1,qfpay,1201,,',
      '2,eftpay,-99,refund,"out_trade_no/refund_no must be unique"',
      '3,"shopline-payments",4454,payment,"a ""quoted"", multi',
      'line note"',
      '4,qfpay,31337,,',
    ].join('\n');
    const r = await runCli(['normalize', file('rows.csv', `${input}\n`)]);
    expect(r.code).toBe(0);
    const rows = readCsv(r.stdout);
    expect(rows[0]).toEqual(['id', 'provider', 'code', 'flow', 'message', ...DECISION, 'paycodes_error']);
    expect(rows).toHaveLength(5);
    expect(rows[1]?.slice(5)).toEqual([
      'true',
      'insufficient_funds',
      'funds_limits',
      'failed',
      'ask_customer',
      'customer',
      'specific',
      '1',
      '',
    ]);
    expect(rows[2]?.[6]).toBe('duplicate_order');
    expect(rows[3]?.[4]).toBe('a "quoted", multi\nline note');
    expect(rows[3]?.[6]).toBe('insufficient_funds');
    expect(rows[4]?.slice(5, 7)).toEqual(['false', 'unmapped']);
    // The original text of each row is kept, quotes and all.
    expect(r.stdout).toContain('3,"shopline-payments",4454,payment,"a ""quoted"", multi\nline note",true,');
  });

  it('handles a BOM and CRLF (and answers in CRLF), and skips blank lines', async () => {
    const input = '\ufeffprovider,code\r\nqfpay,1201\r\n\r\nottpay,TIMEOUT\r\n';
    const r = await runCli(['normalize', '--format', 'csv', '--summary-json'], { input });
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('provider,code,known,')).toBe(true);
    expect(r.stdout.split('\r\n')).toHaveLength(4);
    const rows = readCsv(r.stdout);
    expect(rows.map((x) => x[3])).toEqual(['unified', 'insufficient_funds', 'channel_timeout']);
    expect(JSON.parse(lines(r.stderr).at(-1) as string)).toMatchObject({ records: 2, read: 2, blank: 1 });
  });

  it('is sniffed from stdin, and rejects rows with the wrong number of fields', async () => {
    const input = 'provider,code,flow\nqfpay,1201,\nqfpay,1201\nqfpay,1201,refund,extra\n"qfpay,1201\n';
    const r = await runCli(['normalize'], { input });
    expect(r.code).toBe(1);
    const rows = readCsv(r.stdout);
    expect(rows).toHaveLength(5);
    expect(rows[1]?.[4]).toBe('insufficient_funds');
    expect(rows[2]?.at(-1)).toBe('field_count: row has 2 fields; the header has 3');
    expect(rows[2]?.slice(0, 3)).toEqual(['qfpay', '1201', '']);
    expect(rows[3]?.at(-1)).toBe('field_count: row has 4 fields; the header has 3; extra: extra');
    expect(rows[4]?.at(-1)).toMatch(/unterminated quoted field/);
    expect(rows.every((row) => row.length === 3 + 9)).toBe(true);
    expect(r.stderr).toContain('line 3: field_count: row has 2 fields');
    expect(r.stderr).toContain('line 5: unterminated_quote: unterminated quoted field');
  });

  it('remaps columns; a header without the code column is a usage error', async () => {
    const ok = await runCli(['normalize', '--format', 'csv', '--code-field', 'respcd', '--provider', 'qfpay'], {
      input: 'respcd,amount\n1201,5\n',
    });
    expect(ok.code).toBe(0);
    expect(readCsv(ok.stdout)[1]?.slice(0, 4)).toEqual(['1201', '5', 'true', 'insufficient_funds']);
    const bad = await runCli(['normalize', '--format', 'csv'], { input: 'provider,status\nqfpay,1201\n' });
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/no "code" column/);
    const noProvider = await runCli(['normalize', '--format', 'csv'], { input: 'code\n1201\n' });
    expect(noProvider.code).toBe(2);
    expect(noProvider.stderr).toMatch(/--provider/);
  });

  it('reads an empty CSV as zero records', async () => {
    const r = await runCli(['normalize', file('empty.csv', '')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const header = await runCli(['normalize', file('header.csv', 'provider,code\n')]);
    expect(header.code).toBe(0);
    expect(header.stdout).toBe(`provider,code,${DECISION.join(',')},paycodes_error\n`);
  });
});

describe('paycodes normalize: files and usage', () => {
  it('--out writes the file atomically and leaves no temp file', async () => {
    const out = join(dir, 'out', 'decided.ndjson');
    mkdirSync(join(dir, 'out'), { recursive: true });
    const r = await runCli(['normalize', '--out', out], { input: '{"provider":"qfpay","code":"1201"}\n' });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ unified: 'insufficient_funds' });
    expect(readdirSync(join(dir, 'out'))).toEqual(['decided.ndjson']);
  });

  it('a usage error with --out leaves no file behind', async () => {
    const sub = join(dir, 'usage');
    mkdirSync(sub);
    const r = await runCli(['normalize', '--format', 'csv', '--out', join(sub, 'x.csv')], { input: 'a,b\n1,2\n' });
    expect(r.code).toBe(2);
    expect(readdirSync(sub)).toEqual([]);
  });

  it('an interrupted run leaves neither the output nor a temp file', async () => {
    const sub = join(dir, 'interrupted');
    mkdirSync(sub);
    const child = spawn(process.execPath, [BIN, 'normalize', '--out', join(sub, 'x.ndjson')], {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    child.stdin.write(`${'{"provider":"qfpay","code":"1201"}\n'.repeat(1000)}`);
    // Wait until the temp file exists: the run is in progress.
    for (let i = 0; i < 200 && readdirSync(sub).length === 0; i++) await new Promise((r) => setTimeout(r, 25));
    expect(readdirSync(sub)).toHaveLength(1);
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(readdirSync(sub)).toEqual([]);
  });

  it('a missing input, a directory or a bad option is a usage error (exit 2)', async () => {
    const missing = await runCli(['normalize', join(dir, 'nope.ndjson')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file');
    const folder = await runCli(['normalize', dir]);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain('is a directory');
    const format = await runCli(['normalize', '--format', 'xml'], { input: '' });
    expect(format.code).toBe(2);
    const provider = await runCli(['normalize', '--provider', 'qpay'], { input: '' });
    expect(provider.code).toBe(2);
    expect(provider.stderr).toContain('did you mean `qfpay`?');
    const lang = await runCli(['normalize', '--lang', 'de'], { input: '' });
    expect(lang.code).toBe(2);
  });

  it('takes the format from the extension', async () => {
    const csv = await runCli(['normalize', file('x.CSV', 'provider,code\nqfpay,1201\n')]);
    expect(readCsv(csv.stdout)[1]?.[3]).toBe('insufficient_funds');
    const jsonl = await runCli(['normalize', file('x.jsonl', '{"provider":"qfpay","code":"1201"}\n')]);
    expect(parseLines(jsonl.stdout)[0]?.unified).toBe('insufficient_funds');
  });
});
