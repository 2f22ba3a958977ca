// `npm start`: build when dist is missing or older than the sources, then serve.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const newest = (dir) => {
  let t = 0;
  if (!existsSync(dir)) return t;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
};
const built = join(root, 'dist', 'cli.js');
const stale =
  !existsSync(built) || newest(join(root, 'src')) > statSync(built).mtimeMs || newest(join(root, 'web', 'src')) > statSync(built).mtimeMs;
if (stale) {
  const r = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const args = process.argv.slice(2);
const r = spawnSync(process.execPath, [join(root, 'bin', 'paycodes.js'), 'serve', ...args], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 0);
