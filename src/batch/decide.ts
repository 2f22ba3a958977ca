import { PaycodesInputError } from '../core/errors.js';
import { type Decision, type Lang, OUTCOMES } from '../core/types.js';
import { csvField, csvSafeField } from '../io/csv.js';
import { type RejectReason, reasonForField, rejection } from '../io/reject.js';
import { normalize, normalizer } from '../normalize.js';

/** The columns/keys added to every record, in order. */
export const ADDED = ['known', 'unified', 'category', 'outcome', 'next', 'party', 'disclosure', 'confidence'] as const;
export const MESSAGE_FIELDS = ['customer_message', 'merchant_message'] as const;
export const ERROR_FIELD = 'paycodes_error';
/**
 * Every key paycodes writes into an NDJSON record. An input record that already has one of them
 * gets it replaced (not repeated), so the output never holds a duplicate key.
 */
export const WRITTEN_KEYS = [...ADDED, ...MESSAGE_FIELDS, ERROR_FIELD] as const;

/** What one record gets, pre-encoded for both output formats so a cache hit costs no formatting. */
export interface Verdict {
  /** `,"known":true,...}\n`: spliced in place of the record's closing brace. */
  nd: Buffer;
  /** The same for an empty object `{}` (no leading comma). */
  ndEmpty: Buffer;
  /** `,true,insufficient_funds,...,<error>` plus the line ending. */
  csv: Buffer;
  /** Index in OUTCOMES, or -1 when the record could not be read. */
  outcome: number;
  error?: string;
  /** `provider:code` for codes the catalog does not know. */
  unmapped?: string;
  /** The provider message could change this answer (several readings, or an unknown code for the classifier). */
  byMessage: boolean;
}

export interface DeciderOptions {
  /** Used when a record has no provider. */
  provider?: string;
  /** When set, the customer and merchant messages in this language are added too. */
  lang?: Lang;
  /** Line ending for CSV output. */
  eol?: string;
  /** Prefix cells that start like a formula with `'` (CSV output only). */
  csvSafe?: boolean;
}

interface CardFields {
  network?: unknown;
  networkCode?: unknown;
  adviceCode?: unknown;
}

const absent = (v: unknown) => v === undefined || v === null || v === '';

/**
 * The card network fields that are present, with a cache key; undefined when there are none, null
 * when one is not a string or number (normalize() then says why, uncached).
 */
function cardOf(network: unknown, networkCode: unknown, adviceCode: unknown): (CardFields & { key: string }) | undefined | null {
  if (absent(network) && absent(networkCode) && absent(adviceCode)) return undefined;
  const card: CardFields & { key: string } = { key: '' };
  for (const [name, v] of [
    ['network', network],
    ['networkCode', networkCode],
    ['adviceCode', adviceCode],
  ] as const) {
    if (absent(v)) {
      card.key += '\u0000';
      continue;
    }
    if (typeof v !== 'string' && typeof v !== 'number') return null;
    card[name] = v;
    card.key += `${typeof v === 'number' ? '\u0001' : ''}${v}\u0000`;
  }
  return card;
}

/** Bounds keep memory flat when a file holds millions of distinct (garbage) codes. */
const MAX_CACHE = 65_536;
const MAX_MESSAGE_CACHE = 2048;
const MAX_PROVIDER_CACHE = 1024;
const MAX_BYTES_CACHE = 4096;
/** Classified confidences are thousandths, so a set of values sees at most 1,001 of them. */
const MAX_CONFIDENCES = 1024;

/**
 * Decides records through `normalize()`, caching the encoded answer per (provider, code, flow,
 * state) and, for the codes where the provider message matters (several readings, or an unknown
 * code the classifier reads), per exact message too. The message key is the message itself, not a
 * folded form: the classifier splits camelCase before it folds, so two messages with one fold can
 * get different answers, and a cache must never change an answer.
 */
export class Decider {
  private readonly cache = new Map<string, Verdict>();
  private readonly byMessage = new Map<string, Verdict>();
  private readonly bytes = new Map<string, ValueSet[]>();
  private readonly providers = new Map<string, boolean>();
  private readonly provider: string | undefined;
  private readonly lang: Lang | undefined;
  private readonly eol: string;
  private readonly cell: (s: string) => string;

  constructor(opts: DeciderOptions = {}) {
    this.provider = opts.provider;
    this.lang = opts.lang;
    this.eol = opts.eol ?? '\n';
    this.cell = opts.csvSafe ? csvSafeField : csvField;
  }

