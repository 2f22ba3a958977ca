import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers/paths.js';
import { runCli } from '../helpers/run.js';
import { send } from './http.js';

// Unique markers: if any of them shows up in the server's output, a key or a body was logged.
const KEY = `key-${process.pid}-${Date.now().toString(36)}-SECRET`;
const WRONG_KEY = `wrong-${process.pid}-NOT-THE-KEY`;
const BODY_MARKER = `BODYMARK-${process.pid}-${Math.random().toString(36).slice(2)}`;
const QUERY_MARKER = `QUERYMARK-${process.pid}`;

let child: ChildProcess;
let port: number;
let url: string;
const output: Buffer[] = [];

beforeAll(async () => {
  // The real CLI, with no --host: the default bind is part of what is tested.
  child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1', PAYCODES_API_KEY: KEY },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (b: Buffer) => output.push(b));
  child.stderr?.on('data', (b: Buffer) => output.push(b));
  for (let i = 0; i < 400 && url === undefined; i++) {
    const m = /http:\/\/[^\s/]+:\d+\//.exec(Buffer.concat(output).toString('utf8'));
    if (m) url = m[0];
    else await new Promise((r) => setTimeout(r, 25));
  }
  if (url === undefined) throw new Error(`the server did not start: ${Buffer.concat(output).toString('utf8')}`);
  port = Number(new URL(url).port);
});

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
  }
});

describe('paycodes serve (real child process)', () => {
  it('binds 127.0.0.1 by default', () => {
    expect(new URL(url).hostname).toBe('127.0.0.1');
  });

  it('keeps header and request timeouts at or under 30 s by default', async () => {
    const help = await runCli(['serve', '--help']);
    // Commander wraps the help at 80 columns, so the default may sit on the next line.
    const defaults = (flag: string) => Number(new RegExp(`${flag} <ms>[^(]*\\(default:\\s*(\\d+)\\)`).exec(help.stdout)?.[1]);
    expect(defaults('--headers-timeout')).toBeGreaterThan(0);
    expect(defaults('--headers-timeout')).toBeLessThanOrEqual(30_000);
    expect(defaults('--request-timeout')).toBeGreaterThan(0);
    expect(defaults('--request-timeout')).toBeLessThanOrEqual(30_000);
  });

  it('requires the key on /v1, and never writes the key, a body or a query string to its logs', async () => {
    const auth = { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' };
    const body = JSON.stringify({ provider: 'qfpay', code: '1201', message: BODY_MARKER });

    expect((await send(port, { path: '/v1/providers' })).status).toBe(401);
    expect((await send(port, { path: '/v1/providers', headers: { authorization: `Bearer ${WRONG_KEY}` } })).status).toBe(401);
    expect((await send(port, { path: '/healthz' })).status).toBe(200);

    const ok = await send(port, { method: 'POST', path: '/v1/normalize', headers: auth, body });
    expect(ok.status).toBe(200);
    expect((ok.json as { unified: string }).unified).toBe('insufficient_funds');
    const bad = await send(port, { method: 'POST', path: '/v1/normalize', headers: auth, body: `{"message":"${BODY_MARKER}",` });
    expect(bad.status).toBe(400);
    // The problem detail may quote the parser, but never echoes the body back.
    expect(bad.body).not.toContain(BODY_MARKER);
    // The server answers 413 and closes before it has read 2 MB, so the client's write may end in
    // EPIPE or a reset before it sees the answer; the access log below still has to show the 413.
    const big = await send(port, {
      method: 'POST',
      path: '/v1/normalize',
      headers: auth,
      body: `${BODY_MARKER}${'x'.repeat(2 * 1024 * 1024)}`,
    }).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE' || e.code === 'ECONNRESET') return undefined;
      throw e;
    });
    if (big !== undefined) expect(big.status).toBe(413);
    await send(port, { path: `/v1/normalize?provider=qfpay&code=1201&message=${QUERY_MARKER}`, headers: auth });
    await send(port, { path: `/v1/search?q=${QUERY_MARKER}`, headers: { authorization: `Bearer ${KEY}` } });
    await send(port, { path: `/no/such/${QUERY_MARKER}x`.replace(QUERY_MARKER, 'route'), headers: { authorization: `Bearer ${KEY}` } });

    // Let the log lines of the last requests arrive, then stop the server so everything is flushed.
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const [code] = await exited;
    expect(code).toBe(0);

    const log = Buffer.concat(output).toString('utf8');
    // The access log is on: the requests above are in it, so the absence checks below mean something.
    expect(log).toMatch(/POST \/v1\/normalize 200/);
    expect(log).toMatch(/POST \/v1\/normalize 413/);
    expect(log).toMatch(/GET \/v1\/providers 401/);
    expect(log).not.toContain(KEY);
    expect(log).not.toContain(WRONG_KEY);
    expect(log).not.toContain(BODY_MARKER);
    expect(log).not.toContain(QUERY_MARKER);
    expect(log).not.toMatch(/bearer\s+\S/i);
  });
});
