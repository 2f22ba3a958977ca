// The mapping table the database baselines use, built from the library itself so the baselines
// answer exactly what normalize() answers: one row per (provider, code, flow) the catalog has,
// plus an `any` row for every code, so "exact flow, then any" in SQL matches the library.
// Only the flows whose answer differs from `any` get a row of their own.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST } from './lib.mjs';

export const COLUMNS = [
  'provider',
  'code',
  'flow',
  'unified',
  'category',
  'outcome',
  'next',
  'party',
  'disclosure',
  'customer',
  'merchant',
];

export async function loadLibrary() {
  const lib = await import(pathToFileURL(join(DIST, 'index.js')).href);
  const data = await import(pathToFileURL(join(DIST, 'data.js')).href);
  return { lib, data };
}

export async function mappingRows() {
  const { lib, data } = await loadLibrary();
  const rows = [];
  for (const p of data.providers) {
    const seen = new Set();
    for (const entry of p.entries) {
      const code = entry[0];
      if (seen.has(code)) continue;
      seen.add(code);
      // A row for `any`, and one for each flow whose answer differs from it.
      const any = lib.normalize({ provider: p.id, code });
      const same = (d) => d.unified === any.unified && d.outcome === any.outcome && d.next === any.next && d.party === any.party;
      for (const flow of lib.FLOWS) {
        const d = flow === 'any' ? any : lib.normalize({ provider: p.id, code, flow });
        if (flow !== 'any' && same(d)) continue;
        rows.push([
          p.id,
          d.code,
          flow,
          d.unified,
          d.category,
          d.outcome,
          d.next,
          d.party,
          d.disclosure,
          d.message.customer,
          d.message.merchant,
        ]);
      }
    }
  }
  return rows;
}
