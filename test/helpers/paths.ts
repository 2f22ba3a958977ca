import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = resolve(ROOT, 'bin/paycodes.js');
/** The shared seed folder sits beside the repository in the development layout. */
export const SEEDS = resolve(ROOT, '../shared/seeds');
