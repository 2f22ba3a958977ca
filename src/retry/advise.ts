import { PaycodesInputError } from '../core/errors.js';
import { isNetwork, type NetworkReading, networkCode, readNetwork } from '../core/network.js';
import type { Network, RetryRules, RuleSource } from '../core/network-rules.js';
import type { Decision, DecisionNetwork } from '../core/types.js';

/** One earlier declined attempt for the same card (or wallet account) at the same merchant. */
export interface Attempt {
  /** When the attempt was declined: an ISO 8601 time, epoch milliseconds or a Date. */
  at: string | number | Date;
  network?: Network;
  networkCode?: string | number;
  adviceCode?: string | number;
  /** The amount as the merchant logs it; only compared with other attempts' amounts. */
  amount?: string | number;
}

export interface RetryInput {
  /** The decision for the latest attempt, as `normalize()` returned it. */
  decision: Pick<Decision, 'outcome' | 'next'> & { network?: Pick<DecisionNetwork, 'network' | 'code' | 'advice'> | undefined };
  /**
   * Every declined attempt so far for this card and merchant, the latest included. When it is
   * empty, the decision's own attempt counts as one, made at `now`.
   */
  attempts?: readonly Attempt[];
  /** The time to advise for; defaults to the clock. */
  now?: string | number | Date;
}

export interface AppliedRule {
  id: string;
  says: string;
  source: RuleSource & { id: string };
}

export interface RetryAdvice {
  /** May the same payment be submitted again now (or from `notBefore`), unchanged? */
  retry: boolean;
  /** Do not submit before this time (ISO 8601), when a wait is required. */
  notBefore?: string;
  /** Attempts left in the tightest window that applies, when one does. */
  remaining?: number;
  /** Resubmit under the same merchant reference / idempotency key, or a new one. */
  reference: 'same' | 'new';
  /** Every rule that decided, with its source. */
  rules: AppliedRule[];
}

/** Histories longer than this are refused: a real card is blocked long before. */
export const MAX_ATTEMPTS = 10_000;

const POLICY_RULES = {
  'query-first': 'The money may have moved: query the provider until it confirms a failure, and resubmit only under the same reference.',
  'wait-for-result': 'The payment is still in progress: wait for its result before anything else.',
  'already-succeeded': 'The payment succeeded: there is nothing to retry.',
  'customer-must-act': 'The customer must act (another card, more funds, authentication): a new attempt starts from them, not a retry.',
  stopped: 'The provider says to stop: do not submit this payment again.',
  'fix-first': 'The request must be corrected before it is sent again, as a new attempt.',
  'network-never': 'A network code in this card\u2019s history says the issuer will never approve it: no retry.',
} as const;

function time(value: unknown, field: string): number {
  const t =
    value instanceof Date
      ? value.getTime()
      : typeof value === 'number'
        ? value
        : typeof value === 'string'
          ? Date.parse(value)
          : Number.NaN;
  if (!Number.isFinite(t)) throw new PaycodesInputError(field, `${field} must be an ISO 8601 time, epoch milliseconds or a Date`);
  return t;
}

const iso = (ms: number): string => new Date(ms).toISOString();

interface ParsedAttempt {
  at: number;
  network?: Network;
  code?: string;
  advice?: string;
  amount?: string;
}

function parseAttempts(attempts: unknown): ParsedAttempt[] {
  if (attempts === undefined || attempts === null) return [];
  if (!Array.isArray(attempts)) throw new PaycodesInputError('attempts', 'attempts must be an array');
  if (attempts.length > MAX_ATTEMPTS) throw new PaycodesInputError('attempts', `attempts holds at most ${MAX_ATTEMPTS} entries`);
  return attempts.map((a, i) => {
    if (typeof a !== 'object' || a === null) throw new PaycodesInputError('attempts', `attempts[${i}] must be an object`);
    const o = a as Attempt;
    const p: ParsedAttempt = { at: time(o.at, `attempts[${i}].at`) };
    if (o.network !== undefined) {
      if (!isNetwork(o.network)) throw new PaycodesInputError('attempts', `attempts[${i}].network is not a known network`);
      p.network = o.network;
    }
    const c = networkCode(o.networkCode);
    if (c !== undefined) p.code = c;
    const adv = networkCode(o.adviceCode);
    if (adv !== undefined) p.advice = adv;
    if (o.amount !== undefined && o.amount !== null) p.amount = String(o.amount).trim();
    return p;
  });
}

/**
 * Advises whether, when and under which reference a declined payment may be tried again. The
 * answer is the strictest of every rule that applies: the decision's own reading first (an open
 * outcome is never retried), then the card network's rules for the codes in the whole history,
 * then the caps on attempts per card.
 */
