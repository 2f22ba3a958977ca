import { describe, expect, it } from 'vitest';
import { listEntries, listProviders } from '../../src/catalog/api.js';
import { explainOne } from '../../src/cli/explain-one.js';
import { FLOWS, LANGS } from '../../src/core/types.js';
import { normalize } from '../../src/normalize.js';

// `paycodes explain` answers from one provider's data on its start-up path. Its answer must be the
// library's, for every provider, every flow and language, codes it has and codes it does not.
describe('explain over one provider’s data', () => {
  it('answers exactly as normalize() for a spread of every provider’s codes', async () => {
    let compared = 0;
    for (const p of listProviders()) {
      const codes = [...new Set(listEntries(p.id).map((e) => e.code))];
      const step = Math.max(1, Math.floor(codes.length / 12));
      const picked = [...codes.filter((_, i) => i % step === 0), 'NO-SUCH-CODE', ` ${codes[0]} `];
      for (const name of [p.id, ...p.aliases]) {
        const one = await explainOne(name);
        expect(one, `${p.id} ← ${name}`).toBeDefined();
        expect(one?.provider(name)).toBe(p.id);
        for (const [i, code] of picked.entries()) {
          const flow = FLOWS[i % FLOWS.length];
          const lang = LANGS[i % LANGS.length];
          const input = { provider: p.id, code, flow, lang };
          expect(one?.normalize(input), `${p.id} ${code} ${flow} ${lang}`).toEqual(normalize(input));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(500);
  });

  it('leaves a name the catalog does not know to the full path', async () => {
    for (const name of ['qfpya', '', '__proto__', 'constructor', '다날페이']) expect(await explainOne(name)).toBeUndefined();
  });
});
