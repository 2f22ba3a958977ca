import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/paths.js';

export const WEB_DIST = join(ROOT, 'web', 'dist');
const INDEX = join(WEB_DIST, 'index.html');
const LOCK = join(ROOT, 'web', '.build-lock');

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Builds the web bundle when web/dist is missing (`npm test` has built it already, via pretest).
 * Test files run in parallel workers: one builds, the others wait for it.
 */
export function ensureWebBuilt(): void {
  if (existsSync(INDEX)) return;
  try {
    mkdirSync(LOCK);
  } catch {
    for (let i = 0; i < 600 && existsSync(LOCK); i++) sleep(100);
    if (existsSync(INDEX)) return;
    throw new Error('another worker failed to build web/dist');
  }
  try {
    const r = spawnSync('npm', ['run', 'build:web', '--silent'], { cwd: ROOT, stdio: 'pipe', encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`npm run build:web failed:\n${r.stdout}\n${r.stderr}`);
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
