// `npm run build`, and the build step of `npm start` and `npm test`: each step runs only when its
// inputs are newer than its outputs, and prints nothing unless it fails (`--verbose` shows all).
// `--force` rebuilds everything.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const verbose = process.argv.includes('--verbose');
const force = process.argv.includes('--force');

/** The newest modification time under the given paths (files or folders). */
function newest(...paths) {
  let t = 0;
  for (const p of paths) {
    const full = join(root, p);
    if (!existsSync(full)) continue;
    const s = statSync(full);
    if (!s.isDirectory()) {
      t = Math.max(t, s.mtimeMs);
      continue;
    }
    for (const e of readdirSync(full, { withFileTypes: true })) {
      if (e.name === 'node_modules' || e.name === 'dist') continue;
      t = Math.max(t, newest(join(p, e.name)));
    }
  }
  return t;
}

const mtime = (p) => (existsSync(join(root, p)) ? statSync(join(root, p)).mtimeMs : 0);

function run(label, cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', stdio: verbose ? 'inherit' : 'pipe', shell: false });
  if (r.status !== 0) {
    if (!verbose) process.stderr.write(`${r.stdout ?? ''}${r.stderr ?? ''}`);
    process.stderr.write(`paycodes build: ${label} failed\n`);
    process.exit(r.status ?? 1);
  }
  if (verbose) process.stderr.write(`paycodes build: ${label} done\n`);
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const inputs = ['src', 'catalog', 'package.json', 'tsup.config.ts', 'tsconfig.json'];

// The catalog compile is cheap and writes only files whose content changed, so it always runs.
run('compile', npx, ['tsx', 'scripts/compile-catalog.ts']);
if (force || newest('web', 'src', 'catalog') > mtime('web/dist/index.html')) {
  run('web page', npx, ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', verbose ? 'info' : 'error']);
}
if (force || newest(...inputs) > Math.min(mtime('dist/cli.js'), mtime('dist/index.d.ts'))) {
  rmSync(join(root, 'dist'), { recursive: true, force: true });
  run('library and CLI', npx, ['tsup', '--silent']);
}
