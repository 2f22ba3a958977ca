import { entriesForUnified, listEntries, listProviders, listUnified } from '../catalog/api.js';
import { canonicalCode } from '../core/canonical.js';
import { type Flow, LANGS, type Lang } from '../core/types.js';
import { normalizer } from '../normalize.js';
import { fold } from '../text/fold.js';

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

interface Field {
  field: SearchField;
  text: string;
  folded: string;
  words: string[];
  lang?: Lang;
}

interface Doc {
  result: Omit<SearchResult, 'score' | 'text' | 'field' | 'lang'>;
  fields: Field[];
  /** Texts to show for a code match, by language. */
  display: Partial<Record<Lang, string>>;
}

const HAN_RUN = /(\p{Script=Han}+)/gu;
const HAN = /\p{Script=Han}/u;

/** Folded text as search tokens: runs of Han characters, and latin/digit words. */
function tokens(folded: string): string[] {
  return folded
    .replace(HAN_RUN, ' $1 ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0);
}

function field(f: SearchField, text: string, lang?: Lang): Field {
  const folded = fold(text);
  const out: Field = { field: f, text, folded, words: tokens(folded) };
  if (lang) out.lang = lang;
  return out;
}

let index: Doc[] | undefined;

function buildIndex(): Doc[] {
  const docs: Doc[] = [];
  for (const p of listProviders()) {
    for (const e of listEntries(p.id)) {
      const reading = normalizer.readings(p.id, e.code)?.readings.find((r) => r.line === e.source.line && r.flow === e.flow);
      const fields = [field('code', e.code)];
      const display: Partial<Record<Lang, string>> = {};
      for (const l of LANGS) {
        const t = e.messages[l];
        if (t === undefined) continue;
        fields.push(field('text', t, l));
        display[l] = t;
      }
      if (e.scene) fields.push(field('scene', e.scene));
      const result: Doc['result'] = {
        kind: 'entry',
        provider: e.provider,
        code: e.code,
        flow: e.flow,
        unified: e.unified,
        outcome: reading?.outcome ?? '',
        next: reading?.next ?? '',
        party: reading?.party ?? '',
      };
      if (e.scene) result.scene = e.scene;
      docs.push({ result, fields, display });
    }
  }
  for (const u of listUnified()) {
    const fields = [field('name', u.code.replace(/_/g, ' ')), field('description', u.description, 'en')];
    const display: Partial<Record<Lang, string>> = {};
    for (const l of LANGS) {
      const m = u.messages[l];
      if (m.customer && m.customer !== 'TODO') fields.push(field('customer', m.customer, l));
      if (m.merchant && m.merchant !== 'TODO') fields.push(field('merchant', m.merchant, l));
      display[l] = m.customer && m.customer !== 'TODO' ? m.customer : u.description;
    }
    docs.push({
      result: {
        kind: 'unified',
        unified: u.code,
        outcome: u.outcome,
        next: u.next,
        party: u.party,
        entries: entriesForUnified(u.code).length,
      },
      fields,
      display,
    });
  }
  return docs;
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
function looksLikeCode(q: string): boolean {
  return /^[-+]?[A-Za-z0-9][A-Za-z0-9_.:-]*$/.test(q);
}

function sameCode(provider: string, code: string, q: string): boolean {
  if (code.toLowerCase() === q.toLowerCase()) return true;
  const p = normalizer.provider(provider);
  if (!p) return false;
  try {
    return canonicalCode(p.canonical, q) === code;
  } catch {
    return false;
  }
}

/**
 * Ranked search across every provider's codes and texts and every unified code. Chinese is folded
 * (Traditional and Simplified find each other), English matches whole words or word prefixes in any
 * case, and a code typed alone ranks that code at every provider first. Every query word must match.
 */
/** Queries are cut to this many characters before matching. */
export const MAX_QUERY_LENGTH = 500;

export function search(query: string, options: SearchOptions = {}): SearchResult[] {
  if (typeof query !== 'string') return [];
  // Untyped callers: null or a non-object reads as no options.
  if (typeof options !== 'object' || options === null) return search(query);
  // No real search is this long; cutting it keeps hostile input from costing seconds.
  const raw = query.slice(0, MAX_QUERY_LENGTH).trim();
  const q = fold(raw);
  if (q.length === 0) return [];
  index ??= buildIndex();
  const terms = [...new Set(tokens(q))];
  const codeQuery = looksLikeCode(raw);
  const nameQuery = q.replace(/[\s-]+/g, '_');
  const provider = options.provider === undefined ? undefined : normalizer.provider(options.provider)?.id;
  if (options.provider !== undefined && provider === undefined) return [];
  // Only the three languages index the display texts: `__proto__` or `toString` must not.
  const lang: Lang = (LANGS as readonly unknown[]).includes(options.lang) ? (options.lang as Lang) : 'en';
  const limit = options.limit ?? 20;

  const hits: { score: number; order: number; doc: Doc; best: Field | undefined }[] = [];
  index.forEach((doc, order) => {
    const r = doc.result;
    if (provider !== undefined && r.provider !== provider) return;
    if (options.flow !== undefined && r.kind === 'entry' && r.flow !== options.flow) return;
    let score = 0;
    let best: Field | undefined;
    let bestScore = 0;
    if (codeQuery && r.kind === 'entry' && sameCode(r.provider as string, r.code as string, raw)) score += EXACT_CODE;
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
    for (const f of doc.fields) {
      if (f.field !== 'code' && f.folded.includes(q)) phrase = Math.max(phrase, WEIGHT[f.field] * (1 + q.length / f.folded.length));
    }
    score += phrase;
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
