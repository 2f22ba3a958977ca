// Compiles catalog/*.yaml into src/data (and the JSON Schemas). `--check` fails when the
// checked-in output differs from what the YAML gives, so generated code never drifts.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileCatalog } from '../src/build/compile.js';
import { compileRetryRules } from '../src/build/compile-retry-rules.js';
import { formatProblem } from '../src/build/load.js';
import { validateCatalog } from '../src/build/validate.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
const result = validateCatalog({ dir: join(root, 'catalog'), root });
if (!result.catalog) {
  for (const p of result.problems) console.error(formatProblem(p));
  console.error(`catalog: ${result.problems.length} problem(s)`);
  process.exit(1);
}
const files = compileCatalog(result.catalog);
for (const [rel, content] of compileRetryRules(readFileSync(join(root, 'catalog', 'retry-rules.yaml'), 'utf8'))) files.set(rel, content);
let stale = 0;
for (const [rel, content] of files) {
  const path = join(root, rel);
  const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  if (current === content) continue;
  if (check) {
    console.error(`stale: ${rel} (run npm run compile)`);
    stale++;
    continue;
  }
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}
if (stale > 0) process.exit(1);
const { providers, entries, unified } = result.counts;
console.error(`catalog: ${providers} providers, ${entries} entries, ${unified} unified codes${check ? ' (up to date)' : ''}`);
