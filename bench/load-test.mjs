#!/usr/bin/env node
/**
 * A bounded load run against the real server (`paycodes serve` as a child process, loopback only).
 * It mixes valid and invalid requests, then fails when any answer was a 5xx, the server stopped
 * answering, or its memory did not settle back near where it started.
 *
 *   node bench/load-test.mjs [--duration 10] [--amount 200000] [--connections 16] [--json]
 *
 * Needs a build (`npm run build`). The run stops at --duration seconds or --amount requests,
 * whichever comes first.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    amount: { type: 'string', default: '200000' },
    connections: { type: 'string', default: '16' },
    json: { type: 'boolean', default: false },
  },
});
const DURATION = Number(args.duration);
const AMOUNT = Number(args.amount);
const CONNECTIONS = Number(args.connections);
/** Generous on purpose: this catches leaks that grow with traffic, not ordinary heap growth. */
const rssLimit = (start) => start * 2 + 50 * 1024;

const json = { 'content-type': 'application/json' };
const one = JSON.stringify({ provider: 'qfpay', code: '1201', lang: 'zh-Hant' });
const batch = JSON.stringify(
  Array.from({ length: 200 }, (_, i) => ({
    provider: ['qfpay', 'eftpay', 'subotiz', 'nobody'][i % 4],
    code: String(1000 + i),
    message: i % 3 ? 'processing' : undefined,
  })),
);
const oversize = `[${'0,'.repeat(600_000)}0]`;
const deep = '['.repeat(50_000);

/** The mix, each request with the status the server should give it. Autocannon cycles through it on each connection. */
const MIX = [
  { method: 'GET', path: '/v1/normalize?provider=qfpay&code=1201', expect: 200 },
  { method: 'POST', path: '/v1/normalize', headers: json, body: one, expect: 200 },
  { method: 'GET', path: '/v1/normalize?provider=unknown-psp&code=E42&message=timeout', expect: 200 },
  { method: 'POST', path: '/v1/normalize', headers: json, body: batch, expect: 200 },
  { method: 'POST', path: '/v1/normalize', headers: json, body: '{"provider":"qfpay","code":', expect: 400 },
  { method: 'GET', path: '/v1/search?q=%E4%BD%99%E9%A2%9D%E4%B8%8D%E8%B6%B3', expect: 200 },
  { method: 'POST', path: '/v1/normalize', headers: { 'content-type': 'text/plain' }, body: one, expect: 415 },
  { method: 'GET', path: '/v1/nothing/here', expect: 404 },
  { method: 'POST', path: '/v1/normalize', headers: json, body: deep, expect: 400 },
  { method: 'GET', path: '/v1/normalize?provider=__proto__&code=constructor&lang=toString', expect: 400 },
  { method: 'POST', path: '/v1/normalize', headers: json, body: '{"__proto__":{"x":1},"provider":"qfpay","code":"0000"}', expect: 200 },
  { method: 'GET', path: '/v1/unified/insufficient_funds', expect: 200 },
  { method: 'POST', path: '/v1/normalize', headers: json, body: oversize, expect: 413 },
  { method: 'GET', path: '/healthz', expect: 200 },
];

function rssKiB(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m) throw new Error(`no VmRSS for ${pid}`);
  return Number(m[1]);
}

const mb = (kib) => `${(kib / 1024).toFixed(1)} MB`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function healthy(base) {
  try {
    const r = await fetch(`${base}healthz`, { signal: AbortSignal.timeout(5000) });
    return r.status === 200 && (await r.json()).status === 'ok';
  } catch {
    return false;
  }
}

function startServer() {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [resolve(ROOT, 'bin/paycodes.js'), 'serve', '--port', '0', '--host', '127.0.0.1'], {
      cwd: ROOT,
      // No key: an empty PAYCODES_API_KEY is refused at start-up, so the variable is removed instead.
      env: Object.fromEntries(Object.entries({ ...process.env, NO_COLOR: '1' }).filter(([k]) => k !== 'PAYCODES_API_KEY')),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let head = '';
    let logLines = 0;
    const onData = (b) => {
      const s = b.toString('utf8');
      for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) logLines++;
      if (head.length < 4096) {
        head += s;
        const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(head);
        if (m) resolvePromise({ child, base: m[0], logLines: () => logLines });
      }
      if (/internal error/.test(s)) process.stderr.write(`server: ${s}`);
    };
    child.stderr.on('data', onData);
    child.once('error', reject);
    child.once('exit', (code, signal) => reject(new Error(`the server exited before listening (${code ?? signal}): ${head}`)));
  });
}

const { child, base } = await startServer();
let exitedEarly = false;
child.once('exit', () => {
  exitedEarly = true;
});

/** Runs the mix with autocannon until `amount` requests or `seconds` have passed, whichever comes first. */
function load(seconds, amount, counts) {
  // Autocannon ignores `duration` when `amount` is set, so the time bound is a timer that stops it.
  const instance = autocannon({
    url: base,
    connections: CONNECTIONS,
    amount,
    timeout: 10,
    requests: MIX.map(({ method, path, headers, body }) => ({ method, path, headers, body })),
  });
  instance.on('response', (_client, status) => counts.set(status, (counts.get(status) ?? 0) + 1));
  const stopAt = setTimeout(() => instance.stop(), seconds * 1000);
  instance.then(
    () => clearTimeout(stopAt),
    () => clearTimeout(stopAt),
  );
  return instance;
}

// Warm up with a short burst of the same mix: it builds the search index and caches and lets the
// heap grow to its working size, memory the server keeps by design. The baseline is taken after
// it, so the check below catches growth with traffic (a leak), not the heap finding its size.
const rssIdle = rssKiB(child.pid);
const warmStatus = new Map();
await load(Math.min(2, DURATION), AMOUNT, warmStatus);
await sleep(500);
const rssStart = rssKiB(child.pid);

