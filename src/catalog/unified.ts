import type { UnifiedInfo } from '../core/data.js';
import { unifiedVerdict, type Verdict } from '../core/policy.js';
import type { Disclosure, Flow, Lang, Next, Outcome, Party } from '../core/types.js';
import { en } from '../data/messages/en.js';
import { zhHans } from '../data/messages/zh-hans.js';
import { zhHant } from '../data/messages/zh-hant.js';
import { unified } from '../data/unified.js';
import { unifiedInfo } from '../data/unified-info.js';

// The taxonomy half of the catalog API: it reads the unified codes and their messages only, so a
// caller that needs no provider (the CLI's explain card) loads no provider data.

export interface UnifiedCode {
  code: string;
  category: string;
  outcome: Outcome;
  next: Next;
  party: Party;
  disclosure: Disclosure;
  description: string;
  equivalents: UnifiedInfo['equivalents'];
  flows: Partial<Record<Flow, { outcome?: Outcome; next?: Next; party?: Party; reason: string }>>;
  messages: Record<Lang, { customer: string; merchant: string }>;
}

function unifiedCode(code: string): UnifiedCode | undefined {
  const t = Object.hasOwn(unified.codes, code) ? unified.codes[code] : undefined;
  if (!t) return undefined;
  const flows: UnifiedCode['flows'] = {};
  for (const [f, p] of Object.entries(unified.flows[code] ?? {})) {
    if (!p) continue;
    const o: NonNullable<UnifiedCode['flows'][Flow]> = { reason: p[3] };
    if (p[0]) o.outcome = p[0];
    if (p[1]) o.next = p[1];
    if (p[2]) o.party = p[2];
    flows[f as Flow] = o;
  }
  const m = (t: Record<string, [string, string]>) => ({ customer: t[code]?.[0] ?? '', merchant: t[code]?.[1] ?? '' });
  return {
    code,
    category: t[0],
    outcome: t[1],
    next: t[2],
    party: t[3],
    disclosure: t[4],
    description: unifiedInfo[code]?.description ?? '',
    equivalents: unifiedInfo[code]?.equivalents ?? {},
    flows,
    messages: { en: m(en), 'zh-Hant': m(zhHant), 'zh-Hans': m(zhHans) },
  };
}

/**
 * What a unified code decides on a flow when no entry overrides it: the policy's reading, the same
 * one `normalize()` starts from. Undefined for a code the catalog does not have.
 */
export function unifiedReading(code: string, flow: Flow = 'any'): (Verdict & { flow: Flow }) | undefined {
  const t = typeof code === 'string' && Object.hasOwn(unified.codes, code) ? unified.codes[code] : undefined;
  return t === undefined ? undefined : unifiedVerdict(t, unified.flows[code], flow);
}

/** Every unified code, in taxonomy order. */
export function listUnified(): UnifiedCode[] {
  return Object.keys(unified.codes).map((c) => unifiedCode(c) as UnifiedCode);
}

/** One unified code, or undefined. */
export function getUnified(code: string): UnifiedCode | undefined {
  return typeof code === 'string' ? unifiedCode(code) : undefined;
}
