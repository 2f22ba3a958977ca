import type { Command } from 'commander';
import type { Lang } from '../../core/types.js';
import { type RecordFieldOptions, recordFieldOptions } from '../record-fields.js';
import { UsageError } from '../usage.js';

interface Options extends RecordFieldOptions {
  format?: string;
  html?: string;
  json?: boolean;
  lang: string;
}

export function register(program: Command): void {
  recordFieldOptions(program.command('report'))
    .description('read a transaction log once and report outcomes, decline reasons, the reconciliation queue and unmapped codes')
    .argument('<file>', 'NDJSON or CSV log, or - for stdin')
    .option('--format <f>', 'ndjson or csv (default: from the file extension, else sniffed from the first lines)')
    .option('--html <file>', 'write a self-contained HTML report (inline CSS and SVG, no scripts, no network)')
    .option('--json', 'print the figures as JSON on stdout')
    .option('--lang <lang>', 'language of the HTML report: en, zh-Hant or zh-Hans', 'en')
    .addHelpText(
      'after',
      `
Each record needs provider and code; flow, state, message, amount, currency and ts are optional.
Lines = records + rejected + blank: unreadable lines are counted, never guessed at.

Exit status: 0 the log was read, 1 no record could be read (an empty log, or every line rejected),
2 usage error (unknown option, missing or unreadable input, CSV header without provider or code).

Examples:
  $ paycodes report payments.ndjson
  $ paycodes report payments.csv --html report.html --lang zh-Hant
  $ cat payments.csv | paycodes report -
  $ paycodes sample --rows 10000 | paycodes report - --json`,
    )
    .action(async (file: string, opts: Options) => {
      if (opts.format !== undefined && opts.format !== 'ndjson' && opts.format !== 'csv') {
        throw new UsageError(`--format must be ndjson or csv, got "${opts.format}"`);
      }
      const { resolveLang } = await import('../../core/lang.js');
      const lang: Lang = resolveLang(opts.lang);
      const { buildReport } = await import('../../analytics/report.js');
      const { quietOnClosedStdout } = await import('../../io/sink.js');
      quietOnClosedStdout();
      const figures = await buildReport({
        file,
        format: opts.format as 'ndjson' | 'csv' | undefined,
        fields: {
          provider: opts.providerField,
          code: opts.codeField,
          flow: opts.flowField,
          state: opts.stateField,
          message: opts.messageField,
          network: opts.networkField,
          networkCode: opts.networkCodeField,
          adviceCode: opts.adviceCodeField,
        },
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
      if (figures.input.records === 0) {
        process.stderr.write(
          `paycodes: no record could be read from ${file === '-' ? 'stdin' : file} (${figures.input.rejected} rejected, ${figures.input.blank} blank)\n`,
        );
        process.exitCode = 1;
      }
    });
}