const byStatus = new Map();
const unexpected = new Map();
let rssPeak = rssStart;
const sampler = setInterval(() => {
  try {
    rssPeak = Math.max(rssPeak, rssKiB(child.pid));
  } catch {}
}, 250);

const instance = load(DURATION, AMOUNT, byStatus);
const result = await instance;
clearInterval(sampler);

/**
 * One request's status. A large body waits a moment after the headers, as a client that sends
 * `Expect: 100-continue` does: the server answers an oversize upload with 413 from its
 * Content-Length alone and closes the connection, and a client still writing the body then sees a
 * reset (EPIPE) instead of the answer. fetch() writes at once, and on a busy machine it got the
 * reset on three tries in a row.
 */
function statusOf(r) {
  return new Promise((done) => {
    let status;
    let sent = false;
    const body = r.body === undefined ? undefined : Buffer.from(r.body);
    const headers = { ...(r.headers ?? {}) };
    if (body !== undefined) headers['content-length'] = String(body.length);
    const req = request(`${base}${r.path.slice(1)}`, { method: r.method, headers });
    const send = () => {
      if (sent) return;
      sent = true;
      req.end(body);
    };
    req.on('response', (res) => {
      status = res.statusCode;
      res.resume();
      done(status);
      // Answered before the body went out: there is nothing left to send.
      if (!sent) {
        sent = true;
        req.destroy();
      }
    });
    req.on('error', (e) => {
      if (status === undefined) done(`error ${e.code ?? e.message}`);
    });
    if (body !== undefined && body.length > 64 * 1024) {
      req.flushHeaders();
      setTimeout(send, 1000);
    } else send();
  });
}

// Per-request expectations cannot be matched to responses inside autocannon; check each kind once more, in order.
for (const r of MIX) {
  let status;
  for (let attempt = 0; attempt < 3 && typeof status !== 'number'; attempt++) status = await statusOf(r);
  if (status !== r.expect) unexpected.set(`${r.method} ${r.path.slice(0, 60)}`, `${status}, expected ${r.expect}`);
}

const stillAnswering = !exitedEarly && (await healthy(base));

// Let the heap settle, then take the lowest RSS of a few seconds of samples.
let rssAfter = Number.POSITIVE_INFINITY;
for (let i = 0; i < 12 && !exitedEarly; i++) {
  await sleep(500);
  rssAfter = Math.min(rssAfter, rssKiB(child.pid));
  if (rssAfter <= rssStart * 1.2) break;
}

const fiveXX = [...byStatus, ...warmStatus].filter(([s]) => s >= 500).reduce((n, [, c]) => n + c, 0);
const summary = {
  target: base,
  bounds: { durationSeconds: DURATION, maxRequests: AMOUNT, connections: CONNECTIONS },
  requests: {
    sent: result.requests.sent ?? result.requests.total,
    answered: [...byStatus.values()].reduce((a, b) => a + b, 0),
    perSecond: Math.round(result.requests.average),
  },
  seconds: Math.round(result.duration * 10) / 10,
  byStatus: Object.fromEntries([...byStatus].sort((a, b) => a[0] - b[0])),
  socketErrors: result.errors,
  timeouts: result.timeouts,
  latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
  rss: { idle: mb(rssIdle), start: mb(rssStart), peak: mb(rssPeak), after: mb(rssAfter), limit: mb(rssLimit(rssStart)) },
  stillAnswering,
  unexpected: Object.fromEntries(unexpected),
};

const diedDuringRun = exitedEarly;
const exited = new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
child.kill('SIGTERM');
await Promise.race([exited, sleep(15_000)]);

const failures = [];
if (fiveXX > 0) failures.push(`${fiveXX} responses were 5xx`);
if (!stillAnswering) failures.push('the server stopped answering /healthz');
if (diedDuringRun) failures.push(`the server process exited during the run (${child.exitCode ?? child.signalCode})`);
if (rssAfter > rssLimit(rssStart)) failures.push(`RSS settled at ${mb(rssAfter)}, above ${mb(rssLimit(rssStart))} (2× start + 50 MB)`);
if (unexpected.size > 0) failures.push(`${unexpected.size} request kinds got an unexpected status`);
if (byStatus.size === 0) failures.push('no responses at all');

if (args.json) process.stdout.write(`${JSON.stringify({ ...summary, failures }, null, 2)}\n`);
else {
  const s = summary;
  const lines = [
    `paycodes load test: ${s.requests.sent} requests sent, ${s.requests.answered} answered in ${s.seconds} s (${s.requests.perSecond}/s, ${CONNECTIONS} connections, loopback)`,
    `  by status: ${Object.entries(s.byStatus)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    `  socket errors ${s.socketErrors}, timeouts ${s.timeouts}; latency p50 ${s.latencyMs.p50} ms, p99 ${s.latencyMs.p99} ms, max ${s.latencyMs.max} ms`,
    `  server RSS: idle ${s.rss.idle}, after warm-up ${s.rss.start}, peak ${s.rss.peak}, settled ${s.rss.after} (limit ${s.rss.limit})`,
    `  still answering /healthz: ${s.stillAnswering ? 'yes' : 'NO'}`,
  ];
  for (const [k, v] of unexpected) lines.push(`  unexpected: ${k} → ${v}`);
  lines.push(failures.length === 0 ? '  result: OK' : `  result: FAILED — ${failures.join('; ')}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}
process.exitCode = failures.length === 0 ? 0 : 1;
