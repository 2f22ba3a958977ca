import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const r = await build({
  stdin: { contents: process.argv[2], resolveDir: '/work/main', loader: 'ts' },
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'neutral',
  write: false,
  logLevel: 'silent',
});
const code = r.outputFiles[0].contents;
console.log(code.length, gzipSync(code, { level: 9 }).length);
if (process.argv[3]) console.log(Buffer.from(code).toString());
