import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listEntries, listProviders } from '../../src/catalog/api.js';
import { ROOT } from '../helpers/paths.js';
import { CORPUS_FILES, SOURCE_RULES } from './provider-source-rules.js';
import { codesBySourceRules, isDistinct } from './source-rules.js';

/**
 * The generic source check for every provider that is not a seed (the seeds keep their own
 * line-by-line parsers in sources.test.ts): the codes a per-file rule reads off the verbatim
 * source are exactly the catalog's codes, and every entry's texts stand verbatim on its lines.
 */
const SEEDS = new Set(['eftpay', 'ottpay', 'qfpay', 'shopline-payments', 'subotiz']);

const sorted = (xs: string[]) => [...xs].sort();

/** The shared corpus folder sits beside the repository in the development layout. */
const CORPUS = resolve(ROOT, '../shared/corpus');

describe('every imported provider holds every code of its source, verbatim', () => {
  const providers = listProviders().filter((p) => !SEEDS.has(p.id));

  it('has a source rule for each imported provider, and no rule without a provider', () => {
    expect(sorted(providers.map((p) => p.id))).toEqual(sorted(Object.keys(SOURCE_RULES)));
  });

  it('keeps a copy of each source under catalog/sources', () => {
    const names = new Set(readdirSync(join(ROOT, 'catalog', 'sources')));
    for (const p of providers) expect(names.has(p.document.replace(/^catalog\/sources\//, '')), p.id).toBe(true);
    // A provider added from a table of one's own (docs/adding-a-provider.md) has no corpus file.
    const ids = new Set(providers.map((p) => p.id));
    expect(Object.keys(CORPUS_FILES).filter((id) => !ids.has(id))).toEqual([]);
  });

  it.runIf(existsSync(CORPUS))('keeps each copy byte for byte as the corpus file it came from', () => {
    for (const p of providers.filter((p) => CORPUS_FILES[p.id] !== undefined)) {
      const corpus = join(CORPUS, CORPUS_FILES[p.id] as string);
      expect(readFileSync(join(ROOT, p.document)).equals(readFileSync(corpus)), `${p.document} vs ${corpus}`).toBe(true);
    }
  });

  for (const p of providers) {
    describe(p.id, () => {
      const lines = readFileSync(join(ROOT, p.document), 'utf8').split('\n');
      const entries = listEntries(p.id);

      it('holds every code its source rule finds, once per source row', () => {
        const rules = SOURCE_RULES[p.id];
        expect(rules, `no source rule for ${p.id}`).toBeDefined();
        const codes = codesBySourceRules(lines, rules!);
        expect(codes.length).toBeGreaterThan(0);
        if (isDistinct(rules!)) {
          // A row repeated in another sheet becomes one entry: the same codes, never more entries than rows.
          expect(sorted([...new Set(entries.map((e) => e.code))])).toEqual(sorted([...new Set(codes)]));
          expect(entries.length).toBeLessThanOrEqual(codes.length);
        } else expect(sorted(entries.map((e) => e.code))).toEqual(sorted(codes));
      });

      it("puts each entry's code and texts verbatim on its source lines", () => {
        for (const e of entries) {
          const span = lines.slice(e.source.line - 1, e.source.end).join(' ');
          expect(span, `${p.id} ${e.code} line ${e.source.line}`).toContain(e.code);
          for (const [lang, text] of Object.entries(e.messages)) {
            expect(span.includes(text as string), `${p.id} ${e.code} ${lang}: "${text}" not on line ${e.source.line}`).toBe(true);
          }
        }
      });
    });
  }
});
