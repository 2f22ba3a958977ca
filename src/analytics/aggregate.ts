import { PaycodesInputError } from '../core/errors.js';
import type { Network } from '../core/network-rules.js';
import { type Decision, FLOWS, type Flow, OUTCOMES, type Outcome } from '../core/types.js';
import { type RejectReason, reasonForField } from '../io/reject.js';
import { normalize } from '../normalize.js';
import type { CurrencyQueue, InputFigures, OutcomeCounts, ReasonGroup, ReportFigures, TimeSeries, UnmappedFigures } from './figures.js';

/** Caps on what is tracked by key, so a hostile log costs bounded memory. */
export const LIMITS = {
  decisionCache: 100_000,
  messageCache: 16_384,
  reasonGroups: 256,
  currencies: 64,
  unmappedKeys: 1_000,
  unmappedMessages: 3,
  messageChars: 200,
  rejectionLines: 10,
  hourBuckets: 100_000,
  topReasons: 10,
} as const;

/** Timestamps outside these years are treated as missing: they are typos or attacks, not payments. */
const MIN_TS = Date.UTC(1970, 0, 1);
const MAX_TS = Date.UTC(2100, 0, 1);
const HOUR = 3_600_000;
const DAY = 86_400_000;

type Counts = [number, number, number, number];
const OUTCOME_SLOT = new Map<Outcome, number>(OUTCOMES.map((o, i) => [o, i]));
const FLOW_SET = new Set<string>(FLOWS);

const zero = (): Counts => [0, 0, 0, 0];
const asOutcomes = (c: Counts): OutcomeCounts => ({ succeeded: c[0], pending: c[1], failed: c[2], unknown: c[3] });
const round2 = (cents: number): number => Math.round(cents) / 100;
const ratio = (a: number, b: number): number => (b === 0 ? 0 : Math.round((a / b) * 10_000) / 10_000);

/** The part of a Decision the report keeps, plus whether the provider's message can change it. */
interface Cached {
  d: Decision;
  messageMatters: boolean;
}

interface Group {
  provider: string;
  flow: Flow;
  records: number;
  notSucceeded: number;
  reasons: Map<string, { d: Decision; count: number }>;
}

interface CurrencyAcc {
  records: number;
  cents: number;
  pending: [number, number];
  unknown: [number, number];
  noState: [number, number];
  withoutAmount: number;
  oldest: number;
}

/**
 * The catalog's reading of a request code that only says the provider took the request: without
 * the transaction state the outcome is unknown because of the log, not because of the provider.
 */
const REQUEST_ACCEPTED = 'request_accepted';

/** A field that may be a plain record value: anything else counts as absent. */
function text(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

function parseTs(v: unknown): number | undefined {
  let ms: number | undefined;
  if (typeof v === 'number' && Number.isFinite(v)) ms = v < 1e11 ? v * 1000 : v;
  else if (typeof v === 'string' && v.length > 0 && v.length <= 64) {
    const t = v.trim();
    if (/^\d+(\.\d+)?$/.test(t)) {
      const n = Number(t);
      ms = n < 1e11 ? n * 1000 : n;
    } else ms = Date.parse(t);
  }
  return ms !== undefined && ms >= MIN_TS && ms < MAX_TS ? ms : undefined;
}

function parseAmount(v: unknown): number | undefined {
  let n: number | undefined;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v) && v.length <= 40) n = Number(v);
  return n !== undefined && Number.isFinite(n) && Math.abs(n) < 1e13 ? n : undefined;
}

/** The value is passed as logged: normalize() validates it (a bad one rejects the record). */
type Card = { network?: Network; networkCode?: string; adviceCode?: string };

/** The card network fields of a record, when it has any (empty cells are absent). */
function cardOf(rec: Record<string, unknown>): Card | undefined {
  const given = (v: unknown) => v !== undefined && v !== null && v !== '';
  if (!given(rec.network) && !given(rec.network_code) && !given(rec.advice_code)) return undefined;
  const card: Card = {};
  if (given(rec.network)) card.network = rec.network as Network;
  if (given(rec.network_code)) card.networkCode = rec.network_code as string;
  if (given(rec.advice_code)) card.adviceCode = rec.advice_code as string;
  return card;
}

