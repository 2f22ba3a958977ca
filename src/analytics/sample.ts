import { type CatalogEntry, listEntries } from '../catalog/api.js';
import type { Flow } from '../core/types.js';
import { normalizer } from '../normalize.js';
import { Prng, Weighted } from './prng.js';

export interface SampleOptions {
  /** Lines to write (malformed lines included). */
  rows: number;
  seed: number;
  /** Share of records whose code the catalog does not know, 0..1. */
  unmappedRate?: number;
  /** Share of lines that cannot be read (truncated JSON, bad UTF-8, blank…), 0..1. */
  malformedRate?: number;
  /** First timestamp, ISO 8601. */
  start?: string;
  /** Length of the time window in days. */
  days?: number;
}

export const SAMPLE_DEFAULTS = { unmappedRate: 0.03, malformedRate: 0, start: '2026-11-01T00:00:00.000Z', days: 14 } as const;

interface Profile {
  provider: string;
  /** Share of traffic. */
  weight: number;
  currency: string;
  /** Typical ticket in major units, and the spread of its log-normal. */
  median: number;
  sigma: number;
  decimals: number;
  /** The provider's success code; SHOPLINE Payments has none (it answers HTTP 200 with no code). */
  success?: string;
  successRate: number;
  /** Codes the catalog does not know, with the kind of text such a provider would send. */
  unmapped: Array<[code: string, message: string]>;
  /**
   * For providers whose success code only says "request accepted": the transaction states a
   * merchant's log records next to it, with how often each turns up. The log carries the
   * provider's own value; what it means is normalize()'s job, not the sample's.
   */
  states?: Array<[state: string, weight: number]>;
}

/** Share of accepted requests whose log line has no state (a logger that missed the second layer). */
const STATE_NOT_LOGGED = 0.02;
/** Share of failed payments the customer tries again, under the same order id, minutes later. */
const RETRY_RATE = 0.25;

/**
 * The traffic mix: Hong Kong wallets through QFPay and eftPay, Taiwan through SHOPLINE, USD
 * subscriptions through Subotiz and Canadian wallets through OTT Pay. SHOPLINE only ever reports
 * errors with a code, so its rows are all errors and its share is kept small.
 */
const PROFILES: Profile[] = [
  {
    provider: 'qfpay',
    weight: 34,
    currency: 'HKD',
    median: 260,
    sigma: 0.9,
    decimals: 2,
    success: '0000',
    successRate: 0.86,
    states: [
      ['SUCCESS', 95],
      ['PENDING', 4],
      ['FAILED', 1],
    ],
    unmapped: [
      ['1299', '交易處理異常，請稍後查詢'],
      ['1214', '錢包暫停服務'],
      ['2101', '商戶當日限額已滿'],
    ],
  },
  {
    provider: 'eftpay',
    weight: 22,
    currency: 'HKD',
    median: 180,
    sigma: 1.0,
    decimals: 2,
    success: '00',
    successRate: 0.84,
    states: [
      ['TRADE_SUCCESS', 93],
      ['TRADE_PROCESSING', 4],
      ['TRADE_FAIL', 1.5],
      ['TRADE_CLOSED', 1.5],
    ],
    unmapped: [
      ['-77', 'Channel risk control'],
      ['-101', '渠道维护中'],
      ['88', 'Wallet declined the payment'],
    ],
  },
  {
    provider: 'shopline-payments',
    weight: 8,
    currency: 'TWD',
    median: 1200,
    sigma: 0.8,
    decimals: 0,
    successRate: 0,
    unmapped: [
      ['4999', 'The payment was declined by the channel risk engine.'],
      ['7001', '撥款帳戶驗證中'],
    ],
  },
  {
    provider: 'subotiz',
    weight: 20,
    currency: 'USD',
    median: 39,
    sigma: 0.7,
    decimals: 2,
    success: '100000',
    successRate: 0.9,
    unmapped: [
      ['100999', 'Gateway timeout'],
      ['200777', 'Payment method temporarily unavailable'],
      ['100888', '风控拦截'],
    ],
  },
  {
    provider: 'ottpay',
    weight: 16,
    currency: 'CAD',
    median: 55,
    sigma: 0.9,
    decimals: 2,
    success: 'SUCCESS',
    successRate: 0.85,
    states: [
      ['SUCCESS', 94],
      ['PROCESSING', 4],
      ['ORDERCLOSE', 2],
    ],
    unmapped: [
      ['RISK_REVIEW', 'transaction under risk review'],
      ['CHANNEL_BUSY', 'channel busy, try later'],
      ['WALLET_LIMIT', 'wallet daily limit reached'],
    ],
  },
];

