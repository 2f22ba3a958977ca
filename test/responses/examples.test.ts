import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers/paths.js';

const run = promisify(execFile);
const DIR = join(ROOT, 'examples/merchant-client');
let mock: ChildProcess;
let url: string;

beforeAll(async () => {
  mock = spawn(process.execPath, [BIN, 'mock', 'qfpay', '--quiet', '--scenario', join(DIR, 'scenario.yaml')], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  url = await new Promise<string>((resolve, reject) => {
    let err = '';
    mock.stderr?.on('data', (b: Buffer) => {
      err += b.toString('utf8');
      const m = /listening on (http:\/\/\S+)/.exec(err);
      if (m) resolve(m[1] as string);
    });
    mock.on('exit', () => reject(new Error(err)));
  });
});
afterAll(() => {
  mock.kill('SIGTERM');
});

/** Runs the example exactly as its header says (the package resolves itself by name). */
async function client(order: string, cents = '1000'): Promise<{ code: number; lines: string[] }> {
  try {
    const r = await run(process.execPath, [join(DIR, 'client.mjs'), url, order, cents], { cwd: ROOT });
    return { code: 0, lines: r.stdout.trim().split('\n') };
  } catch (e) {
    const x = e as { code: number; stdout: string };
    return { code: x.code, lines: x.stdout.trim().split('\n') };
  }
}

describe('examples/merchant-client runs against paycodes mock', () => {
  it('waits through processing and ends paid', async () => {
    const r = await client('ORDER-1001');
    expect(r.lines.at(-1)).toBe('final: succeeded / done');
    expect(r.lines.filter((l) => l.startsWith('query')).length).toBe(2);
    expect(r.code).toBe(0);
  });

  it('a dropped payment call is settled by the query: paid', async () => {
    const r = await client('ORDER-1003');
    expect(r.lines[0]).toMatch(/^payment\s+unknown\s+query/);
    expect(r.lines.at(-1)).toBe('final: succeeded / done');
  });

  it('a magic amount (.01) ends failed without a query', async () => {
    const r = await client('ORDER-2001', '1001');
    expect(r.lines.at(-1)).toMatch(/^final: failed \/ /);
    expect(r.lines.some((l) => l.startsWith('query'))).toBe(false);
  });
}, 60_000);
