import type { Command } from 'commander';
import { UsageError } from '../usage.js';

const FORMATS = ['auto', 'markdown', 'csv', 'tsv', 'html', 'lines'] as const;

export function register(program: Command): void {
  program
    .command('import')
    .description("turn a provider's code table (copied from its docs) into a draft catalog YAML")
    .argument('<file>', 'the table: markdown, CSV, TSV, HTML, or text scraped from a page')
    .requiredOption('--provider <id>', 'id for the new provider (lowercase words joined by hyphens)')
    .option('--format <format>', `input format: ${FORMATS.join(', ')}`, 'auto')
    .option('--out <file>', 'write the draft YAML here instead of standard output')
    .option('--json', 'print the parsed entries with their suggestions as JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ paycodes import codes.md --provider acme-pay --out catalog/providers/acme-pay.yaml
  $ paycodes import scraped.txt --provider acme-pay --json

Every entry gets a suggested unified code from the classifier, marked in its notes for review.`,
    )
    .action(async (file: string, opts: { provider: string; format: string; out?: string; json?: boolean }) => {
      if (!/^[a-z][a-z0-9-]*$/.test(opts.provider)) {
        throw new UsageError(`provider id "${opts.provider}" must be lowercase words joined by hyphens, e.g. acme-pay`);
      }
      if (!(FORMATS as readonly string[]).includes(opts.format)) {
        throw new UsageError(`unknown format "${opts.format}" (formats: ${FORMATS.join(', ')})`);
      }
      const { readFileSync, writeFileSync } = await import('node:fs');
      const { relative, resolve } = await import('node:path');
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (e) {
        throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      }
      const { importTable, toDraftYaml } = await import('../../import/index.js');
      const result = importTable(text, { provider: opts.provider, format: opts.format as (typeof FORMATS)[number] });
      if (result.entries.length === 0) throw new UsageError(`no codes found in ${file} (format ${result.format})`);
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        return;
      }
      const document = relative(process.cwd(), resolve(file)) || file;
      const yaml = toDraftYaml(result, { document });
      if (opts.out) {
        writeFileSync(opts.out, yaml);
        const low = result.entries.filter((e) => e.suggestion.unified === 'unmapped').length;
        process.stdout.write(
          `wrote ${result.entries.length} draft entries (${result.format}) to ${opts.out}; ${low} without a confident suggestion\n`,
        );
      } else process.stdout.write(yaml);
    });
}
