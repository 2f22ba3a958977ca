// Size: minified + gzipped bytes of what a browser or edge bundle carries. esbuild bundles a tiny
// entry from the TypeScript sources (tree-shaken, minified, ESM), then gzip -9 measures it.
import { execFileSync } from 'node:child_process';
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

/** Core + one provider's data + its pack's unified codes and English messages. */
const one = (id, name) => `
import { createNormalizer } from './src/core/index.ts';
import { ${name} } from './src/data/providers/${id}.ts';
import { ${name}Unified, ${name}En } from './src/data/packs/${id}.ts';
export const normalizer = createNormalizer({ providers: [${name}], unified: ${name}Unified, messages: { en: ${name}En } });
`;
// The budget is for a small provider (ipay88: 7 codes); qfpay (a large one) is shown beside it.
const SMALL = one('ipay88', 'ipay88');
const LARGE = one('qfpay', 'qfpay');

const ALL = `
import { createNormalizer } from './src/core/index.ts';
import { providers, unified, en, zhHant, zhHans } from './src/data/index.ts';
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

/** `npm pack --dry-run`: the tarball as it would be published from the current build. */
function packed() {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const [info] = JSON.parse(out);
  return { size: info.size, unpacked: info.unpackedSize, files: info.entryCount };
}

export async function size() {
  const core = await bundle(CORE);
  const small = await bundle(SMALL);
  const large = await bundle(LARGE);
  const all = await bundle(ALL);
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  const out = [
    row('size', 'core + ipay88 (small provider) + unified + English (min+gzip)', small.gzip, 'bytes', {
      baseline: '8 KB budget',
      baselineValue: 8192,
      ratio: Math.round((small.gzip / 8192) * 100) / 100,
      target: '≤ 8 KB gzipped',
      met: small.gzip <= 8192,
      note: `${kb(small.min)} minified; createNormalizer alone is ${core.gzip} B gzipped (${core.min} B minified)`,
    }),
    row('size', 'core + qfpay + unified + English (min+gzip)', large.gzip, 'bytes', { note: `${kb(large.min)} minified` }),
    row('size', 'core + all providers + all three languages (min+gzip)', all.gzip, 'bytes', {
      note: `${kb(all.min)} minified`,
    }),
  ];
  if (existsSync(join(ROOT, 'dist', 'index.js'))) {
    const p = packed();
    out.push(
      row('size', 'npm package (packed tarball)', p.size, 'bytes', {
        note: `${kb(p.unpacked)} unpacked, ${p.files} files (npm pack --dry-run of the current build)`,
      }),
    );
  } else {
    out.push(skipped('size', 'npm package (packed tarball)', 'dist does not exist (the package is not built yet)'));
  }
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
