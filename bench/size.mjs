// Size: minified + gzipped bytes of what a browser or edge bundle carries. esbuild bundles a tiny
// entry from the TypeScript sources (tree-shaken, minified, ESM), then gzip -9 measures it.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { ROOT, row, skipped } from './lib.mjs';

const gz = (buf) => gzipSync(buf, { level: 9 }).length;

async function bundle(contents) {
  const r = await build({
    stdin: { contents, resolveDir: ROOT, sourcefile: 'bench-entry.ts', loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    write: false,
    treeShaking: true,
    logLevel: 'silent',
  });
  const code = r.outputFiles[0].contents;
  return { min: code.length, gzip: gz(code) };
}

const ONE = `
import { createNormalizer } from './src/core/index.ts';
import { qfpay } from './src/generated/providers/qfpay.ts';
import { qfpayUnified, qfpayEn } from './src/generated/packs/qfpay.ts';
export const normalizer = createNormalizer({ providers: [qfpay], unified: qfpayUnified, messages: { en: qfpayEn } });
`;

const ALL = `
import { createNormalizer } from './src/core/index.ts';
import { providers, unified, en, zhHant, zhHans } from './src/generated/index.ts';
export const normalizer = createNormalizer({ providers, unified, messages: { en, 'zh-Hant': zhHant, 'zh-Hans': zhHans } });
`;

const CORE = `export { createNormalizer } from './src/core/index.ts';`;

function jsFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...jsFiles(p));
    else if (/\.(m?js)$/.test(name)) out.push(p);
  }
  return out;
}

export async function size() {
  const core = await bundle(CORE);
  const one = await bundle(ONE);
  const all = await bundle(ALL);
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  const out = [
    row('size', 'core + qfpay + unified + English (min+gzip)', one.gzip, 'bytes', {
      baseline: '8 KB budget',
      baselineValue: 8192,
      ratio: Math.round((one.gzip / 8192) * 100) / 100,
      target: '≤ 8 KB gzipped',
      met: one.gzip <= 8192,
      note: `${kb(one.min)} minified; createNormalizer alone is ${core.gzip} B gzipped (${core.min} B minified)`,
    }),
    row('size', 'core + all providers + all three languages (min+gzip)', all.gzip, 'bytes', {
      note: `${kb(all.min)} minified`,
    }),
  ];
  const web = join(ROOT, 'web', 'dist');
  if (existsSync(web)) {
    const files = jsFiles(web);
    const total = files.reduce((s, f) => s + gz(readFileSync(f)), 0);
    const raw = files.reduce((s, f) => s + statSync(f).size, 0);
    out.push(
      row('size', 'web page JavaScript (gzip)', total, 'bytes', {
        note: `${files.length} file(s) under ${relative(ROOT, web)}, ${kb(raw)} as built`,
      }),
    );
  } else {
    out.push(skipped('size', 'web page JavaScript (gzip)', 'web/dist does not exist (the web page is not built yet)'));
  }
  return out;
}
