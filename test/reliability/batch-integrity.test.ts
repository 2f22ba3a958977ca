import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTCOMES } from '../../src/core/types.js';
import { BIN, ROOT } from '../helpers/paths.js';
import { runCli } from '../helpers/run.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'paycodes-reliability-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const rec = (o: Record<string, unknown>) => Buffer.from(JSON.stringify(o));
const TEN_MB = 10 * 1024 * 1024;

/**
 * Eleven physical lines, each broken a different way. Lines 3 and 4 are blank; 5–8 cannot be
 * read; the rest are records (line 11 has no final newline).
 */
function hostileNdjson(): { bytes: Buffer; lines: number; blank: number; unreadable: number[]; ids: string[] } {
  const parts = [
    Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), rec({ id: 'r1', provider: 'qfpay', code: '1201' }), Buffer.from('\r\n')]),
    Buffer.concat([rec({ id: 'r2', provider: 'eftpay', code: 'NOPE-1' }), Buffer.from('\r\n')]),
    Buffer.from('\n'),
    Buffer.from('  \t \r\n'),
    Buffer.concat([
      Buffer.from('{"id":"bad-utf8","provider":"qfpay","code":"1201","message":"'),
      Buffer.from([0xff, 0xc0, 0xaf]),
      Buffer.from('"}\n'),
    ]),
    Buffer.from('{"id":"truncated","provider":"qfpay","code":\n'),
    Buffer.concat([
      Buffer.from('{"id":"huge","provider":"qfpay","code":"1201","message":"'),
      Buffer.alloc(TEN_MB, 0x61),
      Buffer.from('"}\n'),
    ]),
    Buffer.from('[1,2,3]\n'),
    Buffer.concat([rec({ id: 'r9', provider: 'qfpay', code: 'ZZZ', message: 'payment processing' }), Buffer.from('\n')]),
    Buffer.from('{"__proto__":{"polluted":1},"id":"r10","provider":"qfpay","code":"1201"}\r\n'),
    rec({ id: 'r11', provider: 'subotiz', code: '__proto__' }),
  ];
  return { bytes: Buffer.concat(parts), lines: 11, blank: 2, unreadable: [5, 6, 7, 8], ids: ['r1', 'r2', 'r9', 'r10', 'r11'] };
}

interface NormalizeSummary {
  records: number;
  read: number;
  rejected: number;
  blank: number;
  outcomes: Record<string, number>;
}

/** `--summary-json` prints the summary as the last line of stderr. */
function summaryOf(stderr: string): NormalizeSummary {
  const line = stderr
    .trim()
    .split('\n')
    .reverse()
    .find((l) => l.startsWith('{'));
  expect(line, stderr).toBeDefined();
  return JSON.parse(line as string) as NormalizeSummary;
}

function leftovers(where: string, name: string): string[] {
  return readdirSync(where).filter((f) => f.includes(name) && f !== name);
}

