import type { Command } from 'commander';
import type { Lang } from '../../core/types.js';
import { UsageError } from '../usage.js';

const FORMATS = ['json', 'csv', 'sql', 'md'];
const DIALECTS = ['duckdb', 'postgres', 'sqlite', 'bigquery'];

export function register(program: Command): void {
  program
    .command('export')
    .description('export the whole mapping (one row per catalog reading) as JSON, CSV, SQL or Markdown')
    .option('--format <f>', 'json, csv, sql or md', 'json')
    .option('--dialect <d>', 'for --format sql: duckdb (the default), postgres, sqlite or bigquery')
    .option('--table <name>', 'for --format sql: table name, optionally dataset-qualified (default paycodes_mapping)')
    .option('--lang <lang>', 'only this language for the messages (default: all three; md: en)')
    .option('--out <file>', 'write to a file (atomically) instead of stdout')
    .addHelpText(
      'after',
      `
Rows carry is_default and is_default_for_flow_any, so a plain join reproduces normalize():
exact flow, then the code's \`any\` reading, then the reading for flow \`any\`. See docs/analytics.md.
--format sql also writes paycodes_state (an "accepted" request code with a transaction state,
for two-layer logs) and paycodes_network_codes (card network decline code groups), in the same
schema or dataset as --table.

Examples:
  $ paycodes export --format csv --out paycodes.csv
  $ paycodes export --format sql --dialect sqlite | sqlite3 payments.db
  $ paycodes export --format sql --dialect bigquery --table mydataset.paycodes_mapping
  $ paycodes export --format md --lang zh-Hant`,
    )
    .action(async (opts: { format: string; dialect?: string; table?: string; lang?: string; out?: string }) => {
      if (!FORMATS.includes(opts.format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got "${opts.format}"`);
      if (opts.format !== 'sql') {
        // An option that would be ignored is a mistake worth saying, not a silent default.
        if (opts.dialect !== undefined) throw new UsageError(`--dialect only applies to --format sql (got --format ${opts.format})`);
        if (opts.table !== undefined) throw new UsageError(`--table only applies to --format sql (got --format ${opts.format})`);
      }
      const dialect = opts.dialect ?? 'duckdb';
      const table = opts.table ?? 'paycodes_mapping';
      if (!DIALECTS.includes(dialect)) throw new UsageError(`--dialect must be one of ${DIALECTS.join(', ')}, got "${dialect}"`);
      const { resolveLang } = await import('../../core/lang.js');
      if (opts.out !== undefined) {
        const { checkOutput } = await import('../../io/sink.js');
        await checkOutput(opts.out);
      }
      const lang: Lang | undefined = opts.lang === undefined ? undefined : resolveLang(opts.lang);
      const x = await import('../../analytics/export.js');
      const { buildMapping } = await import('../../analytics/mapping.js');
      const rows = buildMapping();
      let text: string;
      let extra = '';
      if (opts.format === 'json') text = x.toJson(rows, lang);
      else if (opts.format === 'csv') text = x.toCsv(rows, lang);
      else if (opts.format === 'md') text = x.toMarkdown(rows, lang);
      else {
        try {
          x.checkTableName(table);
        } catch (e) {
          throw new UsageError(`--table: ${(e as Error).message}`);
        }
        const { buildStateRows } = await import('../../analytics/state.js');
        const { buildNetworkRows } = await import('../../analytics/network.js');
        const tables = { mapping: rows, state: buildStateRows(), network: buildNetworkRows() };
        text = x.toSql(tables, dialect as 'duckdb', { lang, table });
        extra = `, ${tables.state.length} state rows and ${tables.network.length} network code rows`;
      }
      const { quietOnClosedStdout, writeFileAtomic } = await import('../../io/sink.js');
      if (opts.out === undefined) {
        quietOnClosedStdout();
        process.stdout.write(text);
        return;
      }
      await writeFileAtomic(opts.out, text);
      process.stderr.write(`paycodes: wrote ${rows.length} rows${extra} to ${opts.out}\n`);
    });
}