/** The transaction state goes to normalize() only when the log has one. */
function withState<T extends object>(input: T, state: string | undefined): T {
  return state === undefined ? input : { ...input, state };
}

/**
 * Folds a stream of log records into the report's figures in one pass. `add` takes the record as
 * parsed (NDJSON object or CSV row); lines that could not be parsed go to `reject` or `blank`.
 */
export class Aggregator {
  private lines = 0;
  private records = 0;
  private blanks = 0;
  private rejectedCount = 0;
  private readonly rejections = new Map<string, { count: number; lines: number[] }>();
  private readonly cache = new Map<string, Cached>();
  private readonly outcomes = zero();
  private knownCount = 0;
  private readonly byProvider = new Map<string, Counts>();
  private readonly groups = new Map<string, Group>();
  private droppedGroups = 0;
  private readonly currencies = new Map<string, CurrencyAcc>();
  private droppedCurrencies = 0;
  private readonly unmapped = new Map<string, { provider: string; code: string; count: number; flows: Set<Flow>; messages: string[] }>();
  private unmappedRecords = 0;
  private unmappedDropped = 0;
  private hours: Map<number, Counts> | undefined = new Map();
  private days = new Map<number, Counts>();
  private withTs = 0;
  private withoutTs = 0;

  private readonly messageCache = new Map<string, Decision>();

  constructor(
    private readonly file: string,
    /** Set by the reader once it knows (stdin is sniffed). */
    public format: 'ndjson' | 'csv',
  ) {}

  blank(): void {
    this.lines++;
    this.blanks++;
  }

  reject(line: number, reason: RejectReason): void {
    this.lines++;
    this.rejectedCount++;
    let r = this.rejections.get(reason);
    if (r === undefined) {
      r = { count: 0, lines: [] };
      this.rejections.set(reason, r);
    }
    r.count++;
    if (r.lines.length < LIMITS.rejectionLines) r.lines.push(line);
  }

  /** One parsed record. Returns the decision, or undefined when the record was rejected. */
  add(line: number, rec: Record<string, unknown>): Decision | undefined {
    const provider = rec.provider;
    if (typeof provider !== 'string' || provider.trim() === '') return void this.reject(line, 'missing_provider');
    const code = rec.code;
    if (!((typeof code === 'string' && code.trim() !== '') || (typeof code === 'number' && Number.isFinite(code)))) {
      return void this.reject(line, 'missing_code');
    }
    const rawFlow = rec.flow;
    let flow: Flow = 'any';
    if (typeof rawFlow === 'string' && rawFlow !== '') {
      if (!FLOW_SET.has(rawFlow)) return void this.reject(line, 'invalid_flow');
      flow = rawFlow as Flow;
    } else if (rawFlow !== undefined && rawFlow !== null && rawFlow !== '') return void this.reject(line, 'invalid_flow');
    const message = typeof rec.message === 'string' ? rec.message : undefined;
    const rawState = rec.state;
    if (rawState !== undefined && rawState !== null && typeof rawState !== 'string') return void this.reject(line, 'invalid_state');
    const state = typeof rawState === 'string' && rawState !== '' ? rawState : undefined;
    const card = cardOf(rec);

    let d: Decision;
    try {
      d = this.decide(provider, code, flow, message, state, card);
    } catch (e) {
      if (e instanceof PaycodesInputError) return void this.reject(line, reasonForField(e.field));
      throw e;
    }
    this.lines++;
    this.records++;
    this.count(d, rec, message, state === undefined && d.unified === REQUEST_ACCEPTED);
    return d;
  }

