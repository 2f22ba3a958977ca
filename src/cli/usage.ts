import { FLOWS, type Flow } from '../core/types.js';

/** A usage problem: printed without a stack trace, exit status 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

function distance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0] as number;
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j] as number;
      d[j] = Math.min((d[j] as number) + 1, (d[j - 1] as number) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return d[b.length] as number;
}

/** The closest of `options` to `input`, if it is close enough to be a typo. */
export function suggest(input: string, options: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Number.POSITIVE_INFINITY;
  const low = input.toLowerCase();
  for (const o of options) {
    const d = o.startsWith(low) || low.startsWith(o) ? 1 : distance(low, o);
    if (d < bestD) {
      bestD = d;
      best = o;
    }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
}

export function requireFlow(flow: string | undefined): Flow | undefined {
  if (flow === undefined) return undefined;
  if ((FLOWS as readonly string[]).includes(flow)) return flow as Flow;
  const hint = suggest(flow, FLOWS);
  throw new UsageError(`unknown flow "${flow}"${hint ? `; did you mean \`${hint}\`?` : ''} (flows: ${FLOWS.join(', ')})`);
}
