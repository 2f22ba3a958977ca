import type { WebCatalog, WebCode, WebReading } from '../../src/server/web-catalog.js';
import { fold } from '../../src/text/fold.js';

/**
 * Client-side search over /catalog.json with the library's own `fold`, so `餘額不足` finds
 * `余额不足` here exactly as it does in the API and the CLI.
 */

export type Catalog = WebCatalog;
export type Code = WebCode;
export type Reading = WebReading;

interface Indexed {
  item: Code;
  code: string;
  fields: { text: string; weight: number }[];
}

export interface Hit {
  item: Code;
  score: number;
}

export interface Filters {
  provider?: string;
  flow?: string;
}

const readings = (c: Code): Reading[] => [c.decision, ...c.alternatives];

export function buildIndex(catalog: Catalog): Indexed[] {
  const unified = new Map(catalog.unified.map((u) => [u.code, u]));
  const providers = new Map(catalog.providers.map((p) => [p.id, p]));
  return catalog.codes.map((c) => {
    const fields: Indexed['fields'] = [];
    const add = (text: string | undefined, weight: number) => {
      if (text) fields.push({ text: fold(text), weight });
    };
    const p = providers.get(c.provider);
    add(`${c.provider} ${p?.name ?? ''}`, 5);
    for (const r of readings(c)) {
      for (const t of Object.values(r.texts)) add(t, 40);
      add(r.scene, 8);
      add(`${r.unified} ${r.unified.replace(/_/g, ' ')}`, 30);
      const u = unified.get(r.unified);
      if (u) {
        add(u.description, 10);
        for (const m of Object.values(u.messages)) {
          add(m.customer, 15);
          add(m.merchant, 12);
        }
      }
      add(r.reason, 6);
    }
    add(c.notes, 4);
    return { item: c, code: fold(c.code), fields };
  });
}

function passes(c: Code, f: Filters): boolean {
  if (f.provider && c.provider !== f.provider) return false;
  if (f.flow && !c.flows.includes(f.flow as Code['flows'][number]) && !c.flows.includes('any')) return false;
  return true;
}

/** Every word of the query must match somewhere; codes and provider texts count most. */
export function searchIndex(index: readonly Indexed[], query: string, filters: Filters = {}): Hit[] {
  const words = fold(query).split(' ').filter(Boolean);
  const hits: Hit[] = [];
  for (const x of index) {
    if (!passes(x.item, filters)) continue;
    if (words.length === 0) {
      hits.push({ item: x.item, score: 0 });
      continue;
    }
    let score = 0;
    let all = true;
    for (const w of words) {
      let best = 0;
      if (x.code === w) best = 100;
      else if (x.code.startsWith(w)) best = 60;
      for (const f of x.fields) if (f.weight > best && f.text.includes(w)) best = f.weight;
      if (best === 0) {
        all = false;
        break;
      }
      score += best;
    }
    if (all) hits.push({ item: x.item, score });
  }
  // Stable: equal scores keep catalog order (provider, then the provider's own order).
  return hits.sort((a, b) => b.score - a.score);
}

/** Unified codes whose name, description or messages match every word. */
export function searchUnified(catalog: Catalog, query: string): Catalog['unified'] {
  const words = fold(query).split(' ').filter(Boolean);
  if (words.length === 0) return [];
  return catalog.unified.filter((u) => {
    const hay = fold(
      [u.code, u.code.replace(/_/g, ' '), u.description, ...Object.values(u.messages).flatMap((m) => [m.customer])].join(' \n '),
    );
    return words.every((w) => hay.includes(w));
  });
}