  /**
   * normalize()'s answer, cached per (provider, code, flow, state) and, where the message can
   * change it (several readings, or an unknown code for the classifier), per exact message: a
   * cache keyed on anything looser could change an answer.
   */
  private decide(
    provider: string,
    code: string | number,
    flow: Flow,
    message: string | undefined,
    state: string | undefined,
    card: Card | undefined,
  ): Decision {
    const cardKey = card === undefined ? '' : `\u0000${card.network ?? ''}\u0000${card.networkCode ?? ''}\u0000${card.adviceCode ?? ''}`;
    const key = `${provider}\u0000${typeof code}\u0000${code}\u0000${flow}\u0000${state ?? ''}${cardKey}`;
    let c = this.cache.get(key);
    if (c === undefined) {
      const d = normalize(withState({ provider, code, flow, ...card }, state));
      c = { d, messageMatters: d.alternatives !== undefined || !d.known };
      if (this.cache.size < LIMITS.decisionCache) this.cache.set(key, c);
    }
    if (!c.messageMatters || message === undefined || message.trim() === '') return c.d;
    const mkey = `${key}\u0000${message}`;
    let d = this.messageCache.get(mkey);
    if (d === undefined) {
      d = normalize(withState({ provider, code, flow, message, ...card }, state));
      if (this.messageCache.size >= LIMITS.messageCache) this.messageCache.clear();
      this.messageCache.set(mkey, d);
    }
    return d;
  }

  private readonly noState = new Map<string, number>();
  private noStateRecords = 0;

  private count(d: Decision, rec: Record<string, unknown>, message: string | undefined, noState: boolean): void {
    if (noState) {
      this.noStateRecords++;
      const n = this.noState.get(d.provider);
      if (n !== undefined) this.noState.set(d.provider, n + 1);
      else if (this.noState.size < LIMITS.reasonGroups) this.noState.set(d.provider, 1);
    }
    const slot = OUTCOME_SLOT.get(d.outcome) ?? 3;
    inc(this.outcomes, slot);
    if (d.known) this.knownCount++;

    let pc = this.byProvider.get(d.provider);
    if (pc === undefined && this.byProvider.size < LIMITS.reasonGroups) {
      pc = zero();
      this.byProvider.set(d.provider, pc);
    }
    if (pc !== undefined) inc(pc, slot);

    const gk = `${d.provider}\u0000${d.flow}`;
    let g = this.groups.get(gk);
    if (g === undefined) {
      if (this.groups.size < LIMITS.reasonGroups) {
        g = { provider: d.provider, flow: d.flow, records: 0, notSucceeded: 0, reasons: new Map() };
        this.groups.set(gk, g);
      } else this.droppedGroups++;
    }
    if (g !== undefined) {
      g.records++;
      if (d.outcome !== 'succeeded') {
        g.notSucceeded++;
        const rk = `${d.unified}\u0000${d.outcome}\u0000${d.next}\u0000${d.party}`;
        const r = g.reasons.get(rk);
        if (r === undefined) g.reasons.set(rk, { d, count: 1 });
        else r.count++;
      }
    }

    this.money(d.outcome, rec.currency, rec.amount, noState, rec.ts);
    if (!d.known) this.unmappedCode(d, message);
    this.time(rec.ts, slot);
  }

  private money(outcome: Outcome, rawCurrency: unknown, rawAmount: unknown, noState: boolean, rawTs: unknown): void {
    const t = text(rawCurrency)?.trim().toUpperCase().slice(0, 16);
    let cur = t === undefined || t === '' ? '(none)' : t;
    let acc = this.currencies.get(cur);
    if (acc === undefined) {
      if (this.currencies.size >= LIMITS.currencies - 1 && cur !== '(other)') {
        this.droppedCurrencies++;
        cur = '(other)';
        acc = this.currencies.get(cur);
      }
      if (acc === undefined) {
        acc = {
          records: 0,
          cents: 0,
          pending: [0, 0],
          unknown: [0, 0],
          noState: [0, 0],
          withoutAmount: 0,
          oldest: Number.POSITIVE_INFINITY,
        };
        this.currencies.set(cur, acc);
      }
    }
    const amount = parseAmount(rawAmount);
    const cents = amount === undefined ? 0 : Math.round(amount * 100);
    if (amount === undefined) acc.withoutAmount++;
    acc.records++;
    acc.cents += cents;
    if (outcome === 'pending') {
      acc.pending[0]++;
      acc.pending[1] += cents;
    } else if (outcome === 'unknown') {
      acc.unknown[0]++;
      acc.unknown[1] += cents;
    }
    if (noState) {
      acc.noState[0]++;
      acc.noState[1] += cents;
    } else if (outcome === 'pending' || outcome === 'unknown') {
      const ms = parseTs(rawTs);
      if (ms !== undefined && ms < acc.oldest) acc.oldest = ms;
    }
  }

