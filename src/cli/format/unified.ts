import { listUnified } from '../../catalog/api.js';
import { suggest, UsageError } from '../usage.js';

/** A unified code from the command line, or a usage error naming the closest one. */
export function requireUnified(code: string): string {
  const codes = listUnified().map((u) => u.code);
  if (codes.includes(code)) return code;
  const folded = code
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  if (codes.includes(folded)) return folded;
  const hint = suggest(folded, codes);
  throw new UsageError(`unknown unified code "${code}"${hint ? `; did you mean \`${hint}\`?` : ''} (see \`paycodes unified\`)`);
}
