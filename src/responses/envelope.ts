import type { EnvelopeFile, StateRowFile } from './envelope-types.js';

/**
 * The compiled `envelope` section of a provider file (see src/build/envelope-schema.ts). A row
 * without its own provenance or source has its table's: see `rowProvenance`.
 */
export type StateRow = StateRowFile;
export type StateTable = Omit<EnvelopeFile['states'][string], 'payment' | 'refund'> & {
  payment: Record<string, StateRow>;
  refund: Record<string, StateRow>;
};
export type EnvelopeData = Omit<EnvelopeFile, 'states'> & { states: Record<string, StateTable> };
export type Provenance = NonNullable<StateRowFile['provenance']>;
export type TableSide = 'payment' | 'refund';

/** Where a row's meaning comes from: its own provenance and source, else its table's. */
export function rowProvenance(t: StateTable, row: StateRow): { provenance: Provenance; source: string } {
  return { provenance: row.provenance ?? t.provenance, source: row.source ?? t.source };
}

/** The row for a state value: exact first, then upper and lower case (providers are not consistent about case). */
export function lookupState(t: StateTable, side: TableSide, value: string): StateRow | undefined {
  const rows = t[side];
  const hit = (k: string) => (Object.hasOwn(rows, k) ? rows[k] : undefined);
  return hit(value) ?? hit(value.toUpperCase()) ?? hit(value.toLowerCase());
}

/** The first table of an envelope: the main transaction state. */
export function mainTable(e: EnvelopeData): StateTable | undefined {
  const first = Object.keys(e.states)[0];
  return first === undefined ? undefined : e.states[first];
}

/** A value at a dotted path, own properties only (`__proto__` is just a key). */
export function at(o: unknown, path: string): unknown {
  let cur = o;
  for (const k of path.split('.')) {
    if (typeof cur !== 'object' || cur === null || Array.isArray(cur) || !Object.hasOwn(cur, k)) return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}

/** A scalar at a path as a trimmed non-empty string. */
export function strAt(o: unknown, path: string): string | undefined {
  const v = at(o, path);
  if (typeof v === 'string') {
    const t = v.trim();
    return t === '' ? undefined : t;
  }
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

/** The first present field among `paths`, with the path it came from. */
export function firstAt(o: unknown, paths: readonly string[] | undefined): { path: string; value: string } | undefined {
  for (const p of paths ?? []) {
    const value = strAt(o, p);
    if (value !== undefined) return { path: p, value };
  }
  return undefined;
}

/** A copy of `o` with `value` at a dotted path (objects on the way are copied, never mutated). */
export function withPath(o: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const [head, ...rest] = path.split('.');
  const key = head as string;
  if (rest.length === 0) return { ...o, [key]: value };
  const inner = at(o, key);
  const child = typeof inner === 'object' && inner !== null && !Array.isArray(inner) ? (inner as Record<string, unknown>) : {};
  return { ...o, [key]: withPath(child, rest.join('.'), value) };
}
