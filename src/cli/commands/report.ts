import type { Command } from 'commander';
import type { Lang } from '../../core/types.js';
import { UsageError } from '../usage.js';

export function register(program: Command): void {
  program
    .command('report')
    .description('read a transaction log once and report outcomes, decline reasons, the reconciliation queue and unmapped codes')
    .argument('<file>', 'NDJSON or CSV log, or - for stdin')
    .option('--format <f>', 'ndjson or csv (default: from the file extension, else ndjson)')
    .option('--html <file>', 'write a self-contained HTML report (inline CSS and SVG, no scripts, no network)')
    .option('--json', 'print the figures as JSON on stdout')
    .option('--lang <lang>', 'language of the HTML report: en, zh-Hant or zh-Hans', 'en')
    .addHelpText(
      'after',
      `
Each record needs provider and code; flow, message, amount, currency and ts are optional.
Lines = records + rejected + blank: unreadable lines are counted, never guessed at.

Examples:
  $ paycodes report payments.ndjson
  $ paycodes report payments.csv --html report.html --lang zh-Hant
  $ paycodes sample --rows 10000 | paycodes report - --json`,
    )
    .action(async (file: string, opts: { format?: string; html?: string; json?: boolean; lang: string }) => {
      if (opts.format !== undefined && opts.format !== 'ndjson' && opts.format !== 'csv') {
        throw new UsageError(`--format must be ndjson or csv, got "${opts.format}"`);
      }
      const { resolveLang } = await import('../../core/lang.js');
      const lang: Lang = resolveLang(opts.lang);
      if (file !== '-') {
        const { stat } = await import('node:fs/promises');
        const st = await stat(file).catch((e: NodeJS.ErrnoException) => {
          throw new UsageError(`cannot read ${file}: ${e.code ?? e.message}`);
        });
        if (!st.isFile()) throw new UsageError(`${file} is not a file`);
      }
      const { buildReport } = await import('../../analytics/report.js');
      const { quietOnClosedStdout } = await import('../../analytics/output.js');
      quietOnClosedStdout();
      const figures = await buildReport({
        file,
        format: opts.format as 'ndjson' | 'csv' | undefined,
        html: opts.html,
        lang,
        progress: true,
      });
      if (opts.json) process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
      else if (opts.html === undefined) {
        const { summary } = await import('../../analytics/summary.js');
        process.stdout.write(summary(figures));
      }
      if (opts.html !== undefined) process.stderr.write(`paycodes: wrote ${opts.html}\n`);
    });
}
