import type { Flow, Next, Outcome, Party } from '../core/types.js';

/** What `paycodes report --json` prints. Every list is bounded, whatever the input. */
export interface ReportFigures {
  input: InputFigures;
  outcomes: OutcomeCounts;
  known: { known: number; unmapped: number };
  providers: Array<{ provider: string; records: number; outcomes: OutcomeCounts }>;
  reasons: ReasonGroup[];
  reconciliation: CurrencyQueue[];
  unmapped: UnmappedFigures;
  timeseries: TimeSeries;
  /** Accepted requests logged without their transaction state, by provider: a logging gap, not a failure. */
  acceptedNoState: { records: number; providers: Array<{ provider: string; records: number }> };
  /** Groups, currencies or keys beyond the caps, folded away so hostile input cannot exhaust memory. */
  dropped: { reasonGroups: number; currencies: number };
}

export interface InputFigures {
  file: string;
  format: 'ndjson' | 'csv';
  /** Physical lines for NDJSON, CSV records (after the header) for CSV: lines = records + rejected + blank. */
  lines: number;
  /** Records read and normalized. */
  records: number;
  /** Lines or rows that could not be read; not counted in any other figure. */
  rejected: number;
  /** Empty or whitespace-only lines, skipped and counted on their own. */
  blank: number;
  rejections: Array<{ reason: string; count: number; lines: number[] }>;
}

export type OutcomeCounts = Record<Outcome, number>;

export interface ReasonGroup {
  provider: string;
  flow: Flow;
  records: number;
  /** Records whose outcome is not `succeeded`: the denominator of each reason's share. */
  notSucceeded: number;
  top: Array<{ unified: string; outcome: Outcome; next: Next; party: Party; count: number; share: number }>;
}

export interface Money {
  records: number;
  /** Sum in major units, rounded to cents. */
  amount: number;
}

export interface CurrencyQueue {
  currency: string;
  total: Money;
  pending: Money;
  unknown: Money;
  /** pending + unknown: what waits for reconciliation. */
  queue: Money & { share: number; amountShare: number };
  /** Records of this currency with no readable amount. */
  withoutAmount: number;
  /**
   * Part of `queue`: requests the provider accepted whose log line has no transaction state. The
   * money is not in doubt because of the provider but because the log lacks its second layer.
   */
  acceptedNoState: Money;
  /** The oldest timestamp among the queued records that are really in doubt (not acceptedNoState). */
  oldestInDoubt: string | null;
}

export interface UnmappedFigures {
  /** Distinct (provider, code) pairs tracked. */
  distinct: number;
  records: number;
  /** Records of pairs first seen after the cap was reached: counted, not itemised. */
  dropped: { records: number };
  codes: Array<{ provider: string; code: string; count: number; flows: Flow[]; messages: string[] }>;
}

export interface TimeSeries {
  bucket: 'hour' | 'day' | 'month' | null;
  from: string | null;
  to: string | null;
  points: Array<{ start: string } & OutcomeCounts>;
  withTimestamp: number;
  withoutTimestamp: number;
}