describe('paycodes normalize accounts for every line', () => {
  it('NDJSON with BOM, CRLF, blank lines, invalid UTF-8, truncated JSON and a 10 MB line: read + rejected + blank = lines', async () => {
    const input = hostileNdjson();
    const file = join(dir, 'hostile.ndjson');
    const out = join(dir, 'hostile.out.ndjson');
    writeFileSync(file, input.bytes);
    const r = await runCli(['normalize', file, '--out', out, '--summary-json']);
    expect(r.code, r.stderr).toBe(1);
    const s = summaryOf(r.stderr);
    expect(s.read + s.rejected + s.blank).toBe(input.lines);
    expect(s.records).toBe(s.read + s.rejected);
    expect(s.blank).toBe(input.blank);
    expect(s.rejected).toBe(input.unreadable.length);
    expect(OUTCOMES.reduce((n, o) => n + (s.outcomes[o] ?? 0), 0)).toBe(s.read);
    // Each unreadable line is named on stderr.
    for (const n of input.unreadable) expect(r.stderr).toMatch(new RegExp(`line ${n}\\b`));

    // One output record per input record, in order; the unreadable ones carry paycodes_error.
    const lines = readFileSync(out, 'utf8').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(s.records);
    const outs = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(outs.filter((o) => o.paycodes_error !== undefined)).toHaveLength(s.rejected);
    expect(outs.map((o) => o.id).filter((id) => typeof id === 'string' && id.startsWith('r'))).toEqual(input.ids);
    for (const o of outs) {
      if (o.paycodes_error !== undefined) continue;
      expect(OUTCOMES).toContain(o.outcome);
      if (o.known === false) expect(['failed', 'succeeded']).not.toContain(o.outcome);
    }
    expect(leftovers(dir, 'hostile.out.ndjson')).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('CSV with BOM, CRLF, blank lines, invalid UTF-8 and an unterminated quote: read + rejected + blank = rows', async () => {
    const rows = [
      Buffer.from('\ufeffprovider,code,message\r\n'),
      Buffer.from('qfpay,1201,\r\n'),
      Buffer.from('\r\n'),
      Buffer.concat([Buffer.from('qfpay,1201,'), Buffer.from([0xff, 0xfe]), Buffer.from('\r\n')]),
      Buffer.from('eftpay,"X-1",ok\r\n'),
      Buffer.from('qfpay,"1201,unterminated quote\n'),
    ];
    const file = join(dir, 'hostile.csv');
    writeFileSync(file, Buffer.concat(rows));
    const r = await runCli(['normalize', file, '--summary-json']);
    expect([0, 1], r.stderr).toContain(r.code);
    const s = summaryOf(r.stderr);
    expect(s.records).toBe(s.read + s.rejected);
    expect(s.blank).toBeGreaterThanOrEqual(1);
    // Header + records + blank = the 6 physical lines.
    expect(1 + s.read + s.rejected + s.blank).toBe(6);
    expect(r.code).toBe(s.rejected > 0 ? 1 : 0);
    // The header, then one row per record, each ending with the input's CRLF (a quoted field
    // that runs to the end of the file keeps its bare LF inside the quotes).
    const out = r.stdout.split('\r\n');
    expect(out.pop()).toBe('');
    expect(out).toHaveLength(1 + s.records);
    expect(out[0]).toMatch(/^provider,code,message,known,.*paycodes_error$/);
    // paycodes_error is the last column: empty for records read, set for the rest (and the header).
    expect(out.filter((row) => !row.endsWith(','))).toHaveLength(s.rejected + 1);
  });

  it('refuses a missing input or a directory with a clear message and exit 2, and writes no output', async () => {
    const out = join(dir, 'never.ndjson');
    const missing = await runCli(['normalize', join(dir, 'no-such-file.ndjson'), '--out', out]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no such file|does not exist|cannot read/i);
    expect(missing.stderr).toContain('no-such-file.ndjson');
    const folder = await runCli(['normalize', dir, '--out', out]);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toMatch(/directory|not a file/i);
    expect(leftovers(dir, 'never.ndjson')).toEqual([]);
    expect(readdirSync(dir)).not.toContain('never.ndjson');
  });
});

describe('paycodes report accounts for every line', () => {
  it('lines = records + rejected + blank on the same hostile NDJSON', async () => {
    const input = hostileNdjson();
    const file = join(dir, 'report.ndjson');
    writeFileSync(file, input.bytes);
    const r = await runCli(['report', file, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const f = JSON.parse(r.stdout) as {
      input: {
        lines: number;
        records: number;
        rejected: number;
        blank: number;
        rejections: { reason: string; count: number; lines: number[] }[];
      };
      outcomes: Record<string, number>;
    };
    expect(f.input.lines).toBe(input.lines);
    expect(f.input.records + f.input.rejected + f.input.blank).toBe(input.lines);
    expect(f.input.blank).toBe(input.blank);
    expect(f.input.rejections.flatMap((x) => x.lines).sort((a, b) => a - b)).toEqual(input.unreadable);
    expect(f.input.records).toBe(input.ids.length);
    expect(OUTCOMES.reduce((n, o) => n + (f.outcomes[o] ?? 0), 0)).toBe(f.input.records);
  });

  it('refuses a missing input or a directory with a clear message and exit 2', async () => {
    const missing = await runCli(['report', join(dir, 'no-such-log.ndjson')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no-such-log.ndjson');
    expect(missing.stderr).toMatch(/ENOENT|no such file|cannot read/i);
    const folder = await runCli(['report', dir]);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toMatch(/directory|not a file/i);
  });
});

/** Starts the CLI reading stdin, so the test decides how far the run gets before the signal. */
function startOnStdin(args: string[]): { child: ChildProcess; stderr: () => string } {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const err: Buffer[] = [];
  child.stderr?.on('data', (b: Buffer) => err.push(b));
  child.stdout?.resume();
  child.stdin?.on('error', () => {});
  return { child, stderr: () => Buffer.concat(err).toString('utf8') };
}

/** Writes NDJSON records until the pipe pushes back, then waits until the child has drained it. */
async function feed(child: ChildProcess, records: number, from: number): Promise<void> {
  const lines: string[] = [];
  for (let i = 0; i < records; i++)
    lines.push(JSON.stringify({ id: from + i, provider: 'qfpay', code: i % 3 ? '1201' : '0000', amount: 1, currency: 'HKD' }));
  if (!child.stdin?.write(`${lines.join('\n')}\n`)) await once(child.stdin as NodeJS.EventEmitter, 'drain');
}

describe('an interrupted run leaves no half-written output', () => {
  it('normalize --out: SIGINT mid-run leaves the old file untouched and no temp file', async () => {
    const target = join(dir, 'interrupted.ndjson');
    writeFileSync(target, 'OLD CONTENT\n');
    const { child, stderr } = startOnStdin(['normalize', '-', '--format', 'ndjson', '--out', target]);
    const exited = once(child, 'exit');
    let n = 0;
    // The temp file appears once the first block is written: the run is now half way.
    while (leftovers(dir, 'interrupted.ndjson').length === 0) {
      await feed(child, 50_000, n);
      n += 50_000;
      if (n > 5_000_000) throw new Error(`no temp file appeared; stderr: ${stderr()}`);
    }
    child.kill('SIGINT');
    const [code, signal] = await exited;
    expect(code === 130 || signal === 'SIGINT', `exit ${code} ${signal}: ${stderr()}`).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('OLD CONTENT\n');
    expect(leftovers(dir, 'interrupted.ndjson')).toEqual([]);
  });

  it('normalize --out: a completed run replaces the file whole, through a temp file', async () => {
    const target = join(dir, 'completed.ndjson');
    writeFileSync(target, 'OLD CONTENT\n');
    const input = join(dir, 'small.ndjson');
    writeFileSync(
      input,
      `${JSON.stringify({ provider: 'qfpay', code: '1201' })}\n${JSON.stringify({ provider: 'qfpay', code: '0000' })}\n`,
    );
    const r = await runCli(['normalize', input, '--out', target, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const out = readFileSync(target, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { outcome: string });
    expect(out.map((o) => o.outcome)).toEqual(['failed', 'succeeded']);
    expect(leftovers(dir, 'completed.ndjson')).toEqual([]);
  });

  it('report --html: SIGINT mid-run leaves no HTML file and no temp file', async () => {
    const target = join(dir, 'interrupted.html');
    const { child, stderr } = startOnStdin(['report', '-', '--html', target]);
    const exited = once(child, 'exit');
    // Several megabytes have been read by the child once the pipe has drained this often.
    for (let i = 0; i < 10; i++) await feed(child, 20_000, i * 20_000);
    expect(child.exitCode, stderr()).toBeNull();
    child.kill('SIGINT');
    const [code, signal] = await exited;
    expect(code !== 0 || signal !== null, `exit ${code} ${signal}`).toBe(true);
    expect(readdirSync(dir).filter((f) => f.includes('interrupted.html'))).toEqual([]);
  });
});
