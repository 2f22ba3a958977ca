import type { Network } from '../core/network-rules.js';
import { retryRules } from '../data/retry-rules.js';

/**
 * One row of the exported network code groups: a card network's issuer response code (`kind`
 * `issuer`) or advice code (`kind` `advice`) and one group it belongs to, straight from the retry
 * rules data. A code in several groups has a row per group; `*` is the issuer code every decline
 * falls under when no group with a retry rule names it (Visa category 4).
 */
export interface NetworkCodeRow {
  network: Network;
  kind: 'issuer' | 'advice';
  code: string;
  group_id: string;
  decline: string | null;
  retry: string | null;
  wait_seconds: number | null;
  recurring: string | null;
  step_up: boolean;
  says: string;
  source: string;
}

export function buildNetworkRows(): NetworkCodeRow[] {
  const rows: NetworkCodeRow[] = [];
  for (const g of retryRules.groups) {
    const base = {
      network: g.network,
      group_id: g.id,
      decline: g.decline ?? null,
      retry: g.retry ?? null,
      wait_seconds: g.waitSeconds ?? null,
      recurring: g.recurring ?? null,
      step_up: g.stepUp === true,
      says: g.says,
      source: g.source,
    };
    for (const code of g.networkCodes ?? []) rows.push({ ...base, kind: 'issuer', code });
    for (const code of g.adviceCodes ?? []) rows.push({ ...base, kind: 'advice', code });
  }
  return rows;
}