  private unmappedCode(d: Decision, message: string | undefined): void {
    this.unmappedRecords++;
    const key = `${d.provider}\u0000${d.code}`;
    let u = this.unmapped.get(key);
    if (u === undefined) {
      if (this.unmapped.size >= LIMITS.unmappedKeys) {
        this.unmappedDropped++;
        return;
      }
      u = { provider: d.provider, code: d.code, count: 0, flows: new Set(), messages: [] };
      this.unmapped.set(key, u);
    }
    u.count++;
    u.flows.add(d.flow);
    if (message !== undefined && u.messages.length < LIMITS.unmappedMessages) {
      const m = message.trim().slice(0, LIMITS.messageChars);
      if (m !== '' && !u.messages.includes(m)) u.messages.push(m);
    }
  }

  private time(raw: unknown, slot: number): void {
    const ms = parseTs(raw);
    if (ms === undefined) {
      this.withoutTs++;
      return;
    }
    this.withTs++;
    if (this.hours !== undefined) {
      const h = Math.floor(ms / HOUR);
      let c = this.hours.get(h);
      if (c === undefined) {
        if (this.hours.size >= LIMITS.hourBuckets) {
          // Too many distinct hours: fall back to days for good (at most ~47k days in range).
          for (const [k, v] of this.hours) addInto(this.days, Math.floor((k * HOUR) / DAY), v);
          this.hours = undefined;
        } else {
          c = zero();
          this.hours.set(h, c);
        }
      }
      if (c !== undefined) {
        inc(c, slot);
        return;
      }
    }
    const day = Math.floor(ms / DAY);
    let c = this.days.get(day);
    if (c === undefined) {
      c = zero();
      this.days.set(day, c);
    }
    inc(c, slot);
  }

