import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importTable } from '../../src/import/index.js';
import { ROOT } from '../helpers/paths.js';

// Documents written for providers that appear nowhere else in the project (see the folder's README):
// the importer was not fitted to them, so they show how it reads a table nobody has mapped.
const DIR = resolve(ROOT, 'test/fixtures/import-unseen');
const LANGUAGE: Record<string, string> = {
  'moneris.md': 'en',
  'iyzico.html': 'en',
  'dlocal-es.csv': 'es',
  'skrill.tsv': 'en',
  'rapyd.json': 'en',
  'alipayhk.yaml': 'zh-Hant',
  'dana.txt': 'en',
  'yeepay.txt': 'zh-Hans',
  'PayPayResultCode.java.txt': 'ja',
  'mobilians-codes.ts.txt': 'ko',
  'pagseguro.json': 'pt',
};

describe('import: documents of providers outside the project', () => {
  const all = readdirSync(DIR);
  const files = all.filter((f) => all.includes(`${f}.expected`));

  it('holds every document the README lists', () => {
    expect(files.sort()).toEqual(Object.keys(LANGUAGE).sort());
  });

  it.each(Object.keys(LANGUAGE))('%s: every code, nothing else, each with its own text in its language', (file) => {
    const result = importTable(readFileSync(resolve(DIR, file), 'utf8'), { provider: 'acme' }, false);
    const expected = readFileSync(resolve(DIR, `${file}.expected`), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    const codes = result.entries.map((e) => e.code);
    expect(codes.filter((c) => !expected.includes(c))).toEqual([]);
    expect(expected.filter((c) => !codes.includes(c))).toEqual([]);
    for (const e of result.entries) {
      const texts = Object.values(e.messages);
      expect(texts.length).toBeGreaterThan(0);
      // A text is the code's own: not empty, not the code again, not a neighbour's code in front.
      for (const t of texts) {
        expect(t.trim()).not.toBe('');
        expect(t.startsWith(`${e.code} `) || t.startsWith(`${e.code}:`) || t.startsWith(`${e.code}：`)).toBe(false);
      }
    }
    expect(result.languages).toEqual([LANGUAGE[file]]);
  });
});
