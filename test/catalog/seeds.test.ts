import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { listProviders } from '../../src/catalog/api.js';
import { ROOT, SEEDS } from '../helpers/paths.js';

describe('the in-repo source copies', () => {
  // The five seed providers; the corpus providers are checked in provider-sources.test.ts.
  const providers = listProviders().filter(
    (p) => parse(readFileSync(join(ROOT, 'catalog/providers', `${p.id}.yaml`), 'utf8')).source.seed !== undefined,
  );

  it('has the five seed providers', () => expect(providers.map((p) => p.id)).toHaveLength(5));

  it.runIf(existsSync(SEEDS))('equal ../shared/seeds byte for byte', () => {
    for (const p of providers) {
      const file = parse(readFileSync(join(ROOT, 'catalog/providers', `${p.id}.yaml`), 'utf8'));
      const seed = file.source.seed as string;
      expect(seed, p.id).toMatch(/^\d{3}_[0-9a-f]+\.txt$/);
      expect(readFileSync(join(ROOT, p.document)).equals(readFileSync(join(SEEDS, seed))), `${p.document} vs ${seed}`).toBe(true);
    }
  });

  it('name the seed file each came from, one seed per provider', () => {
    const seeds = providers.map((p) => parse(readFileSync(join(ROOT, 'catalog/providers', `${p.id}.yaml`), 'utf8')).source.seed);
    expect(new Set(seeds).size).toBe(providers.length);
  });
});
