import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { blocks, commands, guides, rerun, withServer } from '../../scripts/doc-blocks.js';
import { ROOT } from '../helpers/paths.js';

const pages = guides(ROOT);
const all = pages.flatMap((rel) => blocks(rel, readFileSync(join(ROOT, rel), 'utf8')));
const scratch = join(ROOT, '.docs-run');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the README and the guides', () => {
  it('mark every code block as run, test or illustrative', () => {
    const unmarked = all.filter((b) => b.marker === undefined).map((b) => `${b.file}:${b.line}`);
    expect(unmarked).toEqual([]);
  });

  const runs = all.filter((b) => b.marker === 'run');
  // Some blocks run an example end to end (examples/warehouse-query loads the whole SQL export into
  // DuckDB), which on a loaded machine outlasts the default timeout.
  it.each(runs.map((b) => [`${b.file}:${b.line}`, b] as const))(
    '%s shows the real output of its commands',
    (_, b) => {
      expect(commands(b.body).length).toBeGreaterThan(0);
      expect(rerun(ROOT, b.body)).toBe(b.body);
    },
    120_000,
  );

  const served = all.filter((b) => b.marker === 'run: server');
  it.runIf(served.length > 0)('blocks that talk to the server show its real answers', async () => {
    await withServer(ROOT, (port) => {
      for (const b of served) expect(rerun(ROOT, b.body, port), `${b.file}:${b.line}`).toBe(b.body);
    });
  });

  const tests = all.filter((b) => b.marker === 'test');
  it.each(tests.map((b, i) => [`${b.file}:${b.line}`, b, i] as const))('%s runs', (_, b, i) => {
    mkdirSync(scratch, { recursive: true });
    if (b.lang === 'sh' || b.lang === 'bash') {
      execFileSync('bash', ['-euo', 'pipefail', '-c', b.body.replace(/(^|\n)paycodes /g, `$1node ${join(ROOT, 'bin/paycodes.js')} `)], {
        cwd: ROOT,
        stdio: 'pipe',
      });
      return;
    }
    expect(['ts', 'js', 'mjs', 'typescript', 'javascript']).toContain(b.lang);
    // Inside the repository, so `import … from 'paycodes'` resolves to this package itself.
    const file = join(scratch, `block-${i}.mts`);
    writeFileSync(file, b.body);
    execFileSync(process.execPath, ['--import', 'tsx', file], { cwd: ROOT, stdio: 'pipe' });
  });
});
