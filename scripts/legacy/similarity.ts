import { fold } from '../../src/text/fold.js';

/**
 * A small TF-IDF index over folded catalog texts. Latin text contributes words (lightly stemmed),
 * Han text contributes character bigrams (and lone characters), so "餘額不足" and "余额不足"
 * meet after folding and "insufficient balance" meets "balance is insufficient".
 */
export interface SimilarDoc {
  /** `provider:code` */
  ref: string;
  unified: string;
  flow: string;
}

export interface SimilarHit extends SimilarDoc {
  score: number;
}

const STOP = new Set(
  'the a an is are was were be been has have had of to for and or by in on at this that with due please it its as from not no can cannot do does order payment transaction trade'.split(
    ' ',
  ),
);
const HAN_RUN = /[\u3400-\u9fff]+/g;
const LATIN_WORD = /[a-z][a-z0-9]*|[0-9]+[a-z]+[a-z0-9]*/g;

function stem(w: string): string {
  if (w.length > 5 && w.endsWith('ing')) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith('ed')) return w.slice(0, -2);
  if (w.length > 4 && w.endsWith('es')) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

/** Features of a text: folded, code echoes like "(1100)" dropped. */
export function features(text: string): Map<string, number> {
  const f = fold(text)
    .replace(/\(\s*-?\d+\s*\)/g, ' ')
    .replace(/_/g, ' ');
  const out = new Map<string, number>();
  const add = (k: string, w: number) => out.set(k, (out.get(k) ?? 0) + w);
  for (const m of f.matchAll(LATIN_WORD)) {
    const w = m[0];
    if (STOP.has(w)) continue;
    add(`w:${stem(w)}`, 1);
  }
  for (const m of f.matchAll(HAN_RUN)) {
    const chars = [...m[0]];
    if (chars.length === 1) add(`h:${chars[0]}`, 0.5);
    for (let i = 0; i + 1 < chars.length; i++) add(`h:${chars[i]}${chars[i + 1]}`, 1);
  }
  return out;
}

export class SimilarityIndex {
  private readonly docs: SimilarDoc[] = [];
  private readonly vectors: Map<string, number>[] = [];
  private readonly postings = new Map<string, number[]>();
  private idf = new Map<string, number>();

  add(doc: SimilarDoc, text: string): void {
    const v = features(text);
    if (v.size === 0) return;
    const i = this.docs.length;
    this.docs.push(doc);
    this.vectors.push(v);
    for (const k of v.keys()) {
      const p = this.postings.get(k);
      if (p) p.push(i);
      else this.postings.set(k, [i]);
    }
  }

  /** Computes IDF weights and unit-normalises the document vectors. Call once after adding. */
  finish(): this {
    const n = this.docs.length;
    this.idf = new Map();
    for (const [k, p] of this.postings) this.idf.set(k, Math.log(1 + n / p.length));
    for (const v of this.vectors) this.weigh(v);
    return this;
  }

  private weigh(v: Map<string, number>): void {
    let norm = 0;
    for (const [k, tf] of v) {
      const w = (1 + Math.log(tf)) * (this.idf.get(k) ?? Math.log(1 + this.docs.length));
      v.set(k, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [k, w] of v) v.set(k, w / norm);
  }

  /** The `limit` most similar documents by cosine, best first. */
  query(text: string, limit = 5): SimilarHit[] {
    const q = features(text);
    if (q.size === 0 || this.docs.length === 0) return [];
    this.weigh(q);
    const scores = new Map<number, number>();
    for (const [k, w] of q) {
      const p = this.postings.get(k);
      if (!p) continue;
      for (const i of p) scores.set(i, (scores.get(i) ?? 0) + w * ((this.vectors[i] as Map<string, number>).get(k) ?? 0));
    }
    const hits = [...scores].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const out: SimilarHit[] = [];
    const seen = new Set<string>();
    for (const [i, score] of hits) {
      const d = this.docs[i] as SimilarDoc;
      // The same entry indexed in two languages counts once.
      const key = `${d.ref}|${d.unified}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ ...d, score: Math.min(1, score) });
      if (out.length >= limit) break;
    }
    return out;
  }

  get size(): number {
    return this.docs.length;
  }
}
