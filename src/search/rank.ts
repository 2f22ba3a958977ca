import type { Flow, Lang } from '../core/types.js';
import { fold } from '../text/fold.js';

/**
 * Ranking, free of the catalog: the CLI and `/v1/search` rank the catalog's documents with it, and
 * the web page ranks the same documents built from the provider files it has loaded, so both put
 * results in the same order.
 */

/** One search hit: a provider entry or a unified code. */
export interface SearchResult {
  kind: 'entry' | 'unified';
  /** Higher is better; results come sorted by score, best first. */
  score: number;
  /** For entries. */
  provider?: string;
  code?: string;
  flow?: Flow;
  scene?: string;
  /** The unified code (the entry's mapping, or the hit itself). */
  unified: string;
  outcome: string;
  next: string;
  party: string;
  /** The text that matched, for display. */
  text: string;
  /** Which part of the record matched best: the code, the provider's text, a message... */
  field: SearchField;
  /** The language of `text`, when it is a text in one language. */
  lang?: Lang;
  /** For unified codes: how many provider entries map to it. */
  entries?: number;
  /** For entries: how many readings the code has for the flow; above 1, `normalize()` lists the others. */
  readings?: number;
}

export interface SearchOptions {
  provider?: string;
  flow?: Flow;
  /** The language shown for results that matched on their code rather than a text. */
  lang?: Lang;
  /** At most this many results (default 20). */
  limit?: number;
}

export type SearchField = 'code' | 'name' | 'text' | 'scene' | 'description' | 'customer' | 'merchant';

/** How much a match in each part of a record counts. */
const WEIGHT: Record<SearchField, number> = { code: 10, name: 8, text: 6, scene: 2, description: 4, customer: 3, merchant: 3 };
const EXACT_CODE = 1000;
const EXACT_NAME = 600;
/** The query is the provider's whole text, or one clause of it (`餘額不足，請更換支付方式`): above any partial match. */
const EXACT_TEXT = 200;

/** Queries are cut to this many characters before matching. */
export const MAX_QUERY_LENGTH = 500;

export interface Field {
  field: SearchField;
  text: string;
  folded: string;
  words: string[];
  /** The folded text cut at punctuation, for exact-phrase matches; texts only. */
  clauses?: string[];
  lang?: Lang;
}

export type DocResult = Omit<SearchResult, 'score' | 'text' | 'field' | 'lang'>;

export interface Doc {
  result: DocResult;
  fields: Field[];
  /** Texts to show for a code match, by language. */
  display: Partial<Record<Lang, string>>;
}

export const LANG_ORDER: readonly Lang[] = ['en', 'zh-Hant', 'zh-Hans'];

const HAN_RUN = /(\p{Script=Han}+)/gu;
const HAN = /\p{Script=Han}/u;
const CLAUSE_BREAK = /[^\p{L}\p{N}\s]+/u;

