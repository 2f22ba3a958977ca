import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchorsOf, PatternSet } from '../../src/classify/pattern-gate.js';
import { providers } from '../../src/data/index.js';
import { fold } from '../../src/text/fold.js';

describe('anchorsOf: the words any match must contain', () => {
  it('reads a required run of characters, or a required group as the union of its words', () => {
    expect(anchorsOf(/\bsystem (error|busy)\b|网络/)).toEqual(['system ', '网络']);
    // The optional group breaks the run: neither "payment was" nor "payment paid" is required.
    expect(anchorsOf(/\bpayment (was )?paid\b/)).toEqual(['payment ']);
    expect(anchorsOf(/\b(no|invalid|bad) response\b/)).toEqual([' response']);
    expect(anchorsOf(/(이용자|사용자)가/)).toEqual(['이용자', '사용자']);
    // Of two candidates as long, the one with fewer words: fewer places to look.
    expect(anchorsOf(/(이용자|사용자)가 많/)).toEqual(['가 많']);
    // A class or an optional character splits the words; the longer side is kept.
    expect(anchorsOf(/authori[sz]ed/)).toEqual(['authori']);
    expect(anchorsOf(/time ?out/)).toEqual(['time']);
    expect(anchorsOf(/\b(?:refund|capture)d?\b/)).toEqual(['refund', 'capture']);
  });

  it('gives up (the pattern always runs) where a match need hold no word of two characters', () => {
    expect(anchorsOf(/a|\bbc/)).toBeUndefined();
    expect(anchorsOf(/x?y?/)).toBeUndefined();
    expect(anchorsOf(/(ab)?c/)).toBeUndefined();
    expect(anchorsOf(/ab|/)).toBeUndefined();
    // Flags that change what a character matches, and syntax it does not read.
    expect(anchorsOf(/error/i)).toBeUndefined();
    expect(anchorsOf(/(?<w>error)/)).toBeUndefined();
  });

  it('reads past a look-around, which matches no characters and so gives no words', () => {
    expect(anchorsOf(/(?=error)err/)).toEqual(['err']);
    expect(anchorsOf(/(?<!decline )\brate limit|\btoo many requests\b/)).toEqual(['rate limit', 'too many requests']);
    expect(anchorsOf(/(?<=a)(?!b)/)).toBeUndefined();
  });
});

/** Every folded provider text in the catalog: the texts the safety rules read. */
const catalogTexts = (): string[] => {
  const out: string[] = [];
  for (const p of providers) for (const e of p.entries) for (const t of e[4]) if (t) out.push(fold(t));
  return out;
};

describe('PatternSet: the same answers as the regular expressions, fewer of them run', () => {
  const sources = [
    /\bsystem (error|busy)\b|网络|\bnetwork\b/,
    /\b(?:refund|capture)d?\b|退款|환불/,
    /time ?out|超时|타임아웃/,
    /\b(order|payment) (was |has been )?(paid|refunded)\b|已支付/,
    /(이용자|사용자)가 많|^paid\b/,
    /a|\bbc/,
    /error/i,
  ];

  it('answers every catalog text as each pattern does', () => {
    const set = new PatternSet();
    const gated = sources.map((re) => set.add(re));
    const texts = catalogTexts();
    expect(texts.length).toBeGreaterThan(10_000);
    let matched = 0;
    for (const t of texts) {
      for (const g of gated) {
        const want = g.re.test(t);
        if (want) matched++;
        expect(g.test(t), `${g.re} on ${JSON.stringify(t)}`).toBe(want);
      }
    }
    // Real matches were among them, so the gate let those through.
    expect(matched).toBeGreaterThan(500);
  });

  it('answers arbitrary texts made of the patterns’ words as each pattern does, in any order of calls', () => {
    const set = new PatternSet();
    const gated = sources.map((re) => set.add(re));
    const pieces = [
      'system ',
      'error',
      'busy',
      'network',
      '网络',
      'refund',
      'd',
      '退款',
      'time',
      ' ',
      'out',
      '超时',
      'payment ',
      'was ',
      'paid',
      '이용자',
      '가 많',
      'a',
      'b',
      'c',
      'ERROR',
      '.',
    ];
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 3 })), { maxLength: 12 }),
        fc.array(fc.nat(gated.length - 1)),
        (parts, order) => {
          const text = parts.join('');
          for (const i of [...order, ...gated.keys()]) {
            const g = gated[i];
            if (g) expect(g.test(text)).toBe(g.re.test(text));
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('reads a new text when the text changes between calls, and patterns added later', () => {
    const set = new PatternSet();
    const net = set.add(/\bnetwork\b/);
    expect(net.test('network error')).toBe(true);
    expect(net.test('card declined')).toBe(false);
    const late = set.add(/\bdeclined\b/);
    expect(late.test('card declined')).toBe(true);
    expect(net.test('card declined')).toBe(false);
    expect(net.test('network error')).toBe(true);
  });

  it('stays linear: a megabyte of near-misses is read once per text', () => {
    const set = new PatternSet();
    const g = set.add(/\bsystem (error|busy)\b|网络/);
    const text = 'system errors '.repeat(80_000);
    expect(g.test(text)).toBe(false);
    expect(g.test(`${text}system busy`)).toBe(true);
  });
});
