import { PaycodesInputError } from '../core/errors.js';
import { type Decision, FLOWS, type Flow, type Lang } from '../core/types.js';
import { normalizer } from '../normalize.js';
import { parseBody } from './body.js';
import { codeDecision, langOf, unifiedDecision } from './decide.js';
import { eftpay } from './providers/eftpay.js';
import type { Extracted, Extractor, TxCandidate } from './providers/extract.js';
import { ottpay } from './providers/ottpay.js';
import { qfpay } from './providers/qfpay.js';
import { shopline } from './providers/shopline.js';
import { subotiz } from './providers/subotiz.js';
import { lookupState } from './tables.js';
import {
  type DecidedBy,
  RESPONSE_PROVIDERS,
  type ResponseDecision,
  type ResponseOptions,
  type ResponseProvider,
  type TransactionLayer,
} from './types.js';

const EXTRACTORS = new Map<ResponseProvider, Extractor>([
  ['qfpay', qfpay],
  ['eftpay', eftpay],
  ['shopline-payments', shopline],
  ['subotiz', subotiz],
  ['ottpay', ottpay],
]);

/** The canonical id of a seed provider (aliases and loose spellings accepted), or a typed error. */
export function responseProvider(provider: unknown): ResponseProvider {
  if (typeof provider !== 'string') throw new PaycodesInputError('provider', `provider must be a string, got ${typeof provider}`);
  const id = normalizer.provider(provider.trim())?.id;
  if (id !== undefined && (RESPONSE_PROVIDERS as readonly string[]).includes(id)) return id as ResponseProvider;
  throw new PaycodesInputError(
    'provider',
    `fromResponse() reads whole responses of ${RESPONSE_PROVIDERS.join(', ')}; got ${JSON.stringify(provider.slice(0, 40))}`,
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

function finish(
  d: Decision,
  decidedBy: DecidedBy,
  ex: Pick<Extracted, 'request' | 'raw' | 'note'>,
  tx: TransactionLayer | undefined,
  parseError?: string,
): ResponseDecision {
  const r: ResponseDecision = { ...d, decidedBy, layers: { request: ex.request }, raw: ex.raw };
  if (tx) r.layers.transaction = tx;
  const problem = parseError ?? ex.note;
  if (problem !== undefined) r.parseError = problem;
  return r;
}

const UNKNOWN = (reason: string) => ({ unified: 'outcome_unknown', reason });

/** What the transaction state says; undefined when it says nothing we can use. */
function decideTransaction(
  provider: ResponseProvider,
  c: TxCandidate,
  flow: Flow,
  lang: Lang,
): { decision: Decision; layer: TransactionLayer } {
  const rule = c.table ? lookupState(c.table, c.side, c.status) : undefined;
  const codeFlow: Flow = c.side === 'refund' && flow === 'any' ? 'refund' : flow;
  let d: Decision;
  let provenance = c.table?.provenance ?? 'official';
  if (rule) {
    d = unifiedDecision(provider, c.echo ?? c.status, flow, lang, rule, provenance, true);
    if (rule.useCode && c.code !== undefined) {
      // A decline code next to a failed state names the reason; it must still say "failed".
      const byCode = codeDecision(provider, c.code, codeFlow, lang, c.message);
      if (byCode.known && byCode.outcome === 'failed') d = byCode;
    }
  } else {
    // Not a state word we know: the value is a provider code (QFPay record respcd, OTT Pay Appendix B).
    d = codeDecision(provider, c.status, codeFlow, lang, c.message);
    if (!d.known && c.table) {
      d = unifiedDecision(
        provider,
        c.status,
        flow,
        lang,
        UNKNOWN(`Unrecognised ${c.field} value ${JSON.stringify(c.status)}: query the order.`),
        provenance,
        false,
      );
    }
    if (!c.table) provenance = 'official';
  }
  const layer: TransactionLayer = { field: c.field, status: c.status, unified: d.unified, provenance };
  if (c.code !== undefined) layer.code = c.code;
  if (c.message !== undefined) layer.message = c.message;
  if (c.detail && Object.keys(c.detail).length > 0) layer.detail = c.detail;
  return { decision: d, layer };
}

function httpAnswer(status: number | undefined): { unified: string; reason: string } | undefined {
  if (status === undefined || status < 400) return undefined;
  if (status === 429) return { unified: 'rate_limited', reason: 'HTTP 429: the provider is rate-limiting; back off and retry.' };
  if (status >= 500)
    return UNKNOWN(`HTTP ${status}: the provider failed while handling the call; the money may have moved. Query before retrying.`);
  return UNKNOWN(`HTTP ${status} without a readable error code: query the order before acting on it.`);
}

/**
 * Reads a whole provider response (parsed object or raw body) and decides on both layers: the outer
 * code says whether the request was accepted, the transaction state says whether the money moved.
 * A body that cannot be read, or an HTTP 5xx, is `unknown`/`query`: never a failure you might retry
 * into a double charge. Throws only for a bad provider id or bad options.
 */
export function fromResponse(provider: string, response: unknown, options: ResponseOptions = {}): ResponseDecision {
  const id = responseProvider(provider);
  const { flow, lang, httpStatus } = checkOptions(options);
  const parsed = parseBody(response);
  const baseRequest = httpStatus === undefined ? { accepted: false } : { accepted: false, httpStatus };

  if (!parsed.ok) {
    const why =
      httpAnswer(httpStatus) ?? UNKNOWN(`The response body could not be read (${parsed.error}): query the order before acting on it.`);
    const d = unifiedDecision(id, httpStatus === undefined ? '' : `HTTP ${httpStatus}`, flow, lang, why, 'official', true);
    return finish(
      d,
      httpStatus !== undefined && httpStatus >= 400 ? 'http' : 'body',
      { request: baseRequest, raw: {} },
      undefined,
      parsed.error,
    );
  }

  const extractor = EXTRACTORS.get(id) as Extractor;
  const ctx = options.signKey === undefined ? { flow } : { flow, signKey: String(options.signKey) };
  const ex = extractor(parsed.value, httpStatus === undefined ? ctx : { ...ctx, httpStatus });
  if (httpStatus !== undefined) ex.request.httpStatus = httpStatus;
  return decideExtracted(id, ex, flow, lang, httpStatus);
}

/** Combines the two extracted layers into one decision (shared with notifications). */
export function decideExtracted(id: ResponseProvider, ex: Extracted, flow: Flow, lang: Lang, httpStatus?: number): ResponseDecision {
  const req = ex.request;
  const httpFailed = httpStatus !== undefined && httpStatus >= 400;

  if (!req.accepted || httpFailed) {
    if (req.code !== undefined) {
      let d = codeDecision(id, req.code, flow, lang, req.message);
      // An HTTP error never proves success, and a 5xx never proves the money did not move.
      const serverFailed = httpStatus !== undefined && httpStatus >= 500;
      if ((httpFailed && d.outcome === 'succeeded') || (serverFailed && d.outcome === 'failed' && d.next !== 'retry' && flow !== 'query')) {
        d = unifiedDecision(id, req.code, flow, lang, httpAnswer(httpStatus) ?? UNKNOWN('HTTP error'), 'official', true);
      }
      return finish(d, 'request', ex, undefined);
    }
    const why = httpAnswer(httpStatus) ?? UNKNOWN('The response has neither a result code nor a transaction state: query the order.');
    const d = unifiedDecision(id, httpStatus === undefined ? '' : `HTTP ${httpStatus}`, flow, lang, why, 'official', true);
    return finish(d, httpFailed ? 'http' : 'body', ex, undefined);
  }

  if (ex.answer) {
    const d = unifiedDecision(id, ex.answer.code, flow, lang, ex.answer.rule, 'official', true);
    return finish(d, 'transaction', ex, undefined);
  }

  if (ex.transaction) {
    const { decision, layer } = decideTransaction(id, ex.transaction, flow, lang);
    return finish(decision, 'transaction', ex, layer);
  }

  if (req.code !== undefined) return finish(codeDecision(id, req.code, flow, lang, req.message), 'request', ex, undefined);
  const d = unifiedDecision(
    id,
    '',
    flow,
    lang,
    UNKNOWN('The call was accepted but the body carries no transaction state: query the order.'),
    'official',
    true,
  );
  return finish(d, 'body', ex, undefined);
}
