import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type StaticFile, staticFile, type WebFiles } from './static-file.js';

const TYPES = new Map<string, string>([
  ['.html', 'text/html; charset=utf-8'],
  ['.js', 'text/javascript; charset=utf-8'],
  ['.mjs', 'text/javascript; charset=utf-8'],
  ['.css', 'text/css; charset=utf-8'],
  ['.json', 'application/json; charset=utf-8'],
  ['.map', 'application/json; charset=utf-8'],
  ['.svg', 'image/svg+xml'],
  ['.png', 'image/png'],
  ['.ico', 'image/x-icon'],
  ['.webp', 'image/webp'],
  ['.woff2', 'font/woff2'],
  ['.txt', 'text/plain; charset=utf-8'],
  ['.webmanifest', 'application/manifest+json'],
]);

/** web/dist beside the package: found from this module in src/server/ as well as from a dist/ chunk. */
export function findWebRoot(): string | undefined {
  const starts: string[] = [];
  try {
    starts.push(dirname(fileURLToPath(import.meta.url)));
  } catch {
    // CommonJS build: no import.meta; the working directory is the next best guess.
  }
  starts.push(process.cwd());
  for (const start of starts) {
    let dir = start;
    for (let i = 0; i < 4; i++) {
      const candidate = join(dir, 'web', 'dist');
      if (existsSync(join(candidate, 'index.html'))) return candidate;
      dir = dirname(dir);
    }
  }
  return undefined;
}

/**
 * The built web catalog as URL path → file. Only files that exist when the server starts are
 * served, so no request path ever reaches the file system: there is nothing to traverse.
 */
export function webFiles(root: string | undefined): WebFiles {
  const files = new Map<string, () => StaticFile>();
  if (!root || !existsSync(root)) return files;
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const abs = join(dir, e.name);
      if (e.isDirectory()) walk(abs);
      else if (e.isFile() && statSync(abs).size < 20_000_000) {
        const url = `/${relative(root, abs).split(sep).join('/')}`;
        const type = TYPES.get(extname(e.name).toLowerCase()) ?? 'application/octet-stream';
        // Vite puts content-hashed names under assets/: those never change.
        const cache = url.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
        let loaded: StaticFile | undefined;
        files.set(url, () => {
          loaded ??= staticFile(readFileSync(abs), type, cache);
          return loaded;
        });
      }
    }
  };
  walk(root);
  const index = files.get('/index.html');
  if (index) files.set('/', index);
  return files;
}
