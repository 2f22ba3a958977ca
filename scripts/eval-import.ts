/**
 * Import evaluation: every document in the import corpus is imported and its codes compared with
 * a hand-checked list (test/fixtures/import-expected/<file>.tsv: code, then the heading it sits
 * under). A code counts as found when the importer gives the same code under the same heading.
 *
 *   npm run eval:import            the table, per file and overall
 *   npm run eval:import -- --json  the same as JSON
 *   npm run eval:import -- --quick leave out the two largest files
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { importTable } from '../src/import/index.js';

export interface FileScore {
  file: string;
  expected: number;
  found: number;
  matched: number;
  recall: number;
  precision: number;
  ms: number;
}

const root = resolve(import.meta.dirname, '..');
const CORPUS = join(root, 'test/fixtures/import-corpus');
const EXPECTED = join(root, 'test/fixtures/import-expected');

/** Headings compared without their markup: `response\_codes` and `response_codes` are one heading. */
const norm = (s: string) =>
  s
    .replace(/[\\`*]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

export function scoreFile(file: string): FileScore {
  const text = readFileSync(join(CORPUS, file), 'utf8');
  const want = new Set(
    readFileSync(join(EXPECTED, `${basename(file, '.txt')}.tsv`), 'utf8')
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => {
        const [code = '', section = ''] = l.split('\t');
        return `${code}\t${norm(section)}`;
      }),
  );
  const t0 = performance.now();
  const result = importTable(text, { provider: 'eval' });
  const ms = performance.now() - t0;
  const got = new Set(result.entries.map((e) => `${e.code}\t${norm(e.section ?? '')}`));
  let matched = 0;
  for (const k of got) if (want.has(k)) matched++;
  return {
    file,
    expected: want.size,
    found: got.size,
    matched,
    recall: want.size === 0 ? 1 : matched / want.size,
    precision: got.size === 0 ? (want.size === 0 ? 1 : 0) : matched / got.size,
    ms,
  };
}

export function corpusFiles(quick = false): string[] {
  return readdirSync(CORPUS)
    .filter((f) => f.endsWith('.txt') && existsSync(join(EXPECTED, `${basename(f, '.txt')}.tsv`)))
    .filter((f) => !quick || readFileSync(join(CORPUS, f)).length < 200_000)
    .sort();
}

export function overall(scores: FileScore[]): { recall: number; precision: number; expected: number; found: number; matched: number } {
  const expected = scores.reduce((a, s) => a + s.expected, 0);
  const found = scores.reduce((a, s) => a + s.found, 0);
  const matched = scores.reduce((a, s) => a + s.matched, 0);
  return { expected, found, matched, recall: matched / expected, precision: matched / found };
}

/** A file fails when it finds less than 90% of its codes or more than 10% of what it finds is wrong. */
export const fails = (s: FileScore) => s.recall < 0.9 || s.precision < 0.9;

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const args = process.argv.slice(2);
  const scores = corpusFiles(args.includes('--quick')).map(scoreFile);
  const all = overall(scores);
  if (args.includes('--json')) {
    process.stdout.write(`${JSON.stringify({ files: scores, overall: all }, null, 2)}\n`);
  } else {
    const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
    const lines = ['| file | expected | found | recall | precision | time |', '| --- | ---: | ---: | ---: | ---: | ---: |'];
    for (const s of scores) {
      lines.push(
        `| ${s.file}${fails(s) ? ' **(fails)**' : ''} | ${s.expected} | ${s.found} | ${pct(s.recall)} | ${pct(s.precision)} | ${(s.ms / 1000).toFixed(2)} s |`,
      );
    }
    lines.push(`| **overall** | ${all.expected} | ${all.found} | ${pct(all.recall)} | ${pct(all.precision)} | |`);
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  if (scores.some(fails) || all.recall < 0.97 || all.precision < 0.97) process.exitCode = 1;
}
