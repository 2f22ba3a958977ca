import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('validate')
    .description('check the catalog YAML against the schema and the source documents')
    .option('--dir <path>', 'catalog folder (holds providers/, unified.yaml, sources/)', 'catalog')
    .option('--root <path>', 'folder that source.document paths are relative to', '.')
    .option('--json', 'print the problems as JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ paycodes validate
  $ paycodes validate --dir ./my-catalog --root . --json

Each problem is printed as file:line:column: message. Exit status 1 when there are problems.`,
    )
    .action(async (opts: { dir: string; root: string; json?: boolean }) => {
      const { resolve } = await import('node:path');
      const { validateCatalog } = await import('../../catalog/validate.js');
      const { formatProblem } = await import('../../catalog/load.js');
      const result = validateCatalog({ dir: resolve(opts.dir), root: resolve(opts.root) });
      if (opts.json) {
        process.stdout.write(
          `${JSON.stringify({ ok: result.problems.length === 0, problems: result.problems, counts: result.counts }, null, 2)}\n`,
        );
      } else {
        for (const p of result.problems) process.stderr.write(`${formatProblem(p)}\n`);
        const { providers, entries, unified } = result.counts;
        const summary = `${providers} providers, ${entries} entries, ${unified} unified codes`;
        if (result.problems.length === 0) process.stdout.write(`catalog ok: ${summary}\n`);
        else process.stderr.write(`catalog: ${result.problems.length} problem(s) (${summary})\n`);
      }
      process.exitCode = result.problems.length === 0 ? 0 : 1;
    });
}
