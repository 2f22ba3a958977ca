import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { listProviders } from '../../src/catalog/api.js';
import { ROOT, SEEDS } from '../helpers/paths.js';

describe('the in-repo source copies', () => {
  // Imported providers name a repository or URL instead of a seed file; only the seeds are checked here.
  const seedOf = (id: string) =>
    parse(readFileSync(join(ROOT, 'catalog/providers', `${id}.yaml`), 'utf8')).source.seed as string | undefined;
  const providers = listProviders().filter((p) => seedOf(p.id) !== undefined);

  it.runIf(existsSync(SEEDS))('equal ../shared/seeds byte for byte', () => {
    for (const p of providers) {
      const file = parse(readFileSync(join(ROOT, 'catalog/providers', `${p.id}.yaml`), 'utf8'));
      const seed = file.source.seed as string;
      expect(seed, p.id).toMatch(/^\d{3}_[0-9a-f]+\.txt$/);
      expect(readFileSync(join(ROOT, p.document)).equals(readFileSync(join(SEEDS, seed))), `${p.document} vs ${seed}`).toBe(true);
    }
  });

  it('name the seed file each came from, one seed per provider', () => {
    const seeds = providers.map((p) => seedOf(p.id));
    expect(providers.length).toBe(5);
    expect(new Set(seeds).size).toBe(providers.length);
  });
});
