// The worst case per request, for docs/security.md: the most work one request can ask for under
// the default limits, measured in process (no network) on the built package.
//   node bench/worst-case.mjs
import { createApp } from '../dist/server.js';

const app = createApp({ log: false });
const WORDS = ['timeout', '余额不足', 'declined', '系統錯誤', '3d', '身份', '<tr ', 'insufficient', '처리중', '重複'];
/** Deterministic text of `n` characters that touches every script and every classifier rule. */
function text(n, seed) {
  let s = seed;
  let out = '';
  while (out.length < n) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    out += `${WORDS[s % WORDS.length]} `;
  }
  return out.slice(0, n);
}
const ms = (t) => (performance.now() - t).toFixed(0);

for (let round = 0; round < 3; round++) {
  // As many 4,096-character messages for unknown providers as fit under the 1 MiB body limit.
  const items = Array.from({ length: 150 }, (_, i) => ({
    provider: `acme-${round}`,
    code: `E${i}`,
    message: text(4096, i + round * 7919),
  }));
  const body = JSON.stringify(items);
  const t = performance.now();
  const r = await app.request('/v1/normalize', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  await r.text();
  console.log(
    `POST ${items.length} × 4,096-character unknown messages (${(Buffer.byteLength(body) / 1048576).toFixed(2)} MiB): ${r.status} in ${ms(t)} ms`,
  );
}
for (const [label, q] of [
  ['a 200-character mixed query', text(200, 1)],
  ['余额不足', '余额不足'],
]) {
  const t = performance.now();
  for (let i = 0; i < 20; i++) await (await app.request(`/v1/search?q=${encodeURIComponent(q)}`)).text();
  console.log(`GET /v1/search with ${label}: ${((performance.now() - t) / 20).toFixed(1)} ms each`);
}
