import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ProviderData } from '../../src/core/data.js';
import { HANT_TO_HANS } from '../../src/data/hant-to-hans.js';
import { providers } from '../../src/data/providers/index.js';
import { createFold, fold, foldPairsFor } from '../../src/text/fold.js';

// The core matches a caller's message against a provider's texts with that provider's slice of the
// Traditional → Simplified table. Every comparison it makes must come out as with the whole table.

const texts = (p: ProviderData) => p.entries.flatMap((e) => e[4]).filter((t) => t !== '');
const withHan = providers.filter((p) => texts(p).some((t) => /[\u3400-\u9fff]/.test(t)));
const pairs = [...HANT_TO_HANS];
const toHant = new Map<string, string>();
for (let i = 0; i + 1 < pairs.length; i += 2) toHant.set(pairs[i + 1] as string, pairs[i] as string);

/** What the normalizer asks of a folded message and a folded text. */
const compare = (m: string, f: string) => [f === m, m.length >= 4 && f.includes(m), f.length >= 4 && m.includes(f)];

describe("a provider's slice of the fold table", () => {
  it('is what the compiler derives from its texts, and Han-free providers carry none', () => {
    expect(withHan.length).toBeGreaterThanOrEqual(5);
    for (const p of providers) {
      const expected = foldPairsFor(texts(p));
      expect(p.fold ?? '', p.id).toBe(expected);
      if (!withHan.includes(p)) expect(p.fold, p.id).toBeUndefined();
    }
  });

  it('folds each provider text, written in either script, as the whole table does', () => {
    for (const p of withHan) {
      const slice = createFold(p.fold ?? '');
      for (const t of texts(p)) {
        const hant = [...t].map((ch) => toHant.get(ch) ?? ch).join('');
        expect(slice(t), `${p.id} ${t}`).toBe(fold(t));
        expect(slice(hant), `${p.id} ${hant}`).toBe(fold(hant));
      }
    }
  });

  it('compares any message with any text as the whole table does', () => {
    for (const p of withHan) {
      const slice = createFold(p.fold ?? '');
      const own = texts(p);
      // Messages made of the provider's own characters, their other-script forms, and characters
      // from anywhere in the table: the mix where a slice could differ from the whole.
      const alphabet = [...new Set([...own.join(''), ...[...own.join('')].map((c) => toHant.get(c) ?? c), ...pairs.slice(0, 400)])];
      const message = fc.oneof(
        fc.array(fc.constantFrom(...alphabet), { maxLength: 12 }).map((a) => a.join('')),
        fc.tuple(fc.constantFrom(...own), fc.nat(), fc.nat(), fc.constantFrom(...alphabet)).map(([t, a, b, extra]) => {
          const cs = [...t].map((ch) => (a % 2 === 0 ? (toHant.get(ch) ?? ch) : ch));
          return cs.slice(a % (cs.length + 1), (a % (cs.length + 1)) + 1 + (b % 8)).join('') + (b % 3 === 0 ? extra : '');
        }),
      );
      fc.assert(
        fc.property(message, fc.constantFrom(...own), (msg, text) => {
          expect(compare(slice(msg), slice(text))).toEqual(compare(fold(msg), fold(text)));
        }),
        { numRuns: 300 },
      );
    }
  });
});
