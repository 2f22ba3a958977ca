/**
 * A snapshot of the built-in prototypes user input could pollute: their own keys and descriptors.
 * Compared before and after a run, it shows whether anything added, removed or replaced a member.
 */
export type PrototypeSnapshot = Map<string, Map<PropertyKey, PropertyDescriptor>>;

const TARGETS: Record<string, object> = {
  Object: Object.prototype,
  Array: Array.prototype,
  String: String.prototype,
  Function: Function.prototype,
  Number: Number.prototype,
};

export function snapshotPrototypes(): PrototypeSnapshot {
  const snap: PrototypeSnapshot = new Map();
  for (const [name, proto] of Object.entries(TARGETS)) {
    const own = new Map<PropertyKey, PropertyDescriptor>();
    for (const k of Reflect.ownKeys(proto)) own.set(k, Object.getOwnPropertyDescriptor(proto, k) as PropertyDescriptor);
    snap.set(name, own);
  }
  return snap;
}

/** Differences between two snapshots, as readable lines; empty when nothing changed. */
export function prototypeChanges(before: PrototypeSnapshot, after: PrototypeSnapshot): string[] {
  const out: string[] = [];
  for (const [name, b] of before) {
    const a = after.get(name) ?? new Map();
    for (const [k, d] of a) {
      const old = b.get(k);
      if (old === undefined) out.push(`${name}.prototype gained ${String(k)}`);
      else if (
        old.value !== d.value ||
        old.get !== d.get ||
        old.set !== d.set ||
        old.writable !== d.writable ||
        old.enumerable !== d.enumerable ||
        old.configurable !== d.configurable
      ) {
        out.push(`${name}.prototype.${String(k)} changed`);
      }
    }
    for (const k of b.keys()) if (!a.has(k)) out.push(`${name}.prototype lost ${String(k)}`);
  }
  if (Object.getPrototypeOf(Object.prototype) !== null) out.push('Object.prototype has a prototype');
  if (({} as Record<string, unknown>).polluted !== undefined) out.push('{}.polluted is set');
  return out;
}