  decide(
    provider: unknown,
    code: unknown,
    flow: unknown,
    message: unknown,
    state?: unknown,
    network?: unknown,
    networkCode?: unknown,
    adviceCode?: unknown,
  ): Verdict {
    const p = provider === undefined || provider === null || provider === '' ? this.provider : provider;
    if (p === undefined) return this.reject('missing_provider');
    if (code === undefined || code === null) return this.reject('missing_code');
    const f = flow === null || flow === '' ? undefined : flow;
    const m = message === null || message === '' ? undefined : message;
    const s = state === null || state === '' ? undefined : state;
    if (s !== undefined && typeof s !== 'string') return this.reject('invalid_state', `state must be a string, got ${typeof s}`);
    const card = cardOf(network, networkCode, adviceCode);
    if (card === null) return this.compute(p, code, f, m, s, { network, networkCode, adviceCode });
    if (typeof p !== 'string' || (typeof code !== 'string' && typeof code !== 'number') || (f !== undefined && typeof f !== 'string')) {
      return this.compute(p, code, f, m, s, card);
    }
    if (m !== undefined && typeof m !== 'string') return this.compute(p, code, f, m, s, card);
    const cardKey = card === undefined ? '' : `\u0000${card.key}`;
    const key = `${p}\u0000${typeof code === 'number' ? `\u0001${code}` : code}\u0000${f ?? ''}\u0000${s ?? ''}${cardKey}`;
    // Every code of a provider outside the catalog is unknown, so its message always decides: the
    // message-less answer would be worked out and cached for nothing.
    if (m !== undefined && !this.inCatalog(p) && m.trim() !== '') return this.withMessage(`${key}\u0000${m}`, p, code, f, m, s, card);
    let v = this.cache.get(key);
    if (v === undefined) {
      v = this.compute(p, code, f, undefined, s, card);
      if (this.cache.size >= MAX_CACHE) this.cache.clear();
      this.cache.set(key, v);
    }
    if (!v.byMessage || m === undefined || m.trim() === '') return v;
    return this.withMessage(`${key}\u0000${m}`, p, code, f, m, s, card);
  }

  private withMessage(
    mkey: string,
    p: string,
    code: string | number,
    f: string | undefined,
    m: string,
    s: string | undefined,
    card?: CardFields,
  ) {
    let mv = this.byMessage.get(mkey);
    if (mv === undefined) {
      mv = this.compute(p, code, f, m, s, card);
      if (this.byMessage.size >= MAX_MESSAGE_CACHE) this.byMessage.clear();
      this.byMessage.set(mkey, mv);
    }
    return mv;
  }

  /**
   * Whether a record from `provider` is decided by its message alone: the provider is outside the
   * catalog, so its message-less answer is never written and need not be worked out.
   */
  outsideCatalog(provider: unknown): boolean {
    return typeof provider === 'string' && provider !== '' && !this.inCatalog(provider);
  }

  /** Whether the catalog has this provider, remembered per id (a log names a handful). */
  private inCatalog(id: string): boolean {
    let known = this.providers.get(id);
    if (known === undefined) {
      known = normalizer.provider(id) !== undefined;
      if (this.providers.size >= MAX_PROVIDER_CACHE) this.providers.clear();
      this.providers.set(id, known);
    }
    return known;
  }

  private compute(provider: unknown, code: unknown, flow: unknown, message: unknown, state: unknown, card?: CardFields): Verdict {
    let d: Decision;
    const input: Record<string, unknown> = { provider, code, flow, message, lang: this.lang ?? 'en' };
    // The transaction state, for providers that report it apart from the request code.
    if (state !== undefined) input.state = state;
    // The card network's own codes refine a card decline (see the retry rules).
    if (card !== undefined) {
      if (card.network !== undefined) input.network = card.network;
      if (card.networkCode !== undefined) input.networkCode = card.networkCode;
      if (card.adviceCode !== undefined) input.adviceCode = card.adviceCode;
    }
    try {
      d = normalize(input as unknown as Parameters<typeof normalize>[0]);
    } catch (e) {
      if (e instanceof PaycodesInputError) return this.reject(reasonForField(e.field), e.message);
      throw e;
    }
    return this.encode(d);
  }

  /** A record that cannot be decided: only the error is added. */
  reject(reason: RejectReason, detail?: string): Verdict {
    return this.error(rejection(reason, detail));
  }

  error(message: string): Verdict {
    const nd = Buffer.from(`,${JSON.stringify(ERROR_FIELD)}:${JSON.stringify(message)}}\n`);
    const empties = ','.repeat(ADDED.length + (this.lang ? MESSAGE_FIELDS.length : 0));
    return {
      nd,
      ndEmpty: nd.subarray(1),
      csv: Buffer.from(`${empties},${this.cell(message)}${this.eol}`),
      outcome: -1,
      error: message,
      byMessage: false,
    };
  }

