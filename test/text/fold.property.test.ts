import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HANT_TO_HANS } from '../../src/data/hant-to-hans.js';
import { providers } from '../../src/data/providers/index.js';
import { createFold, fold } from '../../src/text/fold.js';

// fold() skips work where it can (NFKC on text it cannot change, a new string where no character
// maps). Every shortcut must give what the plain definition gives.
const chars = [...HANT_TO_HANS];
const table = new Map<string, string>();
for (let i = 0; i + 1 < chars.length; i += 2) table.set(chars[i] as string, chars[i + 1] as string);
function reference(text: string): string {
  const s = text.normalize('NFKC').toLowerCase();
  return [...s]
    .map((ch) => table.get(ch) ?? ch)
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

// The core's fold (createFold, no shortcuts) over the whole table.
const whole = createFold(HANT_TO_HANS);

describe('fold', () => {
  it('folds every catalog text as the plain definition does', () => {
    let n = 0;
    for (const p of providers)
      for (const e of p.entries)
        for (const t of e[4]) {
          if (t === '') continue;
          n++;
          expect(fold(t), `${p.id} ${e[0]}`).toBe(reference(t));
        }
    expect(n).toBeGreaterThan(10_000);
  });

  it('folds any mix of scripts, compatibility forms, combining marks and white space as the plain definition does', () => {
    // Characters near every boundary the shortcuts test: ASCII, Latin-1, combining marks, full-width
    // forms, kana and their compatibility forms, Hangul syllables and jamo, CJK ideographs
    // (compatibility ones too), Traditional characters in and beyond the BMP, and white space.
    const alphabet = [
      ...'aZ09 \t\n\r\u000b\u00a0\u3000\u2003~',
      ...'Àéÿªºµ¼²×÷\u0301\u0308\u0327',
      ...'ＡＢｚ０１！～',
      ...'あゔゕアヴーヿｱﾞ\u3099\u309b、。「」〜・',
      ...'가힣\u1100\u1161\u11a8ㄱㅏ',
      ...'余额不足豈\uf900\u2f00\u2e80',
      ...chars.slice(0, 200),
      ...chars.filter((c) => (c.codePointAt(0) as number) > 0xffff).slice(0, 20),
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 24 }), (a) => {
        const t = a.join('');
        expect(fold(t)).toBe(reference(t));
        expect(whole(t)).toBe(reference(t));
      }),
      { numRuns: 3000 },
    );
  });
});
