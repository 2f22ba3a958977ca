// HTTP: autocannon against `paycodes serve` and against a bare Hono route returning a constant
// JSON body, both in child processes on 127.0.0.1, with the same connections and duration.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import autocannon from 'autocannon';
import { BIN, commandMissing, freePort, ROOT, round, row, skipped, startServer } from './lib.mjs';
import { loadLibrary } from './mapping.mjs';

async function postBody() {
  const { data } = await loadLibrary();
  const inputs = [];
  const flows = ['payment', 'refund', 'any'];
  let i = 0;
  while (inputs.length < 100) {
    for (const p of data.providers) {
      const e = p.entries[i % p.entries.length];
      if (e && inputs.length < 100) inputs.push({ provider: p.id, code: e[0], flow: flows[i % flows.length] });
    }
    i++;
  }
  return JSON.stringify(inputs);
}

/**
 * autocannon's own percentiles are whole milliseconds, too coarse for a loopback service, so the
 * latency of every 2xx response is collected from its `response` events at full resolution.
 */
function cannon(opts) {
  return new Promise((res, rej) => {
    const latencies = [];
    const instance = autocannon(opts, (err, result) => (err ? rej(err) : res({ result, latencies })));
    instance.on('response', (_client, status, _bytes, ms) => {
      if (status >= 200 && status < 300 && latencies.length < 5_000_000) latencies.push(ms);
    });
  });
}

function percentile(sorted, p) {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function load(url, { method = 'GET', body, connections, duration }) {
  const opts = {
    url,
    method,
    connections,
    duration,
    body,
    headers: body ? { 'content-type': 'application/json' } : undefined,
  };
  const { result: r, latencies } = await cannon(opts);
  const bad = r.non2xx + r.errors + r.timeouts;
  if (r.requests.total === 0 || bad > r.requests.total * 0.01) {
    throw new Error(`${method} ${url}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts of ${r.requests.total}`);
  }
  const sorted = Float64Array.from(latencies).sort();
  return { rps: r.requests.total / r.duration, p50: percentile(sorted, 50), p99: percentile(sorted, 99), total: r.requests.total };
}

export async function http({ quick }) {
  const connections = 10;
  const duration = quick ? 2 : 10;
  const warmup = quick ? 1 : 2;
  const rounds = quick ? 1 : 2;
  const missing = commandMissing('serve');
  if (missing) return [skipped('http', 'GET /v1/normalize and POST /v1/normalize', missing)];

  const body = await postBody();
  // The baseline answers with the very bytes the API sends back for these requests, as constants,
  // so the ratio measures the work paycodes does per request rather than the size of its answer.
  const { lib } = await loadLibrary();
  const constants = join(ROOT, 'bench', '.cache', `bare-bodies-${process.pid}.json`);
  mkdirSync(dirname(constants), { recursive: true });
  writeFileSync(
    constants,
    JSON.stringify({
      get: JSON.stringify(lib.normalize({ provider: 'qfpay', code: '1201', lang: 'en' })),
      post: JSON.stringify(JSON.parse(body).map((input) => lib.normalize({ ...input, lang: 'en' }))),
    }),
  );
  const barePort = await freePort();
  const bare = await startServer(
    [join(ROOT, 'bench', 'bare-server.mjs'), String(barePort), constants],
    `http://127.0.0.1:${barePort}/healthz`,
  );
  const apiPort = await freePort();
  let api;
  try {
    api = await startServer([BIN, 'serve', '--port', String(apiPort), '--host', '127.0.0.1'], `http://127.0.0.1:${apiPort}/healthz`);
  } catch (e) {
    await bare.stop();
    throw e;
  }
  // The same server without its access log, to show what the per-request stderr line costs.
  const quietPort = await freePort();
  let quiet;
  try {
    quiet = await startServer(
      [BIN, 'serve', '--port', String(quietPort), '--host', '127.0.0.1', '--quiet'],
      `http://127.0.0.1:${quietPort}/healthz`,
    );
  } catch {
    quiet = undefined;
  }
  const get = '/v1/normalize?provider=qfpay&code=1201';
  const cases = [
    { name: 'GET /v1/normalize', path: get, method: 'GET' },
    { name: 'POST /v1/normalize (batch of 100)', path: '/v1/normalize', method: 'POST', body },
  ];
  const acc = new Map(cases.map((c) => [c.name, { api: [], bare: [], quiet: [] }]));
  try {
    for (const c of cases) {
      for (const port of [barePort, apiPort]) {
        await load(`http://127.0.0.1:${port}${c.path}`, { method: c.method, body: c.body, connections, duration: warmup });
      }
    }
    // Interleaved rounds: bare, api, bare, api … so drift on a shared machine hits both alike.
    for (let i = 0; i < rounds; i++) {
      for (const c of cases) {
        const a = acc.get(c.name);
        a.bare.push(await load(`http://127.0.0.1:${barePort}${c.path}`, { method: c.method, body: c.body, connections, duration }));
        a.api.push(await load(`http://127.0.0.1:${apiPort}${c.path}`, { method: c.method, body: c.body, connections, duration }));
        if (quiet && c.method === 'GET') {
          a.quiet.push(await load(`http://127.0.0.1:${quietPort}${c.path}`, { method: c.method, body: c.body, connections, duration }));
        }
      }
    }
  } finally {
    await Promise.all([bare.stop(), api.stop(), quiet?.stop()]);
    rmSync(constants, { force: true });
  }

  const mean = (xs, k) => xs.reduce((s, x) => s + x[k], 0) / xs.length;
  const out = [];
  const setting = `${connections} connections, ${duration} s × ${rounds} rounds, 127.0.0.1`;
  for (const c of cases) {
    const { api: a, bare: b } = acc.get(c.name);
    const rps = mean(a, 'rps');
    const brps = mean(b, 'rps');
    out.push(
      row('http', `${c.name} requests/s`, Math.round(rps), 'req/s', {
        baseline: 'bare Hono route',
        baselineValue: Math.round(brps),
        ratio: round(rps / brps, 2),
        target: '≥ 0.7× bare route',
        met: rps >= 0.7 * brps,
        note: setting,
      }),
    );
    if (acc.get(c.name).quiet.length > 0) {
      const q = acc.get(c.name).quiet;
      out.push(
        row('http', `${c.name} requests/s with --quiet (no access log)`, Math.round(mean(q, 'rps')), 'req/s', {
          baseline: 'bare Hono route',
          baselineValue: Math.round(brps),
          ratio: round(mean(q, 'rps') / brps, 2),
          note: 'informational: the default serve writes one access-log line to stderr per request',
        }),
      );
    }
    out.push(
      row('http', `${c.name} p50 latency`, round(mean(a, 'p50'), 3), 'ms', {
        baseline: 'bare Hono route',
        baselineValue: round(mean(b, 'p50'), 3),
        ratio: round(mean(a, 'p50') / mean(b, 'p50'), 2),
      }),
      row('http', `${c.name} p99 latency`, round(mean(a, 'p99'), 3), 'ms', {
        baseline: 'bare Hono route',
        baselineValue: round(mean(b, 'p99'), 3),
        ratio: round(mean(a, 'p99') / mean(b, 'p99'), 2),
      }),
    );
  }
  return out;
}
