/**
 * How to find every code in a provider's verbatim source document, without the catalog's help.
 * One rule per provider that is not a seed: the lines between `from` and `to` (first line
 * containing each, `to` excluded) are matched against `pattern`, whose first capture group is the
 * code. `count` pins how many codes the rule finds, so a rule that silently matches nothing fails.
 */
export interface SourceRule {
  /** The first line of the range contains this text; the range starts at the top when absent. */
  from?: string;
  /** The range ends before the first line after `from` that contains this text. */
  to?: string;
  /** Matched against each line in the range; capture group 1 is the code. Keep it linear (no nested quantifiers). */
  pattern: RegExp;
  /** Several captures per line: use a global pattern and take every match's group 1. */
  all?: boolean;
  /** Rewrites a captured code the way the provider file canonicalises it (padding, case). */
  canonical?: (code: string) => string;
  /**
   * Lines matching this start a new section; a row repeated verbatim within one section counts
   * once (the catalog holds it once). `count` is the number after that.
   */
  section?: RegExp;
  count: number;
  /** The source repeats rows (same code and text in another sheet); compare distinct codes. */
  distinct?: boolean;
}

export type SourceRules = Record<string, SourceRule | SourceRule[]>;

/** Codes the rules find in `lines`, in document order. */
export function codesBySourceRules(lines: string[], rules: SourceRule | SourceRule[]): string[] {
  const out: string[] = [];
  for (const rule of Array.isArray(rules) ? rules : [rules]) {
    let start = 0;
    if (rule.from !== undefined) {
      start = lines.findIndex((l) => l.includes(rule.from as string));
      if (start < 0) throw new Error(`rule start "${rule.from}" not found`);
    }
    let end = lines.length;
    if (rule.to !== undefined) {
      const i = lines.findIndex((l, n) => n > start && l.includes(rule.to as string));
      if (i < 0) throw new Error(`rule end "${rule.to}" not found`);
      end = i;
    }
    const found: string[] = [];
    const seen = new Set<string>();
    let section = '';
    for (const line of lines.slice(start, end)) {
      if (rule.section?.test(line)) section = line;
      if (rule.section) {
        const key = `${section}\u0000${line}`;
        if (seen.has(key)) continue;
        seen.add(key);
      }
      if (rule.all) {
        for (const m of line.matchAll(rule.pattern)) if (m[1] !== undefined) found.push(m[1]);
      } else {
        const m = line.match(rule.pattern);
        if (m?.[1] !== undefined) found.push(m[1]);
      }
    }
    if (found.length !== rule.count) throw new Error(`rule ${rule.pattern} found ${found.length} codes, expected ${rule.count}`);
    out.push(...found.map((c) => (rule.canonical ? rule.canonical(c) : c)));
  }
  return out;
}

/** Whether any of the rules says its source repeats rows. */
export function isDistinct(rules: SourceRule | SourceRule[]): boolean {
  return (Array.isArray(rules) ? rules : [rules]).some((r) => r.distinct === true);
}
