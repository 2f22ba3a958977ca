import type { Decision } from '../core/types.js';
import { FLOWS, type Flow } from '../core/types.js';
import { envelopes } from '../data/envelopes.js';
import { normalize } from '../normalize.js';
import type { EnvelopeData } from '../responses/envelope.js';

/**
 * One row of the exported state table: what `normalize({ provider, code, state, flow })` answers
 * for a request code that only says "accepted" and a transaction state. Every row is computed by
 * normalize() itself, so the SQL export never re-states the combination rule.
 *
 * - A request code the provider does not call "accepted" ignores the state (normalize() then reads
 *   the code alone), so only accepted codes have rows; the mapping answers the others.
 * - `state` is each value of the provider's state tables, plus its upper- and lower-case spellings
 *   (the tables are looked up case-insensitively). `state = ''` is the row for any other state value.
 * - A row for flow `any` answers every flow that has no row of its own; a flow gets its own row only
 *   where its answer differs (a refund reads the refund side of the table).
 */
export interface StateRow {
  provider: string;
  code: string;
  state: string;
  flow: Flow;
  known: boolean;
  unified: string;
  category: string;
  outcome: string;
  next: string;
  party: string;
  disclosure: string;
}

/** The state value that stands for "any value the tables do not list" in the exported rows. */
export const OTHER_STATE = '';
/** A probe no state table holds and no catalog reads as a code, used to compute the OTHER_STATE rows. */
const UNLISTED = 'PAYCODES_UNLISTED_STATE';

/** The request codes that only say "accepted": none logged, the envelope's list, and every 2xx for HTTP-status providers. */
function acceptedCodes(env: EnvelopeData): string[] {
  const out = new Set<string>(['']);
  for (const c of env.request.accepted) {
    if (c === 'http-2xx') for (let s = 200; s < 300; s++) out.add(String(s));
    else out.add(c);
  }
  return [...out];
}

/** Every state value a provider's tables hold, with the spellings a case-insensitive lookup reaches. */
function stateValues(env: EnvelopeData): string[] {
  const out = new Set<string>();
  for (const t of Object.values(env.states)) {
    for (const side of [t.payment, t.refund]) {
      for (const k of Object.keys(side)) {
        out.add(k);
        out.add(k.toUpperCase());
        out.add(k.toLowerCase());
      }
    }
  }
  return [...out].filter((s) => s.trim() !== '' && s === s.trim()).sort();
}

const answerKey = (d: Decision) => `${d.known}|${d.unified}|${d.category}|${d.outcome}|${d.next}|${d.party}|${d.disclosure}`;

/** Every (provider, accepted code, state, flow) answer, computed by normalize(). */
export function buildStateRows(): StateRow[] {
  const rows: StateRow[] = [];
  for (const [provider, env] of Object.entries(envelopes)) {
    if (Object.keys(env.states).length === 0) continue;
    const states = stateValues(env);
    for (const code of acceptedCodes(env)) {
      for (const state of [OTHER_STATE, ...states]) {
        const probe = state === OTHER_STATE ? UNLISTED : state;
        const ask = (flow: Flow) => normalize({ provider, code, state: probe, flow });
        const any = ask('any');
        const key = answerKey(any);
        rows.push(row(provider, code, state, 'any', any));
        for (const flow of FLOWS) {
          if (flow === 'any') continue;
          const d = ask(flow);
          if (answerKey(d) !== key) rows.push(row(provider, code, state, flow, d));
        }
      }
    }
  }
  return rows;
}

function row(provider: string, code: string, state: string, flow: Flow, d: Decision): StateRow {
  return {
    provider,
    code,
    state,
    flow,
    known: d.known,
    unified: d.unified,
    category: d.category,
    outcome: d.outcome,
    next: d.next,
    party: d.party,
    disclosure: d.disclosure,
  };
}

/** What the warehouse query answers from the state table for one log row, in JS (tests hold it to normalize()). */
export function lookupState(
  rows: readonly StateRow[],
  provider: string,
  code: string,
  state: string,
  flow: Flow | undefined,
): StateRow | undefined {
  const s = state.trim();
  if (s === '') return undefined;
  const f = flow ?? 'any';
  const mine = rows.filter((r) => r.provider === provider && r.code === code);
  const pick = (st: string) => mine.find((r) => r.state === st && r.flow === f) ?? mine.find((r) => r.state === st && r.flow === 'any');
  return pick(s) ?? pick(s.toUpperCase()) ?? pick(OTHER_STATE);
}
