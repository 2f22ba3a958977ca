import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/server/server.js';
import { send, slowClient } from './http.js';

// Short timeouts keep the test quick; the defaults (≤ 30 s) are checked in http-abuse.test.ts.
const HEADERS_TIMEOUT = 600;
const REQUEST_TIMEOUT = 1500;
/** One byte every 100 ms: the trickles below would take 30 s and more to finish on their own. */
const EVERY_MS = 100;

let srv: RunningServer;

beforeAll(async () => {
  srv = await startServer({ port: 0, log: false, headersTimeout: HEADERS_TIMEOUT, requestTimeout: REQUEST_TIMEOUT });
});

afterAll(async () => {
  await srv?.close();
});

describe('slow clients are cut off', () => {
  it('closes a connection whose headers arrive a byte at a time', async () => {
    const headers = `Host: 127.0.0.1\r\nUser-Agent: slowloris\r\n${'X-Pad: x\r\n'.repeat(30)}\r\n`;
    const r = await slowClient(srv.port, 'GET /healthz HTTP/1.1\r\n', headers, EVERY_MS);
    expect(r.finished).toBe(false);
    expect(r.sent).toBeLessThan('GET /healthz HTTP/1.1\r\n'.length + headers.length);
    // A 408 problem+json as it hangs up, never an answer to the unfinished request.
    expect(r.reply).toMatch(/^HTTP\/1\.1 408 /);
    expect(r.reply.toLowerCase()).toContain('content-type: application/problem+json');
  });

  it('closes a connection whose body arrives a byte at a time', async () => {
    const body = JSON.stringify({ provider: 'qfpay', code: '1201', message: 'x'.repeat(300) });
    const head = `POST /v1/normalize HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`;
    const r = await slowClient(srv.port, head, body, EVERY_MS);
    expect(r.finished).toBe(false);
    expect(r.sent).toBeLessThan(head.length + body.length);
    expect(r.reply).toMatch(/^HTTP\/1\.1 408 /);
    expect(r.reply.toLowerCase()).toContain('content-type: application/problem+json');
  });

  it('keeps serving others while slow clients hang on', async () => {
    const slow = Array.from({ length: 20 }, () => slowClient(srv.port, 'GET /healthz HTTP/1.1\r\n', 'Host: x\r\n'.repeat(50), EVERY_MS));
    for (let i = 0; i < 5; i++) {
      const r = await send(srv.port, { path: '/v1/normalize?provider=qfpay&code=1201' });
      expect(r.status).toBe(200);
    }
    const results = await Promise.all(slow);
    expect(results.every((r) => !r.finished)).toBe(true);
  });
});
