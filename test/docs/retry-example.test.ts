import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.js';

// The guide shows the worked example's real output; this fails when either drifts.
describe('docs/retry-rules.md worked example', () => {
  it('runs, and prints what the guide shows', () => {
    const out = execFileSync(process.execPath, [join(ROOT, 'examples/retry/worked-example.mjs')], { cwd: ROOT, encoding: 'utf8' });
    const doc = readFileSync(join(ROOT, 'docs/retry-rules.md'), 'utf8');
    const shown = /<!-- output: examples\/retry\/worked-example\.mjs -->\n```text\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(shown).toBeDefined();
    expect(out).toBe(shown);
    expect(out).toMatch(/61 minutes later: retry=true/);
    expect(out).toMatch(/visa attempt 20: retry=false remaining=0/);
  });
});
