import type { Command } from 'commander';
import { type RecordFieldOptions, recordFieldOptions } from '../record-fields.js';

interface Options extends Partial<RecordFieldOptions> {
  format?: string;
  out?: string;
  provider?: string;
  csvSafe?: boolean;
  lang?: string;
  progress?: boolean;
  quiet?: boolean;
  summaryJson?: boolean;
}

/** More than this many unreadable records are counted, not each listed. */
const MAX_LISTED = 50;

export function register(program: Command): void {
  recordFieldOptions(program.command('normalize'))
    .description('normalize a whole NDJSON or CSV file of response codes, streaming: one output record per input record')
    .argument('[file]', 'input file, or - for stdin (the default)')
    .option('--format <format>', 'ndjson or csv (default: from the file extension, else sniffed from the first lines)')
    .option('--out <file>', 'write here instead of stdout (atomically: a temp file renamed at the end)')
    .option('--provider <id>', 'provider of records that have no provider field')
    .option('--csv-safe', "CSV output: prefix cells that start with = + - @ tab or CR with ' (spreadsheet formula injection)")
    .option('--lang <lang>', 'also add customer_message and merchant_message in this language (en, zh-Hant, zh-Hans)')
    .option('--no-progress', 'no progress line on stderr (it only shows when stderr is a terminal)')
    .option('--quiet', 'no summary on stderr (unreadable records are still reported)')
    .option('--summary-json', 'print the summary on stderr as one JSON object')
    .addHelpText(
      'after',
      `
Each input record is an NDJSON object or a CSV row with provider, code, and optionally flow,
state (the transaction state, for providers that report it apart from the request code) and
message. Each output record is the input record, byte for byte, with known, unified, category,
outcome, next, party, disclosure and confidence added (CSV also gets a paycodes_error column).
An NDJSON record that already has one of those keys gets it replaced, never repeated.
A record that cannot be read is passed through with paycodes_error, and its line is reported on
stderr. Blank lines are not records: they are skipped and counted in the summary.

Exit status: 0 every record was read, 1 some could not be read (they are still in the output),
2 usage error (unknown option or provider, missing or unreadable input, CSV header without a code column).

Examples:
  $ paycodes normalize payments.ndjson > decided.ndjson
  $ paycodes normalize export.csv --out decided.csv
  $ cat log.jsonl | paycodes normalize --provider qfpay --code-field respcd
  $ paycodes normalize refunds.csv --flow-field type --lang zh-Hant --out refunds.decided.csv`,
    )
    .action(async (file: string | undefined, opts: Options) => {
      const { UsageError } = await import('../usage.js');
      const { requireProvider } = await import('../provider-arg.js');
      const { parseLang } = await import('../format/options.js');
      const { normalizeStream, formatSummary } = await import('../../batch/run.js');
      const { printable } = await import('../../io/printable.js');
      if (opts.format !== undefined && opts.format !== 'ndjson' && opts.format !== 'csv') {
        throw new UsageError(`--format must be ndjson or csv, got "${opts.format}"`);
      }
      let listed = 0;
      const batch: Parameters<typeof normalizeStream>[0] = {
        fields: {
          provider: opts.providerField ?? 'provider',
          code: opts.codeField ?? 'code',
          flow: opts.flowField ?? 'flow',
          message: opts.messageField ?? 'message',
          state: opts.stateField ?? 'state',
          network: opts.networkField ?? 'network',
          networkCode: opts.networkCodeField ?? 'network_code',
          adviceCode: opts.adviceCodeField ?? 'advice_code',
        },
        csvSafe: opts.csvSafe === true,
        progress: opts.progress !== false && process.stderr.isTTY === true && !opts.quiet,
        onReject: (line, message) => {
          listed++;
          if (listed <= MAX_LISTED) process.stderr.write(`paycodes: line ${line}: ${printable(message)}\n`);
        },
      };
      if (file !== undefined) batch.input = file;
      if (opts.format !== undefined) batch.format = opts.format as 'ndjson' | 'csv';
      if (opts.out !== undefined) batch.out = opts.out;
      if (opts.provider !== undefined) batch.provider = requireProvider(opts.provider);
      if (opts.lang !== undefined) batch.lang = parseLang(opts.lang);
      const summary = await normalizeStream(batch);
      if (listed > MAX_LISTED) process.stderr.write(`paycodes: ... and ${listed - MAX_LISTED} more unreadable records\n`);
      if (opts.summaryJson) process.stderr.write(`${JSON.stringify(summary)}\n`);
      else if (!opts.quiet) process.stderr.write(`${formatSummary(summary)}\n`);
      process.exitCode = summary.rejected > 0 ? 1 : 0;
    });
}
