// `npm start`: build what is stale, then serve.
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// The build step prints nothing unless it fails, so the first thing a newcomer sees is the address.
const b = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
if (b.status !== 0) process.exit(b.status ?? 1);
const args = process.argv.slice(2);
const r = spawnSync(process.execPath, [join(root, 'bin', 'paycodes.js'), 'serve', ...args], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 0);