/** How often each unified reason turns up in real decline traffic; anything unlisted weighs 1. */
const REASON_WEIGHT = new Map<string, number>([
  ['insufficient_funds', 14],
  ['do_not_honor', 8],
  ['generic_decline', 8],
  ['issuer_declined', 6],
  ['customer_cancelled', 10],
  ['processing', 8],
  ['awaiting_customer', 6],
  ['channel_timeout', 6],
  ['outcome_unknown', 4],
  ['system_error', 4],
  ['payment_code_expired', 5],
  ['order_expired', 4],
  ['incorrect_pin', 4],
  ['expired_card', 4],
  ['card_limit_exceeded', 4],
  ['risk_blocked', 4],
  ['fraud_suspected', 2],
  ['authentication_failed', 3],
  ['authentication_abandoned', 3],
  ['duplicate_order', 2],
  ['order_not_found', 2],
  ['rate_limited', 2],
  ['provider_unavailable', 2],
  ['invalid_signature', 0.4],
  ['invalid_credentials', 0.3],
  ['merchant_config_error', 0.4],
  ['invalid_request', 0.6],
]);

const REFUND_REASONS = new Set([
  'refund_succeeded',
  'partially_refunded',
  'refund_in_progress',
  'refund_stuck',
  'already_refunded',
  'partial_refund_unsupported',
  'refund_not_allowed',
  'refund_declined',
  'merchant_balance_insufficient',
]);

/** Flows that are not payments: a transaction log sees them, but rarely. */
const SIDE_FLOWS = new Set<Flow>(['onboarding', 'connect', 'sdk', 'payout', 'binding']);

const ANY_FLOWS = new Weighted<Flow>([
  ['payment', 80],
  ['refund', 12],
  ['query', 8],
]);
const SUCCESS_FLOWS = new Weighted<Flow>([
  ['payment', 88],
  ['refund', 8],
  ['query', 4],
]);

/** The flows an `any` entry plausibly shows up under. */
function flowsFor(e: CatalogEntry): Weighted<Flow> {
  if (e.flow !== 'any') return new Weighted([[e.flow, 1]]);
  if (REFUND_REASONS.has(e.unified)) return new Weighted<Flow>([['refund', 1]]);
  if (e.unified === 'capture_declined' || e.unified === 'already_captured') return new Weighted<Flow>([['capture', 1]]);
  if (e.unified === 'already_cancelled') return new Weighted<Flow>([['cancel', 1]]);
  return ANY_FLOWS;
}

/** A stable per-code factor so that the mix is not flat within a reason. */
function spread(code: string): number {
  let h = 2166136261;
  for (let i = 0; i < code.length; i++) h = Math.imul(h ^ code.charCodeAt(i), 16777619);
  return 1 / (1 + ((h >>> 0) % 4));
}

/** Picks which of the provider's own texts the log line carries: English when there is one, mostly. */
function messagesOf(messages: Partial<Record<string, string>>): Weighted<string> {
  const pairs: Array<[string, number]> = [];
  for (const [lang, text] of Object.entries(messages)) if (text) pairs.push([JSON.stringify(text), lang === 'en' ? 3 : 2]);
  if (pairs.length === 0) pairs.push(['""', 1]);
  return new Weighted(pairs);
}

interface Outcome {
  flows: Weighted<Flow>;
  /** JSON-encoded code and messages, ready to splice into a line. */
  code: string;
  messages: Weighted<string>;
}

interface CompiledProfile {
  profile: Profile;
  states?: Weighted<string>;
  success?: Outcome;
  errors: Weighted<Outcome>;
  unmapped?: Weighted<Outcome>;
}

function compile(profile: Profile): CompiledProfile {
  const entries = listEntries(profile.provider);
  if (entries.length === 0) throw new Error(`sample: provider ${profile.provider} is not in the catalog`);
  const errorPairs: Array<[Outcome, number]> = [];
  let success: Outcome | undefined;
  for (const e of entries) {
    const o: Outcome = { flows: flowsFor(e), code: JSON.stringify(e.code), messages: messagesOf(e.messages) };
    if (e.code === profile.success) {
      success = { ...o, flows: SUCCESS_FLOWS };
      continue;
    }
    const side = SIDE_FLOWS.has(e.flow) ? 0.15 : 1;
    errorPairs.push([o, (REASON_WEIGHT.get(e.unified) ?? 1) * spread(e.code) * side]);
  }
  // Only codes that really are unknown to the catalog, so the sample's "unmapped" is honest.
  const unmapped = profile.unmapped
    .filter(([code]) => normalizer.readings(profile.provider, code) === undefined)
    .map(([code, message]): [Outcome, number] => [
      { flows: ANY_FLOWS, code: JSON.stringify(code), messages: new Weighted([[JSON.stringify(message), 1]]) },
      spread(code),
    ]);
  const c: CompiledProfile = { profile, errors: new Weighted(errorPairs) };
  if (profile.states) c.states = new Weighted(profile.states.map(([v, w]) => [JSON.stringify(v), w] as const));
  if (success) c.success = success;
  if (unmapped.length > 0) c.unmapped = new Weighted(unmapped);
  return c;
}

const MALFORMED = ['truncated', 'utf8', 'blank', 'not_object', 'no_code'] as const;

function checkRate(name: string, v: number): number {
  if (!(v >= 0 && v <= 1)) throw new RangeError(`${name} must be between 0 and 1, got ${v}`);
  return v;
}