export function createAdviseRetry(rules: RetryRules): (input: RetryInput) => RetryAdvice {
  const cite = (id: string, says: string, sourceId: string): AppliedRule => {
    const s = rules.sources[sourceId];
    if (s === undefined) throw new Error(`retry rule ${id} cites an unknown source ${sourceId}`);
    return { id, says, source: { id: sourceId, ...s } };
  };
  const policy = (id: keyof typeof POLICY_RULES): AppliedRule => cite(id, POLICY_RULES[id], rules.backoff.source);

  return function adviseRetry(input: RetryInput): RetryAdvice {
    if (typeof input !== 'object' || input === null)
      throw new PaycodesInputError('input', 'adviseRetry() takes { decision, attempts?, now? }');
    const d = input.decision;
    if (typeof d !== 'object' || d === null) throw new PaycodesInputError('decision', 'decision must be a Decision from normalize()');
    const now = input.now === undefined ? Date.now() : time(input.now, 'now');
    const history = parseAttempts(input.attempts).sort((a, b) => a.at - b.at);

    // Nothing about the network matters until the money is known not to have moved.
    if (d.outcome === 'succeeded') return { retry: false, reference: 'same', rules: [policy('already-succeeded')] };
    if (d.outcome === 'unknown' || d.next === 'query') return { retry: false, reference: 'same', rules: [policy('query-first')] };
    if (d.outcome === 'pending' || d.next === 'wait' || d.next === 'done')
      return { retry: false, reference: 'same', rules: [policy('wait-for-result')] };

    const net = d.network !== undefined && isNetwork(d.network.network) ? d.network : undefined;
    const current: ParsedAttempt = history.at(-1) ?? { at: now };
    if (net !== undefined) {
      current.network ??= net.network;
      if (current.code === undefined && net.code !== undefined) current.code = networkCode(net.code);
      if (current.advice === undefined && net.advice !== undefined) current.advice = networkCode(net.advice);
    }
    const attempts = history.length > 0 ? history : [current];
    const applied: AppliedRule[] = [];
    let retry = true;
    let notBefore = Number.NEGATIVE_INFINITY;
    let remaining = Number.POSITIVE_INFINITY;

    // A code that forbids retries forbids them for the rest of the card's history, not only when latest.
    for (const a of attempts) {
      const n = a.network ?? current.network;
      if (n === undefined || a === current) continue;
      const r = readNetwork(rules, n, a.code, a.advice);
      if (r.retry === 'never') {
        retry = false;
        for (const g of r.groups)
          if (g.retry === 'never' && !applied.some((x) => x.id === g.id)) applied.push(cite(g.id, g.says, g.source));
      }
    }

    const reading: NetworkReading | undefined =
      current.network !== undefined ? readNetwork(rules, current.network, current.code, current.advice) : undefined;
    if (reading !== undefined && reading.retry !== undefined) {
      for (const g of reading.groups) if (g.retry !== undefined || g.recurring !== undefined) applied.push(cite(g.id, g.says, g.source));
      if (reading.retry === 'never' || reading.retry === 'after_fix') retry = false;
      if (reading.retry === 'later' && reading.waitSeconds !== undefined)
        notBefore = Math.max(notBefore, current.at + reading.waitSeconds * 1000);
    } else if (d.next === 'stop') {
      retry = false;
      applied.push(policy('stopped'));
    } else if (d.next === 'ask_customer') {
      retry = false;
      applied.push(policy('customer-must-act'));
    } else if (d.next === 'fix_and_retry') {
      retry = false;
      applied.push(policy('fix-first'));
    }

    const network = current.network;
    const caps = network === undefined ? [] : rules.caps.filter((c) => c.network === network);
    if (caps.length > 0) {
      for (const cap of caps) {
        const first = attempts[0] as ParsedAttempt;
        if (cap.sinceFirstSeconds !== undefined && now - first.at > cap.sinceFirstSeconds * 1000) {
          retry = false;
          applied.push(cite(cap.id, cap.says, cap.source));
        }
        if (cap.attempts !== undefined && cap.windowSeconds !== undefined) {
          const since = now - cap.windowSeconds * 1000;
          const counted = attempts.filter(
            (a) => a.at > since && (a.network === undefined || a.network === network) && (!cap.sameAmount || a.amount === current.amount),
          ).length;
          const left = Math.max(0, cap.attempts - counted);
          remaining = Math.min(remaining, left);
          if (left === 0) {
            retry = false;
            applied.push(cite(cap.id, cap.says, cap.source));
          }
        }
      }
    } else if (retry) {
      // Wallets, QR payments and networks without published caps: a plain backoff with a daily cap.
      const b = rules.backoff;
      const since = now - b.windowSeconds * 1000;
      const counted = attempts.filter((a) => a.at > since).length;
      const delay = Math.min(b.initialSeconds * b.factor ** Math.max(0, counted - 1), b.maxSeconds);
      notBefore = Math.max(notBefore, current.at + delay * 1000);
      remaining = Math.min(remaining, Math.max(0, b.attempts - counted));
      applied.push(cite(b.id, b.says, b.source));
      if (counted >= b.attempts) retry = false;
    }

    const advice: RetryAdvice = { retry, reference: 'new', rules: applied };
    if (retry && notBefore > now) advice.notBefore = iso(notBefore);
    if (Number.isFinite(remaining)) advice.remaining = remaining;
    return advice;
  };
}