/** Folded text as search tokens: runs of Han characters, and latin/digit words. */
function tokens(folded: string): string[] {
  return folded
    .replace(HAN_RUN, ' $1 ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0);
}

export function field(f: SearchField, text: string, lang?: Lang): Field {
  const folded = fold(text);
  const out: Field = { field: f, text, folded, words: tokens(folded) };
  if (f === 'text') out.clauses = folded.split(CLAUSE_BREAK).map((s) => s.trim());
  if (lang) out.lang = lang;
  return out;
}

/** What a provider entry is searched by. */
export interface EntryInput {
  provider: string;
  code: string;
  flow: Flow;
  scene?: string | undefined;
  unified: string;
  outcome: string;
  next: string;
  party: string;
  messages: Partial<Record<string, string>>;
}

export function entryDoc(e: EntryInput): Doc {
  const fields = [field('code', e.code)];
  const display: Partial<Record<Lang, string>> = {};
  for (const l of LANG_ORDER) {
    const t = e.messages[l];
    if (t === undefined) continue;
    fields.push(field('text', t, l));
    display[l] = t;
  }
  if (e.scene) fields.push(field('scene', e.scene));
  const result: DocResult = {
    kind: 'entry',
    provider: e.provider,
    code: e.code,
    flow: e.flow,
    unified: e.unified,
    outcome: e.outcome,
    next: e.next,
    party: e.party,
  };
  if (e.scene) result.scene = e.scene;
  return { result, fields, display };
}

/** What a unified code is searched by. */
export interface UnifiedInput {
  code: string;
  description: string;
  outcome: string;
  next: string;
  party: string;
  messages: Record<Lang, { customer: string; merchant: string }>;
  entries: number;
}

export function unifiedDoc(u: UnifiedInput): Doc {
  const fields = [field('name', u.code.replace(/_/g, ' ')), field('description', u.description, 'en')];
  const display: Partial<Record<Lang, string>> = {};
  for (const l of LANG_ORDER) {
    const m = u.messages[l];
    if (m.customer && m.customer !== 'TODO') fields.push(field('customer', m.customer, l));
    if (m.merchant && m.merchant !== 'TODO') fields.push(field('merchant', m.merchant, l));
    display[l] = m.customer && m.customer !== 'TODO' ? m.customer : u.description;
  }
  return {
    result: { kind: 'unified', unified: u.code, outcome: u.outcome, next: u.next, party: u.party, entries: u.entries },
    fields,
    display,
  };
}

/** How well one query token matches one field: 2 whole word or Han phrase, 1 word prefix, 0 none. */
function tokenMatch(t: string, f: Field): number {
  if (HAN.test(t)) {
    if (f.folded.includes(t)) return 2;
    if (t.length >= 3) {
      // A longer Han phrase: count its character pairs that occur, so small wording changes still find it.
      let hit = 0;
      for (let i = 0; i + 1 < t.length; i++) if (f.folded.includes(t.slice(i, i + 2))) hit++;
      const share = hit / (t.length - 1);
      if (share >= 0.6) return share;
    }
    return 0;
  }
  let best = 0;
  for (const w of f.words) {
    if (w === t) return 2;
    if (t.length >= 2 && w.startsWith(t)) best = 1;
  }
  return best;
}

/** True when the query could be a response code on its own (`1201`, `-99`, `PWD_INCORRECT`). */
export function looksLikeCode(q: string): boolean {
  return /^[-+]?[A-Za-z0-9][A-Za-z0-9_.:-]*$/.test(q);
}

export interface RankContext {
  /** The provider id the `provider` option names, or undefined when it names none. */
  provider?: string | undefined;
  /** True when `raw`, read the way the provider writes codes, is `code`. */
  sameCode(provider: string, code: string, raw: string): boolean;
}

/**
 * Ranked search over documents. Chinese is folded (Traditional and Simplified find each other),
 * English matches whole words or word prefixes in any case, and a code typed alone ranks that code
 * at every provider first; then the query as a provider's whole text or one clause of it, in either
 * script. Every query word must match. Equal scores keep document order.
 */
export function rank(docs: readonly Doc[], query: string, options: SearchOptions, ctx: RankContext): SearchResult[] {
  const raw = query.slice(0, MAX_QUERY_LENGTH).trim();
  const q = fold(raw);
  if (q.length === 0) return [];
  const terms = [...new Set(tokens(q))];
  const codeQuery = looksLikeCode(raw);
  const nameQuery = q.replace(/[\s-]+/g, '_');
  const provider = ctx.provider;
  if (options.provider !== undefined && provider === undefined) return [];
  // Only the three languages index the display texts: `__proto__` or `toString` must not.
  const lang: Lang = (LANG_ORDER as readonly unknown[]).includes(options.lang) ? (options.lang as Lang) : 'en';
  const limit = options.limit ?? 20;

  const hits: { score: number; order: number; doc: Doc; best: Field | undefined }[] = [];
  docs.forEach((doc, order) => {
    const r = doc.result;
    if (provider !== undefined && r.provider !== provider) return;
    // A flow filter keeps the entries that apply to every flow.
    if (options.flow !== undefined && r.kind === 'entry' && r.flow !== options.flow && r.flow !== 'any') return;
    let score = 0;
    let best: Field | undefined;
    let bestScore = 0;
    if (codeQuery && r.kind === 'entry' && ctx.sameCode(r.provider as string, r.code as string, raw)) score += EXACT_CODE;
    if (r.kind === 'unified' && r.unified === nameQuery) score += EXACT_NAME;
    let matchedAll = terms.length > 0;
    for (const t of terms) {
      let tBest = 0;
      for (const f of doc.fields) {
        const m = tokenMatch(t, f) * WEIGHT[f.field];
        if (m > tBest) tBest = m;
        if (m > bestScore) {
          bestScore = m;
          best = f;
        }
      }
      if (tBest === 0) matchedAll = false;
      score += tBest;
    }
    if (!matchedAll && score < EXACT_NAME) return;
    // The whole query as one phrase beats the same words scattered, and a phrase that is most of
    // its field (`系統錯誤` for the text `系统错误`) beats one buried in a long sentence.
    let phrase = 0;
    let exact = false;
    for (const f of doc.fields) {
      if (f.field !== 'code' && f.folded.includes(q)) phrase = Math.max(phrase, WEIGHT[f.field] * (1 + q.length / f.folded.length));
      if (f.clauses?.includes(q)) exact = true;
    }
    score += phrase;
    // Every exact text match scores the same, whatever follows its clause: catalog order breaks ties.
    if (exact) score = EXACT_TEXT + score - phrase + WEIGHT.text * 2;
    if (score > 0) hits.push({ score, order, doc, best });
  });
  hits.sort((a, b) => b.score - a.score || a.order - b.order);
  return hits.slice(0, limit > 0 ? limit : hits.length).map(({ score, doc, best }) => {
    const show = best && best.field !== 'code' && best.field !== 'name' ? best : undefined;
    const text = show?.text ?? doc.display[lang] ?? Object.values(doc.display)[0] ?? '';
    const textLang = show ? show.lang : doc.display[lang] !== undefined ? lang : (Object.keys(doc.display)[0] as Lang | undefined);
    const out: SearchResult = { ...doc.result, score: Math.round(score * 100) / 100, text, field: best?.field ?? 'code' };
    if (textLang) out.lang = textLang;
    return out;
  });
}