  private encode(d: Decision): Verdict {
    // A log of distinct messages from a provider outside the catalog gets a new decision per
    // record, but only a few thousand different sets of values: their bytes are built once, found
    // by the unified code, then among its few sets of values by comparing them, then by the
    // confidence as a number key (building one text key per record and hashing it cost more).
    const m = this.lang ? d.message : undefined;
    const customer = m?.customer;
    const merchant = m?.merchant;
    let sets = this.bytes.get(d.unified);
    if (sets === undefined) {
      if (this.bytes.size >= MAX_BYTES_CACHE) this.bytes.clear();
      sets = [];
      this.bytes.set(d.unified, sets);
    }
    let set: ValueSet | undefined;
    for (const x of sets) {
      if (
        x.known === d.known &&
        x.category === d.category &&
        x.outcome === d.outcome &&
        x.next === d.next &&
        x.party === d.party &&
        x.disclosure === d.disclosure &&
        x.customer === customer &&
        x.merchant === merchant
      ) {
        set = x;
        break;
      }
    }
    if (set === undefined || set.byConfidence.size >= MAX_CONFIDENCES) {
      if (set !== undefined) sets.splice(sets.indexOf(set), 1);
      if (sets.length >= MAX_SETS_PER_CODE) sets.length = 0;
      const { known, category, outcome, next, party, disclosure } = d;
      set = { known, category, outcome, next, party, disclosure, customer, merchant, byConfidence: new Map() };
      sets.push(set);
    }
    let bytes = set.byConfidence.get(d.confidence);
    if (bytes === undefined) {
      const values: (string | number | boolean)[] = ADDED.map((k) => d[k]);
      if (m) values.push(m.customer, m.merchant);
      bytes = new VerdictBytes(values, m ? NAMES_WITH_MESSAGES : ADDED, this.cell, this.eol);
      set.byConfidence.set(d.confidence, bytes);
    }
    return new EncodedVerdict(
      bytes,
      OUTCOMES.indexOf(d.outcome),
      !d.known || d.alternatives !== undefined,
      d.known ? undefined : `${d.provider}:${d.code}`,
    );
  }
}

/** One set of a decision's values but its confidence, and the bytes for each confidence seen. */
interface ValueSet {
  known: boolean;
  category: string;
  outcome: string;
  next: string;
  party: string;
  disclosure: string;
  customer: string | undefined;
  merchant: string | undefined;
  byConfidence: Map<number, VerdictBytes>;
}

/** A unified code's answers vary by flow and by the rules on top; a handful of sets is typical. */
const MAX_SETS_PER_CODE = 64;

const NAMES_WITH_MESSAGES: readonly string[] = [...ADDED, ...MESSAGE_FIELDS];

const KEY_PREFIX = new Map(NAMES_WITH_MESSAGES.map((n) => [n, `,${JSON.stringify(n)}:`]));
const keyPrefix = (name: string): string => KEY_PREFIX.get(name) ?? `,${JSON.stringify(name)}:`;

/** Most values are enum words (`insufficient_funds`, `failed`) that JSON writes as they are, quoted. */
const PLAIN_WORD = /^[a-z0-9_]*$/;
function jsonValue(v: string | number | boolean): string {
  if (typeof v !== 'string') return JSON.stringify(v);
  return PLAIN_WORD.test(v) ? `"${v}"` : JSON.stringify(v);
}

/**
 * The bytes of one set of values, built on first use and only in the form the sink writes: the
 * message-less answer of a code whose message decides is cached but never written, so it never
 * pays for encoding.
 */
class VerdictBytes {
  private ndBytes: Buffer | undefined;
  private ndEmptyBytes: Buffer | undefined;
  private csvBytes: Buffer | undefined;

  constructor(
    private readonly values: readonly (string | number | boolean)[],
    private readonly names: readonly string[],
    private readonly cell: (s: string) => string,
    private readonly eol: string,
  ) {}

  get nd(): Buffer {
    if (this.ndBytes === undefined) {
      let nd = '';
      for (let i = 0; i < this.values.length; i++)
        nd += `${keyPrefix(this.names[i] as string)}${jsonValue(this.values[i] as string | number | boolean)}`;
      this.ndBytes = Buffer.from(`${nd}}\n`);
    }
    return this.ndBytes;
  }

  get ndEmpty(): Buffer {
    this.ndEmptyBytes ??= this.nd.subarray(1);
    return this.ndEmptyBytes;
  }

  get csv(): Buffer {
    if (this.csvBytes === undefined) {
      let csv = '';
      for (const v of this.values) csv += `,${this.cell(String(v))}`;
      this.csvBytes = Buffer.from(`${csv},${this.eol}`);
    }
    return this.csvBytes;
  }
}

/** A decision's verdict: its bytes, shared with every verdict of the same values, and its own code. */
class EncodedVerdict implements Verdict {
  constructor(
    private readonly bytes: VerdictBytes,
    readonly outcome: number,
    readonly byMessage: boolean,
    readonly unmapped: string | undefined,
  ) {}

  get nd(): Buffer {
    return this.bytes.nd;
  }

  get ndEmpty(): Buffer {
    return this.bytes.ndEmpty;
  }

  get csv(): Buffer {
    return this.bytes.csv;
  }
}
