import type { Command } from 'commander';
import { UsageError } from '../usage.js';

function count(name: string, v: string, max = 1e9): number {
  const n = Number(v);
  if (!/^\d+$/.test(v.trim()) || !Number.isSafeInteger(n) || n > max)
    throw new UsageError(`${name} must be a whole number up to ${max}, got "${v}"`);
  return n;
}

function rate(name: string, v: string): number {
  const n = Number(v);
  if (v.trim() === '' || !(n >= 0 && n <= 1)) throw new UsageError(`${name} must be a number between 0 and 1, got "${v}"`);
  return n;
}

export function register(program: Command): void {
  program
    .command('sample')
    .description('write a realistic synthetic transaction log (NDJSON); the same seed always gives the same bytes')
    .option('--rows <n>', 'lines to write', '1000')
    .option('--seed <s>', 'seed (a whole number)', '1')
    .option('--out <file>', 'write to a file (atomically) instead of stdout')
    .option('--unmapped-rate <r>', 'share of records with codes the catalog does not know', '0.03')
    .option('--malformed-rate <r>', 'share of lines that cannot be read (truncated JSON, bad UTF-8, blank, …)', '0')
    .option('--start <iso>', 'first timestamp (UTC)', '2026-11-01T00:00:00Z')
    .option('--days <d>', 'length of the time window in days', '14')
    .addHelpText(
      'after',
      `
Fields: id, order_id, ts, provider, flow, code, state, message, amount (major units), currency.
state is the transaction state that two-layer providers (qfpay, eftpay, ottpay) report next to
an accepted request; about 2% of accepted requests have none, as when a logger misses it. A
failed payment is sometimes retried under the same order_id.
Providers: qfpay and eftpay (HKD), shopline-payments (TWD, errors only: it sends no code on success),
subotiz (USD), ottpay (CAD).

Examples:
  $ paycodes sample --rows 5 --seed 7
  $ paycodes sample --rows 1000000 --seed 1 --out big.ndjson
  $ paycodes sample --rows 2000 --malformed-rate 0.01 | paycodes report - --json`,
    )
    .action(
      async (opts: {
        rows: string;
        seed: string;
        out?: string;
        unmappedRate: string;
        malformedRate: string;
        start: string;
        days: string;
      }) => {
        const rows = count('--rows', opts.rows);
        const seed = Number(opts.seed);
        if (!/^-?\d+$/.test(opts.seed.trim()) || !Number.isSafeInteger(seed))
          throw new UsageError(`--seed must be a whole number, got "${opts.seed}"`);
        const days = Number(opts.days);
        if (opts.days.trim() === '' || !(days > 0 && days <= 36600)) {
          throw new UsageError(`--days must be more than 0 and at most 36600 (a fraction is fine), got "${opts.days}"`);
        }
        if (Number.isNaN(Date.parse(opts.start))) throw new UsageError(`--start must be an ISO 8601 time, got "${opts.start}"`);
        const { sampleChunks } = await import('../../analytics/sample.js');
        const { checkOutput, quietOnClosedStdout, streamOut } = await import('../../io/sink.js');
        if (opts.out === undefined) quietOnClosedStdout();
        else await checkOutput(opts.out);
        const chunks = sampleChunks({
          rows,
          seed,
          unmappedRate: rate('--unmapped-rate', opts.unmappedRate),
          malformedRate: rate('--malformed-rate', opts.malformedRate),
          start: opts.start,
          days,
        });
        try {
          await streamOut(chunks, opts.out);
        } catch (e) {
          // A reader that stops early (`| head`) is not an error.
          if ((e as NodeJS.ErrnoException).code === 'EPIPE') return;
          throw e;
        }
        if (opts.out !== undefined) process.stderr.write(`paycodes: wrote ${rows} lines to ${opts.out}\n`);
      },
    );
}
