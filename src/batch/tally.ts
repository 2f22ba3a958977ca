import { OUTCOMES } from '../core/types.js';
import type { Verdict } from './decide.js';

const MAX_UNMAPPED_KEYS = 10_000;

/** Counts for the summary, and the stderr report of records that could not be read. */
export class Tally {
  /** Every record in, read or not (blank lines are not records). */
  records = 0;
  rejected = 0;
  blank = 0;
  readonly outcomes: number[] = OUTCOMES.map(() => 0);
  readonly unmapped = new Map<string, number>();
  /** Unmapped records whose code did not fit in the bounded map. */
  unmappedOther = 0;

  constructor(private readonly report: (line: number, message: string) => void) {}

  count(v: Verdict, line: number): void {
    this.records++;
    if (v.outcome < 0) {
      this.rejected++;
      this.report(line, v.error ?? 'unreadable record');
      return;
    }
    this.outcomes[v.outcome] = (this.outcomes[v.outcome] ?? 0) + 1;
    if (v.unmapped !== undefined) {
      const n = this.unmapped.get(v.unmapped);
      if (n !== undefined) this.unmapped.set(v.unmapped, n + 1);
      else if (this.unmapped.size < MAX_UNMAPPED_KEYS) this.unmapped.set(v.unmapped, 1);
      else this.unmappedOther++;
    }
  }

  reject(line: number, message: string): void {
    this.records++;
    this.rejected++;
    this.report(line, message);
  }
}
