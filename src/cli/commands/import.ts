import type { Command } from 'commander';
import { UsageError } from '../usage.js';

const FORMATS = ['auto', 'markdown', 'csv', 'tsv', 'html', 'json', 'source', 'lines'] as const;

export function register(program: Command): void {
  program
    .command('import')
    .description("turn a provider's code table (copied from its docs) into a draft catalog YAML")
    .argument('<file>', 'the document: markdown, HTML, CSV/TSV, JSON/YAML, SDK source, or text scraped from a page')
    .requiredOption('--provider <id>', 'id for the new provider (lowercase letters and digits joined by hyphens)')
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
      if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(opts.provider)) {
        throw new UsageError(
          `provider id "${opts.provider}" must be lowercase letters and digits, words joined by hyphens, e.g. acme-pay or 2c2p`,
        );
      }
      if (!(FORMATS as readonly string[]).includes(opts.format)) {
        throw new UsageError(`unknown format "${opts.format}" (formats: ${FORMATS.join(', ')})`);
      }
      const { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } = await import('node:fs');
      const { basename, dirname, extname, join, relative, resolve } = await import('node:path');
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
      const summary = summaryText(result, file);
      if (!opts.out) {
        process.stdout.write(toDraftYaml(result, { document: relative(process.cwd(), resolve(file)) || file, text }));
        process.stderr.write(summary);
        return;
      }
      // The verbatim copy goes to the catalog's sources/ folder: <catalog>/providers/<id>.yaml → <catalog>/sources/.
      const outDir = dirname(resolve(opts.out));
      const catalogDir = basename(outDir) === 'providers' ? dirname(outDir) : outDir;
      const root = basename(outDir) === 'providers' ? dirname(catalogDir) : process.cwd();
      const copy = join(catalogDir, 'sources', `${opts.provider}${extname(file) || '.txt'}`);
      const fail = (e: unknown, path: string) =>
        new UsageError(`cannot write ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      if (!existsSync(outDir)) throw new UsageError(`cannot write ${opts.out}: the folder ${dirname(opts.out)} does not exist`);
      try {
        mkdirSync(dirname(copy), { recursive: true });
        if (resolve(file) !== copy) copyFileSync(file, copy);
      } catch (e) {
        throw fail(e, copy);
      }
      const yaml = toDraftYaml(result, { document: relative(root, copy).split('\\').join('/'), text });
      try {
        writeFileSync(opts.out, yaml);
      } catch (e) {
        throw fail(e, opts.out);
      }
      const low = result.entries.filter((e) => e.suggestion.unified === 'unmapped').length;
      process.stdout.write(
        `wrote ${result.entries.length} draft entries (${result.format}) to ${opts.out} and the source to ${relative(process.cwd(), copy)}; ${low} without a confident suggestion\n${summary}`,
      );
    });
}

/** Tables found, rows read, rows skipped with reason and line, codes listed more than once. */
function summaryText(result: import('../../import/index.js').ImportResult, file: string): string {
  const s = result.summary;
  const safe = (x: string) => JSON.stringify(x).slice(1, -1);
  const lines = [`${s.tables} tables found, ${s.rowsRead} rows read, ${result.entries.length} codes, ${s.skipped.length} rows skipped`];
  for (const k of s.skipped.slice(0, 50)) lines.push(`  skipped ${safe(file)}:${k.line}: ${safe(k.reason)}`);
  if (s.skipped.length > 50) lines.push(`  … and ${s.skipped.length - 50} more skipped rows (see --json)`);
  if (s.duplicates.length > 0) {
    lines.push(`${s.duplicates.length} codes listed more than once:`);
    for (const d of s.duplicates.slice(0, 30))
      lines.push(`  ${safe(d.code)} in ${d.sections.map((x) => safe(x || '(no section)')).join(', ')}`);
    if (s.duplicates.length > 30) lines.push(`  … and ${s.duplicates.length - 30} more (see --json)`);
  }
  return `${lines.join('\n')}\n`;
}