  figures(): ReportFigures {
    const rejections: InputFigures['rejections'] = [...this.rejections]
      .map(([reason, r]) => ({ reason, count: r.count, lines: r.lines }))
      .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));

    const providers = [...this.byProvider]
      .map(([provider, c]) => ({ provider, records: c[0] + c[1] + c[2] + c[3], outcomes: asOutcomes(c) }))
      .sort((a, b) => b.records - a.records || a.provider.localeCompare(b.provider));

    const reasons: ReasonGroup[] = [...this.groups.values()]
      .map((g) => ({
        provider: g.provider,
        flow: g.flow,
        records: g.records,
        notSucceeded: g.notSucceeded,
        top: [...g.reasons.values()]
          .sort((a, b) => b.count - a.count || a.d.unified.localeCompare(b.d.unified))
          .slice(0, LIMITS.topReasons)
          .map((r) => ({
            unified: r.d.unified,
            outcome: r.d.outcome,
            next: r.d.next,
            party: r.d.party,
            count: r.count,
            share: ratio(r.count, g.notSucceeded),
          })),
      }))
      .sort((a, b) => a.provider.localeCompare(b.provider) || FLOWS.indexOf(a.flow) - FLOWS.indexOf(b.flow));

    const reconciliation: CurrencyQueue[] = [...this.currencies]
      .map(([currency, a]) => {
        const qRecords = a.pending[0] + a.unknown[0];
        const qCents = a.pending[1] + a.unknown[1];
        return {
          currency,
          total: { records: a.records, amount: round2(a.cents) },
          pending: { records: a.pending[0], amount: round2(a.pending[1]) },
          unknown: { records: a.unknown[0], amount: round2(a.unknown[1]) },
          queue: { records: qRecords, amount: round2(qCents), share: ratio(qRecords, a.records), amountShare: ratio(qCents, a.cents) },
          withoutAmount: a.withoutAmount,
          acceptedNoState: { records: a.noState[0], amount: round2(a.noState[1]) },
          oldestInDoubt: Number.isFinite(a.oldest) ? new Date(a.oldest).toISOString() : null,
        };
      })
      .sort((a, b) => b.queue.amount - a.queue.amount || b.total.records - a.total.records || a.currency.localeCompare(b.currency));

    const unmapped: UnmappedFigures = {
      distinct: this.unmapped.size,
      records: this.unmappedRecords,
      dropped: { records: this.unmappedDropped },
      codes: [...this.unmapped.values()]
        .sort((a, b) => b.count - a.count || a.provider.localeCompare(b.provider) || a.code.localeCompare(b.code))
        .map((u) => ({
          provider: u.provider,
          code: u.code,
          count: u.count,
          flows: FLOWS.filter((f) => u.flows.has(f)),
          messages: u.messages,
        })),
    };

    return {
      input: {
        file: this.file,
        format: this.format,
        lines: this.lines,
        records: this.records,
        rejected: this.rejectedCount,
        blank: this.blanks,
        rejections,
      },
      outcomes: asOutcomes(this.outcomes),
      known: { known: this.knownCount, unmapped: this.records - this.knownCount },
      providers,
      reasons,
      reconciliation,
      unmapped,
      timeseries: this.series(),
      acceptedNoState: {
        records: this.noStateRecords,
        providers: [...this.noState]
          .map(([provider, records]) => ({ provider, records }))
          .sort((a, b) => b.records - a.records || a.provider.localeCompare(b.provider)),
      },
      dropped: { reasonGroups: this.droppedGroups, currencies: this.droppedCurrencies },
    };
  }

  private series(): TimeSeries {
    const base = { withTimestamp: this.withTs, withoutTimestamp: this.withoutTs };
    const hours = this.hours;
    const dayMap = new Map(this.days);
    if (hours !== undefined && hours.size > 0) {
      let lo = Number.POSITIVE_INFINITY;
      let hi = Number.NEGATIVE_INFINITY;
      for (const k of hours.keys()) {
        if (k < lo) lo = k;
        if (k > hi) hi = k;
      }
      if (dayMap.size === 0 && hi - lo < 48) {
        const points = [];
        for (let h = lo; h <= hi; h++) points.push({ start: new Date(h * HOUR).toISOString(), ...asOutcomes(hours.get(h) ?? zero()) });
        return { bucket: 'hour', from: new Date(lo * HOUR).toISOString(), to: new Date((hi + 1) * HOUR).toISOString(), points, ...base };
      }
      for (const [k, v] of hours) addInto(dayMap, Math.floor((k * HOUR) / DAY), v);
    }
    if (dayMap.size === 0) return { bucket: null, from: null, to: null, points: [], ...base };
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (const k of dayMap.keys()) {
      if (k < lo) lo = k;
      if (k > hi) hi = k;
    }
    if (hi - lo < 400) {
      const points = [];
      for (let d = lo; d <= hi; d++) points.push({ start: new Date(d * DAY).toISOString(), ...asOutcomes(dayMap.get(d) ?? zero()) });
      return { bucket: 'day', from: new Date(lo * DAY).toISOString(), to: new Date((hi + 1) * DAY).toISOString(), points, ...base };
    }
    const months = new Map<number, Counts>();
    for (const [k, v] of dayMap) {
      const dt = new Date(k * DAY);
      addInto(months, dt.getUTCFullYear() * 12 + dt.getUTCMonth(), v);
    }
    const keys = [...months.keys()].sort((a, b) => a - b);
    const first = keys[0] as number;
    const last = keys[keys.length - 1] as number;
    const monthStart = (m: number) => new Date(Date.UTC(Math.floor(m / 12), m % 12, 1)).toISOString();
    const points = [];
    for (let m = first; m <= last; m++) points.push({ start: monthStart(m), ...asOutcomes(months.get(m) ?? zero()) });
    return { bucket: 'month', from: monthStart(first), to: monthStart(last + 1), points, ...base };
  }
}

function inc(c: Counts, slot: number): void {
  c[slot] = (c[slot] ?? 0) + 1;
}

function addInto(m: Map<number, Counts>, k: number, v: Counts): void {
  const c = m.get(k);
  if (c === undefined) m.set(k, [...v] as Counts);
  else for (let i = 0; i < 4; i++) (c as number[])[i] = (c[i] as number) + (v[i] as number);
}
