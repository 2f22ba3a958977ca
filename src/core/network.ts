import {
  type CodeGroup,
  type Decline,
  NETWORKS,
  type Network,
  RECURRING_ADVICE,
  RETRY_KINDS,
  type RecurringAdvice,
  type RetryKind,
  type RetryRules,
} from './network-rules.js';

/** What the network's codes say about one decline, and the groups of the rules that said it. */
export interface NetworkReading {
  network: Network;
  networkCode?: string;
  adviceCode?: string;
  decline?: Decline;
  retry?: RetryKind;
  waitSeconds?: number;
  recurring?: RecurringAdvice;
  stepUp?: true;
  groups: CodeGroup[];
}

const NETWORK_SET = new Set<unknown>(NETWORKS);

export function isNetwork(value: unknown): value is Network {
  return NETWORK_SET.has(value);
}

/**
 * Network and advice codes as networks write them: two characters, upper case. `1` and `01` are
 * the same code, as ISO 8583 field 39 is always two characters wide.
 */
export function networkCode(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const s = String(value).normalize('NFKC').trim().toUpperCase();
  if (s.length === 0 || s.length > 8 || !/^[0-9A-Z]+$/.test(s)) return undefined;
  return s.length === 1 ? `0${s}` : s;
}

const rank = <T>(order: readonly T[], v: T | undefined): number => (v === undefined ? order.length : order.indexOf(v));
const stricter = <T>(order: readonly T[], a: T | undefined, b: T | undefined): T | undefined => (rank(order, b) < rank(order, a) ? b : a);

/**
 * Reads the network's codes against the rule groups. Where several groups speak, the strictest
 * word wins: a hard decline over a soft one, "never" over "later", "stop" over "wait".
 */
export function readNetwork(rules: RetryRules, network: Network, code?: string, advice?: string): NetworkReading {
  const out: NetworkReading = { network, groups: [] };
  if (code !== undefined) out.networkCode = code;
  if (advice !== undefined) out.adviceCode = advice;
  // `*` catches the decline codes that no listed category names, so it only classifies those.
  const named =
    code !== undefined && rules.groups.some((g) => g.network === network && g.retry !== undefined && g.networkCodes?.includes(code));
  for (const g of rules.groups) {
    if (g.network !== network) continue;
    const byCode = code !== undefined && g.networkCodes?.includes(code) === true;
    const byAdvice = advice !== undefined && g.adviceCodes?.includes(advice) === true;
    const byWildcard = code !== undefined && !named && g.networkCodes?.includes('*') === true;
    if (!byCode && !byAdvice && !byWildcard) continue;
    out.groups.push(g);
    out.decline = stricter(['hard', 'soft'] as const, out.decline, g.decline);
    out.retry = stricter(RETRY_KINDS, out.retry, g.retry);
    out.recurring = stricter(RECURRING_ADVICE, out.recurring, g.recurring);
    if (g.waitSeconds !== undefined) out.waitSeconds = Math.max(out.waitSeconds ?? 0, g.waitSeconds);
    if (g.stepUp) out.stepUp = true;
  }
  return out;
}
