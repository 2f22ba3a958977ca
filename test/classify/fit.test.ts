import { describe, expect, it } from 'vitest';
import { detailsOf } from '../../scripts/classifier-lopo.js';
import { fitModel, samplesOf } from '../../src/build/fit-classifier.js';
import { codeWords, features } from '../../src/classify/features.js';
import type { ProviderData } from '../../src/core/data.js';
import { fold } from '../../src/text/fold.js';

const provider: ProviderData = {
  id: 'acme-pay',
  name: 'Acme Pay',
  aliases: [],
  languages: ['ja'],
  canonical: { width: 0, case: 'upper' },
  document: 'catalog/sources/acme-pay.txt',
  entries: [
    ['G02', 'payment', 'G02', 'insufficient_funds', ['カード会社オーソリエラー'], 1, 1, 0],
    ['G03', 'payment', 'G03', 'card_limit_exceeded', ['カード会社オーソリエラー'], 2, 2, 0],
  ],
};
const classes = ['insufficient_funds', 'card_limit_exceeded'];

describe('fitting the classifier', () => {
  it("learns an entry's details as more texts of the entry, the entry still weighing 1 in all", () => {
    const details = (p: string, i: number) => (p === 'acme-pay' && i === 0 ? ['カード残高が不足しています。'] : []);
    const plain = samplesOf([provider], classes);
    const more = samplesOf([provider], classes, [], details);
    // Without details: one text per entry, with and without its flow.
    expect(plain.filter((s) => s.label === 0)).toHaveLength(2);
    // With details: the message, the detail, and both together, each with and without the flow.
    const first = more.filter((s) => s.label === 0);
    expect(first).toHaveLength(6);
    const withFlow = first.filter((_, i) => i % 2 === 0);
    expect(withFlow.reduce((n, s) => n + s.weight, 0)).toBeCloseTo(1, 12);
    expect(withFlow[1]?.features).toEqual(features(fold('カード残高が不足しています。'), codeWords('G02'), 'payment'));
    // The other entry, which has none, is as before.
    expect(more.filter((s) => s.label === 1)).toEqual(plain.filter((s) => s.label === 1));
  });

  it('reads details from the compiled catalog: the buyer message of GMO-PG G02', () => {
    // GMO-PG's error_message column ("the card balance is short") stands beside a generic text.
    // The source writes its kana decomposed (ト + U+3099); the classifier folds them together.
    expect(detailsOf('gmo-payment-gateway', 0)).toEqual([]);
    const all = Array.from({ length: 400 }, (_, i) => detailsOf('gmo-payment-gateway', i)).flat();
    expect(all.some((t) => fold(t).includes('残高が不足'))).toBe(true);
    expect(detailsOf('no-such-provider', 0)).toEqual([]);
  });

  it('averages fits over several shuffles, exactly the mean of the single fits', () => {
    const samples = samplesOf([provider], classes, [], (_, i) => (i === 0 ? ['残高不足'] : ['限度額超過']));
    const seed = 11;
    const a = fitModel(samples, classes, { seed, minCount: 1, shuffles: 1 });
    const b = fitModel(samples, classes, { seed: seed + 7919, minCount: 1, shuffles: 1 });
    const both = fitModel(samples, classes, { seed, minCount: 1, shuffles: 2 });
    expect(both.hashes).toEqual(a.hashes);
    const mean = (x: Float64Array, y: Float64Array) => Array.from(x, (v, i) => (v + (y[i] as number)) / 2);
    const close = (x: readonly number[], y: readonly number[]) => x.every((v, i) => Math.abs(v - (y[i] as number)) < 1e-12);
    expect(close(Array.from(both.w), mean(a.w, b.w))).toBe(true);
    expect(close(Array.from(both.bias), mean(a.bias, b.bias))).toBe(true);
    // Not a single fit under another name: the two shuffles differ, and so does their mean.
    expect(close(Array.from(a.w), Array.from(b.w))).toBe(false);
    // And the same call gives the same weights.
    expect(fitModel(samples, classes, { seed, minCount: 1, shuffles: 2 }).w).toEqual(both.w);
  });
});
