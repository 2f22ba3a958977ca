// Lookup: normalize() ns/op against a bare Map.get on a precomputed key (the floor) and an indexed
// SQLite lookup through a prepared statement (what a database-backed mapping does), same process.
import Database from 'better-sqlite3';
import { do_not_optimize, measure } from 'mitata';
import { median, round, row } from './lib.mjs';
import { COLUMNS, loadLibrary, mappingRows } from './mapping.mjs';

/**
 * Each case is a log's worth of lookups: every code of one provider, in turn. A single constant
 * input measured alone is a few nanoseconds, and its floor moved from 3 to 20 ns between runs
 * minutes apart (branch and cache state decide it, not the code under test); cycling through the
 * provider's codes measures what a log of them costs, the same way on both sides.
 */
const PROVIDER = 'qfpay';
const CASES = [
  { name: 'known code', codes: (known) => known, flow: undefined },
  // Codes that the catalog does not have: as many as the provider's known codes, never one of them.
  {
    name: 'unknown code',
    codes: (known) => {
      const have = new Set(known);
      const out = [];
      for (let i = 0; out.length < known.length; i++)
        if (!have.has(`9${String(i).padStart(3, '0')}`)) out.push(`9${String(i).padStart(3, '0')}`);
      return out;
    },
    flow: undefined,
  },
  { name: 'flow fallback', codes: (known) => known, flow: 'refund' },
];

export async function lookup({ quick }) {
  const { lib } = await loadLibrary();
  // Bound once, as `import { normalize } from 'paycodes'` binds it: a namespace property read per
  // call would be charged to normalize() and not to the floor.
  const { normalize } = lib;
  const rows = await mappingRows();

  const floor = new Map();
  for (const r of rows) floor.set(`${r[0]}\u0000${r[1]}\u0000${r[2]}`, r);

  const db = new Database(':memory:');
  db.exec(`CREATE TABLE mapping (${COLUMNS.map((c) => `"${c}" TEXT NOT NULL`).join(', ')}, PRIMARY KEY (provider, code, flow))`);
  const insert = db.prepare(`INSERT INTO mapping VALUES (${COLUMNS.map(() => '?').join(', ')})`);
  db.transaction(() => {
    for (const r of rows) insert.run(r);
  })();
  // The plainest indexed point lookup (the strongest form of the baseline); the flow fallback is a
  // second point lookup for `any` when the exact flow has no row, as a database-backed map does it.
  const select = db.prepare('SELECT * FROM mapping WHERE provider = ? AND code = ? AND flow = ?');
  const sqlLookup = (p, c, f) => select.get(p, c, f) ?? (f === 'any' ? undefined : select.get(p, c, 'any'));

  const opts = { min_cpu_time: (quick ? 60 : 500) * 1e6, min_samples: 12 };
  const rounds = quick ? 1 : 3;
  const out = [];
  const knownCodes = [...new Set(rows.filter((r) => r[0] === PROVIDER).map((r) => r[1]))];
  const stored = new Map([...floor.keys()].map((k) => [k, k]));
  for (const c of CASES) {
    const codes = c.codes(knownCodes);
    // Inputs hold strings of their own, as a parsed log does, not the catalog's own string objects.
    const own = (s) => [...s].join('');
    const inputs = codes.map((code) =>
      c.flow === undefined ? { provider: own(PROVIDER), code: own(code) } : { provider: own(PROVIDER), code: own(code), flow: own(c.flow) },
    );
    // The floor's key is the row the answer is in: the exact flow's when it has one, else `any`; the
    // very string object stored in the map, so the floor pays no string comparison at all.
    const keys = codes.map((code) => {
      const exact = `${PROVIDER}\u0000${code}\u0000${c.flow ?? 'any'}`;
      const any = `${PROVIDER}\u0000${code}\u0000any`;
      return stored.get(exact) ?? stored.get(any) ?? any;
    });
    const flow = c.flow ?? 'any';
    const n = inputs.length;
    const fns = {
      normalize: () => {
        for (let i = 0; i < n; i++) do_not_optimize(normalize(inputs[i]));
      },
      map: () => {
        for (let i = 0; i < n; i++) do_not_optimize(floor.get(keys[i]));
      },
      sqlite: () => {
        for (let i = 0; i < n; i++) do_not_optimize(sqlLookup(PROVIDER, codes[i], flow));
      },
    };
    // Interleave rounds so drift on a shared machine hits every contender alike; report medians.
    const samples = { normalize: [], map: [], sqlite: [] };
    for (let i = 0; i < rounds; i++) {
      for (const [k, fn] of Object.entries(fns)) samples[k].push((await measure(fn, opts)).avg / n);
    }
    const ns = median(samples.normalize);
    const mapNs = median(samples.map);
    const sqlNs = median(samples.sqlite);
    const vsMap = ns / mapNs;
    const sqlOverNormalize = sqlNs / ns;
    out.push(
      row('lookup', `normalize() ${c.name} vs Map.get floor`, round(ns, 1), 'ns/op', {
        baseline: 'Map.get floor',
        note: `every ${PROVIDER} code in turn (${n} a sample); bare Map.get on precomputed string keys`,
        baselineValue: round(mapNs, 1),
        ratio: round(vsMap, 2),
        target: '≤ 3× floor',
        met: vsMap <= 3,
      }),
      row('lookup', `normalize() ${c.name} vs SQLite`, round(ns, 1), 'ns/op', {
        baseline: 'SQLite prepared',
        baselineValue: round(sqlNs, 1),
        ratio: round(sqlOverNormalize, 2),
        target: '≥ 20× faster',
        met: sqlOverNormalize >= 20,
        note: 'better-sqlite3, in-memory, primary-key lookup through a prepared statement; ratio = SQLite ns / normalize ns (speed-up)',
      }),
    );
  }
  db.close();
  return out;
}
