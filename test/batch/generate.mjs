#!/usr/bin/env node
// Writes a realistic NDJSON payment log for the batch benchmark:
//   node test/batch/generate.mjs 1000000 /tmp/paycodes-1m.ndjson
// Deterministic (seeded), ~170 bytes a line: mostly known codes, some unknown, some with a flow
// or the provider's message (Chinese and English), a few with escapes that take the slow path.
import { createWriteStream } from 'node:fs';

const n = Number(process.argv[2] ?? 1_000_000);
const path = process.argv[3] ?? '/tmp/paycodes-1m.ndjson';

let seed = 42;
const rand = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const pick = (a) => a[Math.floor(rand() * a.length)];

const known = {
  qfpay: ['0000', '1143', '1145', '1201', '1150', '1181', '1252', '1297'],
  eftpay: ['00', '-99', '-53', '24', '64', '-1'],
  'shopline-payments': ['4454', '1022', '4003', 'SERVER_ERROR', '1005', '4702', '3000'],
  subotiz: ['100100', '100606'],
  ottpay: ['SUCCESS', 'PROCESSING', 'PWD_INCORRECT', 'TIMEOUT', 'AMOUNT_NOT_ENOUGH'],
};
const providers = Object.keys(known);
const flows = ['payment', 'refund', 'query', 'cancel'];
const messages = ['余额不足', '餘額不足，請更換支付方式', 'System error', 'transaction processing', 'Channel response timeout', '系统错误'];
const currencies = ['HKD', 'TWD', 'CNY', 'CAD', 'USD'];
const channels = ['wechat', 'alipay', 'card', 'fps', 'payme'];

const out = createWriteStream(path, { highWaterMark: 1 << 20 });
let i = 0;
function write() {
  let ok = true;
  while (i < n && ok) {
    const provider = pick(providers);
    const r = rand();
    const code = r < 0.9 ? pick(known[provider]) : String(9000 + Math.floor(rand() * 50));
    const rec = {
      ts: new Date(1_735_689_600_000 + i * 1000).toISOString(),
      id: `ord_${(1e9 + i).toString(36)}${Math.floor(rand() * 1e6)}`,
      amount: Math.floor(rand() * 100_000) / 100,
      currency: pick(currencies),
      merchant: `mch_${10000 + Math.floor(rand() * 90000)}`,
      channel: pick(channels),
      provider,
      code: provider === 'qfpay' && rand() < 0.3 ? Number(code) : code,
    };
    if (rand() < 0.3) rec.flow = pick(flows);
    if (rand() < 0.25) rec.message = pick(messages);
    if (rand() < 0.01) rec.note = 'said "retry"\tlater';
    ok = out.write(`${JSON.stringify(rec)}\n`);
    i++;
  }
  if (i < n) out.once('drain', write);
  else out.end();
}
write();
out.on('finish', () => process.stderr.write(`wrote ${n} records to ${path}\n`));
