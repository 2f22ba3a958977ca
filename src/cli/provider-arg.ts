import { listProviders } from '../catalog/api.js';
import { normalize, normalizer } from '../normalize.js';
import { suggest, UsageError } from './usage.js';

/** A provider id from the command line, or a usage error that names the closest one. */
export function requireProvider(id: string): string {
  const p = normalizer.provider(id);
  if (p) return p.id;
  const ids = listProviders().map((x) => x.id);
  const hint = suggest(id, ids);
  throw new UsageError(`unknown provider "${id}"${hint ? `; did you mean \`${hint}\`?` : ''} (known: ${ids.join(', ')})`);
}

/** The library's `normalize` over the whole catalog, behind the CLI's provider check. */
export const fullExplainer = { provider: requireProvider, normalize } as const;
