// A nightly batch job: read the day's payment log, decide every record with paycodes, and print
// what operations must do first. Run it with `node examples/batch-job/job.mjs [log.ndjson]`.
// (For large logs, `paycodes normalize` streams the same decisions at about a million records/s.)
import { createReadStream } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { normalize } from 'paycodes';

const file = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), 'payments.ndjson');
const todo = { query: [], ask_customer: [], fix_and_retry: [], retry: [], stop: [], wait: [], done: [] };

for await (const line of createInterface({ input: createReadStream(file) })) {
  if (line.trim() === '') continue;
  const r = JSON.parse(line);
  const input = { provider: r.provider, code: r.code };
  for (const [field, key] of [
    ['flow', 'flow'],
    ['message', 'message'],
    ['state', 'state'],
    ['network', 'network'],
    ['network_code', 'networkCode'],
    ['advice_code', 'adviceCode'],
  ]) {
    if (r[field] !== undefined) input[key] = r[field];
  }
  const d = normalize(input);
  todo[d.next].push(
    `${r.order_id} ${r.currency} ${r.amount}  ${d.provider} ${d.code} → ${d.unified}${d.known ? '' : ' (not in the catalog)'}`,
  );
}

// Money in doubt first: never retry these, query the provider with the same order number.
const order = ['query', 'wait', 'retry', 'fix_and_retry', 'ask_customer', 'stop', 'done'];
for (const next of order) {
  if (todo[next].length === 0) continue;
  console.log(`${next} (${todo[next].length})`);
  for (const item of todo[next]) console.log(`  ${item}`);
}
