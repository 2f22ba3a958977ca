import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { createNormalizer, DATA_VERSION, PaycodesInputError } from '../../src/core/index.js';
import * as data from '../../src/data/index.js';
import { en } from '../../src/data/messages/en.js';
import { normalize } from '../../src/normalize.js';
import { ROOT } from '../helpers/paths.js';

const PACKS = join(ROOT, 'src/data/packs');

describe('per-provider packs', () => {
  it('are derived by re-export: a pack holds references, never a copy of a tuple or a message', () => {
    for (const file of readdirSync(PACKS)) {
      const text = readFileSync(join(PACKS, file), 'utf8').replace(/^\/\/.*$/gm, '');
      const strings = [...text.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'/g)].map((m) => m[1] ?? m[2] ?? '');
      const odd = strings.filter((s) => !/^[a-z0-9_]+$/.test(s) && !/^\.\.\/[\w./-]+\.js$/.test(s));
      expect(odd, file).toEqual([]);
      expect(text, file).not.toMatch(/JSON\.parse|\[\s*"/);
    }
  });

  it('answer as the embedded catalog does, for every code of the provider', () => {
    for (const p of data.providers.filter((p) => ['ipay88', 'qfpay', 'visa'].includes(p.id))) {
      const name = p.id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
      const pack = data as unknown as Record<string, unknown>;
      const n = createNormalizer({
        providers: [p],
        unified: pack[`${name}Unified`] as typeof data.unified,
        messages: { en: pack[`${name}En`] as typeof en },
      });
      for (const [code, flow] of p.entries) {
        const mine = n.normalize({ provider: p.id, code, flow });
        const full = normalize({ provider: p.id, code, flow });
        expect([mine.unified, mine.outcome, mine.next, mine.party, mine.message.customer], `${p.id} ${code} ${flow}`).toEqual([
          full.unified,
          full.outcome,
          full.next,
          full.party,
          full.message.customer,
        ]);
      }
    }
  });

  it('bundle only the messages their provider uses', async () => {
    const r = await build({
      stdin: {
        contents:
          "import { createNormalizer } from './src/core/index.ts'; import { ipay88, ipay88Unified, ipay88En } from './src/data/index.ts';" +
          'export const n = createNormalizer({ providers: [ipay88], unified: ipay88Unified, messages: { en: ipay88En } });',
        resolveDir: ROOT,
        loader: 'ts',
      },
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      write: false,
      logLevel: 'silent',
      charset: 'utf8',
    });
    const text = r.outputFiles[0]?.text ?? '';
    const used = new Set(Object.keys(data.ipay88Unified.codes));
    const [usedCode, otherCode] = [[...used][0] as string, Object.keys(en).find((c) => !used.has(c)) as string];
    expect(text).toContain(en[usedCode]![0]);
    expect(text).not.toContain(en[otherCode]![0]);
    expect(text).not.toContain(data.zhHant[usedCode]![0]);
  });
});

describe('the data version stamp', () => {
  it('is on every compiled provider and unified table, and matches the core', () => {
    expect(data.DATA_VERSION).toBe(DATA_VERSION);
    expect(data.unified.version).toBe(DATA_VERSION);
    expect(data.qfpayUnified.version).toBe(DATA_VERSION);
    for (const p of data.providers) expect(p.version, p.id).toBe(DATA_VERSION);
  });

  it('makes createNormalizer refuse data compiled for another version, naming both versions', () => {
    const messages = { en };
    expect(() =>
      createNormalizer({ providers: data.providers, unified: { ...data.unified, version: DATA_VERSION + 1 }, messages }),
    ).toThrow(
      new PaycodesInputError(
        'unified',
        `createNormalizer: the unified data was compiled for data version ${DATA_VERSION + 1}, but this paycodes core reads data version ${DATA_VERSION}: use paycodes/core and paycodes/data from the same paycodes release (or recompile the catalog)`,
      ),
    );
    expect(() => createNormalizer({ providers: [{ ...data.visa, version: 0 }], unified: data.unified, messages })).toThrow(
      /provider data "visa" was compiled for data version 0/,
    );
    // Hand-written data carries no stamp and is read as it is.
    const { version: _, ...unstamped } = data.unified;
    expect(
      createNormalizer({ providers: [data.visa], unified: unstamped, messages }).normalize({ provider: 'visa', code: '51' }).outcome,
    ).toBe('failed');
  });
});
