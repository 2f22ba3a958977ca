import { describe, expect, it } from 'vitest';
import { corpusFiles, fails, overall, scoreFile } from '../../scripts/eval-import.js';

/** The import evaluation in quick form (the two largest documents left out; `npm run eval:import` runs all). */
describe('import evaluation over the corpus (quick)', () => {
  const scores = corpusFiles(true).map(scoreFile);

  it('reads many documents', () => {
    expect(scores.length).toBeGreaterThanOrEqual(30);
  });

  it('finds at least 97% of the expected codes, and 97% of what it finds is expected', () => {
    const all = overall(scores);
    expect(all.recall).toBeGreaterThanOrEqual(0.97);
    expect(all.precision).toBeGreaterThanOrEqual(0.97);
  });

  it('no document fails', () => {
    expect(scores.filter(fails).map((s) => `${s.file}: recall ${s.recall.toFixed(3)}, precision ${s.precision.toFixed(3)}`)).toEqual([]);
  });
});
