import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalogData } from '../../src/build/in-memory.js';
import { createNormalizer, type Normalizer } from '../../src/core/normalizer.js';
import type { ResponsesCatalog } from '../../src/responses/catalog.js';
import { createResponses, type Responses } from '../../src/responses/index.js';
import { ROOT } from './paths.js';

export interface FixtureCatalog {
  normalizer: Normalizer;
  catalog: ResponsesCatalog;
  responses: Responses;
  dispose(): void;
}

/**
 * Validates and compiles, in memory, a catalog made of the given fixture provider files (from
 * test/fixtures/<dir>/providers and sources) and the real unified taxonomy.
 */
export function fixtureCatalog(dir: string, providers: string[]): FixtureCatalog {
  const from = join(ROOT, 'test/fixtures', dir);
  const work = mkdtempSync(join(tmpdir(), 'paycodes-catalog-'));
  mkdirSync(join(work, 'providers'));
  mkdirSync(join(work, 'sources'));
  copyFileSync(join(ROOT, 'catalog/unified.yaml'), join(work, 'unified.yaml'));
  for (const id of providers) {
    copyFileSync(join(from, 'providers', `${id}.yaml`), join(work, 'providers', `${id}.yaml`));
    copyFileSync(join(from, 'sources', `${id}.txt`), join(work, 'sources', `${id}.txt`));
  }
  const data = loadCatalogData(work, work);
  const normalizer = createNormalizer({ providers: data.providers, unified: data.unified, messages: data.messages });
  const catalog: ResponsesCatalog = {
    envelopes: data.envelopes,
    normalize: (input) => normalizer.normalize(input),
    providerId: (name) => normalizer.provider(name)?.id,
    unified: data.unified,
    messages: data.messages,
    decisions: normalizer.decisions,
  };
  return { normalizer, catalog, responses: createResponses(catalog), dispose: () => rmSync(work, { recursive: true, force: true }) };
}
