import { resolve } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.js';

/** Bundles an entry the way a browser or edge app would: no Node built-ins may be reachable. */
async function browserBundle(entry: string, stdin?: string) {
  return build({
    ...(stdin === undefined ? { entryPoints: [resolve(ROOT, entry)] } : { stdin: { contents: stdin, resolveDir: ROOT, loader: 'ts' } }),
    bundle: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    logLevel: 'silent',
    metafile: true,
  });
}

describe('the library bundles for browsers', () => {
  it('paycodes (the root entry) pulls in no node: module', async () => {
    const r = await browserBundle('src/index.ts');
    expect(r.errors).toEqual([]);
    const inputs = Object.keys(r.metafile.inputs);
    expect(inputs.filter((f) => f.startsWith('node:') || /^(crypto|fs|path|http)$/.test(f))).toEqual([]);
    expect(inputs.some((f) => f.includes('src/responses/schemes'))).toBe(false);
  });

  it("import { normalize } from 'paycodes' bundles and runs", async () => {
    const r = await browserBundle(
      'src/index.ts',
      "import { normalize } from './src/index.ts'; export const d = normalize({ provider: 'eftpay', code: '00', state: 'TRADE_SUCCESS' });",
    );
    expect(r.errors).toEqual([]);
    const text = r.outputFiles[0]?.text ?? '';
    expect(text).not.toMatch(/from\s*["']node:/);
    const url = `data:text/javascript;base64,${Buffer.from(text).toString('base64')}`;
    const mod = (await import(url)) as { d: { outcome: string } };
    expect(mod.d.outcome).toBe('succeeded');
  });

  it('paycodes/responses is the entry that needs node:crypto', async () => {
    await expect(browserBundle('src/responses/index.ts')).rejects.toThrow(/crypto/);
  });

  it('no library entry reaches the build-time code in src/build (schemas, loader, compiler, fitting)', async () => {
    for (const entry of ['src/index.ts', 'src/core/index.ts', 'src/data/index.ts', 'src/classify/index.ts', 'src/responses/index.ts']) {
      const r = await build({
        entryPoints: [resolve(ROOT, entry)],
        bundle: true,
        platform: 'node',
        format: 'esm',
        write: false,
        logLevel: 'silent',
        metafile: true,
      });
      const inputs = Object.keys(r.metafile.inputs);
      expect(inputs.length, entry).toBeGreaterThan(3);
      expect(
        inputs.filter((f) => f.startsWith('src/build/') || f.includes('node_modules/zod') || f.includes('node_modules/yaml')),
        entry,
      ).toEqual([]);
    }
  });
});
