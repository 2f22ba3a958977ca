import { type ChildProcess, spawn } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer } from '../../src/server/server.js';
import { BIN, ROOT } from '../helpers/paths.js';
import { runCli } from '../helpers/run.js';

/** Resolves with everything the server sent once it closes the connection. */
function untilClosed(sock: Socket): Promise<string> {
  return new Promise((resolve) => {
    let got = '';
    sock.on('data', (b) => {
      got += b.toString('utf8');
    });
    sock.on('error', () => undefined);
    sock.on('close', () => resolve(got));
  });
}

function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect(port, '127.0.0.1', () => resolve(s));
    s.once('error', reject);
  });
}

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

/** Starts the real binary; resolves with the URL it prints on stderr. */
function serveCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ child: ChildProcess; url: string; stderr: () => string }> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let err = '';
  return new Promise((resolve, reject) => {
    child.stderr?.on('data', (b: Buffer) => {
      err += b.toString('utf8');
      const m = /serving on (http:\/\/\S+)/.exec(err);
      if (m) resolve({ child, url: m[1] as string, stderr: () => err });
    });
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${err}`)));
  });
}

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

describe('startServer', () => {
  it('binds 127.0.0.1 unless told otherwise', async () => {
    const s = await startServer({ port: 0, log: false });
    try {
      expect(s.host).toBe('127.0.0.1');
      expect(s.url).toBe(`http://127.0.0.1:${s.port}/`);
      expect(s.server.headersTimeout).toBeLessThanOrEqual(30_000);
      expect(s.server.requestTimeout).toBeLessThanOrEqual(30_000);
      expect(s.server.requestTimeout).toBeGreaterThan(0);
    } finally {
      await s.close();
    }
  });

  it('cuts off a client that sends its headers too slowly', async () => {
    const s = await startServer({ port: 0, log: false, headersTimeout: 500, requestTimeout: 1000 });
    try {
      const sock = await open(s.port);
      const closed = untilClosed(sock);
      sock.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n');
      // ... and never the blank line that ends the headers.
      const got = await closed;
      expect(got === '' || got.startsWith('HTTP/1.1 408')).toBe(true);
    } finally {
      await s.close();
    }
  });

  it('cuts off a client that sends its body too slowly', async () => {
    const s = await startServer({ port: 0, log: false, headersTimeout: 500, requestTimeout: 1000 });
    try {
      const sock = await open(s.port);
      const closed = untilClosed(sock);
      sock.write(
        'POST /v1/normalize HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"provider":',
      );
      const tick = setInterval(() => sock.writable && sock.write(' '), 200);
      const got = await closed;
      clearInterval(tick);
      expect(got).not.toMatch(/^HTTP\/1\.1 200/);
    } finally {
      await s.close();
    }
  });
});

describe('paycodes serve', () => {
  it('prints its URL on stderr, serves, and exits 0 on SIGTERM after finishing a request in flight', async () => {
    const { child, url, stderr } = await serveCli([]);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const health = await fetch(`${url}healthz`);
    expect(health.status).toBe(200);
    await health.arrayBuffer();

    // A request whose body is still arriving when SIGTERM comes must still get its answer.
    const port = Number(new URL(url).port);
    const sock = await open(port);
    const closed = untilClosed(sock);
    const body = JSON.stringify({ provider: 'qfpay', code: '1201' });
    sock.write(
      `POST /v1/normalize HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`,
    );
    sock.write(body.slice(0, 10));
    // Let the server read the headers first, so the request is in flight.
    await new Promise((r) => setTimeout(r, 200));
    const exit = exited(child);
    child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 200));
    sock.write(body.slice(10));
    const got = await closed;
    expect(got).toMatch(/^HTTP\/1\.1 200 OK/);
    expect(got).toContain('"unified":"insufficient_funds"');
    expect(await exit).toBe(0);
    expect(stderr()).toContain('SIGTERM');
    expect(stderr()).toMatch(/^POST \/v1\/normalize 200 /m);
    // No new connections once it has stopped.
    await expect(fetch(`${url}healthz`)).rejects.toThrow();
  });

  it('says when an API key is required, and never prints the key', async () => {
    const { child, url, stderr } = await serveCli([], { PAYCODES_API_KEY: 'cli-secret-key' });
    const res = await fetch(`${url}v1/providers`, { headers: { authorization: 'Bearer cli-secret-key' } });
    expect(res.status).toBe(200);
    await res.arrayBuffer();
    expect((await fetch(`${url}v1/providers`)).status).toBe(401);
    const exit = exited(child);
    child.kill('SIGINT');
    expect(await exit).toBe(0);
    expect(stderr()).toContain('API key required');
    expect(stderr()).not.toContain('cli-secret-key');
  });

  it('refuses a bad port with a usage error', async () => {
    const r = await runCli(['serve', '--port', 'eighty']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--port/);
  });
});
