// Stand-in for `paycodes sample` while that command is not built: a deterministic NDJSON log with
// the same fields (id, ts, provider, flow, code, message, amount, currency), mostly known codes,
// some unmapped ones. Usage: node bench/gen-sample.mjs <rows> <seed> <out>

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { loadLibrary } from './mapping.mjs';

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CURRENCY = { qfpay: 'HKD', eftpay: 'HKD', 'shopline-payments': 'TWD', subotiz: 'USD', ottpay: 'CAD' };
const FLOWS = ['payment', 'payment', 'payment', 'refund', 'query', 'cancel'];

export async function generateSample(rows, seed, out) {
  const { data } = await loadLibrary();
  const rand = mulberry32(seed);
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const providers = data.providers.map((p) => ({
    id: p.id,
    entries: p.entries.map((e) => ({ code: e[0], flow: e[1], text: e[4].find((t) => t) ?? '' })),
    success: p.entries.find((e) => /approved|succeeded/.test(e[3]))?.[0] ?? p.entries[0][0],
  }));
  const ws = createWriteStream(out);
  const t0 = Date.UTC(2026, 0, 1);
  let buf = '';
  for (let i = 0; i < rows; i++) {
    const p = pick(providers);
    let code;
    let message;
    const r = rand();
    if (r < 0.6) {
      code = p.success;
      message = 'success';
    } else if (r < 0.97) {
      const e = pick(p.entries);
      code = e.code;
      message = e.text;
    } else {
      code = String(90000 + Math.floor(rand() * 50));
      message = 'unexpected error';
    }
    const rec = {
      id: `tx_${seed}_${i}`,
      ts: new Date(t0 + i * 1000).toISOString(),
      provider: p.id,
      flow: pick(FLOWS),
      code,
      message,
      amount: Math.round(rand() * 200000) / 100,
      currency: CURRENCY[p.id] ?? 'USD',
    };
    buf += `${JSON.stringify(rec)}\n`;
    if (buf.length > 1 << 16) {
      if (!ws.write(buf)) await once(ws, 'drain');
      buf = '';
    }
  }
  ws.end(buf);
  await once(ws, 'finish');
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const [rows, seed, out] = process.argv.slice(2);
  await generateSample(Number(rows), Number(seed), out);
}
