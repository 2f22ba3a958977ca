import { PaycodesInputError } from '../core/errors.js';
import type { Decision, Flow, Lang } from '../core/types.js';
import { envelopeOf, type ResponsesCatalog } from './catalog.js';
import { type EnvelopeData, lookupState, mainTable } from './envelope.js';
import { decideExtracted } from './layers.js';
import type { Extracted, TxCandidate } from './read-types.js';
import { sideOf } from './read-types.js';
import type { ResponseDecision } from './types.js';

export interface StateInput {
  provider: string;
  /** The request-level code as logged (`00`, `0000`, `SUCCESS`); empty when the provider answers with HTTP 2xx alone. */
  code: string | number;
  /** The transaction state as the provider returns it: `TRADE_SUCCESS`, `PENDING`, `REFUND_SUCCESS`… */
  state: string;
  flow: Flow;
  lang: Lang;
  message?: string;
}

/** A logged code that only says "request accepted", in the spelling the catalog uses. */
function acceptsLogged(env: EnvelopeData, code: string): boolean {
  if (code === '') return true;
  if ((env.request.accepted ?? []).includes(code)) return true;
  return env.request.http === '2xx' && /^2\d\d$/.test(code);
}

/** The state as a candidate: the first table (in envelope order) with a row for it, else the main table. */
function candidate(env: EnvelopeData, state: string, flow: Flow): TxCandidate | undefined {
  const side = sideOf(flow);
  for (const t of Object.values(env.states))
    if (lookupState(t, side, state) !== undefined) return { field: t.field, status: state, table: t, side };
  const t = mainTable(env);
  return t === undefined ? undefined : { field: t.field, status: state, table: t, side };
}

/**
 * A logged (code, state) pair read exactly as `fromResponse` reads the same two fields in a whole
 * response: one function behind `normalize({ state })` and the response readers.
 */
export function decideState(cat: ResponsesCatalog, input: StateInput): ResponseDecision {
  const id = cat.providerId(input.provider) ?? input.provider;
  const env = envelopeOf(cat, id);
  if (env === undefined || Object.keys(env.states).length === 0)
    throw new PaycodesInputError('state', `${input.provider} has no transaction-state table in the catalog; leave state out`);
  const raw = String(input.code).trim();
  const base = raw === '' ? undefined : cat.normalize({ provider: id, code: raw, flow: input.flow, lang: input.lang });
  const code = base?.code ?? raw;
  const request: Extracted['request'] = { accepted: acceptsLogged(env, code), field: env.request.code[0] ?? 'code' };
  if (code !== '') request.code = code;
  if (input.message !== undefined) request.message = input.message;
  const ex: Extracted = { request, raw: { state: input.state } };
  if (request.accepted) {
    const tx = candidate(env, input.state.trim(), input.flow);
    if (tx !== undefined) ex.transaction = tx;
  }
  return decideExtracted(cat, id, ex, input.flow, input.lang);
}

/** The plain, frozen `Decision` part of a state decision, as `normalize()` returns it. */
export function plainDecision(d: ResponseDecision): Decision {
  const { decidedBy: _b, layers: _l, raw: _r, parseError: _p, ...rest } = d;
  return Object.freeze(rest);
}
