import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SearchOptions, type SearchResult, search } from '../../src/search/search.js';
import {
  anyField,
  anyText,
  catalogText,
  ENUMS,
  edgeNumber,
  HOSTILE_KEYS,
  hostileKey,
  hostileObject,
  hugeText,
  knownCode,
  knownProvider,
  providerIds,
  RUNS,
  unifiedCodes,
} from './arbitraries.js';
import { answerOrInputError } from './invariants.js';
import { type PrototypeSnapshot, prototypeChanges, snapshotPrototypes } from './prototype.js';

let before: PrototypeSnapshot;
beforeAll(() => {
  before = snapshotPrototypes();
});
afterAll(() => {
  expect(prototypeChanges(before, snapshotPrototypes())).toEqual([]);
});

const FIELDS = new Set(['code', 'name', 'text', 'scene', 'description', 'customer', 'merchant']);

function resultProblems(r: SearchResult, i: number): string[] {
  const p: string[] = [];
  const at = `[${i}]`;
  if (r.kind !== 'entry' && r.kind !== 'unified') p.push(`${at}.kind ${String(r.kind)}`);
  if (typeof r.score !== 'number' || !Number.isFinite(r.score) || r.score <= 0) p.push(`${at}.score ${r.score}`);
  if (!unifiedCodes.has(r.unified)) p.push(`${at}.unified ${r.unified}`);
  if (!(ENUMS.OUTCOMES as readonly string[]).includes(r.outcome)) p.push(`${at}.outcome ${r.outcome}`);
  if (!(ENUMS.NEXT_STEPS as readonly string[]).includes(r.next)) p.push(`${at}.next ${r.next}`);
  if (!(ENUMS.PARTIES as readonly string[]).includes(r.party)) p.push(`${at}.party ${r.party}`);
  if (typeof r.text !== 'string') p.push(`${at}.text`);
  if (!FIELDS.has(r.field)) p.push(`${at}.field ${r.field}`);
  if (r.lang !== undefined && !(ENUMS.LANGS as readonly string[]).includes(r.lang)) p.push(`${at}.lang ${r.lang}`);
  if (r.kind === 'entry') {
    if (!providerIds.includes(r.provider as string)) p.push(`${at}.provider ${r.provider}`);
    if (typeof r.code !== 'string' || r.code === '') p.push(`${at}.code`);
    if (!(ENUMS.FLOWS as readonly string[]).includes(r.flow as string)) p.push(`${at}.flow ${r.flow}`);
  }
  return p;
}

/** Searches and checks the answer: a bounded, ranked list of well-formed results. */
function check(query: unknown, options?: unknown): SearchResult[] | undefined {
  const r = answerOrInputError(() => search(query as string, options as SearchOptions));
  if ('error' in r) return undefined;
  const results = r.value;
  expect(Array.isArray(results)).toBe(true);
  const o = (typeof options === 'object' && options !== null ? options : {}) as SearchOptions;
  const limit = typeof o.limit === 'number' && o.limit > 0 && Number.isFinite(o.limit) ? o.limit : undefined;
  if (limit !== undefined) expect(results.length).toBeLessThanOrEqual(Math.ceil(limit));
  expect(results.flatMap(resultProblems)).toEqual([]);
  for (let i = 1; i < results.length; i++)
    expect((results[i - 1] as SearchResult).score).toBeGreaterThanOrEqual((results[i] as SearchResult).score);
  if (typeof o.provider === 'string') {
    for (const x of results)
      if (x.kind === 'entry') expect(x.provider?.replace(/[^a-z0-9]/g, '')).toBe(o.provider.toLowerCase().replace(/[^a-z0-9]/g, ''));
  }
  return results;
}

const options = fc.oneof(
  fc.constant(undefined),
  fc.record(
    {
      provider: fc.oneof(knownProvider, hostileKey, anyText),
      flow: fc.oneof(fc.constantFrom(...ENUMS.FLOWS), hostileKey),
      lang: fc.oneof(fc.constantFrom(...ENUMS.LANGS), hostileKey),
      limit: fc.oneof(fc.integer({ min: -5, max: 200 }), edgeNumber),
    },
    { requiredKeys: [] },
  ),
  hostileObject,
);
const query = fc.oneof(
  { weight: 4, arbitrary: anyText },
  { weight: 2, arbitrary: catalogText },
  { weight: 2, arbitrary: knownCode },
  { weight: 1, arbitrary: hostileKey },
  { weight: 1, arbitrary: anyField },
);

describe('search() under hostile input', () => {
  it('answers any query and options with a bounded, ranked, well-formed list or a PaycodesInputError', () => {
    fc.assert(
      fc.property(query, options, (q, o) => {
        check(q, o);
      }),
      { numRuns: RUNS },
    );
  });

  it('finds each catalog text it was given, and a catalog code at every provider that has it', () => {
    fc.assert(
      fc.property(knownCode, (c) => {
        const results = check(c, { limit: 100 }) ?? [];
        expect(results.some((r) => r.kind === 'entry' && r.code === c)).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('treats hostile keys as ordinary words and provider names', () => {
    for (const k of HOSTILE_KEYS) {
      check(k);
      const scoped = check('1201', { provider: k });
      expect(scoped ?? []).toEqual([]);
      check('1201', { lang: k, flow: k, limit: k });
    }
  });

  it('stays defined on megabyte-long queries', () => {
    fc.assert(
      fc.property(hugeText, (q) => {
        check(q, { limit: 5 });
      }),
      { numRuns: 3 },
    );
  });
});
