// The worked example of docs/retry-rules.md: a Mastercard decline with MAC 24, retried after the
// wait, and a Visa 51 retried until the network's cap. Run it with `node examples/retry/worked-example.mjs`.
import { adviseRetry, normalize } from 'paycodes';

const HOUR = 3_600_000;
const t0 = Date.parse('2026-12-01T10:00:00Z');
const show = (label, a) =>
  console.log(
    `${label}: retry=${a.retry}${a.notBefore ? ` notBefore=${a.notBefore}` : ''} remaining=${a.remaining ?? '-'} reference=${a.reference} rules=${a.rules.map((r) => r.id).join(',')}`,
  );

// 1. Mastercard: insufficient funds with Merchant Advice Code 24 (retry after 1 hour).
const mc = normalize({ provider: 'qfpay', code: '1201', network: 'mastercard', networkCode: '51', adviceCode: '24' });
console.log(`mastercard decision: ${mc.unified} ${mc.outcome} decline=${mc.decline} recurring=${mc.recurring}`);
const history = [{ at: t0, network: 'mastercard', networkCode: '51', adviceCode: '24', amount: '120.00' }];
show('right after the decline', adviseRetry({ decision: mc, attempts: history, now: t0 }));
show('61 minutes later', adviseRetry({ decision: mc, attempts: history, now: t0 + 61 * 60_000 }));

// 2. Visa 51 (category 2: cannot approve at this time), declined again and again.
const visa = normalize({ provider: 'qfpay', code: '1201', network: 'visa', networkCode: '51' });
const attempts = [];
for (let i = 0; i < 21; i++) {
  const now = t0 + i * 12 * HOUR;
  attempts.push({ at: now, network: 'visa', networkCode: '51', amount: '120.00' });
  const a = adviseRetry({ decision: visa, attempts, now });
  if (i < 2 || !a.retry) show(`visa attempt ${i + 1}`, a);
  if (!a.retry) break;
}
