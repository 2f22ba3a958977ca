import type { Decision, Flow, Lang } from '../core/types.js';
import type { ResponsesCatalog } from './catalog.js';
import { codeDecision, type Rule, unifiedDecision } from './decide.js';
import { lookupState, rowProvenance } from './envelope.js';
import type { Extracted, TxCandidate } from './read-types.js';
import type { DecidedBy, ResponseDecision, TransactionLayer } from './types.js';

/**
 * The one place that combines the request layer and the transaction state into a decision. Whole
 * responses, notifications and `normalize({ state })` all come through here, so they agree.
 */

export const UNKNOWN = (reason: string): Rule => ({ unified: 'outcome_unknown', reason });

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

/** What the transaction state says. */
export function decideTransaction(
  cat: ResponsesCatalog,
  provider: string,
  c: TxCandidate,
  flow: Flow,
  lang: Lang,
): { decision: Decision; layer: TransactionLayer } {
  const rule = c.table ? lookupState(c.table, c.side, c.status) : undefined;
  const codeFlow: Flow = c.side === 'refund' && flow === 'any' ? 'refund' : flow;
  let d: Decision;
  const cited = rule && c.table ? rowProvenance(c.table, rule) : undefined;
  let provenance = cited?.provenance ?? c.table?.provenance ?? 'official';
  if (rule) {
    d = unifiedDecision(cat, provider, c.echo ?? c.status, flow, lang, rule, provenance, true);
    if (rule.useCode && c.code !== undefined) {
      // A decline code next to a failed state names the reason; it must still say "failed".
      const byCode = codeDecision(cat, provider, c.code, codeFlow, lang, c.message);
      if (byCode.known && byCode.outcome === 'failed') d = byCode;
    }
  } else {
    // Not a state word we know: the value is a provider code (QFPay record respcd, OTT Pay Appendix B).
    d = codeDecision(cat, provider, c.status, codeFlow, lang, c.message);
    if (!d.known && c.table) {
      d = unifiedDecision(
        cat,
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
  if (cited) layer.source = cited.source;
  if (c.code !== undefined) layer.code = c.code;
  if (c.message !== undefined) layer.message = c.message;
  if (c.detail && Object.keys(c.detail).length > 0) layer.detail = c.detail;
  return { decision: d, layer };
}

export function httpAnswer(status: number | undefined): Rule | undefined {
  if (status === undefined || status < 400) return undefined;
  if (status === 429) return { unified: 'rate_limited', reason: 'HTTP 429: the provider is rate-limiting; back off and retry.' };
  if (status >= 500)
    return UNKNOWN(`HTTP ${status}: the provider failed while handling the call; the money may have moved. Query before retrying.`);
  return UNKNOWN(`HTTP ${status} without a readable error code: query the order before acting on it.`);
}

/** An answer for a body that could not be read at all. */
export function unreadable(
  cat: ResponsesCatalog,
  id: string,
  flow: Flow,
  lang: Lang,
  error: string,
  httpStatus: number | undefined,
): ResponseDecision {
  const why = httpAnswer(httpStatus) ?? UNKNOWN(`The response body could not be read (${error}): query the order before acting on it.`);
  const d = unifiedDecision(cat, id, httpStatus === undefined ? '' : `HTTP ${httpStatus}`, flow, lang, why, 'official', true);
  const request = httpStatus === undefined ? { accepted: false } : { accepted: false, httpStatus };
  return finish(d, httpStatus !== undefined && httpStatus >= 400 ? 'http' : 'body', { request, raw: {} }, undefined, error);
}

/** Combines the two extracted layers into one decision. */
export function decideExtracted(
  cat: ResponsesCatalog,
  id: string,
  ex: Extracted,
  flow: Flow,
  lang: Lang,
  httpStatus?: number,
): ResponseDecision {
  const req = ex.request;
  const httpFailed = httpStatus !== undefined && httpStatus >= 400;

  if (!req.accepted || httpFailed) {
    if (req.code !== undefined) {
      let d = codeDecision(cat, id, req.code, flow, lang, req.message);
      // An HTTP error never proves success, and a 5xx never proves the money did not move.
      const serverFailed = httpStatus !== undefined && httpStatus >= 500;
      if ((httpFailed && d.outcome === 'succeeded') || (serverFailed && d.outcome === 'failed' && d.next !== 'retry' && flow !== 'query')) {
        d = unifiedDecision(cat, id, req.code, flow, lang, httpAnswer(httpStatus) ?? UNKNOWN('HTTP error'), 'official', true);
      }
      return finish(d, 'request', ex, undefined);
    }
    const why = httpAnswer(httpStatus) ?? UNKNOWN('The response has neither a result code nor a transaction state: query the order.');
    const d = unifiedDecision(cat, id, httpStatus === undefined ? '' : `HTTP ${httpStatus}`, flow, lang, why, 'official', true);
    return finish(d, httpFailed ? 'http' : 'body', ex, undefined);
  }

  if (ex.answer) {
    const d = unifiedDecision(cat, id, ex.answer.code, flow, lang, ex.answer.rule, ex.answer.provenance, true);
    return finish(d, 'transaction', ex, undefined);
  }

  if (ex.transaction) {
    const { decision, layer } = decideTransaction(cat, id, ex.transaction, flow, lang);
    return finish(decision, 'transaction', ex, layer);
  }

  if (req.code !== undefined) return finish(codeDecision(cat, id, req.code, flow, lang, req.message), 'request', ex, undefined);
  const d = unifiedDecision(
    cat,
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
