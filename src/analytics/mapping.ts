import { listProviders, listUnified } from '../catalog/api.js';
import type { Reading } from '../core/normalizer.js';
import { type Decision, FLOWS, type Flow, LANGS, type Lang } from '../core/types.js';
import { normalize, normalizer } from '../normalize.js';

/**
 * One row of the exported mapping: one reading of a catalog code. An `any` entry whose unified code
 * behaves differently under some flows has a row per such flow too, exactly as normalize() reads it.
 *
 * Two flags make the flow fallback a plain join (see the README, "The flow fallback, in SQL"):
 * - `is_default`: for its (provider, code, flow), the row normalize() picks when the log's flow is
 *   this flow (or, for `flow = 'any'` rows, when the log's flow has no row of its own). Exactly one
 *   row per (provider, code, flow) has it.
 * - `is_default_for_flow_any`: the row normalize() picks when the flow is `any` or missing, and when
 *   the log's flow has neither its own row nor an `any` row. Exactly one row per (provider, code).
 */
export interface MappingRow {
  provider: string;
  code: string;
  flow: Flow;
  /** 1-based position of this reading among the code's readings, to tell apart two readings under one flow. */
  reading: number;
  is_default: boolean;
  is_default_for_flow_any: boolean;
  unified: string;
  category: string;
  outcome: string;
  next: string;
  party: string;
  disclosure: string;
  reason: string;
  scene: string;
  customer_message: Record<Lang, string>;
  merchant_message: Record<Lang, string>;
  /** The provider's own words, by language; empty where the provider has none in that language. */
  provider_text: Record<Lang, string>;
  source_document: string;
  source_line: number;
}

function sameReading(r: Reading, d: Decision): boolean {
  return (
    r.flow === d.source?.flow &&
    r.line === d.source?.line &&
    r.unified === d.unified &&
    r.outcome === d.outcome &&
    r.next === d.next &&
    r.party === d.party
  );
}

function pick(readings: readonly Reading[], d: Decision, what: string): Reading {
  const hits = readings.filter((r) => sameReading(r, d));
  // Two identical readings (same line, same decision) are interchangeable; pick the first.
  const r = hits[0];
  if (r === undefined) throw new Error(`export: no reading matches normalize() for ${what}`);
  return r;
}

/** Every reading of every catalog code, with the flags that reproduce normalize() in SQL. */
export function buildMapping(): MappingRow[] {
  const texts = new Map(listUnified().map((u) => [u.code, u.messages]));
  const rows: MappingRow[] = [];
  for (const p of listProviders()) {
    const seen = new Set<string>();
    const pd = normalizer.provider(p.id);
    if (pd === undefined) continue;
    for (const [code] of pd.entries) {
      if (seen.has(code)) continue;
      seen.add(code);
      const found = normalizer.readings(p.id, code);
      if (found === undefined) throw new Error(`export: ${p.id} ${code} has no readings`);
      const { readings } = found;
      const defaults = new Set<Reading>();
      const flows = new Set(readings.map((r) => r.flow));
      for (const f of flows) {
        if (f !== 'any') {
          defaults.add(pick(readings, normalize({ provider: p.id, code, flow: f }), `${p.id} ${code} ${f}`));
          continue;
        }
        // The `any` rows answer for flows the code has no row of its own for.
        const other = FLOWS.find((x) => x !== 'any' && !flows.has(x));
        if (other !== undefined) defaults.add(pick(readings, normalize({ provider: p.id, code, flow: other }), `${p.id} ${code} any`));
      }
      const forAny = pick(readings, normalize({ provider: p.id, code, flow: 'any' }), `${p.id} ${code} (flow any)`);
      readings.forEach((r, i) => {
        const m = texts.get(r.unified);
        const lang = (f: (l: Lang) => string) => Object.fromEntries(LANGS.map((l) => [l, f(l)])) as Record<Lang, string>;
        rows.push({
          provider: p.id,
          code,
          flow: r.flow,
          reading: i + 1,
          is_default: defaults.has(r),
          is_default_for_flow_any: r === forAny,
          unified: r.unified,
          category: r.category,
          outcome: r.outcome,
          next: r.next,
          party: r.party,
          disclosure: r.disclosure,
          reason: r.reason,
          scene: r.scene,
          customer_message: lang((l) => m?.[l].customer ?? ''),
          merchant_message: lang((l) => m?.[l].merchant ?? ''),
          provider_text: lang((l) => (Object.hasOwn(r.texts, l) ? (r.texts[l] as string) : '')),
          source_document: p.document,
          source_line: r.line,
        });
      });
    }
  }
  return rows;
}

const indexes = new WeakMap<readonly MappingRow[], Map<string, MappingRow[]>>();

/** The rows of one (provider, code), indexed once per mapping so a lookup costs no scan. */
function rowsOf(rows: readonly MappingRow[], provider: string, code: string): MappingRow[] {
  let index = indexes.get(rows);
  if (index === undefined) {
    index = new Map();
    for (const r of rows) {
      const k = `${r.provider}\u0000${r.code}`;
      const list = index.get(k);
      if (list) list.push(r);
      else index.set(k, [r]);
    }
    indexes.set(rows, index);
  }
  return index.get(`${provider}\u0000${code}`) ?? [];
}

/** What a warehouse join over the mapping answers for one log row, computed in JS; tests hold it to normalize(). */
export function lookup(rows: readonly MappingRow[], provider: string, code: string, flow: Flow | undefined): MappingRow | undefined {
  const f = flow ?? 'any';
  const mine = rowsOf(rows, provider, code);
  if (f !== 'any') {
    const exact = mine.find((r) => r.flow === f && r.is_default);
    if (exact) return exact;
    const any = mine.find((r) => r.flow === 'any' && r.is_default);
    if (any) return any;
  }
  return mine.find((r) => r.is_default_for_flow_any);
}
