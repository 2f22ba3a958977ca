import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listEntries, listProviders } from '../../src/catalog/api.js';
import { ROOT } from '../helpers/paths.js';
import { runCli } from '../helpers/run.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A copy of the catalog in a temp folder, with `edit` applied to one provider file. */
function brokenCatalog(provider: string, edit: (text: string) => string): { root: string; file: string; text: string } {
  const root = mkdtempSync(join(tmpdir(), 'paycodes-validate-'));
  dirs.push(root);
  cpSync(join(ROOT, 'catalog'), join(root, 'catalog'), { recursive: true });
  const file = join(root, 'catalog/providers', `${provider}.yaml`);
  const text = edit(readFileSync(file, 'utf8'));
  writeFileSync(file, text);
  return { root, file, text };
}

/** 1-based line of the first occurrence of `needle`. */
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

const validate = (root: string) => runCli(['validate', '--dir', join(root, 'catalog'), '--root', root]);

describe('paycodes validate', () => {
  it('accepts the shipped catalog', async () => {
    const r = await runCli(['validate']);
    expect(r.stderr).toBe('');
    const providers = listProviders();
    const entries = providers.reduce((n, p) => n + listEntries(p.id).length, 0);
    expect(r.stdout).toMatch(new RegExp(`^catalog ok: ${providers.length} providers, ${entries} entries, \\d+ unified codes\n$`));
    expect(r.code).toBe(0);
  });

  it('names the file and line of an unknown flow', async () => {
    const { root, text } = brokenCatalog('qfpay', (t) =>
      t.replace('  - code: "1102"\n    flow: any', '  - code: "1102"\n    flow: payments'),
    );
    const r = await validate(root);
    expect(r.code).toBe(1);
    const line = lineOf(text, 'flow: payments');
    expect(r.stderr).toContain(`catalog/providers/qfpay.yaml:${line}:11: entries[3].flow:`);
    expect(r.stderr).toMatch(/payment/);
  });

  it('names the line of a unified code that does not exist', async () => {
    const { root, text } = brokenCatalog('ottpay', (t) => t.replace('unified: insufficient_funds', 'unified: insufficent_funds'));
    const r = await validate(root);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`catalog/providers/ottpay.yaml:${lineOf(text, 'insufficent_funds')}:`);
    expect(r.stderr).toContain('"insufficent_funds" is not in catalog/unified.yaml');
  });

  it('refuses a provider text that is not verbatim on its source line', async () => {
    const { root, text } = brokenCatalog('subotiz', (t) => t.replace('en: Insufficient balance', 'en: Insufficient funds'));
    const r = await validate(root);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`catalog/providers/subotiz.yaml:${lineOf(text, 'Insufficient funds')}:`);
    expect(r.stderr).toContain('the text is not verbatim on lines 9-9 of catalog/sources/subotiz.txt');
  });

  it('holds details to the same rule as messages: verbatim on the source line', async () => {
    // G02's buyer message stands on its row; a reworded one does not.
    const { root, text } = brokenCatalog('gmo-payment-gateway', (t) =>
      t.replace(/(code: "42G020000"\n(?: {4}.*\n)*? {4}details:\n {6}ja: ")[^"]*/, '$1カード残高が足りません。'),
    );
    const r = await validate(root);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`catalog/providers/gmo-payment-gateway.yaml:${lineOf(text, 'カード残高が足りません')}:`);
    expect(r.stderr).toMatch(
      /entries\[\d+\]\.details\.ja: the text is not verbatim on lines 337-337 of catalog\/sources\/gmo-payment-gateway\.txt/,
    );
  });

  it('reports a YAML syntax error with its line', async () => {
    const { root, text } = brokenCatalog('eftpay', (t) => t.replace('  - code: "-13"\n', '  - code: "-13\n'));
    const r = await validate(root);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`catalog/providers/eftpay\\.yaml:${lineOf(text, 'code: "-13')}:\\d+: `));
  });

  it('reports a missing required field at the entry', async () => {
    const { root, text } = brokenCatalog('qfpay', (t) => t.replace('  - code: "1201"\n    flow: any\n', '  - flow: any # no code\n'));
    const r = await validate(root);
    expect(r.code).toBe(1);
    const line = lineOf(text, '# no code');
    expect(r.stderr).toMatch(new RegExp(`catalog/providers/qfpay\\.yaml:${line}:\\d+: entries\\[19\\]\\.code: `));
  });

  it('refuses an override without a reason', async () => {
    const { root, text } = brokenCatalog('qfpay', (t) =>
      t.replace('    unified: insufficient_funds\n', '    unified: insufficient_funds\n    override:\n      next: retry\n'),
    );
    const r = await validate(root);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`catalog/providers/qfpay.yaml:${lineOf(text, 'next: retry')}:`);
    expect(r.stderr).toContain('entries[19].override.reason');
  });

  it('refuses a code that is not in canonical form', async () => {
    const { root, text } = brokenCatalog('ottpay', (t) => t.replace('code: UNKNOW\n', 'code: unknow\n'));
    const r = await validate(root);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`catalog/providers/ottpay.yaml:${lineOf(text, 'code: unknow')}:`);
    expect(r.stderr).toContain('"unknow" is not canonical for ottpay (expected "UNKNOW")');
  });

  it('prints problems as JSON with --json', async () => {
    const { root } = brokenCatalog('qfpay', (t) => t.replace('unified: processing', 'unified: procesing'));
    const r = await runCli(['validate', '--dir', join(root, 'catalog'), '--root', root, '--json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.ok).toBe(false);
    expect(out.problems).toHaveLength(1);
    expect(out.problems[0]).toMatchObject({ file: 'catalog/providers/qfpay.yaml', message: expect.stringContaining('procesing') });
  });
});
