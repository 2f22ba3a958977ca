import type { HeadersLike } from './types.js';

/** A case-insensitive header reader over plain objects, Fetch `Headers`, or entry lists. */
export function headerReader(h: HeadersLike | undefined): (name: string) => string | undefined {
  if (h === undefined || h === null) return () => undefined;
  if (typeof (h as { get?: unknown }).get === 'function' && !(h instanceof Map)) {
    const g = h as { get(name: string): string | null };
    return (name) => g.get(name)?.trim() || undefined;
  }
  const map = new Map<string, string>();
  const entries: Iterable<readonly [string, unknown]> =
    h instanceof Map || Symbol.iterator in (h as object)
      ? (h as Iterable<readonly [string, unknown]>)
      : Object.entries(h as Record<string, unknown>);
  for (const [k, v] of entries) {
    if (typeof k !== 'string') continue;
    const value = Array.isArray(v) ? v[0] : v;
    if (typeof value === 'string' && !map.has(k.toLowerCase())) map.set(k.toLowerCase(), value.trim());
  }
  return (name) => map.get(name.toLowerCase()) || undefined;
}
