import { OUTCOMES } from '../core/types.js';
import { printable } from '../io/printable.js';
import { REJECT, type RejectReason } from '../io/reject.js';
import type { ReportFigures } from './figures.js';

/** Every value that came from the log goes through this: a terminal must not act on it. */
const p = printable;

const pct = (a: number, b: number): string => (b === 0 ? '0.0%' : `${((a / b) * 100).toFixed(1)}%`);
const n = (x: number): string => x.toLocaleString('en');
const money = (x: number): string => x.toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** The plain-text report printed when neither --json nor --html is asked for. */
export function summary(f: ReportFigures): string {
  const i = f.input;
  const out: string[] = [];
  out.push(`${p(i.file)}: ${n(i.lines)} lines = ${n(i.records)} records + ${n(i.rejected)} rejected + ${n(i.blank)} blank`);
  out.push('');
  out.push('Outcomes');
  for (const o of OUTCOMES) out.push(`  ${o.padEnd(10)} ${n(f.outcomes[o]).padStart(10)}  ${pct(f.outcomes[o], i.records).padStart(6)}`);
  out.push('');
  out.push('Reconciliation queue (pending + unknown)');
  for (const q of f.reconciliation) {
    out.push(
      `  ${p(q.currency).padEnd(8)} ${n(q.queue.records).padStart(8)} of ${n(q.total.records).padEnd(8)} ${pct(q.queue.records, q.total.records).padStart(6)}   ${money(q.queue.amount).padStart(16)} of ${money(q.total.amount)}`,
    );
  }
  out.push('');
  out.push('Top reasons (not succeeded)');
  for (const g of f.reasons.filter((x) => x.notSucceeded > 0)) {
    const top = g.top
      .slice(0, 3)
      .map((r) => `${r.unified} ${n(r.count)}`)
      .join(', ');
    out.push(`  ${`${p(g.provider)}/${g.flow}`.padEnd(28)} ${top}`);
  }
  out.push('');
  out.push(`Unmapped codes: ${n(f.unmapped.distinct)} distinct, ${n(f.unmapped.records)} records`);
  for (const u of f.unmapped.codes.slice(0, 10)) {
    out.push(`  ${p(u.provider)} ${p(u.code)}  ×${n(u.count)}  ${u.messages[0] !== undefined ? p(JSON.stringify(u.messages[0])) : ''}`);
  }
  if (f.unmapped.dropped.records > 0) out.push(`  (+${n(f.unmapped.dropped.records)} records beyond the tracking limit)`);
  if (i.rejected > 0) {
    out.push('');
    out.push('Rejected');
    for (const r of i.rejections) {
      const wording = Object.hasOwn(REJECT, r.reason) ? REJECT[r.reason as RejectReason] : '';
      out.push(`  ${r.reason.padEnd(18)} ${n(r.count).padStart(8)}  lines ${r.lines.join(', ')}  ${wording}`);
    }
  }
  return `${out.join('\n')}\n`;
}