/**
 * Yields the sample log in chunks (strings, plus Buffers for the lines with invalid UTF-8), so
 * a million rows stream out without ever being held in memory.
 */
export function* sampleChunks(options: SampleOptions): Generator<string | Buffer> {
  const rows = options.rows;
  if (!Number.isSafeInteger(rows) || rows < 0) throw new RangeError(`rows must be a whole number >= 0, got ${rows}`);
  const unmappedRate = checkRate('unmapped rate', options.unmappedRate ?? SAMPLE_DEFAULTS.unmappedRate);
  const malformedRate = checkRate('malformed rate', options.malformedRate ?? SAMPLE_DEFAULTS.malformedRate);
  const start = Date.parse(options.start ?? SAMPLE_DEFAULTS.start);
  if (Number.isNaN(start)) throw new RangeError(`start must be an ISO 8601 time, got ${options.start}`);
  const days = options.days ?? SAMPLE_DEFAULTS.days;
  if (!(days > 0 && days <= 36600)) throw new RangeError(`days must be between 0 and 36600, got ${days}`);
  const span = days * 86_400_000;

  const rng = new Prng(options.seed);
  const profiles = new Weighted(PROFILES.map((p) => [compile(p), p.weight] as const));
  const idPrefix = `"tx-${options.seed}-`;

  let buf = '';
  let pending = 0;
  /** A failed payment the customer will try again: the next record is its retry, same order. */
  let retry: { cp: CompiledProfile; order: string; amount: string } | undefined;
  for (let i = 0; i < rows; i++) {
    const again = retry;
    retry = undefined;
    const cp = again?.cp ?? profiles.pick(rng);
    const p = cp.profile;
    let o: Outcome;
    if (cp.unmapped !== undefined && rng.next() < unmappedRate) o = cp.unmapped.pick(rng);
    else if (cp.success !== undefined && rng.next() < p.successRate) o = cp.success;
    else o = cp.errors.pick(rng);
    const flow = o.flows.pick(rng);
    // A retry is another payment attempt; a draw under another flow starts a new order instead.
    const retried = again !== undefined && flow === 'payment' ? again : undefined;
    const message = o.messages.pick(rng);
    // The second layer: accepted requests of two-layer providers carry the transaction state.
    let state = '';
    if (o === cp.success && cp.states !== undefined && rng.next() >= STATE_NOT_LOGGED) state = `,"state":${cp.states.pick(rng)}`;
    // Spread evenly over the window with jitter inside each slot, so time never runs backwards.
    const ts = new Date(start + Math.floor((span * (i + rng.next())) / Math.max(rows, 1))).toISOString();
    const scale = 10 ** p.decimals;
    const amount =
      retried?.amount ?? (Math.max(1, Math.round(p.median * Math.exp(p.sigma * rng.normal()) * scale)) / scale).toFixed(p.decimals);
    const order = retried?.order ?? `${idPrefix.slice(1)}${i + 1}`;
    const line = `{"id":${idPrefix}${i + 1}","order_id":"${order}","ts":"${ts}","provider":"${p.provider}","flow":"${flow}","code":${o.code}${state},"message":${message},"amount":${amount},"currency":"${p.currency}"}`;
    if (flow === 'payment' && o !== cp.success && rng.next() < RETRY_RATE) retry = { cp, order, amount };

    if (malformedRate > 0 && rng.next() < malformedRate) {
      const kind = MALFORMED[rng.int(MALFORMED.length)];
      if (kind === 'truncated') buf += `${line.slice(0, 10 + rng.int(line.length - 20))}\n`;
      else if (kind === 'blank') buf += '\n';
      else if (kind === 'not_object') buf += '["not","an","object"]\n';
      else if (kind === 'no_code')
        buf += `{"id":${idPrefix}${i + 1}","ts":"${ts}","provider":"${p.provider}","amount":${amount},"currency":"${p.currency}"}\n`;
      else {
        if (buf) yield buf;
        buf = '';
        pending = 0;
        const head = Buffer.from(
          `{"id":${idPrefix}${i + 1}","ts":"${ts}","provider":"${p.provider}","flow":"${flow}","code":${o.code},"message":"`,
        );
        // 0xC3 0x28 is an invalid two-byte sequence; 0xFF never appears in UTF-8.
        yield Buffer.concat([head, Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(`","currency":"${p.currency}"}\n`)]);
      }
    } else {
      buf += `${line}\n`;
    }
    if (++pending >= 2048) {
      yield buf;
      buf = '';
      pending = 0;
    }
  }
  if (buf) yield buf;
}

/** The whole sample as one Buffer; for tests and small demos. */
export function sampleBuffer(options: SampleOptions): Buffer {
  const parts: Buffer[] = [];
  for (const c of sampleChunks(options)) parts.push(typeof c === 'string' ? Buffer.from(c) : c);
  return Buffer.concat(parts);
}

export { PROFILES as SAMPLE_PROFILES };
