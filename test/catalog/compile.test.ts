import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCatalog } from '../../src/build/compile.js';
import { validateCatalog } from '../../src/build/validate.js';
import { ROOT } from '../helpers/paths.js';

describe('the generated catalog modules', () => {
  const result = validateCatalog({ dir: join(ROOT, 'catalog'), root: ROOT });

  it('come from a catalog with no problems', () => {
    expect(result.problems).toEqual([]);
    // Each entry is pinned per provider by the source tests; here only the catalog's floor.
    expect(result.counts.entries).toBeGreaterThanOrEqual(3836);
  });

  it('match what the YAML compiles to (no drift)', () => {
    const files = compileCatalog(result.catalog!);
    expect(files.size).toBeGreaterThan(8);
    for (const [rel, content] of files) {
      const path = join(ROOT, rel);
      expect(existsSync(path), rel).toBe(true);
      expect(readFileSync(path, 'utf8') === content, `${rel} is stale: run npm run compile`).toBe(true);
    }
  });

  it('parse no YAML at run time', () => {
    for (const f of ['unified.ts', 'index.ts', 'providers/qfpay.ts', 'messages/en.ts']) {
      const text = readFileSync(join(ROOT, 'src/data', f), 'utf8');
      expect(text).not.toMatch(/from ['"]yaml['"]/);
    }
  });

  it('publish a JSON Schema for editors', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'catalog/schema/provider.schema.json'), 'utf8'));
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'entries', 'source']));
    const entry = schema.properties.entries.items;
    expect(entry.properties.flow.enum).toContain('onboarding');
    expect(entry.required).toEqual(expect.arrayContaining(['code', 'flow', 'messages', 'source', 'unified']));
    const first = readFileSync(join(ROOT, 'catalog/providers/qfpay.yaml'), 'utf8').split('\n')[0];
    expect(first).toBe('# yaml-language-server: $schema=../schema/provider.schema.json');
  });
});
