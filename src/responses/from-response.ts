import { PaycodesInputError } from '../core/errors.js';
import { FLOWS, type Flow, type Lang } from '../core/types.js';
import { parseBody } from './body.js';
import { envelopeOf, type ResponsesCatalog } from './catalog.js';
import { langOf } from './decide.js';
import type { EnvelopeData } from './envelope.js';
import { extractGeneric } from './extract.js';
import { decideExtracted, unreadable } from './layers.js';
import type { ResponseDecision, ResponseOptions } from './types.js';

/** The canonical id of a provider whose envelope the catalog describes (aliases accepted), or a typed error. */
export function responseProvider(cat: ResponsesCatalog, provider: unknown): { id: string; env: EnvelopeData } {
  if (typeof provider !== 'string') throw new PaycodesInputError('provider', `provider must be a string, got ${typeof provider}`);
  const id = cat.providerId(provider.trim());
  const env = id === undefined ? undefined : envelopeOf(cat, id);
  if (id !== undefined && env !== undefined) return { id, env };
  const known = Object.keys(cat.envelopes).join(', ');
  throw new PaycodesInputError(
    'provider',
    `paycodes: fromResponse() reads whole responses of ${known}; got ${JSON.stringify(provider.slice(0, 40))}`,
  );
}

function checkOptions(opts: ResponseOptions): { flow: Flow; lang: Lang; httpStatus?: number } {
  if (typeof opts !== 'object' || opts === null) throw new PaycodesInputError('options', 'options must be an object');
  const flow = opts.flow ?? 'any';
  if (!(FLOWS as readonly string[]).includes(flow)) throw new PaycodesInputError('flow', `flow must be one of ${FLOWS.join(', ')}`);
  const h = opts.httpStatus;
  if (h !== undefined && (!Number.isInteger(h) || h < 100 || h > 599))
    throw new PaycodesInputError('httpStatus', 'httpStatus must be an integer from 100 to 599');
  const out: { flow: Flow; lang: Lang; httpStatus?: number } = { flow, lang: langOf(opts.lang) };
  if (h !== undefined) out.httpStatus = h;
  return out;
}

/**
 * Reads a whole provider response (parsed object or raw body) and decides on both layers: the outer
 * code says whether the request was accepted, the transaction state says whether the money moved.
 * A body that cannot be read, or an HTTP 5xx, is `unknown`/`query`: never a failure you might retry
 * into a double charge. Throws `PaycodesInputError` only for a provider without an envelope in the
 * catalog, or bad options.
 */
export function readResponse(cat: ResponsesCatalog, provider: string, response: unknown, options: ResponseOptions = {}): ResponseDecision {
  const { id, env } = responseProvider(cat, provider);
  const { flow, lang, httpStatus } = checkOptions(options);
  const parsed = parseBody(response);
  if (!parsed.ok) return unreadable(cat, id, flow, lang, parsed.error, httpStatus);
  const ctx = { flow, env, ...(options.signKey === undefined ? {} : { signKey: String(options.signKey) }) };
  const ex = extractGeneric(parsed.value, httpStatus === undefined ? ctx : { ...ctx, httpStatus });
  if (httpStatus !== undefined) ex.request.httpStatus = httpStatus;
  return decideExtracted(cat, id, ex, flow, lang, httpStatus);
}
