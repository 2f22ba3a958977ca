// A merchant's payment flow against `paycodes mock qfpay`: pay, then query while the answer says
// wait or query, and act only on a final decision. Run:
//   paycodes mock qfpay --port 8787 --scenario examples/merchant-client/scenario.yaml
//   node examples/merchant-client/client.mjs http://127.0.0.1:8787 ORDER-1001
import { fromResponse } from 'paycodes/responses';

const [base = 'http://127.0.0.1:8787', order = 'ORDER-1001', cents = '1000'] = process.argv.slice(2);
const MAX_QUERIES = 3;

/** One call; a timeout or a dropped connection is "no answer" (null), never an error to retry blindly. */
async function post(path, fields) {
  try {
    const res = await fetch(base + path, { method: 'POST', body: new URLSearchParams(fields), signal: AbortSignal.timeout(2000) });
    return { status: res.status, body: await res.text() };
  } catch {
    return { status: undefined, body: null };
  }
}

function show(step, answer, flow) {
  const d = fromResponse('qfpay', answer.body, { flow, ...(answer.status === undefined ? {} : { httpStatus: answer.status }) });
  const tx = d.layers.transaction;
  const detail = tx ? ` (${tx.field}=${tx.status})` : '';
  console.log(`${step.padEnd(8)} ${d.code.padEnd(5)} ${d.outcome.padEnd(9)} ${d.next.padEnd(6)} ${d.unified}${detail}`);
  return d;
}

let d = show(
  'payment',
  await post('/trade/v1/payment', { txamt: cents, txcurrcd: 'HKD', pay_type: '800101', out_trade_no: order }),
  'payment',
);
for (let i = 0; i < MAX_QUERIES && (d.next === 'wait' || d.next === 'query'); i++) {
  d = show('query', await post('/trade/v1/query', { out_trade_no: order }), 'query');
}
console.log(`final: ${d.outcome} / ${d.next}`);
// Exit 0 only on a settled answer: anything else goes to a person or a later reconciliation run.
process.exitCode = d.next === 'wait' || d.next === 'query' ? 3 : 0;
