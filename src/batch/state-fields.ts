import { envelopes } from '../data/envelopes.js';

/**
 * Words some envelopes use for a state field that logs use for too many other things (an HTTP
 * status, a row status, a cancel flag): a log column with one of these names is read as the
 * transaction state only when `--state-field` names it.
 */
const TOO_GENERIC = new Set(['status', 'cancel']);

/**
 * The names providers give the transaction state, from the state tables their envelopes declare
 * (eftPay and Subotiz `trade_status`, QFPay `data.txstatus`, OTT Pay `data.order_status`, …), by the
 * last part of each path, in catalog order. A log is searched for them when it has no `state` field.
 */
export function stateFieldNames(): readonly string[] {
  const out = new Set<string>();
  for (const env of Object.values(envelopes)) {
    for (const t of Object.values(env.states)) {
      for (const path of [t.field, ...(t.also ?? [])]) {
        // A log flattens the response: `data.txstatus` is logged as `txstatus`.
        const name = path.slice(path.lastIndexOf('.') + 1);
        if (!TOO_GENERIC.has(name)) out.add(name);
      }
    }
  }
  return Object.freeze([...out]);
}
